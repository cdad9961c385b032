// The processes pane: the cluster's processes in one sortable list (NODE tells where each
// runs), with openMosixprocs' user drop-down and a text filter. The models do the work
// (ClusterProcessModel → KDescendantsProxyModel → ProcessFilterProxyModel); the pane only
// shows them.
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>
#include <omview/protocol/types.h>

class QComboBox;
class QLineEdit;
class QMenu;
class QTreeView;

namespace omview::procs {

class ClusterProcessModel;
class ProcessActions;
class ProcessCommands;
class ProcessDetailsDialog;
class ProcessFilterProxyModel;
class ProcessScope;
struct ProcessRef;

class ProcessesPane : public QWidget {
    Q_OBJECT

public:
    explicit ProcessesPane(ClusterProcessModel *processes, QWidget *parent = nullptr);
    ~ProcessesPane() override;

    QTreeView *view() const { return m_view; }
    ProcessFilterProxyModel *filterModel() const { return m_filter; }
    QLineEdit *filterEdit() const { return m_text; }
    QComboBox *userBox() const { return m_user; }
    // Which nodes' processes are listed: all, the nodes selected in the nodes pane, or one.
    QComboBox *nodesBox() const { return m_nodes; }
    ProcessScope *scope() const { return m_scope; }

    // The nodes selected in the nodes pane (empty: none, or the cluster row): listed when
    // the drop-down says "Selected nodes", which the pane offers once this is called.
    void setSelectedNodes(const QList<NodeId> &nodes);

    // What the pane's context menu, keys and details dialogs do to processes (not owned;
    // null: the pane only shows). The actions act on the selected rows.
    void setCommands(ProcessCommands *commands);
    ProcessActions *actions() const { return m_actions; }
    // The processes of the selected rows, in view order.
    QList<ProcessRef> selectedProcesses() const;
    // Opens the process's details, or raises them when open already.
    ProcessDetailsDialog *openDetails(const ProcessRef &process);
    // The header's context menu: a checkable entry per column, to show or hide it (the last
    // one shown stays). Built afresh each time, from the header as it is.
    QMenu *columnsMenu();

private:
    // The users of the processes listed, for the drop-down (the choice kept).
    void refreshUsers();

    void selectionChanged();
    // The drop-down's node entries follow the nodes of the tree.
    void refreshNodes();
    void applyScope();

    ClusterProcessModel *m_processes;
    ProcessCommands *m_commands = nullptr;
    ProcessActions *m_actions = nullptr;
    QList<QPointer<ProcessDetailsDialog>> m_details;
    ProcessScope *m_scope;
    ProcessFilterProxyModel *m_filter;
    QLineEdit *m_text;
    QComboBox *m_user;
    QComboBox *m_nodes;
    QMenu *m_columns = nullptr;
    QList<NodeId> m_selectedNodes;
    bool m_followsSelection = false; // setSelectedNodes() was called: "Selected nodes" offered
    QTreeView *m_view;
    bool m_usersPending = false;
};

} // namespace omview::procs
