// What the dispatcher needs from the cluster: the node table and a way to reach other nodes.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <functional>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/types.h>

namespace omview::agent {

using Completion = std::function<void(Result<QJsonValue>)>;

// The agent's view of its peers. The daemon adapts the peers library to it, and a node
// without peers (no map, no discovery) uses StandaloneLink.
class PeerLink {
public:
    virtual ~PeerLink() = default;

    // Every node this one knows, itself included, ascending by ID.
    virtual QList<NodeRecord> clusterTable() const = 0;
    // Sends a request to @node's agent; @done gets its result or error, or -32002 when the
    // node is unknown or unreachable, -32004 when the channel broke or timed out. Called on
    // the event loop, never before forward() returns.
    // @timeoutMs < 0: the configured forwarding timeout; long operations (a migration's
    // restore) give their own.
    virtual void forward(NodeId node, const QString &method, const QJsonObject &params,
                         Completion done, int timeoutMs = -1) = 0;
    // The same with @data beside the request, raw (a data request, docs/peers.md): bulk bytes
    // such as a migration's image chunks, which would cost far more inside the JSON.
    virtual void forwardData(NodeId node, const QString &method, const QJsonObject &params,
                             QByteArray data, Completion done, int timeoutMs) = 0;
};

} // namespace omview::agent
