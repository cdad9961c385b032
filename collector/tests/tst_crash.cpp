// collector.crash: a collector killed with SIGKILL while it writes, twenty
// times over, leaves a database that passes PRAGMA integrity_check, holds only
// whole ticks and whole rollups, and is written on by the next collector.
#include "storetestsupport.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

constexpr int Nodes = 40;
constexpr int Rounds = 20;

} // namespace

class CrashTest : public QObject {
    Q_OBJECT

private slots:
    void killNineLeavesAConsistentDatabase();
};

void CrashTest::killNineLeavesAConsistentDatabase() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"crash.db"_s);
    std::int64_t previousLast = 0;
    QRandomGenerator random(20240610);

    for (int round = 0; round < Rounds; ++round) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(CRASHWRITER_PATH), {path, QString::number(Nodes)});
        QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
        QByteArray output;
        QDeadlineTimer deadline(30000);
        while (!output.contains("ready") && writer.state() == QProcess::Running &&
               !deadline.hasExpired()) {
            writer.waitForReadyRead(100);
            output += writer.readAllStandardOutput();
        }
        QVERIFY2(output.contains("ready"), output.constData());
        QVERIFY2(writer.state() == QProcess::Running, "the writer stopped by itself");
        QTest::qWait(static_cast<int>(random.bounded(50, 600)));
        writer.kill(); // SIGKILL: no cleanup, the WAL as it is
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        RawDb db(path);
        QCOMPARE(db.integrity(), u"ok"_s);
        // Whole ticks only: every second has all its nodes and its cluster row.
        const auto ticks = db.integer("SELECT count(*) FROM cluster_raw");
        QVERIFY(ticks.value_or(0) > 0);
        QCOMPARE(db.integer("SELECT count(*) FROM node_raw"), *ticks * Nodes);
        QCOMPARE(
            db.integer("SELECT count(*) FROM cluster_raw WHERE nodes <> " + std::to_string(Nodes)),
            0);
        // Whole snapshots: each has the processes it says.
        QCOMPARE(db.integer("SELECT count(*) FROM proc_snapshots ps WHERE processes <> "
                            "(SELECT count(*) FROM proc_samples s WHERE s.snapshot = ps.id)"),
                 0);
        QCOMPARE(db.integer("SELECT count(*) FROM proc_samples s LEFT JOIN procs p ON p.id = "
                            "s.proc WHERE p.id IS NULL"),
                 0);
        // Whole rollups: a rolled-up minute whose seconds are all still there
        // counts exactly those seconds.
        QCOMPARE(db.integer("SELECT count(*) FROM node_minute m WHERE m.t >= (SELECT min(t) + 60 "
                            "FROM node_raw) AND m.t < (SELECT value FROM meta WHERE key = "
                            "'rollup.minute') AND m.n <> (SELECT count(*) FROM node_raw r WHERE "
                            "r.node = m.node AND r.t >= m.t AND r.t < m.t + 60)"),
                 0);
        // Progress: the next collector went on after the last tick.
        const auto last = db.integer("SELECT max(t) FROM cluster_raw");
        QVERIFY(last.value_or(0) > previousLast);
        previousLast = *last;
    }
    RawDb db(path);
    // Twenty rounds wrote enough for every kind of maintenance to have run.
    QVERIFY(db.integer("SELECT value FROM meta WHERE key = 'rollup.minute'").has_value());
    QVERIFY(db.integer("SELECT count(*) FROM node_minute").value_or(0) > 0);
    QCOMPARE(db.integer("SELECT count(*) FROM node_hour WHERE t = 1699999200"), Nodes);
    QVERIFY(db.integer("SELECT min(t) FROM node_raw") > 1699999200 + 2400); // pruned
    qInfo("%lld ticks over %d kills", static_cast<long long>(previousLast - 1699999200 - 2400),
          Rounds);
}

QTEST_GUILESS_MAIN(CrashTest)
#include "tst_crash.moc"
