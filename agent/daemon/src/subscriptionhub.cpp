#include "omview/agent/subscriptionhub.h"

#include "omview/agent/agentlog.h"
#include "omview/agent/dispatcher.h"

#include <QPointer>
#include <QRandomGenerator>
#include <algorithm>
#include <limits>
#include <omview/protocol/delta.h>
#include <omview/protocol/json.h>

using namespace Qt::StringLiterals;

namespace omview::agent {

namespace {

// Integers of the peer page: JSON numbers, whole and not negative.
std::optional<std::uint64_t> counter(const QJsonValue &v) {
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(v.toInteger()))
        return std::nullopt;
    return static_cast<std::uint64_t>(v.toInteger());
}

} // namespace

MigrationFeed::MigrationFeed(QObject *parent)
    : QObject(parent)
    // Zero is left for "no feed yet", so a reader's first cursor never matches by chance.
    , m_epoch(QRandomGenerator::global()->bounded(1u, std::numeric_limits<std::uint32_t>::max())) {}

void MigrationFeed::publish(const MigrationEvent &event) {
    ++m_last;
    m_kept.push_back(event);
    if (static_cast<qsizetype>(m_kept.size()) > Kept)
        m_kept.pop_front();
    emit published(event);
}

MigrationPage MigrationFeed::since(const std::optional<MigrationCursor> &after) const {
    MigrationPage page;
    page.cursor = cursor();
    if (!after)
        return page;
    const std::uint64_t first = m_last - m_kept.size() + 1; // the oldest kept
    // Another epoch, or a cursor beyond this feed's end: a reader of an earlier run.
    const bool sameFeed = after->epoch == m_epoch && after->last <= m_last;
    const std::uint64_t from = sameFeed ? after->last + 1 : 1;
    page.lost = from < first;
    for (std::uint64_t n = std::max(from, first); n <= m_last; ++n)
        page.events.append(m_kept[static_cast<std::size_t>(n - first)]);
    return page;
}

QJsonObject MigrationFeed::toJson(const std::optional<MigrationCursor> &after) {
    if (!after)
        return {};
    return {{u"epoch"_s, static_cast<qint64>(after->epoch)},
            {u"last"_s, static_cast<qint64>(after->last)}};
}

Result<QJsonValue> MigrationFeed::answer(const QJsonObject &params) const {
    std::optional<MigrationCursor> after;
    if (!params.isEmpty()) {
        const auto epoch = counter(params.value(u"epoch"_s));
        const auto last = counter(params.value(u"last"_s));
        if (!epoch || *epoch > std::numeric_limits<std::uint32_t>::max() || !last ||
            params.size() != 2)
            return std::unexpected(RpcError(ErrorCode::InvalidParams,
                                            u"migrations.since takes {epoch, last} or {}"_s));
        after = MigrationCursor{static_cast<std::uint32_t>(*epoch), *last};
    }
    const MigrationPage page = since(after);
    return QJsonObject{{u"epoch"_s, static_cast<qint64>(page.cursor.epoch)},
                       {u"last"_s, static_cast<qint64>(page.cursor.last)},
                       {u"events"_s, toJsonArray(page.events)},
                       {u"lost"_s, page.lost}};
}

std::expected<MigrationPage, ProtocolError> MigrationFeed::pageFromJson(const QJsonValue &value) {
    const QJsonObject o = value.toObject();
    MigrationPage page;
    const auto epoch = counter(o.value(u"epoch"_s));
    const auto last = counter(o.value(u"last"_s));
    if (!epoch || *epoch > std::numeric_limits<std::uint32_t>::max())
        return std::unexpected(ProtocolError{u"epoch"_s, u"must be an epoch"_s});
    if (!last)
        return std::unexpected(ProtocolError{u"last"_s, u"must be an event number"_s});
    page.cursor = {static_cast<std::uint32_t>(*epoch), *last};
    auto events = fromJson<QList<MigrationEvent>>(o.value(u"events"_s));
    if (!events)
        return std::unexpected(events.error().within(u"events"_s));
    page.events = std::move(*events);
    page.lost = o.value(u"lost"_s).toBool();
    return page;
}

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
    // Migrations: events not sent yet, and for another node where its feed was read up to.
    QList<MigrationEvent> pending;
    std::optional<MigrationCursor> cursor;
};

SubscriptionHub::SubscriptionHub(Dispatcher &dispatcher, Send send, Ready ready, QObject *parent)
    : QObject(parent)
    , m_dispatcher(dispatcher)
    , m_send(std::move(send))
    , m_ready(std::move(ready)) {
    if (MigrationFeed *feed = m_dispatcher.migrationFeed())
        connect(feed, &MigrationFeed::published, this, &SubscriptionHub::migrationEvent);
}

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

void SubscriptionHub::migrationEvent(const MigrationEvent &event) {
    for (auto &[id, s] : m_subscriptions) {
        // Started ones only: one not started yet has not had its first update.
        if (s->params.topic == Topic::Migrations && m_dispatcher.isLocal(s->params.node) &&
            s->seq > 0)
            s->pending.append(event);
    }
    // Ending a subscription below changes the map: walk a copy of the IDs.
    QList<SubscriptionId> ids;
    for (const auto &[id, s] : m_subscriptions)
        ids.append(id);
    for (const SubscriptionId id : ids) {
        if (Subscription *s = find(id); s && !s->pending.isEmpty())
            flushEvents(*s);
    }
}

void SubscriptionHub::flushEvents(Subscription &s) {
    if (s.pending.isEmpty())
        return;
    if (!m_ready()) {
        // Moves are rare; a client this far behind has stopped reading.
        if (s.pending.size() > MigrationFeed::Kept)
            end(s.id, RpcError(ErrorCode::InternalError,
                               u"%1 migration events were not read; the subscription ended"_s.arg(
                                   s.pending.size())));
        return; // the next tick tries again
    }
    deliver(s, omview::toJson(MigrationsDelta{std::exchange(s.pending, {})}));
}

void SubscriptionHub::readMigrations(Subscription &s) {
    if (m_dispatcher.isLocal(s.params.node)) {
        // The first update says the subscription is live; later ones carry what came.
        if (s.seq == 0)
            return deliver(s, omview::toJson(MigrationsDelta{std::exchange(s.pending, {})}));
        return flushEvents(s);
    }
    if (s.reading || (s.seq > 0 && !m_ready()))
        return;
    s.reading = true;
    const SubscriptionId id = s.id;
    QPointer<SubscriptionHub> self(this);
    m_dispatcher.readMigrations(
        *s.params.node, s.cursor, [this, self, id](Result<MigrationPage> r) {
            if (!self)
                return;
            Subscription *sub = find(id);
            if (!sub)
                return;
            sub->reading = false;
            if (!r)
                return end(id, r.error());
            if (r->lost)
                qCWarning(lcAgent).noquote()
                    << "subscription" << id << "missed migration events of node"
                    << *sub->params.node << "(more than" << MigrationFeed::Kept
                    << "since the last read)";
            sub->cursor = r->cursor;
            if (sub->seq == 0 || !r->events.isEmpty())
                deliver(*sub, omview::toJson(MigrationsDelta{std::move(r->events)}));
        });
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
    if (s && s->params.topic == Topic::Migrations)
        return readMigrations(*s);
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
    case Topic::Migrations: // read above: events are not sampled
        break;
    }
}

} // namespace omview::agent
