// The processes' windows as both programs open them (omview's main window, omview-procs):
// the same title, flags and connection.
#pragma once

class QWidget;

namespace omview::procs {
class ClusterProcessModel;
class MigrationLogModel;
class MigrationMonitorWindow;
class RunProgramWizard;
} // namespace omview::procs

namespace omview {

class ClusterSession;

// A window of its own over @parent, deleted when closed; moves go through @session's client
// while it is connected (null: none yet).
procs::MigrationMonitorWindow *newMigrationMonitor(procs::ClusterProcessModel *processes,
                                                   procs::MigrationLogModel *log,
                                                   const ClusterSession *session, QWidget *parent);
// Null unless @session is connected: the wizard starts its jobs through it.
procs::RunProgramWizard *newRunProgramWizard(const ClusterSession *session, QWidget *parent);

} // namespace omview
