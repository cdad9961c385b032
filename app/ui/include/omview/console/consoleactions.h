// The console's actions as typed members: their text, icon, shortcut and What's This, in one
// place. What each one does is the window's business (MainWindow connects them); the menus
// and the toolbar are laid out from them (ConsoleMenus). Each keeps an object name, for the
// settings and the translation tests.
#pragma once

#include <QCoreApplication>

class QAction;
class QWidget;

namespace omview {

class ConsoleActions {
    Q_DECLARE_TR_FUNCTIONS(omview::ConsoleActions)

public:
    // The actions belong to @window and are added to it, so that their shortcuts work
    // wherever the focus is in it.
    explicit ConsoleActions(QWidget *window);

    // File
    QAction *connectCluster;
    QAction *runProgram;
    QAction *quit;
    // View
    QAction *viewFilter;
    QAction *viewStatusBar;
    QAction *migrationMonitor;
    // Nodes
    QAction *nodeSettings;
    QAction *allNodesSettings;
    QAction *terminal;
    QAction *remoteProcesses;
    // Config
    QAction *useSsh;
    QAction *connections;
    QAction *threshold;
    QAction *saveConfiguration;
    // Collector
    QAction *collectorStart;
    QAction *collectorStop;
    QAction *collectorCheckpoint;
    QAction *collectorSaveHistory;
    QAction *collectorAnalyzer;
    QAction *collectorHistory;
    // Help
    QAction *help;
    QAction *whatsThis;
    QAction *about;
};

} // namespace omview
