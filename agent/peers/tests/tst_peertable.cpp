// The table's merge rules, ages, death and the window, on a fake clock.
#include "testcluster.h"

#include <QTest>
#include <omview/peers/peertable.h>

using namespace omview;
using namespace omview::peers;

class TestPeerTable : public QObject {
    Q_OBJECT

    static GossipEntry entry(NodeId id, std::uint64_t version, std::uint32_t age,
                             std::uint32_t load) {
        GossipEntry e;
        e.status.id = id;
        e.status.load = load;
        e.version = version;
        e.ageMs = age;
        return e;
    }

private slots:
    void mergesOnlyNewerVersions() {
        PeerTable t(1, 5000);
        t.setMembers(test::loopbackMap(9, 4));
        QCOMPARE(t.merge(entry(2, 10, 0, 100), 1000), PeerTable::Merge::Newer);
        QCOMPARE(t.merge(entry(2, 10, 0, 999), 1000), PeerTable::Merge::NotNewer);
        QCOMPARE(t.merge(entry(2, 9, 0, 999), 1000), PeerTable::Merge::NotNewer);
        QCOMPARE(t.record(2, 1000)->node.load, 100u);
        QCOMPARE(t.merge(entry(1, 99, 0, 5), 1000), PeerTable::Merge::Self);
        QCOMPARE(t.merge(entry(7, 1, 0, 5), 1000), PeerTable::Merge::NotMember);
        // The address comes from the map, never from the record.
        QCOMPARE(t.record(2, 1000)->node.address, QString("127.0.9.2"));
    }

    void agesAccumulateAcrossHops() {
        PeerTable t(1, 5000);
        t.setMembers(test::loopbackMap(9, 3));
        t.merge(entry(2, 1, 700, 0), 10000); // made 700 ms before it arrived
        QCOMPARE(t.record(2, 10000)->ageMs, 700);
        QCOMPARE(t.record(2, 10300)->ageMs, 1000);
        // Forwarded on, it carries its full age.
        const QList<GossipEntry> w = t.window(5, 10300);
        QCOMPARE(w.size(), 1); // own record not set yet
        QCOMPARE(w.front().ageMs, 1000u);
    }

    void deadAfterSilence() {
        PeerTable t(1, 5000);
        t.setMembers(test::loopbackMap(9, 3));
        t.setOwn(NodeStatus{}, 1, 0);
        t.merge(entry(2, 1, 0, 50), 0);
        QCOMPARE(t.alivePeers(5000), QList<NodeId>{2});
        QCOMPARE(t.alivePeers(5001), QList<NodeId>{});
        const NodeRecord dead = *t.record(2, 5001);
        QVERIFY(!dead.alive);
        QCOMPARE(dead.node.status, -110);
        QCOMPARE(dead.node.load, 50u); // last known values stay visible
        const NodeRecord never = *t.record(3, 5001);
        QVERIFY(!never.alive);
        QCOMPARE(never.ageMs, -1);
        QCOMPARE(never.node.status, -101);
        const NodeRecord self = *t.record(1, 99999);
        QVERIFY(self.alive);
        QCOMPARE(self.ageMs, 0);
        // A dead node's newer record brings it back.
        t.merge(entry(2, 2, 0, 60), 6000);
        QVERIFY(t.record(2, 6000)->alive);
    }

    void windowIsOwnPlusFreshest() {
        PeerTable t(1, 5000);
        t.setMembers(test::loopbackMap(9, 6));
        NodeStatus own;
        own.load = 7;
        t.setOwn(own, 100, 1000);
        t.merge(entry(2, 1, 300, 0), 1000);
        t.merge(entry(3, 1, 100, 0), 1000);
        t.merge(entry(4, 1, 200, 0), 1000);
        t.merge(entry(5, 1, 0, 0), 0); // 1000 ms old by now
        QList<GossipEntry> w = t.window(3, 1000);
        QCOMPARE(w.size(), 4);
        QCOMPARE(w[0].status.id, 1u);
        QCOMPARE(w[0].status.load, 7u);
        QCOMPARE(w[0].version, 100u);
        QCOMPARE(w[0].ageMs, 0u);
        QCOMPARE(w[1].status.id, 3u);
        QCOMPARE(w[2].status.id, 4u);
        QCOMPARE(w[3].status.id, 2u);
        QVERIFY(w[1].status.address.isEmpty());
        // Dead records are not spread.
        QCOMPARE(t.window(10, 5400).size(), 4);
    }

    void membershipChangesKeepRecords() {
        PeerTable t(1, 5000);
        t.setMembers(test::loopbackMap(9, 3));
        t.merge(entry(2, 1, 0, 42), 0);
        t.setMembers(test::loopbackMap(9, 4));
        QCOMPARE(t.record(2, 0)->node.load, 42u);
        QCOMPARE(t.peers(), (QList<NodeId>{2, 3, 4}));
        t.setMembers(*NodeMap::parse("1 127.0.9.1 1\n3 127.0.9.3 1\n"));
        QCOMPARE(t.record(2, 0), std::nullopt);
        QCOMPARE(t.records(0).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPeerTable)
#include "tst_peertable.moc"
