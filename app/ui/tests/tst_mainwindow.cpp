// The main window under a real display against a live cluster of real agents: filled from
// the cluster, the speed slider (and its revert when the node refuses), the node buttons,
// selection, filter, remembered layout, the terminal, the collector menu with a real
// omcollectord and the analyzer and history windows it opens, What's This everywhere;
// screenshots in light and dark palettes.
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QTimer>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <sys/resource.h>
#include <omview/analyzer/analyzersession.h>
#include <omview/analyzer/analyzerwidget.h>
#include <omview/analyzer/analyzerwindow.h>
#include <omview/console/collectorcontrol.h>
#include <omview/console/helpviewer.h>
#include <omview/console/mainwindow.h>
#include <omview/console/nodedelegates.h>
#include <omview/console/nodefilterproxymodel.h>
#include <omview/console/nodesettingsdialog.h>
#include <omview/console/nodesview.h>
#include <omview/console/nodetablemodel.h>
#include <omview/console/savehistorydialog.h>
#include <omview/console/settingseditor.h>
#include <omview/history/historysession.h>
#include <omview/history/historywindow.h>
#include <omview/procs/processactions.h>
#include <omview/procs/processdetailsdialog.h>
#include <omview/procs/processespane.h>
#include <omview/procs/processmime.h>
#include <omview/procs/migrationmonitorwindow.h>
#include <omview/procs/remoteprocessesdialog.h>
#include <omview/procs/runprogramwizard.h>
#include <omview/procs/processlistmodel.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::uitest;

namespace {

constexpr int Slow = 30000;

// The state letter of /proc/PID/stat.
char procState(qint64 pid) {
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray line = f.readAll();
    const qsizetype paren = line.lastIndexOf(')');
    return paren < 0 || paren + 2 >= line.size() ? '?' : line.at(paren + 2);
}

void setPaletteAndWait(const QPalette &palette) {
    QApplication::setPalette(palette);
    QTest::qWait(100);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    test::AgentCluster m_cluster{3};
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AgentReader> m_reader;

    NodesView *view() const { return m_window->nodesView(); }
    QModelIndex nodeIndex(NodeId node, int column = 0) const {
        return m_window->nodeModel()->indexOfNode(node, column);
    }
    std::uint32_t shownSpeed(NodeId node) const {
        return nodeIndex(node).data(NodeTableModel::SpeedRole).toUInt();
    }
    QString settingsFile() const { return m_dir.filePath(u"omview.ini"_s); }

    std::unique_ptr<MainWindow> makeWindow() {
        auto window =
            std::make_unique<MainWindow>(*m_settings, m_dir.filePath(u"collector.sock"_s));
        window->collector()->setProgram(QStringLiteral(OMCOLLECTORD_PATH));
        window->collector()->setDatabase(m_dir.filePath(u"history.db"_s));
        window->collector()->setLogFile(m_dir.filePath(u"collector.log"_s));
        window->collector()->setPollInterval(std::chrono::milliseconds(500));
        return window;
    }

    // Drags a node's slider from its handle to x (viewport coordinates); the chosen speed.
    std::optional<std::uint32_t> dragSlider(NodeId node, int x) {
        QSignalSpy chosen(view(), &NodesView::speedChosen);
        const QRect slider = view()->sliderRect(node);
        if (slider.isEmpty())
            return std::nullopt;
        const QPoint start(slider.left() + 4, slider.center().y());
        QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(view()->viewport(), QPoint((start.x() + x) / 2, start.y()));
        QTest::mouseMove(view()->viewport(), QPoint(x, start.y()));
        QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {}, QPoint(x, start.y()));
        if (chosen.size() != 1)
            return std::nullopt;
        return chosen.first().at(1).value<std::uint32_t>();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const auto started = startCluster(m_cluster);
        QVERIFY2(started, why(started).constData());
        m_reader = std::make_unique<AgentReader>(m_cluster.socketPath(1));
        QVERIFY(m_reader->connect());
        m_settings = std::make_unique<QSettings>(settingsFile(), QSettings::IniFormat);
        m_window = makeWindow();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void filledFromTheCluster() {
        QSignalSpy shown(m_window.get(), &MainWindow::clusterShown);
        m_window->connectTo(ConnectionProfile::localSocket(m_cluster.socketPath(1)));
        QVERIFY(shown.wait(Slow));
        QVERIFY(m_window->connectionText().contains(u"Connected"_s));
        const QAbstractItemModel *shownModel = view()->model();
        QCOMPARE(shownModel->rowCount(), 1);
        const QModelIndex cluster = shownModel->index(0, 0);
        QVERIFY(view()->isExpanded(cluster));
        QTRY_COMPARE_WITH_TIMEOUT(shownModel->rowCount(cluster), 3, Slow);
        for (NodeId n : {1u, 2u, 3u}) {
            QTRY_COMPARE_WITH_TIMEOUT(
                nodeIndex(n).data(NodeTableModel::NodeStateRole).value<NodeTableModel::NodeState>(),
                NodeTableModel::NodeState::Up, Slow);
            QCOMPARE(nodeIndex(n).data(NodeTableModel::AddressRole).toString(),
                     u"127.0.0.%1"_s.arg(n));
            QVERIFY(!view()->buttonRect(n).isEmpty());
        }
        QCOMPARE(
            NodeButtonDelegate::buttonText(shownModel->index(0, NodeTableModel::AddressColumn)),
            u"All nodes"_s);
        QVERIFY(m_window->consoleActions().allNodesSettings->isEnabled());
        QVERIFY(saveScreenshot(m_window.get(), u"main-window"_s));
        setPaletteAndWait(darkPalette());
        QVERIFY(saveScreenshot(m_window.get(), u"main-window-dark"_s));
        setPaletteAndWait(QApplication::style()->standardPalette());
    }

    // Moving the slider sets the node's speed on its agent.
    // Under the nodes: the processes of every node, fed by the agents, with their NODE;
    // the text filter and the user drop-down narrow them.
    void processesPane() {
        procs::ProcessesPane *pane = m_window->processesPane();
        QVERIFY(pane && pane->isVisible());
        const QAbstractItemModel *shown = pane->view()->model();
        // Every node's agent is listed by its own node (three agents, one host's /proc).
        const auto agentsListed = [&] {
            QSet<uint> nodes;
            for (int row = 0; row < shown->rowCount(); ++row) {
                const QModelIndex i = shown->index(row, procs::ProcessListModel::CommandColumn);
                if (i.data().toString() == u"omagentd"_s)
                    nodes.insert(i.data(procs::ProcessListModel::NodeIdRole).toUInt());
            }
            return nodes == QSet<uint>{1, 2, 3};
        };
        QTRY_VERIFY_WITH_TIMEOUT(agentsListed(), Slow);
        const int all = shown->rowCount();
        pane->filterEdit()->setText(u"omagentd"_s);
        QTRY_VERIFY(shown->rowCount() > 0 && shown->rowCount() < all);
        for (int row = 0; row < shown->rowCount(); ++row)
            QVERIFY(shown->index(row, procs::ProcessListModel::CommandColumn)
                        .data(procs::ProcessListModel::CommandLineRole)
                        .toString()
                        .contains(u"omagentd"_s));
        QCOMPARE(shown->index(0, procs::ProcessListModel::NodeColumn).data().toString(),
                 u"home"_s);
        QVERIFY(saveScreenshot(m_window.get(), u"main-window-processes"_s));
        // The header's menu hides and shows columns; the last one shown cannot go.
        QHeaderView *header = pane->view()->header();
        QMenu *columns = pane->columnsMenu();
        QCOMPARE(columns->actions().size(), procs::ProcessListModel::ColumnCount);
        columns->findChild<QAction *>(u"processColumn%1"_s.arg(
                                           procs::ProcessListModel::CantMoveColumn))
            ->trigger();
        QVERIFY(header->isSectionHidden(procs::ProcessListModel::CantMoveColumn));
        for (int column = 1; column < procs::ProcessListModel::ColumnCount; ++column)
            header->setSectionHidden(column, true);
        columns = pane->columnsMenu();
        QVERIFY(!columns->findChild<QAction *>(u"processColumn0"_s)->isEnabled());
        for (int column = 0; column < procs::ProcessListModel::ColumnCount; ++column)
            header->setSectionHidden(column, false);
        QTRY_VERIFY(pane->userBox()->count() > 1);
        pane->filterEdit()->clear();
        QTRY_COMPARE(shown->rowCount(), all);
    }

    // The pane's actions on a real process: stop and continue it (confirmed), its details
    // dialog (Enter) renicing and locking it, and a drop on a node, whose refusal says
    // where the process still runs.
    void processActions() {
        procs::ProcessesPane *pane = m_window->processesPane();
        QProcess sleeper;
        sleeper.start(u"sleep"_s, {u"600"_s});
        QVERIFY(sleeper.waitForStarted());
        const auto pid = std::int32_t(sleeper.processId());
        pane->filterEdit()->setText(QString::number(pid));
        QAbstractItemModel *shown = pane->view()->model();
        const auto row = [&] {
            for (int r = 0; r < shown->rowCount(); ++r) {
                const QModelIndex i = shown->index(r, 0);
                if (i.data(procs::ProcessListModel::PidRole).toInt() == pid &&
                    i.data(procs::ProcessListModel::NodeIdRole).toUInt() == 1)
                    return i;
            }
            return QModelIndex();
        };
        QTRY_VERIFY_WITH_TIMEOUT(row().isValid(), Slow);
        pane->view()->setFocus();
        pane->view()->selectionModel()->setCurrentIndex(
            row(), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        procs::ProcessActions *actions = pane->actions();
        QVERIFY(actions && actions->stop->isEnabled());
        QCOMPARE(pane->selectedProcesses().size(), 1);

        // Stop asks first; Cancel changes nothing, the confirmed one stops it.
        const auto answer = [](bool go) {
            QTimer::singleShot(200, [go] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box || box->objectName() != u"confirmSignal"_s)
                    return;
                for (QAbstractButton *b : box->buttons())
                    if ((box->buttonRole(b) == QMessageBox::AcceptRole) == go) {
                        b->click();
                        return;
                    }
            });
        };
        answer(false);
        actions->stop->trigger();
        QTest::qWait(300);
        QVERIFY(procState(pid) != 'T');
        answer(true);
        actions->stop->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(procState(pid), 'T', Slow);
        QTRY_VERIFY(m_window->lastMessage().contains(u"Stop process %1 (sleep): done."_s.arg(pid)));
        actions->resume->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(procState(pid) != 'T', Slow);

        // Enter opens the details; renice and lock from there.
        QTest::keyClick(pane->view(), Qt::Key_Return);
        procs::ProcessDetailsDialog *details = nullptr;
        QTRY_VERIFY((details = m_window->findChild<procs::ProcessDetailsDialog *>()) &&
                    details->isVisible());
        QCOMPARE(details->process().pid, pid);
        details->findChild<QSpinBox *>(u"nice"_s)->setValue(5);
        details->findChild<QPushButton *>(u"renice"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(getpriority(PRIO_PROCESS, id_t(pid)), 5, Slow);
        QTRY_VERIFY(details->outcomeText().contains(u"Reniced"_s));
        QTRY_VERIFY_WITH_TIMEOUT(details->findChild<QLabel *>(u"detail%1"_s.arg(
                                     procs::ProcessListModel::NiceColumn))->text() == u"5"_s,
                                 Slow);
        details->findChild<QPushButton *>(u"lock"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(details->process().locked, Slow);
        QVERIFY(saveScreenshot(details, u"process-details"_s));

        // Dropped on node 2: the loopback agents share one host and cannot move it; the
        // refusal names the process and where it still runs.
        std::unique_ptr<QMimeData> dragged(
            procs::ProcessMime::encode(pane->selectedProcesses()));
        QVERIFY(dragged);
        const QPoint at = view()->visualRect(
            static_cast<QSortFilterProxyModel *>(view()->model())->mapFromSource(nodeIndex(2)))
                              .center();
        QVERIFY2(view()->indexAt(at).data(NodeTableModel::NodeIdRole).toUInt() == 2,
                 qPrintable(u"(%1, %2) in a viewport of %3×%4"_s.arg(at.x()).arg(at.y()).arg(
                     view()->viewport()->width()).arg(view()->viewport()->height())));
        QDragEnterEvent enter(at, Qt::MoveAction, dragged.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view()->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::MoveAction, dragged.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view()->viewport(), &move);
        QVERIFY(move.isAccepted());
        QSignalSpy dropped(view(), &NodesView::processesDropped);
        QDropEvent drop(at, Qt::MoveAction, dragged.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view()->viewport(), &drop);
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.first().at(0).value<NodeId>(), 2u);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->lastMessage().contains(u"It still runs on node 1."_s), Slow);
        QVERIFY2(m_window->lastMessage().contains(u"process %1 (sleep) to node 2"_s.arg(pid)),
                 qPrintable(m_window->lastMessage()));
        QVERIFY(procState(pid) != 'T' && procState(pid) != '?');

        details->close();
        sleeper.kill();
        sleeper.waitForFinished();
        pane->filterEdit()->clear();
    }

    // The pane lists the processes of the nodes selected above, or of one node.
    void processesOfSelectedNodes() {
        procs::ProcessesPane *pane = m_window->processesPane();
        const QAbstractItemModel *shown = pane->view()->model();
        const auto nodesListed = [&] {
            QSet<uint> nodes;
            for (int row = 0; row < shown->rowCount(); ++row)
                nodes.insert(
                    shown->index(row, 0).data(procs::ProcessListModel::NodeIdRole).toUInt());
            return nodes;
        };
        QTRY_COMPARE_WITH_TIMEOUT(nodesListed(), (QSet<uint>{1, 2, 3}), Slow);
        view()->selectionModel()->select(
            static_cast<QSortFilterProxyModel *>(view()->model())->mapFromSource(nodeIndex(2)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QComboBox *nodes = pane->nodesBox();
        nodes->setCurrentIndex(nodes->findText(u"Selected nodes"_s));
        QTRY_COMPARE(nodesListed(), QSet<uint>{2});
        view()->selectionModel()->select(
            static_cast<QSortFilterProxyModel *>(view()->model())->mapFromSource(nodeIndex(3)),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTRY_COMPARE(nodesListed(), (QSet<uint>{2, 3}));
        nodes->setCurrentIndex(nodes->findText(u"Node 1"_s));
        QTRY_COMPARE(nodesListed(), QSet<uint>{1});
        QVERIFY(saveScreenshot(m_window.get(), u"main-window-processes-node1"_s));
        nodes->setCurrentIndex(0);
        QTRY_COMPARE(nodesListed(), (QSet<uint>{1, 2, 3}));
        view()->clearSelection();
    }

    // File → Run Program and View → Migration Monitor open their windows, once each.
    void processWindows() {
        m_window->consoleActions().runProgram->trigger();
        QTRY_VERIFY(m_window->runProgramWizard() && m_window->runProgramWizard()->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(m_window->runProgramWizard()));
        QVERIFY(saveScreenshot(m_window->runProgramWizard(), u"main-window-run-program"_s));
        m_window->consoleActions().runProgram->trigger();
        QCOMPARE(m_window->findChildren<procs::RunProgramWizard *>().size(), 1);
        m_window->runProgramWizard()->close();
        QTRY_VERIFY(!m_window->runProgramWizard());

        m_window->consoleActions().migrationMonitor->trigger();
        QTRY_VERIFY(m_window->migrationMonitor() && m_window->migrationMonitor()->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(m_window->migrationMonitor()));
        QTest::qWait(500);
        QVERIFY(saveScreenshot(m_window->migrationMonitor(), u"main-window-migration-monitor"_s));
        m_window->migrationMonitor()->close();
        QTRY_VERIFY(!m_window->migrationMonitor());

        // Nodes → Remote Processes: the guests of the current node (none on loopback).
        view()->setCurrentIndex(
            static_cast<QSortFilterProxyModel *>(view()->model())->mapFromSource(nodeIndex(2)));
        QVERIFY(m_window->consoleActions().remoteProcesses->isEnabled());
        m_window->consoleActions().remoteProcesses->trigger();
        procs::RemoteProcessesDialog *guests = nullptr;
        QTRY_VERIFY((guests = m_window->findChild<procs::RemoteProcessesDialog *>()) &&
                    guests->isVisible());
        QCOMPARE(guests->node(), 2u);
        QCOMPARE(guests->view()->model()->rowCount(), 0);
        guests->close();
        view()->clearSelection();
    }

    void sliderSetsTheSpeed() {
        const QRect slider = view()->sliderRect(2);
        QVERIFY(!slider.isEmpty());
        const auto high = dragSlider(2, slider.right() - 1);
        QVERIFY(high);
        QCOMPARE(*high, 1000000u);
        QTRY_COMPARE_WITH_TIMEOUT(m_reader->settings(2).value_or(Settings{}).speed, 1000000u, Slow);
        QTRY_COMPARE_WITH_TIMEOUT(shownSpeed(2), 1000000u, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(!nodeIndex(2).data(NodeTableModel::PendingSpeedRole).isValid(),
                                 Slow);
        const auto middle = dragSlider(2, slider.center().x());
        QVERIFY(middle);
        // The middle of a logarithmic 1..1000000 scale.
        QVERIFY2(*middle >= 700 && *middle <= 1500, qPrintable(QString::number(*middle)));
        QTRY_COMPARE_WITH_TIMEOUT(m_reader->settings(2).value_or(Settings{}).speed, *middle, Slow);
        QVERIFY2(m_window->lastMessage().contains(u"set to %1 on 1 node(s): 2"_s.arg(*middle)),
                 qPrintable(m_window->lastMessage()));
    }

    // F2 on a node's row: type an exact speed.
    void typedSpeed() {
        view()->setFocus();
        view()->selectionModel()->setCurrentIndex(
            static_cast<QSortFilterProxyModel *>(view()->model())->mapFromSource(nodeIndex(3)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTest::keyClick(view(), Qt::Key_F2);
        auto *box = view()->viewport()->findChild<QSpinBox *>();
        QVERIFY(box);
        QCOMPARE(box->value(), int(shownSpeed(3)));
        box->selectAll();
        QTest::keyClicks(box, u"12345"_s);
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_reader->settings(3).value_or(Settings{}).speed, 12345u, Slow);
        QTRY_COMPARE_WITH_TIMEOUT(shownSpeed(3), 12345u, Slow);
        // Once the node's own record shows it, the value is no longer a pending one.
        QTRY_VERIFY_WITH_TIMEOUT(!nodeIndex(3).data(NodeTableModel::PendingSpeedRole).isValid(),
                                 Slow);
        QTRY_VERIFY_WITH_TIMEOUT(!nodeIndex(2).data(NodeTableModel::PendingSpeedRole).isValid(),
                                 Slow);
    }

    void buttonsOpenTheDialogs() {
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, view()->buttonRect(2).center());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->settingsDialogs().size(), 1, Slow);
        NodeSettingsDialog *node = m_window->settingsDialogs().first();
        QCOMPARE(node->scope(), NodeSettingsDialog::Scope::Node);
        QCOMPARE(node->nodes(), QList<NodeId>{2});
        QVERIFY(node->windowTitle().contains(u"127.0.0.2"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!node->isBusy(), Slow);
        QCOMPARE(node->editor()->speed()->value(),
                 int(m_reader->settings(2).value_or(Settings{}).speed));
        node->close();

        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {},
                          view()->clusterButtonRect().center());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->settingsDialogs().size(), 1, Slow);
        NodeSettingsDialog *all = m_window->settingsDialogs().first();
        QCOMPARE(all->scope(), NodeSettingsDialog::Scope::Cluster);
        QCOMPARE(all->nodes(), (QList<NodeId>{1, 2, 3}));
        QTRY_VERIFY_WITH_TIMEOUT(!all->isBusy(), Slow);
        QCOMPARE(all->editor()->speed()->text(), SettingsEditor::mixedText());
        all->close();
        QTRY_VERIFY(m_window->settingsDialogs().isEmpty());

        // From the keyboard: Enter on a node's row presses its button.
        const auto *proxy = static_cast<const QSortFilterProxyModel *>(view()->model());
        view()->setFocus();
        view()->setCurrentIndex(proxy->mapFromSource(nodeIndex(1)));
        QTest::keyClick(view(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->settingsDialogs().size(), 1, Slow);
        QCOMPARE(m_window->settingsDialogs().first()->nodes(), QList<NodeId>{1});
        m_window->settingsDialogs().first()->close();
        QTRY_VERIFY(m_window->settingsDialogs().isEmpty());
    }

    // Several nodes selected: one dialog for them (the selection through KSelectionProxyModel).
    void selectedNodesSettings() {
        const auto *proxy = static_cast<const QSortFilterProxyModel *>(view()->model());
        view()->selectionModel()->clearSelection();
        for (NodeId n : {1u, 3u})
            view()->selectionModel()->select(proxy->mapFromSource(nodeIndex(n)),
                                             QItemSelectionModel::Select |
                                                 QItemSelectionModel::Rows);
        const NodesView::Selection selection = view()->selection();
        QCOMPARE(selection.cluster, false);
        QCOMPARE(selection.nodes, (QList<NodeId>{1, 3}));
        QVERIFY(m_window->consoleActions().nodeSettings->isEnabled());
        m_window->consoleActions().nodeSettings->trigger();
        QCOMPARE(m_window->settingsDialogs().size(), 1);
        NodeSettingsDialog *dialog = m_window->settingsDialogs().first();
        QCOMPARE(dialog->scope(), NodeSettingsDialog::Scope::Selection);
        QCOMPARE(dialog->nodes(), (QList<NodeId>{1, 3}));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Slow);
        QVERIFY(saveScreenshot(dialog, u"dialog-selected-nodes"_s));
        dialog->close();
        // The cluster row selected: all nodes.
        view()->selectionModel()->select(
            proxy->mapFromSource(m_window->nodeModel()->clusterIndex()),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(view()->selection().cluster);
        m_window->consoleActions().nodeSettings->trigger();
        QTRY_COMPARE(m_window->settingsDialogs().size(), 1);
        QCOMPARE(m_window->settingsDialogs().first()->scope(), NodeSettingsDialog::Scope::Cluster);
        m_window->settingsDialogs().first()->close();
    }

    void filterAndSort() {
        const QAbstractItemModel *m = view()->model();
        const QModelIndex cluster = m->index(0, 0);
        m_window->consoleActions().viewFilter->trigger();
        QVERIFY(m_window->filterEdit()->isVisible());
        QTest::keyClicks(m_window->filterEdit(), u"127.0.0.2"_s);
        QCOMPARE(m->rowCount(cluster), 1);
        QCOMPARE(m->index(0, 0, cluster).data(NodeTableModel::NodeIdRole).toUInt(), 2u);
        QVERIFY(saveScreenshot(m_window.get(), u"main-window-filtered"_s));
        m_window->filterEdit()->clear();
        m_window->filterStateBox()->setCurrentIndex(2); // Down
        QCOMPARE(m->rowCount(cluster), 0);
        m_window->consoleActions().viewFilter->trigger(); // hiding the bar shows every node again
        QVERIFY(!m_window->filterEdit()->isVisible());
        QCOMPARE(m->rowCount(cluster), 3);

        view()->sortByColumn(NodeTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->index(0, 0, cluster).data(NodeTableModel::NodeIdRole).toUInt(), 3u);
        view()->sortByColumn(NodeTableModel::IdColumn, Qt::AscendingOrder);
        QCOMPARE(m->index(0, 0, cluster).data(NodeTableModel::NodeIdRole).toUInt(), 1u);
    }

    // Threshold, hidden and moved columns and widths come back in the next window.
    void layoutIsRemembered() {
        QHeaderView *header = view()->header();
        m_window->setWarningThreshold(40);
        m_window->consoleMenus().columns
            ->findChild<QAction *>(u"column%1"_s.arg(NodeTableModel::MemTotalColumn))
            ->trigger();
        QVERIFY(header->isSectionHidden(NodeTableModel::MemTotalColumn));
        header->moveSection(header->visualIndex(NodeTableModel::CpusColumn), 2);
        header->resizeSection(NodeTableModel::AddressColumn, 333);
        QVERIFY(m_window->saveConfiguration());
        QVERIFY(m_window->lastMessage().contains(settingsFile()));
        auto second = makeWindow();
        QCOMPARE(second->warningThreshold(), 40);
        QVERIFY(second->nodesView()->header()->isSectionHidden(NodeTableModel::MemTotalColumn));
        QCOMPARE(second->nodesView()->header()->visualIndex(NodeTableModel::CpusColumn), 2);
        QCOMPARE(second->nodesView()->header()->sectionSize(NodeTableModel::AddressColumn), 333);
        second.reset();
        // Back to the defaults for the screenshots that follow.
        header->setSectionHidden(NodeTableModel::MemTotalColumn, false);
        header->moveSection(header->visualIndex(NodeTableModel::CpusColumn),
                            NodeTableModel::CpusColumn);
        header->resizeSection(NodeTableModel::AddressColumn, 200);
        m_window->setWarningThreshold(75);
        // A threshold that cannot be right in the file: the default, and a warning.
        m_settings->setValue(u"view/threshold"_s, u"lots"_s);
        auto third = makeWindow();
        QCOMPARE(third->warningThreshold(), 75);
    }

    void terminalOnANode() {
        QTemporaryDir bin;
        const QString out = bin.filePath(u"args"_s);
        QFile script(bin.filePath(u"myterm"_s));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " +
                     QFile::encodeName(out) + ".tmp && mv " + QFile::encodeName(out) + ".tmp " +
                     QFile::encodeName(out) + "\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("TERMINAL", QFile::encodeName(script.fileName()));
        const auto *proxy = static_cast<const QSortFilterProxyModel *>(view()->model());
        view()->setCurrentIndex(proxy->mapFromSource(nodeIndex(2)));
        QVERIFY(m_window->consoleActions().terminal->isEnabled());
        m_window->consoleActions().terminal->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), Slow);
        QFile args(out);
        QVERIFY(args.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(args.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), u"-e"_s);
        QVERIFY(lines.value(1).endsWith(u"/ssh"_s));
        QCOMPARE(lines.mid(2), (QStringList{u"--"_s, u"127.0.0.2"_s}));
        QVERIFY(m_window->lastMessage().contains(u"terminal"_s));
        qunsetenv("TERMINAL");
    }

    void collectorMenu() {
        CollectorControl *collector = m_window->collector();
        QTRY_COMPARE_WITH_TIMEOUT(collector->state(), CollectorControl::State::Stopped, Slow);
        QVERIFY(m_window->collectorText().contains(u"off"_s));
        QVERIFY(m_window->consoleActions().collectorStart->isEnabled());
        QVERIFY(!m_window->consoleActions().collectorCheckpoint->isEnabled());
        m_window->consoleActions().collectorStart->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(collector->state(), CollectorControl::State::Running, 60000);
        QVERIFY(m_window->collectorText().contains(u"on"_s));
        QVERIFY(!m_window->consoleActions().collectorStart->isEnabled());
        QVERIFY(collector->status()->database.endsWith(u"history.db"_s));
        QVERIFY(saveScreenshot(m_window.get(), u"main-window-collector-on"_s));

        m_window->consoleActions().collectorCheckpoint->trigger();
        auto *checkpoint = m_window->findChild<QInputDialog *>(u"checkpointDialog"_s);
        QVERIFY(checkpoint);
        QVERIFY(QTest::qWaitForWindowExposed(checkpoint));
        checkpoint->setTextValue(u"render starts"_s);
        QVERIFY(saveScreenshot(checkpoint, u"dialog-checkpoint"_s));
        checkpoint->accept();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastMessage().contains(u"render starts"_s), Slow);

        // A few seconds of history, then save them.
        QTRY_VERIFY_WITH_TIMEOUT(collector->status() && collector->status()->ticksWritten >= 2,
                                 Slow);
        m_window->consoleActions().collectorSaveHistory->trigger();
        auto *save = m_window->findChild<SaveHistoryDialog *>();
        QVERIFY(save);
        const QString file = m_dir.filePath(u"saved.db"_s);
        save->setFile(file);
        save->setRange(QDateTime::currentDateTime().addSecs(-600),
                       QDateTime::currentDateTime().addSecs(5));
        save->accept();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastMessage().contains(u"History saved"_s), Slow);
        QVERIFY(QFile::exists(file));
    }

    // Collector → Analyzer… and History… on the running collector's database; a click on an
    // analyzer chart (historyRequested) shows that moment in the history browser.
    void analyzerAndHistory() {
        CollectorControl *collector = m_window->collector();
        QCOMPARE(collector->state(), CollectorControl::State::Running);
        const QString database = collector->status()->database;
        QCOMPARE(collector->historyDatabase(), database);
        QAction *analyzerAction = m_window->consoleActions().collectorAnalyzer;
        QAction *historyAction = m_window->consoleActions().collectorHistory;
        QVERIFY(analyzerAction->isEnabled() && historyAction->isEnabled());
        QVERIFY(analyzerAction->toolTip().contains(database));
        QVERIFY(m_window->consoleMenus().collector->actions().contains(analyzerAction));
        QVERIFY(
            m_window->findChild<QToolBar *>(u"mainToolbar"_s)->actions().contains(historyAction));

        analyzerAction->trigger();
        QPointer<analyzer::AnalyzerWindow> analyzerWindow = m_window->analyzerWindow();
        QVERIFY(analyzerWindow);
        QVERIFY(QTest::qWaitForWindowExposed(analyzerWindow));
        QVERIFY(analyzerWindow->analyzer()->session());
        QCOMPARE(analyzerWindow->analyzer()->session()->path(), database);
        analyzerAction->trigger(); // the same window again
        QCOMPARE(m_window->analyzerWindow(), analyzerWindow.data());
        QCOMPARE(m_window->findChildren<analyzer::AnalyzerWindow *>().size(), 1);

        historyAction->trigger();
        QPointer<history::HistoryWindow> historyWindow = m_window->historyWindow();
        QVERIFY(historyWindow);
        QVERIFY(QTest::qWaitForWindowExposed(historyWindow));
        QCOMPARE(historyWindow->session()->path(), database);
        historyAction->trigger();
        QCOMPARE(m_window->historyWindow(), historyWindow.data());
        QTRY_VERIFY_WITH_TIMEOUT(historyWindow->session()->timeline().range().has_value(), Slow);
        const store::TimeRange range = *historyWindow->session()->timeline().range();
        historyWindow->close();
        QTRY_VERIFY(!m_window->historyWindow());

        // A chart clicked: the history browser opens again, on node 2 at that moment.
        const std::int64_t t = range.first + (range.last - range.first) / 2;
        emit analyzerWindow->historyRequested(2, QDateTime::fromSecsSinceEpoch(t));
        historyWindow = m_window->historyWindow();
        QVERIFY(historyWindow);
        QVERIFY(QTest::qWaitForWindowExposed(historyWindow));
        QCOMPARE(historyWindow->session()->path(), database);
        QCOMPARE(historyWindow->session()->scope(), std::optional<store::NodeId>(2));
        QCOMPARE(historyWindow->session()->cursor().asked(), std::optional<std::int64_t>(t));
        QVERIFY(saveScreenshot(historyWindow, u"main-window-history-moment"_s));
        historyWindow->close();
        QTRY_VERIFY(!m_window->historyWindow());

        analyzerWindow->raise();
        QTRY_VERIFY_WITH_TIMEOUT(analyzerWindow->analyzer()->chartsCurrent(), Slow);
        QVERIFY(saveScreenshot(analyzerWindow, u"main-window-analyzer"_s));
        m_window->raise();
        m_window->activateWindow();
        QVERIFY(saveScreenshot(m_window.get(), u"main-window-analyzer-open"_s));
        // Both windows as they are on the screen.
        analyzerWindow->move(m_window->geometry().topLeft() + QPoint(160, 120));
        analyzerWindow->raise();
        QTest::qWait(200);
        QVERIFY(QGuiApplication::primaryScreen()->grabWindow(0).save(
            QDir(screenshotDir()).filePath(u"main-window-with-analyzer.png"_s)));
        analyzerWindow->close();
        QTRY_VERIFY(!m_window->analyzerWindow());
    }

    void collectorStops() {
        CollectorControl *collector = m_window->collector();
        m_window->consoleActions().collectorStop->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(collector->state(), CollectorControl::State::Stopped, Slow);
        QVERIFY(m_window->collectorText().contains(u"off"_s));
        QVERIFY(m_window->lastMessage().contains(u"stopped"_s));
        // Stopped: the views read the database it was configured with.
        QCOMPARE(collector->historyDatabase(), m_dir.filePath(u"history.db"_s));
        QVERIFY(m_window->consoleActions().collectorAnalyzer->isEnabled());

        // No collector running and no database configured: nothing to open, and the
        // tooltip says why.
        MainWindow unconfigured(*m_settings, m_dir.filePath(u"none.sock"_s));
        unconfigured.collector()->setPollInterval(std::chrono::milliseconds(0));
        for (QAction *a : {unconfigured.consoleActions().collectorAnalyzer,
                           unconfigured.consoleActions().collectorHistory}) {
            QVERIFY2(!a->isEnabled(), qPrintable(a->objectName()));
            QVERIFY2(a->toolTip().contains(u"no collector database"_s), qPrintable(a->toolTip()));
        }
        QVERIFY(!unconfigured.showAnalyzer());
        QVERIFY(!unconfigured.showHistory());
        QVERIFY(!unconfigured.analyzerWindow() && !unconfigured.historyWindow());
    }

    // What's This on every action; menus as the issue lists them, later issues' absent.
    void menusAndWhatsThis() {
        for (QAction *a : m_window->actions())
            QVERIFY2(!a->whatsThis().isEmpty(), qPrintable(a->objectName()));
        for (QAction *a : m_window->findChildren<QAction *>()) {
            if (a->isSeparator() || a->menu() || a->objectName().startsWith(u"column"_s) ||
                a->text().isEmpty() || a->objectName().isEmpty())
                continue;
            QVERIFY2(!a->whatsThis().isEmpty(), qPrintable(a->objectName()));
        }
        QStringList titles;
        for (QAction *a : m_window->menuBar()->actions())
            titles.append(a->text().remove(u'&'));
        QCOMPARE(titles, (QStringList{u"File"_s, u"View"_s, u"Nodes"_s, u"Config"_s, u"Collector"_s,
                                      u"Help"_s}));
        // The processes' windows: Run Program in File, the migration monitor in View.
        QVERIFY(m_window->consoleMenus().file->actions().contains(
            m_window->consoleActions().runProgram));
        QVERIFY(m_window->consoleMenus().view->actions().contains(
            m_window->consoleActions().migrationMonitor));
        for (QWidget *w :
             {static_cast<QWidget *>(view()), static_cast<QWidget *>(m_window->filterEdit()),
              static_cast<QWidget *>(m_window->filterStateBox())})
            QVERIFY(!w->whatsThis().isEmpty());
        // Every column explains itself to What's This.
        const QModelIndex node = view()->model()->index(0, 0, view()->model()->index(0, 0));
        for (int c = 0; c < NodeTableModel::ColumnCount; ++c)
            QVERIFY(!node.siblingAtColumn(c).data(Qt::WhatsThisRole).toString().isEmpty());
        const QStringList missing = controlsWithoutWhatsThis(m_window.get());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
        QVERIFY(m_window->consoleActions().quit->shortcut() == QKeySequence::Quit);
        QVERIFY(!m_window->consoleActions().help->shortcut().isEmpty());
        HelpViewer *help = m_window->showHelp();
        QVERIFY(help && help->isVisible());
        help->close();
    }

    // Every toolbar button has an icon (omview's own where the desktop theme has none, as
    // under Xvfb), so none of them falls back to its text; the toolbar on light and dark.
    void toolbarIcons() {
        auto *toolbar = m_window->findChild<QToolBar *>(u"mainToolbar"_s);
        QVERIFY(toolbar && toolbar->isVisible());
        for (QAction *a : toolbar->actions()) {
            if (a->isSeparator())
                continue;
            QVERIFY2(!a->icon().isNull(), qPrintable(a->objectName()));
            QVERIFY2(!a->icon().pixmap(QSize(22, 22)).isNull(), qPrintable(a->objectName()));
        }
        for (QAction *a : {m_window->consoleActions().collectorAnalyzer,
                           m_window->consoleActions().collectorHistory})
            QVERIFY2(!a->icon().isNull(), qPrintable(a->objectName()));
        const auto grab = [&](const QString &name) {
            return toolbar->grab().save(QDir(screenshotDir()).filePath(name + u".png"_s));
        };
        QVERIFY(grab(u"main-window-toolbar"_s));
        setPaletteAndWait(darkPalette());
        QVERIFY(grab(u"main-window-toolbar-dark"_s));
        setPaletteAndWait(QApplication::style()->standardPalette());
    }

    // The node refuses: the slider shows the new speed at once, then the node's own again,
    // with the reason in the status bar.
    void sliderRevertsWhenRefused() {
        const std::uint32_t before = shownSpeed(3);
        m_cluster.kill(3);
        const QRect slider = view()->sliderRect(3);
        QSignalSpy chosen(view(), &NodesView::speedChosen);
        const QPoint start(slider.left() + 4, slider.center().y());
        QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(view()->viewport(), QPoint(slider.right() - 1, start.y()));
        QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {},
                            QPoint(slider.right() - 1, start.y()));
        QCOMPARE(chosen.size(), 1);
        // Optimistic: shown before the node answered.
        QCOMPARE(shownSpeed(3), 1000000u);
        QVERIFY(nodeIndex(3).data(NodeTableModel::PendingSpeedRole).isValid());
        QTRY_COMPARE_WITH_TIMEOUT(shownSpeed(3), before, Slow);
        QVERIFY(!nodeIndex(3).data(NodeTableModel::PendingSpeedRole).isValid());
        QVERIFY2(m_window->lastMessage().contains(u"node 3"_s, Qt::CaseInsensitive),
                 qPrintable(m_window->lastMessage()));
        QVERIFY(saveScreenshot(m_window.get(), u"main-window-speed-refused"_s));
        // And the node goes red once the cluster notices.
        QTRY_COMPARE_WITH_TIMEOUT(
            nodeIndex(3).data(NodeTableModel::NodeStateRole).value<NodeTableModel::NodeState>(),
            NodeTableModel::NodeState::Down, 60000);
        QVERIFY(saveScreenshot(m_window.get(), u"main-window-node-down"_s));
    }

    void cleanupTestCase() { m_window.reset(); }
};

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(u"0.1.0"_s);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
