// A UDP socket that sends sealed datagrams and delivers only those that pass
// the MAC, the membership check and the replay window, counting the rest.
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>
#include <expected>
#include <functional>
#include <omview/peers/packetauthenticator.h>
#include <omview/peers/peercounters.h>
#include <omview/peers/replaywindow.h>
#include <optional>

namespace omview::peers {

// Sending and receiving half of the gossip and discovery wire.
class AuthenticatedSocket : public QObject {
    Q_OBJECT
public:
    // Decides whether an authentic packet comes from a member: returns the
    // replay-cache key of the sender, or nullopt for an unknown sender.
    using Admission =
        std::function<std::optional<QByteArray>(const Packet &, const QHostAddress &)>;

    AuthenticatedSocket(PacketAuthenticator authenticator, NodeId self, Admission admission,
                        std::int64_t clockSkewMs, int replayCacheSize, QObject *parent = nullptr);

    // Binds the receiving socket (flags as QUdpSocket::bind).
    std::expected<void, QString>
    bind(const QHostAddress &address, quint16 port,
         QAbstractSocket::BindMode mode = QAbstractSocket::DefaultForPlatform);
    QUdpSocket &socket() { return m_socket; }

    // Seals @payload with the next sequence number and sends it.
    bool send(QByteArrayView payload, const QHostAddress &to, quint16 port);
    // Sends from another socket (discovery sends from its own address while it
    // receives on the group); same sequence numbers.
    bool sendVia(QUdpSocket &via, QByteArrayView payload, const QHostAddress &to, quint16 port);

    void setSelf(NodeId self) { m_self = self; }
    const PeerCounters &counters() const { return m_counters; }
    // A listener found the payload of a delivered packet unusable (Malformed):
    // it moves from accepted to that drop reason, so accepted means acted on.
    void countDrop(DropReason reason) {
        --m_counters.accepted;
        m_counters.count(reason);
    }

signals:
    void packetReceived(const omview::peers::Packet &packet, const QHostAddress &from);

private:
    void readPending();
    void consider(QByteArrayView datagram, QHostAddress from);

    QUdpSocket m_socket;
    PacketAuthenticator m_auth;
    NodeId m_self;
    Admission m_admission;
    ReplayWindow m_replay;
    std::uint64_t m_nextSequence;
    PeerCounters m_counters;
};

// The address as IPv4 when it is an IPv4-mapped IPv6 address, else unchanged.
QHostAddress plainAddress(const QHostAddress &address);
std::int64_t wallClockMs();

} // namespace omview::peers
