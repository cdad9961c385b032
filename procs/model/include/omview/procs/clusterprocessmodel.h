// The processes of several nodes as one tree: a row per node, its processes under it.
#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <cstdint>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/types.h>

namespace omview::procs {

// The cluster tree the processes panes stack KF6 ItemModels proxies on: top-level rows are
// nodes in ID order, each with the rows of its ProcessListModel as children, in the same
// columns and roles. Nothing is copied: data comes from the list models and their signals
// (rows inserted and removed, dataChanged, layout changes) are passed on under the node's
// row, so an update of one node touches only that node's rows. A list model's reset becomes
// the removal of the node's rows and the insertion of the new ones, which keeps the other
// nodes' selection and expansion.
//
// Over it:
// - KDescendantsProxyModel (with setDisplayAncestorData(false)) makes the cluster-wide
//   list. The node rows stay in it, each above its processes, marked by NodeRowRole: they
//   are the parents it flattens, so the tree cannot leave them out. A list of processes
//   drops them in the QSortFilterProxyModel above that filters by user and text (as the
//   tests' ProcessesOnly does); a list grouped by node keeps them as headings.
// - KSelectionProxyModel with ChildrenOfExactSelection, on a QItemSelectionModel of this
//   model whose selected rows are node rows (indexOfNode()), gives the processes of the
//   selected nodes.
class ClusterProcessModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role {
        NodeRowRole = ProcessListModel::ProcessRole + 1, // bool: a node's row, not a process
    };
    Q_ENUM(Role)

    explicit ClusterProcessModel(QObject *parent = nullptr);
    ~ClusterProcessModel() override;

    // Shows `processes` (not owned) as the node's children. Refused (false, nothing
    // changes) for node 0, a node already in the tree, no model, a model already in it, or
    // a model set to another node; a model with no node set is set to `node` (and must keep
    // it while in the tree: the node's row and NodeIdRole would disagree otherwise). A model
    // deleted while in the tree takes its node out with it (a reset of the whole tree:
    // remove the node first to keep the views' state).
    bool addNode(NodeId node, ProcessListModel *processes);
    // False when the node is not in the tree.
    bool removeNode(NodeId node);

    // In ID order.
    QList<NodeId> nodeIds() const;
    ProcessListModel *processModel(NodeId node) const;
    // The node's row; invalid when it is not in the tree.
    QModelIndex indexOfNode(NodeId node, int column = 0) const;
    QModelIndex indexOfProcess(NodeId node, std::int32_t pid, int column = 0) const;
    // Between a process row here and the same row of its list model.
    QModelIndex mapFromProcessList(const QModelIndex &listIndex) const;
    QModelIndex mapToProcessList(const QModelIndex &index) const;

    QHash<int, QByteArray> roleNames() const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    // A process row's data is its list model's. A node row has "Node 3" in the first column
    // with the count of its processes in the tooltip, NodeIdRole, NodeRowRole and a
    // SortRole of its ID in every column.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Process rows can be dragged: as ProcessMime, which a node takes to migrate them.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Node {
        NodeId id = 0;
        QPointer<ProcessListModel> model;
        // Between the list model's modelAboutToBeReset and modelReset: its old rows are
        // gone from the tree and the new ones not in yet.
        bool resetting = false;
    };

    int rowOfNode(NodeId node) const;
    const Node *nodeOf(const QModelIndex &index) const;
    int childCount(const Node &node) const;
    void connectNode(NodeId node, ProcessListModel *processes);
    void forgetDeletedModel(NodeId node);
    void beginLayoutChange(NodeId node, QAbstractItemModel::LayoutChangeHint hint);
    void endLayoutChange(NodeId node, QAbstractItemModel::LayoutChangeHint hint);

    QList<Node> m_nodes; // sorted by ID
    // A layout change under way: this model's persistent indexes of the node's processes
    // and the list model's rows they stood for.
    QModelIndexList m_layoutFrom;
    QList<QPersistentModelIndex> m_layoutSource;
};

} // namespace omview::procs
