// ClusterSession against real omagentd processes on loopback: it connects, follows the
// entry agent's cluster table, reconnects after the agent died and came back, and says
// clearly when it cannot connect.
#include "agentcluster.h"

#include <QSignalSpy>
#include <QTest>
#include <omview/console/clustersession.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using omview::ClusterSession;
using omview::ConnectionProfile;
using omview::NodeRecord;

namespace {

constexpr int Slow = 60000; // a loaded 2-core machine: generous, never fixed sleeps

int aliveCount(const QList<NodeRecord> &nodes) {
    return int(std::ranges::count_if(nodes, [](const NodeRecord &r) { return r.alive; }));
}

const NodeRecord *find(const QList<NodeRecord> &nodes, omview::NodeId id) {
    for (const NodeRecord &r : nodes) {
        if (r.node.id == id)
            return &r;
    }
    return nullptr;
}

// Quick retries, so the tests do not wait through a real console's backoff.
omview::ReconnectSettings fastRetries() {
    omview::ReconnectSettings s;
    s.initialDelay = 200ms;
    s.maxDelay = 1s;
    return s;
}

} // namespace

class TestClusterSession : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<omview::test::AgentCluster> m_cluster;

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<omview::test::AgentCluster>(3);
        const auto started = m_cluster->start();
        QVERIFY2(started, started ? "" : qPrintable(started.error()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void connectsAndFollowsTheCluster() {
        ClusterSession session(ConnectionProfile::localSocket(m_cluster->socketPath(1)));
        QCOMPARE(session.state(), ClusterSession::State::Disconnected);
        QVERIFY(session.sshTransport() == nullptr);
        QSignalSpy states(&session, &ClusterSession::stateChanged);
        QSignalSpy updates(&session, &ClusterSession::clusterUpdated);
        QSignalSpy messages(&session, &ClusterSession::message);
        session.open();
        QCOMPARE(session.state(), ClusterSession::State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, Slow);
        QCOMPARE(session.entryNode(), std::optional<omview::NodeId>(1));
        QVERIFY2(session.stateText().contains(u"node 1"_s), qPrintable(session.stateText()));
        QVERIFY2(session.stateText().contains(m_cluster->socketPath(1)),
                 qPrintable(session.stateText()));
        QCOMPARE(states.first().at(0).value<ClusterSession::State>(),
                 ClusterSession::State::Connecting);
        QCOMPARE(states.last().at(0).value<ClusterSession::State>(),
                 ClusterSession::State::Connected);
        QVERIFY(!messages.isEmpty());

        // Gossip brings the other two nodes into node 1's table.
        QTRY_VERIFY_WITH_TIMEOUT(aliveCount(session.nodes()) == 3, Slow);
        QVERIFY(!updates.isEmpty());
        const auto last = updates.last();
        QCOMPARE(last.at(0).value<QList<NodeRecord>>(), session.nodes());
        for (omview::NodeId id : {1u, 2u, 3u}) {
            // A peer's first records may come before its first sample: wait for one.
            QTRY_VERIFY_WITH_TIMEOUT(
                find(session.nodes(), id) && find(session.nodes(), id)->node.cpus > 0, Slow);
            const NodeRecord *r = find(session.nodes(), id);
            QCOMPARE(r->node.address, u"127.0.0.%1"_s.arg(id));
            QVERIFY(r->node.status & omview::StatusUp);
        }
        QVERIFY(session.hasNode(2));
        QVERIFY(!session.hasNode(9));

        // The client serves any call; a node other than the entry is forwarded. (On a
        // loaded machine the first peer handshake can outlast the agent's timeout: ask again.)
        const auto statusOfNode2 = [&]() -> std::optional<omview::NodeStatus> {
            auto status = session.client()->nodeStatus(2);
            if (!QTest::qWaitFor([&] { return status.isFinished(); }, Slow) || !status.result())
                return std::nullopt;
            return *status.result();
        };
        std::optional<omview::NodeStatus> status;
        QTRY_VERIFY_WITH_TIMEOUT((status = statusOfNode2()).has_value(), Slow);
        QCOMPARE(status->id, 2u);

        session.close();
        QCOMPARE(session.state(), ClusterSession::State::Disconnected);
        QCOMPARE(session.client()->state(), omview::AgentClient::State::Disconnected);
    }

    // The entry agent dies (its socket file stays, as after a crash): Reconnecting with
    // the time to the next attempt, then Connected again once it is back, with updates.
    void reconnectsWhenTheAgentComesBack() {
        ClusterSession session(ConnectionProfile::localSocket(m_cluster->socketPath(1)));
        session.setReconnectSettings(fastRetries());
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(!session.nodes().isEmpty(), Slow);

        m_cluster->kill(1);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Reconnecting, Slow);
        QVERIFY2(session.stateText().startsWith(u"Retrying in "_s),
                 qPrintable(session.stateText()));
        QVERIFY(!session.lastError().isEmpty());
        // The last table stays for the model to show greyed.
        QVERIFY(!session.nodes().isEmpty());

        QSignalSpy updates(&session, &ClusterSession::clusterUpdated);
        const auto restarted = m_cluster->start(1);
        QVERIFY2(restarted, restarted ? "" : qPrintable(restarted.error()));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, Slow);
        QVERIFY(session.lastError().isEmpty());
        // Subscribed again: the new agent's table arrives.
        QTRY_VERIFY_WITH_TIMEOUT(!updates.isEmpty(), Slow);
        QTRY_VERIFY_WITH_TIMEOUT(aliveCount(session.nodes()) == 3, Slow);
    }

    // Another node dies: the entry's table says so, the session stays connected.
    void aDeadNodeShowsInTheTable() {
        ClusterSession session(ConnectionProfile::localSocket(m_cluster->socketPath(1)));
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(aliveCount(session.nodes()) == 3, Slow);
        m_cluster->kill(3);
        QTRY_VERIFY_WITH_TIMEOUT(find(session.nodes(), 3) && !find(session.nodes(), 3)->alive,
                                 Slow);
        QCOMPARE(session.state(), ClusterSession::State::Connected);
        const auto restarted = m_cluster->start(3);
        QVERIFY2(restarted, restarted ? "" : qPrintable(restarted.error()));
        QTRY_VERIFY_WITH_TIMEOUT(find(session.nodes(), 3) && find(session.nodes(), 3)->alive, Slow);
    }

    // No agent at the socket: retries, saying why, until closed.
    void noAgentIsRetried() {
        const QString missing = m_cluster->dir() + u"/nobody.sock"_s;
        ClusterSession session(ConnectionProfile::localSocket(missing));
        session.setReconnectSettings(fastRetries());
        QSignalSpy messages(&session, &ClusterSession::message);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Reconnecting, Slow);
        QVERIFY2(session.lastError().contains(missing), qPrintable(session.lastError()));
        QVERIFY2(session.stateText().contains(missing), qPrintable(session.stateText()));
        QVERIFY(!messages.isEmpty());
        QVERIFY(session.nodes().isEmpty());
        session.close();
        QCOMPARE(session.state(), ClusterSession::State::Disconnected);
    }

    // A profile that cannot work fails at once and tries nothing.
    void unusableProfileFails() {
        ConnectionProfile profile = ConnectionProfile::localSocket(u"/x.sock"_s, u"broken"_s);
        profile.socketPath.clear();
        ClusterSession session(profile);
        QSignalSpy messages(&session, &ClusterSession::message);
        session.open();
        QCOMPARE(session.state(), ClusterSession::State::Failed);
        QCOMPARE(session.client()->state(), omview::AgentClient::State::Disconnected);
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().at(0).toString().contains(u"no socket path"_s),
                 qPrintable(messages.first().at(0).toString()));

        // An SSH profile whose host cannot be a host name: the same, and an SSH transport.
        omview::SshTarget target;
        target.host = u"bad host"_s;
        ClusterSession ssh(ConnectionProfile::overSsh(target, u"bad"_s));
        QVERIFY(ssh.sshTransport() != nullptr);
        ssh.open();
        QCOMPARE(ssh.state(), ClusterSession::State::Failed);
        QVERIFY(!ssh.lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClusterSession)
#include "tst_clustersession.moc"
