// analyzer.models: the node list (the chart picker) and the statistics table,
// checked by QAbstractItemModelTester while rows come and go, with figures
// compared against the values written to a real collector database.
#include "analyzertestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <omview/analyzer/nodelistmodel.h>
#include <omview/analyzer/statisticsmodel.h>
#include <omview/store/collectorstore.h>

using namespace omview::analyzer;
using namespace analyzertest;
using namespace Qt::StringLiterals;

namespace {

NodeInfo info(NodeId node, std::int64_t lastSeen = 2000) {
    return NodeInfo{node, u"n%1"_s.arg(node), u"10.0.0.%1"_s.arg(node), 1000, lastSeen};
}

} // namespace

class ModelsTest : public QObject {
    Q_OBJECT

private slots:
    void nodeListHasTheClusterFirst();
    void nodeListFollowsTheStore();
    void checkStatePicksCharts();
    void statisticsFollowTheNodes();
    void statisticsMatchTheWrittenValues();
    void statisticsSortByValue();
};

void ModelsTest::nodeListHasTheClusterFirst() {
    NodeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex cluster = model.index(0);
    QCOMPARE(cluster.data(NodeListModel::NodeIdRole).value<NodeId>(), ClusterNode);
    QCOMPARE(cluster.data(NodeListModel::IsClusterRole).toBool(), true);
    QCOMPARE(cluster.data().toString(), u"Cluster"_s);
    QCOMPARE(cluster.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(!cluster.data(NodeListModel::FirstSeenRole).toDateTime().isValid());
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Node"_s);
    QVERIFY(model.roleNames().contains(NodeListModel::NodeIdRole));
}

void ModelsTest::nodeListFollowsTheStore() {
    NodeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setNodes({info(5), info(2)});
    QCOMPARE(model.nodeIds(), (QList<NodeId>{0, 2, 5}));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.index(1).data(NodeListModel::HostnameRole).toString(), u"n2"_s);
    QCOMPARE(model.index(2).data().toString(), u"n5 (node 5)"_s);
    QCOMPARE(model.index(2).data(NodeListModel::LastSeenRole).toDateTime(),
             QDateTime::fromSecsSinceEpoch(2000));

    // The same list again: nothing happens.
    inserted.clear();
    model.setNodes({info(2), info(5)});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 0);

    // A node in between, one gone, one seen later: one signal each, for its row.
    model.setNodes({info(2, 3000), info(3), info(7)});
    QCOMPARE(model.nodeIds(), (QList<NodeId>{0, 2, 3, 7}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2); // node 5's row
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowOf(7), 3);
    QCOMPARE(model.rowOf(5), -1);
    QCOMPARE(model.label(9), u"Node 9"_s);

    model.setNodes({});
    QCOMPARE(model.rowCount(), 1); // the cluster stays
}

void ModelsTest::checkStatePicksCharts() {
    NodeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNodes({info(1), info(2), info(3)});
    QVERIFY(model.flags(model.index(1)).testFlag(Qt::ItemIsUserCheckable));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(2), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!model.isShown(2));
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed.first().at(2).value<QList<int>>().contains(Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(2), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.size(), 1); // no change, no signal
    model.showOnly({0, 3});
    QVERIFY(model.isShown(0));
    QVERIFY(!model.isShown(1));
    QVERIFY(!model.isShown(2));
    QVERIFY(model.isShown(3));
    QVERIFY(!model.setData(model.index(1), u"x"_s, Qt::DisplayRole));
    // New nodes are shown.
    model.setNodes({info(1), info(2), info(3), info(4)});
    QVERIFY(model.isShown(4));
}

void ModelsTest::statisticsFollowTheNodes() {
    NodeListModel nodes;
    StatisticsModel stats(&nodes);
    QAbstractItemModelTester tester(&stats, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(stats.columnCount(), 1 + StatisticsModel::ColumnCount);
    QCOMPARE(stats.headerData(0, Qt::Horizontal).toString(), u"Node"_s);
    QCOMPARE(stats
                 .headerData(stats.proxyColumnForExtraColumn(StatisticsModel::LoadMaxColumn),
                             Qt::Horizontal)
                 .toString(),
             u"Load max"_s);
    nodes.setNodes({info(1), info(2)});
    QCOMPARE(stats.rowCount(), 3);
    // Without figures: a dash, and no value.
    const QModelIndex empty =
        stats.index(1, stats.proxyColumnForExtraColumn(StatisticsModel::LoadMinColumn));
    QCOMPARE(empty.data().toString(), u"–"_s);
    QVERIFY(!empty.data(StatisticsModel::ValueRole).isValid());
    QCOMPARE(empty.data(StatisticsModel::HasDataRole).toBool(), false);
    // The node list's check box stays in the node list.
    QVERIFY(!stats.index(1, 0).data(Qt::CheckStateRole).isValid());
    QVERIFY(!stats.flags(stats.index(1, 0)).testFlag(Qt::ItemIsUserCheckable));

    QSignalSpy changed(&stats, &QAbstractItemModel::dataChanged);
    Stats s;
    s.samples = 10;
    s[Metric::Load] = MetricStats{10, 90, 42.5};
    s[Metric::MemUsed] = MetricStats{1e9, 3e9, 2e9};
    s[Metric::MemTotal] = MetricStats{8e9, 8e9, 8e9};
    stats.setStatistics(2, s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 2);
    stats.setStatistics(2, s);
    QCOMPARE(changed.size(), 1); // unchanged: no signal
    stats.setStatistics(99, s);  // not listed: ignored
    QCOMPARE(changed.size(), 1);
    const auto cell = [&](int row, int column) {
        return stats.index(row, stats.proxyColumnForExtraColumn(column));
    };
    QCOMPARE(cell(2, StatisticsModel::LoadAvgColumn).data(StatisticsModel::ValueRole).toDouble(),
             42.5);
    QCOMPARE(cell(2, StatisticsModel::LoadAvgColumn).data().toString(), u"42.5 %"_s);
    QCOMPARE(
        cell(2, StatisticsModel::MemoryTotalColumn).data(StatisticsModel::ValueRole).toDouble(),
        8e9);
    // As the console writes memory: one decimal (3e9 bytes are 2.79 GiB).
    QCOMPARE(cell(2, StatisticsModel::MemoryMaxColumn).data().toString(),
             u"%1 GiB"_s.arg(QLocale().toString(2.8, 'f', 1)));
    QCOMPARE(
        cell(2, StatisticsModel::SamplesColumn).data(StatisticsModel::NodeIdRole).value<NodeId>(),
        2u);

    // Rows follow the node list; the figures stay with their node.
    nodes.setNodes({info(2), info(3)});
    QCOMPARE(stats.rowCount(), 3);
    QCOMPARE(cell(1, StatisticsModel::LoadMaxColumn).data(StatisticsModel::ValueRole).toDouble(),
             90.0);
    const QList<QStringList> numbers = stats.numbers();
    QCOMPARE(numbers.size(), 4);
    QCOMPARE(numbers[1][0], u"0"_s); // the cluster first
    QCOMPARE(numbers[2][0], u"2"_s);
    QCOMPARE(numbers[2][2], u"10"_s);
    QCOMPARE(numbers[2][4], u"42.500"_s);
    QCOMPARE(numbers[3][4], QString()); // node 3: no figures
    const QList<QStringList> table = stats.table();
    QCOMPARE(table.first().size(), stats.columnCount());
    QCOMPARE(table[1][0], u"Cluster"_s);
    QCOMPARE(table[2][0], u"n2 (node 2)"_s);

    stats.clearStatistics();
    QVERIFY(!stats.statistics(2));
    QCOMPARE(cell(1, StatisticsModel::LoadMaxColumn).data().toString(), u"–"_s);
}

void ModelsTest::statisticsMatchTheWrittenValues() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"stats.db"_s);
    QVERIFY(fillStandard(path));
    auto store = CollectorStore::open(path);
    QVERIFY(store);
    auto listed = (*store)->nodes();
    QVERIFY(listed);
    NodeListModel nodes;
    StatisticsModel stats(&nodes);
    QAbstractItemModelTester tester(&stats, QAbstractItemModelTester::FailureReportingMode::QtTest);
    nodes.setNodes(*listed);
    QCOMPARE(nodes.rowCount(), 1 + static_cast<int>(Nodes));
    // A range with whole hours, whole minutes and loose seconds at both ends.
    const std::int64_t from = Start + 1234;
    const std::int64_t to = Start + 4 * 3600 + 987;
    for (NodeId node : nodes.nodeIds()) {
        auto s = (*store)->stats(node == ClusterNode ? std::nullopt : std::optional<NodeId>(node),
                                 from, to);
        QVERIFY(s);
        stats.setStatistics(node, *s);
    }
    const auto cell = [&](NodeId node, int column) {
        return stats.index(nodes.rowOf(node), stats.proxyColumnForExtraColumn(column))
            .data(StatisticsModel::ValueRole)
            .toDouble();
    };
    for (NodeId node : nodes.nodeIds()) {
        const Expected load = expected(node, Metric::Load, from, to);
        const Expected memory = expected(node, Metric::MemUsed, from, to);
        QCOMPARE(cell(node, StatisticsModel::SamplesColumn), static_cast<double>(load.samples));
        QCOMPARE(cell(node, StatisticsModel::LoadMinColumn), load.min);
        QCOMPARE(cell(node, StatisticsModel::LoadMaxColumn), load.max);
        QCOMPARE(cell(node, StatisticsModel::LoadAvgColumn), load.avg());
        QCOMPARE(cell(node, StatisticsModel::MemoryMinColumn), memory.min);
        QCOMPARE(cell(node, StatisticsModel::MemoryMaxColumn), memory.max);
        QCOMPARE(cell(node, StatisticsModel::MemoryAvgColumn), memory.avg());
    }
    // Node 3 was away for ten minutes of it; node 2's spike is its maximum.
    QCOMPARE(cell(3, StatisticsModel::SamplesColumn), static_cast<double>(to - from + 1 - 600));
    QVERIFY(cell(2, StatisticsModel::LoadMaxColumn) >= 130);
}

void ModelsTest::statisticsSortByValue() {
    NodeListModel nodes;
    StatisticsModel stats(&nodes);
    nodes.setNodes({info(1), info(2), info(3)});
    const double loads[] = {60, 80, 5, 40};
    for (NodeId node : {0u, 1u, 2u, 3u}) {
        Stats s;
        s.samples = 1;
        s[Metric::Load] = MetricStats{loads[node], loads[node], loads[node]};
        stats.setStatistics(node, s);
    }
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&stats);
    sorted.setSortRole(StatisticsModel::ValueRole);
    QAbstractItemModelTester tester(&sorted,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    sorted.sort(stats.proxyColumnForExtraColumn(StatisticsModel::LoadMaxColumn),
                Qt::DescendingOrder);
    QList<NodeId> order;
    for (int row = 0; row < sorted.rowCount(); ++row)
        order.append(sorted.index(row, 0).data(StatisticsModel::NodeIdRole).value<NodeId>());
    QCOMPARE(order, (QList<NodeId>{1, 0, 3, 2}));
}

QTEST_GUILESS_MAIN(ModelsTest)
#include "tst_models.moc"
