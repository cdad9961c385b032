// ClusterSession over SSH: a real sshd on loopback in front of real omagentd processes.
// An unknown host key is asked about (with its fingerprint) and the session waits for the
// answer without blocking; a changed key and a refused client key fail without retrying;
// a dead sshd is retried until it is back.
#include "agentcluster.h"
#include "sshlab.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <omview/console/clustersession.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using omview::ClusterSession;
using omview::ConnectionProfile;
using omview::NodeRecord;

namespace {

constexpr int Slow = 60000;

int aliveCount(const QList<NodeRecord> &nodes) {
    return int(std::ranges::count_if(nodes, [](const NodeRecord &r) { return r.alive; }));
}

} // namespace

class TestSshSession : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<omview::test::AgentCluster> m_cluster;
    std::unique_ptr<omview::test::SshLab> m_lab;
    std::unique_ptr<omview::test::Sshd> m_sshd;

    omview::SshTarget target(const QString &knownHosts) const {
        omview::SshTarget t = m_lab->target(*m_sshd, knownHosts, m_cluster->socketPath(1));
        t.access = omview::AgentAccess::Socket;
        return t;
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<omview::test::AgentCluster>(2);
        const auto started = m_cluster->start();
        QVERIFY2(started, started ? "" : qPrintable(started.error()));
        m_lab = std::make_unique<omview::test::SshLab>();
        QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
        omview::test::Sshd::Options options;
        options.authorizedKeys = m_lab->authorizedKeys();
        m_sshd = std::make_unique<omview::test::Sshd>(m_lab->dir(), options);
        QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
    }

    void cleanupTestCase() {
        m_sshd.reset();
        m_lab.reset();
        m_cluster.reset();
    }

    void unknownHostKeyIsAskedThenAccepted() {
        ClusterSession session(ConnectionProfile::overSsh(target(u"kh_new"_s), u"lab"_s));
        omview::ReconnectSettings fast;
        fast.initialDelay = 200ms;
        fast.maxDelay = 1s;
        session.setReconnectSettings(fast);
        QVERIFY(session.sshTransport());
        QSignalSpy keys(&session, &ClusterSession::hostKeyUnknown);
        QSignalSpy messages(&session, &ClusterSession::message);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(keys.size(), 1, Slow);
        const auto prompt = keys.first().at(0).value<omview::HostKeyPrompt>();
        QCOMPARE(prompt.fingerprint, m_sshd->hostKey().fingerprint);
        QCOMPARE(prompt.host, u"[127.0.0.1]:%1"_s.arg(m_sshd->port()));
        // The question waits for the user; the session is still connecting meanwhile.
        QCOMPARE(session.state(), ClusterSession::State::Connecting);
        session.sshTransport()->acceptHostKey();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, Slow);
        QCOMPARE(session.entryNode(), std::optional<omview::NodeId>(1));
        QCOMPARE(session.stateText(),
                 u"Connected to node 1 (root@127.0.0.1:%1)"_s.arg(m_sshd->port()));
        QTRY_VERIFY_WITH_TIMEOUT(aliveCount(session.nodes()) == 2, Slow);
        QFile known(m_lab->path(u"kh_new"_s));
        QVERIFY(known.open(QIODevice::ReadOnly));
        QVERIFY(
            known.readAll().contains(m_sshd->hostKey().publicLine.section(u' ', 1, 1).toUtf8()));
        // The steps of the SSH connection were told on the way.
        QVERIFY(std::ranges::any_of(messages, [](const QList<QVariant> &m) {
            return m.at(0).toString().contains(u"authenticating"_s);
        }));

        // sshd dies: retried; back, and the session is too (the key is known now).
        m_sshd->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Reconnecting, Slow);
        QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, Slow);
        QCOMPARE(keys.size(), 1);
        session.close();
    }

    // known_hosts holds another key for this server: refused at once, never asked,
    // not retried.
    void changedHostKeyFails() {
        const QString otherKey = m_lab->wrongKey().publicLine.section(u' ', 0, 1);
        m_lab->writeKnownHosts(u"kh_changed"_s,
                               {u"[127.0.0.1]:%1 %2"_s.arg(m_sshd->port()).arg(otherKey)});
        ClusterSession session(ConnectionProfile::overSsh(target(u"kh_changed"_s), u"lab"_s));
        QSignalSpy keys(&session, &ClusterSession::hostKeyUnknown);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Failed, Slow);
        QVERIFY(keys.isEmpty());
        QVERIFY2(session.stateText().contains(u"has changed"_s), qPrintable(session.stateText()));
        QVERIFY2(session.lastError().contains(u"ssh-keygen -R"_s), qPrintable(session.lastError()));
    }

    // A client key sshd does not know: authentication fails, not retried.
    void refusedKeyFails() {
        m_lab->writeKnownHosts(u"kh_ok"_s, {m_sshd->knownHostsLine()});
        omview::SshTarget t = target(u"kh_ok"_s);
        t.identityFile = m_lab->wrongKey().privateFile;
        ClusterSession session(ConnectionProfile::overSsh(t, u"lab"_s));
        QSignalSpy credentials(&session, &ClusterSession::credentialsRequested);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Failed, Slow);
        QVERIFY(credentials.isEmpty()); // sshd offers no password here
        QVERIFY2(!session.lastError().isEmpty(), qPrintable(session.stateText()));
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_sshsession.moc"
