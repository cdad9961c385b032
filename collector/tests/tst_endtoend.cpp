// collector.endtoend: the real omcollectord recording the real omagentd
// (--hpc=emulated on a private socket): node rows each second, process
// snapshots that show what ran where, a gap while the agent is away, and
// `omcollectord ctl` checkpoint / save / status / stop.
#include "storetestsupport.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <omview/collector/controlclient.h>
#include <omview/store/collectorstore.h>
#include <sys/stat.h>

using namespace omview;
using namespace omview::collector;
using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

std::uint16_t freePort() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

template<class T> T wait(QFuture<T> future) {
    QDeadlineTimer deadline(30000);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(10);
    if (!future.isFinished())
        qFatal("no answer from the collector in 30 s");
    return future.result();
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run ctl(const QString &socket, const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(OMCOLLECTORD_PATH),
            QStringList{u"ctl"_s, u"--control-socket"_s, socket} + args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromLocal8Bit(p.readAllStandardOutput()),
            QString::fromLocal8Bit(p.readAllStandardError())};
}

} // namespace

class EndToEndTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void recordsNodesEverySecond();
    void recordsWhatRanWhere();
    void ctlCheckpointSaveStatus();
    void agentAwayLeavesAGap();
    void ctlStop();

private:
    bool startAgent();
    CollectorStatus status();

    QTemporaryDir m_dir;
    QString m_agentSocket, m_controlSocket, m_database;
    QStringList m_agentArgs;
    QProcess m_agent, m_collector;
    std::unique_ptr<ControlClient> m_client;
};

bool EndToEndTest::startAgent() {
    m_agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_agent.start(QStringLiteral(OMAGENTD_PATH), m_agentArgs);
    if (!m_agent.waitForStarted(10000))
        return false;
    QDeadlineTimer deadline(15000);
    while (!QFile::exists(m_agentSocket) && !deadline.hasExpired())
        QTest::qWait(50);
    return QFile::exists(m_agentSocket);
}

CollectorStatus EndToEndTest::status() {
    auto s = wait(m_client->status());
    if (!s)
        qWarning("status: %s", qPrintable(s.error().message));
    return s.value_or(CollectorStatus{});
}

void EndToEndTest::initTestCase() {
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    m_agentSocket = m_dir.filePath(u"omagentd.sock"_s);
    m_controlSocket = m_dir.filePath(u"omcollectord.sock"_s);
    m_database = m_dir.filePath(u"history.db"_s);
    {
        // Node 1 is this agent; node 2 is mapped but never answers.
        QFile map(m_dir.filePath(u"openmosix.map"_s));
        QVERIFY(map.open(QIODevice::WriteOnly));
        map.write("1 127.0.0.1 2\n");
        QFile key(m_dir.filePath(u"cluster.key"_s));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("omview collector test key, 32 bytes or more of secret\n");
        key.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    const QString port = QString::number(freePort());
    m_agentArgs = {u"--hpc=emulated"_s,
                   u"--socket"_s,
                   m_agentSocket,
                   u"--map"_s,
                   m_dir.filePath(u"openmosix.map"_s),
                   u"--node-id"_s,
                   u"1"_s,
                   u"--cluster-key"_s,
                   m_dir.filePath(u"cluster.key"_s),
                   u"--gossip-port"_s,
                   port,
                   u"--channel-port"_s,
                   port,
                   u"--admin-group"_s,
                   u"nogroup"_s};
    QVERIFY2(startAgent(), "omagentd did not come up");

    m_collector.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_collector.start(QStringLiteral(OMCOLLECTORD_PATH),
                      {u"--database"_s, m_database, u"--control-socket"_s, m_controlSocket,
                       u"--agent-socket"_s, m_agentSocket, u"--process-interval"_s, u"2s"_s});
    QVERIFY(m_collector.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_controlSocket), 15000);
    m_client = std::make_unique<ControlClient>(m_controlSocket);
    QTRY_VERIFY_WITH_TIMEOUT(status().ticksWritten >= 6, 30000);
}

void EndToEndTest::cleanupTestCase() {
    m_client.reset();
    for (QProcess *p : {&m_collector, &m_agent}) {
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(10000))
                p->kill();
        }
    }
}

// Node rows appear once a second. The collector writes a row in a second only when a new sample
// arrived in it, so on a loaded machine a second can go without one (a late timer in the agent
// or the collector): the test waits for rows rather than counting seconds, and asks only that
// no hole is long enough to show as a gap.
void EndToEndTest::recordsNodesEverySecond() {
    const CollectorStatus s = status();
    QCOMPARE(s.state, u"writing"_s);
    QCOMPARE(s.agentState, u"connected"_s);
    QCOMPARE(s.agentNode, std::optional<std::int64_t>(1));
    QCOMPARE(s.ticksDropped, 0);
    // Nodes in the last tick: 0 when that second had no new sample.
    QTRY_COMPARE_WITH_TIMEOUT(status().nodes, 1, 30000);

    auto store = CollectorStore::open(m_database);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    auto nodes = (*store)->nodes();
    QVERIFY(nodes);
    QCOMPARE(nodes->size(), 1); // node 2 never answered: no row, no invented values
    QCOMPARE(nodes->first().node, 1u);
    QCOMPARE(nodes->first().address, u"127.0.0.1"_s);

    // Ticks with a process snapshot but no new node sample count in ticksWritten too.
    std::optional<TimeRange> range;
    QList<SampleRow> rows;
    const auto rowsSoFar = [&] {
        auto r = (*store)->range();
        if (!r || !*r)
            return qsizetype(0);
        range = **r;
        rows = (*store)->samples(1, range->first, range->last).value_or(QList<SampleRow>{});
        return rows.size();
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowsSoFar() >= 5, 60000);
    for (const SampleRow &row : std::as_const(rows)) {
        QVERIFY(row.sample.memTotal > 0);
        QVERIFY(row.sample.memUsed <= row.sample.memTotal);
        QVERIFY(row.sample.cpus >= 1);
        QVERIFY(row.sample.status & 2); // up
    }
    QStringList times;
    for (const SampleRow &row : std::as_const(rows))
        times.append(QString::number(row.t));
    const QByteArray seconds = times.join(u' ').toUtf8();
    // Every second, a late one left out now and then: never a hole that reads as a gap, and
    // rows in most of the seconds.
    for (qsizetype i = 1; i < rows.size(); ++i)
        QVERIFY2(rows.at(i).t - rows.at(i - 1).t <= gapThreshold(Tier::Raw), seconds.constData());
    const std::int64_t span = rows.last().t - rows.first().t + 1;
    QVERIFY2(2 * rows.size() >= span, seconds.constData());

    SeriesQuery q;
    q.metric = Metric::MemTotal;
    q.from = range->first;
    q.to = range->last;
    auto line = (*store)->series(q);
    QVERIFY(line);
    QCOMPARE(line->points.size(), rows.size());
    QCOMPARE(line->points.first().value, static_cast<double>(rows.first().sample.memTotal));
    QVERIFY(std::ranges::none_of(line->points, &SeriesPoint::gapBefore));

    // And it goes on recording.
    const std::int64_t last = rows.last().t;
    QTRY_VERIFY_WITH_TIMEOUT(
        !(*store)->samples(1, last + 1, QDateTime::currentSecsSinceEpoch() + 1).value().isEmpty(),
        15000);
}

void EndToEndTest::recordsWhatRanWhere() {
    QTRY_VERIFY_WITH_TIMEOUT(status().processNodes == 1, 15000);
    auto store = CollectorStore::open(m_database);
    QVERIFY(store);
    ProcessSnapshot snapshot;
    QTRY_VERIFY_WITH_TIMEOUT(
        (snapshot = (*store)
                        ->processSnapshot(1, QDateTime::currentSecsSinceEpoch())
                        .value_or(ProcessSnapshot{}))
            .t.has_value(),
        15000);
    QVERIFY(snapshot.processes.size() > 3);
    const auto agent = std::ranges::find_if(snapshot.processes, [&](const StoredProcess &p) {
        return p.sample.pid == static_cast<std::int32_t>(m_agent.processId());
    });
    QVERIFY2(agent != snapshot.processes.end(), "omagentd is not in its own node's snapshot");
    QCOMPARE(agent->node, 1u);
    QCOMPARE(agent->sample.command, u"omagentd"_s);
    QCOMPARE(agent->sample.where, 0u); // runs at home
    QVERIFY(agent->sample.rss > 0);
    // The collector itself, seen by the agent on the same node.
    QVERIFY(std::ranges::any_of(snapshot.processes, [&](const StoredProcess &p) {
        return p.sample.pid == static_cast<std::int32_t>(m_collector.processId());
    }));

    const std::int64_t t = *snapshot.t;
    QTRY_VERIFY_WITH_TIMEOUT((*store)->processSnapshot(1, t + 10).value().t.value_or(0) > t, 15000);
    auto top = (*store)->topCpu(std::nullopt, t - 60, t + 60, 5);
    QVERIFY(top);
    QVERIFY(!top->isEmpty());
}

void EndToEndTest::ctlCheckpointSaveStatus() {
    Run checkpoint = ctl(m_controlSocket, {u"checkpoint"_s, u"end-to-end"_s});
    QCOMPARE(checkpoint.exitCode, 0);
    QVERIFY2(checkpoint.out.contains(u"end-to-end"_s), qPrintable(checkpoint.out));

    const QString saved = m_dir.filePath(u"saved.db"_s);
    Run save = ctl(m_controlSocket, {u"save"_s, u"now-1h"_s, u"now"_s, saved});
    QCOMPARE(save.exitCode, 0);
    QVERIFY2(save.out.contains(saved), qPrintable(save.out + save.err));
    auto copy = CollectorStore::open(saved);
    QVERIFY2(copy, copy ? "" : qPrintable(copy.error().message));
    auto checkpoints = (*copy)->checkpoints(0, QDateTime::currentSecsSinceEpoch() + 10);
    QVERIFY(checkpoints);
    QCOMPARE(checkpoints->size(), 1);
    QCOMPARE(checkpoints->first().label, u"end-to-end"_s);
    QVERIFY((*copy)->samples(1, 0, QDateTime::currentSecsSinceEpoch())->size() >= 5);
    RawDb db(saved);
    QCOMPARE(db.integrity(), u"ok"_s);

    // Saving over it again is refused, with the reason.
    Run again = ctl(m_controlSocket, {u"save"_s, u"now-1h"_s, u"now"_s, saved});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(u"exists"_s), qPrintable(again.err));

    Run st = ctl(m_controlSocket, {u"status"_s});
    QCOMPARE(st.exitCode, 0);
    QVERIFY2(st.out.contains(u"connected, node 1"_s), qPrintable(st.out));
    QVERIFY(st.out.contains(m_database));
}

void EndToEndTest::agentAwayLeavesAGap() {
    m_agent.terminate();
    QVERIFY(m_agent.waitForFinished(10000));
    const std::int64_t away = QDateTime::currentSecsSinceEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(status().agentState != u"connected"_s, 10000);
    QTest::qWait(4000);
    const std::int64_t back = QDateTime::currentSecsSinceEpoch();
    QVERIFY(startAgent());
    QTRY_VERIFY_WITH_TIMEOUT(status().agentState == u"connected"_s, 40000);
    const std::int64_t reconnected = QDateTime::currentSecsSinceEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(status().lastTick.value_or(0) >= reconnected + 2, 15000);

    auto store = CollectorStore::open(m_database);
    QVERIFY(store);
    auto rows = (*store)->samples(1, away - 30, QDateTime::currentSecsSinceEpoch());
    QVERIFY(rows);
    // No row while the agent was away, and rows again after it came back.
    QVERIFY(std::ranges::none_of(*rows,
                                 [&](const SampleRow &r) { return r.t > away + 1 && r.t < back; }));
    QVERIFY(std::ranges::any_of(*rows, [&](const SampleRow &r) { return r.t > reconnected; }));
    SeriesQuery q;
    q.node = 1;
    q.from = away - 30;
    q.to = QDateTime::currentSecsSinceEpoch();
    auto line = (*store)->series(q);
    QVERIFY(line);
    QCOMPARE(std::ranges::count_if(line->points, &SeriesPoint::gapBefore), 1);
}

void EndToEndTest::ctlStop() {
    Run stop = ctl(m_controlSocket, {u"stop"_s});
    QCOMPARE(stop.exitCode, 0);
    QVERIFY(m_collector.waitForFinished(15000));
    QCOMPARE(m_collector.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_collector.exitCode(), 0);
    QVERIFY(!QFile::exists(m_controlSocket));
    RawDb db(m_database);
    QCOMPARE(db.integrity(), u"ok"_s);
    Run gone = ctl(m_controlSocket, {u"status"_s});
    QCOMPARE(gone.exitCode, 1);
    QVERIFY2(gone.err.contains(u"is omcollectord running?"_s), qPrintable(gone.err));
}

QTEST_GUILESS_MAIN(EndToEndTest)
#include "tst_endtoend.moc"
