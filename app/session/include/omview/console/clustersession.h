// One connection to an entry node's agent, kept up (reconnect with backoff),
// subscribed to its cluster table.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <memory>
#include <omview/console/connectionprofile.h>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/delta.h>
#include <omview/protocol/subscription.h>
#include <omview/protocol/types.h>
#include <omview/ssh/reconnector.h>
#include <omview/ssh/reconnectpolicy.h>
#include <omview/ssh/sshstatus.h>
#include <omview/ssh/sshtransport.h>
#include <optional>

namespace omview {

// The console's link to a cluster: an AgentClient over the profile's
// transport (local socket or SSH), a Reconnector that brings it back after
// failures that may cure themselves, and a subscription to the entry agent's
// cluster table, renewed after every reconnection. The window never waits on
// it: everything arrives as signals.
class ClusterSession : public QObject {
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    explicit ClusterSession(ConnectionProfile profile, QObject *parent = nullptr);
    ~ClusterSession() override;

    // Connects (Connecting, then Connected or Reconnecting/Failed) and stays connected
    // until close(). A profile that cannot work fails at once (Failed, message()).
    void open();
    // Disconnects and stops reconnecting (Disconnected).
    void close();

    State state() const { return m_state; }
    // tr(): "Connected to node 1 (root@127.0.0.1:2222)", "Retrying in 4 s: …".
    QString stateText() const { return m_stateText; }
    const ConnectionProfile &profile() const { return m_profile; }
    // The entry agent's node ID, from hello; nullopt until the first connection.
    std::optional<NodeId> entryNode() const { return m_entryNode; }
    // For any call; pass the target node as `node` (the entry agent forwards).
    AgentClient *client() const { return m_client.get(); }
    // nullptr for the local socket; answer host-key and credential prompts on it.
    SshTransport *sshTransport() const { return m_ssh; }

    // The entry agent's table as last received (sorted by node ID); kept while reconnecting.
    const QList<NodeRecord> &nodes() const { return m_nodes; }
    // Whether `node` is in that table.
    bool hasNode(NodeId node) const;
    // Why the connection last failed, "" when it did not.
    QString lastError() const { return m_lastError; }

    // Backoff of reconnection attempts; takes effect at the next open().
    void setReconnectSettings(const ReconnectSettings &settings) { m_reconnectSettings = settings; }
    // The cluster table's update interval (250..60000 ms); takes effect at the next subscription.
    void setUpdateInterval(std::chrono::milliseconds interval) { m_interval = interval; }

signals:
    void stateChanged(omview::ClusterSession::State state);
    // The whole table after each update, and what changed.
    void clusterUpdated(const QList<omview::NodeRecord> &nodes,
                        const omview::NodeRecordListDelta &delta);
    void hostKeyUnknown(const omview::HostKeyPrompt &prompt);
    void credentialsRequested(const omview::CredentialsPrompt &prompt);
    void promptWithdrawn();
    // One line for the status bar, already tr()'d.
    void message(const QString &text);

private:
    void setState(State state, const QString &text);
    void onReady(const HelloResult &hello);
    void onConnectionFailed(const RpcError &error);
    void onRetryScheduled(int attempt, std::chrono::milliseconds delay, const QString &reason);
    void onGaveUp(const QString &reason);
    void subscribe();
    void onSubscriptionEnded(const RpcError &error);
    QString where() const;

    ConnectionProfile m_profile;
    std::unique_ptr<AgentClient> m_client;
    SshTransport *m_ssh = nullptr; // owned by m_client
    std::unique_ptr<Reconnector> m_reconnector;
    std::unique_ptr<ClusterSubscription> m_subscription;
    QTimer m_resubscribe;
    ReconnectSettings m_reconnectSettings;
    std::chrono::milliseconds m_interval{DefaultIntervalMs};
    State m_state = State::Disconnected;
    QString m_stateText;
    QString m_lastError;
    std::optional<NodeId> m_entryNode;
    QList<NodeRecord> m_nodes;
};

} // namespace omview
