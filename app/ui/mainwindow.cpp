#include "logging.h"
#include "nodeindex.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWhatsThis>
#include <omview/analyzer/analyzersession.h>
#include <omview/analyzer/analyzerwidget.h>
#include <omview/analyzer/analyzerwindow.h>
#include <omview/console/childwindow.h>
#include <omview/console/collectorcontrol.h>
#include <omview/console/connectionsdialog.h>
#include <omview/console/consoleactions.h>
#include <omview/console/consolemenus.h>
#include <omview/console/elidedlabel.h>
#include <omview/console/helpviewer.h>
#include <omview/console/lamp.h>
#include <omview/console/mainwindow.h>
#include <omview/console/nodefilterproxymodel.h>
#include <omview/console/nodesettingsdialog.h>
#include <omview/console/nodesview.h>
#include <omview/console/nodetablemodel.h>
#include <omview/console/promptdialogs.h>
#include <omview/console/sessionprompts.h>
#include <omview/console/savehistorydialog.h>
#include <omview/console/terminalcommand.h>
#include <omview/history/historysession.h>
#include <omview/history/historywindow.h>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processcommands.h>
#include <omview/procs/processespane.h>
#include <omview/procs/migrationfeed.h>
#include <omview/procs/migrationlogmodel.h>
#include <omview/procs/migrationmonitorwindow.h>
#include <omview/procs/processfeed.h>
#include <omview/procs/remoteprocessesdialog.h>
#include <omview/procs/runprogramwizard.h>
#include <omview/resources/icons.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

constexpr int DefaultThreshold = 75;

} // namespace

MainWindow::MainWindow(QSettings &settings, const QString &collectorSocket, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_profiles(settings)
    , m_model(new NodeTableModel(this))
    , m_filter(new NodeFilterProxyModel(this))
    , m_view(new NodesView(this))
    , m_processes(new procs::ClusterProcessModel(this))
    , m_processFeed(new procs::ProcessFeed(m_processes, this))
    , m_processCommands(new procs::ProcessCommands(m_processes, this))
    , m_processesPane(new procs::ProcessesPane(m_processes, this))
    , m_migrationLog(new procs::MigrationLogModel(this))
    , m_migrationFeed(new procs::MigrationFeed(m_migrationLog, this))
    , m_collector(new CollectorControl(collectorSocket, this))
    , m_actions(this)
    , m_menus(ConsoleMenus::build(*this, m_actions)) {
    m_prompts = new SessionPrompts(this);
    connect(m_prompts, &SessionPrompts::message, this, &MainWindow::showMessage);
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("omview"));
    setWindowIcon(applicationIcon());
    m_filter->setSourceModel(m_model);
    m_view->setObjectName(u"nodesView"_s);
    m_view->setModel(m_filter);
    m_view->sortByColumn(NodeTableModel::IdColumn, Qt::AscendingOrder);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createFilterBar());
    // The nodes above, their processes below.
    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_processesPane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    connectActions();
    fillColumnsMenu();
    createStatusBar();

    connect(m_view, &NodesView::nodeSettingsRequested, this, &MainWindow::openNodeSettings);
    connect(m_view, &NodesView::allNodesSettingsRequested, this, &MainWindow::openAllNodesSettings);
    connect(m_view, &NodesView::speedChosen, this, &MainWindow::onSpeedChosen);
    connect(m_view, &NodesView::selectionChanged, this, &MainWindow::updateActions);
    connectProcesses();
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateActions);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addActions({m_actions.nodeSettings, m_actions.allNodesSettings,
                         m_actions.remoteProcesses, m_actions.terminal});
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->header(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { m_menus.columns->exec(m_view->header()->mapToGlobal(pos)); });
    connect(m_collector, &CollectorControl::stateChanged, this, &MainWindow::onCollectorState);
    connect(m_collector, &CollectorControl::message, this, &MainWindow::showMessage);
    connect(m_collector, &CollectorControl::failed, this,
            [this](const QString &text) { showError(tr("Collector"), text); });
    readSettings();
    onSessionState(ClusterSession::State::Disconnected);
    onCollectorState();
    m_collector->refresh();
    updateActions();
}

MainWindow::~MainWindow() {
    closeSessionDialogs();
    // The processes' views, commands and feed before the tree they show and feed.
    delete m_migrationMonitor.data();
    for (const auto &dialog : std::as_const(m_remoteProcesses))
        delete dialog.data();
    delete m_runProgram.data();
    delete m_processesPane;
    delete m_processCommands;
    delete m_processFeed;
    delete m_migrationFeed;
    if (m_session)
        m_session->close();
    m_commands.reset();
    m_session.reset();
}

// ---- construction

// What each action does.
void MainWindow::connectActions() {
    const ConsoleActions &a = m_actions;
    connect(a.connectCluster, &QAction::triggered, this, &MainWindow::showConnections);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.viewFilter, &QAction::toggled, this, &MainWindow::setFilterVisible);
    connect(a.viewStatusBar, &QAction::toggled, statusBar(), &QWidget::setVisible);
    connect(a.nodeSettings, &QAction::triggered, this, &MainWindow::openSelectedNodesSettings);
    connect(a.allNodesSettings, &QAction::triggered, this, &MainWindow::openAllNodesSettings);
    connect(a.terminal, &QAction::triggered, this, [this] {
        if (const auto node = m_view->currentNode())
            openTerminal(*node);
    });
    connect(a.useSsh, &QAction::triggered, this, &MainWindow::useSsh);
    connect(a.connections, &QAction::triggered, this, &MainWindow::showConnections);
    connect(a.threshold, &QAction::triggered, this, &MainWindow::askThreshold);
    connect(a.saveConfiguration, &QAction::triggered, this, &MainWindow::saveConfiguration);
    connect(a.collectorStart, &QAction::triggered, this, &MainWindow::startCollector);
    connect(a.collectorStop, &QAction::triggered, m_collector, &CollectorControl::stop);
    connect(a.collectorCheckpoint, &QAction::triggered, this, &MainWindow::askCheckpoint);
    connect(a.collectorSaveHistory, &QAction::triggered, this, &MainWindow::askSaveHistory);
    connect(a.collectorAnalyzer, &QAction::triggered, this, &MainWindow::showAnalyzer);
    connect(a.collectorHistory, &QAction::triggered, this, &MainWindow::showHistory);
    connect(a.help, &QAction::triggered, this, &MainWindow::showHelp);
    connect(a.about, &QAction::triggered, this, [this] {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
}

// View → Columns: one entry per column of the nodes pane.
void MainWindow::fillColumnsMenu() {
    for (int column = 0; column < NodeTableModel::ColumnCount; ++column) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        QAction *c = m_menus.columns->addAction(title);
        c->setObjectName(u"column%1"_s.arg(column));
        c->setCheckable(true);
        c->setChecked(true);
        connect(c, &QAction::toggled, this, [this, column](bool on) {
            int visible = 0;
            for (int i = 0; i < NodeTableModel::ColumnCount; ++i)
                visible += m_view->header()->isSectionHidden(i) ? 0 : 1;
            if (!on && visible <= 1) { // keep at least one column
                syncColumnActions();
                return;
            }
            m_view->header()->setSectionHidden(column, !on);
        });
        m_columnActions.append(c);
    }
}

void MainWindow::createStatusBar() {
    m_lastMessage = new ElidedLabel(this);
    m_lastMessage->setObjectName(u"lastMessage"_s);
    m_lastMessage->setWhatsThis(tr("<p>What was done last, and when. A line too long for "
                                   "the window ends in “…”: its tooltip shows all of it.</p>"));
    m_connection = new LampLabel(this);
    m_connection->setObjectName(u"connectionState"_s);
    m_connection->setWhatsThis(tr("<p><b>The connection.</b> Green: connected; amber: "
                                  "connecting or waiting to try again; red: failed; grey: not "
                                  "connected. Its tooltip says to where and why; the message "
                                  "beside it says what happened last.</p>"));
    m_collectorLamp = new LampLabel(this);
    m_collectorLamp->setObjectName(u"collectorState"_s);
    m_collectorLamp->setWhatsThis(tr("<p><b>The collector.</b> Green while omcollectord runs "
                                     "and records the cluster's history, red when it does "
                                     "not.</p>"));
    statusBar()->addWidget(m_lastMessage, 1);
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(m_collectorLamp);
    statusBar()->setWhatsThis(tr("<p>What was done last, the connection and the "
                                 "collector.</p>"));
}

QWidget *MainWindow::createFilterBar() {
    m_filterBar = new QWidget(this);
    m_filterBar->setObjectName(u"filterBar"_s);
    m_filterText = new QLineEdit(m_filterBar);
    m_filterText->setObjectName(u"filterText"_s);
    m_filterText->setPlaceholderText(tr("Filter by ID, address or name"));
    m_filterText->setClearButtonEnabled(true);
    m_filterText->setWhatsThis(tr("<p>Keeps only the nodes whose ID is this text or whose "
                                  "address or host name contains it.</p>"));
    m_filterState = new QComboBox(m_filterBar);
    m_filterState->setObjectName(u"filterState"_s);
    m_filterState->addItem(tr("All states"), int(NodeFilterProxyModel::StateFilter::Any));
    m_filterState->addItem(tr("Up"), int(NodeFilterProxyModel::StateFilter::Up));
    m_filterState->addItem(tr("Down"), int(NodeFilterProxyModel::StateFilter::Down));
    m_filterState->addItem(tr("Unknown"), int(NodeFilterProxyModel::StateFilter::Unknown));
    m_filterState->setWhatsThis(tr("<p>Keeps only the nodes in this state.</p>"));
    auto *close = new QToolButton(m_filterBar);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Close the filter bar"));
    close->setWhatsThis(tr("<p>Hides the filter bar and shows every node again.</p>"));
    auto *label = new QLabel(tr("F&ilter:"), m_filterBar);
    label->setBuddy(m_filterText);
    auto *layout = new QHBoxLayout(m_filterBar);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(label);
    layout->addWidget(m_filterText, 1);
    layout->addWidget(m_filterState);
    layout->addWidget(close);
    m_filterBar->hide();
    connect(m_filterText, &QLineEdit::textChanged, m_filter, &NodeFilterProxyModel::setFilterText);
    connect(m_filterState, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStateFilter(
            static_cast<NodeFilterProxyModel::StateFilter>(m_filterState->currentData().toInt()));
    });
    connect(close, &QToolButton::clicked, this,
            [this] { m_actions.viewFilter->setChecked(false); });
    return m_filterBar;
}

// ---- settings

void MainWindow::readSettings() {
    restoreGeometry(m_settings.value(u"window/geometry"_s).toByteArray());
    restoreState(m_settings.value(u"window/state"_s).toByteArray());
    if (!m_view->header()->restoreState(m_settings.value(u"window/nodesHeader"_s).toByteArray())) {
        const int x = fontMetrics().horizontalAdvance(u'x');
        const std::pair<int, int> widths[] = {
            {NodeTableModel::IdColumn, 14},      {NodeTableModel::AddressColumn, 28},
            {NodeTableModel::SpeedColumn, 34},   {NodeTableModel::LoadColumn, 16},
            {NodeTableModel::MemUsedColumn, 24}, {NodeTableModel::MemTotalColumn, 13},
            {NodeTableModel::CpusColumn, 7}};
        for (const auto &[column, chars] : widths)
            m_view->header()->resizeSection(column, x * chars);
    }
    if (m_settings.value(u"window/geometry"_s).isNull())
        resize(fontMetrics().horizontalAdvance(u'x') * 142, fontMetrics().height() * 40);
    m_splitter->restoreState(m_settings.value(u"window/splitter"_s).toByteArray());
    m_processesPane->view()->header()->restoreState(
        m_settings.value(u"window/processesHeader"_s).toByteArray());
    bool ok = false;
    int threshold = m_settings.value(u"view/threshold"_s, DefaultThreshold).toInt(&ok);
    if (!ok || threshold < 1 || threshold > 100) {
        qCWarning(lcUi) << m_settings.fileName() << ": view/threshold"
                        << m_settings.value(u"view/threshold"_s) << "is not 1..100; using"
                        << DefaultThreshold;
        threshold = DefaultThreshold;
    }
    m_view->setWarningThreshold(threshold);
    m_actions.viewStatusBar->setChecked(m_settings.value(u"view/statusBar"_s, true).toBool());
    syncColumnActions();
}

void MainWindow::writeSettings() {
    m_settings.setValue(u"window/geometry"_s, saveGeometry());
    m_settings.setValue(u"window/state"_s, saveState());
    m_settings.setValue(u"window/nodesHeader"_s, m_view->header()->saveState());
    m_settings.setValue(u"window/splitter"_s, m_splitter->saveState());
    m_settings.setValue(u"window/processesHeader"_s,
                        m_processesPane->view()->header()->saveState());
    m_settings.setValue(u"view/threshold"_s, m_view->warningThreshold());
    m_settings.setValue(u"view/statusBar"_s, m_actions.viewStatusBar->isChecked());
}

bool MainWindow::saveConfiguration() {
    writeSettings();
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError) {
        showError(tr("Save Configuration"),
                  tr("Could not write the configuration to %1.").arg(m_settings.fileName()));
        return false;
    }
    showMessage(tr("Configuration saved to %1").arg(m_settings.fileName()));
    return true;
}

void MainWindow::syncColumnActions() {
    for (int column = 0; column < m_columnActions.size(); ++column) {
        const QSignalBlocker block(m_columnActions[column]);
        m_columnActions[column]->setChecked(!m_view->header()->isSectionHidden(column));
    }
}

void MainWindow::closeEvent(QCloseEvent *event) {
    writeSettings();
    m_settings.sync();
    QMainWindow::closeEvent(event);
}

int MainWindow::warningThreshold() const {
    return m_view->warningThreshold();
}

void MainWindow::setWarningThreshold(int percent) {
    m_view->setWarningThreshold(percent);
    m_settings.setValue(u"view/threshold"_s, m_view->warningThreshold());
    showMessage(tr("Load and memory bars turn red above %1 %").arg(m_view->warningThreshold()));
}

void MainWindow::askThreshold() {
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"thresholdDialog"_s);
    dialog->setWindowTitle(tr("Warning Threshold"));
    dialog->setLabelText(tr("Load and memory bars turn red above:"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, 100);
    dialog->setIntValue(warningThreshold());
    dialog->setIntStep(5);
    connect(dialog, &QInputDialog::intValueSelected, this, &MainWindow::setWarningThreshold);
    dialog->open();
}

void MainWindow::setFilterVisible(bool visible) {
    m_filterBar->setVisible(visible);
    if (visible) {
        m_filterText->setFocus();
        m_filterText->selectAll();
    } else {
        m_filterText->clear();
        m_filterState->setCurrentIndex(0);
        m_view->setFocus();
    }
    if (QAction *a = m_actions.viewFilter; a->isChecked() != visible)
        a->setChecked(visible);
}

// ---- status bar

void MainWindow::showMessage(const QString &text) {
    if (text.isEmpty())
        return;
    const QString line = u"%1  %2"_s.arg(QTime::currentTime().toString(u"HH:mm:ss"_s), text);
    m_lastMessage->setText(line);
    qCInfo(lcUi).noquote() << text;
}

QString MainWindow::lastMessage() const {
    return m_lastMessage->text();
}

QString MainWindow::connectionText() const {
    return m_connection->text();
}

QString MainWindow::collectorText() const {
    return m_collectorLamp->text();
}

void MainWindow::showError(const QString &title, const QString &text) {
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(u"errorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    m_errorBox = box;
}

// ---- nodes

QString MainWindow::nodeTitle(NodeId node) const {
    const QModelIndex index = m_model->indexOfNode(node);
    const QString address = index.data(NodeTableModel::AddressRole).toString();
    const QString host = index.data(NodeTableModel::HostnameRole).toString();
    if (address.isEmpty())
        return tr("Node %1").arg(node);
    if (host.isEmpty() || host == address)
        return tr("Node %1 — %2").arg(node).arg(address);
    return tr("Node %1 — %2 (%3)").arg(node).arg(address, host);
}

NodeSettingsDialog *MainWindow::openDialog(int scope, const QList<NodeId> &nodes,
                                           const QString &title) {
    if (!m_commands || nodes.isEmpty()) {
        showMessage(nodes.isEmpty() ? tr("No nodes to show settings of")
                                    : tr("Not connected to a cluster"));
        return nullptr;
    }
    for (const auto &open : std::as_const(m_dialogs)) {
        if (open && open->nodes() == nodes && int(open->scope()) == scope) {
            open->raise();
            open->activateWindow();
            return open;
        }
    }
    auto *dialog = new NodeSettingsDialog(static_cast<NodeSettingsDialog::Scope>(scope), nodes,
                                          title, m_commands.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NodeSettingsDialog::terminalRequested, this, &MainWindow::openTerminal);
    m_dialogs.removeAll(nullptr);
    m_dialogs.append(dialog);
    dialog->show();
    return dialog;
}

NodeSettingsDialog *MainWindow::openNodeSettings(NodeId node) {
    return openDialog(int(NodeSettingsDialog::Scope::Node), {node}, nodeTitle(node));
}

NodeSettingsDialog *MainWindow::openAllNodesSettings() {
    const QList<NodeId> nodes = m_model->nodeIds();
    return openDialog(int(NodeSettingsDialog::Scope::Cluster), nodes,
                      tr("All nodes (%n)", nullptr, int(nodes.size())));
}

NodeSettingsDialog *MainWindow::openSelectedNodesSettings() {
    const NodesView::Selection selection = m_view->selection();
    if (selection.cluster)
        return openAllNodesSettings();
    if (selection.nodes.size() == 1)
        return openNodeSettings(selection.nodes.first());
    if (selection.nodes.isEmpty()) {
        showMessage(tr("Select the nodes first (or the cluster row for all)"));
        return nullptr;
    }
    QStringList ids;
    for (NodeId n : selection.nodes)
        ids.append(QString::number(n));
    return openDialog(int(NodeSettingsDialog::Scope::Selection), selection.nodes,
                      tr("Nodes %1").arg(ids.join(u", "_s)));
}

QList<NodeSettingsDialog *> MainWindow::settingsDialogs() const {
    QList<NodeSettingsDialog *> list;
    for (const auto &d : m_dialogs) {
        if (d)
            list.append(d);
    }
    return list;
}

void MainWindow::onSpeedChosen(NodeId node, std::uint32_t speed) {
    if (!m_commands) {
        showMessage(tr("Not connected: the speed of node %1 was not changed").arg(node));
        return;
    }
    SettingsChange change;
    change.speed = speed;
    // The model shows the new speed at once (ClusterCommands::speedPending) and the node's own
    // again if the node refuses; `done` says which in the status bar.
    m_commands->apply({node}, change);
}

void MainWindow::openTerminal(NodeId node) {
    const QString address = m_model->indexOfNode(node).data(NodeTableModel::AddressRole).toString();
    const ConnectionProfile profile =
        m_session ? m_session->profile() : ConnectionProfile::localSocket();
    const auto command = TerminalCommand::forNode(profile, address);
    if (!command) {
        showMessage(tr("No terminal for node %1: %2").arg(node).arg(command.error()));
        showError(tr("Open Terminal"), command.error());
        return;
    }
    const auto started = command->start();
    if (!started) {
        showMessage(started.error());
        showError(tr("Open Terminal"), started.error());
        return;
    }
    showMessage(tr("Opened a terminal on node %1: %2").arg(node).arg(command->toString()));
}

HelpViewer *MainWindow::showHelp() {
    return openChildWindow(m_help, [this] {
        auto *help = new HelpViewer(this);
        help->setWindowFlag(Qt::Window);
        return help;
    });
}

void MainWindow::updateActions() {
    const bool connected = m_session && m_session->state() == ClusterSession::State::Connected;
    const NodesView::Selection selection = m_view->selection();
    m_actions.nodeSettings->setEnabled(connected && !selection.isEmpty());
    m_actions.allNodesSettings->setEnabled(connected);
    m_actions.terminal->setEnabled(m_view->currentNode().has_value());
    m_actions.remoteProcesses->setEnabled(m_view->currentNode().has_value());
    const auto state = m_collector->state();
    const bool running = state == CollectorControl::State::Running;
    const bool busy =
        state == CollectorControl::State::Starting || state == CollectorControl::State::Stopping;
    m_actions.collectorStart->setEnabled(!running && !busy);
    m_actions.collectorStop->setEnabled(running);
    m_actions.collectorCheckpoint->setEnabled(running);
    m_actions.collectorSaveHistory->setEnabled(running);
    const bool known = !m_collector->historyDatabase().isEmpty();
    for (QAction *view : {m_actions.collectorAnalyzer, m_actions.collectorHistory}) {
        view->setEnabled(known);
        const QString title = QString(view->text()).remove(u'&').remove(u"…"_s);
        view->setToolTip(known ? tr("%1 of %2").arg(title, m_collector->historyDatabase())
                               : tr("%1: no collector database known — start the collector "
                                    "first")
                                     .arg(title));
    }
}

} // namespace omview
