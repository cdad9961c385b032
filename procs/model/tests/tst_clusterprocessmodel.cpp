// ClusterProcessModel with three nodes under QAbstractItemModelTester (fatal), itself and
// the proxies the panes put on it: KDescendantsProxyModel (the cluster-wide list, and a
// filter on it that drops the node rows), KSelectionProxyModel (the processes of the
// selected nodes). Updates go through the nodes' list models and must show through every
// proxy; selections change; nodes are removed, added again and deleted; a list model's reset
// and layout change reach the tree under their node only.
#include <KDescendantsProxyModel>
#include <KSelectionProxyModel>
#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <memory>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/delta.h>

using namespace Qt::StringLiterals;
using omview::NodeId;
using omview::ProcessInfo;
using omview::procs::ClusterProcessModel;
using omview::procs::ProcessListModel;
using Fatal = QAbstractItemModelTester::FailureReportingMode;

namespace {

ProcessInfo process(std::int32_t pid) {
    ProcessInfo p;
    p.pid = pid;
    p.ppid = 1;
    p.user = u"ada"_s;
    p.command = u"job%1"_s.arg(pid);
    p.state = 'R';
    p.cpuPercent = 10;
    return p;
}

QList<ProcessInfo> processes(std::int32_t first, int count) {
    QList<ProcessInfo> out;
    for (int i = 0; i < count; ++i)
        out.append(process(first + 2 * i));
    return out;
}

// A row as the tests compare it: its node and pid, pid -1 for a node's row.
using Row = std::pair<NodeId, std::int32_t>;

QList<Row> rowsOf(const QAbstractItemModel &model) {
    QList<Row> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        const bool nodeRow = index.data(ClusterProcessModel::NodeRowRole).toBool();
        rows.append({index.data(ProcessListModel::NodeIdRole).toUInt(),
                     nodeRow ? -1 : index.data(ProcessListModel::PidRole).toInt()});
    }
    return rows;
}

// The cluster-wide list of processes: the flattened tree without its node rows.
class ProcessesOnly : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override {
        return !sourceModel()
                    ->index(row, 0, parent)
                    .data(ClusterProcessModel::NodeRowRole)
                    .toBool();
    }
};

// Three nodes' list models, the tree over them and the proxy chain, each under a tester.
struct Cluster {
    Cluster() {
        for (int i = 0; i < 3; ++i) {
            lists[i].reset(processes(100 * (i + 1), 5 + i));
            QVERIFY(tree.addNode(NodeId(i + 1), &lists[i]));
        }
        flat.setDisplayAncestorData(false);
        flat.setSourceModel(&tree);
        selected.setFilterBehavior(KSelectionProxyModel::ChildrenOfExactSelection);
        selected.setSourceModel(&tree);
        onlyProcesses.setSourceModel(&flat);
        for (QAbstractItemModel *m :
             {static_cast<QAbstractItemModel *>(&tree), static_cast<QAbstractItemModel *>(&flat),
              static_cast<QAbstractItemModel *>(&selected),
              static_cast<QAbstractItemModel *>(&onlyProcesses)})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(m, Fatal::Fatal));
    }

    ProcessListModel &list(NodeId node) { return lists[node - 1]; }

    // The flattened tree as it should be: each node in the tree, then its processes.
    QList<Row> expectedFlat() const {
        QList<Row> rows;
        for (const NodeId node : tree.nodeIds()) {
            rows.append({node, -1});
            for (const ProcessInfo &p : lists[node - 1].processes())
                rows.append({node, p.pid});
        }
        return rows;
    }
    QList<Row> expectedProcesses(const QList<NodeId> &nodes) const {
        QList<Row> rows;
        for (const NodeId node : nodes) {
            for (const ProcessInfo &p : lists[node - 1].processes())
                rows.append({node, p.pid});
        }
        return rows;
    }
    void select(NodeId node, QItemSelectionModel::SelectionFlags how) {
        selection.select(tree.indexOfNode(node), how | QItemSelectionModel::Rows);
    }

    ProcessListModel lists[3];
    ClusterProcessModel tree;
    KDescendantsProxyModel flat;
    QItemSelectionModel selection{&tree};
    KSelectionProxyModel selected{&selection};
    ProcessesOnly onlyProcesses;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
};

// One random update of a list: deaths, births and changes, as the subscription sends it.
void randomUpdate(ProcessListModel &list, QRandomGenerator &rng, std::int32_t pidBase) {
    QList<ProcessInfo> next = list.processes();
    for (int i = 0, n = int(rng.bounded(8u)); i < n && !next.isEmpty(); ++i)
        next.removeAt(rng.bounded(int(next.size())));
    for (int i = 0, n = int(rng.bounded(8u)); i < n; ++i) {
        const std::int32_t pid = pidBase + std::int32_t(rng.bounded(90u));
        const auto at = std::ranges::lower_bound(next, pid, {}, &ProcessInfo::pid);
        if (at == next.end() || at->pid != pid)
            next.insert(at - next.begin(), process(pid));
    }
    for (int i = 0, n = int(rng.bounded(10u)); i < n && !next.isEmpty(); ++i) {
        ProcessInfo &p = next[rng.bounded(int(next.size()))];
        p.cpuPercent += 1;
        if (rng.bounded(4u) == 0)
            p.where = p.where == 0 ? 9 : 0;
    }
    list.apply(next, omview::makeDelta(list.processes(), next));
}

} // namespace

class TestClusterProcessModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void shape() {
        Cluster c;
        QCOMPARE(c.tree.nodeIds(), (QList<NodeId>{1, 2, 3}));
        QCOMPARE(c.tree.rowCount(), 3);
        QCOMPARE(c.tree.columnCount(), int(ProcessListModel::ColumnCount));
        const QModelIndex node2 = c.tree.indexOfNode(2);
        QCOMPARE(node2.row(), 1);
        QCOMPARE(node2.data().toString(), u"Node 2"_s);
        QCOMPARE(node2.data(ClusterProcessModel::NodeRowRole).toBool(), true);
        QCOMPARE(node2.data(ProcessListModel::NodeIdRole).toUInt(), 2u);
        QCOMPARE(c.tree.rowCount(node2), 6);
        QCOMPARE(c.tree.rowCount(c.tree.indexOfNode(2, 1)), 0);
        const QModelIndex child = c.tree.index(1, ProcessListModel::CommandColumn, node2);
        QCOMPARE(child.parent(), node2);
        QCOMPARE(child.data().toString(), u"job202"_s);
        QCOMPARE(child.data(ClusterProcessModel::NodeRowRole).toBool(), false);
        QCOMPARE(child.data(ProcessListModel::NodeIdRole).toUInt(), 2u);
        QCOMPARE(c.tree.mapToProcessList(child),
                 c.list(2).index(1, ProcessListModel::CommandColumn));
        QCOMPARE(c.tree.mapFromProcessList(c.list(2).index(1, ProcessListModel::CommandColumn)),
                 child);
        QCOMPARE(c.tree.indexOfProcess(2, 202, ProcessListModel::CommandColumn), child);
        QVERIFY(!c.tree.indexOfProcess(2, 203).isValid());
        QVERIFY(!c.tree.indexOfNode(9).isValid());
        QCOMPARE(c.tree.processModel(3), &c.list(3));
        QVERIFY(c.tree.flags(child) & Qt::ItemNeverHasChildren);
        QVERIFY(c.tree.flags(node2) & Qt::ItemIsSelectable);
        QCOMPARE(c.tree.headerData(ProcessListModel::CpuColumn, Qt::Horizontal).toString(),
                 u"CPU"_s);
        QVERIFY(!c.tree.headerData(ProcessListModel::CpuColumn, Qt::Horizontal, Qt::WhatsThisRole)
                     .toString()
                     .isEmpty());
        QCOMPARE(c.tree.roleNames().value(ClusterProcessModel::NodeRowRole), QByteArray("nodeRow"));
        QCOMPARE(c.tree.roleNames().value(ProcessListModel::PidRole), QByteArray("pid"));

        QCOMPARE(rowsOf(c.flat), c.expectedFlat());
        QCOMPARE(c.flat.rowCount(), 3 + 5 + 6 + 7);
        QCOMPARE(rowsOf(c.onlyProcesses), c.expectedProcesses({1, 2, 3}));
        QCOMPARE(c.selected.rowCount(), 0);
    }

    void refusedNodes() {
        Cluster c;
        ProcessListModel other;
        other.setNode(5);
        for (int refusal = 0; refusal < 5; ++refusal)
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(u"^not adding node \\d to the cluster tree"_s));
        QVERIFY(!c.tree.addNode(0, &other));
        QVERIFY(!c.tree.addNode(2, &other)); // node 2 is there
        QVERIFY(!c.tree.addNode(4, nullptr));
        QVERIFY(!c.tree.addNode(4, &c.list(1))); // shows node 1 already
        QVERIFY(!c.tree.addNode(4, &other));     // set to node 5
        QVERIFY(c.tree.addNode(5, &other));
        QVERIFY(!c.tree.removeNode(4));
        QCOMPARE(c.tree.nodeIds(), (QList<NodeId>{1, 2, 3, 5}));
        QVERIFY(c.tree.removeNode(5));
    }

    // A list model's signals come out of the tree under its node, and through the proxies.
    void signalsUnderTheirNode() {
        Cluster c;
        c.select(3, QItemSelectionModel::Select);
        QSignalSpy inserted(&c.tree, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&c.tree, &QAbstractItemModel::rowsRemoved);
        const QSignalSpy changed(&c.tree, &QAbstractItemModel::dataChanged);
        const QSignalSpy reset(&c.tree, &QAbstractItemModel::modelReset);
        const QSignalSpy flatChanged(&c.flat, &QAbstractItemModel::dataChanged);
        const QSignalSpy selectedChanged(&c.selected, &QAbstractItemModel::dataChanged);

        // Node 3: 300..312; one goes, one comes, one changes.
        auto next = c.list(3).processes();
        next.removeAt(0);
        next.append(process(399));
        next[2].cpuPercent = 77;
        c.list(3).apply(next, omview::makeDelta(c.list(3).processes(), next));
        const QModelIndex node3 = c.tree.indexOfNode(3);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).value<QModelIndex>(), node3);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), node3);
        QCOMPARE(inserted.at(0).at(1).toInt(), 6);
        QCOMPARE(changed.size(), 1);
        const auto tl = changed.at(0).at(0).value<QModelIndex>();
        const auto br = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(tl.parent(), node3);
        QCOMPARE(
            std::tuple(tl.row(), br.row(), tl.column(), br.column()),
            std::tuple(2, 2, int(ProcessListModel::CpuColumn), int(ProcessListModel::CpuColumn)));
        QCOMPARE(tl.data().toString(), u"77.0 %"_s);
        // The proxies pass it on (KDescendantsProxyModel also repaints the node rows whose
        // children changed).
        const auto covers = [](const QSignalSpy &spy, const QModelIndex &cell) {
            return std::ranges::any_of(spy, [&](const QList<QVariant> &args) {
                const auto from = args.at(0).value<QModelIndex>();
                const auto to = args.at(1).value<QModelIndex>();
                return from.parent() == cell.parent() && from.row() <= cell.row() &&
                       cell.row() <= to.row() && from.column() <= cell.column() &&
                       cell.column() <= to.column();
            });
        };
        QVERIFY(covers(flatChanged, c.flat.mapFromSource(tl)));
        QVERIFY(covers(selectedChanged, c.selected.mapFromSource(tl)));
        QCOMPARE(c.selected.mapFromSource(tl).data().toString(), u"77.0 %"_s);
        QVERIFY(reset.isEmpty());
        QCOMPARE(rowsOf(c.flat), c.expectedFlat());
        QCOMPARE(rowsOf(c.selected), c.expectedProcesses({3}));

        // A reset of node 1's list: its rows go and come, the tree is not reset, and the
        // selection of node 3 holds.
        const QPersistentModelIndex kept = c.tree.indexOfProcess(3, 304);
        removed.clear();
        inserted.clear();
        c.list(1).reset(processes(150, 3));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).value<QModelIndex>(), c.tree.indexOfNode(1));
        QCOMPARE(std::pair(removed.at(0).at(1).toInt(), removed.at(0).at(2).toInt()),
                 std::pair(0, 4));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(std::pair(inserted.at(0).at(1).toInt(), inserted.at(0).at(2).toInt()),
                 std::pair(0, 2));
        QVERIFY(reset.isEmpty());
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data(ProcessListModel::PidRole).toInt(), 304);
        QVERIFY(c.selection.isRowSelected(c.tree.indexOfNode(3).row(), {}));
        QCOMPARE(rowsOf(c.flat), c.expectedFlat());
        // Reset to nothing and back.
        c.list(1).reset({});
        QCOMPARE(c.tree.rowCount(c.tree.indexOfNode(1)), 0);
        c.list(1).reset(processes(150, 2));
        QCOMPARE(rowsOf(c.flat), c.expectedFlat());

        // A layout change of a list (none of ours makes one; other models may): passed on
        // with the persistent indexes kept.
        const QSignalSpy layout(&c.tree, &QAbstractItemModel::layoutChanged);
        emit c.list(3).layoutAboutToBeChanged();
        emit c.list(3).layoutChanged();
        QCOMPARE(layout.size(), 1);
        QCOMPARE(layout.at(0).at(0).value<QList<QPersistentModelIndex>>(),
                 QList<QPersistentModelIndex>{QPersistentModelIndex(node3)});
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data(ProcessListModel::PidRole).toInt(), 304);
        QCOMPARE(rowsOf(c.selected), c.expectedProcesses({3}));
    }

    void selections() {
        Cluster c;
        QCOMPARE(rowsOf(c.selected), QList<Row>{});
        c.select(2, QItemSelectionModel::Select);
        QCOMPARE(rowsOf(c.selected), c.expectedProcesses({2}));
        c.select(1, QItemSelectionModel::Select);
        c.select(3, QItemSelectionModel::Select);
        QCOMPARE(rowsOf(c.selected), c.expectedProcesses({1, 2, 3}));
        c.select(2, QItemSelectionModel::Deselect);
        QCOMPARE(rowsOf(c.selected), c.expectedProcesses({1, 3}));
        c.select(2, QItemSelectionModel::ClearAndSelect);
        QCOMPARE(rowsOf(c.selected), c.expectedProcesses({2}));
        // Selecting processes is not selecting nodes: nothing of theirs shows.
        c.selection.select(c.tree.indexOfProcess(1, 102),
                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(c.selected.rowCount(), 0);
        c.selection.clearSelection();
        QCOMPARE(c.selected.rowCount(), 0);
    }

    void nodesRemovedAndAdded() {
        Cluster c;
        c.select(2, QItemSelectionModel::Select);
        c.select(3, QItemSelectionModel::Select);
        QVERIFY(c.tree.removeNode(2));
        QCOMPARE(c.tree.nodeIds(), (QList<NodeId>{1, 3}));
        QCOMPARE(rowsOf(c.flat), c.expectedFlat());
        QCOMPARE(rowsOf(c.selected), c.expectedProcesses({3}));
        QCOMPARE(rowsOf(c.onlyProcesses), c.expectedProcesses({1, 3}));
        // Its list is no longer followed.
        c.list(2).reset(processes(250, 2));
        QCOMPARE(rowsOf(c.flat), c.expectedFlat());
        // Back, between the others, with its rows.
        QVERIFY(c.tree.addNode(2, &c.list(2)));
        QCOMPARE(c.tree.indexOfNode(2).row(), 1);
        QCOMPARE(rowsOf(c.flat), c.expectedFlat());
        QCOMPARE(rowsOf(c.onlyProcesses), c.expectedProcesses({1, 2, 3}));
        c.select(2, QItemSelectionModel::Select);
        QCOMPARE(rowsOf(c.selected), c.expectedProcesses({2, 3}));

        // A list model deleted in the tree takes its node out (a reset of the tree).
        const QList<Row> withoutIt = c.expectedFlat();
        auto doomed = std::make_unique<ProcessListModel>();
        doomed->reset(processes(700, 4));
        QVERIFY(c.tree.addNode(7, doomed.get()));
        QCOMPARE(doomed->node(), 7u);
        QCOMPARE(c.flat.rowCount(), int(withoutIt.size()) + 5);
        const QSignalSpy reset(&c.tree, &QAbstractItemModel::modelReset);
        doomed.reset();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(c.tree.nodeIds(), (QList<NodeId>{1, 2, 3}));
        QCOMPARE(rowsOf(c.flat), withoutIt);
    }

    // Updates of every node, random, seen through every proxy while two nodes are selected.
    void randomUpdatesThroughTheProxies() {
        const quint32 seed = qEnvironmentVariableIsSet("OMVIEW_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("OMVIEW_TEST_SEED"))
                                 : QRandomGenerator::global()->generate();
        qInfo("seed %u (set OMVIEW_TEST_SEED to repeat)", seed);
        QRandomGenerator rng(seed);
        Cluster c;
        c.select(1, QItemSelectionModel::Select);
        c.select(3, QItemSelectionModel::Select);
        for (int round = 0; round < 100; ++round) {
            for (NodeId node = 1; node <= 3; ++node) {
                if (rng.bounded(3u) != 0)
                    randomUpdate(c.list(node), rng, std::int32_t(100 * node));
            }
            if (round == 50) {
                c.select(3, QItemSelectionModel::Deselect);
                c.select(2, QItemSelectionModel::Select);
            }
            const QList<NodeId> selectedNodes =
                round < 50 ? QList<NodeId>{1, 3} : QList<NodeId>{1, 2};
            QCOMPARE(rowsOf(c.flat), c.expectedFlat());
            QCOMPARE(rowsOf(c.onlyProcesses), c.expectedProcesses({1, 2, 3}));
            QCOMPARE(rowsOf(c.selected), c.expectedProcesses(selectedNodes));
        }
        // The cells through the chain are the lists'.
        for (int row = 0; row < c.onlyProcesses.rowCount(); ++row) {
            const QModelIndex index = c.onlyProcesses.index(row, ProcessListModel::CpuColumn);
            const NodeId node = index.data(ProcessListModel::NodeIdRole).toUInt();
            const auto pid = index.data(ProcessListModel::PidRole).toInt();
            QCOMPARE(index.data().toString(),
                     c.list(node).indexOfPid(pid, ProcessListModel::CpuColumn).data().toString());
        }
    }
};

QTEST_MAIN(TestClusterProcessModel)
#include "tst_clusterprocessmodel.moc"
