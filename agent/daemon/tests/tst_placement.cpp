// choosePlacement: where proc.spawn starts a job, from the placement asked for and the
// cluster table.
#include <QTest>
#include <omview/agent/jobregistry.h>

using namespace omview;
using K = JobPlacement::Kind;

namespace {

NodeRecord node(NodeId id, std::uint32_t load, bool alive = true, std::int32_t status = StatusUp) {
    NodeRecord r;
    r.node.id = id;
    r.node.load = load;
    r.node.status = status;
    r.alive = alive;
    return r;
}

// Node 1 (this one) busy; 2 down; 3 idle but blocking guests; 4 and 5 loaded alike.
const QList<NodeRecord> Cluster = {node(1, 400), node(2, 0, false),
                                   node(3, 0, true, StatusUp | StatusBlock), node(4, 150),
                                   node(5, 150)};

} // namespace

class TestPlacement : public QObject {
    Q_OBJECT

private slots:
    void choices_data();
    void choices();
};

void TestPlacement::choices_data() {
    QTest::addColumn<JobPlacement>("where");
    QTest::addColumn<bool>("anywhere");
    QTest::addColumn<int>("expected"); // 0: none
    QTest::newRow("home") << JobPlacement{K::Home, {}} << false << 1;
    QTest::newRow("balance: least loaded open node, lower ID on a tie")
        << JobPlacement{K::Balance, {}} << false << 4;
    QTest::newRow("a node that is up") << JobPlacement{K::Node, {5}} << false << 5;
    QTest::newRow("this node, however busy") << JobPlacement{K::Node, {1}} << false << 1;
    QTest::newRow("a node that is down") << JobPlacement{K::Node, {2}} << false << 0;
    QTest::newRow("a node that blocks") << JobPlacement{K::Node, {3}} << false << 0;
    QTest::newRow("a node not in the cluster") << JobPlacement{K::Node, {9}} << false << 0;
    QTest::newRow("down or blocking, -F") << JobPlacement{K::Nodes, {2, 3}} << true << 4;
    QTest::newRow("the best of a list") << JobPlacement{K::Nodes, {1, 5, 9}} << false << 5;
    QTest::newRow("none of a list") << JobPlacement{K::Nodes, {2, 3, 9}} << false << 0;
}

void TestPlacement::choices() {
    QFETCH(JobPlacement, where);
    QFETCH(bool, anywhere);
    QFETCH(int, expected);
    const auto chosen = agent::choosePlacement(where, anywhere, 1, Cluster);
    QCOMPARE(chosen.value_or(0), NodeId(expected));
    // Alone, with nothing else known, -F runs it here.
    QCOMPARE(agent::choosePlacement(JobPlacement{K::Node, {7}}, true, 1, {}).value_or(0),
             NodeId(1));
}

QTEST_GUILESS_MAIN(TestPlacement)
#include "tst_placement.moc"
