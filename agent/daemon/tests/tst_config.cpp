// Configuration: defaults, the file, the command line over both, and errors that name the
// file and the key.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <omview/agent/config.h>

using namespace Qt::StringLiterals;
using namespace omview::agent;

namespace {

QString writeConfig(const QTemporaryDir &dir, const QByteArray &text) {
    const QString path = dir.path() + u"/omagentd.conf"_s;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write(text);
    return path;
}

bool sameSettings(AgentConfig a, AgentConfig b) {
    a.configFile.clear();
    b.configFile.clear();
    return a.hpc == b.hpc && a.hpcRoot == b.hpcRoot && a.procRoot == b.procRoot &&
           a.socketPath == b.socketPath && a.adminGroup == b.adminGroup && a.nodeId == b.nodeId &&
           a.mapFile == b.mapFile && a.discovery == b.discovery &&
           a.discoveryInterface == b.discoveryInterface && a.discoveryGroup == b.discoveryGroup &&
           a.discoveryPort == b.discoveryPort && a.clusterKeyFile == b.clusterKeyFile &&
           a.bindAddress == b.bindAddress && a.gossipPort == b.gossipPort &&
           a.channelPort == b.channelPort && a.intervalMs == b.intervalMs;
}

} // namespace

class TestConfig : public QObject {
    Q_OBJECT

private slots:
    void shippedFileHoldsTheDefaults() {
        const auto loaded = loadConfigFile(QStringLiteral(OMAGENTD_CONF), AgentConfig());
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QVERIFY(sameSettings(*loaded, AgentConfig()));
    }

    void fileOverridesDefaults() {
        QTemporaryDir dir;
        const QString path = writeConfig(dir, "[hpc]\nbackend=emulated\nroot=/srv/hpc\n"
                                              "[server]\nsocket=/run/x/a.sock\nadmin-group=wheel\n"
                                              "[cluster]\nnode-id=7\ndiscovery=yes\n"
                                              "discovery-group=239.255.1.2\nbind=10.0.0.7\n"
                                              "gossip-port=6000\nchannel-port=6001\n"
                                              "[sampling]\ninterval=250\n");
        const auto c = loadConfigFile(path, AgentConfig());
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QCOMPARE(c->hpc, HpcMode::Emulated);
        QCOMPARE(c->hpcRoot, u"/srv/hpc"_s);
        QCOMPARE(c->socketPath, u"/run/x/a.sock"_s);
        QCOMPARE(c->adminGroup, u"wheel"_s);
        QCOMPARE(c->nodeId, 7u);
        QVERIFY(c->discovery);
        QCOMPARE(c->discoveryGroup, QHostAddress(u"239.255.1.2"_s));
        QCOMPARE(c->bindAddress, QHostAddress(u"10.0.0.7"_s));
        QCOMPARE(c->gossipPort, 6000);
        QCOMPARE(c->channelPort, 6001);
        QCOMPARE(c->intervalMs, 250);
        QCOMPARE(c->configFile, path);
        QCOMPARE(c->procRoot, u"/proc"_s); // untouched
    }

    void commandLineOverridesTheFile() {
        QTemporaryDir dir;
        const QString path = writeConfig(dir, "[server]\nsocket=/run/x/a.sock\n"
                                              "[cluster]\ndiscovery=true\n");
        const auto inv =
            parseInvocation({u"omagentd"_s, u"--config"_s, path, u"--socket"_s, u"/tmp/b.sock"_s,
                             u"--map"_s, u"/tmp/m.map"_s, u"--node-id=3"_s, u"--bridge"_s});
        QVERIFY2(inv, qPrintable(inv ? QString() : inv.error().message));
        QCOMPARE(inv->config.socketPath, u"/tmp/b.sock"_s);
        QCOMPARE(inv->config.mapFile, u"/tmp/m.map"_s);
        QVERIFY(!inv->config.discovery); // naming a map means the map
        QCOMPARE(inv->config.nodeId, 3u);
        QVERIFY(inv->bridge);
    }

    void errorsNameFileAndKey_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("key");
        QTest::newRow("unknown key")
            << QByteArray("[cluster]\nmapfile=/x\n") << u"cluster/mapfile"_s;
        QTest::newRow("outside a section") << QByteArray("socket=/x\n") << u"socket"_s;
        QTest::newRow("backend") << QByteArray("[hpc]\nbackend=kernel\n") << u"hpc/backend"_s;
        QTest::newRow("node id") << QByteArray("[cluster]\nnode-id=-1\n") << u"cluster/node-id"_s;
        QTest::newRow("port") << QByteArray("[cluster]\nchannel-port=0\n")
                              << u"cluster/channel-port"_s;
        QTest::newRow("group") << QByteArray("[cluster]\ndiscovery-group=10.0.0.1\n")
                               << u"cluster/discovery-group"_s;
        QTest::newRow("bool") << QByteArray("[cluster]\ndiscovery=maybe\n")
                              << u"cluster/discovery"_s;
        QTest::newRow("interval") << QByteArray("[sampling]\ninterval=99\n")
                                  << u"sampling/interval"_s;
        QTest::newRow("admin group")
            << QByteArray("[server]\nadmin-group=\n") << u"server/admin-group"_s;
    }

    void errorsNameFileAndKey() {
        QFETCH(QByteArray, text);
        QFETCH(QString, key);
        QTemporaryDir dir;
        const QString path = writeConfig(dir, text);
        const auto c = loadConfigFile(path, AgentConfig());
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(path), qPrintable(c.error().message));
        QVERIFY2(c.error().message.contains(u'"' + key + u'"'), qPrintable(c.error().message));
    }

    void unreadableFileIsAnError() {
        const auto c = loadConfigFile(u"/nonexistent/omagentd.conf"_s, AgentConfig());
        QVERIFY(!c);
        QVERIFY(c.error().message.contains(u"/nonexistent/omagentd.conf"_s));
    }

    void badOptionsAreErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("value") << QStringList{u"--gossip-port"_s, u"x"_s} << u"--gossip-port"_s;
        QTest::newRow("unknown") << QStringList{u"--verbose"_s} << u"verbose"_s;
        QTest::newRow("positional") << QStringList{u"start"_s} << u"start"_s;
        QTest::newRow("missing value") << QStringList{u"--socket"_s} << u"socket"_s;
    }

    void badOptionsAreErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString empty = writeConfig(dir, "");
        const auto inv = parseInvocation(QStringList{u"omagentd"_s, u"--config"_s, empty} + args);
        QVERIFY(!inv);
        QVERIFY2(inv.error().message.contains(mentions), qPrintable(inv.error().message));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
