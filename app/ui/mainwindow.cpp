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
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWhatsThis>
#include <omview/analyzer/analyzersession.h>
#include <omview/analyzer/analyzerwidget.h>
#include <omview/analyzer/analyzerwindow.h>
#include <omview/console/collectorcontrol.h>
#include <omview/console/connectionsdialog.h>
#include <omview/console/elidedlabel.h>
#include <omview/console/helpviewer.h>
#include <omview/console/lamp.h>
#include <omview/console/mainwindow.h>
#include <omview/console/nodefilterproxymodel.h>
#include <omview/console/nodesettingsdialog.h>
#include <omview/console/nodesview.h>
#include <omview/console/nodetablemodel.h>
#include <omview/console/promptdialogs.h>
#include <omview/console/savehistorydialog.h>
#include <omview/console/terminalcommand.h>
#include <omview/history/historysession.h>
#include <omview/history/historywindow.h>
#include <omview/resources/icons.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

constexpr int DefaultThreshold = 75;
const QString LastSshKey = u"config/lastSshProfile"_s;

QAction *makeAction(QObject *parent, const QString &name, const QIcon &icon, const QString &text,
                    const QKeySequence &shortcut, const QString &whatsThis) {
    auto *action = new QAction(icon, text, parent);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setWhatsThis(whatsThis);
    QString tip = QString(text).remove(u'&').remove(u"…"_s);
    if (!shortcut.isEmpty())
        tip += u" (%1)"_s.arg(shortcut.toString(QKeySequence::NativeText));
    action->setToolTip(tip);
    action->setStatusTip(QString());
    return action;
}

} // namespace

MainWindow::MainWindow(QSettings &settings, const QString &collectorSocket, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_profiles(settings)
    , m_model(new NodeTableModel(this))
    , m_filter(new NodeFilterProxyModel(this))
    , m_view(new NodesView(this))
    , m_collector(new CollectorControl(collectorSocket, this)) {
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
    layout->addWidget(m_view, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    createStatusBar();

    connect(m_view, &NodesView::nodeSettingsRequested, this, &MainWindow::openNodeSettings);
    connect(m_view, &NodesView::allNodesSettingsRequested, this, &MainWindow::openAllNodesSettings);
    connect(m_view, &NodesView::speedChosen, this, &MainWindow::onSpeedChosen);
    connect(m_view, &NodesView::selectionChanged, this, &MainWindow::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateActions);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(action(u"nodeSettings"_s));
        menu.addAction(action(u"allNodesSettings"_s));
        menu.addAction(action(u"terminal"_s));
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->header(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { m_columnsMenu->exec(m_view->header()->mapToGlobal(pos)); });
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
    if (m_session)
        m_session->close();
    m_commands.reset();
    m_session.reset();
}

QAction *MainWindow::action(const QString &objectName) const {
    return findChild<QAction *>(objectName, Qt::FindDirectChildrenOnly);
}

QMenu *MainWindow::menu(const QString &objectName) const {
    return menuBar()->findChild<QMenu *>(objectName);
}

// ---- construction

void MainWindow::createActions() {
    const auto add = [this](const QString &name, const QIcon &icon, const QString &text,
                            const QKeySequence &key, const QString &whatsThis) {
        QAction *a = makeAction(this, name, icon, text, key, whatsThis);
        addAction(a);
        return a;
    };
    QAction *a =
        add(u"connect"_s, themedIcon(u"network-connect"_s), tr("&Connect…"), QKeySequence::Open,
            tr("<p><b>Connect.</b> Chooses or edits a connection profile and connects "
               "to the cluster with it.</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::showConnections);
    a = add(u"quit"_s, themedIcon(u"application-exit"_s), tr("&Quit"), QKeySequence::Quit,
            tr("<p><b>Quit</b> omview. The nodes and the collector go on as they are.</p>"));
    a->setMenuRole(QAction::QuitRole);
    connect(a, &QAction::triggered, this, &QWidget::close);

    a = add(u"viewFilter"_s, themedIcon({u"view-filter"_s, u"edit-find"_s}), tr("&Filter"),
            QKeySequence::Find,
            tr("<p><b>Filter.</b> Shows a bar that keeps only the nodes whose ID, address or "
               "name contains a text, or that are in a given state.</p>"));
    a->setCheckable(true);
    connect(a, &QAction::toggled, this, &MainWindow::setFilterVisible);

    a = add(u"nodeSettings"_s, themedIcon({u"configure"_s, u"preferences-system"_s}),
            tr("&Settings for Selected Nodes…"), QKeySequence(Qt::CTRL | Qt::Key_E),
            tr("<p><b>Settings for selected nodes.</b> Opens the settings of the selected "
               "nodes (of every node when the cluster row is selected), with their current "
               "values; a setting on which they differ is shown as mixed.</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::openSelectedNodesSettings);
    a = add(u"allNodesSettings"_s, themedIcon(u"network-server"_s), tr("Settings for &All Nodes…"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
            tr("<p><b>Settings for all nodes.</b> The settings of every node of the cluster at "
               "once, as the cluster row's <i>All nodes</i> button opens them.</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::openAllNodesSettings);
    a = add(u"terminal"_s, themedIcon(u"utilities-terminal"_s), tr("Open &Terminal on Node"),
            QKeySequence(Qt::CTRL | Qt::Key_T),
            tr("<p><b>Open terminal.</b> Starts your terminal ($TERMINAL, else "
               "x-terminal-emulator) with an SSH session on the current node, as the user, "
               "port and key of the connection profile.</p>"));
    connect(a, &QAction::triggered, this, [this] {
        if (const auto node = m_view->currentNode())
            openTerminal(*node);
    });

    a = add(u"useSsh"_s, QIcon(), tr("Use &SSH"), {},
            tr("<p><b>Use SSH.</b> Checked: the console reaches the cluster over SSH, with the "
               "SSH profile used last. Unchecked: through the agent's local socket on this "
               "machine.</p>"));
    a->setCheckable(true);
    connect(a, &QAction::triggered, this, &MainWindow::useSsh);
    a = add(u"connections"_s, themedIcon(u"network-server"_s), tr("C&onnections…"), {},
            tr("<p><b>Connections.</b> Adds, edits and removes connection profiles.</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::showConnections);
    a = add(u"threshold"_s, QIcon(), tr("&Warning Threshold…"), {},
            tr("<p><b>Warning threshold.</b> The load and memory use, in percent, above which "
               "their bars turn red (75 % unless you change it).</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::askThreshold);
    a = add(u"saveConfiguration"_s, themedIcon(u"document-save"_s), tr("Save &Configuration"),
            QKeySequence::Save,
            tr("<p><b>Save configuration.</b> Writes the window layout, the columns, the "
               "warning threshold and the connection profiles now (they are also written "
               "when omview quits).</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::saveConfiguration);

    a = add(u"collectorStart"_s, themedIcon(u"media-playback-start"_s), tr("&Start"), {},
            tr("<p><b>Start the collector.</b> Runs omcollectord, which records the cluster's "
               "load, memory and processes every second for the history views.</p>"));
    a->setIconText(tr("Start Collector"));
    connect(a, &QAction::triggered, this, &MainWindow::startCollector);
    a = add(u"collectorStop"_s, themedIcon(u"media-playback-stop"_s), tr("S&top"), {},
            tr("<p><b>Stop the collector.</b> Its database is kept.</p>"));
    a->setIconText(tr("Stop Collector"));
    connect(a, &QAction::triggered, m_collector, &CollectorControl::stop);
    a = add(u"collectorCheckpoint"_s, themedIcon(u"bookmark-new"_s), tr("&Checkpoint…"),
            QKeySequence(Qt::CTRL | Qt::Key_K),
            tr("<p><b>Checkpoint.</b> Marks this moment in the collector's history with a "
               "label, to find it again in the history views.</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::askCheckpoint);
    a = add(u"collectorSaveHistory"_s, themedIcon(u"document-save-as"_s), tr("Save &History…"), {},
            tr("<p><b>Save history.</b> Copies a time range of the collector's history to "
               "a new SQLite or CSV file.</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::askSaveHistory);
    a = add(u"collectorAnalyzer"_s, themedIcon({u"office-chart-line"_s, u"view-statistics"_s}),
            tr("&Analyzer…"), QKeySequence(Qt::CTRL | Qt::Key_L),
            tr("<p><b>Analyzer.</b> Charts of the load and memory of every node and of the "
               "whole cluster over the collector's history, with statistics; print or export "
               "them. Click a chart to see the processes of that moment in the history "
               "browser.</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::showAnalyzer);
    a = add(u"collectorHistory"_s, themedIcon({u"view-history"_s, u"document-open-recent"_s}),
            tr("H&istory…"), QKeySequence(Qt::CTRL | Qt::Key_H),
            tr("<p><b>History.</b> The processes of a node (or of all) as they were at any "
               "moment of the collector's history, and which processes used the CPU between "
               "two moments.</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::showHistory);

    a = add(u"help"_s, themedIcon(u"help-contents"_s), tr("omview &Help"),
            QKeySequence::HelpContents, tr("<p><b>Help.</b> Opens omview's manual.</p>"));
    connect(a, &QAction::triggered, this, &MainWindow::showHelp);
    QAction *whatsThis = QWhatsThis::createAction(this);
    whatsThis->setObjectName(u"whatsThis"_s);
    whatsThis->setIcon(themedIcon(u"help-contextual"_s));
    whatsThis->setWhatsThis(tr("<p><b>What's This?</b> Click it, then on any part of the "
                               "window to learn what it does.</p>"));
    addAction(whatsThis);
    a = add(u"about"_s, themedIcon({u"help-about"_s}), tr("&About omview"), {},
            tr("<p>omview's version and what it is.</p>"));
    a->setMenuRole(QAction::AboutRole);
    connect(a, &QAction::triggered, this, [this] {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    file->addAction(action(u"connect"_s));
    file->addSeparator();
    file->addAction(action(u"quit"_s));

    auto *tools = new QToolBar(tr("Main Toolbar"), this);
    tools->setObjectName(u"mainToolbar"_s);
    tools->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    tools->setWhatsThis(tr("<p>The most used actions of the menus.</p>"));
    addToolBar(tools);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    QAction *toolbar = tools->toggleViewAction();
    toolbar->setObjectName(u"viewToolbar"_s);
    toolbar->setText(tr("&Toolbar"));
    toolbar->setWhatsThis(tr("<p>Shows or hides the toolbar.</p>"));
    view->addAction(toolbar);
    QAction *statusBarAction = makeAction(this, u"viewStatusBar"_s, QIcon(), tr("Status &Bar"), {},
                                          tr("<p>Shows or hides the status bar: what was done "
                                             "last, the connection and the collector.</p>"));
    statusBarAction->setCheckable(true);
    statusBarAction->setChecked(true);
    addAction(statusBarAction);
    connect(statusBarAction, &QAction::toggled, statusBar(), &QWidget::setVisible);
    view->addAction(statusBarAction);
    m_columnsMenu = view->addMenu(tr("&Columns"));
    m_columnsMenu->setObjectName(u"columnsMenu"_s);
    m_columnsMenu->setWhatsThis(tr("<p>Shows or hides columns of the nodes pane.</p>"));
    for (int column = 0; column < NodeTableModel::ColumnCount; ++column) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        QAction *c = m_columnsMenu->addAction(title);
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
    view->addSeparator();
    view->addAction(action(u"viewFilter"_s));

    QMenu *nodes = menuBar()->addMenu(tr("&Nodes"));
    nodes->setObjectName(u"nodesMenu"_s);
    nodes->addAction(action(u"nodeSettings"_s));
    nodes->addAction(action(u"allNodesSettings"_s));
    nodes->addSeparator();
    nodes->addAction(action(u"terminal"_s));

    QMenu *config = menuBar()->addMenu(tr("C&onfig"));
    config->setObjectName(u"configMenu"_s);
    config->addAction(action(u"useSsh"_s));
    config->addAction(action(u"connections"_s));
    config->addSeparator();
    config->addAction(action(u"threshold"_s));
    config->addSeparator();
    config->addAction(action(u"saveConfiguration"_s));

    QMenu *collector = menuBar()->addMenu(tr("Co&llector"));
    collector->setObjectName(u"collectorMenu"_s);
    collector->addAction(action(u"collectorStart"_s));
    collector->addAction(action(u"collectorStop"_s));
    collector->addSeparator();
    collector->addAction(action(u"collectorCheckpoint"_s));
    collector->addAction(action(u"collectorSaveHistory"_s));
    collector->addSeparator();
    collector->addAction(action(u"collectorAnalyzer"_s));
    collector->addAction(action(u"collectorHistory"_s));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(u"helpMenu"_s);
    help->addAction(action(u"help"_s));
    help->addAction(action(u"whatsThis"_s));
    help->addSeparator();
    help->addAction(action(u"about"_s));

    tools->addAction(action(u"connect"_s));
    tools->addSeparator();
    tools->addAction(action(u"nodeSettings"_s));
    tools->addAction(action(u"allNodesSettings"_s));
    tools->addAction(action(u"terminal"_s));
    tools->addSeparator();
    tools->addAction(action(u"saveConfiguration"_s));
    tools->addSeparator();
    tools->addAction(action(u"collectorStart"_s));
    tools->addAction(action(u"collectorStop"_s));
    tools->addAction(action(u"collectorCheckpoint"_s));
    tools->addAction(action(u"collectorAnalyzer"_s));
    tools->addAction(action(u"collectorHistory"_s));
    tools->addSeparator();
    tools->addAction(action(u"help"_s));
    tools->addAction(action(u"whatsThis"_s));
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
            [this] { action(u"viewFilter"_s)->setChecked(false); });
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
        resize(fontMetrics().horizontalAdvance(u'x') * 142, fontMetrics().height() * 28);
    bool ok = false;
    int threshold = m_settings.value(u"view/threshold"_s, DefaultThreshold).toInt(&ok);
    if (!ok || threshold < 1 || threshold > 100) {
        qCWarning(lcUi) << m_settings.fileName() << ": view/threshold"
                        << m_settings.value(u"view/threshold"_s) << "is not 1..100; using"
                        << DefaultThreshold;
        threshold = DefaultThreshold;
    }
    m_view->setWarningThreshold(threshold);
    action(u"viewStatusBar"_s)->setChecked(m_settings.value(u"view/statusBar"_s, true).toBool());
    syncColumnActions();
}

void MainWindow::writeSettings() {
    m_settings.setValue(u"window/geometry"_s, saveGeometry());
    m_settings.setValue(u"window/state"_s, saveState());
    m_settings.setValue(u"window/nodesHeader"_s, m_view->header()->saveState());
    m_settings.setValue(u"view/threshold"_s, m_view->warningThreshold());
    m_settings.setValue(u"view/statusBar"_s, action(u"viewStatusBar"_s)->isChecked());
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
    if (QAction *a = action(u"viewFilter"_s); a->isChecked() != visible)
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

// ---- connection

void MainWindow::closeSessionDialogs() {
    for (const auto &dialog : std::as_const(m_dialogs)) {
        if (dialog)
            dialog->close();
    }
    m_dialogs.clear();
    onPromptWithdrawn();
}

void MainWindow::connectTo(const ConnectionProfile &profile) {
    closeSessionDialogs();
    if (m_session)
        m_session->close();
    m_commands.reset();
    m_session.reset();
    m_shownCluster = false;

    m_session = std::make_unique<ClusterSession>(profile);
    m_commands = std::make_unique<ClusterCommands>(m_session.get());
    m_model->follow(m_session.get());
    m_model->trackSpeedChanges(m_commands.get());
    connect(m_session.get(), &ClusterSession::stateChanged, this, &MainWindow::onSessionState);
    connect(m_session.get(), &ClusterSession::message, this, &MainWindow::showMessage);
    connect(m_session.get(), &ClusterSession::hostKeyUnknown, this, &MainWindow::onHostKey);
    connect(m_session.get(), &ClusterSession::credentialsRequested, this,
            &MainWindow::onCredentials);
    connect(m_session.get(), &ClusterSession::promptWithdrawn, this,
            &MainWindow::onPromptWithdrawn);
    connect(m_commands.get(), &ClusterCommands::done, this, &MainWindow::showMessage);
    // The model follows the session through an earlier connection, so it has the rows by now.
    connect(m_session.get(), &ClusterSession::clusterUpdated, this, [this] {
        if (m_shownCluster)
            return;
        m_shownCluster = true;
        QTimer::singleShot(0, this, &MainWindow::clusterShown);
    });

    if (m_profiles.profile(profile.name)) {
        m_profiles.setLastUsed(profile.name);
        if (profile.kind == ConnectionProfile::Kind::Ssh)
            m_settings.setValue(LastSshKey, profile.name);
    }
    setWindowTitle(tr("%1 — omview").arg(profile.description()));
    // open() says what it does ("Connecting to …", or why it cannot) through message().
    m_session->open();
    onSessionState(m_session->state());
}

ConnectionsDialog *MainWindow::showConnections() {
    if (m_connections) {
        m_connections->raise();
        m_connections->activateWindow();
        return m_connections;
    }
    m_connections = new ConnectionsDialog(m_profiles, this);
    m_connections->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_connections, &ConnectionsDialog::connectRequested, this, &MainWindow::connectTo);
    m_connections->open();
    return m_connections;
}

void MainWindow::useSsh(bool on) {
    if (on) {
        std::optional<ConnectionProfile> ssh;
        if (const auto last = m_profiles.profile(m_settings.value(LastSshKey).toString());
            last && last->kind == ConnectionProfile::Kind::Ssh)
            ssh = last;
        for (const ConnectionProfile &p : m_profiles.profiles()) {
            if (!ssh && p.kind == ConnectionProfile::Kind::Ssh)
                ssh = p;
        }
        if (!ssh) {
            action(u"useSsh"_s)->setChecked(false);
            showMessage(tr("No SSH profile yet: add one under Connections"));
            ConnectionsDialog *dialog = showConnections();
            dialog->editor()->setProfile(ConnectionProfile::overSsh(SshTarget{}, QString()));
            return;
        }
        connectTo(*ssh);
        return;
    }
    std::optional<ConnectionProfile> local;
    for (const ConnectionProfile &p : m_profiles.profiles()) {
        if (!local && p.kind == ConnectionProfile::Kind::LocalSocket)
            local = p;
    }
    connectTo(local.value_or(ConnectionProfile::localSocket()));
}

void MainWindow::onSessionState(ClusterSession::State state) {
    QColor color = LampColor::unknown();
    switch (state) {
    case ClusterSession::State::Connected:
        color = LampColor::up();
        break;
    case ClusterSession::State::Connecting:
    case ClusterSession::State::Reconnecting:
        color = LampColor::busy();
        break;
    case ClusterSession::State::Failed:
        color = LampColor::down();
        break;
    case ClusterSession::State::Disconnected:
        break;
    }
    // The lamp says the state in a word or two and nothing more: the session's own line
    // ("Connected to node 1 (root@host:22)", "Retrying in 4 s: …") is the message beside it
    // and the lamp's tooltip, so the status bar does not say the same thing twice.
    QString text;
    switch (state) {
    case ClusterSession::State::Connected:
        text = tr("Connected");
        break;
    case ClusterSession::State::Connecting:
        text = tr("Connecting…");
        break;
    case ClusterSession::State::Reconnecting:
        text = tr("Reconnecting…");
        break;
    case ClusterSession::State::Failed:
        text = tr("Connection failed");
        break;
    case ClusterSession::State::Disconnected:
        text = tr("Not connected");
        break;
    }
    m_connection->setState(color, text);
    // A failure that retrying cannot cure (a refused or changed host key, refused
    // credentials) needs the user: say it where it cannot be missed.
    if (state == ClusterSession::State::Failed && m_session &&
        m_failureShownFor != m_session.get()) {
        m_failureShownFor = m_session.get();
        const QString why =
            m_session->lastError().isEmpty() ? m_session->stateText() : m_session->lastError();
        showError(
            tr("Connection Failed"),
            tr("Could not connect to %1.\n\n%2").arg(m_session->profile().description(), why));
    }
    const QString detail = m_session ? m_session->stateText() : QString();
    m_connection->setToolTip(detail.isEmpty() ? tr("Not connected — File → Connect…") : detail);
    const QSignalBlocker block(action(u"useSsh"_s));
    action(u"useSsh"_s)
        ->setChecked(m_session && m_session->profile().kind == ConnectionProfile::Kind::Ssh);
    updateActions();
}

void MainWindow::onHostKey(const HostKeyPrompt &prompt) {
    onPromptWithdrawn();
    m_hostKey = new HostKeyDialog(prompt, this);
    m_hostKey->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_hostKey, &QDialog::finished, this, [this](int result) {
        SshTransport *ssh = m_session ? m_session->sshTransport() : nullptr;
        if (!ssh)
            return;
        if (result == QDialog::Accepted) {
            ssh->acceptHostKey();
            showMessage(tr("Host key of %1 trusted").arg(m_hostKey->prompt().host));
        } else {
            ssh->rejectHostKey();
            showMessage(
                tr("Host key of %1 not trusted: not connecting").arg(m_hostKey->prompt().host));
        }
    });
    m_hostKey->open();
}

void MainWindow::onCredentials(const CredentialsPrompt &prompt) {
    onPromptWithdrawn();
    m_credentials = new CredentialsDialog(prompt, this);
    m_credentials->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_credentials, &QDialog::finished, this, [this](int result) {
        SshTransport *ssh = m_session ? m_session->sshTransport() : nullptr;
        if (!ssh)
            return;
        if (result == QDialog::Accepted)
            ssh->answerCredentials(m_credentials->answers());
        else
            ssh->cancelCredentials();
    });
    m_credentials->open();
}

HostKeyDialog *MainWindow::hostKeyDialog() const {
    return m_hostKey;
}

CredentialsDialog *MainWindow::credentialsDialog() const {
    return m_credentials;
}

void MainWindow::onPromptWithdrawn() {
    // The question was settled elsewhere: close the dialog without answering it.
    for (QDialog *dialog :
         {static_cast<QDialog *>(m_hostKey.data()), static_cast<QDialog *>(m_credentials.data())}) {
        if (dialog) {
            dialog->disconnect(this);
            dialog->close();
        }
    }
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
    if (!m_help) {
        m_help = new HelpViewer(this);
        m_help->setWindowFlag(Qt::Window);
        m_help->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
    return m_help;
}

// ---- collector

analyzer::AnalyzerWindow *MainWindow::analyzerWindow() const {
    return m_analyzer;
}

history::HistoryWindow *MainWindow::historyWindow() const {
    return m_history;
}

analyzer::AnalyzerWindow *MainWindow::showAnalyzer() {
    const QString database = m_collector->historyDatabase();
    if (database.isEmpty()) {
        showMessage(tr("No collector database known: start the collector first"));
        return nullptr;
    }
    const bool fresh = !m_analyzer;
    if (fresh) {
        m_analyzer = new analyzer::AnalyzerWindow(this);
        m_analyzer->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_analyzer, &analyzer::AnalyzerWindow::historyRequested, this,
                &MainWindow::showHistoryMoment);
    }
    const analyzer::AnalyzerSession *shown = m_analyzer->analyzer()->session();
    if (fresh || !shown || shown->path() != database) {
        if (const auto opened = m_analyzer->open(database); !opened) {
            showError(tr("Analyzer"), opened.error());
            if (fresh)
                delete m_analyzer;
            return nullptr;
        }
    }
    m_analyzer->show();
    m_analyzer->raise();
    m_analyzer->activateWindow();
    showMessage(tr("Analyzer on %1").arg(database));
    return m_analyzer;
}

history::HistoryWindow *MainWindow::showHistory() {
    const QString database = m_collector->historyDatabase();
    if (database.isEmpty()) {
        showMessage(tr("No collector database known: start the collector first"));
        return nullptr;
    }
    return openHistory(database);
}

history::HistoryWindow *MainWindow::openHistory(const QString &database) {
    const bool fresh = !m_history;
    if (fresh) {
        m_history = new history::HistoryWindow(this);
        m_history->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (fresh || m_history->session()->path() != database) {
        if (const auto opened = m_history->openDatabase(database); !opened) {
            showError(tr("History"), opened.error());
            if (fresh)
                delete m_history;
            return nullptr;
        }
    }
    m_history->show();
    m_history->raise();
    m_history->activateWindow();
    return m_history;
}

void MainWindow::showHistoryMoment(store::NodeId node, const QDateTime &at) {
    // The moment belongs to the database the analyzer shows, which its File → Open may have
    // changed from the collector's.
    const analyzer::AnalyzerSession *shown =
        m_analyzer ? m_analyzer->analyzer()->session() : nullptr;
    const QString database = shown ? shown->path() : m_collector->historyDatabase();
    if (database.isEmpty())
        return;
    if (history::HistoryWindow *window = openHistory(database))
        window->showMoment(node, at);
}

void MainWindow::onCollectorState() {
    switch (m_collector->state()) {
    case CollectorControl::State::Running:
        m_collectorLamp->setState(LampColor::up(), tr("Collector on"));
        break;
    case CollectorControl::State::Starting:
        m_collectorLamp->setState(LampColor::busy(), tr("Collector starting"));
        break;
    case CollectorControl::State::Stopping:
        m_collectorLamp->setState(LampColor::busy(), tr("Collector stopping"));
        break;
    case CollectorControl::State::Stopped:
        m_collectorLamp->setState(LampColor::down(), tr("Collector off"));
        break;
    case CollectorControl::State::Unknown:
        m_collectorLamp->setState(LampColor::unknown(), tr("Collector ?"));
        break;
    }
    m_collectorLamp->setToolTip(m_collector->status()
                                    ? tr("omcollectord (pid %1) writing %2")
                                          .arg(m_collector->status()->pid)
                                          .arg(m_collector->status()->database)
                                    : tr("Control socket %1").arg(m_collector->controlSocket()));
    updateActions();
}

void MainWindow::startCollector() {
    m_collector->start(m_session ? m_session->profile() : ConnectionProfile::localSocket());
}

void MainWindow::askCheckpoint() {
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"checkpointDialog"_s);
    dialog->setWindowTitle(tr("Checkpoint"));
    dialog->setLabelText(tr("Label of the checkpoint (what happens now):"));
    dialog->setTextValue(QString());
    dialog->setOkButtonText(tr("Set Checkpoint"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &label) {
        if (label.trimmed().isEmpty()) {
            showMessage(tr("No checkpoint set: the label is empty"));
            return;
        }
        m_collector->checkpoint(label);
    });
    dialog->open();
}

void MainWindow::askSaveHistory() {
    auto *dialog = new SaveHistoryDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_collector->saveHistory(dialog->from().toSecsSinceEpoch(), dialog->to().toSecsSinceEpoch(),
                                 dialog->file(), dialog->format());
        showMessage(tr("Saving the history to %1…").arg(dialog->file()));
    });
    dialog->open();
}

void MainWindow::updateActions() {
    const bool connected = m_session && m_session->state() == ClusterSession::State::Connected;
    const NodesView::Selection selection = m_view->selection();
    action(u"nodeSettings"_s)->setEnabled(connected && !selection.isEmpty());
    action(u"allNodesSettings"_s)->setEnabled(connected);
    action(u"terminal"_s)->setEnabled(m_view->currentNode().has_value());
    const auto state = m_collector->state();
    const bool running = state == CollectorControl::State::Running;
    const bool busy =
        state == CollectorControl::State::Starting || state == CollectorControl::State::Stopping;
    action(u"collectorStart"_s)->setEnabled(!running && !busy);
    action(u"collectorStop"_s)->setEnabled(running);
    action(u"collectorCheckpoint"_s)->setEnabled(running);
    action(u"collectorSaveHistory"_s)->setEnabled(running);
    const bool known = !m_collector->historyDatabase().isEmpty();
    for (const QString &name : {u"collectorAnalyzer"_s, u"collectorHistory"_s}) {
        QAction *view = action(name);
        view->setEnabled(known);
        const QString title = QString(view->text()).remove(u'&').remove(u"…"_s);
        view->setToolTip(known ? tr("%1 of %2").arg(title, m_collector->historyDatabase())
                               : tr("%1: no collector database known — start the collector "
                                    "first")
                                     .arg(title));
    }
}

} // namespace omview
