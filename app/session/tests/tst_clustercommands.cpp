// ClusterCommands against a cluster of three real omagentd processes, reached through
// node 1: settings read and written on one or many nodes (forwarded by the entry agent),
// expel and bring, setpe off and on; refused values, unknown nodes and a lost connection
// give an error naming the node and change nothing.
#include "agentcluster.h"

#include <QSignalSpy>
#include <QTest>
#include <omview/console/clustercommands.h>
#include <omview/console/clustersession.h>
#include <omview/console/settingsaggregate.h>
#include <omview/protocol/settingschange.h>

using namespace Qt::StringLiterals;
using omview::ClusterCommands;
using omview::ClusterSession;
using omview::ConnectionProfile;
using omview::NodeId;
using omview::NodeRecord;
using omview::Settings;
using omview::SettingsChange;
using NodeResult = omview::ClusterCommands::NodeResult;

namespace {

constexpr int Slow = 60000;

template<class T> T wait(QFuture<T> future) {
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, Slow))
        qFatal("a command did not finish within %d ms", Slow);
    return future.result();
}

QString errorsOf(const QList<NodeResult> &results) {
    QStringList out;
    for (const NodeResult &r : results)
        out.append(r.result ? u"node %1 ok"_s.arg(r.node) : r.result.error());
    return out.join(u"; "_s);
}

bool allOk(const QList<NodeResult> &results) {
    return std::ranges::all_of(results, [](const NodeResult &r) { return r.result.has_value(); });
}

} // namespace

class TestClusterCommands : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<omview::test::AgentCluster> m_cluster;
    std::unique_ptr<ClusterSession> m_session;
    std::unique_ptr<ClusterCommands> m_commands;

    Settings settingsOf(NodeId node) {
        const auto r = wait(m_commands->settings(node));
        if (!r)
            qFatal("settings of node %u: %s", node, qPrintable(r.error().toString()));
        return *r;
    }

    QList<Settings> allSettings() {
        QList<Settings> out;
        for (const auto &[node, r] : wait(m_commands->settingsOf({1, 2, 3}))) {
            if (!r)
                qFatal("settings of node %u: %s", node, qPrintable(r.error().toString()));
            out.append(*r);
        }
        return out;
    }

    QString mapOf(NodeId node) {
        // The entry node is asked without `node`: after setpe -off its ID is 0.
        const auto r =
            wait(node == 1 ? m_session->client()->nodeMap() : m_session->client()->nodeMap(node));
        return r ? *r : u"error: "_s + r.error().toString();
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<omview::test::AgentCluster>(3);
        const auto started = m_cluster->start();
        QVERIFY2(started, started ? "" : qPrintable(started.error()));
        m_session = std::make_unique<ClusterSession>(
            ConnectionProfile::localSocket(m_cluster->socketPath(1)));
        m_commands = std::make_unique<ClusterCommands>(m_session.get());
        m_session->open();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ClusterSession::State::Connected, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::count_if(m_session->nodes(),
                                  [](const NodeRecord &r) { return r.alive; }) == 3,
            Slow);
        // Ready when node 1 reaches every node over the peer channel; on a loaded machine
        // the first handshake can outlast the agent's timeout, so ask until it answers.
        for (NodeId node : {2u, 3u}) {
            QTRY_VERIFY_WITH_TIMEOUT(wait(m_session->client()->nodeStatus(node)).has_value(), Slow);
        }
    }

    void cleanupTestCase() {
        m_commands.reset();
        m_session.reset();
        m_cluster.reset();
    }

    void readsEveryNode() {
        const auto all = wait(m_commands->settingsOf({3, 1, 2}));
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).first, 3u); // in the order asked
        for (const auto &[node, r] : all) {
            QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
            QCOMPARE(r->mospe, node);
            QCOMPARE(r->speed, 10000u);
        }
        const auto aggregate = omview::SettingsAggregate::of(allSettings());
        QCOMPARE(aggregate.nodes, 3);
        QCOMPARE(aggregate.speed.value, std::optional<std::uint32_t>(10000));
        QCOMPARE(aggregate.participating.value, std::optional<bool>(true));
        QVERIFY(!aggregate.stay.mixed);
    }

    // The speed slider's path: pending at once, settled when the agent answered, then
    // the node's own table shows it; no other node changes.
    void setsTheSpeedOfOneNode() {
        QSignalSpy pending(m_commands.get(), &ClusterCommands::speedPending);
        QSignalSpy settled(m_commands.get(), &ClusterCommands::speedSettled);
        QSignalSpy done(m_commands.get(), &ClusterCommands::done);
        SettingsChange change;
        change.speed = 12000;
        auto future = m_commands->apply({2}, change);
        QCOMPARE(pending.size(), 1); // before any answer
        QCOMPARE(pending.first().at(0).value<NodeId>(), 2u);
        QCOMPARE(pending.first().at(1).value<std::uint32_t>(), 12000u);
        const auto results = wait(future);
        QVERIFY2(allOk(results), qPrintable(errorsOf(results)));
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.first().at(1).toBool(), true);
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().at(0).toString(), u"Speed set to 12000 on 1 node(s): 2"_s);
        QCOMPARE(settingsOf(2).speed, 12000u);
        QCOMPARE(settingsOf(1).speed, 10000u);
        QCOMPARE(settingsOf(3).speed, 10000u);
        // Gossip carries it into the entry's table.
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::any_of(m_session->nodes(),
                                                     [](const NodeRecord &r) {
                                                         return r.node.id == 2 &&
                                                                r.node.speed == 12000;
                                                     }),
                                 Slow);
    }

    void setsFlagsOnSeveralNodes() {
        SettingsChange change;
        change.stay = true;
        change.quiet = true;
        const auto results = wait(m_commands->apply({1, 2, 3}, change));
        QCOMPARE(results.size(), 3);
        QVERIFY2(allOk(results), qPrintable(errorsOf(results)));
        auto aggregate = omview::SettingsAggregate::of(allSettings());
        QCOMPARE(aggregate.stay.value, std::optional<bool>(true));
        QCOMPARE(aggregate.quiet.value, std::optional<bool>(true));
        QVERIFY(aggregate.speed.mixed); // node 2 runs at 12000

        // Back on one node: mixed, and the all-nodes dialog's change leaves it alone.
        SettingsChange back;
        back.stay = false;
        back.quiet = false;
        QVERIFY(allOk(wait(m_commands->apply({2}, back))));
        aggregate = omview::SettingsAggregate::of(allSettings());
        QVERIFY(aggregate.stay.mixed);
        auto edited = aggregate;
        edited.block = omview::Merged<bool>::of(true);
        const SettingsChange fromDialog = aggregate.changeTo(edited);
        QCOMPARE(fromDialog.block, std::optional<bool>(true));
        QVERIFY(!fromDialog.stay && !fromDialog.quiet && !fromDialog.speed);
        QVERIFY(allOk(wait(m_commands->apply({1, 2, 3}, fromDialog))));
        aggregate = omview::SettingsAggregate::of(allSettings());
        QCOMPARE(aggregate.block.value, std::optional<bool>(true));
        QVERIFY(aggregate.stay.mixed);
        SettingsChange unblock;
        unblock.block = false;
        unblock.stay = false;
        unblock.quiet = false;
        QVERIFY(allOk(wait(m_commands->apply({1, 2, 3}, unblock))));
    }

    // A value the module refuses is refused before anything is sent: every node's
    // result names it, nothing changes, no pending speed is shown.
    void refusedValueChangesNothing() {
        const QList<Settings> before = allSettings();
        QSignalSpy pending(m_commands.get(), &ClusterCommands::speedPending);
        QSignalSpy done(m_commands.get(), &ClusterCommands::done);
        SettingsChange change;
        change.speed = 0;
        change.stay = true;
        const auto results = wait(m_commands->apply({1, 3}, change));
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).node, 1u);
        QVERIFY(!results.at(0).result);
        QVERIFY2(results.at(0).result.error().startsWith(u"Node 1: speed"_s),
                 qPrintable(results.at(0).result.error()));
        QVERIFY2(results.at(1).result.error().startsWith(u"Node 3: speed"_s),
                 qPrintable(results.at(1).result.error()));
        QVERIFY(pending.isEmpty());
        QCOMPARE(done.size(), 1);
        QCOMPARE(allSettings(), before);
    }

    // A value only the node can judge (slow decay below its current fast decay): the
    // agent refuses it, the result names the node, and the node is unchanged.
    void agentRefusesAValue() {
        const Settings before = settingsOf(3);
        QVERIFY(before.fastDecay > 500);
        SettingsChange change;
        change.slowDecay = 500;
        QVERIFY(!omview::validate(change)); // fine on its own: only the node can tell
        const auto results = wait(m_commands->apply({3}, change));
        QCOMPARE(results.size(), 1);
        QVERIFY(!results.first().result);
        const QString error = results.first().result.error();
        QVERIFY2(error.startsWith(u"Node 3: "_s), qPrintable(error));
        QVERIFY2(error.contains(u"slowDecay"_s), qPrintable(error));
        QCOMPARE(settingsOf(3), before);
    }

    // A node that is not in the cluster gets an error of its own; the others go ahead.
    void nodeNotInTheCluster() {
        SettingsChange change;
        change.lstay = true;
        QSignalSpy pending(m_commands.get(), &ClusterCommands::speedPending);
        const auto results = wait(m_commands->apply({2, 9}, change));
        QCOMPARE(results.size(), 2);
        QVERIFY2(results.at(0).result, qPrintable(errorsOf(results)));
        QCOMPARE(results.at(1).node, 9u);
        QCOMPARE(results.at(1).result.error(), u"Node 9: not in the cluster"_s);
        QCOMPARE(settingsOf(2).lstay, true);
        change.lstay = false;
        QVERIFY(allOk(wait(m_commands->apply({2}, change))));

        const auto settings = wait(m_commands->settings(9));
        QVERIFY(!settings);
        QVERIFY(settings.error().is(omview::ErrorCode::NoSuchNode));
        QVERIFY2(settings.error().message.contains(u"Node 9"_s),
                 qPrintable(settings.error().message));
        const auto expelled = wait(m_commands->expel({9}));
        QCOMPARE(expelled.first().result.error(), u"Node 9: not in the cluster"_s);
        const auto many = wait(m_commands->settingsOf({1, 9}));
        QVERIFY(many.at(0).second);
        QVERIFY(!many.at(1).second);
    }

    void expelAndBring() {
        QSignalSpy done(m_commands.get(), &ClusterCommands::done);
        auto results = wait(m_commands->expel({2}));
        QVERIFY2(allOk(results), qPrintable(errorsOf(results)));
        QCOMPARE(settingsOf(2).block, true); // expel blocks guests
        QCOMPARE(settingsOf(3).block, false);
        results = wait(m_commands->bring({3}));
        QVERIFY2(allOk(results), qPrintable(errorsOf(results)));
        QCOMPARE(settingsOf(3).lstay, true); // bring keeps local processes home
        QCOMPARE(done.size(), 2);
        QVERIFY2(done.first().at(0).toString().contains(u"node(s) 2"_s),
                 qPrintable(done.first().at(0).toString()));
        SettingsChange reset;
        reset.block = false;
        reset.lstay = false;
        QVERIFY(allOk(wait(m_commands->apply({2, 3}, reset))));
    }

    // setpe -off and setpe -w on the entry node, through the API as the tools do it: ID 0
    // and no map, then the cluster's map (kept from before: no node taking part can give it
    // to a node outside the cluster) and the node's ID again; it rejoins the cluster.
    void stopsAndStartsTheEntryNode() {
        const QString clusterMap = mapOf(1);
        QCOMPARE(clusterMap, m_cluster->mapText());
        auto results = wait(m_commands->setParticipating({1}, false));
        QVERIFY2(allOk(results), qPrintable(errorsOf(results)));
        QCOMPARE(settingsOf(1).mospe, 0u);
        QCOMPARE(mapOf(1), QString());
        // The others go on without it.
        const auto two = wait(m_commands->settings(2));
        QVERIFY(!two); // node 1 left: it reaches no peer any more
        QVERIFY2(two.error().message.contains(u"Node 2"_s), qPrintable(two.error().message));

        results = wait(m_commands->setParticipating({1}, true));
        QVERIFY2(allOk(results), qPrintable(errorsOf(results)));
        QCOMPARE(settingsOf(1).mospe, 1u);
        QCOMPARE(mapOf(1), clusterMap);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::count_if(m_session->nodes(),
                                  [](const NodeRecord &r) { return r.alive; }) == 3,
            Slow);
        const auto aggregate = omview::SettingsAggregate::of(allSettings());
        QCOMPARE(aggregate.participating.value, std::optional<bool>(true));
    }

    // The same for a node other than the entry node, every request forwarded by node 1:
    // the stopped node stays reachable for its last map's members, so it can be started
    // again from the console, and its state reads "not taking part" meanwhile.
    void stopsAndStartsAnotherNode() {
        const QString clusterMap = mapOf(1);
        auto results = wait(m_commands->setParticipating({3}, false));
        QVERIFY2(allOk(results), qPrintable(errorsOf(results)));
        QCOMPARE(settingsOf(3).mospe, 0u);
        QCOMPARE(mapOf(3), QString());
        QCOMPARE(omview::SettingsAggregate::of(allSettings()).participating.mixed, true);

        results = wait(m_commands->setParticipating({3}, true));
        QVERIFY2(allOk(results), qPrintable(errorsOf(results)));
        QCOMPARE(settingsOf(3).mospe, 3u);
        QCOMPARE(mapOf(3), clusterMap);
        QCOMPARE(omview::SettingsAggregate::of(allSettings()).participating.value,
                 std::optional<bool>(true));
        // Node 3 gossips again: its table has node 1 alive in it.
        const auto hearsNodeOne = [this] {
            const auto table = wait(m_session->client()->clusterNodes(3));
            return table && std::ranges::any_of(*table, [](const NodeRecord &r) {
                       return r.node.id == 1 && r.alive;
                   });
        };
        QTRY_VERIFY_WITH_TIMEOUT(hearsNodeOne(), Slow);
    }

    // A node that is not in the cluster's map cannot be started; nothing is sent to it.
    void startingANodeOutsideTheMap() {
        const auto results = wait(m_commands->setParticipating({2, 7}, true));
        QCOMPARE(results.size(), 2);
        QVERIFY2(results.at(0).result, qPrintable(errorsOf(results))); // already on: same again
        QCOMPARE(results.at(1).result.error(), u"Node 7: not in the cluster"_s);
        QCOMPARE(settingsOf(2).mospe, 2u);
    }

    // Without a connection nothing is sent and every node says so.
    void notConnected() {
        ClusterSession closed(ConnectionProfile::localSocket(m_cluster->socketPath(1)));
        ClusterCommands commands(&closed);
        SettingsChange change;
        change.speed = 9000;
        QSignalSpy pending(&commands, &ClusterCommands::speedPending);
        const auto results = wait(commands.apply({1, 2}, change));
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(1).result.error(), u"Node 2: not connected to the cluster"_s);
        QVERIFY(pending.isEmpty());
        const auto on = wait(commands.setParticipating({2}, true));
        QCOMPARE(on.first().result.error(), u"Node 2: not connected to the cluster"_s);
        QVERIFY(wait(commands.expel({})).isEmpty());
        QCOMPARE(settingsOf(1).speed, 10000u);
    }
};

QTEST_GUILESS_MAIN(TestClusterCommands)
#include "tst_clustercommands.moc"
