// The migration monitor in real windows under Xvfb, fed by real models (a ClusterProcessModel
// filled through ProcessListModel::reset(), a MigrationLogModel given synthetic events; no
// cluster): each guest drawn on the node it runs on, once, even when its home reports it too;
// the model's changes redrawn; a move's steps drawn under way and its end animated; a
// double-click asks for the move home, a drag onto a node for a move there; and screenshots of
// 4 and 40 nodes, light and dark, under $OMVIEW_SCREENSHOT_DIR (else the build's screenshots/).
#include "scriptedagent.h"

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QToolTip>
#include <QTreeView>
#include <memory>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/migrationlogmodel.h>
#include <omview/procs/migrationmonitor.h>
#include <omview/procs/migrationmonitorwindow.h>
#include <omview/procs/processlistmodel.h>
#include <vector>

using namespace Qt::StringLiterals;
using omview::MigrateTarget;
using omview::MigrationEvent;
using omview::NodeId;
using omview::ProcessInfo;
using omview::procs::ClusterProcessModel;
using omview::procs::MigrationLogModel;
using omview::procs::MigrationMonitor;
using omview::procs::MigrationMonitorWindow;
using omview::procs::ProcessListModel;

namespace {

ProcessInfo process(std::int32_t pid, const QString &command, NodeId home) {
    ProcessInfo p;
    p.pid = pid;
    p.ppid = 1;
    p.uid = 1000;
    p.user = u"ada"_s;
    p.command = command;
    p.cmdline = u"/usr/bin/%1 --frames 1-100"_s.arg(command);
    p.state = 'R';
    p.cpuPercent = 99;
    p.rss = 64 << 20;
    p.home = home;
    return p;
}

ProcessInfo guest(std::int32_t pid, const QString &command, NodeId home) {
    ProcessInfo p = process(pid, command, home);
    p.guest = true;
    return p;
}

ProcessInfo away(std::int32_t pid, const QString &command, NodeId home, NodeId where) {
    ProcessInfo p = process(pid, command, home);
    p.where = where;
    p.nmigs = 1;
    return p;
}

// A cluster's processes as the feed would hold them.
struct Cluster {
    ClusterProcessModel model;
    std::vector<std::unique_ptr<ProcessListModel>> lists;

    explicit Cluster(int nodes) {
        for (int n = 1; n <= nodes; ++n) {
            lists.push_back(std::make_unique<ProcessListModel>());
            model.addNode(NodeId(n), lists.back().get());
        }
    }
    void report(NodeId node, const QList<ProcessInfo> &processes) {
        lists.at(node - 1)->reset(processes);
    }
};

MigrationEvent step(const QString &id, const QString &phase, std::int32_t pid, NodeId from,
                    NodeId to, NodeId home) {
    MigrationEvent e;
    e.id = id;
    e.pid = pid;
    e.home = home;
    e.from = from;
    e.to = to;
    e.phase = phase;
    e.reason = u"user"_s;
    e.command = u"povray"_s;
    e.at = 1718000007000;
    if (phase == "done"_L1) {
        e.bytes = 73924608;
        e.freezeMs = 790;
        e.totalMs = 812;
    }
    return e;
}

QString screenshotDir() {
    QString dir = qEnvironmentVariable("OMVIEW_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(OMVIEW_DEFAULT_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return dir;
}

bool saveScreenshot(QWidget *widget, const QString &name) {
    const QString file = QDir(screenshotDir()).filePath(name + u".png"_s);
    const bool ok = widget->window()->grab().save(file);
    if (ok)
        qInfo("screenshot: %s", qPrintable(file));
    return ok;
}

// Like the desktops' dark themes (app/ui/tests' darkPalette()).
QPalette darkPalette() {
    QPalette p;
    const QColor text(0xfc, 0xfc, 0xfc);
    p.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x2e, 0x32));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x7f, 0x82, 0x85));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x36, 0x3b, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x28, 0x2b));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1c));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    return p;
}

// Four nodes: node 1's render job runs on 3 (both report it), node 4's two jobs and an
// unreported one of node 1 run on 2, and node 4 says one of its jobs runs on 1 while node 1's
// list does not have it yet.
void fillFour(Cluster &c) {
    c.report(1, {process(10, u"bash"_s, 1), away(100, u"povray"_s, 1, 3)});
    c.report(2, {process(20, u"sshd"_s, 2), guest(101, u"blender"_s, 1), guest(200, u"gcc"_s, 4),
                 guest(201, u"ld"_s, 4)});
    c.report(3, {guest(100, u"povray"_s, 1)});
    c.report(4, {process(40, u"make"_s, 4), away(400, u"ffmpeg"_s, 4, 1)});
}

// Forty nodes, a few guests each from homes spread over the cluster.
void fillForty(Cluster &c) {
    for (int n = 1; n <= 40; ++n) {
        QList<ProcessInfo> list{process(n * 1000, u"init"_s, NodeId(n))};
        for (int k = 0; k < (n * 7) % 5; ++k) {
            const NodeId home = NodeId((n * 13 + k * 7) % 40 + 1);
            if (home != NodeId(n))
                list.append(guest(n * 1000 + 1 + k, u"job%1"_s.arg(k), home));
        }
        c.report(NodeId(n), list);
    }
}

const MigrationMonitor::Dot *findDot(const QList<MigrationMonitor::Dot> &dots, int pid) {
    for (const auto &d : dots)
        if (d.guest.pid == pid)
            return &d;
    return nullptr;
}

} // namespace

class TestMigrationMonitor : public QObject {
    Q_OBJECT

private slots:
    void guestsOnTheirNodes() {
        Cluster c(4);
        fillFour(c);
        MigrationMonitor monitor(&c.model);
        monitor.resize(640, 560);
        monitor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&monitor));
        QCOMPARE(monitor.nodes(), (QList<NodeId>{1, 2, 3, 4}));

        const auto dots = monitor.dots();
        QCOMPARE(dots.size(), 5); // 100 once, though two nodes report it
        const struct {
            int pid;
            NodeId on, home, reporting;
        } expected[] = {
            {100, 3, 1, 3}, {101, 2, 1, 2}, {200, 2, 4, 2}, {201, 2, 4, 2}, {400, 1, 4, 4}};
        for (const auto &e : expected) {
            const auto *dot = findDot(dots, e.pid);
            QVERIFY2(dot, qPrintable(u"pid %1 not drawn"_s.arg(e.pid)));
            QCOMPARE(dot->guest.on, e.on);
            QCOMPARE(dot->guest.home, e.home);
            QCOMPARE(dot->guest.reporting, e.reporting);
            // Drawn by its node, off the disc.
            QCOMPARE(monitor.nodeAt(dot->position), e.on);
            QVERIFY(QLineF(dot->position, *monitor.nodeCentre(e.on)).length() > 10);
            QCOMPARE(monitor.dotAt(dot->position)->guest.pid, e.pid);
        }

        // The models change: the dots follow without being asked.
        c.report(2, {process(20, u"sshd"_s, 2), guest(200, u"gcc"_s, 4)});
        QTRY_COMPARE(monitor.dots().size(), 3);
        QVERIFY(!findDot(monitor.dots(), 201));
        c.report(3, {guest(100, u"povray"_s, 1), guest(300, u"make"_s, 2)});
        QTRY_VERIFY(findDot(monitor.dots(), 300));
        QCOMPARE(findDot(monitor.dots(), 300)->guest.on, NodeId(3));
    }

    void movesAnimate() {
        Cluster c(4);
        fillFour(c);
        MigrationLogModel log;
        MigrationMonitor monitor(&c.model, &log);
        monitor.resize(640, 560);
        monitor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&monitor));

        log.add({step(u"m1"_s, u"started"_s, 201, 2, 3, 4)});
        QCOMPARE(monitor.movesUnderWay(), 1);
        QCOMPARE(monitor.animationsRunning(), 0);
        log.add({step(u"m1"_s, u"transferred"_s, 201, 2, 3, 4)});
        QCOMPARE(monitor.movesUnderWay(), 1);
        log.add({step(u"m1"_s, u"done"_s, 201, 2, 3, 4)});
        QCOMPARE(monitor.movesUnderWay(), 0);
        QCOMPARE(monitor.animationsRunning(), 1);
        QTest::qWait(400);
        QVERIFY(saveScreenshot(&monitor, u"migrationmonitor-flight"_s));

        // The dot's tooltip: the process, where it runs, and its last move's figures.
        const auto *dot = findDot(monitor.dots(), 201);
        QVERIFY(dot);
        QHelpEvent help(QEvent::ToolTip, dot->position.toPoint(),
                        monitor.mapToGlobal(dot->position.toPoint()));
        QApplication::sendEvent(&monitor, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(u"ld (PID 201)"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"node 2"_s) && tip.contains(u"node 4"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"812 ms"_s) && tip.contains(u"790 ms"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"70.5 MiB"_s), qPrintable(tip));
        QToolTip::hideText();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.animationsRunning(), 0, 3000);

        MigrationEvent failed = step(u"m2"_s, u"failed"_s, 200, 2, 1, 4);
        failed.failure = u"pid-taken"_s;
        failed.message = u"node 1 runs another process with PID 200"_s;
        log.add({step(u"m2"_s, u"started"_s, 200, 2, 1, 4), failed});
        QCOMPARE(monitor.movesUnderWay(), 0);
        QCOMPARE(monitor.animationsRunning(), 1);
        QTest::qWait(300);
        QVERIFY(saveScreenshot(&monitor, u"migrationmonitor-failed"_s));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.animationsRunning(), 0, 4000);

        // A move between nodes not shown is listed, not drawn.
        log.add({step(u"m3"_s, u"done"_s, 5, 7, 9, 7)});
        QCOMPARE(monitor.animationsRunning(), 0);
        QCOMPARE(log.rowCount(), 3);
    }

    void doubleClickSendsHome() {
        Cluster c(4);
        fillFour(c);
        MigrationMonitor monitor(&c.model);
        monitor.resize(640, 560);
        monitor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&monitor));
        QSignalSpy requested(&monitor, &MigrationMonitor::migrateRequested);

        const auto *dot = findDot(monitor.dots(), 100);
        QVERIFY(dot);
        QTest::mouseDClick(&monitor, Qt::LeftButton, {}, dot->position.toPoint());
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).value<NodeId>(), NodeId(3)); // where it runs, as a guest
        QCOMPARE(requested.first().at(1).toInt(), 100);
        QCOMPARE(requested.first().at(2).value<MigrateTarget>(),
                 MigrateTarget{.kind = MigrateTarget::Kind::Home});

        // A double-click beside the dots asks nothing.
        QTest::mouseDClick(&monitor, Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(requested.size(), 1);
    }

    void dragOntoANode() {
        Cluster c(4);
        fillFour(c);
        MigrationMonitor monitor(&c.model);
        monitor.resize(640, 560);
        monitor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&monitor));
        QSignalSpy requested(&monitor, &MigrationMonitor::migrateRequested);

        const auto drag = [&](QPointF from, QPointF to) {
            QTest::mousePress(&monitor, Qt::LeftButton, {}, from.toPoint());
            for (int i = 1; i <= 8; ++i)
                QTest::mouseMove(&monitor, (from + (to - from) * qreal(i) / 8).toPoint());
            QTest::mouseRelease(&monitor, Qt::LeftButton, {}, to.toPoint());
        };

        const QPointF gcc = findDot(monitor.dots(), 200)->position; // on 2, home 4
        // Held over node 3 for a picture: the dot follows the pointer, node 3 is marked.
        const QPointF over3 = *monitor.nodeCentre(3) + QPointF(6, -4);
        QTest::mousePress(&monitor, Qt::LeftButton, {}, gcc.toPoint());
        for (int i = 1; i <= 8; ++i)
            QTest::mouseMove(&monitor, (gcc + (over3 - gcc) * qreal(i) / 8).toPoint());
        QVERIFY(saveScreenshot(&monitor, u"migrationmonitor-drag"_s));
        QTest::mouseRelease(&monitor, Qt::LeftButton, {}, over3.toPoint());
        QCOMPARE(requested.size(), 1);
        requested.clear();
        drag(gcc, *monitor.nodeCentre(3));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).value<NodeId>(), NodeId(2));
        QCOMPARE(requested.first().at(1).toInt(), 200);
        QCOMPARE(requested.first().at(2).value<MigrateTarget>(),
                 (MigrateTarget{.kind = MigrateTarget::Kind::Node, .node = 3}));

        // Onto its home: the move home.
        drag(gcc, *monitor.nodeCentre(4));
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.last().at(2).value<MigrateTarget>(),
                 MigrateTarget{.kind = MigrateTarget::Kind::Home});

        // Back onto its own node, or into the void: nothing.
        drag(gcc, *monitor.nodeCentre(2));
        drag(gcc, QPointF(monitor.width() - 3, 3));
        QCOMPARE(requested.size(), 2);
    }

    void windowCarriesMovesOut() {
        omview::procs::test::ScriptedAgent agent;
        auto client = agent.connectedClient();
        Cluster c(4);
        fillFour(c);
        MigrationLogModel log;
        MigrationMonitorWindow w(&c.model, &log);
        w.setClient(client.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        MigrationMonitor *monitor = w.monitor();

        // gcc (pid 200, a guest on 2) dragged onto 3: proc.migrate to node 2's agent.
        const QPointF gcc = findDot(monitor->dots(), 200)->position;
        const QPointF to = *monitor->nodeCentre(3);
        QTest::mousePress(monitor, Qt::LeftButton, {}, gcc.toPoint());
        for (int i = 1; i <= 8; ++i)
            QTest::mouseMove(monitor, (gcc + (to - gcc) * qreal(i) / 8).toPoint());
        QTest::mouseRelease(monitor, Qt::LeftButton, {}, to.toPoint());
        const QJsonObject request = agent.waitFor(u"proc.migrate"_s);
        const QJsonObject params = agent.paramsOf(request);
        QCOMPARE(params.value("pid"_L1).toInt(), 200);
        QCOMPARE(params.value("target"_L1).toInt(), 3);
        QCOMPARE(params.value("node"_L1).toInt(), 2);
        agent.replyError(
            request, omview::RpcError(omview::ErrorCode::MigrationFailed,
                                      u"node 3 runs another process with PID 200"_s,
                                      QJsonObject{{u"reason"_s, u"pid-taken"_s}, {u"pid"_s, 200}}));
        QTRY_VERIFY(w.statusText().contains(u"PID 200"_s));
        QVERIFY(saveScreenshot(&w, u"migrationmonitor-refused"_s));

        // povray (pid 100, a guest on 3) double-clicked: home, through node 3's agent; the
        // failure shown before goes.
        QTest::mouseDClick(monitor, Qt::LeftButton, {},
                           findDot(monitor->dots(), 100)->position.toPoint());
        const QJsonObject home = agent.waitFor(u"proc.migrate"_s);
        QCOMPARE(agent.paramsOf(home).value("target"_L1).toString(), u"home"_s);
        QCOMPARE(agent.paramsOf(home).value("node"_L1).toInt(), 3);
        QCOMPARE(agent.paramsOf(home).value("pid"_L1).toInt(), 100);
        QVERIFY(w.statusText().isEmpty());
        agent.reply(home, QJsonObject{{u"node"_s, 1}, {u"bytes"_s, 1024}, {u"totalMs"_s, 80}});
        QTest::qWait(100);
        QVERIFY(w.statusText().isEmpty());
    }

    void crowdedNode() {
        // 300 guests on node 1 of 8: as many as fit drawn around it, the rest counted.
        Cluster c(8);
        QList<ProcessInfo> many;
        for (int i = 0; i < 300; ++i)
            many.append(guest(5000 + i, u"worker"_s, NodeId(2 + i % 7)));
        c.report(1, many);
        MigrationMonitor monitor(&c.model);
        monitor.resize(640, 560);
        monitor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&monitor));
        const auto dots = monitor.dots();
        QVERIFY(dots.size() > 20);
        QVERIFY(dots.size() < 300);
        QSet<NodeId> homes;
        for (const auto &d : dots) {
            QCOMPARE(monitor.nodeAt(d.position), NodeId(1));
            homes.insert(d.guest.home);
        }
        QCOMPARE(homes.size(), 7); // every home has its dots among those shown
        QVERIFY(saveScreenshot(&monitor, u"migrationmonitor-crowded"_s));
    }

    void screenshots_data() {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<bool>("dark");
        QTest::addRow("4 nodes") << 4 << false;
        QTest::addRow("4 nodes, dark") << 4 << true;
        QTest::addRow("40 nodes") << 40 << false;
        QTest::addRow("40 nodes, dark") << 40 << true;
    }
    void screenshots() {
        QFETCH(int, nodes);
        QFETCH(bool, dark);
        Cluster c(nodes);
        if (nodes == 4)
            fillFour(c);
        else
            fillForty(c);
        MigrationLogModel log;
        MigrationMonitorWindow w(&c.model, &log);
        if (dark)
            w.setPalette(darkPalette());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // Every guest by its node, none hidden at this size.
        const auto dots = w.monitor()->dots();
        QVERIFY(!dots.isEmpty());
        for (const auto &d : dots)
            QCOMPARE(w.monitor()->nodeAt(d.position), d.guest.on);

        MigrationEvent failed = step(u"f1"_s, u"failed"_s, 201, 2, 3, 4);
        failed.failure = u"pid-taken"_s;
        failed.message = u"node 3 runs another process with PID 201"_s;
        MigrationEvent balance = step(u"b1"_s, u"done"_s, 100, 1, 3, 1);
        balance.reason = u"balance"_s;
        balance.at -= 60000;
        log.add({balance, step(u"d1"_s, u"started"_s, 101, 1, 2, 1),
                 step(u"d1"_s, u"done"_s, 101, 1, 2, 1), step(u"f1"_s, u"started"_s, 201, 2, 3, 4),
                 failed, step(u"u1"_s, u"dumped"_s, 400, 4, 1, 4)});
        QCOMPARE(w.logView()->model()->rowCount(), 4);
        // Newest first.
        QCOMPARE(w.logView()->model()->index(3, MigrationLogModel::MoveColumn).data().toString(),
                 u"1 → 3"_s);
        QTest::qWait(450);
        const QString name =
            u"migrationmonitor-%1nodes%2"_s.arg(nodes).arg(dark ? u"-dark"_s : QString());
        QVERIFY(saveScreenshot(&w, name));
        QTRY_COMPARE_WITH_TIMEOUT(w.monitor()->animationsRunning(), 0, 4000);
        QVERIFY(saveScreenshot(&w, name + u"-still"_s));

        // Without a connection the window passes the requests on.
        QSignalSpy requested(&w, &MigrationMonitorWindow::migrateRequested);
        QTest::mouseDClick(w.monitor(), Qt::LeftButton, {}, dots.first().position.toPoint());
        QCOMPARE(requested.size(), 1);
        QVERIFY(w.statusText().isEmpty());
    }
};

QTEST_MAIN(TestMigrationMonitor)
#include "tst_migrationmonitor.moc"
