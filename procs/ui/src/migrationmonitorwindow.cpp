#include "logging.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>
#include <omview/procs/migrationlogmodel.h>
#include <omview/procs/migrationmonitor.h>
#include <omview/procs/migrationmonitorwindow.h>
#include <omview/protocol/agentclient.h>

namespace omview::procs {

MigrationMonitorWindow::MigrationMonitorWindow(ClusterProcessModel *processes,
                                               MigrationLogModel *log, QWidget *parent)
    : QWidget(parent)
    , m_monitor(new MigrationMonitor(processes, log, this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTreeView(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_status(new QLabel(this)) {
    setWindowTitle(tr("Migration Monitor"));

    m_sorted->setSourceModel(log);
    m_sorted->setSortRole(MigrationLogModel::SortRole);
    m_sorted->setDynamicSortFilter(true);
    m_view->setModel(m_sorted);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MigrationLogModel::TimeColumn, Qt::DescendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(MigrationLogModel::OutcomeColumn, QHeaderView::Stretch);
    m_view->setWhatsThis(tr("The recent moves between nodes, the newest first: when each "
                            "started, the process, where from and where to, why, how it ended, "
                            "and what it cost. A failed move's reason is in its tooltip."));

    m_splitter->addWidget(m_monitor);
    m_splitter->addWidget(m_view);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    // Enough for the log's columns without scrolling, the rest for the drawing.
    m_splitter->setSizes({640, 640});

    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);

    connect(m_monitor, &MigrationMonitor::migrateRequested, this, &MigrationMonitorWindow::migrate);
    resize(1280, 640);
}

MigrationMonitorWindow::~MigrationMonitorWindow() = default;

void MigrationMonitorWindow::setClient(AgentClient *client) {
    m_client = client;
}

QString MigrationMonitorWindow::statusText() const {
    return m_status->isHidden() ? QString() : m_status->text();
}

void MigrationMonitorWindow::migrate(NodeId reportingNode, int pid, const MigrateTarget &target) {
    m_status->hide();
    m_status->clear();
    emit migrateRequested(reportingNode, pid, target);
    if (!m_client)
        return;
    // The monitor animates the move from its events; only a refusal needs words here.
    m_client->procMigrate(pid, target, reportingNode)
        .then(this, [this, pid](const Result<MigrateResult> &result) {
            if (result)
                return;
            qCInfo(lcProcsUi).noquote()
                << "move of pid" << pid << "failed:" << result.error().message;
            m_status->setText(
                tr("Process %1 was not moved: %2").arg(pid).arg(result.error().message));
            m_status->show();
        });
}

} // namespace omview::procs
