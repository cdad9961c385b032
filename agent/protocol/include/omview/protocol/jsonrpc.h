// JSON-RPC 2.0 messages, one per line (docs/protocol.md): the message model,
// validation of a received line against every rule of the specification, and
// serialisation to one compact line.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <expected>
#include <omview/protocol/rpcerror.h>
#include <optional>
#include <variant>

namespace omview::rpc {

// A request id: a string, a number or null, kept as received so it is echoed exactly.
class Id {
public:
    Id() = default; // null
    Id(qint64 number);
    Id(const QString &string);

    // The id a message member holds, or nullopt when it is not a valid id type.
    static std::optional<Id> fromJson(const QJsonValue &value);
    QJsonValue toJson() const { return m_value; }

    bool isNull() const { return m_value.isNull(); }
    // The id as an integer, when it is an integral number.
    std::optional<qint64> toInteger() const;
    // For logs: 12, "abc" or null.
    QString toString() const;
    bool operator==(const Id &other) const { return m_value == other.m_value; }

private:
    QJsonValue m_value = QJsonValue::Null;
};

// A call that expects a response. params is Undefined when absent.
struct Request {
    Id id;
    QString method;
    QJsonValue params = QJsonValue::Undefined;
};

// A call without id, never answered.
struct Notification {
    QString method;
    QJsonValue params = QJsonValue::Undefined;
};

struct Response {
    Id id;
    QJsonValue result;
};

struct ErrorResponse {
    Id id;
    RpcError error;
};

using Message = std::variant<Request, Notification, Response, ErrorResponse>;

// Parses one line (without its '\n') as a single message. On failure the
// error is the response a server sends back: -32700 for text that is not JSON,
// -32600 for anything else, with the request's id when it could be read.
std::expected<Message, ErrorResponse> parseMessage(QByteArrayView line);

// The message as one compact JSON line, '\n' included.
QByteArray serialize(const Message &message);

// The answer to a line longer than the receiver accepts.
ErrorResponse lineTooLongError(qsizetype limit);

} // namespace omview::rpc
