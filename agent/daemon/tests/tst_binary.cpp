// The omagentd executable: configuration errors (exit status 2, naming file and key), a
// clean start and stop, and an unprivileged agent whose kill(2) is refused (-32003).
#include "testagent.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace omview::agent;
using namespace omview::agent::test;

namespace {

struct Run {
    int exitCode = -1;
    QString err;
};

Run runAgent(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(OMAGENTD_PATH), args);
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromLocal8Bit(p.readAllStandardError())};
}

bool writeFile(const QString &path, const QByteArray &text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// Options for an agent that stays alone (no map: no peers, no key) in @dir.
QStringList standaloneOptions(const QString &dir) {
    return {u"--config"_s, dir + u"/empty.conf"_s, u"--hpc"_s,
            u"emulated"_s, u"--socket"_s,          dir + u"/a.sock"_s,
            u"--map"_s,    dir + u"/no.map"_s,     u"--interval"_s,
            u"500"_s};
}

} // namespace

class TestBinary : public QObject {
    Q_OBJECT

private slots:
    void badConfigurationExitsWith2_data() {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown key")
            << QByteArray("[server]\nsokcet=/run/x.sock\n") << QStringList() << u"server/sokcet"_s;
        QTest::newRow("bad backend")
            << QByteArray("[hpc]\nbackend=module\n") << QStringList() << u"hpc/backend"_s;
        QTest::newRow("relative path") << QByteArray("[server]\nsocket=omagentd.sock\n")
                                       << QStringList() << u"server/socket"_s;
        QTest::newRow("port range") << QByteArray("[cluster]\ngossip-port=70000\n") << QStringList()
                                    << u"cluster/gossip-port"_s;
        QTest::newRow("interval") << QByteArray("[sampling]\ninterval=fast\n") << QStringList()
                                  << u"sampling/interval"_s;
        QTest::newRow("unknown section")
            << QByteArray("[agent]\nsocket=/x\n") << QStringList() << u"agent/socket"_s;
        QTest::newRow("option value")
            << QByteArray() << QStringList{u"--interval"_s, u"5"_s} << u"--interval"_s;
        QTest::newRow("unknown option")
            << QByteArray() << QStringList{u"--sokcet=/x"_s} << u"sokcet"_s;
        QTest::newRow("node id") << QByteArray() << QStringList{u"--node-id"_s, u"65536"_s}
                                 << u"--node-id"_s;
    }

    void badConfigurationExitsWith2() {
        QFETCH(QByteArray, config);
        QFETCH(QStringList, extra);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = dir.path() + u"/omagentd.conf"_s;
        QVERIFY(writeFile(path, config));
        const Run r = runAgent(QStringList{u"--config"_s, path} + extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        if (!config.isEmpty())
            QVERIFY2(r.err.contains(path), qPrintable(r.err));
    }

    void missingConfigFileNamedExplicitlyIsAnError() {
        const Run r = runAgent({u"--config"_s, u"/nonexistent/omagentd.conf"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"/nonexistent/omagentd.conf"_s), qPrintable(r.err));
    }

    void badMapFileExitsWith2NamingTheLine() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + u"/empty.conf"_s, ""));
        QVERIFY(writeFile(dir.path() + u"/bad.map"_s, "1 127.0.0.1 2\n3 127.0.0.9 nine\n"));
        QStringList args = standaloneOptions(dir.path());
        args << u"--map"_s << dir.path() + u"/bad.map"_s;
        const Run r = runAgent(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"bad.map"_s) && r.err.contains(u"2"_s), qPrintable(r.err));
    }

    void missingClusterKeyExitsWith2() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + u"/empty.conf"_s, ""));
        QVERIFY(writeFile(dir.path() + u"/c.map"_s, "1 127.0.0.1 2\n"));
        QStringList args = standaloneOptions(dir.path());
        args << u"--map"_s << dir.path() + u"/c.map"_s << u"--node-id"_s << u"1"_s
             << u"--cluster-key"_s << dir.path() + u"/missing.key"_s;
        const Run r = runAgent(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"missing.key"_s), qPrintable(r.err));
    }

    void startsServesAndStopsCleanly() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + u"/empty.conf"_s, "# defaults\n"));
        QProcess agent;
        agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        agent.start(QStringLiteral(OMAGENTD_PATH), standaloneOptions(dir.path()));
        QVERIFY(agent.waitForStarted());
        const QString socket = dir.path() + u"/a.sock"_s;
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 10000);

        LineClient client;
        QVERIFY(client.connectTo(socket));
        const QJsonObject hello = client.hello();
        QCOMPARE(hello.value(u"protocol"_s).toInt(), 1);
        QVERIFY(client.call(u"proc.list"_s).value(u"result"_s).toArray().size() > 1);

        agent.terminate(); // SIGTERM, as systemd stops it
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent.exitCode(), 0);
        QVERIFY(!QFile::exists(socket));
    }

    void unprivilegedAgentReportsPermissionDenied() {
        if (::geteuid() != 0)
            QSKIP("needs root to start the agent as nobody");
        QTemporaryDir dir;
        QVERIFY(::chown(QFile::encodeName(dir.path()).constData(), 65534, 65534) == 0);
        QVERIFY(writeFile(dir.path() + u"/empty.conf"_s, ""));
        QProcess agent;
        agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        agent.setChildProcessModifier([] {
            if (::setgroups(0, nullptr) < 0 || ::setgid(65534) < 0 || ::setuid(65534) < 0)
                ::_exit(99);
        });
        agent.start(QStringLiteral(OMAGENTD_PATH), standaloneOptions(dir.path()));
        QVERIFY(agent.waitForStarted());
        const QString socket = dir.path() + u"/a.sock"_s;
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 10000);

        QProcess victim; // owned by root: nobody may not signal or renice it
        victim.start(u"/bin/sleep"_s, {u"300"_s});
        QVERIFY(victim.waitForStarted());

        LineClient client;
        QVERIFY(client.connectTo(socket));
        QCOMPARE(client.hello().value(u"protocol"_s).toInt(), 1);
        const QJsonObject signal =
            client.call(u"proc.signal"_s,
                        QJsonObject{{u"pid"_s, victim.processId()}, {u"signal"_s, u"KILL"_s}});
        QCOMPARE(errorCode(signal), -32003);
        QVERIFY(errorOf(signal).value(u"message"_s).toString().contains(u"ermitted"_s));
        const QJsonObject nice = client.call(
            u"proc.renice"_s, QJsonObject{{u"pid"_s, victim.processId()}, {u"nice"_s, 5}});
        QCOMPARE(errorCode(nice), -32003);
        QCOMPARE(victim.state(), QProcess::Running);

        victim.kill();
        victim.waitForFinished();
        agent.terminate();
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBinary)
#include "tst_binary.moc"
