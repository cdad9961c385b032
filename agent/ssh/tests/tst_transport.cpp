// SshTransport against a real sshd on loopback: host keys (unknown, rejected,
// changed), authentication (key file, ssh-agent, wrong key, password and
// keyboard-interactive prompts), the agent's socket and the bridge, the
// OpenSSH config and ProxyJump, dead and black-holed hosts while the event
// loop keeps running, and AgentClient over it all with the real omagentd.
#include "sshlab.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <omview/protocol/agentclient.h>

using namespace omview;
using namespace omview::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int Wait = 15000;
// The comment field marks the password tests' account as theirs, so that a
// run that crashed before removing it does not leave it behind for good.
constexpr auto TestUserComment = "omview ssh tests";

bool closedOrOpen(const Transport &t) {
    return t.state() == Transport::State::Closed || t.state() == Transport::State::Open;
}

// The message of a failed call, for QVERIFY2 (which evaluates it either way).
template<class T> QString errorText(const Result<T> &result) {
    return result ? QString() : result.error().message;
}

// A host that takes TCP connections and never speaks: what a hung node looks like.
class SilentServer {
public:
    SilentServer() {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *peer = m_server.nextPendingConnection()) {
                ++m_accepted;
                QObject::connect(peer, &QTcpSocket::disconnected, &m_server,
                                 [this] { ++m_closed; });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    int accepted() const { return m_accepted; }
    int closed() const { return m_closed; }

private:
    QTcpServer m_server;
    int m_accepted = 0;
    int m_closed = 0;
};

} // namespace

class TestTransport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void unknownHostKeyIsAskedThenRecorded();
    void rejectedHostKeyFails();
    void changedHostKeyIsRefusedWithoutAsking();
    void wrongKeyIsRefused();
    void missingIdentityFileIsASettingsError();
    void sshAgentAuthenticates();
    void passwordThroughThePrompt();
    void cancelledPasswordFails();
    void keyboardInteractiveThroughThePrompt();
    void linesTravelBothWays();
    void overlongLineClosesTheTransport();
    void deadPortFailsFast();
    void deadHostTimesOutWhileTheEventLoopRuns_data();
    void deadHostTimesOutWhileTheEventLoopRuns();
    void closeWhileConnectingIsImmediate();
    void invalidTargetFailsFromTheEventLoop();
    void configAliasIsHonoured();
    void proxyJumpReachesTheNode();
    void unknownJumpHostIsExplained();
    void socketRouteRefusedIsReported();
    void socketRefusedFallsBackToTheBridge();
    void missingBridgeReportsItsExitStatus_data();
    void missingBridgeReportsItsExitStatus();
    void acceptedKeyThatCannotBeRecordedFails();
    void agentClientOverSsh();

private:
    SshTarget knownTarget(const QString &agentSocket) const;
    bool ensureTestUser(QString *why);

    std::unique_ptr<SshLab> m_lab;
    std::unique_ptr<Sshd> m_sshd;     // public keys only, streamlocal allowed
    std::unique_ptr<Sshd> m_noStream; // AllowStreamLocalForwarding no
    std::unique_ptr<EchoAgent> m_echo;
    std::unique_ptr<AgentProcess> m_agent; // null when omagentd is not built
    QString m_knownHosts;                  // lists m_sshd and m_noStream
};

void TestTransport::initTestCase() {
    if (!runningAsRoot())
        QSKIP("sshd needs root (run the tests in the build root, as root)");
    m_lab = std::make_unique<SshLab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    m_sshd = std::make_unique<Sshd>(m_lab->dir(),
                                    Sshd::Options{.authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
    m_noStream = std::make_unique<Sshd>(
        m_lab->dir(),
        Sshd::Options{.streamLocal = false, .authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(m_noStream->start(), qPrintable(m_noStream->error()));
    m_echo = std::make_unique<EchoAgent>(m_lab->path(u"echo.sock"_s));
    QVERIFY(m_echo->listening());
    m_knownHosts = u"known_hosts"_s;
    m_lab->writeKnownHosts(m_knownHosts, {m_sshd->knownHostsLine(), m_noStream->knownHostsLine()});
    if (!AgentProcess::binary().isEmpty()) {
        m_agent = std::make_unique<AgentProcess>(m_lab->dir());
        QVERIFY2(m_agent->start(), qPrintable(m_agent->error()));
    }
}

void TestTransport::cleanupTestCase() {
    const auto entry = runProgram(u"getent"_s, {u"passwd"_s, u"omsshtest"_s});
    if (entry.ok() && entry.out.split(':').value(4) == TestUserComment)
        runProgram(u"userdel"_s, {u"omsshtest"_s});
}

SshTarget TestTransport::knownTarget(const QString &agentSocket) const {
    return m_lab->target(*m_sshd, m_knownHosts, agentSocket);
}

void TestTransport::unknownHostKeyIsAskedThenRecorded() {
    const SshTarget target = m_lab->target(*m_sshd, u"kh_accept"_s, m_echo->socketPath());
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(
        QTest::qWaitFor([&] { return !r.hostKeys.isEmpty() || closedOrOpen(transport); }, Wait));
    QCOMPARE(r.hostKeys.size(), 1);
    const HostKeyPrompt prompt = r.hostKeys[0];
    // The fingerprint the user can compare with `ssh-keygen -lf` on the node.
    QCOMPARE(prompt.fingerprint, m_sshd->hostKey().fingerprint);
    QCOMPARE(prompt.host, u"[127.0.0.1]:%1"_s.arg(m_sshd->port()));
    QCOMPARE(prompt.keyType, u"ssh-ed25519"_s);
    QCOMPARE(prompt.knownHostsFile, target.knownHostsFile);
    QCOMPARE(transport.connectionState(), SshState::VerifyingHostKey);
    QCOMPARE(transport.pendingHostKey(), std::optional(prompt));
    QVERIFY(!QFileInfo::exists(target.knownHostsFile));

    transport.acceptHostKey();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QVERIFY2(transport.state() == Transport::State::Open, qPrintable(r.errors.join(u'\n')));
    QCOMPARE(transport.route(), AgentRoute::Socket);
    QCOMPARE(r.states, (QList<SshState>{SshState::ResolvingHost, SshState::Connecting,
                                        SshState::VerifyingHostKey, SshState::Authenticating,
                                        SshState::OpeningChannel, SshState::Ready}));
    QVERIFY(r.credentials.isEmpty());

    // OpenSSH's own tool finds the recorded key.
    const auto found =
        runProgram(u"ssh-keygen"_s, {u"-F"_s, prompt.host, u"-f"_s, target.knownHostsFile});
    QVERIFY2(found.ok(), found.err.constData());
    QVERIFY(found.out.contains(m_sshd->hostKey().publicLine.section(u' ', 1, 1).toUtf8()));
    transport.close();
    QCOMPARE(transport.state(), Transport::State::Closed);
    QCOMPARE(transport.connectionState(), SshState::Disconnected);

    // The next connection knows the host and asks nothing.
    SshTransport again(target);
    TransportRecorder r2(again);
    again.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(again); }, Wait));
    QCOMPARE(again.state(), Transport::State::Open);
    QVERIFY(r2.hostKeys.isEmpty());
}

void TestTransport::rejectedHostKeyFails() {
    const SshTarget target = m_lab->target(*m_sshd, u"kh_reject"_s, m_echo->socketPath());
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(
        QTest::qWaitFor([&] { return !r.hostKeys.isEmpty() || closedOrOpen(transport); }, Wait));
    QCOMPARE(r.hostKeys.size(), 1);
    transport.rejectHostKey();
    QCOMPARE(transport.state(), Transport::State::Closed);
    QCOMPARE(transport.connectionState(), SshState::Failed);
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::HostKeyUnknownRejected);
    QVERIFY(!transport.failure()->retryable());
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors[0].contains(m_sshd->hostKey().fingerprint), qPrintable(r.errors[0]));
    QVERIFY(!QFileInfo::exists(target.knownHostsFile));
    // Nothing arrives from the retired session afterwards.
    QTest::qWait(300);
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(transport.state(), Transport::State::Closed);
}

void TestTransport::changedHostKeyIsRefusedWithoutAsking() {
    // known_hosts holds another ed25519 key for this host and port.
    const QString otherKey = m_lab->wrongKey().publicLine.section(u' ', 0, 1);
    m_lab->writeKnownHosts(u"kh_changed"_s,
                           {u"[127.0.0.1]:%1 %2"_s.arg(m_sshd->port()).arg(otherKey)});
    const SshTarget target = m_lab->target(*m_sshd, u"kh_changed"_s, m_echo->socketPath());
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return transport.state() == Transport::State::Closed; }, Wait));
    QVERIFY(r.hostKeys.isEmpty());
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::HostKeyChanged);
    QVERIFY(!transport.failure()->retryable());
    const QString message = transport.failure()->message;
    QVERIFY2(message.contains(u"has changed"_s), qPrintable(message));
    QVERIFY2(message.contains(m_sshd->hostKey().fingerprint), qPrintable(message));
    QVERIFY2(message.contains(u"ssh-keygen -R"_s), qPrintable(message));
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(!r.states.contains(SshState::Authenticating));
}

void TestTransport::wrongKeyIsRefused() {
    SshTarget target = knownTarget(m_echo->socketPath());
    target.identityFile = m_lab->wrongKey().privateFile;
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Closed);
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::AuthenticationFailed);
    QVERIFY2(transport.failure()->message.contains(u"permission denied for root"_s),
             qPrintable(transport.failure()->message));
    // This server takes public keys only: nothing to ask the user.
    QVERIFY(r.credentials.isEmpty());
    QVERIFY(r.states.contains(SshState::Authenticating));
    QVERIFY(!r.states.contains(SshState::OpeningChannel));
}

void TestTransport::missingIdentityFileIsASettingsError() {
    SshTarget target = knownTarget(m_echo->socketPath());
    target.identityFile = m_lab->path(u"no_such_key"_s);
    SshTransport transport(target);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::InvalidTarget);
    QVERIFY(transport.failure()->message.contains(u"does not exist"_s));
}

void TestTransport::sshAgentAuthenticates() {
    SshAgent agent(m_lab->path(u"ssh-agent.sock"_s));
    QVERIFY2(agent.start(), qPrintable(agent.error()));
    QVERIFY2(agent.add(m_lab->clientKey().privateFile), qPrintable(agent.error()));
    const QByteArray saved = qgetenv("SSH_AUTH_SOCK");
    qputenv("SSH_AUTH_SOCK", agent.socketPath().toUtf8());
    const auto restore = qScopeGuard([&] {
        if (saved.isEmpty())
            qunsetenv("SSH_AUTH_SOCK");
        else
            qputenv("SSH_AUTH_SOCK", saved);
    });

    // No key file at all: only the agent holds the key.
    SshTarget target = knownTarget(m_echo->socketPath());
    target.identityFile.clear();
    target.useSshAgent = true;
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QVERIFY2(transport.state() == Transport::State::Open, qPrintable(r.errors.join(u'\n')));

    // The same without the agent fails: the agent was what authenticated.
    target.useSshAgent = false;
    SshTransport without(target);
    without.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(without); }, Wait));
    QCOMPARE(without.failure()->kind, SshFailure::Kind::AuthenticationFailed);
}

bool TestTransport::ensureTestUser(QString *why) {
    if (!runProgram(u"id"_s, {u"omsshtest"_s}).ok()) {
        const auto added = runProgram(
            u"useradd"_s, {u"-M"_s, u"-d"_s, u"/nonexistent"_s, u"-s"_s, u"/bin/sh"_s, u"-c"_s,
                           QString::fromLatin1(TestUserComment), u"omsshtest"_s});
        if (!added.ok()) {
            *why = u"cannot create a test user: %1"_s.arg(QString::fromUtf8(added.err));
            return false;
        }
    }
    const auto set = runProgram(u"chpasswd"_s, {}, "omsshtest:right horse battery\n");
    if (!set.ok()) {
        *why = u"cannot set the test user's password: %1"_s.arg(QString::fromUtf8(set.err));
        return false;
    }
    return true;
}

void TestTransport::passwordThroughThePrompt() {
    QString why;
    if (!ensureTestUser(&why))
        QSKIP(qPrintable(why));
    Sshd sshd(m_lab->dir(), {.password = true, .authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(sshd.start(), qPrintable(sshd.error()));
    SshTarget target = m_lab->target(sshd, u"kh_password"_s, m_echo->socketPath());
    m_lab->writeKnownHosts(u"kh_password"_s, {sshd.knownHostsLine()});
    target.user = u"omsshtest"_s;
    target.identityFile.clear();
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(
        QTest::qWaitFor([&] { return !r.credentials.isEmpty() || closedOrOpen(transport); }, Wait));
    QCOMPARE(r.credentials.size(), 1);
    const CredentialsPrompt first = r.credentials[0];
    QCOMPARE(first.kind, CredentialsPrompt::Kind::Password);
    QCOMPARE(first.user, u"omsshtest"_s);
    QCOMPARE(first.attempt, 1);
    QCOMPARE(first.fields.size(), 1);
    QCOMPARE(first.fields[0].prompt, u"omsshtest@127.0.0.1's password:"_s);
    QVERIFY(!first.fields[0].echo);
    QCOMPARE(transport.connectionState(), SshState::Authenticating);

    transport.answerCredentials({u"wrong"_s});
    QVERIFY(QTest::qWaitFor([&] { return r.credentials.size() == 2 || closedOrOpen(transport); },
                            Wait));
    QCOMPARE(r.credentials.size(), 2);
    QCOMPARE(r.credentials[1].attempt, 2);
    QVERIFY(r.credentials[1].instruction.contains(u"try again"_s));

    transport.answerCredentials({u"right horse battery"_s});
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QVERIFY2(transport.state() == Transport::State::Open, qPrintable(r.errors.join(u'\n')));
    QVERIFY(transport.sendLine("as omsshtest\n"));
    QVERIFY(QTest::qWaitFor([&] { return !r.lines.isEmpty(); }, Wait));
    QCOMPARE(r.lines[0], "as omsshtest");
}

void TestTransport::cancelledPasswordFails() {
    QString why;
    if (!ensureTestUser(&why))
        QSKIP(qPrintable(why));
    Sshd sshd(m_lab->dir(), {.password = true, .authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(sshd.start(), qPrintable(sshd.error()));
    m_lab->writeKnownHosts(u"kh_cancel"_s, {sshd.knownHostsLine()});
    SshTarget target = m_lab->target(sshd, u"kh_cancel"_s, m_echo->socketPath());
    target.user = u"omsshtest"_s;
    target.identityFile.clear();
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(
        QTest::qWaitFor([&] { return !r.credentials.isEmpty() || closedOrOpen(transport); }, Wait));
    QCOMPARE(r.credentials.size(), 1);
    transport.cancelCredentials();
    QCOMPARE(transport.state(), Transport::State::Closed);
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::AuthenticationCancelled);
    QVERIFY(!transport.pendingCredentials());
}

void TestTransport::keyboardInteractiveThroughThePrompt() {
    QString why;
    if (!ensureTestUser(&why))
        QSKIP(qPrintable(why));
    Sshd sshd(m_lab->dir(), {.kbdint = true, .authorizedKeys = m_lab->authorizedKeys()});
    QVERIFY2(sshd.start(), qPrintable(sshd.error()));
    m_lab->writeKnownHosts(u"kh_kbdint"_s, {sshd.knownHostsLine()});
    SshTarget target = m_lab->target(sshd, u"kh_kbdint"_s, m_echo->socketPath());
    target.user = u"omsshtest"_s;
    target.identityFile.clear();
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(
        QTest::qWaitFor([&] { return !r.credentials.isEmpty() || closedOrOpen(transport); }, Wait));
    QVERIFY2(r.credentials.size() == 1, qPrintable(r.errors.join(u'\n') + sshd.log()));
    const CredentialsPrompt prompt = r.credentials[0];
    QCOMPARE(prompt.kind, CredentialsPrompt::Kind::KeyboardInteractive);
    QCOMPARE(prompt.fields.size(), 1);
    QVERIFY2(prompt.fields[0].prompt.contains(u"assword"_s), qPrintable(prompt.fields[0].prompt));
    QVERIFY(!prompt.fields[0].echo);
    transport.answerCredentials({u"right horse battery"_s});
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QVERIFY2(transport.state() == Transport::State::Open,
             qPrintable(r.errors.join(u'\n') + sshd.log()));
}

void TestTransport::linesTravelBothWays() {
    SshTransport transport(knownTarget(m_echo->socketPath()));
    TransportRecorder r(transport);
    QVERIFY(!transport.sendLine("too early\n")); // not open yet
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Open);
    QVERIFY(!transport.sendLine("no newline"));
    QVERIFY(!transport.sendLine("two\nlines\n"));
    // Many lines, one of them large: framing survives chunking in both directions.
    const QByteArray big(200000, 'x');
    for (int i = 0; i < 50; ++i)
        QVERIFY(transport.sendLine("{\"n\":" + QByteArray::number(i) + "}\n"));
    QVERIFY(transport.sendLine(big + '\n'));
    QVERIFY(QTest::qWaitFor([&] { return r.lines.size() == 51; }, Wait));
    for (int i = 0; i < 50; ++i)
        QCOMPARE(r.lines[i], "{\"n\":" + QByteArray::number(i) + "}");
    QCOMPARE(r.lines[50], big);
    QVERIFY(r.errors.isEmpty());
}

void TestTransport::overlongLineClosesTheTransport() {
    SshTransport transport(knownTarget(m_echo->socketPath()), nullptr, 64);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Open);
    QVERIFY(transport.sendLine(QByteArray(100, 'y') + '\n'));
    QVERIFY(QTest::qWaitFor([&] { return transport.state() == Transport::State::Closed; }, Wait));
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::ProtocolError);
    QVERIFY(r.lines.isEmpty());
}

void TestTransport::deadPortFailsFast() {
    SshTarget target = knownTarget(m_echo->socketPath());
    target.port = freeTcpPort();
    SshTransport transport(target);
    TransportRecorder r(transport);
    QElapsedTimer clock;
    clock.start();
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QVERIFY(clock.elapsed() < 3000);
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::Unreachable);
    QVERIFY(transport.failure()->retryable());
    QVERIFY2(transport.failure()->message.contains(u"refused"_s, Qt::CaseInsensitive),
             qPrintable(transport.failure()->message));
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(r.errors[0].startsWith(transport.description()));
}

void TestTransport::deadHostTimesOutWhileTheEventLoopRuns_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("mustTimeOut");
    // Accepts TCP and never says a word: only the timeout can end the attempt.
    QTest::newRow("silent server") << u"silent"_s << true;
    // TEST-NET-1 (RFC 5737) is never routed: its packets vanish, or the
    // network refuses the route at once; either way the attempt ends in time.
    QTest::newRow("TEST-NET-1") << u"192.0.2.1"_s << false;
    // .invalid never resolves (RFC 6761); however long the resolver takes,
    // it takes it on the session's thread.
    QTest::newRow("unresolvable name") << u"node.omview-test.invalid"_s << false;
}

void TestTransport::deadHostTimesOutWhileTheEventLoopRuns() {
    QFETCH(QString, host);
    QFETCH(bool, mustTimeOut);
    SilentServer silent;
    SshTarget target = knownTarget(m_echo->socketPath());
    if (host == u"silent") {
        target.port = silent.port();
    } else {
        target.host = host;
        target.port = 22;
    }
    target.connectTimeout = 1500ms;
    SshTransport transport(target);

    QElapsedTimer clock, sinceTick;
    int ticks = 0;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        ++ticks;
        longestGap = std::max(longestGap, sinceTick.restart());
    });
    clock.start();
    sinceTick.start();
    ticker.start();
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return transport.state() == Transport::State::Closed; }, 5000));
    const qint64 elapsed = clock.elapsed();
    ticker.stop();
    QVERIFY2(elapsed < 2500, qPrintable(QString::number(elapsed)));
    const auto kind = transport.failure()->kind;
    if (mustTimeOut || kind != SshFailure::Kind::Unreachable) {
        QCOMPARE(kind, SshFailure::Kind::Timeout);
        QVERIFY2(elapsed >= 1400, qPrintable(QString::number(elapsed)));
        QVERIFY2(transport.failure()->message.contains(u"timed out after 1.5 s"_s),
                 qPrintable(transport.failure()->message));
        QVERIFY(transport.failure()->retryable());
    }
    // The event loop never stalled: the timer kept firing throughout.
    QVERIFY2(longestGap < 250, qPrintable(QString::number(longestGap)));
    QVERIFY2(ticks >= elapsed / 10 / 3, qPrintable(u"%1 ticks in %2 ms"_s.arg(ticks).arg(elapsed)));
}

void TestTransport::closeWhileConnectingIsImmediate() {
    SilentServer silent;
    SshTarget target = knownTarget(m_echo->socketPath());
    target.port = silent.port();
    target.connectTimeout = 1000ms;
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QCOMPARE(transport.state(), Transport::State::Opening);
    QVERIFY(QTest::qWaitFor([&] { return silent.accepted() > 0; }, Wait));
    QElapsedTimer clock;
    clock.start();
    transport.close();
    QVERIFY(clock.elapsed() < 50);
    QCOMPARE(transport.state(), Transport::State::Closed);
    QCOMPARE(transport.connectionState(), SshState::Disconnected);
    // Nothing from the abandoned attempt, not even its timeout.
    QTest::qWait(1500);
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(transport.state(), Transport::State::Closed);
    QVERIFY(!transport.failure());
    // The server saw the connection go.
    QVERIFY(QTest::qWaitFor([&] { return silent.closed() == 1; }, Wait));

    // And the transport opens again afterwards.
    target.port = m_sshd->port();
    transport.setTarget(target);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Open);
}

void TestTransport::invalidTargetFailsFromTheEventLoop() {
    SshTarget target = knownTarget(m_echo->socketPath());
    target.host.clear();
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QCOMPARE(transport.state(), Transport::State::Opening);
    QVERIFY(r.errors.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return transport.state() == Transport::State::Closed; }, Wait));
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::InvalidTarget);
    QVERIFY(transport.failure()->message.contains(u"no host"_s));
    QCOMPARE(r.errors.size(), 1);
}

void TestTransport::configAliasIsHonoured() {
    // As a user's ~/.ssh/config would name a node.
    QFile config(m_lab->path(u"ssh_config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        u"Host labnode\n  HostName 127.0.0.1\n  Port %1\n  User root\n  IdentityFile %2\n"_s
            .arg(m_sshd->port())
            .arg(m_lab->clientKey().privateFile)
            .toUtf8());
    config.close();
    SshTarget target = knownTarget(m_echo->socketPath());
    target.host = u"labnode"_s;
    target.port.reset();
    target.user.clear();
    target.identityFile.clear();
    target.readConfig = true;
    target.configFile = config.fileName();
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QVERIFY2(transport.state() == Transport::State::Open, qPrintable(r.errors.join(u'\n')));
    QVERIFY(r.hostKeys.isEmpty()); // known under its real name and port

    // A missing config file named explicitly is a settings error.
    target.configFile = m_lab->path(u"no_such_config"_s);
    SshTransport missing(target);
    missing.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(missing); }, Wait));
    QCOMPARE(missing.failure()->kind, SshFailure::Kind::InvalidTarget);
}

void TestTransport::proxyJumpReachesTheNode() {
    // The jump host is the same sshd: the node is reached through a
    // direct-tcpip channel of a first connection.
    SshTarget target = knownTarget(m_echo->socketPath());
    target.proxyJump = u"root@127.0.0.1:%1"_s.arg(m_sshd->port());
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QVERIFY2(transport.state() == Transport::State::Open,
             qPrintable(r.errors.join(u'\n') + m_sshd->log().right(2000)));
    QVERIFY(transport.sendLine("via the jump host\n"));
    QVERIFY(QTest::qWaitFor([&] { return !r.lines.isEmpty(); }, Wait));
    QCOMPARE(r.lines[0], "via the jump host");
}

void TestTransport::unknownJumpHostIsExplained() {
    // The jump host listens on the other server, whose key is not known here.
    m_lab->writeKnownHosts(u"kh_jump"_s, {m_sshd->knownHostsLine()});
    SshTarget target = m_lab->target(*m_sshd, u"kh_jump"_s, m_echo->socketPath());
    target.proxyJump = u"root@127.0.0.1:%1"_s.arg(m_noStream->port());
    target.connectTimeout = 5s;
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Closed);
    QVERIFY(r.hostKeys.isEmpty());
    const QString message = transport.failure()->message;
    QVERIFY2(message.contains(u"jump host"_s) &&
                 message.contains(m_noStream->hostKey().fingerprint),
             qPrintable(message));
}

void TestTransport::socketRouteRefusedIsReported() {
    SshTarget target = m_lab->target(*m_noStream, m_knownHosts, m_echo->socketPath());
    target.access = AgentAccess::Socket;
    SshTransport transport(target);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Closed);
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::AgentUnreachable);
    QVERIFY(transport.failure()->retryable());
    QVERIFY2(transport.failure()->message.contains(m_echo->socketPath()),
             qPrintable(transport.failure()->message));
}

void TestTransport::socketRefusedFallsBackToTheBridge() {
    if (!m_agent)
        QSKIP("omagentd is not built: no bridge to fall back to");
    SshTarget target = m_lab->target(*m_noStream, m_knownHosts, m_agent->socketPath());
    target.access = AgentAccess::Auto;
    target.bridgeCommand = shellQuoted(AgentProcess::binary()) + u" --bridge"_s;
    auto owned = std::make_unique<SshTransport>(target);
    SshTransport *transport = owned.get();
    AgentClient client(std::move(owned), u"tst_ssh_transport"_s);
    QSignalSpy ready(&client, &AgentClient::ready);
    QSignalSpy failed(&client, &AgentClient::connectionFailed);
    client.connectToAgent();
    QVERIFY(QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, Wait));
    QVERIFY2(!ready.isEmpty(),
             qPrintable(failed.isEmpty() ? QString() : failed[0][0].value<RpcError>().message));
    QCOMPARE(transport->route(), AgentRoute::Bridge);
    auto status = client.nodeStatus();
    QVERIFY(QTest::qWaitFor([&] { return status.isFinished(); }, Wait));
    QVERIFY2(status.result().has_value(), qPrintable(errorText(status.result())));
}

void TestTransport::missingBridgeReportsItsExitStatus_data() {
    QTest::addColumn<AgentAccess>("access");
    QTest::newRow("bridge only") << AgentAccess::Bridge;
    // No agent socket either: the refusal comes first, then the bridge's fate.
    QTest::newRow("socket, then bridge") << AgentAccess::Auto;
}

void TestTransport::missingBridgeReportsItsExitStatus() {
    QFETCH(AgentAccess, access);
    SshTarget target = knownTarget(m_lab->path(u"no_agent_here.sock"_s));
    target.access = access;
    target.bridgeCommand = u"/nonexistent/omagentd --bridge"_s;
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(QTest::qWaitFor([&] { return transport.state() == Transport::State::Closed; }, Wait));
    QCOMPARE(transport.route(), AgentRoute::Bridge);
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::ConnectionLost);
    const QString message = transport.failure()->message;
    QVERIFY2(message.contains(u"exit status 127"_s), qPrintable(message));
    QVERIFY2(message.contains(u"/nonexistent/omagentd"_s), qPrintable(message));
    QCOMPARE(message.contains(u"refused a channel to the agent's socket"_s),
             access == AgentAccess::Auto);
}

void TestTransport::acceptedKeyThatCannotBeRecordedFails() {
    // known_hosts below a regular file: its directory cannot be made.
    SshTarget target =
        m_lab->target(*m_sshd, u"authorized_keys/known_hosts"_s, m_echo->socketPath());
    SshTransport transport(target);
    TransportRecorder r(transport);
    transport.open();
    QVERIFY(
        QTest::qWaitFor([&] { return !r.hostKeys.isEmpty() || closedOrOpen(transport); }, Wait));
    QCOMPARE(r.hostKeys.size(), 1);
    transport.acceptHostKey();
    QVERIFY(QTest::qWaitFor([&] { return closedOrOpen(transport); }, Wait));
    QCOMPARE(transport.state(), Transport::State::Closed);
    QCOMPARE(transport.failure()->kind, SshFailure::Kind::HostKeyError);
    QVERIFY2(transport.failure()->message.contains(target.knownHostsFile),
             qPrintable(transport.failure()->message));
}

void TestTransport::agentClientOverSsh() {
    if (!m_agent)
        QSKIP("omagentd is not built");
    AgentClient client(std::make_unique<SshTransport>(knownTarget(m_agent->socketPath())),
                       u"tst_ssh_transport"_s);
    QSignalSpy ready(&client, &AgentClient::ready);
    QSignalSpy failed(&client, &AgentClient::connectionFailed);
    client.connectToAgent();
    QVERIFY(QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, Wait));
    QVERIFY2(!ready.isEmpty(),
             qPrintable(failed.isEmpty() ? QString() : failed[0][0].value<RpcError>().message));
    auto *transport = qobject_cast<SshTransport *>(client.transport());
    QCOMPARE(transport->route(), AgentRoute::Socket);
    auto settings = client.settings();
    QVERIFY(QTest::qWaitFor([&] { return settings.isFinished(); }, Wait));
    QVERIFY2(settings.result().has_value(), qPrintable(errorText(settings.result())));
    client.disconnectFromAgent();
    QCOMPARE(transport->state(), Transport::State::Closed);
}

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
