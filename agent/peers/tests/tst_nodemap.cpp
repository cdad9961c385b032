// The node map: parsing through kernel/core, hostname resolution, this node's
// ID, and the hpc_peer_record form of the table.
#include "testcluster.h"

#include <omview/peers/nodemapfile.h>
#include <omview/peers/peerrecord.h>

extern "C" {
#include <hpc/text.h>
}

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace omview;
using namespace omview::peers;

class TestNodeMap : public QObject {
    Q_OBJECT
private slots:
    void parsesRangesAndAliases() {
        auto map = NodeMap::parse("# cluster\n1 192.168.1.1 4 # four\n4 10.0.0.4 ALIAS\n"
                                  "10 fd00::a 1\n");
        QVERIFY2(map.has_value(), test::why(map).constData());
        QCOMPARE(map->size(), 5);
        QCOMPARE(map->nodes().at(0).id, 1u);
        QCOMPARE(map->addressOf(3), QHostAddress("192.168.1.3"));
        QCOMPARE(map->addressOf(10), QHostAddress("fd00::a"));
        QCOMPARE(map->addressOf(5), std::nullopt);
        QCOMPARE(map->idOf(QHostAddress("192.168.1.4")), 4u);
        QCOMPARE(map->idOf(QHostAddress("10.0.0.4")), 4u); // ALIAS
        QCOMPARE(map->idOf(QHostAddress("::ffff:192.168.1.2")), 2u);
        QCOMPARE(map->idOf(QHostAddress("192.168.1.9")), 0u);
        QVERIFY(map->text().contains("1 192.168.1.1 4"));
        QVERIFY(map->text().contains("4 10.0.0.4 ALIAS"));
        // The canonical text parses back to the same map.
        QCOMPARE(*NodeMap::parse(map->text()), *map);
    }

    void errorsNameTheLine() {
        auto bad = NodeMap::parse("1 10.0.0.1 2\n\n3 10.0.0.1 1\n");
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().line, 3);
        QVERIFY(bad.error().toString().startsWith("line 3: "));
        QCOMPARE(NodeMap::parse("70000 10.0.0.1 1\n").error().line, 1);
    }

    void resolvesHostnames() {
        auto map = NodeMapFile::parse("# by name\n1 localhost 1\n2 127.0.5.2 1 # numeric\n");
        QVERIFY2(map.has_value(), test::why(map).constData());
        QCOMPARE(map->addressOf(1), QHostAddress("127.0.0.1"));
        QCOMPARE(map->addressOf(2), QHostAddress("127.0.5.2"));
        auto text = NodeMapFile::resolveNames("# c\n1 localhost 1 # x\n");
        QVERIFY(text.has_value());
        QCOMPARE(*text, QByteArray("# c\n1 127.0.0.1 1 # x\n"));
    }

    void unresolvableHostNamesItsLine() {
        auto map = NodeMapFile::parse("1 127.0.5.1 1\n# c\n3 no-such-host.invalid 1\n");
        QVERIFY(!map.has_value());
        QCOMPARE(map.error().line, 3);
        QVERIFY2(map.error().message.contains("no-such-host.invalid"),
                 qPrintable(map.error().message));
    }

    void readsFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("openmosix.map");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("1 127.0.5.1 3\n2 localhost ALIAS\n");
        f.close();
        auto map = NodeMapFile::read(path);
        QVERIFY2(map.has_value(), test::why(map).constData());
        QCOMPARE(map->idOf(QHostAddress("127.0.0.1")), 2u);

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("1 127.0.5.1 3\nbroken line\n");
        f.close();
        auto bad = NodeMapFile::read(path);
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().line, 2);
        QVERIFY2(bad.error().toString().startsWith(path + ":2: "), test::why(bad).constData());

        auto missing = NodeMapFile::read(dir.filePath("none.map"));
        QVERIFY(!missing.has_value());
        QVERIFY(missing.error().toString().startsWith(dir.filePath("none.map") + ": "));
    }

    void findsLocalNode() {
        const NodeMap map = *NodeMap::parse("1 127.0.5.1 3\n3 10.9.9.9 ALIAS\n");
        QCOMPARE(map.localNode({QHostAddress("192.0.2.1"), QHostAddress("127.0.5.2")}).value(), 2u);
        QCOMPARE(map.localNode({QHostAddress("10.9.9.9")}).value(), 3u);
        QVERIFY(!map.localNode({QHostAddress("192.0.2.1")}).has_value());
        auto several = map.localNode({QHostAddress("127.0.5.1"), QHostAddress("127.0.5.2")});
        QVERIFY(!several.has_value());
        QVERIFY(several.error().contains("several"));
    }

    void autoIdIsLastTwoOctets() {
        QCOMPARE(autoId(QHostAddress("192.168.10.220")), 2780u);
        QCOMPARE(autoId(QHostAddress("10.0.0.0")), 0u);
        auto map = NodeMap::fromNodes(
            {{2780, QHostAddress("192.168.10.220")}, {5, QHostAddress("10.0.0.5")}});
        QVERIFY(map.has_value());
        QCOMPARE(map->size(), 2);
        QCOMPARE(map->nodes().front().id, 5u);
    }

    void peerRecordsForTheKernel() {
        NodeRecord up;
        up.node.id = 2;
        up.node.status = 3;
        up.node.load = 120;
        up.node.exportLoad = 150;
        up.node.speed = 10000;
        up.node.cpus = 4;
        up.node.memAvailable = 4096 * 1000;
        up.node.memFree = 4096 * 500;
        up.node.memTotal = 4096 * 2000;
        up.node.util = 80;
        up.alive = true;
        NodeRecord never;
        never.node.id = 3;
        never.node.status = -101;
        NodeRecord self;
        self.node.id = 1;
        const QByteArray text = loadsText({self, up, never}, 1);
        QCOMPARE(text, QByteArray("2 3 150 10000 4 1000 500 2000 80\n3 -101\n"));
        // Every line is what kernel/core's parser (and hpc.ko) accepts.
        for (const QByteArray &line : text.split('\n')) {
            if (line.isEmpty())
                continue;
            hpc_peer_record r{};
            QCOMPARE(hpc_parse_peer(line.constData(), size_t(line.size()), &r), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestNodeMap)
#include "tst_nodemap.moc"
