// ProcessTable over a /proc made of plain files: adoption, and what becomes of an entry whose
// PID another process took between two scans.
#include "processtable.h"
#include "procfs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace omview::hpc;

namespace {

// One user process in a fake /proc: its stat line with @startTime (field 22).
void writeStat(const QTemporaryDir &root, Pid pid, std::uint64_t startTime) {
    const QString rel = QStringLiteral("%1/stat").arg(pid);
    QVERIFY(QDir(root.path()).mkpath(QString::number(pid)));
    QFile f(root.filePath(rel));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    // All 52 fields of Linux 6.x, as a sleeping single-threaded user process shows them.
    f.write(QStringLiteral("%1 (w) S 1 %1 %1 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 %2 2621440 "
                           "200 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 "
                           "0 0 0 0 0 0\n")
                .arg(pid)
                .arg(startTime)
                .toLatin1());
}

} // namespace

class ProcessTableTest : public QObject {
    Q_OBJECT

private slots:
    void adoptsAProcessForkedSinceTheScan() {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const ProcFs fs(root.path());
        ProcessTable table(fs);
        QVERIFY(!table.findOrAdopt(6));
        writeStat(root, 6, 100);
        TrackedProcess *p = table.findOrAdopt(6);
        QVERIFY(p);
        QCOMPARE(p->startTime, 100u);
        QCOMPARE(table.findOrAdopt(6), p);
    }

    void aPidTakenSinceTheScanIsTheNewProcess() {
        // A guest left under PID 6 and another arrived under it before the next scan: the
        // flag the agent sets now belongs to the newcomer and stays after the scan.
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const ProcFs fs(root.path());
        ProcessTable table(fs);
        writeStat(root, 6, 100);
        table.scan(hpc_decay_params{});
        QVERIFY(table.find(6));
        table.find(6)->locked = true;
        table.find(6)->nmigs = 3;
        writeStat(root, 6, 200);
        TrackedProcess *p = table.findOrAdopt(6);
        QVERIFY(p);
        QCOMPARE(p->startTime, 200u);
        QVERIFY(!p->locked); // the old process's lock is not the newcomer's
        QCOMPARE(p->nmigs, 0u);
        p->guest = true;
        p->home = 1;
        table.scan(hpc_decay_params{});
        QVERIFY(table.find(6));
        QVERIFY(table.find(6)->guest);
        QCOMPARE(table.find(6)->home, 1u);
    }

    void anAwayEntryKeepsItsRecord() {
        // Away, the PID here may belong to another process (or to the one arriving home,
        // stopped): the home's record is not replaced.
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const ProcFs fs(root.path());
        ProcessTable table(fs);
        writeStat(root, 6, 100);
        table.scan(hpc_decay_params{});
        table.find(6)->where = 2;
        table.find(6)->nmigs = 1;
        writeStat(root, 6, 300);
        TrackedProcess *p = table.findOrAdopt(6);
        QVERIFY(p);
        QCOMPARE(p->where, 2u);
        QCOMPARE(p->nmigs, 1u);
        QCOMPARE(p->startTime, 100u);
        // Nor by the scan, whether the process under the PID runs (criu's restorer, or a
        // stranger) or sleeps: only `where PID 0` or its exit ends the record.
        table.scan(hpc_decay_params{});
        QVERIFY(table.find(6));
        QCOMPARE(table.find(6)->where, 2u);
        QCOMPARE(table.find(6)->nmigs, 1u);
    }
};

QTEST_GUILESS_MAIN(ProcessTableTest)
#include "tst_processtable.moc"
