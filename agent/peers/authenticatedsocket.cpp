#include "logging.h"

#include <QDateTime>
#include <QNetworkDatagram>
#include <QNetworkProxy>
#include <omview/peers/authenticatedsocket.h>

namespace omview::peers {

QHostAddress plainAddress(const QHostAddress &address) {
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

std::int64_t wallClockMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

AuthenticatedSocket::AuthenticatedSocket(PacketAuthenticator authenticator, NodeId self,
                                         Admission admission, std::int64_t clockSkewMs,
                                         int replayCacheSize, QObject *parent)
    : QObject(parent)
    , m_auth(std::move(authenticator))
    , m_self(self)
    , m_admission(std::move(admission))
    , m_replay(clockSkewMs, replayCacheSize)
    // Seeded from the clock in microseconds: a restarted agent continues above
    // every number it sent before (it sends far fewer than a million a second),
    // so peers' replay windows need not forget it first.
    , m_nextSequence(static_cast<std::uint64_t>(wallClockMs()) * 1000) {
    // Peer traffic goes straight to the cluster network, never through a proxy the
    // environment may name; and resolving the system's proxy would load libproxy, GIO
    // and their threads into the agent for nothing.
    m_socket.setProxy(QNetworkProxy::NoProxy);
    connect(&m_socket, &QUdpSocket::readyRead, this, &AuthenticatedSocket::readPending);
}

std::expected<void, QString> AuthenticatedSocket::bind(const QHostAddress &address, quint16 port,
                                                       QAbstractSocket::BindMode mode) {
    if (!m_socket.bind(address, port, mode))
        return std::unexpected(QStringLiteral("cannot bind UDP %1:%2: %3")
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(m_socket.errorString()));
    return {};
}

bool AuthenticatedSocket::send(QByteArrayView payload, const QHostAddress &to, quint16 port) {
    return sendVia(m_socket, payload, to, port);
}

bool AuthenticatedSocket::sendVia(QUdpSocket &via, QByteArrayView payload, const QHostAddress &to,
                                  quint16 port) {
    const QByteArray packet = m_auth.seal(m_self, m_nextSequence++, wallClockMs(), payload);
    if (via.writeDatagram(packet, to, port) != packet.size()) {
        ++m_counters.sendErrors;
        qCDebug(lcPeers) << "sending to" << to.toString() << port << "failed:" << via.errorString();
        return false;
    }
    ++m_counters.sent;
    return true;
}

void AuthenticatedSocket::readPending() {
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket.receiveDatagram();
        if (!d.isValid())
            break;
        consider(d.data(), plainAddress(d.senderAddress()));
    }
}

void AuthenticatedSocket::consider(QByteArrayView datagram, QHostAddress from) {
    auto drop = [&](DropReason reason, NodeId sender) {
        m_counters.count(reason);
        qCDebug(lcPeers) << "dropped datagram from" << from.toString() << "claiming node" << sender
                         << ":" << dropReasonName(reason);
    };
    auto packet = m_auth.open(datagram);
    if (!packet)
        return drop(packet.error(), 0);
    // Membership before the replay window, so only members occupy its cache.
    const std::optional<QByteArray> replayKey = m_admission(*packet, from);
    if (!replayKey)
        return drop(DropReason::UnknownSender, packet->sender);
    switch (m_replay.check(*replayKey, packet->sequence, packet->timestampMs, wallClockMs())) {
    case ReplayWindow::Verdict::Fresh:
        break;
    case ReplayWindow::Verdict::Replayed:
        return drop(DropReason::Replayed, packet->sender);
    case ReplayWindow::Verdict::Stale:
        return drop(DropReason::Stale, packet->sender);
    case ReplayWindow::Verdict::Full:
        return drop(DropReason::ReplayCacheFull, packet->sender);
    }
    ++m_counters.accepted;
    emit packetReceived(*packet, from);
}

} // namespace omview::peers
