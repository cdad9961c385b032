// omview-procs' window under a real display against a live cluster of real agents: every
// node's processes listed, the nodes drop-down, a process acted on, Run Program and the
// migration monitor opened from its menus, What's This on every control; screenshots.
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QMenuBar>
#include <QProcess>
#include <QHeaderView>
#include <QLineEdit>
#include <QSet>
#include <QSignalSpy>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <omview/console/processeswindow.h>
#include <omview/procs/migrationmonitorwindow.h>
#include <omview/procs/processactions.h>
#include <omview/procs/processespane.h>
#include <omview/procs/processlistmodel.h>
#include <omview/procs/runprogramwizard.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::uitest;

namespace {

constexpr int Slow = 30000;

} // namespace

class TestProcessesWindow : public QObject {
    Q_OBJECT

private:
    test::AgentCluster m_cluster{3};
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProcessesWindow> m_window;

    QSet<uint> nodesListed() const {
        const QAbstractItemModel *shown = m_window->pane()->view()->model();
        QSet<uint> nodes;
        for (int row = 0; row < shown->rowCount(); ++row)
            nodes.insert(shown->index(row, 0).data(procs::ProcessListModel::NodeIdRole).toUInt());
        return nodes;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const auto started = startCluster(m_cluster);
        QVERIFY2(started, why(started).constData());
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(u"omview.ini"_s), QSettings::IniFormat);
        m_window = std::make_unique<ProcessesWindow>(*m_settings);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void listsTheCluster() {
        QAction *run = m_window->findChild<QAction *>(u"runProgram"_s);
        QVERIFY(run && !run->isEnabled()); // not connected yet
        QSignalSpy shown(m_window.get(), &ProcessesWindow::clusterShown);
        m_window->connectTo(ConnectionProfile::localSocket(m_cluster.socketPath(1)));
        QVERIFY(shown.wait(Slow));
        QTRY_COMPARE_WITH_TIMEOUT(nodesListed(), (QSet<uint>{1, 2, 3}), Slow);
        QVERIFY(run->isEnabled());
        QComboBox *nodes = m_window->pane()->nodesBox();
        // No nodes pane here: no "Selected nodes".
        QCOMPARE(nodes->findText(u"Selected nodes"_s), -1);
        nodes->setCurrentIndex(nodes->findText(u"Node 3"_s));
        QTRY_COMPARE(nodesListed(), QSet<uint>{3});
        QVERIFY(saveScreenshot(m_window.get(), u"omview-procs"_s));
        nodes->setCurrentIndex(0);
        QTRY_COMPARE(nodesListed(), (QSet<uint>{1, 2, 3}));
    }

    void actsOnAProcess() {
        QProcess sleeper;
        sleeper.start(u"sleep"_s, {u"600"_s});
        QVERIFY(sleeper.waitForStarted());
        const auto pid = int(sleeper.processId());
        procs::ProcessesPane *pane = m_window->pane();
        pane->filterEdit()->setText(QString::number(pid));
        QAbstractItemModel *shown = pane->view()->model();
        QTRY_VERIFY_WITH_TIMEOUT(shown->rowCount() > 0, Slow);
        pane->view()->selectionModel()->select(
            shown->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        pane->actions()->resume->trigger(); // Continue asks nothing
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastMessage().contains(
                                     u"Continue process %1 (sleep): done."_s.arg(pid)),
                                 Slow);
        sleeper.kill();
        sleeper.waitForFinished();
        pane->filterEdit()->clear();
    }

    void opensItsWindows() {
        m_window->findChild<QAction *>(u"runProgram"_s)->trigger();
        procs::RunProgramWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = m_window->findChild<procs::RunProgramWizard *>()) &&
                    wizard->isVisible());
        wizard->close();
        m_window->findChild<QAction *>(u"migrationMonitor"_s)->trigger();
        procs::MigrationMonitorWindow *monitor = nullptr;
        QTRY_VERIFY((monitor = m_window->findChild<procs::MigrationMonitorWindow *>()) &&
                    monitor->isVisible());
        monitor->close();
    }

    void whatsThisEverywhere() {
        const QStringList missing = controlsWithoutWhatsThis(m_window.get());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
        for (QAction *a : m_window->menuBar()->actions())
            for (QAction *item : a->menu()->actions())
                if (!item->isSeparator())
                    QVERIFY2(!item->whatsThis().isEmpty(), qPrintable(item->objectName()));
    }

    void keepsItsLayout() {
        QHeaderView *header = m_window->pane()->view()->header();
        header->setSectionHidden(procs::ProcessListModel::CantMoveColumn, true);
        m_window->close();
        m_window = std::make_unique<ProcessesWindow>(*m_settings);
        QVERIFY(m_window->pane()->view()->header()->isSectionHidden(
            procs::ProcessListModel::CantMoveColumn));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestProcessesWindow)
#include "tst_processeswindow.moc"
