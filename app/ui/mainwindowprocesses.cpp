// The processes' side of the main window: the pane's actions and the nodes it lists, drops of
// processes on nodes, the run-program wizard and the migration monitor.
#include <omview/console/childwindow.h>
#include <omview/console/mainwindow.h>
#include <omview/console/nodesview.h>
#include <omview/console/processwindows.h>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/migrationfeed.h>
#include <omview/procs/migrationlogmodel.h>
#include <omview/procs/migrationmonitorwindow.h>
#include <omview/procs/processcommands.h>
#include <omview/procs/processespane.h>
#include <omview/procs/processfeed.h>
#include <omview/procs/remoteprocessesdialog.h>
#include <omview/procs/runprogramwizard.h>
#include <omview/protocol/agentclient.h>

#include <QAction>

using namespace Qt::StringLiterals;

namespace omview {

void MainWindow::connectProcesses() {
    m_processesPane->setCommands(m_processCommands);
    // "Selected nodes" in the processes pane are those selected here; the cluster row
    // stands for all of them.
    m_processesPane->setSelectedNodes({});
    connect(m_view, &NodesView::selectionChanged, this, [this] {
        const NodesView::Selection selection = m_view->selection();
        m_processesPane->setSelectedNodes(selection.cluster ? m_processes->nodeIds()
                                                            : selection.nodes);
    });
    connect(m_view, &NodesView::processesDropped, this,
            [this](NodeId node, const QList<procs::ProcessRef> &processes) {
                for (const procs::ProcessRef &process : processes)
                    m_processCommands->migrate(process,
                                               MigrateTarget{MigrateTarget::Kind::Node, node});
            });
    connect(m_processCommands, &procs::ProcessCommands::finished, this,
            [this](const procs::ProcessCommands::Outcome &outcome) {
                showMessage(outcome.result ? *outcome.result : outcome.result.error());
            });
    m_actions.runProgram->setEnabled(false); // until connected
    connect(m_actions.runProgram, &QAction::triggered, this, &MainWindow::openRunProgram);
    connect(m_actions.migrationMonitor, &QAction::triggered, this,
            &MainWindow::openMigrationMonitor);
    connect(m_actions.remoteProcesses, &QAction::triggered, this,
            &MainWindow::openRemoteProcesses);
}

void MainWindow::followNodes(const QList<NodeId> &nodes) {
    m_processFeed->setNodes(nodes);
    m_migrationFeed->setNodes(nodes);
}

void MainWindow::setProcessClient(AgentClient *client) {
    m_processFeed->setClient(client);
    m_migrationFeed->setClient(client);
    m_processCommands->setClient(client);
    if (m_migrationMonitor)
        m_migrationMonitor->setClient(client);
    m_actions.runProgram->setEnabled(client != nullptr);
    // A wizard of the connection that went has nothing to start its jobs with.
    if (!client && m_runProgram)
        m_runProgram->close();
}

procs::RunProgramWizard *MainWindow::runProgramWizard() const {
    return m_runProgram;
}

procs::MigrationMonitorWindow *MainWindow::migrationMonitor() const {
    return m_migrationMonitor;
}

procs::RunProgramWizard *MainWindow::openRunProgram() {
    if (!m_session || m_session->state() != ClusterSession::State::Connected)
        return nullptr;
    return openChildWindow(m_runProgram, [this] {
        procs::RunProgramWizard *wizard = newRunProgramWizard(m_session.get(), this);
        connect(wizard, &procs::RunProgramWizard::jobStarted, this,
                [this](const SpawnResult &job) {
                    showMessage(tr("Job %1 started on node %2 as PID %3")
                                    .arg(job.job)
                                    .arg(job.node)
                                    .arg(job.pid));
                });
        return wizard;
    });
}

procs::MigrationMonitorWindow *MainWindow::openMigrationMonitor() {
    return openChildWindow(m_migrationMonitor, [this] {
        return newMigrationMonitor(m_processes, m_migrationLog, m_session.get(), this);
    });
}

procs::RemoteProcessesDialog *MainWindow::openRemoteProcesses() {
    const auto node = m_view->currentNode();
    if (!node)
        return nullptr;
    m_remoteProcesses.removeAll(nullptr);
    // One window per node, raised when open already.
    for (const auto &open : std::as_const(m_remoteProcesses))
        if (open->node() == *node) {
            open->show();
            open->raise();
            open->activateWindow();
            return open;
        }
    auto *dialog = new procs::RemoteProcessesDialog(m_processes, m_processCommands, *node, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_remoteProcesses.append(dialog);
    dialog->show();
    return dialog;
}

} // namespace omview
