// Keeps a ClusterProcessModel fed from the agents: one ProcessListModel and one `procs`
// subscription per node of the cluster, all through the console's one agent connection
// (the agent forwards each node's subscription to that node).
#pragma once

#include <QObject>
#include <QPointer>
#include <map>
#include <memory>
#include <omview/protocol/types.h>

namespace omview {
class AgentClient;
class ProcessSubscription;
struct RpcError;
} // namespace omview

namespace omview::procs {

class ClusterProcessModel;
class ProcessListModel;

class ProcessFeed : public QObject {
    Q_OBJECT

public:
    // @model is fed, not owned (it may be deleted first); the node models the feed makes are
    // its children.
    explicit ProcessFeed(ClusterProcessModel *model, QObject *parent = nullptr);
    ~ProcessFeed() override;

    // The connection to subscribe through (not owned; null: none). Every node is
    // subscribed again on it; the rows stay as they were until the first update comes.
    void setClient(AgentClient *client);
    // The nodes to show, as the cluster table lists them: a node new here gets its model
    // and its subscription, a node no longer listed loses both.
    void setNodes(const QList<NodeId> &nodes);
    // Subscribes again every node whose subscription ended (after a reconnection).
    void resubscribe();

    ProcessListModel *modelOf(NodeId node) const;
    QList<NodeId> nodes() const;

signals:
    // A node's subscription ended or was refused; its rows stay as they were last.
    void failed(omview::NodeId node, const QString &message);

private:
    struct Feed {
        ProcessListModel *model = nullptr;
        std::unique_ptr<ProcessSubscription> subscription;
        bool seen = false; // the first update resets the rows, the later ones apply
    };
    void subscribe(NodeId node, Feed &feed);

    QPointer<ClusterProcessModel> m_model; // may go first, when both are a window's children
    QPointer<AgentClient> m_client;
    std::map<NodeId, Feed> m_feeds;
};

} // namespace omview::procs
