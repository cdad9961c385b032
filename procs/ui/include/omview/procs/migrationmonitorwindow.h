// The migration monitor with the list of recent moves beside it, in a splitter. Given an agent
// connection it carries out the moves asked for in the monitor (proc.migrate) and says why one
// failed; without one it only passes the requests on.
#pragma once

#include <QPointer>
#include <QWidget>
#include <omview/protocol/methods.h>
#include <omview/protocol/types.h>

class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QTreeView;

namespace omview {
class AgentClient;
} // namespace omview

namespace omview::procs {

class ClusterProcessModel;
class MigrationLogModel;
class MigrationMonitor;

class MigrationMonitorWindow : public QWidget {
    Q_OBJECT

public:
    // Neither model is owned; the log is shown newest first.
    MigrationMonitorWindow(ClusterProcessModel *processes, MigrationLogModel *log,
                           QWidget *parent = nullptr);
    ~MigrationMonitorWindow() override;

    // The connection proc.migrate goes through (not owned; null: requests are only signalled).
    void setClient(AgentClient *client);

    MigrationMonitor *monitor() const { return m_monitor; }
    QTreeView *logView() const { return m_view; }
    QSplitter *splitter() const { return m_splitter; }
    // The last request's failure, or empty.
    QString statusText() const;

signals:
    // Every request the monitor made, carried out or not.
    void migrateRequested(omview::NodeId reportingNode, int pid,
                          const omview::MigrateTarget &target);

private:
    void migrate(NodeId reportingNode, int pid, const MigrateTarget &target);

    QPointer<AgentClient> m_client;
    MigrationMonitor *m_monitor;
    QSortFilterProxyModel *m_sorted;
    QTreeView *m_view;
    QSplitter *m_splitter;
    QLabel *m_status;
};

} // namespace omview::procs
