#include "logging.h"

#include <QNetworkProxy>
#include <QtEndian>
#include <omview/peers/authenticatedsocket.h>
#include <omview/peers/channelcrypto.h>
#include <omview/peers/packetauthenticator.h>
#include <omview/peers/peerchannel.h>
#include <omview/peers/wire.h>
#include <cstring>
#include <utility>

namespace omview::peers {

namespace {

constexpr char Magic[4] = {'O', 'M', 'V', 'C'};
// 2: data frames encrypted (ChaCha20-Poly1305) instead of only MACed.
// 3: requests may carry raw bytes (FrameType::DataRequest).
constexpr std::uint8_t Version = 3;
// Before authentication a peer may only make us hold this much.
constexpr qsizetype MaxHandshakeFrame = 512;
// A data frame after its u32 length: the sequence in clear, then sealed the
// type and tag (Inner) and the payload, then the Poly1305 tag.
constexpr qsizetype SequenceSize = 8;
constexpr qsizetype Inner = 1 + 8;
constexpr qsizetype DataOverhead = SequenceSize + Inner + FrameCipher::TagSize;
// The associated data: the frame's u32 length and u64 sequence as sent.
constexpr qsizetype AadSize = 4 + SequenceSize;

enum Message : std::uint8_t { Hello = 1, Challenge = 2, Proof = 3, Refused = 4 };
enum Refusal : std::uint8_t {
    NotThisNode = 1,
    UnknownClient = 2,
    BadProof = 3,
    Busy = 4,
    WrongVersion = 5
};

QByteArray handshakeBody(Message m) {
    QByteArray b(Magic, 4);
    b.append(char(Version));
    b.append(char(m));
    return b;
}

bool isHandshake(QByteArrayView body) {
    return body.size() >= 6 && body.first(4) == QByteArrayView(Magic, 4);
}

} // namespace

PeerChannel *PeerChannel::connectTo(const ChannelSetup &setup, NodeId server,
                                    const QHostAddress &address, quint16 port, QObject *parent) {
    auto *socket = new QTcpSocket;
    socket->setProxy(QNetworkProxy::NoProxy); // directly to the peer (AuthenticatedSocket)
    auto *channel = new PeerChannel(setup, socket, false, server, parent);
    channel->m_target = QStringLiteral("%1:%2").arg(address.toString()).arg(port);
    // From the map address, so the peer can check which node is calling.
    if (!setup.selfAddress.isNull() && !socket->bind(setup.selfAddress, 0)) {
        const QString why = socket->errorString();
        QMetaObject::invokeMethod(
            channel,
            [channel, why] {
                channel->fail(ForwardError::Kind::Unreachable,
                              QStringLiteral("cannot bind to this node's address: %1").arg(why));
            },
            Qt::QueuedConnection);
        return channel;
    }
    connect(socket, &QTcpSocket::connected, channel, [channel] {
        channel->m_clientNonce = ChannelCrypto::nonce();
        WireWriter w;
        w.bytes(handshakeBody(Hello));
        w.u32(channel->m_setup.self);
        w.u32(channel->m_peer);
        w.bytes(channel->m_clientNonce);
        channel->sendRaw(w.data());
        channel->m_state = State::AwaitChallenge;
    });
    socket->connectToHost(address, port);
    return channel;
}

PeerChannel::PeerChannel(const ChannelSetup &setup, QTcpSocket *accepted, QObject *parent)
    : PeerChannel(setup, accepted, true, 0, parent) {}

PeerChannel::PeerChannel(const ChannelSetup &setup, QTcpSocket *socket, bool server, NodeId peer,
                         QObject *parent)
    : QObject(parent)
    , m_setup(setup)
    , m_socket(socket)
    , m_server(server)
    , m_state(server ? State::AwaitHello : State::Connecting)
    , m_peer(peer) {
    m_socket->setParent(this);
    // Requests and answers are whole frames, each written at once: Nagle's algorithm would
    // only hold a small answer back until the peer's delayed ACK (40 ms a request).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::connected, this,
            [this] { m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    connect(m_socket, &QTcpSocket::readyRead, this, &PeerChannel::readPending);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        const bool early = m_state == State::Connecting;
        fail(early                    ? ForwardError::Kind::Unreachable
             : m_state == State::Open ? ForwardError::Kind::ChannelClosed
                                      : ForwardError::Kind::Unreachable,
             early ? QStringLiteral("cannot connect to %1: %2")
                         .arg(peerName(), m_socket->errorString())
                   : QStringLiteral("connection to %1 lost: %2")
                         .arg(peerName(), m_socket->errorString()));
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        fail(m_state == State::Open ? ForwardError::Kind::ChannelClosed
                                    : ForwardError::Kind::Unreachable,
             QStringLiteral("%1 closed the connection%2")
                 .arg(peerName(), m_state == State::Open
                                      ? QString()
                                      : QStringLiteral(" during the handshake")));
    });
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        fail(m_state == State::Connecting ? ForwardError::Kind::Unreachable
                                          : ForwardError::Kind::Timeout,
             QStringLiteral("%1: no %2 within %3 ms")
                 .arg(peerName(), m_state == State::Connecting ? QStringLiteral("connection")
                                                               : QStringLiteral("handshake"))
                 .arg(m_setup.handshakeTimeoutMs));
    });
    m_handshakeTimer.start(m_setup.handshakeTimeoutMs);
}

PeerChannel::~PeerChannel() = default;

QString PeerChannel::peerName() const {
    const QString where = m_server ? plainAddress(m_socket->peerAddress()).toString() : m_target;
    if (m_peer == 0)
        return QStringLiteral("peer %1").arg(where);
    return QStringLiteral("node %1 (%2)").arg(m_peer).arg(where);
}

QByteArray PeerChannel::packDataRequest(QByteArrayView line, QByteArrayView data) {
    QByteArray payload(4 + line.size() + data.size(), Qt::Uninitialized);
    char *p = payload.data();
    qToBigEndian(static_cast<std::uint32_t>(line.size()), p);
    std::memcpy(p + 4, line.data(), size_t(line.size()));
    std::memcpy(p + 4 + line.size(), data.data(), size_t(data.size()));
    return payload;
}

std::optional<PeerChannel::DataRequestParts>
PeerChannel::unpackDataRequest(const QByteArray &payload) {
    if (payload.size() < 4)
        return std::nullopt;
    const auto length = qFromBigEndian<std::uint32_t>(payload.constData());
    if (length == 0 || qsizetype(length) > payload.size() - 4)
        return std::nullopt;
    return DataRequestParts{payload.mid(4, length), payload.mid(4 + qsizetype(length))};
}

void PeerChannel::sendRaw(const QByteArray &body) {
    WireWriter w;
    w.u32(static_cast<std::uint32_t>(body.size()));
    w.bytes(body);
    m_socket->write(w.data());
}

bool PeerChannel::send(FrameType type, std::uint64_t tag, QByteArrayView payload) {
    if (m_state != State::Open && !(type == FrameType::Accept && m_server))
        return false;
    if (!m_sealer || payload.size() > m_setup.maxFrame - DataOverhead)
        return false;
    const qsizetype length = DataOverhead + payload.size();
    const std::uint64_t seq = m_sendSequence++;
    // The frame is sealed straight into the buffer the socket then shares
    // (QIODevice::write(QByteArray) keeps a reference): the payload's one
    // pass through the cipher is its only copy on the way out.
    QByteArray frame(4 + length, Qt::Uninitialized);
    char *p = frame.data();
    qToBigEndian(static_cast<std::uint32_t>(length), p);
    qToBigEndian(seq, p + 4);
    char inner[Inner];
    inner[0] = static_cast<char>(type);
    qToBigEndian(tag, inner + 1);
    if (!m_sealer->seal(seq, QByteArrayView(p, AadSize), QByteArrayView(inner, Inner), payload,
                        p + AadSize)) {
        // Not from inside send(): callers do not expect closed() during it.
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(ForwardError::Kind::ChannelClosed,
                     QStringLiteral("cannot encrypt a frame to %1").arg(peerName()));
            },
            Qt::QueuedConnection);
        return false;
    }
    m_socket->write(frame);
    return true;
}

void PeerChannel::close(const QString &why) {
    fail(ForwardError::Kind::ChannelClosed, why);
}

void PeerChannel::fail(ForwardError::Kind kind, const QString &message) {
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_handshakeTimer.stop();
    m_socket->disconnect(this);
    // The socket outlives the channel until what was written (a refusal) is
    // flushed; it deletes itself once disconnected, or after a grace period.
    m_socket->setParent(nullptr);
    QTcpSocket *socket = m_socket;
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(m_setup.handshakeTimeoutMs, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
    qCDebug(lcPeers).noquote() << "channel" << (m_server ? "from" : "to") << peerName()
                               << "ended:" << forwardErrorKindName(kind) << "-" << message;
    emit closed(kind, message);
    deleteLater();
}

void PeerChannel::readPending() {
    // Into an empty buffer this shares what was read instead of copying it.
    m_buffer.append(m_socket->readAll());
    while (m_state != State::Closed && m_buffer.size() >= 4) {
        const auto length = qFromBigEndian<std::uint32_t>(m_buffer.constData());
        const qsizetype limit = m_state == State::Open || m_state == State::AwaitAccept
                                    ? m_setup.maxFrame
                                    : MaxHandshakeFrame;
        if (length == 0 || length > limit)
            return fail(ForwardError::Kind::ProtocolError,
                        QStringLiteral("%1 sent a frame of %2 bytes").arg(peerName()).arg(length));
        const qsizetype frame = 4 + qsizetype(length);
        if (m_buffer.size() < frame) {
            // A large frame comes in many reads: room for all of it at once.
            m_buffer.reserve(frame);
            return;
        }
        QByteArray body;
        if (m_buffer.size() == frame) {
            // The usual case for a large frame: it is the whole buffer, which
            // becomes the body (dropping the length only moves its start).
            body = std::exchange(m_buffer, QByteArray());
            body.remove(0, 4);
        } else {
            body = m_buffer.mid(4, length);
            m_buffer.remove(0, frame);
        }
        handleFrame(std::move(body));
    }
}

void PeerChannel::handleFrame(QByteArray body) {
    if (isHandshake(body) && static_cast<std::uint8_t>(body[5]) == Refused &&
        m_state != State::Open)
        return handleRefusal(body);
    switch (m_state) {
    case State::AwaitHello:
        return handleHello(body);
    case State::AwaitChallenge:
        return handleChallenge(body);
    case State::AwaitProof:
        return handleProof(body);
    case State::AwaitAccept:
    case State::Open:
        return handleData(std::move(body));
    case State::Connecting:
    case State::Closed:
        return;
    }
}

void PeerChannel::refuse(std::uint8_t reason, const QString &message, ForwardError::Kind kind) {
    WireWriter w;
    w.bytes(handshakeBody(Refused));
    w.u8(reason);
    w.text8(message.toUtf8());
    sendRaw(w.data());
    fail(kind, message);
}

void PeerChannel::handleRefusal(const QByteArray &body) {
    WireReader r(body);
    r.bytes(6);
    const std::uint8_t reason = r.u8();
    const QString text = QString::fromUtf8(r.text8());
    const ForwardError::Kind kind =
        reason == BadProof ? ForwardError::Kind::AuthFailed : ForwardError::Kind::Refused;
    fail(kind, QStringLiteral("%1 refused the channel: %2").arg(peerName(), text));
}

void PeerChannel::handleHello(const QByteArray &body) {
    WireReader r(body);
    r.bytes(4);
    const std::uint8_t version = r.u8();
    const std::uint8_t message = r.u8();
    // Before the layout: another version's hello may be laid out differently.
    if (isHandshake(body) && message == Hello && version != Version)
        return refuse(WrongVersion,
                      QStringLiteral("%1 speaks channel version %2, node %3 version %4: run the "
                                     "same omagentd release on both")
                          .arg(peerName())
                          .arg(version)
                          .arg(m_setup.self)
                          .arg(Version),
                      ForwardError::Kind::Refused);
    const NodeId client = r.u32();
    const NodeId server = r.u32();
    const QByteArrayView nonce = r.bytes(ChannelCrypto::NonceSize);
    if (!isHandshake(body) || message != Hello || !r.ok() || !r.atEnd())
        return fail(ForwardError::Kind::ProtocolError,
                    QStringLiteral("%1 sent no valid hello").arg(peerName()));
    if (server != m_setup.self)
        return refuse(NotThisNode,
                      QStringLiteral("this is node %1, not node %2").arg(m_setup.self).arg(server),
                      ForwardError::Kind::Refused);
    const QHostAddress from = plainAddress(m_socket->peerAddress());
    if (client == 0 || !m_setup.admitClient || !m_setup.admitClient(client, from))
        return refuse(UnknownClient,
                      QStringLiteral("node %1 at %2 is not a member of this cluster")
                          .arg(client)
                          .arg(from.toString()),
                      ForwardError::Kind::Refused);
    m_peer = client;
    m_clientNonce = nonce.toByteArray();
    m_serverNonce = ChannelCrypto::nonce();
    const HandshakeContext c{m_setup.channelKey, client, m_setup.self, m_clientNonce,
                             m_serverNonce};
    WireWriter w;
    w.bytes(handshakeBody(Challenge));
    w.u32(m_setup.self);
    w.bytes(m_serverNonce);
    w.bytes(ChannelCrypto::serverProof(c));
    sendRaw(w.data());
    m_state = State::AwaitProof;
}

void PeerChannel::handleChallenge(const QByteArray &body) {
    WireReader r(body);
    r.bytes(4);
    const std::uint8_t version = r.u8();
    const std::uint8_t message = r.u8();
    // A server that took our hello speaks our version; this only guards
    // against one that does not say so.
    if (isHandshake(body) && message == Challenge && version != Version)
        return fail(ForwardError::Kind::Refused,
                    QStringLiteral("%1 answered in channel version %2, this node speaks %3")
                        .arg(peerName())
                        .arg(version)
                        .arg(Version));
    const NodeId server = r.u32();
    const QByteArrayView nonce = r.bytes(ChannelCrypto::NonceSize);
    const QByteArrayView proof = r.bytes(ChannelCrypto::MacSize);
    if (!isHandshake(body) || message != Challenge || !r.ok() || !r.atEnd())
        return fail(ForwardError::Kind::ProtocolError,
                    QStringLiteral("%1 sent no valid challenge").arg(peerName()));
    if (server != m_peer)
        return fail(ForwardError::Kind::Refused,
                    QStringLiteral("%1 answered as node %2").arg(peerName()).arg(server));
    m_serverNonce = nonce.toByteArray();
    const HandshakeContext c{m_setup.channelKey, m_setup.self, m_peer, m_clientNonce,
                             m_serverNonce};
    if (!macEqual(ChannelCrypto::serverProof(c), proof))
        return refuse(BadProof,
                      QStringLiteral("%1 could not prove the cluster key (the nodes' keys differ)")
                          .arg(peerName()),
                      ForwardError::Kind::AuthFailed);
    if (!setUpCiphers(ChannelCrypto::clientToServerKey(c), ChannelCrypto::serverToClientKey(c)))
        return;
    WireWriter w;
    w.bytes(handshakeBody(Proof));
    w.bytes(ChannelCrypto::clientProof(c));
    sendRaw(w.data());
    m_state = State::AwaitAccept;
}

bool PeerChannel::setUpCiphers(const QByteArray &sendKey, const QByteArray &receiveKey) {
    auto sealer = FrameCipher::create(sendKey, FrameCipher::Mode::Seal);
    auto opener = FrameCipher::create(receiveKey, FrameCipher::Mode::Open);
    if (!sealer || !opener) {
        fail(ForwardError::Kind::ChannelClosed,
             QStringLiteral("channel with %1: %2")
                 .arg(peerName(), sealer ? opener.error() : sealer.error()));
        return false;
    }
    m_sealer = std::move(*sealer);
    m_opener = std::move(*opener);
    return true;
}

void PeerChannel::handleProof(const QByteArray &body) {
    WireReader r(body);
    r.bytes(5);
    const std::uint8_t message = r.u8();
    const QByteArrayView proof = r.bytes(ChannelCrypto::MacSize);
    if (!isHandshake(body) || message != Proof || !r.ok() || !r.atEnd())
        return fail(ForwardError::Kind::ProtocolError,
                    QStringLiteral("%1 sent no valid proof").arg(peerName()));
    const HandshakeContext c{m_setup.channelKey, m_peer, m_setup.self, m_clientNonce,
                             m_serverNonce};
    if (!macEqual(ChannelCrypto::clientProof(c), proof))
        return refuse(BadProof,
                      QStringLiteral("%1 could not prove the cluster key (the nodes' keys differ)")
                          .arg(peerName()),
                      ForwardError::Kind::AuthFailed);
    if (!setUpCiphers(ChannelCrypto::serverToClientKey(c), ChannelCrypto::clientToServerKey(c)))
        return;
    send(FrameType::Accept, 0, {});
    becomeOpen();
}

void PeerChannel::handleData(QByteArray body) {
    if (body.size() < DataOverhead)
        return fail(ForwardError::Kind::ProtocolError,
                    QStringLiteral("%1 sent a short frame").arg(peerName()));
    const auto seq = qFromBigEndian<std::uint64_t>(body.constData());
    // Over TCP frames cannot be lost or reordered by accident: another number
    // than the next is a replayed, dropped or reordered frame.
    if (seq != m_receiveSequence)
        return fail(ForwardError::Kind::ProtocolError,
                    QStringLiteral("%1 sent frame %2 where %3 was next")
                        .arg(peerName())
                        .arg(seq)
                        .arg(m_receiveSequence));
    char aad[AadSize];
    qToBigEndian(static_cast<std::uint32_t>(body.size()), aad);
    qToBigEndian(seq, aad + 4);
    // In place: body is this frame's own buffer, so data() does not copy.
    if (!m_opener->open(seq, QByteArrayView(aad, AadSize), body.data() + SequenceSize,
                        body.size() - SequenceSize))
        return fail(ForwardError::Kind::ProtocolError,
                    QStringLiteral("%1 sent a frame that does not verify").arg(peerName()));
    ++m_receiveSequence;
    const auto type = static_cast<std::uint8_t>(body[SequenceSize]);
    const auto tag = qFromBigEndian<std::uint64_t>(body.constData() + SequenceSize + 1);
    // What is left is the payload; cutting the ends off moves no bytes.
    body.remove(0, SequenceSize + Inner);
    body.chop(FrameCipher::TagSize);
    const auto frameType = static_cast<FrameType>(type);
    if (m_state == State::AwaitAccept) {
        if (frameType != FrameType::Accept)
            return fail(ForwardError::Kind::ProtocolError,
                        QStringLiteral("%1 sent data before accepting").arg(peerName()));
        return becomeOpen();
    }
    const bool allowed = m_server
                             ? frameType == FrameType::Request || frameType == FrameType::DataRequest
                             : frameType == FrameType::Response || frameType == FrameType::Notify;
    if (!allowed)
        return fail(
            ForwardError::Kind::ProtocolError,
            QStringLiteral("%1 sent an unexpected frame type %2").arg(peerName()).arg(type));
    emit frameReceived(frameType, tag, body);
}

void PeerChannel::becomeOpen() {
    m_state = State::Open;
    m_handshakeTimer.stop();
    qCDebug(lcPeers).noquote() << "channel" << (m_server ? "from" : "to") << peerName() << "open";
    emit opened();
}

} // namespace omview::peers
