#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <omview/console/consoleactions.h>
#include <omview/console/consolemenus.h>

using namespace Qt::StringLiterals;

namespace omview {

ConsoleMenus ConsoleMenus::build(QMainWindow &window, const ConsoleActions &a) {
    ConsoleMenus m;
    QMenuBar *bar = window.menuBar();
    m.file = bar->addMenu(tr("&File"));
    m.file->setObjectName(u"fileMenu"_s);
    m.file->addAction(a.connectCluster);
    m.file->addAction(a.runProgram);
    m.file->addSeparator();
    m.file->addAction(a.quit);

    m.toolbar = new QToolBar(tr("Main Toolbar"), &window);
    m.toolbar->setObjectName(u"mainToolbar"_s);
    m.toolbar->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    m.toolbar->setWhatsThis(tr("<p>The most used actions of the menus.</p>"));
    window.addToolBar(m.toolbar);

    m.view = bar->addMenu(tr("&View"));
    m.view->setObjectName(u"viewMenu"_s);
    QAction *toolbar = m.toolbar->toggleViewAction();
    toolbar->setObjectName(u"viewToolbar"_s);
    toolbar->setText(tr("&Toolbar"));
    toolbar->setWhatsThis(tr("<p>Shows or hides the toolbar.</p>"));
    m.view->addAction(toolbar);
    m.view->addAction(a.viewStatusBar);
    m.columns = m.view->addMenu(tr("&Columns"));
    m.columns->setObjectName(u"columnsMenu"_s);
    m.columns->setWhatsThis(tr("<p>Shows or hides columns of the nodes pane.</p>"));
    m.view->addSeparator();
    m.view->addAction(a.viewFilter);
    m.view->addAction(a.migrationMonitor);

    m.nodes = bar->addMenu(tr("&Nodes"));
    m.nodes->setObjectName(u"nodesMenu"_s);
    m.nodes->addActions({a.nodeSettings, a.allNodesSettings});
    m.nodes->addSeparator();
    m.nodes->addActions({a.remoteProcesses, a.terminal});

    m.config = bar->addMenu(tr("C&onfig"));
    m.config->setObjectName(u"configMenu"_s);
    m.config->addActions({a.useSsh, a.connections});
    m.config->addSeparator();
    m.config->addAction(a.threshold);
    m.config->addSeparator();
    m.config->addAction(a.saveConfiguration);

    m.collector = bar->addMenu(tr("Co&llector"));
    m.collector->setObjectName(u"collectorMenu"_s);
    m.collector->addActions({a.collectorStart, a.collectorStop});
    m.collector->addSeparator();
    m.collector->addActions({a.collectorCheckpoint, a.collectorSaveHistory});
    m.collector->addSeparator();
    m.collector->addActions({a.collectorAnalyzer, a.collectorHistory});

    m.help = bar->addMenu(tr("&Help"));
    m.help->setObjectName(u"helpMenu"_s);
    m.help->addActions({a.help, a.whatsThis});
    m.help->addSeparator();
    m.help->addAction(a.about);

    QToolBar *t = m.toolbar;
    t->addAction(a.connectCluster);
    t->addSeparator();
    t->addActions({a.nodeSettings, a.allNodesSettings, a.terminal});
    t->addSeparator();
    t->addActions({a.runProgram, a.migrationMonitor});
    t->addSeparator();
    t->addAction(a.saveConfiguration);
    t->addSeparator();
    t->addActions({a.collectorStart, a.collectorStop, a.collectorCheckpoint, a.collectorAnalyzer,
                   a.collectorHistory});
    t->addSeparator();
    t->addActions({a.help, a.whatsThis});
    return m;
}

} // namespace omview
