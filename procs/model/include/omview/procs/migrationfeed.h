// Keeps a MigrationLogModel fed from the agents: one `migrations` subscription per node (each
// node reports the moves it carries out as their source), all through the console's one agent
// connection.
#pragma once

#include <QObject>
#include <QPointer>
#include <map>
#include <memory>
#include <omview/protocol/types.h>

namespace omview {
class AgentClient;
class MigrationSubscription;
} // namespace omview

namespace omview::procs {

class MigrationLogModel;

class MigrationFeed : public QObject {
    Q_OBJECT

public:
    // @log is fed, not owned (it may be deleted first).
    explicit MigrationFeed(MigrationLogModel *log, QObject *parent = nullptr);
    ~MigrationFeed() override;

    // The connection to subscribe through (not owned; null: none). Every node is subscribed
    // again on it.
    void setClient(AgentClient *client);
    // The nodes to follow, as the cluster table lists them.
    void setNodes(const QList<NodeId> &nodes);
    // Subscribes again every node whose subscription ended (after a reconnection).
    void resubscribe();

    QList<NodeId> nodes() const;

signals:
    // A node's subscription ended or was refused; its moves from now on are not seen.
    void failed(omview::NodeId node, const QString &message);

private:
    void subscribe(NodeId node, std::unique_ptr<MigrationSubscription> &subscription);

    QPointer<MigrationLogModel> m_log;
    QPointer<AgentClient> m_client;
    std::map<NodeId, std::unique_ptr<MigrationSubscription>> m_subscriptions;
};

} // namespace omview::procs
