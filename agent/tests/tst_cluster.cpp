// Four real agents in four network and PID namespaces: membership and load spread by gossip
// within the documented bounds, each node's load is its own, a stopped node is declared dead.
#include "lineclient.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>
#include <QThread>
#include <optional>

using namespace Qt::StringLiterals;
using namespace omview::integration;

namespace {

constexpr int Nodes = 4;
// docs/peers.md: a change reaches every node of 64 within 16 one-second steps; +1 for the
// step that makes it.
constexpr int ConvergenceMs = 17'000;
// docs/peers.md: dead after 30 steps, plus one for the check and delivery; agent.peers.gossip
// allows 34.
constexpr int DeadMs = 34'000;
// The load is a decaying mean (docs/proc-hpc.md): measured 10 s from idle to one busy CPU's
// worth with two busy loops on a loaded 2-CPU machine.
constexpr int LoadRiseMs = 30'000;

} // namespace

class TestClusterIntegration : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void onlySampledValuesFromTheStart();
    void everyNodeSeesEveryNode();
    void loadSpreadsAndStaysPerNode();
    void stoppedNodeIsDeclaredDead();
    void cleanup();
    void cleanupTestCase();

private:
    // Node @of's table, by node ID.
    std::expected<QHash<int, QJsonObject>, QString> table(int of);
    std::expected<QJsonObject, QString> ownStatus(int node);

    std::optional<TestCluster> m_cluster;
    std::vector<std::unique_ptr<LineClient>> m_clients; // [0] is node 1
    int m_nextId = 100;
    bool m_failed = false;
};

std::expected<QHash<int, QJsonObject>, QString> TestClusterIntegration::table(int of) {
    const auto result = resultOf(m_clients.at(of - 1)->call(u"cluster.nodes"_s, {}, m_nextId++));
    if (!result)
        return std::unexpected(result.error());
    if (!result->isArray())
        return std::unexpected(u"cluster.nodes is not an array"_s);
    QHash<int, QJsonObject> rows;
    for (const QJsonValue &row : result->toArray())
        rows.insert(row.toObject().value(u"id"_s).toInt(), row.toObject());
    return rows;
}

std::expected<QJsonObject, QString> TestClusterIntegration::ownStatus(int node) {
    const auto result = resultOf(m_clients.at(node - 1)->call(u"node.status"_s, {}, m_nextId++));
    if (!result)
        return std::unexpected(result.error());
    return result->toObject();
}

void TestClusterIntegration::initTestCase() {
    m_cluster.emplace(QStringLiteral(INTEGRATION_RUN_DIR) + u"/cluster"_s);
    const auto up = m_cluster->up(Nodes);
    QVERIFY2(up, qPrintable(up ? QString() : up.error()));
    for (int i = 1; i <= Nodes; ++i) {
        auto client = LineClient::connectTo(m_cluster->socket(i));
        QVERIFY2(client, qPrintable(client ? QString() : client.error()));
        const auto hello = resultOf((*client)->hello());
        QVERIFY2(hello, qPrintable(hello ? QString() : hello.error()));
        QCOMPARE(hello->toObject().value(u"node"_s).toInt(), i);
        QVERIFY(hello->toObject().value(u"capabilities"_s).toArray().contains(u"forward"_s));
        m_clients.push_back(std::move(*client));
    }
}

void TestClusterIntegration::onlySampledValuesFromTheStart() {
    // From the moment a socket answers, a node's own status and every row marked alive carry
    // real values: a running node is configured and up (status 1|2), has a speed and memory.
    // Checked over the first two gossip steps, when nodes have not sampled for long.
    const auto invalid = [](const QJsonObject &s) {
        return s.value(u"status"_s).toInt() <= 0 || !(s.value(u"status"_s).toInt() & 2) ||
               s.value(u"speed"_s).toInt() <= 0 || s.value(u"memTotal"_s).toInteger() <= 0;
    };
    QStringList wrong;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 2'000) {
        for (int of = 1; of <= Nodes; ++of) {
            const auto own = ownStatus(of);
            QVERIFY2(own, qPrintable(own ? QString() : own.error()));
            if (invalid(*own))
                wrong.append(u"%1 ms: node %2's node.status %3"_s.arg(clock.elapsed())
                                 .arg(of)
                                 .arg(compact(*own)));
            const auto rows = table(of);
            QVERIFY2(rows, qPrintable(rows ? QString() : rows.error()));
            for (const QJsonObject &row : *rows) {
                if (row.value(u"alive"_s).toBool() && invalid(row))
                    wrong.append(u"%1 ms: node %2's row of node %3 %4"_s.arg(clock.elapsed())
                                     .arg(of)
                                     .arg(row.value(u"id"_s).toInt())
                                     .arg(compact(row)));
            }
        }
        QThread::msleep(100);
    }
    if (!wrong.isEmpty())
        qInfo("%lld unsampled values, the first: %s", wrong.size(), qPrintable(wrong.first()));
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.value(0)));
}

void TestClusterIntegration::everyNodeSeesEveryNode() {
    const auto took = waitUntil(ConvergenceMs, [this]() -> std::optional<QString> {
        for (int of = 1; of <= Nodes; ++of) {
            const auto rows = table(of);
            if (!rows)
                return rows.error();
            for (int id = 1; id <= Nodes; ++id) {
                const QJsonObject row = rows->value(id);
                if (!row.value(u"alive"_s).toBool())
                    return u"node %1 does not see node %2 alive: %3"_s.arg(of).arg(id).arg(
                        compact(row));
                if (row.value(u"address"_s).toString() != u"10.77.0.%1"_s.arg(id))
                    return u"node %1 has node %2 at %3"_s.arg(of).arg(id).arg(
                        row.value(u"address"_s).toString());
            }
            if (rows->size() != Nodes)
                return u"node %1's table has %2 rows"_s.arg(of).arg(rows->size());
        }
        return std::nullopt;
    });
    QVERIFY2(took, qPrintable(took ? QString() : took.error()));
    qInfo("all %d nodes saw all %d alive after %lld ms", Nodes, Nodes, *took);
}

void TestClusterIntegration::loadSpreadsAndStaysPerNode() {
    const auto before = table(1);
    QVERIFY2(before, qPrintable(before ? QString() : before.error()));
    const int loadBefore = before->value(3).value(u"load"_s).toInt();
    qInfo("node 1 has node 3's load at %d before", loadBefore);

    // Two busy loops inside node 3's PID namespace: only node 3 counts them.
    for (int i = 0; i < 2; ++i) {
        const auto started =
            m_cluster->startInNode(3, {u"sh"_s, u"-c"_s, u"while :; do :; done"_s});
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
    }
    // First node 3's own load passes one standard CPU's worth, then gossip carries it.
    constexpr int Busy = 100;
    const auto own = waitUntil(LoadRiseMs, [this]() -> std::optional<QString> {
        const auto s = ownStatus(3);
        if (!s)
            return s.error();
        if (s->value(u"load"_s).toInt() < Busy)
            return u"node 3's own load is %1"_s.arg(s->value(u"load"_s).toInt());
        return std::nullopt;
    });
    QVERIFY2(own, qPrintable(own ? QString() : own.error()));
    qInfo("node 3's own load passed %d after %lld ms", Busy, *own);

    const auto seen = waitUntil(ConvergenceMs, [this]() -> std::optional<QString> {
        const auto rows = table(1);
        if (!rows)
            return rows.error();
        if (rows->value(3).value(u"load"_s).toInt() < Busy)
            return u"node 1 has node 3 at %1"_s.arg(compact(rows->value(3)));
        return std::nullopt;
    });
    QVERIFY2(seen, qPrintable(seen ? QString() : seen.error()));
    qInfo("node 1 saw it %lld ms later", *seen);

    // The other nodes run nothing but their agent.
    for (const int quiet : {1, 2, 4}) {
        const auto s = ownStatus(quiet);
        QVERIFY2(s, qPrintable(s ? QString() : s.error()));
        const int load = s->value(u"load"_s).toInt();
        qInfo("node %d's own load: %d", quiet, load);
        QVERIFY2(
            load < Busy / 2,
            qPrintable(u"node %1's load is %2 while only node 3 is busy"_s.arg(quiet).arg(load)));
    }
    const auto rows = table(1);
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error()));
    QVERIFY2(rows->value(2).value(u"load"_s).toInt() < Busy / 2,
             qPrintable(compact(rows->value(2))));
    m_cluster->stopBackground();
}

void TestClusterIntegration::stoppedNodeIsDeclaredDead() {
    const auto before = table(1);
    QVERIFY2(before, qPrintable(before ? QString() : before.error()));
    const qint64 memTotal = before->value(4).value(u"memTotal"_s).toInteger();
    QVERIFY(memTotal > 0);

    const auto stopped = m_cluster->stop(4);
    QVERIFY2(stopped, qPrintable(stopped ? QString() : stopped.error()));
    m_clients.at(3).reset();

    const auto took = waitUntil(DeadMs, [this]() -> std::optional<QString> {
        for (int of = 1; of <= 3; ++of) {
            const auto rows = table(of);
            if (!rows)
                return rows.error();
            const QJsonObject row = rows->value(4);
            if (row.value(u"alive"_s).toBool())
                return u"node %1 still has node 4 alive (age %2 ms)"_s.arg(of).arg(
                    row.value(u"ageMs"_s).toInteger());
        }
        return std::nullopt;
    });
    QVERIFY2(took, qPrintable(took ? QString() : took.error()));
    qInfo("nodes 1-3 declared node 4 dead %lld ms after it stopped", *took);

    for (int of = 1; of <= 3; ++of) {
        const auto rows = table(of);
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error()));
        const QJsonObject dead = rows->value(4);
        // docs/peers.md: a dead node keeps its last values, with status -ETIMEDOUT.
        QCOMPARE(dead.value(u"status"_s).toInt(), -110);
        QCOMPARE(dead.value(u"memTotal"_s).toInteger(), memTotal);
        QVERIFY2(dead.value(u"ageMs"_s).toInteger() >= 30'000, qPrintable(compact(dead)));
        for (int id = 1; id <= 3; ++id)
            QVERIFY2(rows->value(id).value(u"alive"_s).toBool(),
                     qPrintable(u"node %1 lost node %2: %3"_s.arg(of).arg(id).arg(
                         compact(rows->value(id)))));
    }
}

void TestClusterIntegration::cleanup() {
    m_failed = m_failed || QTest::currentTestFailed();
}

void TestClusterIntegration::cleanupTestCase() {
    m_clients.clear();
    if (m_cluster) {
        if (m_failed)
            for (int i = 1; i <= Nodes; ++i)
                qInfo("node %d's log:\n%s", i, qPrintable(m_cluster->agentLog(i)));
        const auto down = m_cluster->down();
        m_cluster.reset();
        QVERIFY2(down, qPrintable(down ? QString() : down.error()));
    }
}

QTEST_GUILESS_MAIN(TestClusterIntegration)
#include "tst_cluster.moc"
