// The typed, asynchronous client of omagentd's API over any Transport.
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <omview/protocol/jsonrpc.h>
#include <omview/protocol/methods.h>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/subscription.h>
#include <omview/protocol/transport.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview {

// A connection to one agent: says hello, then offers one method per API call.
// Each call returns a QFuture that finishes with the typed result or an
// RpcError (the agent's, or Timeout / ConnectionLost / BadResponse); it never
// hangs. Calls made while connecting are sent once hello succeeded.
//
//   client.nodeStatus().then(this, [](Result<NodeStatus> r) { ... });
class AgentClient : public QObject {
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Negotiating, Ready };
    Q_ENUM(State)

    static constexpr std::chrono::milliseconds DefaultTimeout{10000};
    // proc.migrate's default: a big process takes minutes to dump, copy and restore.
    static constexpr std::chrono::milliseconds MigrateTimeout{600000};

    // Owns the transport. clientName ("omview-console 0.1.0") is sent in hello.
    AgentClient(std::unique_ptr<Transport> transport, QString clientName,
                QObject *parent = nullptr);
    ~AgentClient() override;

    // Opens the transport and says hello; ready() or connectionFailed() follows.
    void connectToAgent();
    // Fails every pending call with ConnectionLost and ends every subscription.
    void disconnectFromAgent();

    State state() const { return m_state; }
    // What the agent said in hello; set while Ready.
    const std::optional<HelloResult> &agent() const { return m_agent; }
    Transport *transport() const { return m_transport.get(); }

    // The timeout of calls made from now on.
    void setRequestTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds requestTimeout() const { return m_timeout; }

    // The API (docs/protocol.md). `node` absent = the agent's own node.
    // Parameters are checked with the agent's own decoders first: a value the
    // agent would refuse fails at once with InvalidParams.
    QFuture<Result<NodeStatus>> nodeStatus(std::optional<NodeId> node = {});
    QFuture<Result<QList<NodeRecord>>> clusterNodes(std::optional<NodeId> node = {});
    QFuture<Result<Settings>> settings(std::optional<NodeId> node = {});
    QFuture<Result<Settings>> setSettings(const SettingsChange &change,
                                          std::optional<NodeId> node = {});
    // expel and bring answer when the moves they start are over: they wait MigrateTimeout.
    QFuture<Result<void>> expel(std::optional<NodeId> node = {});
    QFuture<Result<void>> bring(std::optional<NodeId> node = {});
    QFuture<Result<QString>> nodeMap(std::optional<NodeId> node = {});
    QFuture<Result<void>> setNodeMap(const QString &text, std::optional<NodeId> node = {});
    QFuture<Result<QList<ProcessInfo>>> processes(std::optional<QString> user = {},
                                                  std::optional<NodeId> node = {});
    QFuture<Result<void>> signalProcess(std::int32_t pid, ProcessSignal signal,
                                        std::optional<NodeId> node = {});
    QFuture<Result<void>> renice(std::int32_t pid, std::int32_t nice,
                                 std::optional<NodeId> node = {});
    QFuture<Result<void>> setProcessLocked(std::int32_t pid, bool locked,
                                           std::optional<NodeId> node = {});
    // Moves a process; `node` is the agent that handles it (its home, or where it
    // runs as a guest). Waits up to `timeout` (default MigrateTimeout).
    QFuture<Result<MigrateResult>>
    procMigrate(std::int32_t pid, const MigrateTarget &target, std::optional<NodeId> node = {},
                std::optional<std::chrono::milliseconds> timeout = {});

    // Subscriptions; the caller owns the object. It starts Pending, becomes
    // Active when the agent accepted it, and emits updated() per update.
    std::unique_ptr<NodeSubscription> subscribeNode(
        std::optional<NodeId> node = {},
        std::chrono::milliseconds interval = std::chrono::milliseconds(DefaultIntervalMs));
    std::unique_ptr<ClusterSubscription> subscribeCluster(
        std::optional<NodeId> node = {},
        std::chrono::milliseconds interval = std::chrono::milliseconds(DefaultIntervalMs));
    std::unique_ptr<ProcessSubscription> subscribeProcesses(
        std::optional<QString> user = {}, std::optional<NodeId> node = {},
        std::chrono::milliseconds interval = std::chrono::milliseconds(DefaultIntervalMs));
    // The moves a node carries out. `interval` only paces a subscription to another node,
    // which the agent asks for new events that often; this node's come at once.
    std::unique_ptr<MigrationSubscription> subscribeMigrations(
        std::optional<NodeId> node = {},
        std::chrono::milliseconds interval = std::chrono::milliseconds(DefaultIntervalMs));

    // Any method by name, for tools and for methods newer than this client.
    QFuture<Result<QJsonValue>> call(const QString &method, const QJsonObject &params,
                                     std::optional<std::chrono::milliseconds> timeout = {});

signals:
    void stateChanged(omview::AgentClient::State state);
    void ready(const omview::HelloResult &agent);
    // The connection could not be made or broke: the transport failed or
    // closed, hello was refused (ProtocolMismatch), or the agent sent a
    // malformed message. State is Disconnected when this is emitted; not
    // emitted for disconnectFromAgent().
    void connectionFailed(const omview::RpcError &error);

private:
    friend class Subscription;
    using Completion = std::move_only_function<void(Result<QJsonValue>)>;
    struct Pending {
        QString method;
        std::chrono::milliseconds timeout;
        QDeadlineTimer deadline;
        Completion complete;
        QByteArray queuedLine; // not yet sent: waiting for hello
    };

    template<class T>
    QFuture<Result<T>> request(QLatin1StringView method, const QJsonObject &params,
                               std::optional<std::chrono::milliseconds> timeout = {});
    template<class P, class T>
    QFuture<Result<T>> checkedRequest(QLatin1StringView method, const P &params,
                                      std::optional<std::chrono::milliseconds> timeout = {});
    template<class S> std::unique_ptr<S> subscribe(S *subscription, const SubscribeParams &params);

    void submit(const QString &method, const QJsonObject &params, std::chrono::milliseconds timeout,
                Completion complete);
    void sendHello();
    void onHello(Result<QJsonValue> result);
    void onTransportState(Transport::State state);
    void onLine(const QByteArray &line);
    void onResponse(const rpc::Id &id, Result<QJsonValue> result);
    void onNotification(const QString &method, const QJsonValue &params);
    void onTimeout();
    void armTimeout();
    void setState(State state);
    // Closes the connection and fails everything in flight with `reason`.
    void shutDown(const RpcError &reason, bool notify);
    void sendUnsubscribe(SubscriptionId id);
    void releaseSubscription(SubscriptionId id);

    std::unique_ptr<Transport> m_transport;
    QString m_clientName;
    State m_state = State::Disconnected;
    std::optional<HelloResult> m_agent;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    qint64 m_nextId = 1;
    std::map<qint64, Pending> m_pending;
    std::map<SubscriptionId, QPointer<Subscription>> m_subscriptions;
    QTimer m_timeoutTimer;
    QString m_lastTransportError;
};

} // namespace omview
