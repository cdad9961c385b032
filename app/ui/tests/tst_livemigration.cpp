// The console moving real processes with real agents and criu between the nodes of a
// namespace cluster (lab/cluster): the details dialog's Migrate, the remote processes
// manager's All Home, a drop on a node, and the migration monitor's list of those moves. The
// workload proves by the counter it keeps writing that it runs on after each move.
#include "testcluster.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <omview/console/mainwindow.h>
#include <omview/console/nodesview.h>
#include <omview/console/nodetablemodel.h>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/migrationlogmodel.h>
#include <omview/procs/migrationmonitorwindow.h>
#include <omview/procs/processactions.h>
#include <omview/procs/processdetailsdialog.h>
#include <omview/procs/processespane.h>
#include <omview/procs/processlistmodel.h>
#include <omview/procs/processmime.h>
#include <omview/procs/remoteprocessesdialog.h>

using namespace Qt::StringLiterals;
using namespace omview;
using omview::uitest::saveScreenshot;

namespace {

constexpr int Slow = 60'000;
constexpr int MoveMs = 120'000;

qint64 counterIn(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : -1;
}

} // namespace

class TestLiveMigration : public QObject {
    Q_OBJECT

private:
    std::optional<integration::TestCluster> m_cluster;
    QTemporaryDir m_dir{u"/tmp/omview-livemigration-XXXXXX"_s};
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    int m_pid = 0;

    QString counterFile() const { return m_dir.filePath(u"count"_s); }
    // The counter rises: the workload runs.
    bool keepsCounting() {
        const qint64 before = counterIn(counterFile());
        return QTest::qWaitFor([&] { return counterIn(counterFile()) > before + 2; }, 10'000);
    }
    procs::ProcessesPane *pane() const { return m_window->processesPane(); }
    // The row of the workload as @node lists it, in the pane's view.
    QModelIndex rowOn(NodeId node) const {
        const QAbstractItemModel *shown = pane()->view()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QModelIndex i = shown->index(row, 0);
            if (i.data(procs::ProcessListModel::PidRole).toInt() == m_pid &&
                i.data(procs::ProcessListModel::NodeIdRole).toUInt() == node)
                return i;
        }
        return {};
    }
    QModelIndex nodeRow(NodeId node) const {
        return static_cast<QSortFilterProxyModel *>(m_window->nodesView()->model())
            ->mapFromSource(m_window->nodeModel()->indexOfNode(node, 0));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_cluster.emplace(QStringLiteral(INTEGRATION_RUN_DIR) + u"/livemigration"_s);
        const auto up = m_cluster->up(3);
        QVERIFY2(up, qPrintable(integration::why(up)));
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(u"omview.ini"_s), QSettings::IniFormat);
        m_window = std::make_unique<MainWindow>(*m_settings, m_dir.filePath(u"collector.sock"_s));
        m_window->resize(1100, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy shown(m_window.get(), &MainWindow::clusterShown);
        m_window->connectTo(ConnectionProfile::localSocket(m_cluster->socket(1)));
        QVERIFY(shown.wait(Slow));
        for (NodeId n : {1u, 2u, 3u})
            QTRY_COMPARE_WITH_TIMEOUT(m_window->nodeModel()
                                          ->indexOfNode(n, 0)
                                          .data(NodeTableModel::NodeStateRole)
                                          .value<NodeTableModel::NodeState>(),
                                      NodeTableModel::NodeState::Up, Slow);
        const auto pid = m_cluster->run(
            1, {QStringLiteral(OMWORKLOAD_PATH), u"count"_s, counterFile()});
        QVERIFY2(pid, qPrintable(integration::why(pid)));
        m_pid = *pid;
        QVERIFY(keepsCounting());
        pane()->filterEdit()->setText(u"omworkload"_s);
        QTRY_VERIFY_WITH_TIMEOUT(rowOn(1).isValid(), Slow);
    }

    // The details dialog moves it to node 2; its home lists it there, node 2 as its guest.
    void detailsDialogMigrates() {
        const auto ref = procs::ProcessRef::fromIndex(rowOn(1));
        QVERIFY(ref);
        procs::ProcessDetailsDialog *details = pane()->openDetails(*ref);
        QVERIFY(details);
        auto *target = details->findChild<QComboBox *>(u"migrateTarget"_s);
        target->setCurrentIndex(target->findText(u"Node 2"_s));
        details->findChild<QPushButton *>(u"migrate"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(details->outcomeText().startsWith(u"Moved"_s) ||
                                     details->outcomeText().startsWith(u"Could not"_s),
                                 MoveMs);
        QVERIFY2(details->outcomeText().startsWith(
                     u"Moved process %1 (omworkload) to node 2"_s.arg(m_pid)),
                 qPrintable(details->outcomeText()));
        QVERIFY(keepsCounting());
        // Restored, it is listed once as it is (stopped), then as the guest it became.
        QTRY_VERIFY_WITH_TIMEOUT(rowOn(2).data(procs::ProcessListModel::GuestRole).toBool(), Slow);
        QTRY_VERIFY_WITH_TIMEOUT(rowOn(1).data(procs::ProcessListModel::AwayRole).toBool(), Slow);
        QCOMPARE(rowOn(1).siblingAtColumn(procs::ProcessListModel::NodeColumn).data().toString(),
                 u"2"_s);
        QVERIFY(saveScreenshot(details, u"live-details-moved"_s));
        details->close();
    }

    // Node 2's guests: the workload, with its home; All Home brings it back.
    void remoteProcessesSendHome() {
        m_window->nodesView()->setCurrentIndex(nodeRow(2));
        m_window->consoleActions().remoteProcesses->trigger();
        procs::RemoteProcessesDialog *guests = nullptr;
        QTRY_VERIFY((guests = m_window->findChild<procs::RemoteProcessesDialog *>()) &&
                    guests->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(guests->view()->model()->rowCount(), 1, Slow);
        QCOMPARE(guests->view()->model()->index(0, 0).data(procs::ProcessListModel::PidRole).toInt(),
                 m_pid);
        QVERIFY(saveScreenshot(guests, u"live-remote-processes"_s));
        guests->findChild<QPushButton *>(u"sendAllHome"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!guests->outcomeText().isEmpty(), MoveMs);
        QVERIFY2(guests->outcomeText().startsWith(u"Moved process %1 (omworkload) to node 1"_s.arg(
                     m_pid)),
                 qPrintable(guests->outcomeText()));
        QTRY_COMPARE_WITH_TIMEOUT(guests->view()->model()->rowCount(), 0, Slow);
        QVERIFY(keepsCounting());
        guests->close();
        QTRY_VERIFY_WITH_TIMEOUT(
            !rowOn(1).data(procs::ProcessListModel::AwayRole).toBool() && rowOn(1).isValid(),
            Slow);
    }

    // Dropped on node 3, it goes there.
    void dropOnANode() {
        NodesView *nodes = m_window->nodesView();
        std::unique_ptr<QMimeData> dragged(procs::ProcessMime::encode(QModelIndexList{rowOn(1)}));
        QVERIFY(dragged);
        const QPoint at = nodes->visualRect(nodeRow(3)).center();
        QDragEnterEvent enter(at, Qt::MoveAction, dragged.get(), Qt::LeftButton, {});
        QApplication::sendEvent(nodes->viewport(), &enter);
        QDragMoveEvent move(at, Qt::MoveAction, dragged.get(), Qt::LeftButton, {});
        QApplication::sendEvent(nodes->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(at, Qt::MoveAction, dragged.get(), Qt::LeftButton, {});
        QApplication::sendEvent(nodes->viewport(), &drop);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastMessage().contains(u"to node 3"_s), MoveMs);
        QVERIFY2(m_window->lastMessage().contains(
                     u"Moved process %1 (omworkload) to node 3"_s.arg(m_pid)),
                 qPrintable(m_window->lastMessage()));
        QVERIFY(keepsCounting());
        QTRY_VERIFY_WITH_TIMEOUT(rowOn(3).data(procs::ProcessListModel::GuestRole).toBool(), Slow);
        QVERIFY(saveScreenshot(m_window.get(), u"live-main-window-away"_s));
    }

    // The monitor lists the three moves, done; the guest is drawn on node 3.
    void monitorShowsTheMoves() {
        m_window->consoleActions().migrationMonitor->trigger();
        procs::MigrationMonitorWindow *monitor = nullptr;
        QTRY_VERIFY((monitor = m_window->migrationMonitor()) && monitor->isVisible());
        const QAbstractItemModel *log = monitor->logView()->model();
        const auto done = [&] {
            int n = 0;
            for (int row = 0; row < log->rowCount(); ++row) {
                const QModelIndex i = log->index(row, 0);
                if (i.data(procs::MigrationLogModel::FinishedRole).toBool() &&
                    !i.data(procs::MigrationLogModel::FailedRole).toBool() &&
                    i.data(procs::MigrationLogModel::PidRole).isValid())
                    ++n;
            }
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(done(), 3, Slow);
        QTest::qWait(1500); // the last move's animation
        QVERIFY(saveScreenshot(monitor, u"live-migration-monitor"_s));
        monitor->close();
    }

    void cleanupTestCase() {
        m_window.reset();
        if (m_cluster) {
            const auto down = m_cluster->down();
            QVERIFY2(down, qPrintable(integration::why(down)));
        }
    }
};

QTEST_MAIN(TestLiveMigration)
#include "tst_livemigration.moc"
