// Real processes moved by real agents with criu between the nodes of a namespace cluster:
// each workload proves through the file it keeps writing that it still runs, that it runs
// once, and that its memory survived. Refusals and failures leave the process running,
// exactly once, where it was, and say the true reason.
#include "lineclient.h"
#include "testcluster.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace omview::integration;

namespace {

constexpr int Nodes = 4;
constexpr int ConvergenceMs = 17'000; // docs/peers.md
constexpr int MoveMs = 120'000;       // a request's own timeout for a move

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

qint64 counterIn(const QString &path) {
    return readFile(path).trimmed().toLongLong();
}

} // namespace

class TestMigration : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void counterAroundTheCluster();
    void bookkeepingAtHomeAndTarget();
    void heapChecksumHolds();
    void appendedLinesHaveNoGapNoRepeat();
    void threadsKeepCounting();
    void homeGoesBack();
    void socketRefusedBeforeStopping();
    void blockedTargetRefuses();
    void pidTakenOnTargetResumesAtSource();
    void badRequests();
    void cleanupTestCase();

private:
    std::expected<QJsonObject, QString> call(int via, const QString &method,
                                             const QJsonObject &params, int timeoutMs = 10'000) {
        return m_clients.at(via - 1)->call(method, params, m_nextId++, timeoutMs);
    }
    // Starts omworkload with @args inside @node; its PID there.
    std::expected<int, QString> start(int node, const QStringList &args);
    std::expected<QJsonObject, QString> migrate(int via, int pid, const QJsonValue &target) {
        return call(via, u"proc.migrate"_s, {{u"pid"_s, pid}, {u"target"_s, target}}, MoveMs);
    }
    // The nodes whose process list has @pid running omworkload (not a zombie).
    QList<int> nodesRunning(int pid);
    std::optional<QJsonObject> processOn(int node, int pid);
    bool homeSays(int pid, int node);
    QString file(const QString &name) const { return m_files.filePath(name); }
    // Moves @pid to @target and checks the answer and that it runs there only.
    void moveAndCheck(int pid, int target, int via = 1);
    void runsOnlyOn(int pid, int node);

    std::optional<TestCluster> m_cluster;
    std::vector<std::unique_ptr<LineClient>> m_clients;
    QTemporaryDir m_files{u"/tmp/omview-migration-XXXXXX"_s};
    int m_nextId = 100;
};

void TestMigration::initTestCase() {
    QVERIFY(m_files.isValid());
    m_cluster.emplace(QStringLiteral(INTEGRATION_RUN_DIR) + u"/migration"_s);
    const auto up = m_cluster->up(Nodes);
    QVERIFY2(up, qPrintable(why(up)));
    auto clients = connectWhenAlive(m_cluster->sockets(), ConvergenceMs);
    QVERIFY2(clients, qPrintable(why(clients)));
    m_clients = std::move(*clients);
}

std::expected<int, QString> TestMigration::start(int node, const QStringList &args) {
    return m_cluster->run(node, QStringList{QStringLiteral(OMWORKLOAD_PATH)} + args);
}

// Whether the home (node 1) lists @pid as running on @node.
bool TestMigration::homeSays(int pid, int node) {
    const auto list = resultOf(call(1, u"proc.list"_s, {}));
    if (!list)
        return false;
    for (const QJsonValue &v : list->toArray())
        if (v.toObject().value(u"pid"_s).toInt() == pid)
            return v.toObject().value(u"where"_s).toInt() == node;
    return false;
}

std::optional<QJsonObject> TestMigration::processOn(int node, int pid) {
    const auto list = resultOf(call(node, u"proc.list"_s, {}));
    if (!list)
        return std::nullopt;
    for (const QJsonValue &v : list->toArray()) {
        const QJsonObject p = v.toObject();
        if (p.value(u"pid"_s).toInt() == pid && p.value(u"command"_s).toString() == u"omworkload"_s &&
            p.value(u"state"_s).toString() != u"Z"_s && p.value(u"where"_s).toInt() == 0)
            return p;
    }
    return std::nullopt;
}

QList<int> TestMigration::nodesRunning(int pid) {
    QList<int> out;
    for (int n = 1; n <= Nodes; ++n)
        if (processOn(n, pid))
            out.append(n);
    return out;
}

void TestMigration::moveAndCheck(int pid, int target, int via) {
    const auto r = resultOf(migrate(via, pid, target));
    QVERIFY2(r, qPrintable(u"move of %1 to %2: %3\nnode 1 log:\n%4"_s.arg(pid).arg(target).arg(
                               why(r), m_cluster->agentLog(1).right(2000))));
    QCOMPARE(r->toObject().value(u"node"_s).toInt(), target);
    QVERIFY(r->toObject().value(u"bytes"_s).toInteger() > 0);
    runsOnlyOn(pid, target);
}

void TestMigration::runsOnlyOn(int pid, int node) {
    // Process lists are samples, a second apart at most: wait for the next ones.
    const auto took = waitUntil(5'000, [&]() -> std::optional<QString> {
        const QList<int> on = nodesRunning(pid);
        if (on == QList<int>{node})
            return std::nullopt;
        QStringList names;
        for (int n : on)
            names.append(QString::number(n));
        return u"process %1 runs on nodes [%2], not on node %3 alone"_s.arg(pid).arg(
            names.join(u", "_s)).arg(node);
    });
    QVERIFY2(took, qPrintable(why(took)));
}

void TestMigration::counterAroundTheCluster() {
    const auto pid = start(1, {u"count"_s, file(u"count"_s)});
    QVERIFY2(pid, qPrintable(why(pid)));
    QTRY_VERIFY(counterIn(file(u"count"_s)) > 2);
    // Ten moves around the four nodes, back home at the end; the counter goes on rising.
    const QList<int> route{3, 2, 4, 1, 3, 4, 2, 3, 4, 1};
    for (const int target : route) {
        const qint64 before = counterIn(file(u"count"_s));
        moveAndCheck(*pid, target);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY2(counterIn(file(u"count"_s)) > before + 2,
                     qPrintable(u"stopped at %1 on node %2"_s.arg(before).arg(target)));
    }
    const auto home = processOn(1, *pid);
    QVERIFY(home);
    QCOMPARE(home->value(u"nmigs"_s).toInt(), route.size());
    QCOMPARE(home->value(u"where"_s).toInt(), 0);
}

void TestMigration::bookkeepingAtHomeAndTarget() {
    const auto pid = start(1, {u"count"_s, file(u"book"_s)});
    QVERIFY2(pid, qPrintable(why(pid)));
    QTRY_VERIFY(counterIn(file(u"book"_s)) > 1);
    moveAndCheck(*pid, 2);
    // The home keeps the record and lists it with the node it runs on; the target knows it
    // as a guest.
    QTRY_VERIFY_WITH_TIMEOUT(homeSays(*pid, 2), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(processOn(2, *pid) && processOn(2, *pid)->value(u"guest"_s).toBool(),
                             5000);
    QCOMPARE(processOn(2, *pid)->value(u"home"_s).toInt(), 1);
    // A guest moved on from node 2 to node 3: the home hears of it.
    moveAndCheck(*pid, 3, 2);
    QTRY_VERIFY_WITH_TIMEOUT(homeSays(*pid, 3), 5000);
    // Asked at home for a process that runs elsewhere: the home has the node it runs on move it.
    moveAndCheck(*pid, 4, 1);
    moveAndCheck(*pid, 1, 1);
}

void TestMigration::heapChecksumHolds() {
    const auto pid = start(1, {u"heap"_s, u"512"_s, file(u"heap"_s)});
    QVERIFY2(pid, qPrintable(why(pid)));
    QTRY_VERIFY_WITH_TIMEOUT(readFile(file(u"heap"_s)).contains(" ok "), 60'000);
    const QByteArray sum = readFile(file(u"heap"_s)).split(' ').value(2).trimmed();
    moveAndCheck(*pid, 3);
    const qint64 rounds = readFile(file(u"heap"_s)).split(' ').first().toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(readFile(file(u"heap"_s)).split(' ').first().toLongLong() > rounds + 1,
                             30'000);
    const QList<QByteArray> now = readFile(file(u"heap"_s)).split(' ');
    QCOMPARE(now.value(1), QByteArray("ok"));
    QCOMPARE(now.value(2).trimmed(), sum);
    moveAndCheck(*pid, 1);
}

void TestMigration::appendedLinesHaveNoGapNoRepeat() {
    const auto pid = start(1, {u"append"_s, file(u"lines"_s)});
    QVERIFY2(pid, qPrintable(why(pid)));
    QTRY_VERIFY(readFile(file(u"lines"_s)).count('\n') > 5);
    for (const int target : {2, 3, 4, 2, 1}) {
        moveAndCheck(*pid, target);
        if (QTest::currentTestFailed())
            return;
    }
    const qsizetype before = readFile(file(u"lines"_s)).count('\n');
    QTRY_VERIFY(readFile(file(u"lines"_s)).count('\n') > before + 5);
    QVERIFY(resultOf(call(1, u"proc.signal"_s, {{u"pid"_s, *pid}, {u"signal"_s, u"KILL"_s}})));
    QTRY_VERIFY(!processOn(1, *pid));
    const QList<QByteArray> lines = readFile(file(u"lines"_s)).trimmed().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        QVERIFY2(lines[i].toLongLong() == i + 1,
                 qPrintable(u"line %1 reads %2"_s.arg(i + 1).arg(QString::fromUtf8(lines[i]))));
}

void TestMigration::threadsKeepCounting() {
    const auto pid = start(1, {u"threads"_s, u"4"_s, file(u"threads"_s)});
    QVERIFY2(pid, qPrintable(why(pid)));
    QTRY_VERIFY(readFile(file(u"threads"_s)).contains("= "));
    for (const int target : {4, 2, 1}) {
        const QList<QByteArray> before = readFile(file(u"threads"_s)).split(' ');
        moveAndCheck(*pid, target);
        if (QTest::currentTestFailed())
            return;
        // Every thread moved along and goes on counting.
        QTRY_VERIFY([&] {
            const QList<QByteArray> now = readFile(file(u"threads"_s)).split(' ');
            for (int t = 0; t < 4; ++t)
                if (now.value(t).toLongLong() <= before.value(t).toLongLong() + 2)
                    return false;
            return true;
        }());
    }
}

void TestMigration::homeGoesBack() {
    const auto pid = start(1, {u"count"_s, file(u"home"_s)});
    QVERIFY2(pid, qPrintable(why(pid)));
    moveAndCheck(*pid, 4);
    const auto r = resultOf(migrate(1, *pid, u"home"_s));
    QVERIFY2(r, qPrintable(why(r)));
    QCOMPARE(r->toObject().value(u"node"_s).toInt(), 1);
    runsOnlyOn(*pid, 1);
    // Already home: said so, nothing moves.
    const auto again = migrate(1, *pid, 1);
    QVERIFY(again);
    QCOMPARE(errorCodeOf(*again), -32006);
    QCOMPARE(reasonOf(*again), u"already-there"_s);
}

void TestMigration::socketRefusedBeforeStopping() {
    // socat holds a listening TCP socket: refused before anything stops it.
    const auto r = m_cluster->run(1, {u"socat"_s, u"TCP-LISTEN:7777,reuseaddr"_s,
                                      u"OPEN:/dev/null"_s});
    QVERIFY2(r, qPrintable(why(r)));
    const int pid = *r;
    QTest::qWait(300);
    const auto refused = migrate(1, pid, 2);
    QVERIFY2(refused, qPrintable(why(refused)));
    QCOMPARE(errorCodeOf(*refused), -32006);
    const QJsonObject error = refused->value(u"error"_s).toObject();
    QCOMPARE(error.value(u"data"_s).toObject().value(u"reason"_s).toString(), u"cantmove"_s);
    QVERIFY2(error.value(u"message"_s).toString().contains(u"socket"_s), qPrintable(compact(error)));
}

void TestMigration::blockedTargetRefuses() {
    const auto pid = start(1, {u"count"_s, file(u"block"_s)});
    QVERIFY2(pid, qPrintable(why(pid)));
    QVERIFY(resultOf(call(1, u"settings.set"_s, {{u"node"_s, 4}, {u"block"_s, true}})));
    const auto refused = migrate(1, *pid, 4);
    QVERIFY(resultOf(call(1, u"settings.set"_s, {{u"node"_s, 4}, {u"block"_s, false}})));
    QVERIFY2(refused, qPrintable(why(refused)));
    QCOMPARE(reasonOf(*refused), u"target-refused"_s);
    runsOnlyOn(*pid, 1);
    const qint64 before = counterIn(file(u"block"_s));
    QTRY_VERIFY(counterIn(file(u"block"_s)) > before + 2);
}

void TestMigration::pidTakenOnTargetResumesAtSource() {
    const auto pid = start(1, {u"count"_s, file(u"taken"_s)});
    QVERIFY2(pid, qPrintable(why(pid)));
    QTRY_VERIFY(counterIn(file(u"taken"_s)) > 1);
    // On node 3 a process that holds the same PID: ns_last_pid makes the next fork take it.
    const auto squat = runCommand(
        QStringLiteral(OMCLUSTER_PATH),
        {u"exec"_s, m_cluster->stateDir(), u"3"_s, u"bash"_s, u"-c"_s,
         u"exec </dev/null >/dev/null 2>&1; echo %1 > /proc/sys/kernel/ns_last_pid; "
         u"setsid sleep 600 &"_s.arg(*pid - 1)},
        30s);
    QVERIFY2(squat && squat->exitCode == 0, qPrintable(squat ? squat->describe() : squat.error()));
    const auto taken = migrate(1, *pid, 3);
    QVERIFY2(taken, qPrintable(why(taken)));
    QCOMPARE(reasonOf(*taken), u"pid-taken"_s);
    runsOnlyOn(*pid, 1);
    const qint64 before = counterIn(file(u"taken"_s));
    QTRY_VERIFY(counterIn(file(u"taken"_s)) > before + 2);
}

void TestMigration::badRequests() {
    const auto none = migrate(1, 999'999, 2);
    QVERIFY(none);
    QCOMPARE(errorCodeOf(*none), -32001);
    QCOMPARE(reasonOf(*none), u"no-such-process"_s);
    const auto badTarget = call(1, u"proc.migrate"_s, {{u"pid"_s, 1}, {u"target"_s, u"mars"_s}});
    QVERIFY(badTarget);
    QCOMPARE(errorCodeOf(*badTarget), -32602);
    const auto unknownNode = migrate(1, 1, 77);
    QVERIFY(unknownNode);
    QCOMPARE(errorCodeOf(*unknownNode), -32006);
    // The moves' own steps are for peers only.
    const auto internal = call(1, u"migration.commit"_s, {{u"id"_s, u"m1-1-0"_s}});
    QVERIFY(internal);
    QCOMPARE(errorCodeOf(*internal), -32601);
}

void TestMigration::cleanupTestCase() {
    m_clients.clear();
    if (m_cluster) {
        const auto down = m_cluster->down();
        QVERIFY2(down, qPrintable(why(down)));
    }
}

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
