// Subscriptions to an agent's pushed updates: each applies the deltas it
// receives so its consumer always has the full current state plus what changed.
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <omview/protocol/delta.h>
#include <omview/protocol/methods.h>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview {

class AgentClient;

// One subscription on an AgentClient connection (docs/protocol.md,
// `subscribe`). Deleting it unsubscribes; inside its own signals delete it
// with deleteLater().
class Subscription : public QObject {
    Q_OBJECT

public:
    enum class State { Pending, Active, Ended };
    Q_ENUM(State)

    ~Subscription() override;

    Topic topic() const { return m_topic; }
    State state() const { return m_state; }
    // The agent's ID for it; 0 until Active.
    SubscriptionId id() const { return m_id; }
    // Why it ended, when the agent, the connection or a bad update ended it.
    const std::optional<RpcError> &error() const { return m_error; }

    // Unsubscribes; the state becomes Ended without an ended() signal.
    void cancel();

signals:
    void activated();
    // Emitted from the event loop, never from inside the call that failed,
    // so a consumer connecting right after subscribing sees it.
    void ended(const omview::RpcError &error);

protected:
    Subscription(AgentClient *client, Topic topic);
    // Applies one delta to the held state and emits the subclass's updated();
    // on error the state is unchanged.
    virtual std::optional<ProtocolError> apply(const QJsonObject &delta) = 0;

private:
    friend class AgentClient;
    void activate(SubscriptionId id);
    // An update in order: applied, or the reason it could not be.
    std::optional<RpcError> deliver(std::uint64_t seq, const QJsonObject &delta);
    void finish(const RpcError &error);

    QPointer<AgentClient> m_client;
    Topic m_topic;
    State m_state = State::Pending;
    SubscriptionId m_id = 0;
    std::uint64_t m_seq = 0;
    std::optional<RpcError> m_error;
};

// The `node` topic: one node's status.
class NodeSubscription : public Subscription {
    Q_OBJECT

public:
    const NodeStatus &status() const { return m_status; }

signals:
    // The new status and the names of the fields that changed.
    void updated(const omview::NodeStatus &status, const QStringList &changedFields);

private:
    friend class AgentClient;
    explicit NodeSubscription(AgentClient *client);
    std::optional<ProtocolError> apply(const QJsonObject &delta) override;

    NodeStatus m_status;
};

// The `cluster` topic: a node's table of all nodes.
class ClusterSubscription : public Subscription {
    Q_OBJECT

public:
    // Sorted by node ID.
    const QList<NodeRecord> &nodes() const { return m_nodes; }

signals:
    void updated(const QList<omview::NodeRecord> &nodes, const omview::NodeRecordListDelta &delta);

private:
    friend class AgentClient;
    explicit ClusterSubscription(AgentClient *client);
    std::optional<ProtocolError> apply(const QJsonObject &delta) override;

    QList<NodeRecord> m_nodes;
};

// The `procs` topic: a node's processes.
class ProcessSubscription : public Subscription {
    Q_OBJECT

public:
    // Sorted by pid.
    const QList<ProcessInfo> &processes() const { return m_processes; }

signals:
    void updated(const QList<omview::ProcessInfo> &processes,
                 const omview::ProcessListDelta &delta);

private:
    friend class AgentClient;
    explicit ProcessSubscription(AgentClient *client);
    std::optional<ProtocolError> apply(const QJsonObject &delta) override;

    QList<ProcessInfo> m_processes;
};

// The `migrations` topic: the steps of the moves a node carries out as their source. It
// holds no state; each update is only the events since the previous one.
class MigrationSubscription : public Subscription {
    Q_OBJECT

signals:
    // The events of one update, in the order the node reported them (the first, empty
    // update included: it says the subscription is live).
    void updated(const QList<omview::MigrationEvent> &events);

private:
    friend class AgentClient;
    explicit MigrationSubscription(AgentClient *client);
    std::optional<ProtocolError> apply(const QJsonObject &delta) override;
};

} // namespace omview
