// Losing the node: a frozen sshd is found by keepalive, a killed one by the
// closed connection; the Reconnector brings AgentClient back with growing
// delays once sshd returns, and does not retry what retrying cannot cure.
#include "sshlab.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <csignal>
#include <omview/protocol/agentclient.h>
#include <omview/ssh/reconnector.h>

using namespace omview;
using namespace omview::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int Wait = 15000;

bool closedOrOpen(const Transport &t) {
    return t.state() == Transport::State::Closed || t.state() == Transport::State::Open;
}

} // namespace

class TestKeepalive : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void frozenServerIsFoundByKeepalive();
    void busyConnectionNeedsNoProbeAnswer();
    void killedServerIsFoundAtOnce();
    void reconnectsWithBackoffWhenServerReturns();
    void doesNotRetryAChangedHostKey();

private:
    std::unique_ptr<SshLab> m_lab;
    std::unique_ptr<EchoAgent> m_echo;
};

void TestKeepalive::initTestCase() {
    if (!runningAsRoot())
        QSKIP("sshd needs root (run the tests in the build root, as root)");
    m_lab = std::make_unique<SshLab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    m_echo = std::make_unique<EchoAgent>(m_lab->path(u"echo.sock"_s));
    QVERIFY(m_echo->listening());
}

void TestKeepalive::frozenServerIsFoundByKeepalive() {
    Sshd sshd(m_lab->dir(), {.authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(sshd.start(), qPrintable(sshd.error()));
    m_lab->writeKnownHosts(u"kh_frozen"_s, {sshd.knownHostsLine()});
    SshTarget target = m_lab->target(sshd, u"kh_frozen"_s, m_echo->socketPath());
    target.keepaliveInterval = 300ms;
    target.keepaliveCountMax = 2;
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Open);

    // Idle but alive: probes are answered, the connection stays.
    QTest::qWait(1500);
    QCOMPARE(transport.state(), Transport::State::Open);

    // Frozen: TCP stays up, nothing answers. Only keepalive can tell.
    sshd.signalAll(SIGSTOP);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(QTest::qWaitFor([&] { return transport.state() == Transport::State::Closed; }, 5000));
    const qint64 elapsed = clock.elapsed();
    sshd.stop();
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::ConnectionLost);
    QVERIFY(transport.failure()->retryable());
    QVERIFY2(transport.failure()->message.contains(u"keepalive"_s),
             qPrintable(transport.failure()->message));
    // Two unanswered probes at 300 ms: found within about a second.
    QVERIFY2(elapsed >= 500 && elapsed < 2500, qPrintable(QString::number(elapsed)));
}

void TestKeepalive::busyConnectionNeedsNoProbeAnswer() {
    Sshd sshd(m_lab->dir(), {.authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(sshd.start(), qPrintable(sshd.error()));
    m_lab->writeKnownHosts(u"kh_busy"_s, {sshd.knownHostsLine()});
    SshTarget target = m_lab->target(sshd, u"kh_busy"_s, m_echo->socketPath());
    target.keepaliveInterval = 200ms;
    target.keepaliveCountMax = 1;
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Open);
    // Traffic every 50 ms for 1.5 s: the connection is plainly alive.
    for (int i = 0; i < 30; ++i) {
        QVERIFY(transport.sendLine("tick\n"));
        QTest::qWait(50);
    }
    QVERIFY(QTest::qWaitFor([&] { return r.lines.size() == 30; }, Wait));
    QCOMPARE(transport.state(), Transport::State::Open);
}

void TestKeepalive::killedServerIsFoundAtOnce() {
    Sshd sshd(m_lab->dir(), {.authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(sshd.start(), qPrintable(sshd.error()));
    m_lab->writeKnownHosts(u"kh_killed"_s, {sshd.knownHostsLine()});
    SshTarget target = m_lab->target(sshd, u"kh_killed"_s, m_echo->socketPath());
    target.keepaliveInterval = 10s; // not what finds it
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Open);
    QElapsedTimer clock;
    clock.start();
    sshd.stop(); // SIGKILL to the listener and its sessions
    QVERIFY(QTest::qWaitFor([&] { return transport.state() == Transport::State::Closed; }, 5000));
    QVERIFY(clock.elapsed() < 2000);
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::ConnectionLost);
    QCOMPARE(r.errors.size(), 1);
}

void TestKeepalive::reconnectsWithBackoffWhenServerReturns() {
    if (AgentProcess::binary().isEmpty())
        QSKIP("omagentd is not built: AgentClient needs a real agent");
    AgentProcess agent(m_lab->dir());
    QVERIFY2(agent.start(), qPrintable(agent.error()));
    Sshd sshd(m_lab->dir(), {.authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(sshd.start(), qPrintable(sshd.error()));
    m_lab->writeKnownHosts(u"kh_reconnect"_s, {sshd.knownHostsLine()});
    SshTarget target = m_lab->target(sshd, u"kh_reconnect"_s, agent.socketPath());
    target.connectTimeout = 3s;

    AgentClient client(std::make_unique<SshTransport>(target), u"tst_ssh_keepalive"_s);
    Reconnector reconnector(&client, ReconnectPolicy({.initialDelay = 150ms,
                                                      .maxDelay = 5000ms,
                                                      .multiplier = 2.0,
                                                      .jitter = 0.1,
                                                      .maxAttempts = 0},
                                                     99));
    QList<std::chrono::milliseconds> delays;
    connect(&reconnector, &Reconnector::retryScheduled, this,
            [&](int, std::chrono::milliseconds delay, const QString &) { delays.append(delay); });
    QSignalSpy ready(&client, &AgentClient::ready);
    QSignalSpy reconnected(&reconnector, &Reconnector::reconnected);
    QSignalSpy gaveUp(&reconnector, &Reconnector::gaveUp);
    reconnector.start();
    QVERIFY(QTest::qWaitFor([&] { return ready.size() == 1; }, Wait));
    QVERIFY(delays.isEmpty());

    sshd.stop();
    // Refused attempts, each waiting longer than the last.
    QVERIFY(QTest::qWaitFor([&] { return delays.size() >= 3; }, Wait));
    QVERIFY(gaveUp.isEmpty());
    QCOMPARE(client.state(), AgentClient::State::Disconnected);
    QVERIFY(sshd.start());
    QVERIFY(QTest::qWaitFor([&] { return ready.size() == 2; }, Wait));
    QCOMPARE(reconnected.size(), 1);
    QVERIFY(reconnected[0][0].toInt() >= 3);
    for (qsizetype i = 1; i < delays.size(); ++i)
        QVERIFY2(delays[i] > delays[i - 1],
                 qPrintable(u"%1 then %2"_s.arg(delays[i - 1].count()).arg(delays[i].count())));
    QVERIFY(delays[0] >= 135ms && delays[0] <= 165ms);
    QCOMPARE(reconnector.policy().attempts(), 0); // reset by success

    auto status = client.nodeStatus();
    QVERIFY(QTest::qWaitFor([&] { return status.isFinished(); }, Wait));
    QVERIFY(status.result().has_value());
}

void TestKeepalive::doesNotRetryAChangedHostKey() {
    Sshd sshd(m_lab->dir(), {.authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(sshd.start(), qPrintable(sshd.error()));
    const QString otherKey = m_lab->wrongKey().publicLine.section(u' ', 0, 1);
    m_lab->writeKnownHosts(u"kh_changed"_s,
                           {u"[127.0.0.1]:%1 %2"_s.arg(sshd.port()).arg(otherKey)});
    AgentClient client(
        std::make_unique<SshTransport>(m_lab->target(sshd, u"kh_changed"_s, m_echo->socketPath())),
        u"tst_ssh_keepalive"_s);
    Reconnector reconnector(&client, ReconnectPolicy({.initialDelay = 50ms}));
    QSignalSpy scheduled(&reconnector, &Reconnector::retryScheduled);
    QSignalSpy gaveUp(&reconnector, &Reconnector::gaveUp);
    reconnector.start();
    QVERIFY(gaveUp.wait(Wait));
    QVERIFY2(gaveUp[0][0].toString().contains(u"has changed"_s),
             qPrintable(gaveUp[0][0].toString()));
    QVERIFY(scheduled.isEmpty());
    QVERIFY(!reconnector.isActive());
    QTest::qWait(300);
    QCOMPARE(client.state(), AgentClient::State::Disconnected);
}

QTEST_GUILESS_MAIN(TestKeepalive)
#include "tst_keepalive.moc"
