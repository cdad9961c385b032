// NodeTableModel under QAbstractItemModelTester (fatal) — alone, flattened by
// KDescendantsProxyModel and filtered recursively by QSortFilterProxyModel, as the
// nodes view uses it — while sequences of tables are applied; the signals of an update
// (only the changed cells, never a reset); states, pending speeds and the efficiency;
// and the model following a session to real agents.
#include "agentcluster.h"

#include <KDescendantsProxyModel>
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <omview/console/clustercommands.h>
#include <omview/console/clustersession.h>
#include <omview/console/nodetablemodel.h>

using namespace Qt::StringLiterals;
using omview::NodeId;
using omview::NodeRecord;
using omview::NodeTableModel;
using State = omview::NodeTableModel::NodeState;

namespace {

constexpr int Slow = 60000;
constexpr std::uint64_t GiB = 1024ull * 1024 * 1024;

NodeRecord record(NodeId id, std::uint32_t load = 100, std::uint64_t memUsed = 2 * GiB,
                  bool alive = true) {
    NodeRecord r;
    r.node.id = id;
    r.node.address = u"10.0.0.%1"_s.arg(id);
    r.node.hostname = u"n%1"_s.arg(id);
    r.node.status = alive ? omview::StatusConfigured | omview::StatusUp : -101;
    r.node.load = load;
    r.node.cpus = 4;
    r.node.speed = 10000;
    r.node.memTotal = 8 * GiB;
    r.node.memUsed = memUsed;
    r.node.memAvailable = r.node.memTotal - memUsed;
    r.node.sampledAt = 1718000000000 + id;
    r.ageMs = alive ? 300 : 45000;
    r.alive = alive;
    return r;
}

QList<NodeRecord> records(std::initializer_list<NodeId> ids) {
    QList<NodeRecord> out;
    for (NodeId id : ids)
        out.append(record(id));
    return out;
}

// The tables a console sees over a while: nodes appearing, vanishing, out of order,
// repeated, values and states changing, the connection going and coming back.
QList<QList<NodeRecord>> sequence() {
    QList<QList<NodeRecord>> steps;
    steps.append(QList<NodeRecord>{});
    steps.append(records({1, 2, 3}));
    steps.append(records({1, 3}));
    steps.append(records({1, 2, 3, 4, 5}));
    steps.append(records({5, 4, 1}));
    auto changed = records({1, 4, 5, 9});
    changed[0].node.load = 350;
    changed[1] = record(4, 0, GiB, false);
    changed[2].node.speed = 20000;
    steps.append(changed);
    auto repeated = records({2, 2, 7, 1});
    repeated[1].node.load = 777; // the later entry counts
    steps.append(repeated);
    steps.append(QList<NodeRecord>{}); // stands for setDisconnected() in run()
    steps.append(records({1, 2, 7}));
    QList<NodeRecord> many;
    for (NodeId id = 1; id <= 300; id += 3)
        many.append(record(id, id % 500));
    steps.append(many);
    steps.append(records({150}));
    steps.append(QList<NodeRecord>{});
    return steps;
}

void run(NodeTableModel &model) {
    const auto steps = sequence();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (i == 7) {
            model.setDisconnected();
            continue;
        }
        model.applyRecords(steps.at(i));
        QList<NodeId> expected;
        for (const NodeRecord &r : steps.at(i))
            expected.append(r.node.id);
        std::ranges::sort(expected);
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        QCOMPARE(model.nodeIds(), expected);
        QCOMPARE(model.rowCount(model.clusterIndex()), expected.size());
    }
}

struct Spies {
    explicit Spies(QAbstractItemModel *m)
        : dataChanged(m, &QAbstractItemModel::dataChanged)
        , inserted(m, &QAbstractItemModel::rowsInserted)
        , removed(m, &QAbstractItemModel::rowsRemoved)
        , reset(m, &QAbstractItemModel::modelReset)
        , layout(m, &QAbstractItemModel::layoutChanged)
        , moved(m, &QAbstractItemModel::rowsMoved) {}
    QSignalSpy dataChanged, inserted, removed, reset, layout, moved;
    bool noStructure() const {
        return inserted.isEmpty() && removed.isEmpty() && reset.isEmpty() && layout.isEmpty() &&
               moved.isEmpty();
    }
};

// The (row, first column, last column) of each dataChanged of node rows, and whether
// the cluster row changed.
struct Changes {
    QList<std::tuple<int, int, int, int>> nodeCells; // top row, bottom row, left, right
    int clusterSignals = 0;
};

Changes changesOf(const QSignalSpy &spy) {
    Changes c;
    for (const auto &args : spy) {
        const auto tl = args.at(0).value<QModelIndex>();
        const auto br = args.at(1).value<QModelIndex>();
        if (!tl.parent().isValid())
            ++c.clusterSignals;
        else
            c.nodeCells.append({tl.row(), br.row(), tl.column(), br.column()});
    }
    return c;
}

} // namespace

class TestNodeTableModel : public QObject {
    Q_OBJECT

private slots:
    void shape() {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(NodeTableModel::ColumnCount));
        const QModelIndex cluster = model.clusterIndex();
        QVERIFY(cluster.isValid());
        QCOMPARE(cluster.data(NodeTableModel::IsClusterRole).toBool(), true);
        QCOMPARE(cluster.data().toString(), u"Cluster"_s);
        QCOMPARE(cluster.data(NodeTableModel::NodeStateRole).value<State>(), State::Unknown);
        QCOMPARE(model.rowCount(cluster), 0);
        model.applyRecords(records({2, 1}));
        QCOMPARE(model.rowCount(cluster), 2);
        const QModelIndex n2 = model.indexOfNode(2, NodeTableModel::AddressColumn);
        QCOMPARE(n2.row(), 1);
        QCOMPARE(n2.parent(), cluster);
        QCOMPARE(n2.data().toString(), u"10.0.0.2"_s);
        QCOMPARE(n2.data(NodeTableModel::HostnameRole).toString(), u"n2"_s);
        QVERIFY(!model.indexOfNode(9).isValid());
        QVERIFY(model.roleNames().value(NodeTableModel::NodeIdRole) == "nodeId");
        QCOMPARE(model.headerData(NodeTableModel::LoadColumn, Qt::Horizontal).toString(),
                 u"Load"_s);
        QVERIFY(model.flags(model.indexOfNode(1, NodeTableModel::SpeedColumn)) &
                Qt::ItemIsEditable);
        QVERIFY(
            !(model.flags(model.clusterIndex(NodeTableModel::SpeedColumn)) & Qt::ItemIsEditable));
    }

    void testerThroughASequence() {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        run(model);
    }

    // The view shows the tree flattened (the cluster row above its nodes).
    void testerOnTheFlattenedModel() {
        NodeTableModel model;
        KDescendantsProxyModel flat;
        flat.setSourceModel(&model);
        QAbstractItemModelTester tester(&flat,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyRecords(records({1, 2, 3}));
        QCOMPARE(flat.rowCount(), 4);
        QCOMPARE(flat.index(0, 0).data(NodeTableModel::IsClusterRole).toBool(), true);
        QCOMPARE(flat.index(3, 0).data(NodeTableModel::NodeIdRole).toUInt(), 3u);
        run(model);
        QCOMPARE(flat.rowCount(), 1);
    }

    // Filtering by name keeps the cluster row above the matching nodes; sorting by load
    // follows the updates.
    void testerOnTheFilteredModel() {
        NodeTableModel model;
        QSortFilterProxyModel filter;
        filter.setSourceModel(&model);
        filter.setRecursiveFilteringEnabled(true);
        filter.setFilterKeyColumn(NodeTableModel::AddressColumn);
        filter.setSortRole(NodeTableModel::SortRole);
        filter.setDynamicSortFilter(true);
        filter.sort(NodeTableModel::LoadColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        KDescendantsProxyModel flat;
        flat.setSourceModel(&filter);
        QAbstractItemModelTester flatTester(&flat,
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);

        auto table = records({1, 2, 3, 12});
        table[0].node.load = 50;
        table[1].node.load = 300;
        table[2].node.load = 100;
        model.applyRecords(table);
        filter.setFilterRegularExpression(u"^10\\.0\\.0\\.1"_s);
        const QModelIndex cluster = filter.index(0, 0);
        QCOMPARE(filter.rowCount(cluster), 2); // 1 and 12
        QCOMPARE(flat.rowCount(), 3);
        filter.setFilterRegularExpression(QString());
        QCOMPARE(filter.rowCount(cluster), 4);
        QCOMPARE(filter.index(0, 0, cluster).data(NodeTableModel::NodeIdRole).toUInt(), 2u);
        table[0].node.load = 900; // node 1 now the busiest
        model.applyRecords(table);
        QCOMPARE(filter.index(0, 0, cluster).data(NodeTableModel::NodeIdRole).toUInt(), 1u);
        filter.setFilterRegularExpression(u"10\\.0\\.0\\.[12]$"_s);
        run(model);
    }

    // One node's load changes: dataChanged for that row's load cell (and the cluster
    // row's sums), nothing else; no reset, no layout change, no rows.
    void oneLoadChangeSignalsOneCell() {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto table = records({1, 2, 3, 4, 5});
        model.applyRecords(table);
        Spies spies(&model);
        table[2].node.load = 250; // node 3
        for (NodeRecord &r : table) {
            r.ageMs += 500; // every record is newer, as in every real update
            r.node.sampledAt += 1000;
        }
        model.applyRecords(table);
        QVERIFY(spies.noStructure());
        const Changes c = changesOf(spies.dataChanged);
        QCOMPARE(c.nodeCells.size(), 1);
        QCOMPARE(c.nodeCells.first(), std::make_tuple(2, 2, int(NodeTableModel::LoadColumn),
                                                      int(NodeTableModel::LoadColumn)));
        QVERIFY(c.clusterSignals >= 1); // the cluster's load and efficiency
        QCOMPARE(model.indexOfNode(3, NodeTableModel::LoadColumn)
                     .data(NodeTableModel::LoadRole)
                     .toUInt(),
                 250u);
        QCOMPARE(model.indexOfNode(3, NodeTableModel::LoadColumn).data().toString(), u"63 %"_s);
    }

    // Nothing shown changed (the samples are newer, values moved below what the cells
    // show): no signal at all.
    void sameValuesSignalNothing() {
        NodeTableModel model;
        auto table = records({1, 2, 3});
        model.applyRecords(table);
        Spies spies(&model);
        for (NodeRecord &r : table) {
            r.ageMs += 700;
            r.node.sampledAt += 1000;
            r.node.loadAvg[0] += 0.1;
            r.node.memUsed += 1024 * 1024; // 1 MiB of 8 GiB: neither text nor bar moves
        }
        model.applyRecords(table);
        QVERIFY(spies.noStructure());
        QCOMPARE(spies.dataChanged.size(), 0);
        // ...but the data is current when read.
        QCOMPARE(model.indexOfNode(1).data(NodeTableModel::AgeMsRole).toLongLong(), 1000);
    }

    // Adjacent rows with the same changed columns share one signal; separate columns
    // get separate signals (only changed cells).
    void changesAreGroupedByRowsAndColumns() {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto table = records({1, 2, 3, 4, 5, 6});
        model.applyRecords(table);
        Spies spies(&model);
        for (int i : {0, 1, 2, 4}) {
            table[i].node.load += 10;
            table[i].node.cpus = 8; // load and CPUs: columns 3 and 6 (and load's fraction)
        }
        model.applyRecords(table);
        const Changes c = changesOf(spies.dataChanged);
        const auto load = int(NodeTableModel::LoadColumn);
        const auto cpus = int(NodeTableModel::CpusColumn);
        QCOMPARE(
            c.nodeCells,
            (QList<std::tuple<int, int, int, int>>{
                {0, 2, load, load}, {0, 2, cpus, cpus}, {4, 4, load, load}, {4, 4, cpus, cpus}}));
    }

    // Changes scattered over a large cluster come as one range around them (proxies
    // handle one range in one pass); still no reset, no layout change.
    void scatteredChangesShareOneRange() {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<NodeRecord> table;
        for (NodeId id = 1; id <= 1000; ++id)
            table.append(record(id));
        model.applyRecords(table);
        Spies spies(&model);
        for (qsizetype i = 10; i < 900; i += 2)
            table[i].node.load += 50;
        model.applyRecords(table);
        QVERIFY(spies.noStructure());
        const Changes c = changesOf(spies.dataChanged);
        QCOMPARE(c.nodeCells,
                 (QList<std::tuple<int, int, int, int>>{
                     {10, 898, NodeTableModel::LoadColumn, NodeTableModel::LoadColumn}}));
    }

    void states() {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto table = records({1, 2, 3});
        table[1] = record(2, 0, 0, false); // down: unreachable
        table[2].alive = false;
        table[2].ageMs = -1;
        table[2].node.status = 0; // never heard from
        model.applyRecords(table);
        const auto state = [&](NodeId id) {
            return model.indexOfNode(id).data(NodeTableModel::NodeStateRole).value<State>();
        };
        QCOMPARE(state(1), State::Up);
        QCOMPARE(state(2), State::Down);
        QCOMPARE(state(3), State::Unknown);
        QCOMPARE(model.clusterIndex().data(NodeTableModel::NodeStateRole).value<State>(),
                 State::Down);
        QVERIFY(model.indexOfNode(2).data(Qt::ToolTipRole).toString().contains(u"unreachable"_s));
        // Alive but the module says not up: down.
        table[0].node.status = omview::StatusConfigured;
        model.applyRecords(table);
        QCOMPARE(state(1), State::Down);

        table = records({1, 2});
        model.applyRecords(table);
        QCOMPARE(model.clusterIndex().data(NodeTableModel::NodeStateRole).value<State>(),
                 State::Up);
        Spies spies(&model);
        model.setDisconnected();
        QCOMPARE(state(1), State::Unknown);
        QCOMPARE(state(2), State::Unknown);
        QCOMPARE(model.clusterIndex().data(NodeTableModel::NodeStateRole).value<State>(),
                 State::Unknown);
        // Values are kept for the greyed rows.
        QCOMPARE(model.indexOfNode(2).data(NodeTableModel::LoadRole).toUInt(), 100u);
        QVERIFY(spies.noStructure());
        const Changes c = changesOf(spies.dataChanged);
        QCOMPARE(c.nodeCells.size(), 1); // rows 0..1, every column
        QCOMPARE(c.nodeCells.first(),
                 std::make_tuple(0, 1, 0, int(NodeTableModel::ColumnCount) - 1));
        model.applyRecords(table);
        QCOMPARE(state(1), State::Up);
    }

    void efficiencyAndSums() {
        NodeTableModel model;
        QCOMPARE(model.efficiency(), 1.0); // nothing to balance
        auto table = records({1, 2, 3});
        for (NodeRecord &r : table)
            r.node.load = 0;
        model.applyRecords(table);
        QCOMPARE(model.efficiency(), 1.0); // all idle
        table[0].node.load = 400;          // 100 per CPU
        table[1].node.load = 160;          // 40
        table[2].node.load = 400;
        model.applyRecords(table);
        QCOMPARE(model.efficiency(), 0.8); // mean 80 of the largest, 100
        const QModelIndex eff = model.clusterIndex(NodeTableModel::SpeedColumn);
        QCOMPARE(eff.data().toString(), u"80 %"_s);
        QCOMPARE(eff.data(NodeTableModel::EfficiencyRole).toDouble(), 0.8);
        QVERIFY(!eff.data(Qt::ToolTipRole).toString().isEmpty());
        // A down node does not count.
        table[1] = record(2, 0, 0, false);
        model.applyRecords(table);
        QCOMPARE(model.efficiency(), 1.0);
        const QModelIndex cluster = model.clusterIndex(NodeTableModel::MemTotalColumn);
        QCOMPARE(cluster.data(NodeTableModel::MemTotalRole).toULongLong(), 16 * GiB);
        QCOMPARE(cluster.data().toString(), u"%1 GiB"_s.arg(QLocale().toString(16.0, 'f', 1)));
        QCOMPARE(model.clusterIndex(NodeTableModel::CpusColumn).data().toString(), u"8"_s);
        QCOMPARE(model.clusterIndex(NodeTableModel::LoadColumn)
                     .data(NodeTableModel::LoadFractionRole)
                     .toDouble(),
                 1.0);
        QCOMPARE(model.indexOfNode(1, NodeTableModel::MemUsedColumn)
                     .data(NodeTableModel::MemFractionRole)
                     .toDouble(),
                 0.25);
    }

    // The cluster's figures are the up nodes' sums: with no node up there are none to show
    // (not zeros and a perfect balance), and they come and go with a signal.
    void noFiguresWithoutAnUpNode() {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        const auto cell = [&](int column) {
            return model.clusterIndex(column);
        };
        const auto figureless = [&] {
            for (const int column :
                 {int(NodeTableModel::SpeedColumn), int(NodeTableModel::LoadColumn),
                  int(NodeTableModel::MemUsedColumn), int(NodeTableModel::MemTotalColumn),
                  int(NodeTableModel::CpusColumn)}) {
                if (cell(column).data().toString() != u"—"_s)
                    return false;
            }
            return !cell(NodeTableModel::SpeedColumn)
                        .data(NodeTableModel::EfficiencyRole)
                        .isValid() &&
                   !cell(NodeTableModel::LoadColumn)
                        .data(NodeTableModel::LoadFractionRole)
                        .isValid() &&
                   !cell(NodeTableModel::MemUsedColumn)
                        .data(NodeTableModel::MemFractionRole)
                        .isValid();
        };
        QVERIFY(figureless());
        QVERIFY(cell(NodeTableModel::LoadColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"not connected"_s));
        QCOMPARE(cell(NodeTableModel::IdColumn).data().toString(), u"Cluster"_s);

        auto table = records({1, 2});
        model.applyRecords(table);
        QVERIFY(!figureless());
        QCOMPARE(cell(NodeTableModel::CpusColumn).data().toString(), u"8"_s);

        // Every node down: connected, but nothing to sum.
        Spies spies(&model);
        model.applyRecords({record(1, 0, 0, false), record(2, 0, 0, false)});
        QVERIFY(figureless());
        QVERIFY(cell(NodeTableModel::LoadColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"No node is up"_s));
        QVERIFY(spies.noStructure());
        QVERIFY(changesOf(spies.dataChanged).clusterSignals > 0);

        model.applyRecords(table);
        QVERIFY(!figureless());
        model.setDisconnected();
        QVERIFY(figureless());
    }

    // No memory figure shows four digits before the point: from 1000 of a unit, the next.
    void memoryUnits() {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        constexpr std::uint64_t MiB = 1024ull * 1024;
        const auto shown = [&](std::uint64_t used) {
            model.applyRecords({record(1, 100, used)});
            return model.indexOfNode(1, NodeTableModel::MemUsedColumn).data().toString();
        };
        const auto text = [](double value, const QString &unit) {
            return u"%1 %2"_s.arg(QLocale().toString(value, 'f', 1), unit);
        };
        QCOMPARE(shown(999 * MiB + 900 * 1024), text(999.9, u"MiB"_s));
        QCOMPARE(shown(1000 * MiB + 200 * 1024), text(1.0, u"GiB"_s)); // was "1,000.2 MiB"
        QCOMPARE(shown(999 * MiB + 980 * 1024), text(1.0, u"GiB"_s));  // 999.96 rounds up
        QCOMPARE(shown(1023 * MiB), text(1.0, u"GiB"_s));
        QCOMPARE(shown(1536 * MiB), text(1.5, u"GiB"_s));
        QCOMPARE(shown(1000 * 1024), text(1000.0 / 1024.0, u"MiB"_s));
        QCOMPARE(shown(999 * 1024), text(999.0, u"KiB"_s));
        QCOMPARE(shown(512), u"%1 bytes"_s.arg(QLocale().toString(512)));
        QCOMPARE(shown(1000), text(1000.0 / 1024.0, u"KiB"_s));
    }

    // The slider's value shows at once; refused, the node's own value is back; applied,
    // it stays until the node's record shows it.
    void pendingSpeed() {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto table = records({1, 2, 3});
        model.applyRecords(table);
        const auto speed = [&] {
            return model.indexOfNode(2, NodeTableModel::SpeedColumn)
                .data(NodeTableModel::SpeedRole)
                .toUInt();
        };
        Spies spies(&model);
        model.setPendingSpeed(2, 15000);
        QCOMPARE(speed(), 15000u);
        QCOMPARE(model.indexOfNode(2, NodeTableModel::SpeedColumn)
                     .data(NodeTableModel::PendingSpeedRole)
                     .toUInt(),
                 15000u);
        QCOMPARE(changesOf(spies.dataChanged).nodeCells,
                 (QList<std::tuple<int, int, int, int>>{
                     {1, 1, NodeTableModel::SpeedColumn, NodeTableModel::SpeedColumn}}));
        model.settlePendingSpeed(2, false);
        QCOMPARE(speed(), 10000u);
        QVERIFY(!model.indexOfNode(2, NodeTableModel::SpeedColumn)
                     .data(NodeTableModel::PendingSpeedRole)
                     .isValid());

        model.setPendingSpeed(2, 15000);
        model.settlePendingSpeed(2, true);
        model.applyRecords(table); // the table has not caught up yet
        QCOMPARE(speed(), 15000u);
        table[1].node.speed = 15000;
        model.applyRecords(table);
        QCOMPARE(speed(), 15000u);
        QVERIFY(!model.indexOfNode(2, NodeTableModel::SpeedColumn)
                     .data(NodeTableModel::PendingSpeedRole)
                     .isValid());
        model.setPendingSpeed(9, 1); // no such node: ignored
    }

    void speedEditsAreRequests() {
        NodeTableModel model;
        model.applyRecords(records({1, 2}));
        QSignalSpy requested(&model, &NodeTableModel::speedChangeRequested);
        const QModelIndex cell = model.indexOfNode(2, NodeTableModel::SpeedColumn);
        QVERIFY(model.setData(cell, 12000));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).value<NodeId>(), 2u);
        QCOMPARE(requested.first().at(1).value<std::uint32_t>(), 12000u);
        QCOMPARE(cell.data(NodeTableModel::SpeedRole).toUInt(), 10000u); // until pending is set
        QVERIFY(!model.setData(cell, 0));
        QVERIFY(!model.setData(cell, 2000000));
        QVERIFY(!model.setData(cell, u"fast"_s));
        QVERIFY(!model.setData(model.indexOfNode(2, NodeTableModel::LoadColumn), 5));
        QVERIFY(!model.setData(model.clusterIndex(NodeTableModel::SpeedColumn), 5));
        QCOMPARE(requested.size(), 1);
    }

    // The whole path with real agents: the model follows a session, a speed set in the
    // view shows at once and then comes back in the node's record; a dead agent greys the
    // rows.
    void followsASession() {
        omview::test::AgentCluster cluster(2);
        const auto started = cluster.start();
        QVERIFY2(started, started ? "" : qPrintable(started.error()));
        omview::ClusterSession session(
            omview::ConnectionProfile::localSocket(cluster.socketPath(1)));
        omview::ReconnectSettings fast;
        fast.initialDelay = std::chrono::milliseconds(200);
        fast.maxDelay = std::chrono::milliseconds(1000);
        session.setReconnectSettings(fast);
        omview::ClusterCommands commands(&session);
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        KDescendantsProxyModel flat;
        flat.setSourceModel(&model);
        QAbstractItemModelTester flatTester(&flat,
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.follow(&session);
        model.trackSpeedChanges(&commands);
        session.open();
        const auto state = [&](NodeId id) {
            return model.indexOfNode(id).data(NodeTableModel::NodeStateRole).value<State>();
        };
        QTRY_VERIFY_WITH_TIMEOUT(model.nodeIds() == (QList<NodeId>{1, 2}) &&
                                     state(1) == State::Up && state(2) == State::Up,
                                 Slow);
        QCOMPARE(flat.rowCount(), 3);

        // The entry node's own speed: answered by its agent without forwarding.
        const QModelIndex speed = model.indexOfNode(1, NodeTableModel::SpeedColumn);
        QVERIFY(model.setData(speed, 13000));
        QCOMPARE(speed.data(NodeTableModel::PendingSpeedRole).toUInt(), 13000u); // at once
        QTRY_VERIFY_WITH_TIMEOUT(!speed.data(NodeTableModel::PendingSpeedRole).isValid() &&
                                     speed.data(NodeTableModel::SpeedRole).toUInt() == 13000u,
                                 Slow);

        cluster.kill(1);
        QTRY_VERIFY_WITH_TIMEOUT(state(1) == State::Unknown && state(2) == State::Unknown, Slow);
        QCOMPARE(model.nodeIds(), (QList<NodeId>{1, 2})); // kept, greyed
        const auto restarted = cluster.start(1);
        QVERIFY2(restarted, restarted ? "" : qPrintable(restarted.error()));
        QTRY_VERIFY_WITH_TIMEOUT(state(1) == State::Up && state(2) == State::Up, Slow);
        session.close();
    }
};

QTEST_MAIN(TestNodeTableModel)
#include "tst_nodetablemodel.moc"
