// One authenticated, encrypted TCP connection between two agents: the
// handshake (nonces both ways, proofs of the cluster key, per-direction session
// keys) and then length-prefixed frames, each sealed with ChaCha20-Poly1305
// under its direction's key and sequence number (docs/peers.md, "Data frames").
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>
#include <cstdint>
#include <functional>
#include <omview/peers/channelcrypto.h>
#include <omview/peers/forwarderror.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview::peers {

// What either end of a channel needs to know.
struct ChannelSetup {
    QByteArray channelKey; // ClusterKey::derive("channel")
    NodeId self = 0;
    QHostAddress selfAddress; // clients connect from it (the map address); null = any
    int handshakeTimeoutMs = 5000;
    qsizetype maxFrame = 16 * 1024 * 1024;
    // Server side: whether @client may connect from @from (membership check).
    std::function<bool(NodeId client, const QHostAddress &from)> admitClient;
};

class PeerChannel : public QObject {
    Q_OBJECT
public:
    // DataRequest: a request with bytes attached (a migration's image chunk), which then
    // cross once, raw, instead of inside the JSON line (packDataRequest()).
    enum class FrameType : std::uint8_t {
        Accept = 1,
        Request = 2,
        Response = 3,
        Notify = 4,
        DataRequest = 5
    };

    // A DataRequest's payload: the line's length (u32, big-endian), the line, the bytes.
    static QByteArray packDataRequest(QByteArrayView line, QByteArrayView data);
    struct DataRequestParts {
        QByteArray line;
        QByteArray data;
    };
    // The parts of a DataRequest payload; nullopt when the length does not fit it.
    static std::optional<DataRequestParts> unpackDataRequest(const QByteArray &payload);

    // Client end: connects to @server at @address:@port and runs the handshake.
    static PeerChannel *connectTo(const ChannelSetup &setup, NodeId server,
                                  const QHostAddress &address, quint16 port,
                                  QObject *parent = nullptr);
    // Server end over an accepted socket (the channel takes it over).
    PeerChannel(const ChannelSetup &setup, QTcpSocket *accepted, QObject *parent = nullptr);
    ~PeerChannel() override;

    bool isOpen() const { return m_state == State::Open; }
    bool isServer() const { return m_server; }
    NodeId peer() const { return m_peer; }

    // Sends an encrypted frame; false when the channel is not open or the
    // payload is over the frame limit.
    bool send(FrameType type, std::uint64_t tag, QByteArrayView payload);
    // Ends the channel; closed() is emitted once, with ChannelClosed.
    void close(const QString &why);

signals:
    void opened();
    void frameReceived(omview::peers::PeerChannel::FrameType type, std::uint64_t tag,
                       const QByteArray &payload);
    // Emitted exactly once, however the channel ends; the channel then deletes
    // itself later (deleteLater), so receivers must not keep the pointer.
    void closed(omview::peers::ForwardError::Kind kind, const QString &message);

private:
    enum class State {
        Connecting,
        AwaitHello,
        AwaitChallenge,
        AwaitProof,
        AwaitAccept,
        Open,
        Closed
    };
    PeerChannel(const ChannelSetup &setup, QTcpSocket *socket, bool server, NodeId peer,
                QObject *parent);

    void readPending();
    void handleFrame(QByteArray body);
    void handleHello(const QByteArray &body);
    void handleChallenge(const QByteArray &body);
    void handleProof(const QByteArray &body);
    void handleData(QByteArray body);
    bool setUpCiphers(const QByteArray &sendKey, const QByteArray &receiveKey);
    void handleRefusal(const QByteArray &body);
    void sendRaw(const QByteArray &body);
    void refuse(std::uint8_t reason, const QString &message, ForwardError::Kind kind);
    void fail(ForwardError::Kind kind, const QString &message);
    void becomeOpen();
    QString peerName() const;

    ChannelSetup m_setup;
    QTcpSocket *m_socket;
    bool m_server;
    State m_state;
    NodeId m_peer;
    QString m_target; // client: "address:port" connected to, for messages
    QByteArray m_clientNonce;
    QByteArray m_serverNonce;
    // Set once both proofs are known; one OpenSSL context each, for every frame.
    std::optional<FrameCipher> m_sealer;
    std::optional<FrameCipher> m_opener;
    std::uint64_t m_sendSequence = 0;
    std::uint64_t m_receiveSequence = 0;
    QByteArray m_buffer;
    QTimer m_handshakeTimer;
};

} // namespace omview::peers
