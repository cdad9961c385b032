#include "omview/agent/subscriptionhub.h"

#include "omview/agent/agentlog.h"
#include "omview/agent/dispatcher.h"

#include <QPointer>
#include <omview/protocol/delta.h>
#include <omview/protocol/json.h>

namespace omview::agent {

struct SubscriptionHub::Subscription {
    SubscriptionId id = 0;
    SubscribeParams params;
    QTimer timer;
    std::uint64_t seq = 0;
    bool reading = false; // a read is under way (a forwarded one takes a while)
    // What the client holds: the state last sent.
    NodeStatus status;
    QList<ProcessInfo> processes;
    QList<NodeRecord> nodes;
};

SubscriptionHub::SubscriptionHub(Dispatcher &dispatcher, Send send, Ready ready, QObject *parent)
    : QObject(parent)
    , m_dispatcher(dispatcher)
    , m_send(std::move(send))
    , m_ready(std::move(ready)) {}

SubscriptionHub::~SubscriptionHub() = default;

SubscriptionHub::Subscription *SubscriptionHub::find(SubscriptionId id) {
    const auto it = m_subscriptions.find(id);
    return it == m_subscriptions.end() ? nullptr : it->second.get();
}

SubscriptionId SubscriptionHub::add(const SubscribeParams &params) {
    auto s = std::make_unique<Subscription>();
    s->id = m_nextId++;
    s->params = params;
    s->timer.setInterval(static_cast<int>(params.intervalMs));
    const SubscriptionId id = s->id;
    connect(&s->timer, &QTimer::timeout, this, [this, id] { tick(id); });
    m_subscriptions.emplace(id, std::move(s));
    return id;
}

void SubscriptionHub::start(SubscriptionId id) {
    Subscription *s = find(id);
    if (!s)
        return;
    s->timer.start();
    tick(id);
}

bool SubscriptionHub::remove(SubscriptionId id) {
    return m_subscriptions.erase(id) > 0;
}

void SubscriptionHub::end(SubscriptionId id, const RpcError &error) {
    if (!remove(id))
        return;
    qCInfo(lcAgent).noquote() << "subscription" << id << "ended:" << error.toString();
    m_send(notifications::ended, toJson(EndedParams{id, error}));
}

void SubscriptionHub::deliver(Subscription &s, const QJsonObject &delta) {
    ++s.seq;
    m_send(notifications::update, toJson(UpdateParams{s.id, s.seq, delta}));
}

void SubscriptionHub::tick(SubscriptionId id) {
    Subscription *s = find(id);
    // The first update always goes out; later ones wait for the connection to catch up.
    if (!s || s->reading || (s->seq > 0 && !m_ready()))
        return;
    s->reading = true;

    // Reads complete later when forwarded: by then the subscription or the hub may be gone.
    QPointer<SubscriptionHub> self(this);
    const auto alive = [self, id]() -> Subscription * {
        if (!self)
            return nullptr;
        Subscription *found = self->find(id);
        if (found)
            found->reading = false;
        return found;
    };

    switch (s->params.topic) {
    case Topic::Node:
        m_dispatcher.readStatus(s->params.node, [this, id, alive](Result<NodeStatus> r) {
            Subscription *sub = alive();
            if (!sub)
                return;
            if (!r)
                return end(id, r.error());
            // The first update carries every field, zero or not.
            const QJsonObject delta = sub->seq == 0 ? toJson(*r) : makeDelta(sub->status, *r);
            sub->status = std::move(*r);
            if (sub->seq == 0 || !delta.isEmpty())
                deliver(*sub, delta);
        });
        break;
    case Topic::Cluster:
        m_dispatcher.readCluster(s->params.node, [this, id, alive](Result<QList<NodeRecord>> r) {
            Subscription *sub = alive();
            if (!sub)
                return;
            if (!r)
                return end(id, r.error());
            const NodeRecordListDelta delta = makeDelta(sub->nodes, *r);
            sub->nodes = std::move(*r);
            if (sub->seq == 0 || !delta.isEmpty())
                deliver(*sub, toJson(delta));
        });
        break;
    case Topic::Procs:
        m_dispatcher.readProcesses(s->params.node, s->params.user,
                                   [this, id, alive](Result<QList<ProcessInfo>> r) {
                                       Subscription *sub = alive();
                                       if (!sub)
                                           return;
                                       if (!r)
                                           return end(id, r.error());
                                       const ProcessListDelta delta = makeDelta(sub->processes, *r);
                                       sub->processes = std::move(*r);
                                       if (sub->seq == 0 || !delta.isEmpty())
                                           deliver(*sub, toJson(delta));
                                   });
        break;
    }
}

} // namespace omview::agent
