#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QWhatsThis>
#include <QWidget>
#include <omview/console/consoleactions.h>
#include <omview/resources/icons.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

QAction *makeAction(QWidget *window, const QString &name, const QIcon &icon, const QString &text,
                    const QKeySequence &shortcut, const QString &whatsThis) {
    auto *action = new QAction(icon, text, window);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setWhatsThis(whatsThis);
    QString tip = QString(text).remove(u'&').remove(u"…"_s);
    if (!shortcut.isEmpty())
        tip += u" (%1)"_s.arg(shortcut.toString(QKeySequence::NativeText));
    action->setToolTip(tip);
    action->setStatusTip(QString());
    window->addAction(action);
    return action;
}

} // namespace

ConsoleActions::ConsoleActions(QWidget *window) {
    const auto add = [window](const QString &name, const QIcon &icon, const QString &text,
                              const QKeySequence &key, const QString &explanation) {
        return makeAction(window, name, icon, text, key, explanation);
    };
    connectCluster =
        add(u"connect"_s, themedIcon(u"network-connect"_s), tr("&Connect…"), QKeySequence::Open,
            tr("<p><b>Connect.</b> Chooses or edits a connection profile and connects "
               "to the cluster with it.</p>"));
    quit = add(u"quit"_s, themedIcon(u"application-exit"_s), tr("&Quit"), QKeySequence::Quit,
               tr("<p><b>Quit</b> omview. The nodes and the collector go on as they are.</p>"));
    quit->setMenuRole(QAction::QuitRole);

    viewFilter = add(u"viewFilter"_s, themedIcon({u"view-filter"_s, u"edit-find"_s}), tr("&Filter"),
                     QKeySequence::Find,
                     tr("<p><b>Filter.</b> Shows a bar that keeps only the nodes whose ID, "
                        "address or name contains a text, or that are in a given state.</p>"));
    viewFilter->setCheckable(true);
    viewStatusBar = add(u"viewStatusBar"_s, QIcon(), tr("Status &Bar"), {},
                        tr("<p>Shows or hides the status bar: what was done last, the "
                           "connection and the collector.</p>"));
    viewStatusBar->setCheckable(true);
    viewStatusBar->setChecked(true);

    nodeSettings =
        add(u"nodeSettings"_s, themedIcon({u"configure"_s, u"preferences-system"_s}),
            tr("&Settings for Selected Nodes…"), QKeySequence(Qt::CTRL | Qt::Key_E),
            tr("<p><b>Settings for selected nodes.</b> Opens the settings of the selected "
               "nodes (of every node when the cluster row is selected), with their current "
               "values; a setting on which they differ is shown as mixed.</p>"));
    allNodesSettings =
        add(u"allNodesSettings"_s, themedIcon(u"network-server"_s), tr("Settings for &All Nodes…"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
            tr("<p><b>Settings for all nodes.</b> The settings of every node of the cluster at "
               "once, as the cluster row's <i>All nodes</i> button opens them.</p>"));
    terminal = add(u"terminal"_s, themedIcon(u"utilities-terminal"_s), tr("Open &Terminal on Node"),
                   QKeySequence(Qt::CTRL | Qt::Key_T),
                   tr("<p><b>Open terminal.</b> Starts your terminal ($TERMINAL, else "
                      "x-terminal-emulator) with an SSH session on the current node, as the "
                      "user, port and key of the connection profile.</p>"));
    remoteProcesses =
        add(u"remoteProcesses"_s, themedIcon(u"view-process-tree"_s), tr("&Remote Processes…"),
            QKeySequence(Qt::CTRL | Qt::Key_G),
            tr("<p><b>Remote processes.</b> The guests of the current node — processes from "
               "other nodes that run there — with their homes; send them home or to the best "
               "node, some or all.</p>"));

    useSsh = add(u"useSsh"_s, QIcon(), tr("Use &SSH"), {},
                 tr("<p><b>Use SSH.</b> Checked: the console reaches the cluster over SSH, with "
                    "the SSH profile used last. Unchecked: through the agent's local socket on "
                    "this machine.</p>"));
    useSsh->setCheckable(true);
    connections =
        add(u"connections"_s, themedIcon(u"network-server"_s), tr("C&onnections…"), {},
            tr("<p><b>Connections.</b> Adds, edits and removes connection profiles.</p>"));
    threshold = add(u"threshold"_s, QIcon(), tr("&Warning Threshold…"), {},
                    tr("<p><b>Warning threshold.</b> The load and memory use, in percent, above "
                       "which their bars turn red (75 % unless you change it).</p>"));
    saveConfiguration =
        add(u"saveConfiguration"_s, themedIcon(u"document-save"_s), tr("Save &Configuration"),
            QKeySequence::Save,
            tr("<p><b>Save configuration.</b> Writes the window layout, the columns, the "
               "warning threshold and the connection profiles now (they are also written "
               "when omview quits).</p>"));

    collectorStart =
        add(u"collectorStart"_s, themedIcon(u"media-playback-start"_s), tr("&Start"), {},
            tr("<p><b>Start the collector.</b> Runs omcollectord, which records the cluster's "
               "load, memory and processes every second for the history views.</p>"));
    collectorStart->setIconText(tr("Start Collector"));
    collectorStop = add(u"collectorStop"_s, themedIcon(u"media-playback-stop"_s), tr("S&top"), {},
                        tr("<p><b>Stop the collector.</b> Its database is kept.</p>"));
    collectorStop->setIconText(tr("Stop Collector"));
    collectorCheckpoint =
        add(u"collectorCheckpoint"_s, themedIcon(u"bookmark-new"_s), tr("&Checkpoint…"),
            QKeySequence(Qt::CTRL | Qt::Key_K),
            tr("<p><b>Checkpoint.</b> Marks this moment in the collector's history with a "
               "label, to find it again in the history views.</p>"));
    collectorSaveHistory =
        add(u"collectorSaveHistory"_s, themedIcon(u"document-save-as"_s), tr("Save &History…"), {},
            tr("<p><b>Save history.</b> Copies a time range of the collector's history to "
               "a new SQLite or CSV file.</p>"));
    collectorAnalyzer =
        add(u"collectorAnalyzer"_s, themedIcon({u"office-chart-line"_s, u"view-statistics"_s}),
            tr("&Analyzer…"), QKeySequence(Qt::CTRL | Qt::Key_L),
            tr("<p><b>Analyzer.</b> Charts of the load and memory of every node and of the "
               "whole cluster over the collector's history, with statistics; print or export "
               "them. Click a chart to see the processes of that moment in the history "
               "browser.</p>"));
    runProgram = add(u"runProgram"_s, themedIcon({u"system-run"_s, u"media-playback-start"_s}),
                     tr("&Run Program…"), QKeySequence(Qt::CTRL | Qt::Key_R),
                     tr("<p><b>Run program.</b> Starts a program as a job of the cluster: where "
                        "it starts, whether it may migrate, its profile; then shows where it "
                        "runs, its output and its exit status.</p>"));
    migrationMonitor = add(
        u"migrationMonitor"_s, themedIcon({u"view-process-tree"_s, u"network-workgroup"_s}),
        tr("&Migration Monitor…"), QKeySequence(Qt::CTRL | Qt::Key_M),
        tr("<p><b>Migration monitor.</b> The nodes around a circle with the processes that "
           "migrated on the node they run on, a line to their home; moves as they happen, and "
           "the list of recent moves. Drag a process onto a node to move it there.</p>"));
    collectorHistory =
        add(u"collectorHistory"_s, themedIcon({u"view-history"_s, u"document-open-recent"_s}),
            tr("H&istory…"), QKeySequence(Qt::CTRL | Qt::Key_H),
            tr("<p><b>History.</b> The processes of a node (or of all) as they were at any "
               "moment of the collector's history, and which processes used the CPU between "
               "two moments.</p>"));

    help = add(u"help"_s, themedIcon(u"help-contents"_s), tr("omview &Help"),
               QKeySequence::HelpContents, tr("<p><b>Help.</b> Opens omview's manual.</p>"));
    whatsThis = QWhatsThis::createAction(window);
    whatsThis->setObjectName(u"whatsThis"_s);
    whatsThis->setIcon(themedIcon(u"help-contextual"_s));
    whatsThis->setWhatsThis(tr("<p><b>What's This?</b> Click it, then on any part of the "
                               "window to learn what it does.</p>"));
    window->addAction(whatsThis);
    about = add(u"about"_s, themedIcon({u"help-about"_s}), tr("&About omview"), {},
                tr("<p>omview's version and what it is.</p>"));
    about->setMenuRole(QAction::AboutRole);
}

} // namespace omview
