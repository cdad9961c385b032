#include <QDateTime>
#include <omview/collector/agentfeed.h>
#include <omview/collector/collectorlog.h>

using namespace Qt::StringLiterals;
using Clock = std::chrono::steady_clock;

namespace omview::collector {

namespace {

constexpr store::NodeId MaxNode = 65535;

} // namespace

store::NodeSample toSample(const NodeStatus &s) {
    store::NodeSample out;
    out.node = s.id;
    out.hostname = s.hostname;
    out.address = s.address;
    out.status = s.status;
    out.load = s.load;
    out.util = s.util;
    out.memUsed = s.memUsed;
    out.memFree = s.memFree;
    out.memTotal = s.memTotal;
    out.speed = s.speed;
    out.cpus = s.cpus;
    return out;
}

store::ProcessSample toSample(const ProcessInfo &p) {
    store::ProcessSample out;
    out.pid = p.pid;
    out.ppid = p.ppid;
    out.uid = p.uid;
    out.user = p.user;
    out.command = p.command;
    out.cmdline = p.cmdline;
    out.tty = p.tty;
    out.state = p.state;
    out.cpuPercent = p.cpuPercent;
    out.cpuTimeMs = p.cpuTimeMs;
    out.rss = p.rss;
    out.nice = p.nice;
    out.startTimeMs = p.startTime;
    out.where = p.where;
    out.home = p.home;
    out.locked = p.locked;
    out.nmigs = p.nmigs;
    out.cantmove = p.cantmove;
    out.guest = p.guest;
    return out;
}

std::optional<store::MigrationRecord> toRecord(const MigrationEvent &e) {
    const auto outcome = store::outcomeFromName(e.phase);
    if (!outcome)
        return std::nullopt;
    store::MigrationRecord out;
    out.atMs = e.at;
    out.id = e.id;
    out.pid = e.pid;
    out.command = e.command;
    out.home = e.home;
    out.from = e.from;
    out.to = e.to;
    out.outcome = *outcome;
    out.failure = e.failure;
    out.message = e.message;
    out.bytes = e.bytes;
    out.freezeMs = e.freezeMs;
    out.totalMs = e.totalMs;
    out.reason = e.reason;
    return out;
}

AgentFeed::AgentFeed(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_backoff(m_options.reconnectMin) {
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &AgentFeed::connectNow);
}

AgentFeed::~AgentFeed() {
    // Subscriptions unsubscribe through the client: they go first.
    m_processes.clear();
    m_migrationFeeds.clear();
    m_cluster.reset();
    m_client.reset();
}

void AgentFeed::start() {
    connectNow();
}

void AgentFeed::connectNow() {
    reset();
    auto transport = m_options.transport();
    m_description = transport->description();
    m_client = std::make_unique<AgentClient>(std::move(transport), m_options.clientName);
    connect(m_client.get(), &AgentClient::ready, this, &AgentFeed::onReady);
    connect(m_client.get(), &AgentClient::connectionFailed, this, &AgentFeed::onConnectionFailed);
    m_client->connectToAgent();
}

void AgentFeed::reset() {
    // Called from inside the old client's signals: it is deleted from the
    // event loop, its subscriptions before it.
    // Their ended() signals, still to come from the event loop, are for a
    // connection already given up: not heard any more.
    for (auto &[node, feed] : m_processes) {
        if (feed.subscription) {
            feed.subscription->disconnect(this);
            feed.subscription.release()->deleteLater();
        }
    }
    m_processes.clear();
    m_processRetryAt.clear();
    for (auto &[node, subscription] : m_migrationFeeds) {
        subscription->disconnect(this);
        subscription.release()->deleteLater();
    }
    m_migrationFeeds.clear();
    m_migrationRetryAt.clear();
    if (m_cluster) {
        m_cluster->disconnect(this);
        m_cluster.release()->deleteLater();
    }
    if (m_client) {
        m_client->disconnect(this);
        m_client.release()->deleteLater();
    }
}

void AgentFeed::noteFailure(const QString &message) {
    if (message != m_lastError) {
        qCWarning(lcCollector).noquote() << message;
        m_lastError = message;
    }
}

void AgentFeed::onReady() {
    if (!m_lastError.isEmpty() || m_backoff > m_options.reconnectMin)
        qCInfo(lcCollector).noquote() << u"connected to the agent (%1)"_s.arg(m_description);
    m_lastError.clear();
    m_backoff = m_options.reconnectMin;
    m_cluster = m_client->subscribeCluster();
    connect(m_cluster.get(), &ClusterSubscription::updated, this,
            [this](const QList<NodeRecord> &nodes, const NodeRecordListDelta &) {
                onClusterUpdate(nodes);
            });
    connect(m_cluster.get(), &Subscription::ended, this, [this](const RpcError &error) {
        // Without the cluster table there is nothing to record: start over.
        noteFailure(u"the cluster subscription ended: %1"_s.arg(error.toString()));
        if (m_client)
            m_client->disconnectFromAgent();
        reset();
        m_reconnect.start(m_backoff);
    });
}

void AgentFeed::onConnectionFailed(const RpcError &error) {
    noteFailure(u"agent %1: %2; retrying in %3 s"_s.arg(m_description, error.message)
                    .arg(m_backoff.count() / 1000.0));
    reset();
    m_reconnect.start(m_backoff);
    m_backoff = std::min(m_backoff * 2, m_options.reconnectMax);
}

void AgentFeed::onClusterUpdate(const QList<NodeRecord> &nodes) {
    emit updateArrived();
    for (const NodeRecord &record : nodes) {
        const NodeStatus &s = record.node;
        if (s.id == 0 || s.id > MaxNode) {
            if (!m_warnedNodeZero) {
                qCWarning(lcCollector).noquote()
                    << u"a node reports ID %1 (openMosix off, mospe 0): it has no place in the "
                       u"history until it gets an ID"_s.arg(s.id);
                m_warnedNodeZero = true;
            }
            continue;
        }
        // Down, unreachable or not sampled since the last tick: no row.
        if (!record.alive || s.status < 0 || s.sampledAt <= 0)
            continue;
        auto &last = m_lastSampledAt[s.id];
        if (s.sampledAt <= last)
            continue;
        last = s.sampledAt;
        m_fresh[s.id] = toSample(s);
    }
    syncProcessFeeds(nodes);
    syncMigrationFeeds(nodes);
}

// Each node reports the moves it carries out as the source, so every live node
// has its own subscription (the entry node's without forwarding).
void AgentFeed::syncMigrationFeeds(const QList<NodeRecord> &nodes) {
    if (!m_client)
        return;
    std::map<store::NodeId, bool> live;
    for (const NodeRecord &r : nodes) {
        if (r.node.id >= 1 && r.node.id <= MaxNode)
            live[r.node.id] = r.alive && r.node.status >= 0;
    }
    for (auto it = m_migrationFeeds.begin(); it != m_migrationFeeds.end();) {
        const store::NodeId node = it->first;
        ++it;
        if (const auto found = live.find(node); found == live.end() || !found->second)
            dropMigrationFeed(node);
    }
    const auto now = Clock::now();
    for (const auto &[node, alive] : live) {
        if (!alive || m_migrationFeeds.contains(node))
            continue;
        const auto retry = m_migrationRetryAt.find(node);
        if (retry != m_migrationRetryAt.end() && retry->second > now)
            continue;
        subscribeMigrations(node);
    }
}

void AgentFeed::subscribeMigrations(store::NodeId node) {
    const bool own = m_client->agent() && m_client->agent()->node == node;
    auto subscription = m_client->subscribeMigrations(own ? std::nullopt : std::optional(node));
    MigrationSubscription *sub = subscription.get();
    connect(sub, &MigrationSubscription::updated, this, &AgentFeed::onMigrationEvents);
    connect(sub, &Subscription::ended, this, [this, node](const RpcError &error) {
        qCInfo(lcCollector).noquote()
            << u"migrations of node %1: %2; trying again later"_s.arg(node).arg(error.toString());
        dropMigrationFeed(node);
        m_migrationRetryAt[node] = Clock::now() + m_options.processRetry;
    });
    m_migrationFeeds.emplace(node, std::move(subscription));
}

void AgentFeed::dropMigrationFeed(store::NodeId node) {
    auto it = m_migrationFeeds.find(node);
    if (it == m_migrationFeeds.end())
        return;
    // Possibly inside the subscription's own signal.
    it->second->disconnect(this);
    it->second.release()->deleteLater();
    m_migrationFeeds.erase(it);
}

void AgentFeed::onMigrationEvents(const QList<MigrationEvent> &events) {
    for (const MigrationEvent &e : events) {
        auto record = toRecord(e);
        if (!record)
            continue;
        // The store refuses a tick holding such a row, with the samples in it.
        if (record->id.isEmpty() || record->from < 1 || record->from > MaxNode || record->to < 1 ||
            record->to > MaxNode) {
            qCWarning(lcCollector).noquote()
                << u"migration \"%1\" from node %2 to %3 is not recorded: not a move between "
                   u"nodes"_s.arg(record->id)
                       .arg(record->from)
                       .arg(record->to);
            continue;
        }
        m_finished.append(std::move(*record));
    }
}

QList<store::MigrationRecord> AgentFeed::takeMigrations() {
    return std::exchange(m_finished, {});
}

void AgentFeed::syncProcessFeeds(const QList<NodeRecord> &nodes) {
    if (m_options.processInterval.count() == 0 || !m_client)
        return;
    std::map<store::NodeId, bool> live;
    for (const NodeRecord &r : nodes) {
        if (r.node.id >= 1 && r.node.id <= MaxNode)
            live[r.node.id] = r.alive && r.node.status >= 0;
    }
    for (auto it = m_processes.begin(); it != m_processes.end();) {
        const auto found = live.find(it->first);
        if (found == live.end() || !found->second) {
            const store::NodeId node = it->first;
            ++it;
            dropProcessFeed(node);
        } else {
            ++it;
        }
    }
    const auto now = Clock::now();
    for (const auto &[node, alive] : live) {
        if (!alive || m_processes.contains(node))
            continue;
        const auto retry = m_processRetryAt.find(node);
        if (retry != m_processRetryAt.end() && retry->second > now)
            continue;
        subscribeProcesses(node);
    }
}

void AgentFeed::subscribeProcesses(store::NodeId node) {
    const auto interval = std::clamp<std::chrono::milliseconds>(
        m_options.processInterval, std::chrono::milliseconds(MinIntervalMs),
        std::chrono::milliseconds(MaxIntervalMs));
    // The entry node's own processes are asked for without a node, so no
    // forwarding is involved.
    const bool own = m_client->agent() && m_client->agent()->node == node;
    ProcessFeed feed;
    feed.subscription = m_client->subscribeProcesses(
        std::nullopt, own ? std::nullopt : std::optional(node), interval);
    ProcessSubscription *sub = feed.subscription.get();
    connect(sub, &ProcessSubscription::updated, this, [this, node] {
        if (auto it = m_processes.find(node); it != m_processes.end())
            it->second.haveData = true;
    });
    connect(sub, &Subscription::ended, this, [this, node](const RpcError &error) {
        qCInfo(lcCollector).noquote()
            << u"processes of node %1: %2; trying again later"_s.arg(node).arg(error.toString());
        dropProcessFeed(node);
        m_processRetryAt[node] = Clock::now() + m_options.processRetry;
    });
    m_processes.emplace(node, std::move(feed));
}

void AgentFeed::dropProcessFeed(store::NodeId node) {
    auto it = m_processes.find(node);
    if (it == m_processes.end())
        return;
    // Possibly inside the subscription's own signal.
    if (it->second.subscription) {
        it->second.subscription->disconnect(this);
        it->second.subscription.release()->deleteLater();
    }
    m_processes.erase(it);
}

QList<store::NodeSample> AgentFeed::takeFreshSamples() {
    QList<store::NodeSample> out;
    out.reserve(static_cast<qsizetype>(m_fresh.size()));
    for (auto &[node, sample] : m_fresh)
        out.append(std::move(sample));
    m_fresh.clear();
    return out;
}

QList<store::NodeProcesses> AgentFeed::processSnapshots() const {
    QList<store::NodeProcesses> out;
    for (const auto &[node, feed] : m_processes) {
        if (!feed.haveData || !feed.subscription ||
            feed.subscription->state() != Subscription::State::Active)
            continue;
        store::NodeProcesses snapshot;
        snapshot.node = node;
        const QList<ProcessInfo> &processes = feed.subscription->processes();
        snapshot.processes.reserve(processes.size());
        for (const ProcessInfo &p : processes) {
            if (p.pid > 0)
                snapshot.processes.append(toSample(p));
        }
        out.append(std::move(snapshot));
    }
    return out;
}

AgentFeed::Status AgentFeed::status() const {
    Status s;
    s.description = m_description;
    s.error = m_lastError;
    if (m_client && m_client->state() == AgentClient::State::Ready) {
        s.state = u"connected"_s;
        if (m_client->agent())
            s.node = m_client->agent()->node;
    } else if (m_client && m_client->state() != AgentClient::State::Disconnected) {
        s.state = u"connecting"_s;
    } else {
        s.state = u"disconnected"_s;
    }
    for (const auto &[node, feed] : m_processes) {
        if (feed.haveData && feed.subscription &&
            feed.subscription->state() == Subscription::State::Active)
            ++s.processNodes;
    }
    return s;
}

} // namespace omview::collector
