#include "logging.h"

#include <QDeadlineTimer>
#include <QMetaMethod>
#include <omview/peers/gossip.h>

namespace omview::peers {

namespace {

// Ages and deaths are judged on a monotonic clock: a wall-clock step must not
// make every peer look dead or young. Only packet timestamps use wall time.
std::int64_t monotonicMs() {
    return QDeadlineTimer::current().deadline();
}

} // namespace

Gossip::Gossip(const PeerConfig &config, const ClusterKey &key, NodeId self, const NodeMap &members,
               QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_key(key.derive("load"))
    , m_members(members)
    , m_table(self, config.deadAfterMs())
    , m_random(QRandomGenerator::securelySeeded())
    // Versions, like sequence numbers, start from the clock so that a
    // restarted agent's records are newer than those it sent before.
    , m_version(static_cast<std::uint64_t>(wallClockMs()) * 1000) {
    m_table.setMembers(members);
    m_own.id = self;
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Gossip::step);
}

Gossip::~Gossip() = default;

std::expected<void, QString> Gossip::start() {
    if (auto valid = m_config.validate(); !valid)
        return valid;
    const NodeId self = m_table.self();
    const std::optional<QHostAddress> address = m_members.addressOf(self);
    if (!address)
        return std::unexpected(QStringLiteral("node %1 is not in the node map").arg(self));
    auto admission = [this](const Packet &p,
                            const QHostAddress &from) -> std::optional<QByteArray> {
        // A member's packets come from its own address (primary or ALIAS).
        if (p.sender == m_table.self() || !m_members.contains(p.sender) ||
            m_members.idOf(from) != p.sender)
            return std::nullopt;
        return QByteArray::number(p.sender);
    };
    m_socket = std::make_unique<AuthenticatedSocket>(PacketAuthenticator(m_key, PacketKind::Load),
                                                     self, admission, m_config.clockSkewMs,
                                                     m_config.replayCacheSize);
    if (auto bound = m_socket->bind(*address, m_config.loadPort); !bound) {
        m_socket.reset();
        return std::unexpected(bound.error());
    }
    connect(m_socket.get(), &AuthenticatedSocket::packetReceived, this, &Gossip::received);
    m_timer.start(m_config.intervalMs);
    qCInfo(lcPeers).nospace() << "gossip: node " << self << " on udp " << address->toString() << ":"
                              << m_config.loadPort << ", " << m_members.size() << " members, every "
                              << m_config.intervalMs << " ms";
    step(); // announce at once instead of one interval later
    return {};
}

void Gossip::stop() {
    m_timer.stop();
    m_socket.reset();
}

void Gossip::setMembers(const NodeMap &members) {
    m_members = members;
    m_table.setMembers(members);
    const QList<NodeId> peers = m_table.peers();
    m_alive.intersect(QSet<NodeId>(peers.cbegin(), peers.cend()));
}

void Gossip::setOwnStatus(const NodeStatus &status) {
    m_own = status;
    m_hasOwn = true;
}

QList<NodeRecord> Gossip::records() const {
    return m_table.records(monotonicMs());
}

std::optional<NodeRecord> Gossip::record(NodeId id) const {
    return m_table.record(id, monotonicMs());
}

QList<NodeId> Gossip::alivePeers() const {
    return m_table.alivePeers(monotonicMs());
}

PeerCounters Gossip::counters() const {
    return m_socket ? m_socket->counters() : PeerCounters{};
}

QList<NodeId> Gossip::chooseTargets(const QList<NodeId> &members, const QList<NodeId> &alive,
                                    int fanout, QRandomGenerator &random) {
    QList<NodeId> targets;
    const int wanted = std::min<int>(fanout, int(members.size()));
    for (int attempt = 0; targets.size() < wanted && attempt < 4 * wanted + 8; ++attempt) {
        const bool anyone =
            alive.isEmpty() || random.bounded(std::max<int>(5, int(alive.size()))) == 0;
        const QList<NodeId> &from = anyone ? members : alive;
        const NodeId pick = from[random.bounded(int(from.size()))];
        if (!targets.contains(pick))
            targets.append(pick);
    }
    return targets;
}

void Gossip::step() {
    if (!m_socket)
        return;
    const std::int64_t now = monotonicMs();
    ++m_steps;
    if (m_hasOwn)
        m_table.setOwn(m_own, ++m_version, now);
    if (!m_quiet) {
        GossipMessage push{0, m_table.window(m_config.window, now)};
        const QByteArray payload = push.encode();
        const QList<NodeId> targets =
            chooseTargets(m_table.peers(), m_table.alivePeers(now), m_config.fanout, m_random);
        for (NodeId target : targets)
            sendTo(target, payload);
        if (const auto suspect = m_table.oldestSuspect(now, m_config.pullAfterMs())) {
            push.flags = GossipMessage::AnswerRequested;
            sendTo(*suspect, push.encode());
        }
    }
    reportAliveChanges(now);
    if (isSignalConnected(QMetaMethod::fromSignal(&Gossip::tableUpdated)))
        emit tableUpdated(m_table.records(now));
}

void Gossip::sendTo(NodeId node, const QByteArray &payload) {
    if (const auto address = m_members.addressOf(node))
        m_socket->send(payload, *address, m_config.loadPort);
}

void Gossip::received(const Packet &packet, const QHostAddress &from) {
    auto message = GossipMessage::decode(packet.payload);
    if (!message) {
        m_socket->countDrop(message.error());
        qCDebug(lcPeers) << "malformed load record from node" << packet.sender << from.toString();
        return;
    }
    const std::int64_t now = monotonicMs();
    for (const GossipEntry &e : std::as_const(message->entries))
        m_table.merge(e, now);
    // A pull is answered at once with this node's own fresh record and window;
    // the answer asks for nothing, so pulls cannot chain. A quiet node stays quiet.
    if ((message->flags & GossipMessage::AnswerRequested) && !m_quiet) {
        if (m_hasOwn)
            m_table.setOwn(m_own, ++m_version, now);
        sendTo(packet.sender, GossipMessage{0, m_table.window(m_config.window, now)}.encode());
    }
}

void Gossip::reportAliveChanges(std::int64_t nowMs) {
    const QList<NodeId> alive = m_table.alivePeers(nowMs);
    const QSet<NodeId> now(alive.cbegin(), alive.cend());
    for (NodeId id : now - m_alive) {
        qCDebug(lcPeers) << "node" << id << "is alive";
        emit nodeAliveChanged(id, true);
    }
    for (NodeId id : m_alive - now) {
        qCWarning(lcPeers) << "node" << id << "is dead: no record for"
                           << m_config.deadAfterIntervals << "intervals";
        emit nodeAliveChanged(id, false);
    }
    m_alive = now;
}

} // namespace omview::peers
