// ProcessFeed against real agents (omagentd with an emulated /proc/hpc on loopback): one
// subscription per node through one connection, a process that starts and ends shows up and
// goes, nodes come and go, and the tree passes QAbstractItemModelTester all along.
#include "agentcluster.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processfeed.h>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/agentclient.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;

namespace {

constexpr int Slow = 20'000;

} // namespace

class ProcessFeedTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_agents = std::make_unique<test::AgentCluster>(2);
        const auto started = m_agents->start();
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        auto client = m_agents->connectClient(1, u"tst_processfeed"_s, Slow);
        QVERIFY2(client, qPrintable(client ? QString() : client.error()));
        m_client = std::move(*client);
    }

    void followsEveryNode() {
        ClusterProcessModel tree;
        QAbstractItemModelTester tester(&tree,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ProcessFeed feed(&tree);
        feed.setClient(m_client.get());
        feed.setNodes({1, 2});
        QCOMPARE(tree.nodeIds(), (QList<NodeId>{1, 2}));
        // Node 2's processes come through node 1's agent, which forwards the subscription.
        QTRY_VERIFY_WITH_TIMEOUT(feed.modelOf(1)->rowCount() > 0, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(feed.modelOf(2)->rowCount() > 0, Slow);

        // A process that starts is listed, with its command; when it ends it goes.
        QProcess sleeper;
        sleeper.start(u"sleep"_s, {u"300"_s});
        QVERIFY(sleeper.waitForStarted());
        const auto pid = std::int32_t(sleeper.processId());
        QTRY_VERIFY_WITH_TIMEOUT(feed.modelOf(1)->rowOfPid(pid) >= 0, Slow);
        const QModelIndex row = tree.indexOfProcess(1, pid, ProcessListModel::CommandColumn);
        QVERIFY(row.isValid());
        QCOMPARE(row.data().toString(), u"sleep"_s);
        QCOMPARE(row.data(ProcessListModel::NodeIdRole).toUInt(), 1u);
        sleeper.kill();
        QVERIFY(sleeper.waitForFinished());
        QTRY_VERIFY_WITH_TIMEOUT(feed.modelOf(1)->rowOfPid(pid) < 0, Slow);

        // A node no longer listed goes from the tree with its model.
        feed.setNodes({1});
        QCOMPARE(tree.nodeIds(), QList<NodeId>{1});
        QVERIFY(!feed.modelOf(2));
    }

    void aDeadNodeIsReported() {
        ClusterProcessModel tree;
        QAbstractItemModelTester tester(&tree,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ProcessFeed feed(&tree);
        QSignalSpy failed(&feed, &ProcessFeed::failed);
        feed.setClient(m_client.get());
        feed.setNodes({1, 2});
        QTRY_VERIFY_WITH_TIMEOUT(feed.modelOf(2)->rowCount() > 0, Slow);
        const int rows = feed.modelOf(2)->rowCount();
        m_agents->kill(2);
        // Its subscription ends with the reason; its rows stay as last seen.
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 3 * Slow);
        QCOMPARE(failed.first().at(0).value<NodeId>(), 2u);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QCOMPARE(feed.modelOf(2)->rowCount(), rows);
        // Back again: a new subscription fills it anew.
        const auto again = m_agents->start(2);
        QVERIFY2(again, qPrintable(again ? QString() : again.error()));
        QProcess sleeper;
        sleeper.start(u"sleep"_s, {u"300"_s});
        QVERIFY(sleeper.waitForStarted());
        const auto pid = std::int32_t(sleeper.processId());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                feed.resubscribe(); // until node 2 is reachable again
                return feed.modelOf(2)->rowOfPid(pid) >= 0;
            }(),
            3 * Slow);
        sleeper.kill();
        QVERIFY(sleeper.waitForFinished());
    }

    void cleanupTestCase() {
        m_client.reset();
        m_agents.reset();
    }

private:
    std::unique_ptr<test::AgentCluster> m_agents;
    std::unique_ptr<AgentClient> m_client;
};

QTEST_GUILESS_MAIN(ProcessFeedTest)
#include "tst_processfeed.moc"
