// The forwarding channel on the wire, through a relay on loopback that records
// both directions frame by frame and may alter, drop, repeat or reorder them:
// nothing of a request or a payload crosses in clear, and any change to the
// frames ends the channel with a protocol error. Also: another channel version
// is refused with a message that says so.
#include "testcluster.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>
#include <memory>
#include <omview/peers/channelcrypto.h>
#include <omview/peers/peerchannel.h>
#include <omview/peers/peerchannelserver.h>
#include <omview/peers/peerforwarder.h>

using namespace omview;
using namespace omview::peers;

namespace {

constexpr int Subnet = 13;
const QByteArray Marker = "MARKER-7f3a9c-plain-on-the-wire";

enum class Way { ToServer, ToClient };

// Relays TCP between a client and a server, one frame (u32 length + body) at
// a time, and keeps every byte it passed on each way. alter() sees each whole
// frame with its index in that direction (handshake frames included) and
// returns what to send instead: nothing drops it, two frames repeat it. It
// connects out from @clientAddress, so the server still sees the client's own.
class Relay : public QObject {
public:
    std::function<QList<QByteArray>(Way, int index, const QByteArray &frame)> alter;
    QByteArray sent[2]; // per Way, as passed on

    Relay(const QHostAddress &listen, const QHostAddress &clientAddress, const QHostAddress &server,
          quint16 serverPort) {
        m_listener.listen(listen, 0);
        connect(&m_listener, &QTcpServer::newConnection, this, [=, this] {
            QTcpSocket *in = m_listener.nextPendingConnection();
            auto *out = new QTcpSocket(this);
            out->bind(clientAddress, 0);
            out->connectToHost(server, serverPort);
            connect(in, &QTcpSocket::readyRead, this, [=, this] { pass(Way::ToServer, in, out); });
            connect(out, &QTcpSocket::readyRead, this, [=, this] { pass(Way::ToClient, out, in); });
            connect(out, &QTcpSocket::connected, this, [=, this] { pass(Way::ToServer, in, out); });
            connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
            connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
        });
    }
    quint16 port() const { return m_listener.serverPort(); }
    QByteArray all() const { return sent[0] + sent[1]; }

private:
    void pass(Way way, QTcpSocket *from, QTcpSocket *to) {
        const int w = static_cast<int>(way);
        m_pending[w].append(from->readAll());
        if (to->state() != QAbstractSocket::ConnectedState)
            return; // kept until the way out is open
        while (m_pending[w].size() >= 4) {
            const qsizetype size = 4 + qFromBigEndian<std::uint32_t>(m_pending[w].constData());
            if (m_pending[w].size() < size)
                return;
            const QByteArray frame = m_pending[w].first(size);
            m_pending[w].remove(0, size);
            const QList<QByteArray> out =
                alter ? alter(way, m_index[w], frame) : QList<QByteArray>{frame};
            ++m_index[w];
            for (const QByteArray &f : out) {
                sent[w].append(f);
                to->write(f);
            }
        }
    }

    QTcpServer m_listener;
    QByteArray m_pending[2];
    int m_index[2] = {0, 0};
};

// Handshake frames in each direction before the data frames: HELLO and PROOF
// to the server; CHALLENGE to the client (ACCEPT is already a data frame).
constexpr int HandshakeFrames[2] = {2, 1};

// Frame layout after the u32 length (docs/peers.md): u64 sequence, then sealed
// u8 type, u64 tag, payload, then the 16-byte Poly1305 tag.
constexpr qsizetype SequenceAt = 4;
constexpr qsizetype TypeAt = 12;
constexpr qsizetype TagAt = 13;
constexpr qsizetype PayloadAt = 21;

// Bytes that look like a memory image: runs of zeros, small integers and
// noise, with the marker at the start, in the middle and at the end.
QByteArray binaryPayload(qsizetype size) {
    QByteArray b(size, '\0');
    char *d = b.data();
    QRandomGenerator rng(42);
    for (qsizetype i = 0; i < size; i += 4096) {
        const qsizetype page = std::min<qsizetype>(4096, size - i);
        switch ((i / 4096) % 3) {
        case 0: // zeros
            break;
        case 1:
            for (qsizetype j = 0; j < page; j += 8)
                d[i + j] = char(j / 8);
            break;
        default:
            for (qsizetype j = 0; j < page; ++j)
                d[i + j] = char(rng.generate());
        }
    }
    for (qsizetype at : {qsizetype(0), size / 2 + 3, size - Marker.size()})
        b.replace(at, Marker.size(), Marker);
    return b;
}

// Two channel ends with the cluster key: node 1 connects through the relay
// to node 2, which a plain QTcpServer in the test accepts.
struct Ends {
    QTcpServer listener;
    std::unique_ptr<Relay> relay;
    QPointer<PeerChannel> client;
    QPointer<PeerChannel> server;
    // What each end received, and how each one ended.
    QList<std::pair<std::uint64_t, QByteArray>> atServer, atClient;
    std::optional<std::pair<ForwardError::Kind, QString>> serverEnd, clientEnd;

    static ChannelSetup setup(NodeId self) {
        ChannelSetup s;
        s.channelKey = test::key().derive("channel");
        s.self = self;
        s.selfAddress = test::nodeAddress(Subnet, self);
        s.handshakeTimeoutMs = 3000;
        s.admitClient = [](NodeId client, const QHostAddress &) {
            return client == 1;
        };
        return s;
    }

    bool open() {
        if (!listener.listen(test::nodeAddress(Subnet, 2), 0))
            return false;
        QObject::connect(&listener, &QTcpServer::newConnection, &listener, [this] {
            server = new PeerChannel(setup(2), listener.nextPendingConnection());
            watch(server, atServer, serverEnd);
        });
        relay = std::make_unique<Relay>(test::nodeAddress(Subnet, 7), test::nodeAddress(Subnet, 1),
                                        test::nodeAddress(Subnet, 2), listener.serverPort());
        client = PeerChannel::connectTo(setup(1), 2, test::nodeAddress(Subnet, 7), relay->port());
        watch(client, atClient, clientEnd);
        QSignalSpy opened(client.data(), &PeerChannel::opened);
        return opened.wait(5000) && QTest::qWaitFor([this] { return server && server->isOpen(); });
    }

    static void watch(PeerChannel *c, QList<std::pair<std::uint64_t, QByteArray>> &frames,
                      std::optional<std::pair<ForwardError::Kind, QString>> &end) {
        QObject::connect(c, &PeerChannel::frameReceived, c,
                         [&frames](PeerChannel::FrameType, std::uint64_t tag,
                                   const QByteArray &payload) { frames.append({tag, payload}); });
        QObject::connect(
            c, &PeerChannel::closed, c,
            [&end](ForwardError::Kind kind, const QString &message) { end = {kind, message}; });
    }

    ~Ends() {
        if (client)
            client->close(QStringLiteral("test over"));
        if (server)
            server->close(QStringLiteral("test over"));
        delete client.data();
        delete server.data();
    }
};

} // namespace

class TestChannel : public QObject {
    Q_OBJECT

    QHostAddress at(int id) const { return test::nodeAddress(Subnet, id); }

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules("omview.peers.debug=false"); }

    // A forwarded request whose params carry the marker, and its answer that
    // repeats them: both cross, neither is readable on the wire.
    void forwardedRequestIsNotInClearOnTheWire() {
        const NodeMap map = test::loopbackMap(Subnet, 8);
        PeerConfig config;
        config.channelPort = test::freePort(Subnet, 8);
        QVERIFY(config.channelPort != 0);
        PeerChannelServer b(config, test::key(), 2, map);
        b.setHandler([](const PeerRequest &r, PeerReply reply) {
            reply.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"echo\":" + r.line + "}}");
        });
        QVERIFY(b.listen(at(2)).has_value());
        Relay relay(at(7), at(1), at(2), config.channelPort);
        const NodeMap viaRelay =
            *NodeMap::parse("1 127.0.13.1 1\n2 127.0.13.7 1\n"); // node 2 behind the relay
        PeerConfig toRelay = config;
        toRelay.channelPort = relay.port();
        PeerForwarder a(toRelay, test::key(), 1, viaRelay);
        const QByteArray request = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"settings.set\","
                                   "\"params\":{\"node\":2,\"command\":\"run --secret " +
                                   Marker + "\"}}";
        std::optional<ForwardResult> result;
        a.forward(2, request, [&](ForwardResult r) { result = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY2(result->has_value(),
                 result->has_value() ? "" : qPrintable(result->error().message));
        QVERIFY(result->value().contains(Marker)); // it did arrive, and came back
        QVERIFY(relay.sent[0].size() > request.size());
        QVERIFY(relay.sent[1].size() > request.size());
        QVERIFY(!relay.all().contains(Marker));
        QVERIFY(!relay.all().contains("settings.set"));
        QVERIFY(!relay.all().contains("jsonrpc"));
    }

    // 8 MiB of memory-image-like bytes each way, in one frame: they arrive
    // whole, and the relay never saw the marker nor a page of the payload.
    void largePayloadIsNotInClearOnTheWire() {
        Ends e;
        QVERIFY(e.open());
        const QByteArray payload = binaryPayload(8 * 1024 * 1024);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(e.client->send(PeerChannel::FrameType::Request, 1, payload));
        QVERIFY(QTest::qWaitFor([&] { return !e.atServer.isEmpty(); }, 20000));
        QVERIFY(e.server->send(PeerChannel::FrameType::Response, 1, e.atServer.at(0).second));
        QVERIFY(QTest::qWaitFor([&] { return !e.atClient.isEmpty(); }, 20000));
        qInfo("8 MiB there and back through the relay: %lld ms", clock.elapsed());
        QVERIFY(e.atServer.at(0).second == payload);
        QVERIFY(e.atClient.at(0).second == payload);
        QVERIFY(!e.clientEnd && !e.serverEnd);
        const QByteArray wire = e.relay->all();
        // Each way: the payload plus 4 + 8 + 9 + 16 bytes of frame, and the handshake.
        QVERIFY(wire.size() > 2 * (payload.size() + 37));
        QVERIFY(wire.size() < 2 * (payload.size() + 37) + 256);
        QVERIFY(!wire.contains(Marker));
        // Nor any of it: a page of the small integers is not on the wire either.
        QVERIFY(!wire.contains(payload.sliced(4096, 256)));
    }

    // A byte changed in any field of a data frame, either way: the end that
    // receives it ends the channel with a protocol error and acts on nothing.
    void alteredFrameEndsTheChannel_data() {
        QTest::addColumn<int>("way");
        QTest::addColumn<qsizetype>("offset");
        for (const auto &[name, way] :
             {std::pair{"to server", Way::ToServer}, std::pair{"to client", Way::ToClient}}) {
            const int w = int(way);
            QTest::addRow("%s: sequence", name) << w << SequenceAt + 7;
            QTest::addRow("%s: type", name) << w << TypeAt;
            QTest::addRow("%s: tag", name) << w << TagAt + 7;
            QTest::addRow("%s: payload", name) << w << PayloadAt + 10;
            QTest::addRow("%s: Poly1305 tag", name) << w << qsizetype(-1);
        }
    }
    void alteredFrameEndsTheChannel() {
        QFETCH(int, way);
        QFETCH(qsizetype, offset);
        Ends e;
        QVERIFY(e.open());
        // The first data frame after the handshake and ACCEPT in that way.
        const int target = HandshakeFrames[way] + (way == int(Way::ToClient) ? 1 : 0);
        e.relay->alter = [&](Way w, int index, const QByteArray &frame) {
            QByteArray f = frame;
            if (int(w) == way && index == target) {
                const qsizetype at = offset < 0 ? f.size() - 1 : offset;
                f[at] = char(f[at] ^ 0x01);
            }
            return QList<QByteArray>{f};
        };
        QVERIFY(e.client->send(PeerChannel::FrameType::Request, 5, "request " + Marker));
        QVERIFY(QTest::qWaitFor([&] { return !e.atServer.isEmpty() || e.serverEnd; }, 5000));
        if (way == int(Way::ToClient)) {
            QCOMPARE(e.atServer.size(), 1);
            QVERIFY(e.server->send(PeerChannel::FrameType::Response, 5, QByteArray(1000, 'r')));
        }
        auto &end = way == int(Way::ToServer) ? e.serverEnd : e.clientEnd;
        QVERIFY(QTest::qWaitFor([&] { return end.has_value(); }, 5000));
        QCOMPARE(end->first, ForwardError::Kind::ProtocolError);
        QVERIFY2(end->second.contains("does not verify") || end->second.contains("was next"),
                 qPrintable(end->second));
        if (way == int(Way::ToServer))
            QVERIFY(e.atServer.isEmpty());
        else
            QVERIFY(e.atClient.isEmpty());
        // The other end sees the connection go.
        auto &other = way == int(Way::ToServer) ? e.clientEnd : e.serverEnd;
        QVERIFY(QTest::qWaitFor([&] { return other.has_value(); }, 5000));
        QCOMPARE(other->first, ForwardError::Kind::ChannelClosed);
    }

    // The same through a real server: its counters count the protocol error.
    void alteredRequestIsCountedByTheServer() {
        const NodeMap map = test::loopbackMap(Subnet, 8);
        PeerConfig config;
        config.channelPort = test::freePort(Subnet, 8);
        config.forwardTimeoutMs = 3000;
        PeerChannelServer b(config, test::key(), 2, map);
        b.setHandler([](const PeerRequest &r, PeerReply reply) { reply.send(r.line); });
        QVERIFY(b.listen(at(2)).has_value());
        Relay relay(at(7), at(1), at(2), config.channelPort);
        relay.alter = [](Way w, int index, const QByteArray &frame) {
            QByteArray f = frame;
            if (w == Way::ToServer && index == HandshakeFrames[0])
                f[PayloadAt + 2] = char(f[PayloadAt + 2] ^ 0x80);
            return QList<QByteArray>{f};
        };
        PeerConfig toRelay = config;
        toRelay.channelPort = relay.port();
        PeerForwarder a(toRelay, test::key(), 1,
                        *NodeMap::parse("1 127.0.13.1 1\n2 127.0.13.7 1\n"));
        std::optional<ForwardResult> result;
        a.forward(2, "request " + Marker, [&](ForwardResult r) { result = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY(!result->has_value());
        QCOMPARE(result->error().kind, ForwardError::Kind::ChannelClosed);
        QVERIFY(QTest::qWaitFor([&] { return b.counters().protocolErrors == 1; }, 3000));
        QCOMPARE(b.counters().requests, 0u);
    }

    // A data frame repeated, dropped or swapped with the next: the receiver
    // acts on the frames before it and ends the channel at it.
    void replayedOrReorderedFrameEndsTheChannel_data() {
        QTest::addColumn<QString>("what");
        QTest::newRow("replayed") << "replay";
        QTest::newRow("replayed later") << "replay later";
        QTest::newRow("dropped") << "drop";
        QTest::newRow("reordered") << "swap";
    }
    void replayedOrReorderedFrameEndsTheChannel() {
        QFETCH(QString, what);
        Ends e;
        QVERIFY(e.open());
        const int first = HandshakeFrames[0]; // the first request
        QByteArray held;
        e.relay->alter = [&](Way w, int index, const QByteArray &frame) -> QList<QByteArray> {
            if (w != Way::ToServer || index < first)
                return {frame};
            const int data = index - first;
            if (what == "replay" && data == 0)
                return {frame, frame};
            if (what == "replay later") {
                if (data == 0)
                    held = frame;
                return data == 1 ? QList<QByteArray>{frame, held} : QList<QByteArray>{frame};
            }
            if (what == "drop" && data == 0)
                return {};
            if (what == "swap" && data == 0) {
                held = frame;
                return {};
            }
            if (what == "swap" && data == 1)
                return {frame, held};
            return {frame};
        };
        for (std::uint64_t tag = 1; tag <= 3; ++tag)
            QVERIFY(e.client->send(PeerChannel::FrameType::Request, tag, "request"));
        QVERIFY(QTest::qWaitFor([&] { return e.serverEnd.has_value(); }, 5000));
        QCOMPARE(e.serverEnd->first, ForwardError::Kind::ProtocolError);
        QVERIFY2(e.serverEnd->second.contains("was next"), qPrintable(e.serverEnd->second));
        // Only the frames before the bad one were acted on.
        const qsizetype good = what == "replay" ? 1 : what == "replay later" ? 2 : 0;
        QCOMPARE(e.atServer.size(), good);
        for (qsizetype i = 0; i < good; ++i)
            QCOMPARE(e.atServer.at(i).first, std::uint64_t(i + 1));
    }

    // A hello of channel version 1 (frames only MACed) is refused with a
    // message naming both versions, not taken for a garbled frame.
    void otherVersionIsRefusedClearly() {
        QTcpServer listener;
        QVERIFY(listener.listen(at(2), 0));
        QPointer<PeerChannel> server;
        std::optional<std::pair<ForwardError::Kind, QString>> end;
        connect(&listener, &QTcpServer::newConnection, &listener, [&] {
            server = new PeerChannel(Ends::setup(2), listener.nextPendingConnection());
            connect(
                server, &PeerChannel::closed, server,
                [&](ForwardError::Kind kind, const QString &message) { end = {kind, message}; });
        });
        QTcpSocket old;
        QVERIFY(old.bind(at(1), 0));
        old.connectToHost(at(2), listener.serverPort());
        QVERIFY(old.waitForConnected(3000));
        QByteArray hello("OMVC\x01\x01", 6);
        hello += QByteArray("\0\0\0\x01\0\0\0\x02", 8) + ChannelCrypto::nonce();
        QByteArray frame(4, '\0');
        qToBigEndian(std::uint32_t(hello.size()), frame.data());
        old.write(frame + hello);
        QVERIFY(QTest::qWaitFor([&] { return end.has_value(); }, 3000));
        QCOMPARE(end->first, ForwardError::Kind::Refused);
        QVERIFY(QTest::qWaitFor([&] { return old.bytesAvailable() > 10; }, 3000));
        const QByteArray refusal = old.readAll();
        QCOMPARE(refusal.mid(4, 6), QByteArray("OMVC\x03\x04", 6)); // REFUSED
        QCOMPARE(int(refusal.at(10)), 5);                           // wrong version
        QVERIFY2(refusal.contains("speaks channel version 1, node 2 version 3"),
                 refusal.constData());
    }
};

QTEST_GUILESS_MAIN(TestChannel)
#include "tst_channel.moc"
