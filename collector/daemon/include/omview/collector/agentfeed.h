// The collector's view of the cluster through one entry agent: the cluster
// table (every node's load, memory, ...), each node's process list and the
// moves each node finishes, kept current by subscriptions, reconnecting when
// the agent goes away.
#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <omview/protocol/agentclient.h>
#include <omview/store/types.h>
#include <optional>

namespace omview::collector {

class AgentFeed : public QObject {
    Q_OBJECT

public:
    struct Options {
        // A new transport for each connection attempt.
        std::function<std::unique_ptr<Transport>()> transport;
        QString clientName;
        // Process lists are kept for every live node when non-zero.
        std::chrono::seconds processInterval{10};
        std::chrono::milliseconds reconnectMin{1000};
        std::chrono::milliseconds reconnectMax{30000};
        // A node whose process subscription ended is tried again after this.
        std::chrono::milliseconds processRetry{10000};
    };

    struct Status {
        QString description;               // where the agent is
        QString state;                     // connected, connecting, disconnected
        QString error;                     // why the last connection failed
        std::optional<store::NodeId> node; // the entry agent's node
        int processNodes = 0;              // nodes whose process lists are current
    };

    explicit AgentFeed(Options options, QObject *parent = nullptr);
    ~AgentFeed() override;

    void start();

    // Every node with a sample newer than the one taken last time, sorted by
    // node. A node that is down, or whose sample did not change, is absent.
    QList<store::NodeSample> takeFreshSamples();
    // The process lists of the nodes whose process subscription is current.
    QList<store::NodeProcesses> processSnapshots() const;
    // The moves that finished (done or failed) since the last call, in the
    // order they arrived.
    QList<store::MigrationRecord> takeMigrations();
    Status status() const;

signals:
    // A cluster update arrived (for the tick clock's phase).
    void updateArrived();

private:
    struct ProcessFeed {
        std::unique_ptr<ProcessSubscription> subscription;
        bool haveData = false;
    };

    void connectNow();
    void onReady();
    void onConnectionFailed(const RpcError &error);
    void onClusterUpdate(const QList<NodeRecord> &nodes);
    void syncProcessFeeds(const QList<NodeRecord> &nodes);
    void subscribeProcesses(store::NodeId node);
    void dropProcessFeed(store::NodeId node);
    void syncMigrationFeeds(const QList<NodeRecord> &nodes);
    void subscribeMigrations(store::NodeId node);
    void dropMigrationFeed(store::NodeId node);
    void onMigrationEvents(const QList<MigrationEvent> &events);
    void reset();
    void noteFailure(const QString &message);

    Options m_options;
    QString m_description;
    std::unique_ptr<AgentClient> m_client;
    std::unique_ptr<ClusterSubscription> m_cluster;
    std::map<store::NodeId, ProcessFeed> m_processes;
    std::map<store::NodeId, std::chrono::steady_clock::time_point> m_processRetryAt;
    std::map<store::NodeId, std::unique_ptr<MigrationSubscription>> m_migrationFeeds;
    std::map<store::NodeId, std::chrono::steady_clock::time_point> m_migrationRetryAt;
    QList<store::MigrationRecord> m_finished;
    std::map<store::NodeId, std::int64_t> m_lastSampledAt;
    std::map<store::NodeId, store::NodeSample> m_fresh;
    QTimer m_reconnect;
    std::chrono::milliseconds m_backoff;
    QString m_lastError;
    bool m_warnedNodeZero = false;
};

// The store's view of what an agent reports.
store::NodeSample toSample(const NodeStatus &status);
store::ProcessSample toSample(const ProcessInfo &process);
// A "done" or "failed" event as a row; nullopt for the steps before the end.
std::optional<store::MigrationRecord> toRecord(const MigrationEvent &event);

} // namespace omview::collector
