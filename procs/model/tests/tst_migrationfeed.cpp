// MigrationFeed against a scripted agent on a real socket: one `migrations` subscription per
// node, each forwarded by its `node` param; the events of its updates land in the log, the
// first empty one changes nothing; a node dropped is unsubscribed; an ended subscription is
// reported and subscribed again by resubscribe().
#include "scriptedagent.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <omview/procs/migrationfeed.h>
#include <omview/procs/migrationlogmodel.h>
#include <omview/protocol/delta.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;
using omview::procs::test::ScriptedAgent;

namespace {

MigrationEvent step(const QString &id, const QString &phase, NodeId from) {
    MigrationEvent e;
    e.id = id;
    e.pid = 4242;
    e.home = from;
    e.from = from;
    e.to = 5;
    e.phase = phase;
    e.reason = u"user"_s;
    e.command = u"povray"_s;
    e.at = 1718000007000;
    return e;
}

} // namespace

class TestMigrationFeed : public QObject {
    Q_OBJECT

private slots:
    void subscribesPerNode() {
        ScriptedAgent agent;
        auto client = agent.connectedClient();
        MigrationLogModel log;
        QAbstractItemModelTester tester(&log,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        MigrationFeed feed(&log);
        feed.setClient(client.get());
        feed.setNodes({1, 2});
        QCOMPARE(feed.nodes(), (QList<NodeId>{1, 2}));

        QHash<NodeId, SubscriptionId> ids;
        for (int i = 0; i < 2; ++i) {
            const QJsonObject request = agent.waitFor(u"subscribe"_s);
            const QJsonObject params = ScriptedAgent::paramsOf(request);
            QCOMPARE(params.value("topic"_L1).toString(), u"migrations"_s);
            const NodeId node = NodeId(params.value("node"_L1).toInt());
            QVERIFY(node == 1 || node == 2);
            ids.insert(node, SubscriptionId(10 + node));
            agent.reply(request, QJsonObject{{u"subscription"_s, int(10 + node)}});
        }
        QCOMPARE(ids.size(), 2);

        QSignalSpy added(&log, &MigrationLogModel::eventsAdded);
        agent.notify(notifications::update,
                     toJson(UpdateParams{ids[2], 1, toJson(MigrationsDelta{})}));
        agent.notify(notifications::update,
                     toJson(UpdateParams{
                         ids[2], 2, toJson(MigrationsDelta{{step(u"m2"_s, u"started"_s, 2)}})}));
        QTRY_COMPARE(log.rowCount(), 1);
        QCOMPARE(added.size(), 1); // not for the empty first update
        agent.notify(notifications::update,
                     toJson(UpdateParams{ids[1], 1,
                                         toJson(MigrationsDelta{{step(u"m1"_s, u"done"_s, 1)}})}));
        agent.notify(notifications::update,
                     toJson(UpdateParams{ids[2], 3,
                                         toJson(MigrationsDelta{{step(u"m2"_s, u"done"_s, 2)}})}));
        QTRY_COMPARE(added.size(), 3);
        QCOMPARE(log.rowCount(), 2);
        QCOMPARE(
            log.data(log.index(log.rowOfMove(u"m2"_s), 0), MigrationLogModel::PhaseRole).toString(),
            u"done"_s);

        // Node 2 leaves: its subscription goes.
        feed.setNodes({1});
        const QJsonObject unsubscribe = agent.waitFor(u"unsubscribe"_s);
        QCOMPARE(ScriptedAgent::paramsOf(unsubscribe).value("subscription"_L1).toInt(),
                 int(ids[2]));

        // Node 1's ends: reported, and taken up again on resubscribe().
        QSignalSpy failed(&feed, &MigrationFeed::failed);
        agent.notify(notifications::ended,
                     toJson(EndedParams{
                         ids[1], RpcError(ErrorCode::NoSuchNode, u"node 1 is unreachable"_s)}));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).value<NodeId>(), NodeId(1));
        QCOMPARE(failed.first().at(1).toString(), u"node 1 is unreachable"_s);
        feed.resubscribe();
        const QJsonObject again = agent.waitFor(u"subscribe"_s);
        QCOMPARE(ScriptedAgent::paramsOf(again).value("node"_L1).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMigrationFeed)
#include "tst_migrationfeed.moc"
