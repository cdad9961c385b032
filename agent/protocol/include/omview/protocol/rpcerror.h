// The error of a failed call: the JSON-RPC error object an agent sent, or one the
// client made itself (timeout, lost connection); codes as in docs/protocol.md.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QString>
#include <expected>
#include <omview/protocol/protocolerror.h>

namespace omview {

// Error codes of the protocol. An agent may send codes not listed here (see
// versioning in docs/protocol.md), so RpcError keeps the code as a plain int.
enum class ErrorCode : int {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
    HpcRefused = -32000,    // data: {errno, file}
    NoSuchProcess = -32001, // data: {pid}
    NoSuchNode = -32002,    // data: {node}
    PermissionDenied = -32003,
    ForwardingFailed = -32004, // data: {node}
    ProtocolMismatch = -32005, // data: {supported: [versions]}
    MigrationFailed = -32006,  // data: {reason, pid?}
    SpawnFailed = -32007,      // proc.spawn: the job could not start; data: {reason?}
    NoSuchJob = -32008,        // data: {job}
    // Made by the client itself; never on the wire.
    Timeout = -32090,
    ConnectionLost = -32091,
    BadResponse = -32092,
    OutOfSync = -32093,
};

// One JSON-RPC error object: code, human-readable message, optional data.
struct RpcError {
    int code = static_cast<int>(ErrorCode::InternalError);
    QString message;
    QJsonValue data = QJsonValue::Undefined; // Undefined = no data member

    RpcError() = default;
    RpcError(ErrorCode c, QString msg, QJsonValue d = QJsonValue::Undefined);
    RpcError(int c, QString msg, QJsonValue d = QJsonValue::Undefined);

    // -32602 for a parameter that failed to decode; data {param} names it,
    // with the error's own data merged in.
    static RpcError invalidParams(const ProtocolError &error);

    bool is(ErrorCode c) const { return code == static_cast<int>(c); }
    // "message (code)" for logs and dialogs.
    QString toString() const;
    bool operator==(const RpcError &) const = default;
};

QJsonObject toJson(const RpcError &error);
// Decodes an error object; tolerates unknown members like every result.
std::expected<RpcError, ProtocolError> rpcErrorFromJson(const QJsonValue &value);

// The outcome of a call to an agent.
template<class T> using Result = std::expected<T, RpcError>;

} // namespace omview

Q_DECLARE_METATYPE(omview::RpcError)
