#include "logging.h"

#include <QNetworkInterface>
#include <QNetworkProxy>
#include <QVariant>
#include <algorithm>
#include <omview/peers/discovery.h>
#include <omview/peers/wire.h>

namespace omview::peers {

namespace {

constexpr qsizetype MaxHostname = 63;

QNetworkInterface interfaceNamed(const QString &name) {
    return name.isEmpty() ? QNetworkInterface() : QNetworkInterface::interfaceFromName(name);
}

} // namespace

QString Collision::toString() const {
    QStringList list;
    for (const QHostAddress &a : addresses)
        list << a.toString();
    return QStringLiteral("node ID %1 is claimed by %2%3")
        .arg(id)
        .arg(list.join(QStringLiteral(" and ")))
        .arg(involvesSelf ? QStringLiteral(" (including this node)") : QString());
}

Discovery::Discovery(const PeerConfig &config, const ClusterKey &key,
                     const QHostAddress &ownAddress, const QString &hostname, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_key(key.derive("discovery"))
    , m_ownAddress(plainAddress(ownAddress))
    , m_hostname(hostname)
    , m_ownId(autoId(m_ownAddress)) {
    connect(&m_announceTimer, &QTimer::timeout, this, &Discovery::announce);
}

Discovery::~Discovery() = default;

std::expected<void, QString> Discovery::start() {
    if (auto valid = m_config.validate(); !valid)
        return valid;
    if (m_ownAddress.protocol() != QAbstractSocket::IPv4Protocol)
        return std::unexpected(
            QStringLiteral("discovery needs an IPv4 address, not %1").arg(m_ownAddress.toString()));
    if (m_ownId == 0)
        return std::unexpected(QStringLiteral("address %1 gives no node ID: its last two "
                                              "octets are 0")
                                   .arg(m_ownAddress.toString()));
    const QNetworkInterface iface = interfaceNamed(m_config.discoveryInterface);
    if (!m_config.discoveryInterface.isEmpty() && !iface.isValid())
        return std::unexpected(
            QStringLiteral("no network interface named %1").arg(m_config.discoveryInterface));

    // Anyone holding the cluster key may announce; the replay cache is keyed
    // by address because two colliding nodes share an ID.
    auto admission = [](const Packet &, const QHostAddress &from) -> std::optional<QByteArray> {
        return from.toString().toLatin1();
    };
    auto receiver = std::make_unique<AuthenticatedSocket>(
        PacketAuthenticator(m_key, PacketKind::Announce), m_ownId, admission, m_config.clockSkewMs,
        m_config.replayCacheSize);
    // Shared: several agents on one host (and the tests) all receive the group.
    if (auto bound =
            receiver->bind(QHostAddress::AnyIPv4, m_config.discoveryPort,
                           QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint);
        !bound)
        return std::unexpected(bound.error());
    const bool joined = iface.isValid()
                            ? receiver->socket().joinMulticastGroup(m_config.discoveryGroup, iface)
                            : receiver->socket().joinMulticastGroup(m_config.discoveryGroup);
    if (!joined)
        return std::unexpected(
            QStringLiteral("cannot join multicast group %1: %2")
                .arg(m_config.discoveryGroup.toString(), receiver->socket().errorString()));
    m_sender.setProxy(QNetworkProxy::NoProxy); // as AuthenticatedSocket's
    if (!m_sender.bind(m_ownAddress, 0))
        return std::unexpected(QStringLiteral("cannot bind UDP %1: %2")
                                   .arg(m_ownAddress.toString(), m_sender.errorString()));
    if (iface.isValid())
        m_sender.setMulticastInterface(iface);
    m_sender.setSocketOption(QAbstractSocket::MulticastTtlOption, QVariant(m_config.discoveryTtl));
    m_sender.setSocketOption(QAbstractSocket::MulticastLoopbackOption, QVariant(1));
    connect(receiver.get(), &AuthenticatedSocket::packetReceived, this, &Discovery::received);
    m_receiver = std::move(receiver);
    qCInfo(lcPeers).nospace() << "discovery: " << m_ownAddress.toString() << " is node " << m_ownId
                              << ", group " << m_config.discoveryGroup.toString() << ":"
                              << m_config.discoveryPort;
    rebuild();
    m_announceTimer.start(m_config.announceIntervalMs);
    announce();
    return {};
}

void Discovery::stop() {
    m_announceTimer.stop();
    m_receiver.reset();
    m_sender.close();
}

bool Discovery::ownIdCollides() const {
    return std::any_of(m_collisions.cbegin(), m_collisions.cend(),
                       [](const Collision &c) { return c.involvesSelf; });
}

QString Discovery::hostnameOf(NodeId id) const {
    if (id == m_ownId)
        return m_hostname;
    for (const Heard &h : m_heard)
        if (h.id == id)
            return h.hostname;
    return {};
}

PeerCounters Discovery::counters() const {
    return m_receiver ? m_receiver->counters() : PeerCounters{};
}

void Discovery::announce() {
    if (!m_receiver)
        return;
    WireWriter w;
    w.u32(m_ownId);
    w.u32(m_ownAddress.toIPv4Address());
    w.text8(m_hostname.toUtf8().left(MaxHostname));
    m_receiver->sendVia(m_sender, w.data(), m_config.discoveryGroup, m_config.discoveryPort);
    expire();
}

void Discovery::received(const Packet &packet, const QHostAddress &from) {
    if (from == m_ownAddress)
        return; // our own announcement, looped back
    WireReader r(packet.payload);
    const NodeId id = r.u32();
    const QHostAddress claimed(r.u32());
    const QByteArrayView host = r.text8();
    // The ID and address a node claims must be those its packets come from.
    if (!r.ok() || !r.atEnd() || host.size() > MaxHostname || claimed != from ||
        id != packet.sender || id != autoId(from) || id == 0) {
        m_receiver->countDrop(DropReason::Malformed);
        qCDebug(lcPeers) << "inconsistent announcement from" << from.toString();
        return;
    }
    const bool known = m_heard.contains(from);
    m_heard.insert(from, Heard{id, QString::fromUtf8(host), wallClockMs()});
    if (!known) {
        qCDebug(lcPeers) << "discovered node" << id << "at" << from.toString();
        rebuild();
    }
}

void Discovery::expire() {
    const std::int64_t cutoff = wallClockMs() - m_config.announceExpiryMs;
    const qsizetype removed = m_heard.removeIf([&](const auto &it) {
        if (it.value().lastMs >= cutoff)
            return false;
        qCInfo(lcPeers) << "node" << it.value().id << "at" << it.key().toString()
                        << "stopped announcing";
        return true;
    });
    if (removed > 0)
        rebuild();
}

void Discovery::rebuild() {
    QMap<NodeId, QList<QHostAddress>> claims;
    claims[m_ownId].append(m_ownAddress);
    for (auto it = m_heard.cbegin(); it != m_heard.cend(); ++it)
        claims[it.value().id].append(it.key());

    QList<NodeMap::Node> nodes;
    QList<Collision> collisions;
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        QList<QHostAddress> &addresses = it.value();
        if (addresses.size() == 1) {
            nodes.append({it.key(), addresses.front()});
            continue;
        }
        std::sort(addresses.begin(), addresses.end(),
                  [](const QHostAddress &a, const QHostAddress &b) {
                      return a.toIPv4Address() < b.toIPv4Address();
                  });
        collisions.append({it.key(), addresses, addresses.contains(m_ownAddress)});
    }

    for (const Collision &c : collisions) {
        if (!m_collisions.contains(c)) {
            qCWarning(lcPeers).noquote()
                << "ID collision:" << c.toString() << "- the ID is left out of the membership";
            emit collisionDetected(c);
        }
    }
    for (const Collision &c : std::as_const(m_collisions)) {
        const bool still = std::any_of(collisions.cbegin(), collisions.cend(),
                                       [&](const Collision &n) { return n.id == c.id; });
        if (!still) {
            qCInfo(lcPeers) << "ID collision on node" << c.id << "resolved";
            emit collisionResolved(c.id);
        }
    }
    m_collisions = collisions;

    auto members = NodeMap::fromNodes(nodes);
    if (!members) {
        qCWarning(lcPeers).noquote()
            << "discovered nodes do not form a valid map:" << members.error().toString();
        return;
    }
    if (!(*members == m_members)) {
        m_members = *members;
        emit membersChanged(m_members);
    }
}

} // namespace omview::peers
