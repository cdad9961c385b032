// The agent reached through a real OpenSSH server on loopback, as a console on another host
// reaches it: `ssh node omagentd --bridge` with JSON-RPC on the command's stdin/stdout, and
// the socket forwarded with `ssh -L local.sock:agent.sock` (direct-streamlocal).
#include "lineclient.h"
#include "testcluster.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace omview::integration;

namespace {

// An sshd of the test's own on 127.0.0.1: generated host and client keys, root may log in with
// the client key only. Stopped by its destructor.
class TestSshd {
public:
    explicit TestSshd(QString dir)
        : m_dir(std::move(dir)) {}
    ~TestSshd() {
        stop();
        QDir(m_dir).removeRecursively();
    }

    std::expected<void, QString> start() {
        if (QFileInfo::exists(m_dir) && !QDir(m_dir).removeRecursively())
            return std::unexpected(u"cannot clear %1"_s.arg(m_dir));
        if (!QDir().mkpath(m_dir) || !QDir().mkpath(u"/run/sshd"_s))
            return std::unexpected(u"cannot make %1 or /run/sshd"_s.arg(m_dir));
        for (const QString &key : {u"host_key"_s, u"client_key"_s}) {
            const auto made = runCommand(u"ssh-keygen"_s,
                                         {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(),
                                          u"-C"_s, u"omview-integration"_s, u"-f"_s, path(key)},
                                         30s);
            if (!made || made->exitCode != 0)
                return std::unexpected(u"ssh-keygen: "_s +
                                       (made ? made->describe() : made.error()));
        }
        if (!QFile::copy(path(u"client_key.pub"_s), path(u"authorized_keys"_s)))
            return std::unexpected(u"cannot write authorized_keys"_s);

        // A free port: the kernel picks one, and sshd takes it right after.
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return std::unexpected(u"no free port: %1"_s.arg(probe.errorString()));
        m_port = probe.serverPort();
        probe.close();

        QFile config(path(u"sshd_config"_s));
        if (!config.open(QIODevice::WriteOnly))
            return std::unexpected(config.errorString());
        config.write(u"ListenAddress 127.0.0.1\n"
                     "Port %1\n"
                     "HostKey %2\n"
                     "PidFile %3\n"
                     "AuthorizedKeysFile %4\n"
                     "PermitRootLogin prohibit-password\n"
                     "PubkeyAuthentication yes\n"
                     "PasswordAuthentication no\n"
                     "KbdInteractiveAuthentication no\n"
                     "UsePAM no\n"
                     // the key files are under the build tree, not a home directory
                     "StrictModes no\n"
                     "AllowStreamLocalForwarding yes\n"
                     "LogLevel VERBOSE\n"_s.arg(m_port)
                         .arg(path(u"host_key"_s), path(u"sshd.pid"_s), path(u"authorized_keys"_s))
                         .toUtf8());
        config.close();

        m_sshd.setProcessChannelMode(QProcess::MergedChannels);
        m_sshd.setStandardOutputFile(path(u"sshd.log"_s));
        // -D: stays in the foreground, so the test owns the process; -e: log to the file.
        m_sshd.start(u"/usr/sbin/sshd"_s, {u"-D"_s, u"-e"_s, u"-f"_s, path(u"sshd_config"_s)});
        if (!m_sshd.waitForStarted(10'000))
            return std::unexpected(u"cannot start sshd: %1"_s.arg(m_sshd.errorString()));
        const auto listening = waitUntil(
            10'000,
            [this]() -> std::optional<QString> {
                if (m_sshd.state() != QProcess::Running)
                    return u"sshd exited: %1"_s.arg(log());
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, m_port);
                if (!s.waitForConnected(500))
                    return u"port %1 not open"_s.arg(m_port);
                return std::nullopt;
            },
            100);
        if (!listening)
            return std::unexpected(listening.error());
        return {};
    }

    void stop() {
        if (m_sshd.state() == QProcess::NotRunning)
            return;
        m_sshd.terminate();
        if (!m_sshd.waitForFinished(5'000)) {
            m_sshd.kill();
            m_sshd.waitForFinished(5'000);
        }
    }

    // ssh options for a client of this server, before the destination.
    QStringList clientOptions() const {
        return {u"-F"_s, u"/dev/null"_s,
                u"-p"_s, QString::number(m_port),
                u"-i"_s, path(u"client_key"_s),
                u"-o"_s, u"IdentitiesOnly=yes"_s,
                u"-o"_s, u"BatchMode=yes"_s,
                u"-o"_s, u"StrictHostKeyChecking=accept-new"_s,
                u"-o"_s, u"UserKnownHostsFile="_s + path(u"known_hosts"_s),
                u"-o"_s, u"LogLevel=ERROR"_s};
    }

    QString path(const QString &name) const { return m_dir + u'/' + name; }
    QString log() const {
        QFile f(path(u"sshd.log"_s));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : f.errorString();
    }

private:
    QString m_dir;
    quint16 m_port = 0;
    QProcess m_sshd;
};

QByteArray requestLine(int id, const char *method, const char *params) {
    return u"{\"id\":%1,\"jsonrpc\":\"2.0\",\"method\":\"%2\",\"params\":%3}\n"_s.arg(id)
        .arg(QLatin1StringView(method), QLatin1StringView(params))
        .toUtf8();
}

} // namespace

class TestSshBridge : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void bridgeAnswersPipedRequests();
    void bridgeInteractiveSession();
    void streamlocalForwarding();
    void cleanup();
    void cleanupTestCase();

private:
    QString runDir() const { return QStringLiteral(INTEGRATION_RUN_DIR); }

    std::optional<TestCluster> m_cluster;
    std::optional<TestSshd> m_sshd;
    bool m_failed = false;
};

void TestSshBridge::initTestCase() {
    // Two nodes, so that a request can also be forwarded from the far end of the ssh link.
    m_cluster.emplace(runDir() + u"/sshbridge"_s);
    const auto up = m_cluster->up(2);
    QVERIFY2(up, qPrintable(why(up)));
    m_sshd.emplace(runDir() + u"/sshd"_s);
    const auto started = m_sshd->start();
    QVERIFY2(started, qPrintable(why(started)));
}

void TestSshBridge::bridgeAnswersPipedRequests() {
    // All requests at once, then end of input: the bridge relays the answers, then ends.
    const QByteArray input =
        requestLine(1, "hello", R"({"client":"ssh bridge test","protocol":1})") +
        requestLine(2, "node.status", "{}") + requestLine(3, "node.status", R"({"node":2})") +
        requestLine(4, "no.such.method", "{}");
    const auto ssh = runCommand(u"ssh"_s,
                                m_sshd->clientOptions() +
                                    QStringList{u"root@127.0.0.1"_s, QStringLiteral(OMAGENTD_PATH),
                                                u"--bridge"_s, u"--socket"_s, m_cluster->socket(1)},
                                30s, input);
    QVERIFY2(ssh, qPrintable(why(ssh)));
    QVERIFY2(ssh->exitCode == 0, qPrintable(ssh->describe() + u"\nsshd: "_s + m_sshd->log()));

    QBuffer out;
    out.setData(ssh->out);
    QVERIFY(out.open(QIODevice::ReadOnly));
    LineClient reader(&out);
    QHash<int, QJsonObject> byId;
    for (int i = 0; i < 4; ++i) {
        const auto line = reader.receive(0);
        QVERIFY2(line, qPrintable(why(line) + u"\nall output: "_s + QString::fromUtf8(ssh->out)));
        byId.insert(line->value(u"id"_s).toInt(), *line);
    }
    QVERIFY2(!reader.receive(0), "more lines than requests");

    const QJsonObject hello = byId.value(1).value(u"result"_s).toObject();
    QCOMPARE(hello.value(u"protocol"_s).toInt(), 1);
    QCOMPARE(hello.value(u"node"_s).toInt(), 1);
    QCOMPARE(byId.value(2).value(u"result"_s).toObject().value(u"id"_s).toInt(), 1);
    QCOMPARE(byId.value(2).value(u"result"_s).toObject().value(u"address"_s).toString(),
             u"10.77.0.1"_s);
    QCOMPARE(byId.value(3).value(u"result"_s).toObject().value(u"id"_s).toInt(), 2);
    QCOMPARE(errorCodeOf(byId.value(4)), -32601);
}

void TestSshBridge::bridgeInteractiveSession() {
    // Request, answer, request, answer over one ssh session, as the console does.
    QProcess ssh;
    ssh.setProcessChannelMode(QProcess::SeparateChannels);
    ssh.start(u"ssh"_s, m_sshd->clientOptions() +
                            QStringList{u"root@127.0.0.1"_s, QStringLiteral(OMAGENTD_PATH),
                                        u"--bridge"_s, u"--socket"_s, m_cluster->socket(1)});
    QVERIFY(ssh.waitForStarted(10'000));
    LineClient client(&ssh);
    const auto hello = resultOf(client.hello(1));
    QVERIFY2(hello, qPrintable(why(hello) + QString::fromUtf8(ssh.readAllStandardError())));
    QCOMPARE(hello->toObject().value(u"node"_s).toInt(), 1);
    const auto nodes = resultOf(client.call(u"cluster.nodes"_s, {}, 2));
    QVERIFY2(nodes, qPrintable(why(nodes)));
    QCOMPARE(nodes->toArray().size(), 2);
    const auto settings = resultOf(client.call(u"settings.get"_s, {{u"node"_s, 2}}, 3));
    QVERIFY2(settings, qPrintable(why(settings)));
    QCOMPARE(settings->toObject().value(u"mospe"_s).toInt(), 2);

    // Closing our end ends the bridge, and with it the ssh session.
    ssh.closeWriteChannel();
    QVERIFY(ssh.waitForFinished(10'000));
    QCOMPARE(ssh.exitStatus(), QProcess::NormalExit);
    QCOMPARE(ssh.exitCode(), 0);
}

void TestSshBridge::streamlocalForwarding() {
    const QString local = runDir() + u"/sshd/forwarded.sock"_s;
    QFile::remove(local);
    QProcess ssh;
    ssh.setProcessChannelMode(QProcess::ForwardedChannels);
    ssh.start(u"ssh"_s, m_sshd->clientOptions() +
                            QStringList{u"-N"_s, u"-o"_s, u"ExitOnForwardFailure=yes"_s, u"-o"_s,
                                        u"StreamLocalBindUnlink=yes"_s, u"-L"_s,
                                        local + u':' + m_cluster->socket(1), u"root@127.0.0.1"_s});
    QVERIFY(ssh.waitForStarted(10'000));
    const auto bound = waitUntil(
        15'000,
        [&]() -> std::optional<QString> {
            if (ssh.state() != QProcess::Running)
                return u"ssh exited with %1"_s.arg(ssh.exitCode());
            if (!QFileInfo(local).exists())
                return u"no %1 yet"_s.arg(local);
            return std::nullopt;
        },
        100);
    QVERIFY2(bound, qPrintable(why(bound) + u"\nsshd: "_s + m_sshd->log()));

    auto client = LineClient::connectTo(local);
    QVERIFY2(client, qPrintable(why(client)));
    const auto hello = resultOf((*client)->hello(1));
    QVERIFY2(hello, qPrintable(why(hello) + u"\nsshd: "_s + m_sshd->log()));
    QCOMPARE(hello->toObject().value(u"node"_s).toInt(), 1);
    const auto status = resultOf((*client)->call(u"node.status"_s, {{u"node"_s, 2}}, 2));
    QVERIFY2(status, qPrintable(why(status)));
    QCOMPARE(status->toObject().value(u"address"_s).toString(), u"10.77.0.2"_s);
    const auto error = (*client)->call(u"node.status"_s, {{u"node"_s, 0}}, 3);
    QVERIFY2(error, qPrintable(why(error)));
    QCOMPARE(errorCodeOf(*error), -32602);

    client->reset();
    ssh.terminate();
    QVERIFY(ssh.waitForFinished(10'000));
    QFile::remove(local);
}

void TestSshBridge::cleanup() {
    m_failed = m_failed || QTest::currentTestFailed();
}

void TestSshBridge::cleanupTestCase() {
    if (m_sshd) {
        if (m_failed)
            qInfo("sshd log:\n%s", qPrintable(m_sshd->log()));
        m_sshd.reset();
    }
    if (m_cluster) {
        const auto down = m_cluster->down();
        m_cluster.reset();
        QVERIFY2(down, qPrintable(why(down)));
    }
}

QTEST_GUILESS_MAIN(TestSshBridge)
#include "tst_sshbridge.moc"
