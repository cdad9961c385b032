// Why a forwarded request got no answer from the target node's agent.
#pragma once

#include <QString>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/types.h>

namespace omview::peers {

struct ForwardError {
    enum class Kind {
        UnknownNode,   // the membership does not hold the node
        Unreachable,   // no TCP connection (refused, no route, closed before handshake)
        Timeout,       // no answer within the timeout
        AuthFailed,    // the peer could not prove the cluster key, or refused ours
        Refused,       // the peer is not the node we asked for, or does not know us
        ChannelClosed, // the connection broke while the request was in flight
        ProtocolError, // a frame that does not verify or parse
    };
    Kind kind = Kind::Unreachable;
    NodeId node = 0;
    QString message; // names the node and the cause, for logs and the console

    // The JSON-RPC error the forwarding agent answers with: -32002 (no such
    // node / unreachable) for UnknownNode, Unreachable and Timeout, else -32004
    // (forwarding failed); data {node}.
    RpcError toRpcError() const;
};

const char *forwardErrorKindName(ForwardError::Kind kind);

} // namespace omview::peers
