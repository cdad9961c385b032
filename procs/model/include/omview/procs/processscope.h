// Which nodes' processes a pane lists: every node of the cluster, or a chosen set (the nodes
// selected in the nodes pane, or one node).
#pragma once

#include <QList>
#include <QObject>
#include <omview/protocol/types.h>
#include <optional>

class KSelectionProxyModel;
class QAbstractItemModel;
class QItemSelectionModel;

namespace omview::procs {

class ClusterProcessModel;

// A KSelectionProxyModel (ChildrenOfExactSelection) over the cluster tree whose selection
// is the node rows in scope: its rows are the processes of those nodes, flat, and an update
// of a node out of scope does not reach the views at all. Nodes that join the tree later
// are taken in when they are in scope (every node, or one of the chosen).
class ProcessScope : public QObject {
    Q_OBJECT

public:
    // @processes: not owned, must outlive this object.
    explicit ProcessScope(ClusterProcessModel *processes, QObject *parent = nullptr);
    ~ProcessScope() override;

    // The processes in scope, one row each, in the cluster tree's columns and roles.
    QAbstractItemModel *model() const;

    void showAll();
    // Nodes not in the tree (yet) are in scope once they come.
    void showNodes(const QList<NodeId> &nodes);
    bool showsAll() const { return !m_chosen; }
    // The chosen nodes; empty when every node is shown.
    QList<NodeId> chosenNodes() const { return m_chosen.value_or(QList<NodeId>{}); }

signals:
    void changed();

private:
    bool inScope(NodeId node) const;
    void select();

    ClusterProcessModel *m_processes;
    QItemSelectionModel *m_selection;
    KSelectionProxyModel *m_model;
    std::optional<QList<NodeId>> m_chosen;
};

} // namespace omview::procs
