// history.models: the process snapshot model, the CPU ranking model and the
// filter proxy over them, fed from a real database and checked by
// QAbstractItemModelTester: row-level updates (never a reset), persistent
// indexes that follow their process, sorting by value, filters.
#include "historytestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <omview/history/cpurankingmodel.h>
#include <omview/history/processfiltermodel.h>
#include <omview/history/processsnapshotmodel.h>
#include <omview/history/textformat.h>
#include <omview/protocol/memorytext.h>
#include <omview/store/collectorstore.h>

using namespace omview::history;
using namespace historytest;
using Tester = QAbstractItemModelTester;

namespace {

ProcessFilterModel::Roles processRoles() {
    return {ProcessSnapshotModel::UserNameRole, ProcessSnapshotModel::CommandRole,
            ProcessSnapshotModel::CommandLineRole, ProcessSnapshotModel::GuestRole,
            ProcessSnapshotModel::SortRole};
}

ProcessFilterModel::Roles rankingRoles() {
    return {CpuRankingModel::UserNameRole, CpuRankingModel::CommandRole,
            CpuRankingModel::CommandLineRole, CpuRankingModel::GuestRole,
            CpuRankingModel::SortRole};
}

int rowOf(const QAbstractItemModel &model, NodeId node, std::int32_t pid, int nodeRole,
          int pidRole) {
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(nodeRole).toUInt() == node && index.data(pidRole).toInt() == pid)
            return row;
    }
    return -1;
}

} // namespace

class ModelsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void snapshotModelUpdatesRowByRow();
    void pidReuseIsAnotherRow();
    void proxySortsByValueAndFilters();
    void rankingModelUpdatesRowByRow();
    void headersAndRoles();
    void memoryNeverShowsFourDigits();

private:
    QList<StoredProcess> snapshot(std::optional<NodeId> node, std::int64_t t) {
        return snapshotAt(node, t).processes;
    }
    ProcessSnapshot snapshotAt(std::optional<NodeId> node, std::int64_t t) {
        auto s = m_store->processSnapshot(node, t);
        if (!s)
            qFatal("%s", qPrintable(s.error().message));
        return *s;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<CollectorStore> m_store;
};

void ModelsTest::initTestCase() {
    const QString path = m_dir.filePath(QStringLiteral("cluster.db"));
    QVERIFY(writeCluster(path));
    auto store = CollectorStore::open(path);
    QVERIFY(store);
    m_store = std::move(*store);
}

void ModelsTest::snapshotModelUpdatesRowByRow() {
    ProcessSnapshotModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    ProcessFilterModel proxy(processRoles());
    proxy.setSourceModel(&model);
    proxy.sort(ProcessSnapshotModel::CpuColumn, Qt::DescendingOrder);
    Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);

    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy proxyResets(&proxy, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setProcesses(snapshot(std::nullopt, S));
    const int sshdRow =
        rowOf(model, 1, 50, ProcessSnapshotModel::NodeRole, ProcessSnapshotModel::PidRole);
    QVERIFY(sshdRow >= 0);
    const QPersistentModelIndex sshd = model.index(sshdRow, ProcessSnapshotModel::CpuTimeColumn);
    const QPersistentModelIndex sshdShown = proxy.mapFromSource(sshd);
    QVERIFY(sshdShown.isValid());

    int insertions = 0, removals = 0, changes = 0;
    for (std::int64_t t = S + Interval; t < End; t += Interval) {
        const ProcessSnapshot at = snapshotAt(std::nullopt, t);
        if (at.t != t) // the collector's outage
            continue;
        const QList<StoredProcess> &next = at.processes;
        inserted.clear();
        removed.clear();
        changed.clear();
        const RowDiff diff = model.setProcesses(next);
        QCOMPARE(inserted.size(), diff.inserted.size());
        QCOMPARE(removed.size(), diff.removed.size());
        QCOMPARE(changed.size(), diff.changed.size());
        insertions += static_cast<int>(diff.inserted.size());
        removals += static_cast<int>(diff.removed.size());
        changes += static_cast<int>(diff.changed.size());
        QCOMPARE(model.rowCount(), next.size());
        // The persistent index follows sshd wherever its row went.
        QVERIFY(sshd.isValid());
        QCOMPARE(sshd.data(ProcessSnapshotModel::PidRole).toInt(), 50);
        QCOMPARE(sshd.data(ProcessSnapshotModel::CpuTimeRole).toLongLong(), (t - (S - 1000)) * 5);
        QVERIFY(sshdShown.isValid());
        QCOMPARE(sshdShown.data(ProcessSnapshotModel::PidRole).toInt(), 50);
    }
    QVERIFY(insertions > 0);
    QVERIFY(removals > 0);
    QVERIFY(changes > 0);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(proxyResets.size(), 0);

    // The same snapshot again changes nothing.
    const QList<StoredProcess> last = snapshot(std::nullopt, End - 1);
    inserted.clear();
    changed.clear();
    QVERIFY(model.setProcesses(last).isEmpty());
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 0);
    // And to nothing: one removal run.
    removed.clear();
    model.setProcesses({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(removed.size(), 1);
}

void ModelsTest::pidReuseIsAnotherRow() {
    ProcessSnapshotModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setProcesses(snapshot(2, S + 490)); // compile, pid 200
    const int compileRow =
        rowOf(model, 2, 200, ProcessSnapshotModel::NodeRole, ProcessSnapshotModel::PidRole);
    QVERIFY(compileRow >= 0);
    const QPersistentModelIndex compile = model.index(compileRow, 0);
    QCOMPARE(compile.data(ProcessSnapshotModel::CommandRole).toString(), QStringLiteral("compile"));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setProcesses(snapshot(2, S + 700)); // python3, pid 200 again
    // Another process: its row is new, compile's row is gone.
    QVERIFY(!compile.isValid());
    QVERIFY(removed.size() >= 1);
    QVERIFY(inserted.size() >= 1);
    const int pythonRow =
        rowOf(model, 2, 200, ProcessSnapshotModel::NodeRole, ProcessSnapshotModel::PidRole);
    QCOMPARE(model.index(pythonRow, 0).data(ProcessSnapshotModel::CommandRole).toString(),
             QStringLiteral("python3"));
    QCOMPARE(model.index(pythonRow, 0).data(ProcessSnapshotModel::StartTimeRole).toLongLong(),
             (S + 700) * 1000);
}

void ModelsTest::proxySortsByValueAndFilters() {
    ProcessSnapshotModel model;
    ProcessFilterModel proxy(processRoles());
    proxy.setSourceModel(&model);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    model.setProcesses(snapshot(std::nullopt, S + 450));
    const int all = model.rowCount();
    // Guests are hidden until asked for.
    QCOMPARE(proxy.rowCount(), all - 1);
    proxy.setShowGuests(true);
    QCOMPARE(proxy.rowCount(), all);

    // Numbers sort as numbers: pid 50 < 100 < 1000 (not "100" < "1000" < "50").
    proxy.sort(ProcessSnapshotModel::PidColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(ProcessSnapshotModel::PidRole).toInt(), 50);
    QCOMPARE(proxy.index(1, 0).data(ProcessSnapshotModel::PidRole).toInt(), 100);
    proxy.sort(ProcessSnapshotModel::CpuColumn, Qt::DescendingOrder);
    double previous = 1e9;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const double cpu =
            proxy.index(row, 0).data(ProcessSnapshotModel::CpuPercentRole).toDouble();
        QVERIFY(cpu <= previous);
        previous = cpu;
    }
    proxy.sort(ProcessSnapshotModel::MemoryColumn, Qt::AscendingOrder);
    for (int row = 1; row < proxy.rowCount(); ++row) {
        QVERIFY(proxy.index(row - 1, 0).data(ProcessSnapshotModel::RssRole).toULongLong() <=
                proxy.index(row, 0).data(ProcessSnapshotModel::RssRole).toULongLong());
    }

    proxy.setUserFilter(QStringLiteral("ALI"));
    QCOMPARE(proxy.rowCount(), 2); // render at home and as a guest on node 2
    proxy.setShowGuests(false);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(ProcessSnapshotModel::WhereRole).toUInt(), 2u);
    proxy.setUserFilter({});
    proxy.setCommandFilter(QStringLiteral("worker-1"));
    for (int row = 0; row < proxy.rowCount(); ++row)
        QVERIFY(proxy.index(row, 0)
                    .data(ProcessSnapshotModel::CommandRole)
                    .toString()
                    .startsWith(QStringLiteral("worker-1")));
    QVERIFY(proxy.rowCount() >= 1);
    // The command line counts too.
    proxy.setCommandFilter(QStringLiteral("--job 50"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(ProcessSnapshotModel::CommandRole).toString(),
             QStringLiteral("sshd"));
    proxy.setCommandFilter(QStringLiteral("  "));
    QCOMPARE(proxy.rowCount(), all - 1);
}

void ModelsTest::rankingModelUpdatesRowByRow() {
    CpuRankingModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    ProcessFilterModel proxy(rankingRoles());
    proxy.setSourceModel(&model);
    proxy.setShowGuests(true);
    proxy.sort(CpuRankingModel::RankColumn, Qt::AscendingOrder);
    Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);

    auto rank = [&](std::int64_t from, std::int64_t to) {
        auto top = m_store->topCpu(std::nullopt, from, to, 500);
        QVERIFY(top);
        model.setRanking(*top, TimeRange{from, to});
        QCOMPARE(model.rowCount(), top->size());
        // The proxy in rank order is the store's order.
        for (int row = 0; row < proxy.rowCount(); ++row) {
            QCOMPARE(proxy.index(row, 0).data(CpuRankingModel::RankRole).toInt(), row + 1);
            QCOMPARE(proxy.index(row, 0).data(CpuRankingModel::ProcIdRole).toLongLong(),
                     top->at(row).procId);
        }
    };
    rank(S + 200, S + 400);
    const int compile = rowOf(model, 2, 200, CpuRankingModel::NodeRole, CpuRankingModel::PidRole);
    const QPersistentModelIndex compileIndex = model.index(compile, 0);
    QCOMPARE(compileIndex.data(CpuRankingModel::CpuTimeRole).toLongLong(), 200000);
    QCOMPARE(compileIndex.data(CpuRankingModel::RankRole).toInt(), 1);
    // 200 s of CPU in 200 s: one CPU busy.
    QCOMPARE(compileIndex.data(CpuRankingModel::AverageCpuRole).toDouble(), 100.0);
    QCOMPARE(model.index(compile, CpuRankingModel::AverageCpuColumn).data().toString(),
             QStringLiteral("100.0 %"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    rank(S + 300, S + 400);
    QVERIFY(compileIndex.isValid());
    QCOMPARE(compileIndex.data(CpuRankingModel::CpuTimeRole).toLongLong(), 100000);
    QVERIFY(changed.size() >= 1);
    rank(S + 600, S + 800); // compile is gone
    QVERIFY(!compileIndex.isValid());
    rank(S, End - 1);
    rank(S + 1100, S + 1200); // the outage: nothing
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.size(), 0);
}

void ModelsTest::headersAndRoles() {
    ProcessSnapshotModel processes;
    CpuRankingModel ranking;
    for (int column = 0; column < ProcessSnapshotModel::ColumnCount; ++column)
        QVERIFY(!processes.headerData(column, Qt::Horizontal).toString().isEmpty());
    for (int column = 0; column < CpuRankingModel::ColumnCount; ++column)
        QVERIFY(!ranking.headerData(column, Qt::Horizontal).toString().isEmpty());
    QCOMPARE(processes.roleNames().value(ProcessSnapshotModel::PidRole), QByteArray("pid"));
    QCOMPARE(ranking.roleNames().value(CpuRankingModel::RankRole), QByteArray("rank"));
    QCOMPARE(ProcessSnapshotModel::stateText('Z'), QStringLiteral("zombie"));

    // Node columns show hostnames once they are known.
    processes.setProcesses(snapshot(1, S + 450));
    const int render =
        rowOf(processes, 1, 100, ProcessSnapshotModel::NodeRole, ProcessSnapshotModel::PidRole);
    const QModelIndex where = processes.index(render, ProcessSnapshotModel::WhereColumn);
    QCOMPARE(where.data().toString(), QStringLiteral("node 2"));
    QSignalSpy changed(&processes, &QAbstractItemModel::dataChanged);
    processes.setNodeNames({{1, hostname(1)}, {2, hostname(2)}, {3, hostname(3)}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(where.data().toString(), QStringLiteral("beta"));
    QCOMPARE(processes.index(render, ProcessSnapshotModel::HomeColumn).data().toString(),
             QStringLiteral("alpha"));
    QCOMPARE(processes.index(render, ProcessSnapshotModel::MigrationsColumn).data().toUInt(), 1u);
}

// As in the console's node table: from 1000 of a unit on, the next unit.
void ModelsTest::memoryNeverShowsFourDigits() {
    constexpr std::uint64_t KiB = 1024;
    constexpr std::uint64_t MiB = 1024 * KiB;
    const auto text = [](double value, const QString &unit) {
        return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', 1), unit);
    };
    QCOMPARE(omview::memoryText(512), QStringLiteral("%1 bytes").arg(QLocale().toString(512)));
    QCOMPARE(omview::memoryText(1000), text(1.0, QStringLiteral("KiB"))); // 0.98 KiB
    QCOMPARE(omview::memoryText(999 * KiB), text(999.0, QStringLiteral("KiB")));
    QCOMPARE(omview::memoryText(1012 * KiB), text(1.0, QStringLiteral("MiB"))); // was "1,012.0 KiB"
    QCOMPARE(omview::memoryText(999 * MiB + 900 * KiB), text(999.9, QStringLiteral("MiB")));
    QCOMPARE(omview::memoryText(999 * MiB + 980 * KiB),
             text(1.0, QStringLiteral("GiB"))); // rounds up
    QCOMPARE(omview::memoryText(1536 * MiB), text(1.5, QStringLiteral("GiB")));
    QCOMPARE(omview::memoryText(std::uint64_t{3} << 40), text(3.0, QStringLiteral("TiB")));

    // The process table's memory column writes RSS that way.
    ProcessSnapshotModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const QList<StoredProcess> processes = snapshot(std::nullopt, S);
    QVERIFY(!processes.isEmpty());
    model.setProcesses(processes);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex memory = model.index(row, ProcessSnapshotModel::MemoryColumn);
        QCOMPARE(memory.data().toString(),
                 omview::memoryText(memory.data(ProcessSnapshotModel::RssRole).toULongLong()));
    }
}

QTEST_MAIN(ModelsTest)
#include "tst_models.moc"
