#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTime>
#include <QTimer>
#include <QTreeView>
#include <QWhatsThis>
#include <omview/console/childwindow.h>
#include <omview/console/clustersession.h>
#include <omview/console/processeswindow.h>
#include <omview/console/processwindows.h>
#include <omview/console/sessionprompts.h>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/migrationfeed.h>
#include <omview/procs/migrationlogmodel.h>
#include <omview/procs/migrationmonitorwindow.h>
#include <omview/procs/processcommands.h>
#include <omview/procs/processespane.h>
#include <omview/procs/processfeed.h>
#include <omview/procs/runprogramwizard.h>
#include <omview/resources/icons.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

const auto GeometryKey = u"procs/geometry"_s;
const auto HeaderKey = u"procs/header"_s;

} // namespace

ProcessesWindow::ProcessesWindow(QSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_prompts(new SessionPrompts(this))
    , m_processes(new procs::ClusterProcessModel(this))
    , m_feed(new procs::ProcessFeed(m_processes, this))
    , m_commands(new procs::ProcessCommands(m_processes, this))
    , m_log(new procs::MigrationLogModel(this))
    , m_moves(new procs::MigrationFeed(m_log, this))
    , m_pane(new procs::ProcessesPane(m_processes, this))
    , m_status(new QLabel(this)) {
    setObjectName(u"processesWindow"_s);
    setWindowTitle(tr("Processes — omview"));
    setWindowIcon(applicationIcon());
    setCentralWidget(m_pane);
    m_pane->setCommands(m_commands);
    m_status->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_status, 1);
    buildMenus();
    connect(m_prompts, &SessionPrompts::message, this, &ProcessesWindow::showMessage);
    connect(m_commands, &procs::ProcessCommands::finished, this,
            [this](const procs::ProcessCommands::Outcome &outcome) {
                showMessage(outcome.result ? *outcome.result : outcome.result.error());
            });
    restoreGeometry(m_settings.value(GeometryKey).toByteArray());
    m_pane->view()->header()->restoreState(m_settings.value(HeaderKey).toByteArray());
    if (m_settings.value(GeometryKey).isNull())
        resize(1000, 640);
    setClient(false);
}

ProcessesWindow::~ProcessesWindow() {
    // The session's last signals (closing) find nothing of this window to update.
    if (m_session)
        m_session->disconnect(this);
    // The windows over the models first, then what feeds them, then the connection.
    delete m_monitor.data();
    delete m_wizard.data();
    delete m_pane;
    delete m_commands;
    delete m_feed;
    delete m_moves;
    m_prompts->follow(nullptr);
    if (m_session)
        m_session->close();
}

void ProcessesWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_runProgram = file->addAction(themedIcon({u"system-run"_s, u"media-playback-start"_s}),
                                   tr("&Run Program…"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                                   &ProcessesWindow::openRunProgram);
    m_runProgram->setObjectName(u"runProgram"_s);
    m_runProgram->setWhatsThis(tr("<p>Starts a program as a job of the cluster and shows where "
                                  "it runs, its output and its exit status.</p>"));
    file->addSeparator();
    QAction *quit = file->addAction(themedIcon(u"application-exit"_s), tr("&Quit"),
                                    QKeySequence::Quit, this, &QWidget::close);
    quit->setObjectName(u"quit"_s);
    quit->setWhatsThis(tr("<p>Closes omview-procs. The processes are not touched.</p>"));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *monitor =
        view->addAction(themedIcon(u"view-process-tree"_s), tr("&Migration Monitor…"),
                        QKeySequence(Qt::CTRL | Qt::Key_M), this,
                        &ProcessesWindow::openMigrationMonitor);
    monitor->setObjectName(u"migrationMonitor"_s);
    monitor->setWhatsThis(tr("<p>The nodes with the processes that migrated, moves as they "
                             "happen, and the recent moves.</p>"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *whatsThis = QWhatsThis::createAction(this);
    whatsThis->setObjectName(u"whatsThis"_s);
    whatsThis->setWhatsThis(tr("<p>Click any control afterwards to learn what it does.</p>"));
    help->addAction(whatsThis);
}

void ProcessesWindow::connectTo(const ConnectionProfile &profile) {
    setClient(false);
    m_feed->setNodes({});
    m_moves->setNodes({});
    m_prompts->follow(nullptr);
    if (m_session) {
        m_session->disconnect(this);
        m_session->close();
    }
    m_session = std::make_unique<ClusterSession>(profile);
    m_shown = false;
    m_prompts->follow(m_session.get());
    connect(m_session.get(), &ClusterSession::message, this, &ProcessesWindow::showMessage);
    connect(m_session.get(), &ClusterSession::stateChanged, this,
            [this](ClusterSession::State state) {
                setClient(state == ClusterSession::State::Connected);
            });
    connect(m_session.get(), &ClusterSession::clusterUpdated, this,
            [this](const QList<NodeRecord> &nodes) {
                QList<NodeId> ids;
                for (const NodeRecord &n : nodes)
                    ids.append(n.node.id);
                m_feed->setNodes(ids);
                m_moves->setNodes(ids);
                if (!m_shown) {
                    m_shown = true;
                    QTimer::singleShot(0, this, &ProcessesWindow::clusterShown);
                }
            });
    setWindowTitle(tr("Processes of %1 — omview").arg(profile.description()));
    m_session->open();
}

void ProcessesWindow::setClient(bool connected) {
    AgentClient *client = connected && m_session ? m_session->client() : nullptr;
    m_feed->setClient(client);
    m_moves->setClient(client);
    m_commands->setClient(client);
    if (m_monitor)
        m_monitor->setClient(client);
    m_runProgram->setEnabled(client != nullptr);
}

QString ProcessesWindow::lastMessage() const {
    return m_status->text();
}

void ProcessesWindow::showMessage(const QString &text) {
    if (!text.isEmpty())
        m_status->setText(u"%1  %2"_s.arg(QTime::currentTime().toString(u"HH:mm:ss"_s), text));
}

procs::RunProgramWizard *ProcessesWindow::openRunProgram() {
    if (!m_session || m_session->state() != ClusterSession::State::Connected)
        return nullptr;
    return openChildWindow(m_wizard, [this] { return newRunProgramWizard(m_session.get(), this); });
}

procs::MigrationMonitorWindow *ProcessesWindow::openMigrationMonitor() {
    return openChildWindow(m_monitor, [this] {
        return newMigrationMonitor(m_processes, m_log, m_session.get(), this);
    });
}

void ProcessesWindow::closeEvent(QCloseEvent *event) {
    m_settings.setValue(GeometryKey, saveGeometry());
    m_settings.setValue(HeaderKey, m_pane->view()->header()->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace omview
