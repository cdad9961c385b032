// Multicast auto-discovery on the loopback interface: nodes find each other,
// IDs are the last two octets, collisions are reported and kept out.
#include "testcluster.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <omview/peers/discovery.h>

using namespace omview;
using namespace omview::peers;

class TestDiscovery : public QObject {
    Q_OBJECT

    PeerConfig m_config;

    std::unique_ptr<Discovery> node(const QString &address, char key = 'k') {
        auto d = std::make_unique<Discovery>(m_config, test::key(key), QHostAddress(address),
                                             QStringLiteral("host-") + address);
        auto started = d->start();
        if (!started)
            qWarning("%s", qPrintable(started.error()));
        return started ? std::move(d) : nullptr;
    }

    static QList<NodeId> ids(const Discovery &d) {
        QList<NodeId> out;
        for (const NodeMap::Node &n : d.members().nodes())
            out.append(n.id);
        return out;
    }

private slots:
    void initTestCase() {
        QLoggingCategory::setFilterRules("omview.peers.debug=false");
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::AnyIPv4, 0));
        m_config.discoveryPort = probe.localPort();
        m_config.discoveryInterface = QStringLiteral("lo");
        m_config.announceIntervalMs = 100;
        m_config.announceExpiryMs = 500;
    }

    void nodesFindEachOther() {
        auto a = node("127.0.2.1");
        auto b = node("127.0.2.2");
        auto c = node("127.0.3.7");
        QVERIFY(a && b && c);
        QCOMPARE(a->ownId(), 513u);
        QCOMPARE(c->ownId(), 3u * 256 + 7);
        const QList<NodeId> all{513, 514, 775};
        QVERIFY(QTest::qWaitFor([&] { return ids(*a) == all && ids(*b) == all && ids(*c) == all; },
                                5000));
        QCOMPARE(a->members().addressOf(775), QHostAddress("127.0.3.7"));
        QCOMPARE(a->hostnameOf(514), QString("host-127.0.2.2"));
        // The discovered membership is a node map like /etc/openmosix.map.
        QVERIFY(a->members().text().contains("775 127.0.3.7 1"));

        // A node that stops announcing leaves the membership after the expiry.
        QSignalSpy changed(a.get(), &Discovery::membersChanged);
        c->stop();
        QVERIFY(QTest::qWaitFor([&] { return ids(*a) == QList<NodeId>{513, 514}; }, 5000));
        QVERIFY(changed.count() >= 1);
    }

    void collisionIsReportedNotMerged() {
        auto a = node("127.0.4.9");
        auto b = node("127.0.5.1");
        QVERIFY(a && b);
        QVERIFY(QTest::qWaitFor([&] { return ids(*b).size() == 2; }, 5000));
        QSignalSpy detectedA(a.get(), &Discovery::collisionDetected);
        QSignalSpy detectedB(b.get(), &Discovery::collisionDetected);
        // 127.1.4.9 has the same last two octets as 127.0.4.9: ID 1033.
        auto twin = node("127.1.4.9");
        QVERIFY(twin);
        QCOMPARE(twin->ownId(), a->ownId());
        QVERIFY(detectedA.wait(3000) || detectedA.count() > 0);
        QVERIFY(QTest::qWaitFor([&] { return detectedB.count() > 0; }, 3000));

        const Collision seen = detectedB.at(0).at(0).value<Collision>();
        QCOMPARE(seen.id, 1033u);
        QCOMPARE(seen.addresses,
                 (QList<QHostAddress>{QHostAddress("127.0.4.9"), QHostAddress("127.1.4.9")}));
        QVERIFY(!seen.involvesSelf);
        QVERIFY(a->ownIdCollides());
        QVERIFY(!b->ownIdCollides());
        QVERIFY(seen.toString().contains("127.0.4.9 and 127.1.4.9"));
        // Neither claimant is in anyone's membership; the others are.
        const QList<NodeId> others{1281};
        QVERIFY(QTest::qWaitFor(
            [&] { return ids(*a) == others && ids(*b) == others && ids(*twin) == others; }, 3000));

        // When one claimant goes, the collision resolves and the ID returns.
        QSignalSpy resolved(b.get(), &Discovery::collisionResolved);
        twin->stop();
        QVERIFY(QTest::qWaitFor([&] { return resolved.count() > 0; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return ids(*b) == QList<NodeId>{1033, 1281}; }, 3000));
        QCOMPARE(b->members().addressOf(1033), QHostAddress("127.0.4.9"));
        QVERIFY(b->collisions().isEmpty());
    }

    void wrongKeyIsNotDiscovered() {
        auto a = node("127.0.6.1");
        auto stranger = node("127.0.6.2", 'x');
        QVERIFY(a && stranger);
        QVERIFY(QTest::qWaitFor([&] { return a->counters().badMac >= 2; }, 3000));
        QCOMPARE(ids(*a), QList<NodeId>{1537});
        QCOMPARE(ids(*stranger), QList<NodeId>{1538});
    }

    void refusesAddressWithoutId() {
        Discovery zero(m_config, test::key(), QHostAddress("127.0.0.0"), "h");
        auto started = zero.start();
        QVERIFY(!started.has_value());
        QVERIFY(started.error().contains("no node ID"));
        Discovery v6(m_config, test::key(), QHostAddress("::1"), "h");
        QVERIFY(!v6.start().has_value());
        PeerConfig bad = m_config;
        bad.discoveryInterface = "no-such-if0";
        Discovery noIf(bad, test::key(), QHostAddress("127.0.7.1"), "h");
        auto noIfStarted = noIf.start();
        QVERIFY(!noIfStarted.has_value());
        QVERIFY(noIfStarted.error().contains("no-such-if0"));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
