// omagentd --bridge: byte-for-byte relay between stdin/stdout and the agent's socket, with
// end of input and end of the agent both ending it cleanly.
#include "testagent.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <fcntl.h>
#include <omview/agent/bridge.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace omview::agent;
using namespace omview::agent::test;

namespace {

const QByteArray Hello =
    R"({"id":1,"jsonrpc":"2.0","method":"hello","params":{"client":"bridge test","protocol":1}})"
    "\n";

QByteArray randomBytes(qsizetype n) {
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator gen(42);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = static_cast<char>(gen.bounded(256));
    return b;
}

bool writeAll(int fd, const QByteArray &data) {
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n =
            ::write(fd, data.constData() + done, static_cast<size_t>(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

QByteArray readAll(int fd) {
    QByteArray out;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return out;
        out.append(buf, n);
    }
}

} // namespace

class TestBridge : public QObject {
    Q_OBJECT

private slots:
    void relaysLargeStreamsBothWaysAndEnds() {
        // stdin and stdout are pipes; the "agent" is the far end of a socket pair that echoes
        // everything back once it has seen the end of the input.
        int in[2], out[2], sock[2];
        QCOMPARE(::pipe(in), 0);
        QCOMPARE(::pipe(out), 0);
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, sock), 0);
        const QByteArray payload = randomBytes(3 * 1024 * 1024 + 17);

        int status = -1;
        std::thread relay([&] { status = relayStreams(in[0], out[1], sock[0]); });
        QByteArray agentSaw;
        std::thread agent([&] {
            agentSaw = readAll(sock[1]); // ends when the relay half-closes
            writeAll(sock[1], agentSaw);
            ::close(sock[1]);
        });
        QByteArray received;
        std::thread reader([&] { received = readAll(out[0]); });

        QVERIFY(writeAll(in[1], payload));
        ::close(in[1]);
        agent.join();
        relay.join();
        ::close(out[1]);
        reader.join();

        QCOMPARE(status, 0);
        QCOMPARE(agentSaw.size(), payload.size());
        QVERIFY(agentSaw == payload);
        QVERIFY(received == payload);
        ::close(in[0]);
        ::close(out[0]);
        ::close(sock[0]);
    }

    void endsWhenItsReaderGoesAway() {
        int in[2], out[2], sock[2];
        QCOMPARE(::pipe(in), 0);
        QCOMPARE(::pipe(out), 0);
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, sock), 0);
        ::close(out[0]); // nobody reads the output any more
        int status = -1;
        std::thread relay([&] { status = relayStreams(in[0], out[1], sock[0]); });
        QVERIFY(writeAll(sock[1], "an update nobody will read\n"));
        relay.join();
        QCOMPARE(status, 0);
        for (int fd : {in[0], in[1], out[1], sock[0], sock[1]})
            ::close(fd);
    }

    void bridgeBinaryReachesTheAgent() {
        TestAgent agent;
        QVERIFY2(agent.ok(), qPrintable(agent.error()));
        QProcess bridge;
        bridge.start(QStringLiteral(OMAGENTD_PATH),
                     {u"--bridge"_s, u"--socket"_s, agent.socketPath()});
        QVERIFY(bridge.waitForStarted());
        bridge.write(Hello);
        // Spin the event loop: the agent answers on this very thread.
        QTRY_VERIFY_WITH_TIMEOUT(bridge.canReadLine(), 10000);
        const QJsonObject hello = QJsonDocument::fromJson(bridge.readLine()).object();
        QCOMPARE(hello.value(u"result"_s).toObject().value(u"node"_s).toInt(), 1);

        bridge.write(R"({"id":2,"jsonrpc":"2.0","method":"node.status"})"
                     "\n");
        QTRY_VERIFY_WITH_TIMEOUT(bridge.canReadLine(), 10000);
        const QJsonObject status = QJsonDocument::fromJson(bridge.readLine()).object();
        QCOMPARE(status.value(u"id"_s).toInt(), 2);
        QCOMPARE(status.value(u"result"_s).toObject().value(u"id"_s).toInt(), 1);

        // End of input: the agent sees it, closes, and the bridge exits cleanly.
        bridge.closeWriteChannel();
        QTRY_COMPARE_WITH_TIMEOUT(bridge.state(), QProcess::NotRunning, 10000);
        QCOMPARE(bridge.exitStatus(), QProcess::NormalExit);
        QCOMPARE(bridge.exitCode(), 0);
    }

    void answersArriveEvenWhenInputEndsAtOnce() {
        // As in `printf '...' | ssh node omagentd --bridge`: every request is answered, the
        // large ones and the forwarded one answered late included, before the end.
        TestAgent agent;
        QVERIFY2(agent.ok(), qPrintable(agent.error()));
        QByteArray input = Hello;
        for (int id = 2; id < 12; ++id)
            input += QByteArray(R"({"id":)") + QByteArray::number(id) +
                     R"(,"jsonrpc":"2.0","method":"proc.list"})"
                     "\n";
        input += R"({"id":12,"jsonrpc":"2.0","method":"node.status","params":{"node":999}})";
        // (no newline after the last request: the end of input ends it)
        QProcess bridge;
        bridge.start(QStringLiteral(OMAGENTD_PATH),
                     {u"--bridge"_s, u"--socket"_s, agent.socketPath()});
        QVERIFY(bridge.waitForStarted());
        bridge.write(input);
        bridge.closeWriteChannel();
        QTRY_COMPARE_WITH_TIMEOUT(bridge.state(), QProcess::NotRunning, 20000);
        QCOMPARE(bridge.exitCode(), 0);
        const QList<QByteArray> lines = bridge.readAllStandardOutput().split('\n');
        QSet<int> answered;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            const QJsonObject r = QJsonDocument::fromJson(line).object();
            answered.insert(r.value(u"id"_s).toInt());
            if (r.value(u"id"_s).toInt() == 12)
                QCOMPARE(errorCode(r), -32002);
            else
                QVERIFY(r.contains(u"result"_s));
        }
        QCOMPARE(answered.size(), 12);
    }

    void endsWhenTheAgentGoesAway() {
        auto agent = std::make_unique<TestAgent>();
        QVERIFY2(agent->ok(), qPrintable(agent->error()));
        QProcess bridge;
        bridge.start(QStringLiteral(OMAGENTD_PATH),
                     {u"--bridge"_s, u"--socket"_s, agent->socketPath()});
        QVERIFY(bridge.waitForStarted());
        bridge.write(Hello);
        QTRY_VERIFY_WITH_TIMEOUT(bridge.canReadLine(), 10000);
        agent.reset();
        QTRY_COMPARE_WITH_TIMEOUT(bridge.state(), QProcess::NotRunning, 10000);
        QCOMPARE(bridge.exitCode(), 0);
    }

    void noAgentIsAClearError() {
        QTemporaryDir dir;
        const QString path = dir.path() + u"/none.sock"_s;
        QProcess bridge;
        bridge.start(QStringLiteral(OMAGENTD_PATH), {u"--bridge"_s, u"--socket"_s, path});
        QVERIFY(bridge.waitForFinished(10000));
        QCOMPARE(bridge.exitCode(), 1);
        const QString err = QString::fromLocal8Bit(bridge.readAllStandardError());
        QVERIFY2(err.contains(path), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestBridge)
#include "tst_bridge.moc"
