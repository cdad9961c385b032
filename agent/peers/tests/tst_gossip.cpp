// The load gossip over real UDP sockets on loopback: 64-node convergence,
// dead-node detection, and every way a datagram is refused.
#include "testcluster.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <omview/peers/authenticatedsocket.h>
#include <omview/peers/gossip.h>
#include <omview/peers/gossipmessage.h>
#include <vector>

using namespace omview;
using namespace omview::peers;

namespace {

constexpr int Subnet = 11;
constexpr int ConvergenceBound = 16; // docs/peers.md, N = 64, fanout 2, window 16

struct Cluster {
    PeerConfig config;
    NodeMap map;
    std::vector<std::unique_ptr<Gossip>> nodes;

    Gossip &node(NodeId id) { return *nodes[id - 1]; }

    bool start(int count, int intervalMs, const ClusterKey &key) {
        config.loadPort = test::freePort(Subnet, count);
        config.intervalMs = intervalMs;
        map = test::loopbackMap(Subnet, count);
        for (int i = 1; i <= count; ++i) {
            auto g = std::make_unique<Gossip>(config, key, NodeId(i), map);
            NodeStatus s;
            s.hostname = QStringLiteral("node%1").arg(i);
            s.status = 3;
            s.load = 100;
            g->setOwnStatus(s);
            if (auto started = g->start(); !started) {
                qWarning("%s", qPrintable(started.error()));
                return false;
            }
            nodes.push_back(std::move(g));
        }
        return true;
    }

    // Whether every running node holds @id's record with @load.
    bool allSee(NodeId id, std::uint32_t load) const {
        for (const auto &g : nodes) {
            if (!g->isRunning() || g->self() == id)
                continue;
            const auto r = g->record(id);
            if (!r || !r->alive || r->node.load != load)
                return false;
        }
        return true;
    }

    bool allAlive() const {
        for (const auto &g : nodes)
            if (g->alivePeers().size() != qsizetype(nodes.size()) - 1)
                return false;
        return true;
    }
};

// Crafts datagrams as a member at @address would send them.
struct Forger {
    QUdpSocket socket;
    PacketAuthenticator auth;
    Forger(const QHostAddress &address, const ClusterKey &key)
        : auth(key.derive("load"), PacketKind::Load) {
        socket.bind(address, 0);
    }
    QByteArray packet(NodeId sender, std::uint64_t seq, std::uint32_t load,
                      std::int64_t timestamp = wallClockMs()) {
        GossipEntry e;
        e.status.id = sender;
        e.status.status = 3;
        e.status.load = load;
        e.version = seq;
        return auth.seal(sender, seq, timestamp, GossipMessage{0, {e}}.encode());
    }
};

} // namespace

class TestGossip : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLoggingCategory::setFilterRules("omview.peers.debug=false"); }

    void converges64Nodes() {
        Cluster c;
        QVERIFY(c.start(64, 50, test::key()));
        QVERIFY(QTest::qWaitFor([&] { return c.allAlive(); }, 15000));
        // Three load changes at different nodes; each must reach all others
        // within the bound, counted in the origin's own steps.
        for (NodeId origin : {NodeId(1), NodeId(33), NodeId(64)}) {
            Gossip &g = c.node(origin);
            NodeStatus s;
            s.status = 3;
            s.load = 1000 + origin;
            g.setOwnStatus(s);
            const std::uint64_t before = g.steps();
            QElapsedTimer clock;
            clock.start();
            QVERIFY(QTest::qWaitFor([&] { return c.allSee(origin, s.load); }, 20000));
            const std::uint64_t steps = g.steps() - before;
            qInfo("load change at node %u reached all 64 nodes in %llu steps (%lld ms)", origin,
                  static_cast<unsigned long long>(steps), static_cast<long long>(clock.elapsed()));
            QVERIFY2(steps <= ConvergenceBound, qPrintable(QString::number(steps)));
        }
        // The table is what the hpc backend gets: the whole membership, this node included.
        QSignalSpy table(&c.node(5), &Gossip::tableUpdated);
        QVERIFY(table.wait(2000));
        const auto records = table.takeLast().at(0).value<QList<NodeRecord>>();
        QCOMPARE(records.size(), 64);
        QCOMPARE(records.at(4).node.id, 5u);
        QCOMPARE(records.at(9).node.hostname, QString("node10"));
        QCOMPARE(records.at(9).node.address, QString("127.0.11.10"));
        for (const auto &g : c.nodes)
            QCOMPARE(g->counters().dropped(), 0u);
    }

    void detectsDeadNode() {
        Cluster c;
        QVERIFY(c.start(64, 100, test::key()));
        QVERIFY(QTest::qWaitFor([&] { return c.allAlive(); }, 15000));
        std::vector<std::unique_ptr<QSignalSpy>> spies;
        for (const auto &g : c.nodes)
            spies.push_back(std::make_unique<QSignalSpy>(g.get(), &Gossip::nodeAliveChanged));

        const NodeId victim = 17;
        c.node(victim).stop();
        Gossip &watch = c.node(1);
        const std::uint64_t stoppedAt = watch.steps();
        auto allSeeDead = [&] {
            for (const auto &g : c.nodes)
                if (g->isRunning() && g->record(victim)->alive)
                    return false;
            return true;
        };
        QVERIFY(QTest::qWaitFor(allSeeDead, 20000));
        const std::uint64_t steps = watch.steps() - stoppedAt;
        qInfo("node %u stopped; all 63 others marked it dead after %llu steps (threshold %d)",
              victim, static_cast<unsigned long long>(steps), c.config.deadAfterIntervals);
        // Its newest record was made at most one step before it stopped, so it
        // is dead everywhere once that record is deadAfter old, plus one step
        // for the check and the delivery delays ages do not count (with 64
        // agents in one event loop, up to a few tens of ms a hop).
        QVERIFY(steps <= std::uint64_t(c.config.deadAfterIntervals + 4));
        const NodeRecord r = *watch.record(victim);
        QCOMPARE(r.node.status, -110);
        QVERIFY(r.ageMs > c.config.deadAfterMs());
        // Only the victim died, and every node said so exactly once.
        QTest::qWait(3 * c.config.intervalMs); // each node reports at its next step
        for (std::size_t i = 0; i < c.nodes.size(); ++i) {
            if (NodeId(i + 1) == victim)
                continue;
            QList<NodeId> died;
            for (const QList<QVariant> &signal : *spies[i])
                if (!signal.at(1).toBool())
                    died.append(signal.at(0).value<NodeId>());
            QCOMPARE(died, QList<NodeId>{victim});
        }
    }

    void dropsWrongKeyNode() {
        Cluster c;
        QVERIFY(c.start(2, 50, test::key()));
        // Node 3 is in the map but holds another key.
        c.map = test::loopbackMap(Subnet, 3);
        for (auto &g : c.nodes)
            g->setMembers(c.map);
        Gossip stranger(c.config, test::key('x'), 3, c.map);
        QVERIFY(stranger.start().has_value());
        QVERIFY(QTest::qWaitFor([&] { return c.node(1).counters().badMac >= 3; }, 5000));
        QVERIFY(!c.node(1).record(3)->alive);
        QCOMPARE(c.node(1).record(3)->ageMs, -1);
        QCOMPARE(stranger.counters().accepted, 0u);
        QVERIFY(stranger.counters().badMac > 0);
        QVERIFY(!stranger.record(1)->alive);
    }

    void dropsReplayedTamperedAndForeignPackets() {
        Cluster c;
        c.config.intervalMs = 50;
        c.map = test::loopbackMap(Subnet, 3);
        c.config.loadPort = test::freePort(Subnet, 3);
        Gossip node(c.config, test::key(), 1, c.map);
        QVERIFY(node.start().has_value());
        const QHostAddress target = test::nodeAddress(Subnet, 1);
        const quint16 port = c.config.loadPort;
        Forger member(test::nodeAddress(Subnet, 2), test::key());
        auto counters = [&] {
            return node.counters();
        };
        auto waitFor = [&](auto pred) {
            return QTest::qWaitFor(pred, 3000);
        };

        const QByteArray genuine = member.packet(2, 1000, 4242);
        member.socket.writeDatagram(genuine, target, port);
        QVERIFY(waitFor([&] { return counters().accepted == 1; }));
        QCOMPARE(node.record(2)->node.load, 4242u);

        // The same bytes again: dropped and counted as a replay, nothing changes.
        member.socket.writeDatagram(genuine, target, port);
        QVERIFY(waitFor([&] { return counters().replayed == 1; }));

        // One byte of the payload changed: the MAC fails.
        QByteArray tampered = member.packet(2, 1001, 5000);
        tampered[PacketAuthenticator::HeaderSize + 20] ^= 0x40;
        member.socket.writeDatagram(tampered, target, port);
        QVERIFY(waitFor([&] { return counters().badMac == 1; }));

        // Sealed with another cluster's key.
        Forger outsider(test::nodeAddress(Subnet, 2), test::key('z'));
        outsider.socket.writeDatagram(outsider.packet(2, 1002, 6000), target, port);
        QVERIFY(waitFor([&] { return counters().badMac == 2; }));

        // Authentic, but claiming a node the map does not hold, or another
        // member's ID than its address has.
        member.socket.writeDatagram(member.packet(9, 1003, 7000), target, port);
        member.socket.writeDatagram(member.packet(3, 1004, 7000), target, port);
        QVERIFY(waitFor([&] { return counters().unknownSender == 2; }));

        // A timestamp far outside the accepted skew.
        member.socket.writeDatagram(member.packet(2, 1005, 8000, wallClockMs() - 120000), target,
                                    port);
        QVERIFY(waitFor([&] { return counters().stale == 1; }));

        // Authentic and fresh, with a payload that does not parse.
        member.socket.writeDatagram(member.auth.seal(2, 1006, wallClockMs(), "junk"), target, port);
        QVERIFY(waitFor([&] { return counters().malformed == 1; }));

        QTest::qWait(100);
        QCOMPARE(counters().accepted, 1u);
        QCOMPARE(counters().dropped(), 7u);
        QCOMPARE(node.record(2)->node.load, 4242u); // nothing dropped was acted on
        QVERIFY(!node.record(9).has_value());
    }

    // A node that has not sampled yet relays what it hears but announces nothing of its own:
    // its peers see it as not heard from, never as a live node with no load or memory.
    void announcesNothingBeforeItsFirstSample() {
        PeerConfig config;
        config.intervalMs = 50;
        config.loadPort = test::freePort(Subnet, 2);
        const NodeMap map = test::loopbackMap(Subnet, 2);
        Gossip sampled(config, test::key(), 1, map);
        NodeStatus s;
        s.hostname = QStringLiteral("node1");
        s.status = 3;
        s.load = 100;
        s.memTotal = std::uint64_t(4096) * 1000;
        sampled.setOwnStatus(s);
        QVERIFY(sampled.start().has_value());
        Gossip starting(config, test::key(), 2, map);
        QVERIFY(starting.start().has_value());

        // Node 2 hears node 1 and passes its record on, so node 1 does hear from node 2.
        QVERIFY(QTest::qWaitFor([&] { return starting.record(1)->alive; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return sampled.counters().accepted >= 5; }, 5000));
        QVERIFY2(!sampled.record(2)->alive, qPrintable(sampled.record(2)->node.hostname));
        QCOMPARE(sampled.record(2)->ageMs, -1);
        QVERIFY(!starting.record(2)->alive);

        NodeStatus mine;
        mine.hostname = QStringLiteral("node2");
        mine.status = 3;
        mine.load = 77;
        mine.memTotal = std::uint64_t(4096) * 2000;
        starting.setOwnStatus(mine);
        QVERIFY(QTest::qWaitFor([&] { return sampled.record(2)->alive; }, 5000));
        QCOMPARE(sampled.record(2)->node.load, 77u);
        QCOMPARE(sampled.record(2)->node.memTotal, std::uint64_t(4096) * 2000);
        QCOMPARE(sampled.record(2)->node.hostname, QStringLiteral("node2"));
        QVERIFY(starting.record(2)->alive);
    }

    // Load records go straight to the peers whatever proxy the process is told to use: a
    // cluster network is never reached through one.
    void ignoresTheApplicationProxy() {
        PeerConfig config;
        config.intervalMs = 50;
        config.loadPort = test::freePort(Subnet, 3); // the probe sockets would use the proxy
        QVERIFY(config.loadPort != 0);
        const NodeMap map = test::loopbackMap(Subnet, 3);
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(QNetworkProxy::Socks5Proxy, QStringLiteral("127.0.0.1"), 9));
        const auto restore = qScopeGuard([] { QNetworkProxy::setApplicationProxy({}); });
        std::vector<std::unique_ptr<Gossip>> nodes;
        for (NodeId id = 1; id <= 3; ++id) {
            nodes.push_back(std::make_unique<Gossip>(config, test::key(), id, map));
            NodeStatus s;
            s.status = 3;
            s.load = 10 * id;
            nodes.back()->setOwnStatus(s);
            const auto started = nodes.back()->start();
            QVERIFY2(started.has_value(), test::why(started).constData());
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::ranges::all_of(
                    nodes, [](const auto &g) { return g->alivePeers().size() == 2; });
            },
            10000));
    }

    void refusesToStartOffTheMap() {
        PeerConfig bad;
        bad.window = 300;
        Gossip wide(bad, test::key(), 1, test::loopbackMap(Subnet, 3));
        auto refused = wide.start();
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().contains("window = 300"), qPrintable(refused.error()));
        QVERIFY(!wide.isRunning());
        bad = PeerConfig{};
        bad.pullAfterIntervals = bad.deadAfterIntervals;
        QVERIFY(!bad.validate().has_value());
        QVERIFY(PeerConfig{}.validate().has_value());

        PeerConfig config;
        Gossip g(config, test::key(), 9, test::loopbackMap(Subnet, 3));
        auto started = g.start();
        QVERIFY(!started.has_value());
        QVERIFY(started.error().contains("node 9"));
    }
};

QTEST_GUILESS_MAIN(TestGossip)
#include "tst_gossip.moc"
