// Faults in the middle of real moves, each case many times at random moments (the seed is
// printed; OMVIEW_SEED repeats a run): the target's agent killed, the source's agent killed
// and started again, the target's image space full, the PID taken on the target, the
// target's link cut in the middle of the transfer. After
// each, the process exists exactly once, its memory is intact (a checksum it keeps
// verifying), it goes on running, and the reason reported is the true one.
#include "lineclient.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace omview::integration;

namespace {

constexpr int Nodes = 3;
constexpr int Rounds = 10;
constexpr int ConvergenceMs = 17'000;
constexpr int MoveMs = 120'000;
// Long enough that a kill lands in the dump, the transfer or the restore.
constexpr auto HeapMiB = "24";
constexpr int LinkCutRounds = Rounds;
// Node 1's link slowed to this for the link-cut case, so that the transfer takes seconds.
constexpr auto SlowRate = "40mbit";

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMigrationFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void targetAgentKilled();
    void sourceAgentKilled();
    void targetImageSpaceFull();
    void pidTakenOnTarget();
    void linkCutMidTransfer();
    void cleanupTestCase();

private:
    std::expected<LineClient *, QString> client(int node);
    std::expected<QJsonObject, QString> call(int node, const QString &method,
                                             const QJsonObject &params, int timeoutMs = 10'000);
    std::expected<int, QString> start(int node, const QStringList &args);
    QList<int> nodesRunning(int pid);
    // Waits until @pid runs on exactly one node and returns it; 0 with a failure otherwise.
    int runsOnce(int pid, int timeoutMs = 30'000);
    // The heap's check goes on and holds.
    void heapIntact();
    void omcluster(const QStringList &args);
    void waitAlive(int node);
    // Sends a move of m_pid to @target through @via without waiting for its answer.
    void sendMove(int via, int target, int id);
    void bringHome();
    // What node @node's image directory holds (its move directories).
    QString imagesOn(int node);

    std::optional<TestCluster> m_cluster;
    std::map<int, std::unique_ptr<LineClient>> m_clients;
    QTemporaryDir m_files{u"/tmp/omview-faults-XXXXXX"_s};
    QRandomGenerator m_random;
    int m_pid = 0;
    QByteArray m_sum;
    int m_nextId = 100;
    int m_moveMs = 1000;
};

void TestMigrationFaults::initTestCase() {
    QVERIFY(m_files.isValid());
    const QByteArray fromEnv = qgetenv("OMVIEW_SEED");
    const quint32 seed =
        fromEnv.isEmpty() ? QRandomGenerator::system()->generate() : fromEnv.toUInt();
    qInfo("seed %u (OMVIEW_SEED=%u repeats this run)", seed, seed);
    m_random.seed(seed);
    m_cluster.emplace(QStringLiteral(INTEGRATION_RUN_DIR) + u"/faults"_s);
    const auto up = m_cluster->up(Nodes);
    QVERIFY2(up, qPrintable(why(up)));
    for (int n = 1; n <= Nodes; ++n)
        waitAlive(n);
    const auto pid = start(1, {u"heap"_s, QString::fromLatin1(HeapMiB), m_files.filePath(u"heap"_s)});
    QVERIFY2(pid, qPrintable(why(pid)));
    m_pid = *pid;
    QTRY_VERIFY_WITH_TIMEOUT(readFile(m_files.filePath(u"heap"_s)).contains(" ok "), 60'000);
    m_sum = readFile(m_files.filePath(u"heap"_s)).split(' ').value(2).trimmed();
    // One clean move there and back measures how long a move takes here, so that the kills
    // below land anywhere in it: the dump, the transfer, the restore, the commit.
    const auto there = resultOf(call(1, u"proc.migrate"_s, {{u"pid"_s, m_pid}, {u"target"_s, 3}},
                                     MoveMs));
    QVERIFY2(there, qPrintable(why(there)));
    m_moveMs = int(there->toObject().value(u"totalMs"_s).toInteger());
    qInfo("a clean move takes %d ms", m_moveMs);
    const auto back = resultOf(call(1, u"proc.migrate"_s, {{u"pid"_s, m_pid}, {u"target"_s, u"home"_s}},
                                    MoveMs));
    QVERIFY2(back, qPrintable(why(back)));
}

std::expected<LineClient *, QString> TestMigrationFaults::client(int node) {
    auto &slot = m_clients[node];
    if (!slot) {
        auto c = LineClient::connectTo(m_cluster->socket(node));
        if (!c)
            return std::unexpected(c.error());
        if (const auto hello = resultOf((*c)->hello()); !hello)
            return std::unexpected(hello.error());
        slot = std::move(*c);
    }
    return slot.get();
}

std::expected<QJsonObject, QString> TestMigrationFaults::call(int node, const QString &method,
                                                              const QJsonObject &params,
                                                              int timeoutMs) {
    auto c = client(node);
    if (!c)
        return std::unexpected(c.error());
    auto r = (*c)->call(method, params, m_nextId++, timeoutMs);
    if (!r)
        m_clients.erase(node); // a broken connection is made anew next time
    return r;
}

std::expected<int, QString> TestMigrationFaults::start(int node, const QStringList &args) {
    return m_cluster->run(node, QStringList{QStringLiteral(OMWORKLOAD_PATH)} + args);
}

void TestMigrationFaults::omcluster(const QStringList &args) {
    const auto r = runCommand(QStringLiteral(OMCLUSTER_PATH),
                              QStringList{args.first(), m_cluster->stateDir()} + args.mid(1), 60s);
    QVERIFY2(r && r->exitCode == 0, qPrintable(r ? r->describe() : r.error()));
}

void TestMigrationFaults::waitAlive(int node) {
    const auto took = waitUntil(ConvergenceMs, [&]() -> std::optional<QString> {
        for (int via = 1; via <= Nodes; ++via) {
            const auto rows = resultOf(call(via, u"cluster.nodes"_s, {}));
            if (!rows)
                return rows.error();
            for (const QJsonValue &row : rows->toArray())
                if (row.toObject().value(u"id"_s).toInt() == node &&
                    !row.toObject().value(u"alive"_s).toBool())
                    return u"node %1 does not see node %2 alive"_s.arg(via).arg(node);
        }
        return std::nullopt;
    });
    QVERIFY2(took, qPrintable(why(took)));
}

QList<int> TestMigrationFaults::nodesRunning(int pid) {
    // Straight from each node's /proc: its agent may be the one that is down.
    QList<int> out;
    for (int n = 1; n <= Nodes; ++n) {
        const auto r = runCommand(QStringLiteral(OMCLUSTER_PATH),
                                  {u"exec"_s, m_cluster->stateDir(), QString::number(n), u"cat"_s,
                                   u"/proc/%1/stat"_s.arg(pid)},
                                  20s);
        if (!r || r->exitCode != 0)
            continue;
        const QByteArray stat = r->out;
        const qsizetype close = stat.lastIndexOf(')');
        const char state = close > 0 ? stat.at(close + 2) : '?';
        if (stat.contains("(omworkload)") && state != 'Z' && state != 'X')
            out.append(n);
    }
    return out;
}

int TestMigrationFaults::runsOnce(int pid, int timeoutMs) {
    int where = 0;
    const auto took = waitUntil(timeoutMs, [&]() -> std::optional<QString> {
        const QList<int> on = nodesRunning(pid);
        if (on.size() == 1) {
            where = on.first();
            return std::nullopt;
        }
        QStringList names;
        for (int n : on)
            names.append(QString::number(n));
        return u"process %1 exists on nodes [%2]"_s.arg(pid).arg(names.join(u", "_s));
    }, 500);
    if (!took) {
        QTest::qFail(qPrintable(why(took)), __FILE__, __LINE__);
        return 0;
    }
    return where;
}

void TestMigrationFaults::heapIntact() {
    const QString file = m_files.filePath(u"heap"_s);
    const qint64 rounds = readFile(file).split(' ').first().toLongLong();
    // Running, not just present: a stopped copy would not count on.
    QTRY_VERIFY_WITH_TIMEOUT(readFile(file).split(' ').first().toLongLong() > rounds + 1, 30'000);
    const QList<QByteArray> now = readFile(file).split(' ');
    QCOMPARE(now.value(1), QByteArray("ok"));
    QCOMPARE(now.value(2).trimmed(), m_sum);
}

void TestMigrationFaults::sendMove(int via, int target, int id) {
    auto c = client(via);
    QVERIFY2(c, qPrintable(why(c)));
    const QJsonObject request{{u"jsonrpc"_s, u"2.0"_s},
                              {u"id"_s, id},
                              {u"method"_s, u"proc.migrate"_s},
                              {u"params"_s, QJsonObject{{u"pid"_s, m_pid}, {u"target"_s, target}}}};
    QVERIFY((*c)->send(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n'));
}

void TestMigrationFaults::bringHome() {
    const int where = runsOnce(m_pid);
    if (where == 1 || where == 0)
        return;
    // Asked of the home, which finds where it runs. A home that was restarted has lost its
    // record (the emulation keeps /proc/hpc in the agent): then asked of the node it runs
    // on, which knows its guest.
    auto r = resultOf(call(1, u"proc.migrate"_s, {{u"pid"_s, m_pid}, {u"target"_s, u"home"_s}},
                           MoveMs));
    if (!r)
        r = resultOf(call(1, u"proc.migrate"_s,
                          {{u"node"_s, where}, {u"pid"_s, m_pid}, {u"target"_s, u"home"_s}},
                          MoveMs));
    QVERIFY2(r, qPrintable(why(r) + u"\n--- node 1's agent:\n"_s + m_cluster->agentLog(1).right(3000) +
                           u"\n--- node %1's agent:\n"_s.arg(where) +
                           m_cluster->agentLog(where).right(3000)));
    QCOMPARE(runsOnce(m_pid), 1);
}

void TestMigrationFaults::targetAgentKilled() {
    for (int round = 1; round <= Rounds; ++round) {
        const int delay = int(m_random.bounded(20, m_moveMs + m_moveMs / 5 + 21));
        qInfo("round %d: node 2's agent killed %d ms into the move", round, delay);
        const int id = m_nextId++;
        sendMove(1, 2, id);
        QThread::msleep(static_cast<unsigned long>(delay));
        omcluster({u"kill"_s, u"2"_s});
        const auto answer = m_clients.at(1)->receive(MoveMs);
        QVERIFY2(answer, qPrintable(why(answer)));
        omcluster({u"start"_s, u"2"_s});
        if (answer->contains(u"result"_s)) {
            // It was over (or committed) before the kill: it runs on node 2, once.
            qInfo("round %d: moved", round);
            QCOMPARE(answer->value(u"result"_s).toObject().value(u"node"_s).toInt(), 2);
            QCOMPARE(runsOnce(m_pid, 40'000), 2);
        } else {
            const QString reason = reasonOf(*answer);
            QVERIFY2(QStringList({u"unreachable"_s, u"transfer-failed"_s, u"restore-failed"_s,
                                  u"target-refused"_s})
                         .contains(reason),
                     qPrintable(compact(*answer)));
            qInfo("round %d: %s, resumed on node 1", round, qPrintable(reason));
            QCOMPARE(runsOnce(m_pid), 1);
        }
        heapIntact();
        if (QTest::currentTestFailed())
            return;
        waitAlive(2);
        bringHome();
        if (QTest::currentTestFailed())
            return;
    }
}

void TestMigrationFaults::sourceAgentKilled() {
    for (int round = 1; round <= Rounds; ++round) {
        const int delay = int(m_random.bounded(20, m_moveMs + m_moveMs / 5 + 21));
        qInfo("round %d: node 1's agent killed %d ms into the move", round, delay);
        sendMove(1, 3, m_nextId++);
        QThread::msleep(static_cast<unsigned long>(delay));
        omcluster({u"kill"_s, u"1"_s});
        m_clients.erase(1);
        omcluster({u"start"_s, u"1"_s});
        // The restarted source settles the move; the target asks it if it holds a copy.
        const int where = runsOnce(m_pid, 40'000);
        QVERIFY2(where == 1 || where == 3, qPrintable(QString::number(where)));
        qInfo("round %d: the process runs on node %d", round, where);
        heapIntact();
        if (QTest::currentTestFailed())
            return;
        waitAlive(1);
        bringHome();
        if (QTest::currentTestFailed())
            return;
    }
}

void TestMigrationFaults::targetImageSpaceFull() {
    // Node 3's image directory becomes a tmpfs far too small for the heap, inside the node.
    const QString images = m_cluster->stateDir() + u"/n3/images"_s;
    // A copy the rounds before left on node 3, killed but not yet reaped, still holds the PID:
    // the move would be refused as pid-taken before it needed any space.
    const auto freed = waitUntil(20'000, [&]() -> std::optional<QString> {
        const auto r = runCommand(QStringLiteral(OMCLUSTER_PATH),
                                  {u"exec"_s, m_cluster->stateDir(), u"3"_s, u"test"_s, u"-e"_s,
                                   u"/proc/%1"_s.arg(m_pid)},
                                  20s);
        if (r && r->exitCode == 1)
            return std::nullopt;
        return u"PID %1 still taken on node 3"_s.arg(m_pid);
    });
    QVERIFY2(freed, qPrintable(why(freed)));
    omcluster({u"exec"_s, u"3"_s, u"mount"_s, u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=4m,mode=700"_s,
               u"tmpfs"_s, images});
    for (int round = 1; round <= Rounds; ++round) {
        const auto r = call(1, u"proc.migrate"_s, {{u"pid"_s, m_pid}, {u"target"_s, 3}}, MoveMs);
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(reasonOf(*r), u"no-space"_s);
        QCOMPARE(runsOnce(m_pid), 1);
        heapIntact();
        if (QTest::currentTestFailed())
            return;
        // Nothing left behind on the full side either.
        const auto left = runCommand(QStringLiteral(OMCLUSTER_PATH),
                                     {u"exec"_s, m_cluster->stateDir(), u"3"_s, u"ls"_s, images},
                                     20s);
        QVERIFY2(left && left->out.trimmed().isEmpty(), qPrintable(left ? left->describe() : left.error()));
    }
    omcluster({u"exec"_s, u"3"_s, u"umount"_s, images});
}

void TestMigrationFaults::pidTakenOnTarget() {
    for (int round = 1; round <= Rounds; ++round) {
        // The squatter takes the PID on node 2 through ns_last_pid (a zombie of the round
        // before may hold it a moment longer: then again).
        int squatter = 0;
        for (int attempt = 0; attempt < 20 && squatter != m_pid; ++attempt) {
            const auto squat = runCommand(
                QStringLiteral(OMCLUSTER_PATH),
                {u"exec"_s, m_cluster->stateDir(), u"2"_s, u"bash"_s, u"-c"_s,
                 u"exec </dev/null 2>/dev/null; echo %1 > /proc/sys/kernel/ns_last_pid; "
                 u"setsid sleep 600 >/dev/null & echo $!"_s.arg(m_pid - 1)},
                30s);
            QVERIFY2(squat && squat->exitCode == 0,
                     qPrintable(squat ? squat->describe() : squat.error()));
            squatter = squat->out.trimmed().toInt();
            if (squatter != m_pid)
                QThread::msleep(300);
        }
        QCOMPARE(squatter, m_pid);
        const auto r = call(1, u"proc.migrate"_s, {{u"pid"_s, m_pid}, {u"target"_s, 2}}, MoveMs);
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(reasonOf(*r), u"pid-taken"_s);
        QCOMPARE(runsOnce(m_pid), 1);
        heapIntact();
        omcluster({u"exec"_s, u"2"_s, u"pkill"_s, u"-x"_s, u"sleep"_s});
        if (QTest::currentTestFailed())
            return;
    }
}

QString TestMigrationFaults::imagesOn(int node) {
    const auto r = runCommand(QStringLiteral(OMCLUSTER_PATH),
                              {u"exec"_s, m_cluster->stateDir(), QString::number(node), u"ls"_s,
                               m_cluster->stateDir() + u"/n%1/images"_s.arg(node)},
                              20s);
    return r ? QString::fromUtf8(r->out.trimmed()) : r.error();
}

void TestMigrationFaults::linkCutMidTransfer() {
    // Node 1 sends slowly, so that the images take seconds to cross and the cut lands in
    // the transfer, not before the dump or after the restore.
    omcluster({u"exec"_s, u"1"_s, u"tc"_s, u"qdisc"_s, u"add"_s, u"dev"_s, u"eth0"_s, u"root"_s,
               u"tbf"_s, u"rate"_s, QString::fromLatin1(SlowRate), u"burst"_s, u"64kb"_s,
               u"latency"_s, u"1s"_s});
    const auto clean = resultOf(call(1, u"proc.migrate"_s, {{u"pid"_s, m_pid}, {u"target"_s, 2}},
                                     MoveMs));
    QVERIFY2(clean, qPrintable(why(clean)));
    const int slowMs = int(clean->toObject().value(u"totalMs"_s).toInteger());
    qInfo("a move over the slowed link takes %d ms", slowMs);
    QVERIFY2(slowMs > 2000, "the slowed link is not slow: the cut would miss the transfer");
    bringHome();
    for (int round = 1; round <= LinkCutRounds && !QTest::currentTestFailed(); ++round) {
        const int delay = int(m_random.bounded(slowMs / 5, slowMs * 3 / 5));
        qInfo("round %d: node 2's link cut %d ms into the move", round, delay);
        const int id = m_nextId++;
        sendMove(1, 2, id);
        QThread::msleep(static_cast<unsigned long>(delay));
        omcluster({u"exec"_s, u"2"_s, u"ip"_s, u"link"_s, u"set"_s, u"eth0"_s, u"down"_s});
        QElapsedTimer waited;
        waited.start();
        const auto answer = m_clients.at(1)->receive(MoveMs);
        QVERIFY2(answer, qPrintable(why(answer)));
        // Nothing crosses a cut link: the source gives up on its own, and resumes the
        // process, within the chunk timeout and a little more.
        const QString reason = reasonOf(*answer);
        QVERIFY2(reason == u"transfer-failed"_s || reason == u"unreachable"_s,
                 qPrintable(compact(*answer)));
        qInfo("round %d: %s after %lld ms, resumed on node 1", round, qPrintable(reason),
              waited.elapsed());
        QVERIFY2(waited.elapsed() < 25'000, qPrintable(compact(*answer)));
        QCOMPARE(runsOnce(m_pid), 1);
        heapIntact();
        omcluster({u"exec"_s, u"2"_s, u"ip"_s, u"link"_s, u"set"_s, u"eth0"_s, u"up"_s});
        waitAlive(2);
        // The target's half-received images go once it hears from the source that the
        // move was called off: nothing of the process stays there.
        const auto left = waitUntil(40'000, [&]() -> std::optional<QString> {
            const QString held = imagesOn(2);
            if (held.isEmpty())
                return std::nullopt;
            return u"node 2 still holds %1"_s.arg(held);
        }, 1000);
        QVERIFY2(left, qPrintable(why(left)));
        QCOMPARE(runsOnce(m_pid), 1);
    }
    omcluster({u"exec"_s, u"1"_s, u"tc"_s, u"qdisc"_s, u"del"_s, u"dev"_s, u"eth0"_s, u"root"_s});
}

void TestMigrationFaults::cleanupTestCase() {
    m_clients.clear();
    if (m_cluster) {
        const auto down = m_cluster->down();
        QVERIFY2(down, qPrintable(why(down)));
    }
}

QTEST_GUILESS_MAIN(TestMigrationFaults)
#include "tst_migrationfaults.moc"
