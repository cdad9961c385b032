// Forwarding over the authenticated channel with real TCP on loopback: round
// trips, notifications, dead and hung nodes, wrong keys, strangers, and frames
// altered or replayed on the wire.
#include "testcluster.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <omview/peers/peerchannelserver.h>
#include <omview/peers/peerforwarder.h>

using namespace omview;
using namespace omview::peers;

namespace {

constexpr int Subnet = 12;

// Waits for the one callback of a forward() and keeps what it got.
struct Outcome {
    std::optional<ForwardResult> result;
    ForwardCallback callback() {
        return [this](ForwardResult r) {
            result = std::move(r);
        };
    }
    bool wait(int ms = 10000) {
        return QTest::qWaitFor([this] { return result.has_value(); }, ms);
    }
};

// A node's agent side: a server whose dispatcher answers "<line> from N".
struct Agent {
    std::unique_ptr<PeerChannelServer> server;
    Agent(const PeerConfig &config, const ClusterKey &key, NodeId id, const NodeMap &map)
        : server(std::make_unique<PeerChannelServer>(config, key, id, map)) {
        server->setHandler([id](const PeerRequest &request, PeerReply reply) {
            reply.send(request.line + " from " + QByteArray::number(id) + " for " +
                       QByteArray::number(request.from) + "\n");
        });
    }
};

// Relays TCP between a client and a server, letting the test alter the
// client's bytes after the handshake. It connects out from @clientAddress, so
// the server still sees the client's own address.
class Proxy : public QObject {
public:
    std::function<QByteArray(QByteArray, qsizetype offset)> alter;
    QTcpServer listener;
    Proxy(const QHostAddress &listen, quint16 port, const QHostAddress &clientAddress,
          const QHostAddress &server, quint16 serverPort) {
        listener.listen(listen, port);
        connect(&listener, &QTcpServer::newConnection, this, [=, this] {
            QTcpSocket *in = listener.nextPendingConnection();
            auto *out = new QTcpSocket(this);
            out->bind(clientAddress, 0);
            out->connectToHost(server, serverPort);
            auto offset = std::make_shared<qsizetype>(0);
            connect(in, &QTcpSocket::readyRead, this, [=, this] {
                QByteArray bytes = in->readAll();
                const QByteArray sent = alter ? alter(bytes, *offset) : bytes;
                *offset += bytes.size();
                if (out->state() == QAbstractSocket::ConnectedState)
                    out->write(sent);
                else
                    connect(out, &QTcpSocket::connected, out, [out, sent] { out->write(sent); });
            });
            connect(out, &QTcpSocket::readyRead, this, [=] { in->write(out->readAll()); });
            connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
            connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
        });
    }
};

// HELLO (4 + 46 bytes) and PROOF (4 + 38) come before the first data frame.
constexpr qsizetype HandshakeBytes = 50 + 42;

} // namespace

class TestForwarder : public QObject {
    Q_OBJECT

    PeerConfig m_config;
    NodeMap m_map;

    QHostAddress at(int id) const { return test::nodeAddress(Subnet, id); }

private slots:
    void initTestCase() {
        QLoggingCategory::setFilterRules("omview.peers.debug=false");
        m_map = test::loopbackMap(Subnet, 8);
        m_config.channelPort = test::freePort(Subnet, 8);
        QVERIFY(m_config.channelPort != 0);
        m_config.forwardTimeoutMs = 2000;
        m_config.handshakeTimeoutMs = 2000;
    }

    void roundTrip() {
        Agent b(m_config, test::key(), 2, m_map);
        QVERIFY(b.server->listen(at(2)).has_value());
        PeerForwarder a(m_config, test::key(), 1, m_map);
        Outcome o;
        a.forward(2,
                  R"({"jsonrpc":"2.0","id":1,"method":"node.status"})"
                  "\n",
                  o.callback());
        QVERIFY(!o.result.has_value()); // never from inside forward()
        QVERIFY(o.wait());
        QVERIFY2(o.result->has_value(),
                 o.result->has_value() ? "" : qPrintable(o.result->error().message));
        QCOMPARE(o.result->value(),
                 QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"node.status"} from 2 for 1)"));
        QCOMPARE(a.openChannels(), 1);
        QCOMPARE(b.server->counters().sessions, 1u);
        QCOMPARE(b.server->counters().requests, 1u);
    }

    // The channel connects and listens directly whatever proxy the process is told to use.
    void ignoresTheApplicationProxy() {
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(QNetworkProxy::Socks5Proxy, QStringLiteral("127.0.0.1"), 9));
        const auto restore = qScopeGuard([] { QNetworkProxy::setApplicationProxy({}); });
        Agent b(m_config, test::key(), 2, m_map);
        const auto listening = b.server->listen(at(2));
        QVERIFY2(listening.has_value(), test::why(listening).constData());
        PeerForwarder a(m_config, test::key(), 1, m_map);
        Outcome o;
        a.forward(2, "{}\n", o.callback());
        QVERIFY(o.wait());
        QVERIFY2(o.result->has_value(),
                 o.result->has_value() ? "" : qPrintable(o.result->error().message));
        QCOMPARE(o.result->value(), QByteArray("{} from 2 for 1"));
    }

    void concurrentRequestsMatchTheirAnswers() {
        PeerChannelServer b(m_config, test::key(), 2, m_map);
        // Answers in reverse order of arrival.
        QList<std::pair<QByteArray, PeerReply>> held;
        b.setHandler([&](const PeerRequest &r, PeerReply reply) {
            held.append({r.line, reply});
            if (held.size() == 10)
                for (auto it = held.rbegin(); it != held.rend(); ++it)
                    it->second.send("answer " + it->first);
        });
        QVERIFY(b.listen(at(2)).has_value());
        PeerForwarder a(m_config, test::key(), 1, m_map);
        std::vector<Outcome> outcomes(10);
        for (int i = 0; i < 10; ++i)
            a.forward(2, "request " + QByteArray::number(i), outcomes[i].callback());
        for (int i = 0; i < 10; ++i) {
            QVERIFY(outcomes[i].wait());
            QCOMPARE(outcomes[i].result->value(), "answer request " + QByteArray::number(i));
        }
        QCOMPARE(b.counters().sessions, 1u); // one channel carried them all
        QCOMPARE(a.pendingRequests(), 0);
    }

    void notificationsReachTheForwarder() {
        PeerChannelServer b(m_config, test::key(), 2, m_map);
        std::uint64_t session = 0;
        b.setHandler([&](const PeerRequest &r, PeerReply reply) {
            session = r.session;
            reply.send("subscribed");
        });
        QVERIFY(b.listen(at(2)).has_value());
        PeerForwarder a(m_config, test::key(), 1, m_map);
        QSignalSpy pushed(&a, &PeerForwarder::notificationReceived);
        Outcome o;
        a.forward(2, "subscribe", o.callback());
        QVERIFY(o.wait());
        QVERIFY(b.notify(session, "update 1\n"));
        QVERIFY(pushed.wait(3000));
        QCOMPARE(pushed.at(0).at(0).value<NodeId>(), 2u);
        QCOMPARE(pushed.at(0).at(1).toByteArray(), QByteArray("update 1"));
        QVERIFY(!b.notify(session + 100, "nobody"));
    }

    void dataRequestsCarryRawBytes() {
        PeerChannelServer b(m_config, test::key(), 2, m_map);
        QList<PeerRequest> seen;
        b.setHandler([&](const PeerRequest &r, PeerReply reply) {
            seen.append(r);
            reply.send("got " + QByteArray::number(r.data.size()));
        });
        QVERIFY(b.listen(at(2)).has_value());
        PeerForwarder a(m_config, test::key(), 1, m_map);
        // Every byte value, newlines and NULs included, and a size that is not a round one:
        // the bytes arrive as they went, beside an intact line.
        QByteArray bytes(300'007, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 131) & 0xff);
        Outcome withData;
        Outcome plain;
        a.forward(2, "{\"put\":1}\n", withData.callback(), -1, bytes);
        a.forward(2, "{\"plain\":1}", plain.callback());
        QVERIFY(withData.wait());
        QVERIFY(plain.wait());
        QCOMPARE(withData.result->value(), QByteArray("got 300007"));
        QCOMPARE(plain.result->value(), QByteArray("got 0"));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.at(0).line, QByteArray("{\"put\":1}"));
        QVERIFY(seen.at(0).data == bytes);
        QCOMPARE(seen.at(1).line, QByteArray("{\"plain\":1}"));
    }

    void dataRequestLayout() {
        const QByteArray packed = PeerChannel::packDataRequest("line", QByteArray("a\nb\0c", 5));
        QCOMPARE(packed, QByteArray("\0\0\0\x04linea\nb\0c", 13));
        const auto parts = PeerChannel::unpackDataRequest(packed);
        QVERIFY(parts);
        QCOMPARE(parts->line, QByteArray("line"));
        QCOMPARE(parts->data, QByteArray("a\nb\0c", 5));
        // A length of 0, or past the payload, is malformed.
        QVERIFY(!PeerChannel::unpackDataRequest(QByteArray("\0\0\0\0xy", 6)));
        QVERIFY(!PeerChannel::unpackDataRequest(QByteArray("\0\0\0\x09line", 8)));
        QVERIFY(!PeerChannel::unpackDataRequest(QByteArray("\0\0", 2)));
        // A request with no bytes beside its line.
        const auto bare = PeerChannel::unpackDataRequest(PeerChannel::packDataRequest("x", {}));
        QVERIFY(bare && bare->line == "x" && bare->data.isEmpty());
    }

    void deadNodeFailsClearly() {
        PeerForwarder a(m_config, test::key(), 1, m_map);
        Outcome o;
        QElapsedTimer clock;
        clock.start();
        a.forward(3, "request", o.callback()); // nothing listens on node 3
        QVERIFY(o.wait());
        QVERIFY(clock.elapsed() < m_config.forwardTimeoutMs + 500);
        QVERIFY(!o.result->has_value());
        const ForwardError e = o.result->error();
        QCOMPARE(e.kind, ForwardError::Kind::Unreachable);
        QCOMPARE(e.node, 3u);
        QVERIFY2(e.message.startsWith("cannot connect to node 3 (127.0.12.3:"),
                 qPrintable(e.message));
        QVERIFY2(e.message.contains("refused", Qt::CaseInsensitive), qPrintable(e.message));
        QCOMPARE(e.toRpcError().code, -32002);
    }

    void hungNodeTimesOut() {
        // Accepts connections but never speaks: a node whose agent hangs.
        QTcpServer hung;
        QVERIFY(hung.listen(at(4), m_config.channelPort));
        PeerForwarder a(m_config, test::key(), 1, m_map);
        Outcome o;
        QElapsedTimer clock;
        clock.start();
        a.forward(4, "request", o.callback(), 700);
        QVERIFY(o.wait());
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(elapsed >= 650 && elapsed < 1500, qPrintable(QString::number(elapsed)));
        QCOMPARE(o.result->error().kind, ForwardError::Kind::Timeout);
        QVERIFY(o.result->error().message.contains("700 ms"));
    }

    void wrongKeyFailsAuthentication() {
        Agent e(m_config, test::key('x'), 5, m_map);
        QVERIFY(e.server->listen(at(5)).has_value());
        PeerForwarder a(m_config, test::key(), 1, m_map);
        Outcome o;
        a.forward(5, "request", o.callback());
        QVERIFY(o.wait());
        QVERIFY(!o.result->has_value());
        QCOMPARE(o.result->error().kind, ForwardError::Kind::AuthFailed);
        QVERIFY2(o.result->error().message.contains("cluster key"),
                 qPrintable(o.result->error().message));
        QCOMPARE(o.result->error().toRpcError().code, -32004);
        QVERIFY(QTest::qWaitFor([&] { return e.server->counters().authFailures == 1; }, 3000));
        QCOMPARE(e.server->counters().sessions, 0u);
        QCOMPARE(e.server->counters().requests, 0u);

        // And the other way round: a forwarder with the wrong key.
        Agent b(m_config, test::key(), 2, m_map);
        QVERIFY(b.server->listen(at(2)).has_value());
        PeerForwarder wrong(m_config, test::key('x'), 1, m_map);
        Outcome o2;
        wrong.forward(2, "request", o2.callback());
        QVERIFY(o2.wait());
        QCOMPARE(o2.result->error().kind, ForwardError::Kind::AuthFailed);
        QVERIFY(QTest::qWaitFor([&] { return b.server->counters().authFailures == 1; }, 3000));
        QCOMPARE(b.server->counters().requests, 0u);
    }

    void strangersAreRefused() {
        Agent b(m_config, test::key(), 2, m_map);
        QVERIFY(b.server->listen(at(2)).has_value());
        // Claims to be node 1 but connects from node 6's address.
        NodeMap lying = *NodeMap::parse("1 127.0.12.6 1\n2 127.0.12.2 1\n");
        PeerForwarder liar(m_config, test::key(), 1, lying);
        Outcome o;
        liar.forward(2, "request", o.callback());
        QVERIFY(o.wait());
        QCOMPARE(o.result->error().kind, ForwardError::Kind::Refused);
        QVERIFY2(o.result->error().message.contains("not a member"),
                 qPrintable(o.result->error().message));
        QCOMPARE(b.server->counters().refused, 1u);

        // Asks node 2's address for node 3.
        NodeMap shifted = *NodeMap::parse("1 127.0.12.1 1\n3 127.0.12.2 1\n");
        PeerForwarder confused(m_config, test::key(), 1, shifted);
        Outcome o2;
        confused.forward(3, "request", o2.callback());
        QVERIFY(o2.wait());
        QCOMPARE(o2.result->error().kind, ForwardError::Kind::Refused);
        QVERIFY(o2.result->error().message.contains("not node 3"));

        PeerForwarder a(m_config, test::key(), 1, m_map);
        Outcome unknown, self, bad;
        a.forward(99, "request", unknown.callback());
        a.forward(1, "request", self.callback());
        a.forward(2, "two\nlines", bad.callback());
        QVERIFY(unknown.wait() && self.wait() && bad.wait());
        QCOMPARE(unknown.result->error().kind, ForwardError::Kind::UnknownNode);
        QCOMPARE(unknown.result->error().toRpcError().code, -32002);
        QCOMPARE(self.result->error().kind, ForwardError::Kind::Refused);
        QCOMPARE(bad.result->error().kind, ForwardError::Kind::ProtocolError);
    }

    void alteredOrReplayedFramesEndTheChannel_data() {
        QTest::addColumn<bool>("replay");
        QTest::newRow("flipped bit") << false;
        QTest::newRow("replayed frame") << true;
    }
    void alteredOrReplayedFramesEndTheChannel() {
        QFETCH(bool, replay);
        Agent b(m_config, test::key(), 2, m_map);
        QVERIFY(b.server->listen(at(2)).has_value());
        // Node 2 is reached through a proxy on node 7's address.
        Proxy proxy(at(7), m_config.channelPort, at(1), at(2), m_config.channelPort);
        QByteArray firstFrame;
        proxy.alter = [&](QByteArray bytes, qsizetype offset) {
            const qsizetype dataStart = std::max<qsizetype>(0, HandshakeBytes - offset);
            if (dataStart >= bytes.size())
                return bytes;
            if (firstFrame.isEmpty()) {
                firstFrame = bytes.mid(dataStart); // the first request, sent whole
                if (!replay)
                    bytes[dataStart + 30] = char(bytes[dataStart + 30] ^ 0x08);
                return bytes;
            }
            // The second request is replaced by a copy of the first.
            return replay ? firstFrame : bytes;
        };
        NodeMap viaProxy = *NodeMap::parse("1 127.0.12.1 1\n2 127.0.12.7 1\n");
        PeerForwarder a(m_config, test::key(), 1, viaProxy);
        Outcome first;
        a.forward(2, "request one", first.callback());
        QVERIFY(first.wait());
        if (replay) {
            QVERIFY(first.result->has_value());
            Outcome second;
            a.forward(2, "request two", second.callback());
            QVERIFY(second.wait());
            QVERIFY(!second.result->has_value());
            QCOMPARE(second.result->error().kind, ForwardError::Kind::ChannelClosed);
            QCOMPARE(b.server->counters().requests, 1u); // the copy was not acted on
        } else {
            QVERIFY(!first.result->has_value());
            QCOMPARE(first.result->error().kind, ForwardError::Kind::ChannelClosed);
            QCOMPARE(b.server->counters().requests, 0u);
        }
        QCOMPARE(b.server->counters().protocolErrors, 1u);
    }
};

QTEST_GUILESS_MAIN(TestForwarder)
#include "tst_forwarder.moc"
