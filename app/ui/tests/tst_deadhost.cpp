// A dead host does not freeze the console. The main window, under a real display, connects
// to (a) a loopback port that accepts connections and never sends an SSH banner, and (b) a
// real sshd on loopback in front of a cluster of three real agents, which is stopped with
// SIGSTOP once the console is connected (the session goes silent; keepalive must notice).
// While each hangs, the GUI thread keeps running a 10 ms timer (the longest gap between its
// ticks is printed and bounded), a menu, a dialog and the filter work, the nodes pane and the
// status bar say what happened with the host named; (b) comes back by itself after SIGCONT.
#include "sshlab.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <csignal>
#include <omview/console/connectionsdialog.h>
#include <omview/console/lamp.h>
#include <omview/console/mainwindow.h>
#include <omview/console/nodefilterproxymodel.h>
#include <omview/console/nodesview.h>
#include <omview/console/nodetablemodel.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace omview;

namespace {

constexpr int Slow = 60000;
// The longest the GUI thread may go without running its timer while a connection hangs.
// Generous for a loaded 2-core machine: a frozen window shows as seconds, not as this.
constexpr qint64 MaxStallMs = 500;

// A host whose sshd never answers: a TCP port on 127.0.0.1 that accepts connections and
// holds them open without sending a byte. It runs on its own thread, so that the GUI
// thread the test measures does nothing for it.
class SilentListener : public QThread {
public:
    ~SilentListener() override {
        quit();
        wait();
    }
    // Starts the thread and waits until the port listens; false if it cannot.
    bool listen() {
        start();
        m_ready.acquire();
        return m_port != 0;
    }
    quint16 port() const { return m_port; }
    int connections() const { return m_connections; }

protected:
    void run() override {
        QTcpServer server; // the accepted sockets are its children: held open until the end
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server, this] {
            while (server.nextPendingConnection())
                ++m_connections;
        });
        if (server.listen(QHostAddress::LocalHost, 0))
            m_port = server.serverPort();
        m_ready.release();
        if (m_port != 0)
            exec();
    }

private:
    QSemaphore m_ready;
    std::atomic<quint16> m_port = 0;
    std::atomic<int> m_connections = 0;
};

// How long the GUI thread went without running its events: the longest gap between the
// ticks of a 10 ms timer on it, over the time it is running.
class StallProbe : public QObject {
public:
    StallProbe() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10ms);
        connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
    }
    void start() {
        m_clock.start();
        m_last = 0;
        m_longest = 0;
        m_ticks = 0;
        m_timer.start();
    }
    // Around the test's own blocking steps (grabbing a screenshot), which are not the
    // console's.
    void pause() {
        tick();
        m_timer.stop();
    }
    void resume() {
        m_last = m_clock.elapsed();
        m_timer.start();
    }
    void stop() { pause(); }
    qint64 longestGapMs() const { return m_longest; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    int ticks() const { return m_ticks; }

private:
    void tick() {
        const qint64 now = m_clock.elapsed();
        m_longest = std::max(m_longest, now - m_last);
        m_last = now;
        ++m_ticks;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    int m_ticks = 0;
};

NodeTableModel::NodeState stateOf(const QModelIndex &index) {
    return index.data(NodeTableModel::NodeStateRole).value<NodeTableModel::NodeState>();
}

} // namespace

class TestDeadHost : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::SshLab> m_lab;
    std::unique_ptr<test::Sshd> m_sshd;
    std::unique_ptr<test::AgentCluster> m_cluster;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    StallProbe m_probe;

    std::unique_ptr<MainWindow> window() {
        auto w = std::make_unique<MainWindow>(*m_settings, m_dir.filePath(u"collector.sock"_s));
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        return w;
    }
    // An SSH profile that gives up on a silent host within seconds (the defaults take 15 s
    // to time out and 45 to 60 s to notice a silent session, too long for a test).
    ConnectionProfile profile(quint16 port, const QString &name) const {
        SshTarget target = m_lab->target(*m_sshd, u"kh_deadhost"_s, m_cluster->socketPath(1));
        target.port = port;
        target.connectTimeout = 5s;
        target.keepaliveInterval = 1s;
        target.keepaliveCountMax = 2;
        return ConnectionProfile::overSsh(target, name);
    }
    bool screenshot(QWidget *widget, const QString &name) {
        m_probe.pause();
        const bool saved = uitest::saveScreenshot(widget, name);
        m_probe.resume();
        return saved;
    }
    // Whether the session said so (in the status bar) since `messages` began recording.
    static bool said(const QStringList &messages, const QStringList &parts) {
        return std::ranges::any_of(messages, [&parts](const QString &m) {
            return std::ranges::all_of(parts, [&m](const QString &p) { return m.contains(p); });
        });
    }
    static int nodesShown(MainWindow *w) {
        const QAbstractItemModel *shown = w->filterModel();
        return shown->rowCount(shown->index(0, 0));
    }
    LampLabel *connectionLamp(MainWindow *w) const {
        return w->findChild<LampLabel *>(u"connectionState"_s);
    }

    // Uses the window as a person would while the connection hangs: a menu opened from the
    // menu bar and closed, the Connections dialog opened and closed, the filter typed into
    // (and, with `unknownNodes` nodes on screen, set to a state) and closed. Each step must
    // take effect while the connection hangs.
    void driveTheWindow(MainWindow *w, int unknownNodes) {
        QMenuBar *bar = w->menuBar();
        QMenu *collector = w->consoleMenus().collector;
        QTest::mouseClick(bar, Qt::LeftButton, {},
                          bar->actionGeometry(collector->menuAction()).center());
        QTRY_VERIFY(collector->isVisible());
        QTest::keyClick(collector, Qt::Key_Escape);
        QTRY_VERIFY(!collector->isVisible());

        QPointer<ConnectionsDialog> dialog = w->showConnections();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog);

        const int all = nodesShown(w);
        const auto viewTop = [w] {
            return w->nodesView()->mapTo(w, QPoint()).y();
        };
        const int top = viewTop();
        w->consoleActions().viewFilter->trigger();
        QVERIFY(w->filterEdit()->isVisible());
        QTest::keyClicks(w->filterEdit(), u"127.0.0.2"_s);
        QCOMPARE(w->filterModel()->filterText(), u"127.0.0.2"_s);
        QCOMPARE(nodesShown(w), std::min(all, 1));
        w->filterEdit()->clear();
        if (unknownNodes > 0) {
            // Every node's state is unknown while the console cannot hear the cluster.
            QComboBox *state = w->filterStateBox();
            state->setCurrentIndex(state->findData(int(NodeFilterProxyModel::StateFilter::Up)));
            QCOMPARE(nodesShown(w), 0);
            state->setCurrentIndex(
                state->findData(int(NodeFilterProxyModel::StateFilter::Unknown)));
            QCOMPARE(nodesShown(w), unknownNodes);
        }
        w->consoleActions().viewFilter->trigger();
        QVERIFY(!w->filterEdit()->isVisible());
        QCOMPARE(nodesShown(w), all);
        QTRY_COMPARE(viewTop(), top); // the bar's room is given back
    }

    void reportStalls(const char *what) {
        m_probe.stop();
        qInfo("%s: the GUI thread's longest stall was %lld ms over %.1f s (%d ticks of 10 ms; "
              "bound %lld ms)",
              what, m_probe.longestGapMs(), double(m_probe.elapsedMs()) / 1000.0, m_probe.ticks(),
              MaxStallMs);
        QVERIFY2(m_probe.longestGapMs() < MaxStallMs,
                 qPrintable(u"the window froze for %1 ms"_s.arg(m_probe.longestGapMs())));
    }

private slots:
    void initTestCase() {
        if (!test::runningAsRoot())
            QSKIP("sshd needs root (run the tests in the build root, as root)");
        QVERIFY(m_dir.isValid());
        m_lab = std::make_unique<test::SshLab>();
        QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
        m_sshd = std::make_unique<test::Sshd>(
            m_lab->dir(), test::Sshd::Options{.authorizedKeys = m_lab->authorizedKeys()});
        QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
        m_lab->writeKnownHosts(u"kh_deadhost"_s, {m_sshd->knownHostsLine()});
        m_cluster = std::make_unique<test::AgentCluster>(3);
        const auto started = uitest::startCluster(*m_cluster);
        QVERIFY2(started, uitest::why(started).constData());
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(u"omview.ini"_s), QSettings::IniFormat);
    }

    // The measure itself: a GUI thread blocked on purpose shows as a stall of that length.
    void probeSeesABlockedThread() {
        m_probe.start();
        QTest::qWait(50);
        QThread::sleep(300ms); // what a blocking connect on the GUI thread would do
        QTest::qWait(50);
        m_probe.stop();
        QVERIFY2(m_probe.longestGapMs() >= 300,
                 qPrintable(QString::number(m_probe.longestGapMs())));
        QVERIFY(m_probe.ticks() >= 2);
    }

    // (a) The host accepts the TCP connection and then says nothing: the connection times
    // out and is tried again with backoff, the window works throughout, and connecting
    // elsewhere meanwhile works at once.
    void silentHost() {
        SilentListener listener;
        QVERIFY(listener.listen());
        QStringList messages; // before the window: its session's last messages come at its end
        auto w = window();
        QVERIFY(w);
        const QString host = u"127.0.0.1:%1"_s.arg(listener.port());

        m_probe.start();
        w->connectTo(profile(listener.port(), u"silent host"_s));
        connect(w->session(), &ClusterSession::message, this,
                [&messages](const QString &text) { messages.append(text); });
        QCOMPARE(w->session()->state(), ClusterSession::State::Connecting);
        QCOMPARE(w->connectionText(), u"Connecting…"_s);
        QCOMPARE(connectionLamp(w.get())->color(), LampColor::busy());
        QVERIFY2(w->lastMessage().contains(u"root@%1"_s.arg(host)), qPrintable(w->lastMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(listener.connections() >= 1, Slow);
        QVERIFY(screenshot(w.get(), u"deadhost-silent-connecting"_s));
        driveTheWindow(w.get(), 0);
        if (QTest::currentTestFailed())
            return;

        // The connect timeout ends the attempt; the next one follows after the backoff.
        QTRY_COMPARE_WITH_TIMEOUT(w->session()->state(), ClusterSession::State::Reconnecting, Slow);
        QVERIFY2(said(messages, {u"Retrying in"_s, host, u"timed out"_s}),
                 qPrintable(messages.join(u'\n')));
        QVERIFY2(w->lastMessage().contains(host), qPrintable(w->lastMessage()));
        QCOMPARE(w->connectionText(), u"Reconnecting…"_s);
        QCOMPARE(connectionLamp(w.get())->toolTip(), w->session()->stateText());
        // The nodes pane: nothing heard from the cluster, and it says so.
        const QModelIndex cluster = w->nodeModel()->clusterIndex();
        QCOMPARE(stateOf(cluster), NodeTableModel::NodeState::Unknown);
        QVERIFY2(cluster.data(Qt::ToolTipRole).toString().contains(u"not connected"_s),
                 qPrintable(cluster.data(Qt::ToolTipRole).toString()));
        QVERIFY(!w->errorBox()); // retrying by itself: nothing for the user to answer
        QVERIFY(screenshot(w.get(), u"deadhost-silent-retrying"_s));
        QTRY_VERIFY_WITH_TIMEOUT(listener.connections() >= 2, Slow);
        driveTheWindow(w.get(), 0);
        if (QTest::currentTestFailed())
            return;

        // Somewhere else while the silent host still holds the last attempt.
        QSignalSpy shown(w.get(), &MainWindow::clusterShown);
        w->connectTo(ConnectionProfile::localSocket(m_cluster->socketPath(1)));
        QVERIFY(shown.wait(Slow));
        QCOMPARE(w->session()->state(), ClusterSession::State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(nodesShown(w.get()), 3, Slow);
        reportStalls("silent host");
    }

    // (b) Connected to three nodes through sshd, which then stops: keepalive finds the
    // silent session, the nodes turn unknown, attempts time out against the stopped server
    // with growing delays, and after SIGCONT the console is back without anyone's help.
    void frozenSshd() {
        // Before the window: its session's last messages come at its end.
        QList<ClusterSession::State> states;
        QStringList messages;
        auto w = window();
        QVERIFY(w);
        const QString host = u"127.0.0.1:%1"_s.arg(m_sshd->port());
        QSignalSpy shown(w.get(), &MainWindow::clusterShown);
        w->connectTo(profile(m_sshd->port(), u"cluster over ssh"_s));
        QVERIFY(shown.wait(Slow));
        QCOMPARE(w->session()->state(), ClusterSession::State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(nodesShown(w.get()), 3, Slow);
        for (NodeId n : {1u, 2u, 3u})
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(w->nodeModel()->indexOfNode(n)),
                                      NodeTableModel::NodeState::Up, Slow);
        // As in the demo: several nodes through SSH. The status bar says the connection
        // once: the lamp its state, the message beside it what happened.
        QCOMPARE(w->connectionText(), u"Connected"_s);
        QCOMPARE(connectionLamp(w.get())->color(), LampColor::up());
        QVERIFY2(w->lastMessage().contains(u"Connected to node 1 (root@%1)"_s.arg(host)),
                 qPrintable(w->lastMessage()));
        QCOMPARE(connectionLamp(w.get())->toolTip(), w->session()->stateText());
        QVERIFY(uitest::saveScreenshot(w.get(), u"main-window-ssh-cluster"_s));

        connect(w->session(), &ClusterSession::stateChanged, this,
                [&states](ClusterSession::State s) { states.append(s); });
        connect(w->session(), &ClusterSession::message, this,
                [&messages](const QString &text) { messages.append(text); });

        m_probe.start();
        m_sshd->signalAll(SIGSTOP);
        QTRY_COMPARE_WITH_TIMEOUT(w->session()->state(), ClusterSession::State::Reconnecting, Slow);
        QVERIFY2(said(messages, {u"Retrying in"_s, host, u"keepalive"_s}),
                 qPrintable(messages.join(u'\n')));
        QVERIFY2(w->lastMessage().contains(host), qPrintable(w->lastMessage()));
        QCOMPARE(w->connectionText(), u"Reconnecting…"_s);
        QCOMPARE(connectionLamp(w.get())->color(), LampColor::busy());
        // Each node in the pane: grey, and its tooltip says why.
        for (NodeId n : {1u, 2u, 3u}) {
            const QModelIndex node = w->nodeModel()->indexOfNode(n);
            QCOMPARE(stateOf(node), NodeTableModel::NodeState::Unknown);
            QVERIFY2(node.data(Qt::ToolTipRole).toString().contains(u"not connected"_s),
                     qPrintable(node.data(Qt::ToolTipRole).toString()));
        }
        QCOMPARE(nodesShown(w.get()), 3); // the rows stay, with their last values
        driveTheWindow(w.get(), 3);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(screenshot(w.get(), u"deadhost-frozen-sshd"_s));

        // The next attempt reaches the stopped server's port and hears nothing either.
        QTRY_VERIFY_WITH_TIMEOUT(said(messages, {u"Retrying in"_s, host, u"timed out"_s}), Slow);
        QVERIFY(screenshot(w.get(), u"deadhost-frozen-sshd-retrying"_s));

        m_sshd->signalAll(SIGCONT);
        QTRY_COMPARE_WITH_TIMEOUT(w->session()->state(), ClusterSession::State::Connected, Slow);
        for (NodeId n : {1u, 2u, 3u})
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(w->nodeModel()->indexOfNode(n)),
                                      NodeTableModel::NodeState::Up, Slow);
        reportStalls("stopped sshd");
        if (QTest::currentTestFailed())
            return;
        // Lost, retried (at least twice: the keepalive's loss and a timed-out attempt),
        // back: the session never gave up and never asked anything.
        QCOMPARE(states.first(), ClusterSession::State::Reconnecting);
        QCOMPARE(states.last(), ClusterSession::State::Connected);
        QVERIFY(!states.contains(ClusterSession::State::Failed));
        const auto retries = std::ranges::count_if(
            messages, [](const QString &m) { return m.startsWith(u"Retrying in"_s); });
        QVERIFY2(retries >= 2, qPrintable(messages.join(u'\n')));
        QVERIFY(!w->errorBox() && !w->hostKeyDialog());
        QCOMPARE(w->connectionText(), u"Connected"_s);
        QVERIFY(w->lastMessage().contains(u"Connected to node 1"_s));
        QVERIFY(uitest::saveScreenshot(w.get(), u"deadhost-frozen-sshd-back"_s));
    }

    void cleanupTestCase() {
        if (m_sshd)
            m_sshd->stop();
    }
};

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    TestDeadHost test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_deadhost.moc"
