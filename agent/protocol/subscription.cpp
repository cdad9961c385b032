#include "logging.h"

#include <omview/protocol/agentclient.h>
#include <omview/protocol/subscription.h>

using namespace Qt::Literals::StringLiterals;

namespace omview {

Subscription::Subscription(AgentClient *client, Topic topic)
    : m_client(client)
    , m_topic(topic) {}

Subscription::~Subscription() {
    if (m_client && m_state == State::Active)
        m_client->releaseSubscription(m_id);
}

void Subscription::cancel() {
    if (m_state == State::Ended)
        return;
    if (m_client && m_state == State::Active)
        m_client->releaseSubscription(m_id);
    m_state = State::Ended;
}

void Subscription::activate(SubscriptionId id) {
    m_id = id;
    m_state = State::Active;
    emit activated();
}

std::optional<RpcError> Subscription::deliver(std::uint64_t seq, const QJsonObject &delta) {
    if (m_state != State::Active)
        return std::nullopt;
    if (seq != m_seq + 1)
        return RpcError(
            ErrorCode::OutOfSync,
            u"subscription %1: update %2 arrived after update %3; updates were lost"_s.arg(m_id)
                .arg(seq)
                .arg(m_seq));
    // Counted before apply(): its updated() signal may delete this object.
    m_seq = seq;
    const SubscriptionId id = m_id;
    if (auto error = apply(delta))
        return RpcError(ErrorCode::OutOfSync,
                        u"subscription %1: update %2 does not apply: %3"_s.arg(id).arg(seq).arg(
                            error->toString()));
    return std::nullopt;
}

void Subscription::finish(const RpcError &error) {
    if (m_state == State::Ended)
        return;
    qCDebug(lcProtocol).noquote() << "subscription" << m_id << "ended:" << error.toString();
    m_state = State::Ended;
    m_error = error;
    QMetaObject::invokeMethod(this, [this, error] { emit ended(error); }, Qt::QueuedConnection);
}

NodeSubscription::NodeSubscription(AgentClient *client)
    : Subscription(client, Topic::Node) {}

std::optional<ProtocolError> NodeSubscription::apply(const QJsonObject &delta) {
    auto next = applyDelta(m_status, delta);
    if (!next)
        return next.error();
    m_status = std::move(*next);
    emit updated(m_status, delta.keys());
    return std::nullopt;
}

ClusterSubscription::ClusterSubscription(AgentClient *client)
    : Subscription(client, Topic::Cluster) {}

std::optional<ProtocolError> ClusterSubscription::apply(const QJsonObject &json) {
    auto delta = fromJson<NodeRecordListDelta>(json);
    if (!delta)
        return delta.error();
    auto next = applyDelta(m_nodes, *delta);
    if (!next)
        return next.error();
    m_nodes = std::move(*next);
    emit updated(m_nodes, *delta);
    return std::nullopt;
}

ProcessSubscription::ProcessSubscription(AgentClient *client)
    : Subscription(client, Topic::Procs) {}

std::optional<ProtocolError> ProcessSubscription::apply(const QJsonObject &json) {
    auto delta = fromJson<ProcessListDelta>(json);
    if (!delta)
        return delta.error();
    auto next = applyDelta(m_processes, *delta);
    if (!next)
        return next.error();
    m_processes = std::move(*next);
    emit updated(m_processes, *delta);
    return std::nullopt;
}

MigrationSubscription::MigrationSubscription(AgentClient *client)
    : Subscription(client, Topic::Migrations) {}

std::optional<ProtocolError> MigrationSubscription::apply(const QJsonObject &json) {
    auto delta = fromJson<MigrationsDelta>(json);
    if (!delta)
        return delta.error();
    emit updated(delta->events);
    return std::nullopt;
}

} // namespace omview
