// omview's main window: the nodes pane, menus, toolbar and status bar.
#pragma once

#include <QDateTime>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QSettings>
#include <memory>
#include <omview/console/clustercommands.h>
#include <omview/console/clustersession.h>
#include <omview/console/connectionprofile.h>
#include <omview/console/consoleactions.h>
#include <omview/console/consolemenus.h>
#include <omview/console/profilestore.h>
#include <omview/store/types.h>

class QAction;
class QComboBox;
class QLineEdit;
class QSplitter;
class QMenu;

namespace omview::analyzer {
class AnalyzerWindow;
}
namespace omview::history {
class HistoryWindow;
}
namespace omview::procs {
class ClusterProcessModel;
class MigrationFeed;
class MigrationLogModel;
class MigrationMonitorWindow;
class ProcessCommands;
class ProcessFeed;
class ProcessesPane;
class RemoteProcessesDialog;
class RunProgramWizard;
} // namespace omview::procs

namespace omview {

class CollectorControl;
class ConnectionsDialog;
class CredentialsDialog;
class ElidedLabel;
class HelpViewer;
class HostKeyDialog;
class SessionPrompts;
class LampLabel;
class NodeFilterProxyModel;
class NodeSettingsDialog;
class NodeTableModel;
class NodesView;

// Wires the session, the commands and the models to the widgets: one ClusterSession at a
// time (replaced by connectTo()), the nodes pane over NodeTableModel through the sort/filter
// proxy, the settings dialogs, the SSH prompts, the collector menu with the analyzer and
// history windows it opens. It keeps its layout, columns, warning threshold and connection
// profiles in the QSettings it is given.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // `settings` must outlive the window; `collectorSocket` empty: the collector's default.
    explicit MainWindow(QSettings &settings, const QString &collectorSocket = {},
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    // Closes the current connection (and its dialogs) and opens this one; a profile saved in
    // the store becomes the one used last.
    void connectTo(const ConnectionProfile &profile);
    // File → Connect…
    ConnectionsDialog *showConnections();

    ClusterSession *session() const { return m_session.get(); }
    ClusterCommands *commands() const { return m_commands.get(); }
    NodeTableModel *nodeModel() const { return m_model; }
    NodeFilterProxyModel *filterModel() const { return m_filter; }
    NodesView *nodesView() const { return m_view; }
    // The processes of the cluster, under the nodes pane.
    procs::ProcessesPane *processesPane() const { return m_processesPane; }
    // The wizard and the monitor while open, else null.
    procs::RunProgramWizard *runProgramWizard() const;
    procs::MigrationMonitorWindow *migrationMonitor() const;
    // What the console does to processes: the pane's actions, drops on the nodes pane.
    procs::ProcessCommands *processCommands() const { return m_processCommands; }
    CollectorControl *collector() const { return m_collector; }
    ProfileStore &profiles() { return m_profiles; }
    const ConsoleActions &consoleActions() const { return m_actions; }
    const ConsoleMenus &consoleMenus() const { return m_menus; }

    // The status bar: what was done last, the connection, the collector.
    QString lastMessage() const;
    QString connectionText() const;
    QString collectorText() const;
    // Shows one line as "what was done last".
    void showMessage(const QString &text);

    int warningThreshold() const;
    void setWarningThreshold(int percent);
    void setFilterVisible(bool visible);
    QLineEdit *filterEdit() const { return m_filterText; }
    QComboBox *filterStateBox() const { return m_filterState; }

    NodeSettingsDialog *openNodeSettings(NodeId node);
    NodeSettingsDialog *openAllNodesSettings();
    NodeSettingsDialog *openSelectedNodesSettings();
    QList<NodeSettingsDialog *> settingsDialogs() const;
    // The SSH question on screen, if any.
    HostKeyDialog *hostKeyDialog() const;
    // The last error box shown (non-modal), if it is still open.
    QWidget *errorBox() const { return m_errorBox; }
    CredentialsDialog *credentialsDialog() const;
    HelpViewer *showHelp();
    // Collector → Analyzer… / History…: one window of each, on the collector's database
    // (CollectorControl::historyDatabase()); nullptr when none is known or it cannot be read.
    analyzer::AnalyzerWindow *showAnalyzer();
    history::HistoryWindow *showHistory();
    analyzer::AnalyzerWindow *analyzerWindow() const;
    history::HistoryWindow *historyWindow() const;
    void openTerminal(NodeId node);
    // Config → Save Configuration: writes every setting now.
    bool saveConfiguration();

signals:
    // The first cluster update after a connection is on screen (for --screenshot).
    void clusterShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    // The processes' parts: the pane's actions and scope, drops on the nodes, the wizard,
    // the migration monitor (mainwindowprocesses.cpp).
    void connectProcesses();
    // The nodes of the cluster as the console shows them: processes and moves followed.
    void followNodes(const QList<NodeId> &nodes);
    // The connection to act and subscribe through, or none.
    void setProcessClient(AgentClient *client);
    procs::RunProgramWizard *openRunProgram();
    procs::MigrationMonitorWindow *openMigrationMonitor();
    // The guests of the current node.
    procs::RemoteProcessesDialog *openRemoteProcesses();
    void fillColumnsMenu();
    void createStatusBar();
    QWidget *createFilterBar();
    void readSettings();
    void writeSettings();
    void closeSessionDialogs();
    void onSessionState(ClusterSession::State state);
    void onSpeedChosen(NodeId node, std::uint32_t speed);
    void onCollectorState();
    void updateActions();
    void useSsh(bool on);
    void startCollector();
    void askCheckpoint();
    void askSaveHistory();
    void askThreshold();
    history::HistoryWindow *openHistory(const QString &database);
    void showHistoryMoment(store::NodeId node, const QDateTime &at);
    void showError(const QString &title, const QString &text);
    NodeSettingsDialog *openDialog(int scope, const QList<NodeId> &nodes, const QString &title);
    QString nodeTitle(NodeId node) const;
    void syncColumnActions();

    QSettings &m_settings;
    ProfileStore m_profiles;
    std::unique_ptr<ClusterSession> m_session;
    std::unique_ptr<ClusterCommands> m_commands;
    NodeTableModel *m_model;
    NodeFilterProxyModel *m_filter;
    NodesView *m_view;
    procs::ClusterProcessModel *m_processes;
    procs::ProcessFeed *m_processFeed;
    procs::ProcessCommands *m_processCommands;
    procs::ProcessesPane *m_processesPane;
    procs::MigrationLogModel *m_migrationLog;
    procs::MigrationFeed *m_migrationFeed;
    QSplitter *m_splitter = nullptr;
    CollectorControl *m_collector;
    ConsoleActions m_actions; // after the members above: its actions trigger their slots
    ConsoleMenus m_menus;
    QWidget *m_filterBar = nullptr;
    QLineEdit *m_filterText = nullptr;
    QComboBox *m_filterState = nullptr;
    ElidedLabel *m_lastMessage = nullptr;
    LampLabel *m_connection = nullptr;
    LampLabel *m_collectorLamp = nullptr;
    QList<QPointer<NodeSettingsDialog>> m_dialogs;
    SessionPrompts *m_prompts = nullptr; // made first thing in the constructor
    QPointer<HelpViewer> m_help;
    QPointer<ConnectionsDialog> m_connections;
    QPointer<analyzer::AnalyzerWindow> m_analyzer;
    QPointer<history::HistoryWindow> m_history;
    QPointer<procs::RunProgramWizard> m_runProgram;
    QPointer<procs::MigrationMonitorWindow> m_migrationMonitor;
    QList<QPointer<procs::RemoteProcessesDialog>> m_remoteProcesses;
    QList<QAction *> m_columnActions;
    bool m_shownCluster = false;
    const ClusterSession *m_failureShownFor = nullptr; // one error box per session
    QPointer<QWidget> m_errorBox;
};

} // namespace omview
