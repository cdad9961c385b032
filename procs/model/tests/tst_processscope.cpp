// ProcessScope under QAbstractItemModelTester (fatal): every node's processes, a chosen set,
// nodes joining and leaving the tree in and out of scope, updates of nodes in and out of it.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processlistmodel.h>
#include <omview/procs/processscope.h>
#include <omview/protocol/delta.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;

namespace {

QList<ProcessInfo> processes(std::int32_t first, int count) {
    QList<ProcessInfo> out;
    for (int i = 0; i < count; ++i) {
        ProcessInfo p;
        p.pid = first + i;
        p.command = u"job%1"_s.arg(first + i);
        out.append(p);
    }
    return out;
}

// The rows of the scope as (node, pid), sorted.
QList<std::pair<NodeId, int>> rowsOf(const QAbstractItemModel &model) {
    QList<std::pair<NodeId, int>> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        rows.append({index.data(ProcessListModel::NodeIdRole).toUInt(),
                     index.data(ProcessListModel::PidRole).toInt()});
    }
    std::ranges::sort(rows);
    return rows;
}

QList<std::pair<NodeId, int>> expected(const QList<std::pair<NodeId, QList<int>>> &nodes) {
    QList<std::pair<NodeId, int>> rows;
    for (const auto &[node, pids] : nodes)
        for (int pid : pids)
            rows.append({node, pid});
    std::ranges::sort(rows);
    return rows;
}

} // namespace

class ProcessScopeTest : public QObject {
    Q_OBJECT

private slots:
    void everyNodeThenAChosenSet() {
        ClusterProcessModel tree;
        ProcessListModel one, two, three;
        one.reset(processes(10, 2));
        two.reset(processes(20, 3));
        three.reset(processes(30, 1));
        QVERIFY(tree.addNode(1, &one));
        QVERIFY(tree.addNode(2, &two));
        ProcessScope scope(&tree);
        QAbstractItemModelTester tester(scope.model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(scope.showsAll());
        QCOMPARE(rowsOf(*scope.model()), expected({{1, {10, 11}}, {2, {20, 21, 22}}}));
        // A node that joins is in scope.
        QVERIFY(tree.addNode(3, &three));
        QCOMPARE(rowsOf(*scope.model()), expected({{1, {10, 11}}, {2, {20, 21, 22}}, {3, {30}}}));

        QSignalSpy changed(&scope, &ProcessScope::changed);
        scope.showNodes({2, 4});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(scope.chosenNodes(), (QList<NodeId>{2, 4}));
        QCOMPARE(rowsOf(*scope.model()), expected({{2, {20, 21, 22}}}));
        // Updates of nodes out of scope do not show; of nodes in scope they do.
        one.reset(processes(10, 5));
        two.apply(processes(20, 4), ProcessListDelta{});
        QCOMPARE(rowsOf(*scope.model()), expected({{2, {20, 21, 22, 23}}}));
        // A chosen node that joins later comes in; one not chosen does not.
        ProcessListModel four, five;
        four.reset(processes(40, 2));
        five.reset(processes(50, 2));
        QVERIFY(tree.addNode(4, &four));
        QVERIFY(tree.addNode(5, &five));
        QCOMPARE(rowsOf(*scope.model()), expected({{2, {20, 21, 22, 23}}, {4, {40, 41}}}));
        // A node that leaves takes its rows along; chosen, it comes back with them.
        QVERIFY(tree.removeNode(2));
        QCOMPARE(rowsOf(*scope.model()), expected({{4, {40, 41}}}));
        QVERIFY(tree.addNode(2, &two));
        QCOMPARE(rowsOf(*scope.model()), expected({{2, {20, 21, 22, 23}}, {4, {40, 41}}}));

        scope.showNodes({});
        QCOMPARE(scope.model()->rowCount(), 0);
        scope.showAll();
        QCOMPARE(scope.model()->rowCount(), 5 + 4 + 1 + 2 + 2);
        for (NodeId node : tree.nodeIds())
            tree.removeNode(node);
        QCOMPARE(scope.model()->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(ProcessScopeTest)
#include "tst_processscope.moc"
