#include "logging.h"

#include <QJsonArray>
#include <QPromise>
#include <QStringList>
#include <algorithm>
#include <limits>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/jsonrpc.h>
#include <omview/protocol/settingschange.h>

using namespace Qt::Literals::StringLiterals;

namespace omview {

namespace {

template<class... F> struct Overloaded : F... {
    using F::operator()...;
};

template<class T> Result<T> decodeResult(const QString &method, Result<QJsonValue> result) {
    if (!result)
        return std::unexpected(std::move(result.error()));
    if constexpr (std::is_void_v<T>) {
        return {};
    } else {
        auto value = fromJson<T>(*result);
        if (!value)
            return std::unexpected(RpcError(ErrorCode::BadResponse,
                                            u"%1: the agent's result does not decode: %2"_s.arg(
                                                method, value.error().toString())));
        return std::move(*value);
    }
}

template<class T> QFuture<Result<T>> finished(Result<T> result) {
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

std::uint32_t toIntervalMs(std::chrono::milliseconds interval) {
    // Out-of-range values stay out of range so the parameter check names them.
    return static_cast<std::uint32_t>(
        std::clamp<std::chrono::milliseconds::rep>(interval.count(), 0, UINT32_MAX));
}

QString supportedVersions(const QJsonValue &data) {
    QStringList versions;
    for (const QJsonValue &v : data.toObject().value("supported"_L1).toArray())
        versions.append(QString::number(v.toInteger()));
    return versions.isEmpty() ? u"another version"_s : versions.join(u", "_s);
}

} // namespace

AgentClient::AgentClient(std::unique_ptr<Transport> transport, QString clientName, QObject *parent)
    : QObject(parent)
    , m_transport(std::move(transport))
    , m_clientName(std::move(clientName)) {
    m_timeoutTimer.setSingleShot(true);
    m_timeoutTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &AgentClient::onTimeout);
    connect(m_transport.get(), &Transport::stateChanged, this, &AgentClient::onTransportState);
    connect(m_transport.get(), &Transport::lineReceived, this, &AgentClient::onLine);
    connect(m_transport.get(), &Transport::errorOccurred, this,
            [this](const QString &message) { m_lastTransportError = message; });
}

AgentClient::~AgentClient() {
    m_transport->disconnect(this);
    shutDown(RpcError(ErrorCode::ConnectionLost, u"the client was destroyed"_s), false);
}

void AgentClient::connectToAgent() {
    if (m_state != State::Disconnected)
        return;
    m_lastTransportError.clear();
    m_agent.reset();
    setState(State::Connecting);
    m_transport->open();
    if (m_transport->state() == Transport::State::Open && m_state == State::Connecting)
        sendHello();
}

void AgentClient::disconnectFromAgent() {
    shutDown(RpcError(ErrorCode::ConnectionLost, u"disconnected by the client"_s), false);
}

void AgentClient::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void AgentClient::onTransportState(Transport::State state) {
    if (state == Transport::State::Open && m_state == State::Connecting) {
        sendHello();
    } else if (state == Transport::State::Closed && m_state != State::Disconnected) {
        const QString what = m_state == State::Connecting ? u"cannot connect to the agent"_s
                                                          : u"connection to the agent lost"_s;
        const QString why = m_lastTransportError.isEmpty()
                                ? u"%1 closed"_s.arg(m_transport->description())
                                : m_lastTransportError;
        shutDown(RpcError(ErrorCode::ConnectionLost, u"%1: %2"_s.arg(what, why)), true);
    }
}

void AgentClient::sendHello() {
    setState(State::Negotiating);
    const HelloParams params{ProtocolVersion, m_clientName};
    submit(methods::hello, toJson(params), m_timeout,
           [this](Result<QJsonValue> result) { onHello(std::move(result)); });
}

void AgentClient::onHello(Result<QJsonValue> result) {
    if (m_state != State::Negotiating)
        return;
    if (!result) {
        RpcError error = result.error();
        if (error.is(ErrorCode::ProtocolMismatch))
            error.message = u"the agent does not speak protocol %1 (it speaks %2): %3"_s.arg(
                QString::number(ProtocolVersion), supportedVersions(error.data), error.message);
        else
            error.message = u"hello failed: %1"_s.arg(error.message);
        shutDown(error, true);
        return;
    }
    auto hello = decodeResult<HelloResult>(methods::hello, std::move(result));
    if (!hello) {
        shutDown(hello.error(), true);
        return;
    }
    if (hello->protocol != ProtocolVersion) {
        shutDown(RpcError(ErrorCode::ProtocolMismatch,
                          u"the agent answered hello with protocol %1; this client speaks %2"_s
                              .arg(hello->protocol)
                              .arg(ProtocolVersion)),
                 true);
        return;
    }
    m_agent = *hello;
    qCDebug(lcProtocol).noquote() << "connected to" << hello->agent << "on node" << hello->node
                                  << "via" << m_transport->description();
    setState(State::Ready);
    // Calls made while connecting go out now, in the order they were made.
    for (auto &[id, pending] : m_pending) {
        if (pending.queuedLine.isEmpty())
            continue;
        const QByteArray line = std::exchange(pending.queuedLine, QByteArray());
        if (!m_transport->sendLine(line)) {
            shutDown(RpcError(ErrorCode::ConnectionLost, u"the transport refused to send"_s), true);
            return;
        }
    }
    emit ready(*m_agent);
}

void AgentClient::submit(const QString &method, const QJsonObject &params,
                         std::chrono::milliseconds timeout, Completion complete) {
    if (m_state == State::Disconnected) {
        complete(std::unexpected(
            RpcError(ErrorCode::ConnectionLost, u"%1: not connected to the agent"_s.arg(method))));
        return;
    }
    const qint64 id = m_nextId++;
    QByteArray line = rpc::serialize(rpc::Request{id, method, params});
    const bool sendNow = m_state == State::Ready || method == methods::hello;
    auto [it, inserted] =
        m_pending.emplace(id, Pending{method, timeout, QDeadlineTimer(timeout), std::move(complete),
                                      sendNow ? QByteArray() : line});
    Q_ASSERT(inserted);
    if (sendNow && !m_transport->sendLine(line)) {
        Completion failed = std::move(it->second.complete);
        m_pending.erase(it);
        failed(std::unexpected(RpcError(ErrorCode::ConnectionLost,
                                        u"%1: the transport refused to send"_s.arg(method))));
        return;
    }
    armTimeout();
}

void AgentClient::armTimeout() {
    if (m_pending.empty()) {
        m_timeoutTimer.stop();
        return;
    }
    qint64 soonest = std::numeric_limits<qint64>::max();
    for (const auto &[id, pending] : m_pending)
        soonest = std::min(soonest, pending.deadline.remainingTime());
    m_timeoutTimer.start(static_cast<int>(std::clamp<qint64>(soonest, 0, INT_MAX)));
}

void AgentClient::onTimeout() {
    std::vector<Pending> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->second.deadline.hasExpired()) {
            expired.push_back(std::move(it->second));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    armTimeout();
    const QPointer<AgentClient> self(this);
    for (Pending &p : expired) {
        qCInfo(lcProtocol).noquote() << p.method << "timed out after" << p.timeout.count() << "ms";
        p.complete(std::unexpected(RpcError(
            ErrorCode::Timeout,
            u"%1: no answer from the agent within %2 ms"_s.arg(p.method).arg(p.timeout.count()))));
        if (!self)
            return;
    }
}

void AgentClient::onLine(const QByteArray &line) {
    if (m_state == State::Disconnected)
        return;
    auto message = rpc::parseMessage(line);
    if (!message) {
        shutDown(RpcError(ErrorCode::BadResponse, u"the agent sent an invalid message: %1"_s.arg(
                                                      message.error().error.message)),
                 true);
        return;
    }
    std::visit(
        Overloaded{
            [this](const rpc::Response &r) { onResponse(r.id, r.result); },
            [this](const rpc::ErrorResponse &e) { onResponse(e.id, std::unexpected(e.error)); },
            [this](const rpc::Notification &n) { onNotification(n.method, n.params); },
            [this](const rpc::Request &r) {
                // Agents never call clients; answer like any JSON-RPC peer.
                m_transport->sendLine(rpc::serialize(rpc::ErrorResponse{
                    r.id, RpcError(ErrorCode::MethodNotFound,
                                   u"method not found: %1 (the client serves no methods)"_s.arg(
                                       r.method))}));
            },
        },
        *message);
}

void AgentClient::onResponse(const rpc::Id &id, Result<QJsonValue> result) {
    const auto number = id.toInteger();
    const auto it = number ? m_pending.find(*number) : m_pending.end();
    if (it == m_pending.end()) {
        if (id.isNull() && !result)
            qCWarning(lcProtocol).noquote()
                << "the agent could not read a request:" << result.error().toString();
        else
            qCDebug(lcProtocol).noquote()
                << "response to unknown or timed-out request" << id.toString();
        return;
    }
    Completion complete = std::move(it->second.complete);
    m_pending.erase(it);
    armTimeout();
    complete(std::move(result));
}

void AgentClient::onNotification(const QString &method, const QJsonValue &params) {
    if (method == notifications::update) {
        auto update = fromJson<UpdateParams>(params);
        if (!update) {
            shutDown(
                RpcError(ErrorCode::BadResponse,
                         u"the agent sent a malformed update: %1"_s.arg(update.error().toString())),
                true);
            return;
        }
        const auto it = m_subscriptions.find(update->subscription);
        if (it == m_subscriptions.end() || !it->second) {
            qCDebug(lcProtocol) << "update for unknown subscription" << update->subscription;
            return;
        }
        const QPointer<Subscription> subscription = it->second;
        if (auto error = subscription->deliver(update->seq, update->delta)) {
            m_subscriptions.erase(update->subscription);
            sendUnsubscribe(update->subscription);
            if (subscription)
                subscription->finish(*error);
        }
    } else if (method == notifications::ended) {
        auto ended = fromJson<EndedParams>(params);
        if (!ended) {
            shutDown(RpcError(ErrorCode::BadResponse, u"the agent sent a malformed ended: %1"_s.arg(
                                                          ended.error().toString())),
                     true);
            return;
        }
        const auto it = m_subscriptions.find(ended->subscription);
        if (it == m_subscriptions.end())
            return;
        const QPointer<Subscription> subscription = it->second;
        m_subscriptions.erase(it);
        if (subscription)
            subscription->finish(ended->error);
    } else {
        qCDebug(lcProtocol).noquote() << "ignoring notification" << method;
    }
}

void AgentClient::shutDown(const RpcError &reason, bool notify) {
    const bool wasConnected = m_state != State::Disconnected;
    if (wasConnected && notify)
        qCInfo(lcProtocol).noquote() << m_transport->description() << reason.toString();
    else if (wasConnected)
        qCDebug(lcProtocol).noquote() << m_transport->description() << reason.toString();
    m_agent.reset();
    setState(State::Disconnected);
    m_transport->close();
    m_timeoutTimer.stop();
    // Taken out first: completions and slots may call back into the client.
    auto pending = std::exchange(m_pending, {});
    auto subscriptions = std::exchange(m_subscriptions, {});
    const QPointer<AgentClient> self(this);
    for (auto &[id, p] : pending)
        p.complete(std::unexpected(
            RpcError(reason.code, u"%1: %2"_s.arg(p.method, reason.message), reason.data)));
    for (auto &[id, subscription] : subscriptions) {
        if (subscription)
            subscription->finish(reason);
    }
    if (self && notify && wasConnected)
        emit connectionFailed(reason);
}

void AgentClient::sendUnsubscribe(SubscriptionId id) {
    if (m_state != State::Ready)
        return;
    submit(methods::unsubscribe, toJson(UnsubscribeParams{id}), m_timeout,
           [id](Result<QJsonValue> result) {
               if (!result)
                   qCDebug(lcProtocol).noquote()
                       << "unsubscribe" << id << "failed:" << result.error().toString();
           });
}

void AgentClient::releaseSubscription(SubscriptionId id) {
    if (m_subscriptions.erase(id) > 0)
        sendUnsubscribe(id);
}

template<class T>
QFuture<Result<T>> AgentClient::request(QLatin1StringView method, const QJsonObject &params,
                                        std::optional<std::chrono::milliseconds> timeout) {
    QPromise<Result<T>> promise;
    QFuture<Result<T>> future = promise.future();
    promise.start();
    const QString name = method;
    submit(name, params, timeout.value_or(m_timeout),
           [promise = std::move(promise), name](Result<QJsonValue> result) mutable {
               promise.addResult(decodeResult<T>(name, std::move(result)));
               promise.finish();
           });
    return future;
}

template<class P, class T>
QFuture<Result<T>> AgentClient::checkedRequest(QLatin1StringView method, const P &params,
                                               std::optional<std::chrono::milliseconds> timeout) {
    const QJsonObject json = toJson(params);
    if (auto checked = fromJson<P>(json); !checked)
        return finished<T>(std::unexpected(RpcError::invalidParams(checked.error())));
    return request<T>(method, json, timeout);
}

QFuture<Result<NodeStatus>> AgentClient::nodeStatus(std::optional<NodeId> node) {
    return checkedRequest<NodeParams, NodeStatus>(methods::nodeStatus, NodeParams{node});
}

QFuture<Result<QList<NodeRecord>>> AgentClient::clusterNodes(std::optional<NodeId> node) {
    return checkedRequest<NodeParams, QList<NodeRecord>>(methods::clusterNodes, NodeParams{node});
}

QFuture<Result<Settings>> AgentClient::settings(std::optional<NodeId> node) {
    return checkedRequest<NodeParams, Settings>(methods::settingsGet, NodeParams{node});
}

QFuture<Result<Settings>> AgentClient::setSettings(const SettingsChange &change,
                                                   std::optional<NodeId> node) {
    return checkedRequest<SettingsSetParams, Settings>(methods::settingsSet,
                                                       SettingsSetParams{node, change});
}

QFuture<Result<void>> AgentClient::expel(std::optional<NodeId> node) {
    return checkedRequest<NodeParams, void>(methods::nodeExpel, NodeParams{node}, MigrateTimeout);
}

QFuture<Result<void>> AgentClient::bring(std::optional<NodeId> node) {
    return checkedRequest<NodeParams, void>(methods::nodeBring, NodeParams{node}, MigrateTimeout);
}

QFuture<Result<QString>> AgentClient::nodeMap(std::optional<NodeId> node) {
    return checkedRequest<NodeParams, MapText>(methods::mapGet, NodeParams{node})
        .then([](Result<MapText> r) -> Result<QString> {
            return std::move(r).transform([](MapText &&m) { return std::move(m.text); });
        });
}

QFuture<Result<void>> AgentClient::setNodeMap(const QString &text, std::optional<NodeId> node) {
    return checkedRequest<MapSetParams, void>(methods::mapSet, MapSetParams{node, text});
}

QFuture<Result<QList<ProcessInfo>>> AgentClient::processes(std::optional<QString> user,
                                                           std::optional<NodeId> node) {
    return checkedRequest<ProcListParams, QList<ProcessInfo>>(methods::procList,
                                                              ProcListParams{node, user});
}

QFuture<Result<void>> AgentClient::signalProcess(std::int32_t pid, ProcessSignal signal,
                                                 std::optional<NodeId> node) {
    return checkedRequest<ProcSignalParams, void>(methods::procSignal,
                                                  ProcSignalParams{node, pid, signal});
}

QFuture<Result<void>> AgentClient::renice(std::int32_t pid, std::int32_t nice,
                                          std::optional<NodeId> node) {
    return checkedRequest<ProcReniceParams, void>(methods::procRenice,
                                                  ProcReniceParams{node, pid, nice});
}

QFuture<Result<void>> AgentClient::setProcessLocked(std::int32_t pid, bool locked,
                                                    std::optional<NodeId> node) {
    return checkedRequest<ProcLockParams, void>(methods::procLock,
                                                ProcLockParams{node, pid, locked});
}

QFuture<Result<MigrateResult>>
AgentClient::procMigrate(std::int32_t pid, const MigrateTarget &target, std::optional<NodeId> node,
                         std::optional<std::chrono::milliseconds> timeout) {
    // Not checkedRequest: that one waits m_timeout, far too short for a move.
    const QJsonObject json = toJson(ProcMigrateParams{node, pid, target});
    if (auto checked = fromJson<ProcMigrateParams>(json); !checked)
        return finished<MigrateResult>(std::unexpected(RpcError::invalidParams(checked.error())));
    QPromise<Result<MigrateResult>> promise;
    QFuture<Result<MigrateResult>> future = promise.future();
    promise.start();
    const QString name = methods::procMigrate;
    submit(name, json, timeout.value_or(MigrateTimeout),
           [promise = std::move(promise), name](Result<QJsonValue> result) mutable {
               promise.addResult(decodeResult<MigrateResult>(name, std::move(result)));
               promise.finish();
           });
    return future;
}

QFuture<Result<QJsonValue>> AgentClient::call(const QString &method, const QJsonObject &params,
                                              std::optional<std::chrono::milliseconds> timeout) {
    QPromise<Result<QJsonValue>> promise;
    QFuture<Result<QJsonValue>> future = promise.future();
    promise.start();
    submit(method, params, timeout.value_or(m_timeout),
           [promise = std::move(promise)](Result<QJsonValue> result) mutable {
               promise.addResult(std::move(result));
               promise.finish();
           });
    return future;
}

std::unique_ptr<NodeSubscription> AgentClient::subscribeNode(std::optional<NodeId> node,
                                                             std::chrono::milliseconds interval) {
    SubscribeParams params{Topic::Node, node, toIntervalMs(interval), std::nullopt};
    return subscribe(new NodeSubscription(this), params);
}

std::unique_ptr<ClusterSubscription>
AgentClient::subscribeCluster(std::optional<NodeId> node, std::chrono::milliseconds interval) {
    SubscribeParams params{Topic::Cluster, node, toIntervalMs(interval), std::nullopt};
    return subscribe(new ClusterSubscription(this), params);
}

std::unique_ptr<ProcessSubscription>
AgentClient::subscribeProcesses(std::optional<QString> user, std::optional<NodeId> node,
                                std::chrono::milliseconds interval) {
    SubscribeParams params{Topic::Procs, node, toIntervalMs(interval), std::move(user)};
    return subscribe(new ProcessSubscription(this), params);
}

std::unique_ptr<MigrationSubscription>
AgentClient::subscribeMigrations(std::optional<NodeId> node, std::chrono::milliseconds interval) {
    SubscribeParams params{Topic::Migrations, node, toIntervalMs(interval), std::nullopt};
    return subscribe(new MigrationSubscription(this), params);
}

template<class S>
std::unique_ptr<S> AgentClient::subscribe(S *created, const SubscribeParams &params) {
    std::unique_ptr<S> subscription(created);
    const QJsonObject json = toJson(params);
    if (auto checked = fromJson<SubscribeParams>(json); !checked) {
        subscription->finish(RpcError::invalidParams(checked.error()));
        return subscription;
    }
    const QPointer<Subscription> weak(subscription.get());
    submit(methods::subscribe, json, m_timeout, [this, weak](Result<QJsonValue> result) {
        auto accepted = decodeResult<SubscribeResult>(methods::subscribe, std::move(result));
        if (!accepted) {
            if (weak)
                weak->finish(accepted.error());
            return;
        }
        const SubscriptionId id = accepted->subscription;
        if (!weak || weak->state() != Subscription::State::Pending) {
            // Deleted or cancelled while the agent was accepting it.
            sendUnsubscribe(id);
            return;
        }
        m_subscriptions.insert_or_assign(id, weak);
        weak->activate(id);
    });
    return subscription;
}

} // namespace omview
