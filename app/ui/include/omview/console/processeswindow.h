// omview-procs: the processes of a cluster in a window of their own — openMosixprocs
// reworked. The processes pane with its actions and details, File → Run Program, View →
// Migration Monitor; connected like the console (a profile, prompts answered here).
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <memory>
#include <omview/console/connectionprofile.h>

class QLabel;
class QSettings;

namespace omview::procs {
class ClusterProcessModel;
class MigrationFeed;
class MigrationLogModel;
class MigrationMonitorWindow;
class ProcessCommands;
class ProcessFeed;
class ProcessesPane;
class RunProgramWizard;
} // namespace omview::procs

namespace omview {

class ClusterSession;
class SessionPrompts;

class ProcessesWindow : public QMainWindow {
    Q_OBJECT

public:
    // Its layout is kept in @settings (not owned).
    explicit ProcessesWindow(QSettings &settings, QWidget *parent = nullptr);
    ~ProcessesWindow() override;

    // Drops the connection there was and opens one with @profile.
    void connectTo(const ConnectionProfile &profile);

    procs::ProcessesPane *pane() const { return m_pane; }
    ClusterSession *session() const { return m_session.get(); }
    SessionPrompts *prompts() const { return m_prompts; }
    // The status bar's last line.
    QString lastMessage() const;
    procs::RunProgramWizard *openRunProgram();
    procs::MigrationMonitorWindow *openMigrationMonitor();

signals:
    // The cluster's nodes arrived for the first time after connectTo().
    void clusterShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void showMessage(const QString &text);
    void setClient(bool connected);

    QSettings &m_settings;
    std::unique_ptr<ClusterSession> m_session;
    SessionPrompts *m_prompts;
    procs::ClusterProcessModel *m_processes;
    procs::ProcessFeed *m_feed;
    procs::ProcessCommands *m_commands;
    procs::MigrationLogModel *m_log;
    procs::MigrationFeed *m_moves;
    procs::ProcessesPane *m_pane;
    QLabel *m_status;
    QAction *m_runProgram = nullptr;
    QPointer<procs::RunProgramWizard> m_wizard;
    QPointer<procs::MigrationMonitorWindow> m_monitor;
    bool m_shown = false;
};

} // namespace omview
