#include <omview/console/clustersession.h>
#include <omview/console/processwindows.h>
#include <omview/procs/migrationmonitorwindow.h>
#include <omview/procs/runprogramwizard.h>

namespace omview {

namespace {

bool connected(const ClusterSession *session) {
    return session && session->state() == ClusterSession::State::Connected;
}

} // namespace

procs::MigrationMonitorWindow *newMigrationMonitor(procs::ClusterProcessModel *processes,
                                                   procs::MigrationLogModel *log,
                                                   const ClusterSession *session,
                                                   QWidget *parent) {
    auto *monitor = new procs::MigrationMonitorWindow(processes, log, parent);
    monitor->setWindowFlag(Qt::Window);
    monitor->setAttribute(Qt::WA_DeleteOnClose);
    monitor->setWindowTitle(procs::MigrationMonitorWindow::tr("Migration Monitor — omview"));
    if (connected(session))
        monitor->setClient(session->client());
    return monitor;
}

procs::RunProgramWizard *newRunProgramWizard(const ClusterSession *session, QWidget *parent) {
    if (!connected(session))
        return nullptr;
    auto *wizard = new procs::RunProgramWizard(session->client(), parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    return wizard;
}

} // namespace omview
