// ClusterGuests over a real ClusterProcessModel: guests listed by the node they run on, once
// when both that node and the home report them; its changed() follows the model's signals,
// once per turn of the event loop, and not for changes that move nothing (CPU, memory).
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <omview/procs/clusterguests.h>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/delta.h>
#include <vector>

using namespace Qt::StringLiterals;
using omview::NodeId;
using omview::ProcessInfo;
using omview::ProcessListDelta;
using omview::procs::ClusterGuests;
using omview::procs::ClusterProcessModel;
using omview::procs::GuestProcess;
using omview::procs::ProcessListModel;

namespace {

ProcessInfo process(std::int32_t pid, NodeId home, NodeId where = 0, bool guest = false) {
    ProcessInfo p;
    p.pid = pid;
    p.command = u"job%1"_s.arg(pid);
    p.cmdline = u"/usr/bin/job%1 -v"_s.arg(pid);
    p.home = home;
    p.where = where;
    p.guest = guest;
    return p;
}

QList<std::int32_t> pids(const QList<GuestProcess> &guests) {
    QList<std::int32_t> out;
    for (const GuestProcess &g : guests)
        out.append(g.pid);
    return out;
}

} // namespace

class TestClusterGuests : public QObject {
    Q_OBJECT

private slots:
    void guestsByTheNodeTheyRunOn() {
        ClusterProcessModel model;
        std::vector<std::unique_ptr<ProcessListModel>> lists;
        for (NodeId n = 1; n <= 3; ++n) {
            lists.push_back(std::make_unique<ProcessListModel>());
            QVERIFY(model.addNode(n, lists.back().get()));
        }
        ClusterGuests guests(&model);
        QSignalSpy changed(&guests, &ClusterGuests::changed);

        // Node 1's job 10 runs on 2 (both say so), its job 11 on 3 (only node 1 says so yet);
        // node 3's job 30 runs on 2.
        lists[0]->reset({process(5, 1), process(10, 1, 2), process(11, 1, 3)});
        lists[1]->reset({process(10, 1, 0, true), process(30, 3, 0, true), process(20, 2)});
        lists[2]->reset({process(31, 3)});
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(guests.nodes(), (QList<NodeId>{1, 2, 3}));

        const QList<GuestProcess> on2 = guests.guestsOn(2);
        QCOMPARE(pids(on2), (QList<std::int32_t>{10, 30}));
        QCOMPARE(on2.at(0).reporting, NodeId(2)); // the node it runs on wins
        QCOMPARE(on2.at(0).home, NodeId(1));
        QCOMPARE(on2.at(0).command, u"job10"_s);
        QCOMPARE(on2.at(0).commandLine, u"/usr/bin/job10 -v"_s);
        QCOMPARE(on2.at(1).home, NodeId(3));
        const QList<GuestProcess> on3 = guests.guestsOn(3);
        QCOMPARE(pids(on3), QList<std::int32_t>{11});
        QCOMPARE(on3.at(0).reporting, NodeId(1));
        QVERIFY(guests.guestsOn(1).isEmpty());
        QCOMPARE(guests.all().size(), 3);

        // CPU only: nothing to redraw.
        ProcessInfo busy = process(30, 3, 0, true);
        busy.cpuPercent = 99;
        ProcessListDelta cpu;
        cpu.changed = {QJsonObject{{u"pid"_s, 30}, {u"cpuPercent"_s, 99}}};
        lists[1]->apply({process(10, 1, 0, true), busy, process(20, 2)}, cpu);
        QTest::qWait(20);
        QCOMPARE(changed.size(), 1);

        // Job 30 goes home: one changed(), for all the rows that came and went.
        lists[1]->apply({process(10, 1, 0, true), process(20, 2)}, {});
        lists[2]->apply({process(30, 3), process(31, 3)}, {});
        QTRY_COMPARE(changed.size(), 2);
        QTest::qWait(20);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(pids(guests.guestsOn(2)), QList<std::int32_t>{10});

        // A node leaves the tree with its guests.
        QVERIFY(model.removeNode(2));
        QTRY_COMPARE(changed.size(), 3);
        QCOMPARE(guests.nodes(), (QList<NodeId>{1, 3}));
        // Node 1 still says job 10 runs on 2, which is not shown but is listed.
        QCOMPARE(pids(guests.guestsOn(2)), QList<std::int32_t>{10});
        QCOMPARE(guests.guestsOn(2).at(0).reporting, NodeId(1));
    }
};

QTEST_GUILESS_MAIN(TestClusterGuests)
#include "tst_clusterguests.moc"
