// The openMosix tools against a real omagentd (emulated /proc/hpc) on a
// private socket: every command in the seed's syntax, outputs, exit codes,
// and that refused input changes nothing.
#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

// A port free for both TCP and UDP on loopback, for the agent's peer ports.
QString freePort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return QString::number(tcp.serverPort());
    }
    return QStringLiteral("0");
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_agent;
    QString m_tools = QStringLiteral(OMTOOLS_DIR);

    QString socket() const { return m_dir.filePath(QStringLiteral("agent.sock")); }

    Run run(const QString &tool, const QStringList &args, const QByteArray &input = {},
            const QString &socketPath = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OMVIEW_SOCKET"), socketPath.isEmpty() ? socket() : socketPath);
        p.setProcessEnvironment(env);
        p.start(m_tools + QLatin1Char('/') + tool, args);
        if (!p.waitForStarted())
            return {};
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString value(const QString &command)
    {
        const Run r = run(QStringLiteral("mosctl"), {command});
        return r.out.trimmed();
    }

    void writeFile(const QString &name, const QByteArray &text, QFile::Permissions perms)
    {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        f.setPermissions(perms);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeFile(QStringLiteral("cluster.key"), QByteArray(32, 'k'),
                  QFile::ReadOwner | QFile::WriteOwner);
        writeFile(QStringLiteral("map"), "1 127.0.0.1 1\n", QFile::ReadOwner | QFile::WriteOwner);
        m_agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_agent.start(QStringLiteral(OMAGENTD),
                      {QStringLiteral("--config"), QStringLiteral("/dev/null"),
                       QStringLiteral("--hpc=emulated"), QStringLiteral("--socket"), socket(),
                       QStringLiteral("--cluster-key"), m_dir.filePath(QStringLiteral("cluster.key")),
                       QStringLiteral("--map"), m_dir.filePath(QStringLiteral("map")),
                       QStringLiteral("--node-id"), QStringLiteral("1"), QStringLiteral("--bind"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("--gossip-port"), freePort(),
                       QStringLiteral("--channel-port"), freePort()});
        QVERIFY(m_agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket()), 20000);
    }

    void cleanupTestCase()
    {
        m_agent.terminate();
        m_agent.waitForFinished(10000);
    }

    void flags_data()
    {
        QTest::addColumn<QString>("on");
        QTest::addColumn<QString>("off");
        QTest::addColumn<int>("bit");
        QTest::newRow("stay") << "stay" << "nostay" << 4;
        QTest::newRow("lstay") << "lstay" << "nolstay" << 8;
        QTest::newRow("block") << "block" << "noblock" << 16;
        QTest::newRow("quiet") << "quiet" << "noquiet" << 32;
    }

    // Each flag goes on and off, shows in status, and says so when already set.
    void flags()
    {
        QFETCH(QString, on);
        QFETCH(QString, off);
        QFETCH(int, bit);
        Run r = run(QStringLiteral("mosctl"), {on});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QString());
        r = run(QStringLiteral("mosctl"), {on});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("already")), qPrintable(r.out));
        r = run(QStringLiteral("mosctl"), {QStringLiteral("--json"), QStringLiteral("getload")});
        QCOMPARE(r.code, 0);
        const auto statusBits = [this] {
            const Run st = run(QStringLiteral("mosctl"), {QStringLiteral("--json"), QStringLiteral("status")});
            static const QRegularExpression status(QStringLiteral("\"status\": (\\d+)"));
            return status.match(st.out).captured(1).toInt();
        };
        QTRY_VERIFY_WITH_TIMEOUT(statusBits() & bit, 5000);
        QCOMPARE(run(QStringLiteral("mosctl"), {off}).code, 0);
        r = run(QStringLiteral("mosctl"), {off});
        QVERIFY(r.out.contains(QLatin1String("already")));
    }

    void queries()
    {
        QCOMPARE(value(QStringLiteral("whois")), QStringLiteral("This is openMosix #1"));
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("isup")}).out, QStringLiteral("yes\n"));
        bool ok = false;
        value(QStringLiteral("getload")).toUInt(&ok);
        QVERIFY(ok);
        QVERIFY(value(QStringLiteral("getspeed")).toUInt() > 0);
        QVERIFY(value(QStringLiteral("getmem")).toULongLong() > 0);
        QVERIFY(value(QStringLiteral("getfree")).toULongLong() > 0);
        QVERIFY(value(QStringLiteral("getutil")).endsWith(QLatin1Char('%')));
        QCOMPARE(value(QStringLiteral("getyard")), QStringLiteral("10000"));
        const QString status = value(QStringLiteral("status"));
        QVERIFY(status.contains(QLatin1String("This is openMosix #1 (127.0.0.1)")));
        QVERIFY(status.contains(QLatin1String("Status: up")));
        const Run byId = run(QStringLiteral("mosctl"), {QStringLiteral("getload"), QStringLiteral("1")});
        QCOMPARE(byId.code, 0);
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("whois"), QStringLiteral("1")})
                     .out.section(QLatin1Char(' '), 0, 0)
                     .trimmed(),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("whois"), QStringLiteral("127.0.0.1")})
                     .out,
                 QStringLiteral("1\n"));
        const QString tune = value(QStringLiteral("gettune"));
        QVERIFY(tune.contains(QLatin1String("Stability factor: 1300")));
    }

    void setters()
    {
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("setspeed"), QStringLiteral("15000")}).code, 0);
        QTRY_COMPARE_WITH_TIMEOUT(value(QStringLiteral("getspeed")), QStringLiteral("15000"), 5000);
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("setyard"), QStringLiteral("this")}).code, 0);
        QCOMPARE(value(QStringLiteral("getyard")), QStringLiteral("15000"));
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("setyard"), QStringLiteral("10000")}).code, 0);
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("setspeed"), QStringLiteral("10000")}).code, 0);
        QCOMPARE(run(QStringLiteral("mosctl"),
                     {QStringLiteral("setdecay"), QStringLiteral("5"), QStringLiteral("990"),
                      QStringLiteral("900")})
                     .code,
                 0);
        QCOMPARE(value(QStringLiteral("getdecay")),
                 QStringLiteral("Decay interval: 5 seconds\nSlow decay: 990 per 1000 kept\n"
                                "Fast decay: 900 per 1000 kept"));
    }

    // Refused values: a clear message, exit 1 (or 2 for a bad command line), nothing changed.
    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("speed 0") << QStringList{"setspeed", "0"} << 1 << "speed";
        QTest::newRow("speed big") << QStringList{"setspeed", "1000001"} << 1 << "speed";
        QTest::newRow("speed text") << QStringList{"setspeed", "fast"} << 2 << "not a speed";
        QTest::newRow("slow<fast") << QStringList{"setdecay", "5", "900", "990"} << 1 << "slowDecay";
        QTest::newRow("interval 0") << QStringList{"setdecay", "0", "990", "900"} << 1 << "decayInterval";
        QTest::newRow("slow 1001") << QStringList{"setdecay", "5", "1001", "900"} << 1 << "slowDecay";
        QTest::newRow("decay args") << QStringList{"setdecay", "5"} << 2 << "bad arguments";
        QTest::newRow("yard type") << QStringList{"setyard", "pentium"} << 2 << "processor types";
        QTest::newRow("unknown") << QStringList{"frobnicate"} << 2 << "unknown command";
        QTest::newRow("no node") << QStringList{"getload", "7"} << 1 << "node";
        QTest::newRow("bad id") << QStringList{"getload", "70000"} << 2 << "not a node ID";
        QTest::newRow("nomfs") << QStringList{"nomfs"} << 1 << "MFS";
        QTest::newRow("mfs") << QStringList{"mfs"} << 1 << "MFS";
    }

    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QString before = value(QStringLiteral("getdecay")) + value(QStringLiteral("getspeed"));
        const Run r = run(QStringLiteral("mosctl"), args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.startsWith(QLatin1String("mosctl: ")) && r.err.contains(message),
                 qPrintable(r.err));
        QCOMPARE(value(QStringLiteral("getdecay")) + value(QStringLiteral("getspeed")), before);
    }

    // expel implies block and bring implies lstay; with nothing away they return at once.
    void expelAndBring()
    {
        Run r = run(QStringLiteral("mosctl"), {QStringLiteral("expel")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("All remote processes were expelled")));
        QVERIFY(run(QStringLiteral("mosctl"), {QStringLiteral("block")}).out.contains(QLatin1String("already")));
        r = run(QStringLiteral("mosctl"), {QStringLiteral("bring")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("All local processes are home")));
        QVERIFY(run(QStringLiteral("mosctl"), {QStringLiteral("lstay")}).out.contains(QLatin1String("already")));
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("noblock")}).code, 0);
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("nolstay")}).code, 0);
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("expel"), QStringLiteral("x")}).code, 2);
    }

    void noAgent()
    {
        const Run r = run(QStringLiteral("mosctl"), {QStringLiteral("getload")}, {},
                          m_dir.filePath(QStringLiteral("nothing.sock")));
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QLatin1String("cannot reach the agent")));
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("isup")}, {},
                     m_dir.filePath(QStringLiteral("nothing.sock")))
                     .code,
                 3);
    }

    void setpeAndShowmap()
    {
        writeFile(QStringLiteral("map2"), "# two ranges\n1 localhost 1\n2 127.0.0.2 2 # more\n",
                  QFile::ReadOwner | QFile::WriteOwner);
        const QString map2 = m_dir.filePath(QStringLiteral("map2"));
        Run r = run(QStringLiteral("setpe"), {QStringLiteral("-w"), QStringLiteral("-c"),
                                              QStringLiteral("-f"), map2});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("this is node 1")));
        QCOMPARE(run(QStringLiteral("setpe"), {QStringLiteral("-W"), QStringLiteral("-f"), map2}).code, 0);
        QCOMPARE(run(QStringLiteral("setpe"), {QStringLiteral("-r")}).out,
                 QStringLiteral("1 127.0.0.1 1\n2 127.0.0.2 2\n"));
        r = run(QStringLiteral("showmap"), {});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("My Node-Id: 0x0001\n\n"
                                       "Base Node-Id Address          Count\n"
                                       "------------ ---------------- -----\n"
                                       "0x0001       127.0.0.1        1\n"
                                       "0x0002       127.0.0.2        1\n"
                                       "0x0003       127.0.0.3        1\n"));
        // -r to a file
        const QString saved = m_dir.filePath(QStringLiteral("saved.map"));
        QCOMPARE(run(QStringLiteral("setpe"), {QStringLiteral("-r"), QStringLiteral("-f"), saved}).code, 0);
        QFile f(saved);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("1 127.0.0.1 1\n2 127.0.0.2 2\n"));

        // A bad map names the line and changes nothing.
        r = run(QStringLiteral("setpe"), {QStringLiteral("-w")}, "1 127.0.0.1 1\n1 127.0.0.9 1\n");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("line 2")), qPrintable(r.err));
        r = run(QStringLiteral("setpe"), {QStringLiteral("-w")}, "1 127.0.0.1 1\n2 no.such.host.invalid 1\n");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("2")), qPrintable(r.err));
        r = run(QStringLiteral("setpe"), {QStringLiteral("-w"), QStringLiteral("-p"), QStringLiteral("9"),
                                          QStringLiteral("-f"), map2});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("not in the map")));
        QCOMPARE(run(QStringLiteral("setpe"), {QStringLiteral("-r")}).out,
                 QStringLiteral("1 127.0.0.1 1\n2 127.0.0.2 2\n"));
        QCOMPARE(run(QStringLiteral("setpe"), {QStringLiteral("-g"), QStringLiteral("1")}).code, 2);
        QCOMPARE(run(QStringLiteral("setpe"), {QStringLiteral("-w"), QStringLiteral("-r")}).code, 2);

        // -off: ID 0, map empty; whois says so; -w brings it back.
        QCOMPARE(run(QStringLiteral("setpe"), {QStringLiteral("-off")}).code, 0);
        r = run(QStringLiteral("mosctl"), {QStringLiteral("whois")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("not configured")));
        QCOMPARE(run(QStringLiteral("setpe"), {QStringLiteral("-r")}).out, QString());
        QCOMPARE(run(QStringLiteral("setpe"), {QStringLiteral("-w")}, "1 127.0.0.1 1\n").code, 0);
        QCOMPARE(value(QStringLiteral("whois")), QStringLiteral("This is openMosix #1"));
    }

    void mps()
    {
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        const QString pid = QString::number(child.processId());
        QTRY_VERIFY_WITH_TIMEOUT(run(QStringLiteral("mps"), {pid}).code == 0, 10000);
        const Run r = run(QStringLiteral("mps"), {pid});
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).simplified(), QStringLiteral("PID TTY NODE STAT TIME COMMAND"));
        QVERIFY2(lines.at(1).simplified().startsWith(pid + QStringLiteral(" ? 0 S 0:00 ")), qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).endsWith(QLatin1String("sleep 30")));
        QCOMPARE(run(QStringLiteral("mps"), {QStringLiteral("--json"), pid}).code, 0);
        child.kill();
        child.waitForFinished();
        QTRY_COMPARE_WITH_TIMEOUT(run(QStringLiteral("mps"), {pid}).code, 1, 10000);
        QCOMPARE(run(QStringLiteral("mps"), {QStringLiteral("-x")}).code, 2);
    }

    // A bad command line is refused before the tool connects: the socket here
    // listens, and nobody knocks.
    void migrateUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no args") << QStringList{} << "give a process ID and a target";
        QTest::newRow("no target") << QStringList{"4242"} << "give a process ID and a target";
        QTest::newRow("pid text") << QStringList{"abc", "2"} << "'abc' is not a process ID";
        QTest::newRow("pid 0") << QStringList{"0", "2"} << "'0' is not a process ID";
        QTest::newRow("pid negative") << QStringList{"-5", "2"} << "'-5' is not a process ID";
        QTest::newRow("pid big") << QStringList{"99999999999", "2"} << "not a process ID";
        QTest::newRow("node 0") << QStringList{"4242", "0"} << "'0' is not a node ID";
        QTest::newRow("node big") << QStringList{"4242", "65536"} << "'65536' is not a node ID";
        QTest::newRow("target text") << QStringList{"4242", "elsewhere"} << "'home' or 'balance'";
        QTest::newRow("extra") << QStringList{"4242", "2", "3"} << "give a process ID and a target";
        QTest::newRow("--node 0") << QStringList{"--node", "0", "4242", "2"} << "--node: '0'";
        QTest::newRow("--node=x") << QStringList{"--node=x", "4242", "2"} << "--node: 'x'";
        QTest::newRow("--node last") << QStringList{"4242", "2", "--node"} << "--node needs";
        QTest::newRow("option") << QStringList{"-f", "4242", "2"} << "unknown option '-f'";
    }

    void migrateUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QLocalServer listener;
        const QString path = m_dir.filePath(QStringLiteral("listening.sock"));
        QLocalServer::removeServer(path);
        QVERIFY(listener.listen(path));
        const Run r = run(QStringLiteral("migrate"), args, {}, path);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QLatin1String("migrate: ")) && r.err.contains(message),
                 qPrintable(r.err));
        QVERIFY(!listener.waitForNewConnection(0));
        QVERIFY(!listener.hasPendingConnections());
    }

    // The agent checks the target before the process, so only `balance` reaches
    // the process table for a PID nobody has (pid_max is never a PID).
    void migrateNoSuchProcess()
    {
        QFile pidMax(QStringLiteral("/proc/sys/kernel/pid_max"));
        QVERIFY(pidMax.open(QIODevice::ReadOnly));
        const QString pid = QString::fromLatin1(pidMax.readAll().trimmed());
        const Run r = run(QStringLiteral("migrate"), {pid, QStringLiteral("balance")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.startsWith(QLatin1String("migrate: ")) &&
                     r.err.contains(QLatin1String("(no-such-process)")),
                 qPrintable(r.err));
    }

    // Refused before anything stopped: the process goes on where it was.
    void migrateRefused()
    {
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        const QString pid = QString::number(child.processId());
        QTRY_VERIFY_WITH_TIMEOUT(run(QStringLiteral("mps"), {pid}).code == 0, 10000);

        Run r = run(QStringLiteral("migrate"), {pid, QStringLiteral("7")});
        QCOMPARE(r.code, 5);
        QVERIFY2(r.err.contains(QLatin1String("node 7 is not in the cluster (target-refused)")),
                 qPrintable(r.err));
        QCOMPARE(r.out, QString());
        r = run(QStringLiteral("migrate"), {QStringLiteral("--node"), QStringLiteral("1"), pid,
                                            QStringLiteral("7")});
        QCOMPARE(r.code, 5);
        QCOMPARE(child.state(), QProcess::Running);
        QVERIFY(run(QStringLiteral("mps"), {pid}).out.simplified().contains(pid + QStringLiteral(" ? 0 ")));

        // Already where it is asked to go: said so, and that is success.
        r = run(QStringLiteral("migrate"), {pid, QStringLiteral("home")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("already")), qPrintable(r.out));
        r = run(QStringLiteral("omtools"), {QStringLiteral("migrate"), QStringLiteral("--json"),
                                            pid, QStringLiteral("1")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("\"moved\": false")), qPrintable(r.out));

        // A node the agent cannot forward to is not a refusal of the move.
        r = run(QStringLiteral("migrate"), {QStringLiteral("--node"), QStringLiteral("5"), pid,
                                            QStringLiteral("home")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("node 5")), qPrintable(r.err));
        child.kill();
        child.waitForFinished();
    }

    void multicall()
    {
        Run r = run(QStringLiteral("omtools"), {QStringLiteral("mosctl"), QStringLiteral("whois")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QLatin1String("This is openMosix #")));
        QCOMPARE(run(QStringLiteral("omtools"), {}).code, 2);
        QCOMPARE(run(QStringLiteral("mosctl"), {QStringLiteral("--help")}).code, 0);
        r = run(QStringLiteral("migrate"), {QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QLatin1String("usage: migrate")));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
