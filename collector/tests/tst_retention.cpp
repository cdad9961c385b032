// collector.retention: expired rows of every tier and of the process history
// are pruned in small batches between ticks while ticks keep coming.
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <omview/store/storewriter.h>

using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t Start = 1699999200;
constexpr NodeId Nodes = 4;

// A node's processes at t: a long-running one (pid 100) and a few that
// start every minute and live three minutes.
NodeProcesses processesAt(std::int64_t t, NodeId node) {
    NodeProcesses snapshot;
    snapshot.node = node;
    ProcessSample daemon;
    daemon.pid = 100;
    daemon.ppid = 1;
    daemon.user = u"root"_s;
    daemon.command = u"sshd"_s;
    daemon.cmdline = u"/usr/sbin/sshd -D"_s;
    daemon.state = 'S';
    daemon.cpuTimeMs = (t - Start) * 3;
    daemon.startTimeMs = (Start - 1000) * 1000;
    daemon.home = node;
    snapshot.processes.append(daemon);
    for (std::int64_t minute = (t - Start) / 60 - 2; minute <= (t - Start) / 60; ++minute) {
        if (minute < 0)
            continue;
        ProcessSample job;
        job.pid = static_cast<std::int32_t>(1000 + minute);
        job.ppid = 100;
        job.user = u"ada"_s;
        job.command = u"povray"_s;
        job.cmdline = u"povray frame%1.pov"_s.arg(minute);
        job.state = 'R';
        job.cpuPercent = 99;
        job.cpuTimeMs = (t - (Start + minute * 60)) * 990;
        job.startTimeMs = (Start + minute * 60) * 1000;
        job.rss = 1 << 20;
        job.home = node;
        snapshot.processes.append(job);
    }
    return snapshot;
}

void ingest(StoreWriter &writer, std::int64_t from, std::int64_t count) {
    for (std::int64_t t = from; t < from + count; ++t) {
        Tick tick;
        tick.t = t;
        for (NodeId n = 1; n <= Nodes; ++n)
            tick.nodes.append(sampleAt(t, n));
        if (t % 10 == 0) {
            for (NodeId n = 1; n <= Nodes; ++n)
                tick.processes.append(processesAt(t, n));
        }
        submit(writer, std::move(tick));
    }
}

} // namespace

class RetentionTest : public QObject {
    Q_OBJECT

private slots:
    void prunesWhileIngesting();
    void catchesUpAfterRetentionShrinks();

private:
    QTemporaryDir m_dir;
};

void RetentionTest::prunesWhileIngesting() {
    const QString path = m_dir.filePath(u"retention.db"_s);
    WriterOptions options = testOptions(path);
    options.retention.raw = std::chrono::seconds(300);
    options.retention.minute = std::chrono::seconds(3600);
    options.retention.hour = std::chrono::seconds(86400);
    options.retention.processes = std::chrono::seconds(120);
    options.batchRows = 500;
    auto writer = StoreWriter::open(options);
    QVERIFY(writer);

    const std::int64_t total = 3 * 3600;
    const std::int64_t last = Start + total - 1;
    // In slices, looking at the file in between without stopping the writer.
    for (std::int64_t done = 0; done < total; done += 900) {
        ingest(**writer, Start + done, 900);
        QVERIFY(await((*writer)->flush()));
        const std::int64_t newest = Start + done + 899;
        RawDb db(path);
        // The writer prunes on its own between ticks; give it a moment.
        QTRY_VERIFY_WITH_TIMEOUT(
            db.integer("SELECT min(t) FROM node_raw").value_or(0) >= newest - 300 - 120, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(db.integer("SELECT min(t) FROM proc_snapshots").value_or(0) >=
                                     newest - 120 - 60,
                                 10000);
    }
    const WriterStatus status = (*writer)->status();
    QCOMPARE(status.state, WriterStatus::State::Writing);
    QCOMPARE(status.ticksWritten, total);
    QCOMPARE(status.ticksDropped, 0);
    QVERIFY(await((*writer)->catchUp()));
    (*writer)->close();

    RawDb db(path);
    QCOMPARE(db.integer("SELECT max(t) FROM cluster_raw"), last);
    QCOMPARE(db.integer("SELECT count(*) FROM cluster_raw"), 301);
    QVERIFY(db.integer("SELECT min(t) FROM node_raw") >= last - 300);
    QCOMPARE(db.integer("SELECT count(*) FROM node_raw"), 301 * Nodes);

    // Minute rows: swept once their cutoff moved an hour; none older than the
    // last sweep's cutoff remains, and the sweep did happen.
    const auto swept = db.integer("SELECT value FROM meta WHERE key = 'prune.minute'");
    QVERIFY(swept.has_value());
    QVERIFY(*swept >= last - 3 * 3600);
    QCOMPARE(db.integer("SELECT count(*) FROM node_minute WHERE t < " + std::to_string(*swept)), 0);
    QCOMPARE(db.integer("SELECT count(*) FROM cluster_minute WHERE t < " + std::to_string(*swept)),
             0);
    QVERIFY(db.integer("SELECT count(*) FROM node_minute") > 0);
    // Hour rows are kept a day: all three hours are there (the last one complete
    // only when rolled up).
    QCOMPARE(db.integer("SELECT count(DISTINCT t) FROM node_hour"), 2);

    // Processes: only the last two minutes of snapshots, no sample without its
    // snapshot or process, no process without samples.
    QVERIFY(db.integer("SELECT min(t) FROM proc_snapshots") >= last - 120);
    QCOMPARE(db.integer("SELECT count(*) FROM proc_samples s LEFT JOIN procs p ON p.id = s.proc "
                        "WHERE p.id IS NULL"),
             0);
    QCOMPARE(db.integer("SELECT count(*) FROM proc_samples s LEFT JOIN proc_snapshots ps ON "
                        "ps.id = s.snapshot WHERE ps.id IS NULL"),
             0);
    QCOMPARE(db.integer("SELECT count(*) FROM procs"),
             db.integer("SELECT count(DISTINCT proc) FROM proc_samples"));
    // The long-running process kept its one row from its first snapshot.
    QCOMPARE(db.integer("SELECT count(*) FROM procs WHERE node = 1 AND pid = 100"), 1);
    QCOMPARE(db.integer("SELECT first_t FROM procs WHERE node = 1 AND pid = 100"), Start);
    QCOMPARE(db.integrity(), u"ok"_s);
}

void RetentionTest::catchesUpAfterRetentionShrinks() {
    const QString path = m_dir.filePath(u"shrink.db"_s);
    {
        auto writer = StoreWriter::open(testOptions(path));
        QVERIFY(writer);
        writeTicks(**writer, Start, 7200, 3);
        QVERIFY(await((*writer)->catchUp()));
    }
    {
        RawDb db(path);
        QCOMPARE(db.integer("SELECT count(*) FROM node_raw"), 7200 * 3);
    }
    // Reopened with a short raw retention: the backlog goes in batches of at
    // most batchRows rows while new ticks keep being written.
    WriterOptions options = testOptions(path);
    options.retention.raw = std::chrono::seconds(120);
    options.batchRows = 200;
    auto writer = StoreWriter::open(options);
    QVERIFY(writer);
    const std::int64_t last = Start + 7200 + 600 - 1;
    for (std::int64_t t = Start + 7200; t <= last; t += 60) {
        writeTicks(**writer, t, 60, 3);
        QThread::msleep(5);
    }
    QVERIFY(await((*writer)->flush()));
    RawDb db(path);
    QTRY_VERIFY_WITH_TIMEOUT(db.integer("SELECT min(t) FROM node_raw").value_or(0) >= last - 120,
                             20000);
    const WriterStatus status = (*writer)->status();
    QCOMPARE(status.state, WriterStatus::State::Writing);
    QCOMPARE(status.ticksDropped, 0);
    QCOMPARE(db.integer("SELECT max(t) FROM node_raw"), last);
    // The rolled-up minutes of the pruned seconds are still there.
    QVERIFY(db.integer("SELECT count(*) FROM node_minute WHERE node = 1") >= (7200 + 600) / 60 - 2);
}

QTEST_GUILESS_MAIN(RetentionTest)
#include "tst_retention.moc"
