#include "logging.h"

#include <omview/procs/migrationfeed.h>
#include <omview/procs/migrationlogmodel.h>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/subscription.h>

namespace omview::procs {

MigrationFeed::MigrationFeed(MigrationLogModel *log, QObject *parent)
    : QObject(parent)
    , m_log(log) {}

MigrationFeed::~MigrationFeed() = default;

void MigrationFeed::setClient(AgentClient *client) {
    m_client = client;
    for (auto &[node, subscription] : m_subscriptions)
        subscribe(node, subscription);
}

void MigrationFeed::setNodes(const QList<NodeId> &nodes) {
    std::erase_if(m_subscriptions,
                  [&nodes](const auto &entry) { return !nodes.contains(entry.first); });
    for (const NodeId node : nodes) {
        if (node == 0 || m_subscriptions.contains(node))
            continue;
        subscribe(node, m_subscriptions[node]);
    }
}

void MigrationFeed::resubscribe() {
    for (auto &[node, subscription] : m_subscriptions)
        if (!subscription || subscription->state() == Subscription::State::Ended)
            subscribe(node, subscription);
}

QList<NodeId> MigrationFeed::nodes() const {
    QList<NodeId> out;
    for (const auto &[node, subscription] : m_subscriptions)
        out.append(node);
    return out;
}

void MigrationFeed::subscribe(NodeId node, std::unique_ptr<MigrationSubscription> &subscription) {
    subscription.reset();
    if (!m_client)
        return;
    subscription = m_client->subscribeMigrations(node);
    MigrationSubscription *s = subscription.get();
    connect(s, &MigrationSubscription::updated, this, [this](const QList<MigrationEvent> &events) {
        // The first update is empty: it only says the subscription is live.
        if (m_log && !events.isEmpty())
            m_log->add(events);
    });
    connect(s, &Subscription::ended, this, [this, node](const RpcError &error) {
        qCInfo(lcProcsModel).noquote()
            << "moves of node" << node << "no longer followed:" << error.message;
        emit failed(node, error.message);
    });
}

} // namespace omview::procs
