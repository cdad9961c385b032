#include <QJsonObject>
#include <omview/peers/forwarderror.h>

namespace omview::peers {

RpcError ForwardError::toRpcError() const {
    const QJsonObject data{{QStringLiteral("node"), qint64(node)}};
    switch (kind) {
    case Kind::UnknownNode:
    case Kind::Unreachable:
    case Kind::Timeout:
        return RpcError(ErrorCode::NoSuchNode, message, data);
    case Kind::AuthFailed:
    case Kind::Refused:
    case Kind::ChannelClosed:
    case Kind::ProtocolError:
        break;
    }
    return RpcError(ErrorCode::ForwardingFailed, message, data);
}

const char *forwardErrorKindName(ForwardError::Kind kind) {
    switch (kind) {
    case ForwardError::Kind::UnknownNode:
        return "unknown node";
    case ForwardError::Kind::Unreachable:
        return "unreachable";
    case ForwardError::Kind::Timeout:
        return "timeout";
    case ForwardError::Kind::AuthFailed:
        return "authentication failed";
    case ForwardError::Kind::Refused:
        return "refused";
    case ForwardError::Kind::ChannelClosed:
        return "channel closed";
    case ForwardError::Kind::ProtocolError:
        return "protocol error";
    }
    return "?";
}

} // namespace omview::peers
