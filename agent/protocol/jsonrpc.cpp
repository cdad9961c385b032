#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>
#include <cmath>
#include <omview/protocol/jsonrpc.h>

using namespace Qt::Literals::StringLiterals;

namespace omview::rpc {

Id::Id(qint64 number)
    : m_value(number) {}

Id::Id(const QString &string)
    : m_value(string) {}

std::optional<Id> Id::fromJson(const QJsonValue &value) {
    if (!value.isString() && !value.isDouble() && !value.isNull())
        return std::nullopt;
    Id id;
    id.m_value = value;
    return id;
}

std::optional<qint64> Id::toInteger() const {
    if (!m_value.isDouble())
        return std::nullopt;
    const double d = m_value.toDouble();
    const qint64 i = m_value.toInteger(0);
    if (std::trunc(d) != d || (i == 0 && d != 0))
        return std::nullopt;
    return i;
}

QString Id::toString() const {
    if (m_value.isString())
        return u"\"%1\""_s.arg(m_value.toString());
    if (auto i = toInteger())
        return QString::number(*i);
    if (m_value.isDouble())
        return QString::number(m_value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return u"null"_s;
}

namespace {

const auto kVersion = "2.0"_L1;

std::unexpected<ErrorResponse> invalid(const Id &id, const QString &message) {
    return std::unexpected(ErrorResponse{id, RpcError(ErrorCode::InvalidRequest, message)});
}

// Members JSON-RPC does not define for this kind of message, quoted, sorted.
QStringList unknownMembers(const QJsonObject &o, std::initializer_list<QLatin1StringView> known) {
    QStringList unknown;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (std::ranges::find(known, it.key()) == known.end())
            unknown.append(u"\"%1\""_s.arg(it.key()));
    }
    return unknown;
}

std::expected<Message, ErrorResponse> parseCall(const QJsonObject &o, const std::optional<Id> &id) {
    const Id replyId = id.value_or(Id{});
    const QStringList unknown =
        unknownMembers(o, {"jsonrpc"_L1, "id"_L1, "method"_L1, "params"_L1});
    if (!unknown.isEmpty())
        return invalid(replyId, u"unknown member %1 in a request"_s.arg(unknown.join(u", "_s)));
    const QJsonValue method = o.value("method"_L1);
    if (!method.isString())
        return invalid(replyId, u"method must be a string"_s);
    const QJsonValue params = o.value("params"_L1);
    if (!params.isUndefined() && !params.isObject() && !params.isArray())
        return invalid(replyId, u"params must be an object or an array"_s);
    if (id)
        return Request{*id, method.toString(), params};
    return Notification{method.toString(), params};
}

std::expected<Message, ErrorResponse> parseResponse(const QJsonObject &o,
                                                    const std::optional<Id> &id) {
    const Id replyId = id.value_or(Id{});
    const QStringList unknown = unknownMembers(o, {"jsonrpc"_L1, "id"_L1, "result"_L1, "error"_L1});
    if (!unknown.isEmpty())
        return invalid(replyId, u"unknown member %1 in a response"_s.arg(unknown.join(u", "_s)));
    if (o.contains("result"_L1) && o.contains("error"_L1))
        return invalid(replyId, u"a response must not have both result and error"_s);
    if (!id)
        return invalid(replyId, u"a response must have an id"_s);
    if (o.contains("result"_L1))
        return Response{*id, o.value("result"_L1)};
    auto error = rpcErrorFromJson(o.value("error"_L1));
    if (!error)
        return invalid(replyId, u"malformed error object: %1"_s.arg(
                                    error.error().within(u"error"_s).toString()));
    return ErrorResponse{*id, *error};
}

} // namespace

std::expected<Message, ErrorResponse> parseMessage(QByteArrayView line) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument refuses top-level scalars; those are JSON, just not messages.
        const QJsonDocument wrapped =
            QJsonDocument::fromJson('[' + line.toByteArray() + ']', nullptr);
        if (wrapped.isArray() && wrapped.array().size() == 1)
            return invalid({}, u"a message must be a JSON object"_s);
        return std::unexpected(
            ErrorResponse{{},
                          RpcError(ErrorCode::ParseError,
                                   u"parse error: %1 at offset %2"_s.arg(parseError.errorString())
                                       .arg(parseError.offset))});
    }
    if (doc.isArray())
        return invalid({}, u"batch requests are not supported; send one message per line"_s);
    if (!doc.isObject())
        return invalid({}, u"a message must be a JSON object"_s);
    const QJsonObject o = doc.object();

    std::optional<Id> id;
    if (o.contains("id"_L1)) {
        id = Id::fromJson(o.value("id"_L1));
        if (!id)
            return invalid({}, u"id must be a string, a number or null"_s);
    }
    const Id replyId = id.value_or(Id{});
    if (o.value("jsonrpc"_L1) != QJsonValue(kVersion))
        return invalid(replyId, u"jsonrpc must be \"2.0\""_s);
    if (o.contains("method"_L1))
        return parseCall(o, id);
    if (o.contains("result"_L1) || o.contains("error"_L1))
        return parseResponse(o, id);
    const QStringList unknown = unknownMembers(o, {"jsonrpc"_L1, "id"_L1, "params"_L1});
    if (!unknown.isEmpty())
        return invalid(replyId, u"missing method (unknown member %1)"_s.arg(unknown.join(u", "_s)));
    return invalid(replyId, u"missing method"_s);
}

QByteArray serialize(const Message &message) {
    QJsonObject o{{u"jsonrpc"_s, kVersion}};
    std::visit(
        [&o](const auto &m) {
            using M = std::decay_t<decltype(m)>;
            if constexpr (!std::is_same_v<M, Notification>)
                o.insert(u"id"_s, m.id.toJson());
            if constexpr (std::is_same_v<M, Request> || std::is_same_v<M, Notification>) {
                o.insert(u"method"_s, m.method);
                if (!m.params.isUndefined())
                    o.insert(u"params"_s, m.params);
            } else if constexpr (std::is_same_v<M, Response>) {
                o.insert(u"result"_s, m.result.isUndefined() ? QJsonValue() : m.result);
            } else {
                o.insert(u"error"_s, toJson(m.error));
            }
        },
        message);
    QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

ErrorResponse lineTooLongError(qsizetype limit) {
    return {{},
            RpcError(ErrorCode::InvalidRequest,
                     u"message too long: lines are limited to %1 bytes"_s.arg(limit))};
}

} // namespace omview::rpc
