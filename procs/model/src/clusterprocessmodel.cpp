#include "logging.h"

#include <algorithm>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processmime.h>
#include <omview/procs/processformat.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

// Index ids: a node row has 0, a process row the ID of its node (never 0), which stays
// right when nodes come and go above it.
constexpr quintptr NodeLevel = 0;

} // namespace

ClusterProcessModel::ClusterProcessModel(QObject *parent)
    : QAbstractItemModel(parent) {}

ClusterProcessModel::~ClusterProcessModel() = default;

bool ClusterProcessModel::addNode(NodeId node, ProcessListModel *processes) {
    const auto refuse = [node](const char *why) {
        qCWarning(lcProcsModel) << "not adding node" << node << "to the cluster tree:" << why;
        return false;
    };
    if (node == 0)
        return refuse("0 is no node ID");
    if (!processes)
        return refuse("no process model");
    if (rowOfNode(node) >= 0)
        return refuse("the node is in it already");
    if (std::ranges::any_of(m_nodes, [processes](const Node &n) { return n.model == processes; }))
        return refuse("its process model shows another node already");
    if (processes->node() != 0 && processes->node() != node)
        return refuse("its process model is set to another node");
    processes->setNode(node);

    const auto at = std::ranges::lower_bound(m_nodes, node, {}, &Node::id);
    const int row = int(at - m_nodes.begin());
    beginInsertRows({}, row, row);
    m_nodes.insert(row, Node{.id = node, .model = processes, .resetting = false});
    endInsertRows();
    connectNode(node, processes);
    return true;
}

bool ClusterProcessModel::removeNode(NodeId node) {
    const int row = rowOfNode(node);
    if (row < 0)
        return false;
    if (ProcessListModel *processes = m_nodes.at(row).model)
        disconnect(processes, nullptr, this, nullptr);
    beginRemoveRows({}, row, row);
    m_nodes.removeAt(row);
    endRemoveRows();
    return true;
}

void ClusterProcessModel::forgetDeletedModel(NodeId node) {
    // Its rows cannot be read any more to be removed one signal at a time.
    const int row = rowOfNode(node);
    if (row < 0)
        return;
    qCDebug(lcProcsModel) << "the process model of node" << node << "was deleted in the tree";
    beginResetModel();
    m_nodes.removeAt(row);
    endResetModel();
}

void ClusterProcessModel::connectNode(NodeId node, ProcessListModel *processes) {
    // The list model is a table: its signals' parent is always the root.
    const auto under = [this, node] {
        return indexOfNode(node);
    };
    connect(processes, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this, under](const QModelIndex &, int first, int last) {
                beginInsertRows(under(), first, last);
            });
    connect(processes, &QAbstractItemModel::rowsInserted, this, [this] { endInsertRows(); });
    connect(processes, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this, under](const QModelIndex &, int first, int last) {
                beginRemoveRows(under(), first, last);
            });
    connect(processes, &QAbstractItemModel::rowsRemoved, this, [this] { endRemoveRows(); });
    connect(processes, &QAbstractItemModel::dataChanged, this,
            [this, node](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                         const QList<int> &roles) {
                emit dataChanged(
                    createIndex(topLeft.row(), topLeft.column(), quintptr(node)),
                    createIndex(bottomRight.row(), bottomRight.column(), quintptr(node)), roles);
            });
    connect(processes, &QAbstractItemModel::modelAboutToBeReset, this, [this, node] {
        const int row = rowOfNode(node);
        Node &n = m_nodes[row];
        const int count = childCount(n);
        if (count > 0)
            beginRemoveRows(indexOfNode(node), 0, count - 1);
        n.resetting = true;
        if (count > 0)
            endRemoveRows();
    });
    connect(processes, &QAbstractItemModel::modelReset, this, [this, node] {
        const int row = rowOfNode(node);
        Node &n = m_nodes[row];
        const int count = n.model ? n.model->rowCount() : 0;
        if (count > 0)
            beginInsertRows(indexOfNode(node), 0, count - 1);
        n.resetting = false;
        if (count > 0)
            endInsertRows();
    });
    connect(
        processes, &QAbstractItemModel::layoutAboutToBeChanged, this,
        [this, node](const QList<QPersistentModelIndex> &,
                     QAbstractItemModel::LayoutChangeHint hint) { beginLayoutChange(node, hint); });
    connect(
        processes, &QAbstractItemModel::layoutChanged, this,
        [this, node](const QList<QPersistentModelIndex> &,
                     QAbstractItemModel::LayoutChangeHint hint) { endLayoutChange(node, hint); });
    connect(processes, &QObject::destroyed, this, [this, node] { forgetDeletedModel(node); });
}

void ClusterProcessModel::beginLayoutChange(NodeId node, LayoutChangeHint hint) {
    emit layoutAboutToBeChanged({QPersistentModelIndex(indexOfNode(node))}, hint);
    // Which list rows this model's persistent indexes of the node stand for, followed
    // through the change by the list model's own persistent indexes.
    const Node &n = m_nodes.at(rowOfNode(node));
    m_layoutFrom.clear();
    m_layoutSource.clear();
    const QModelIndexList persistent = persistentIndexList();
    for (const QModelIndex &index : persistent) {
        if (index.internalId() != quintptr(node))
            continue;
        m_layoutFrom.append(index);
        m_layoutSource.append(QPersistentModelIndex(n.model->index(index.row(), index.column())));
    }
}

void ClusterProcessModel::endLayoutChange(NodeId node, LayoutChangeHint hint) {
    QModelIndexList to;
    to.reserve(m_layoutSource.size());
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSource))
        to.append(source.isValid() ? createIndex(source.row(), source.column(), quintptr(node))
                                   : QModelIndex());
    changePersistentIndexList(m_layoutFrom, to);
    m_layoutFrom.clear();
    m_layoutSource.clear();
    emit layoutChanged({QPersistentModelIndex(indexOfNode(node))}, hint);
}

int ClusterProcessModel::rowOfNode(NodeId node) const {
    const auto it = std::ranges::lower_bound(m_nodes, node, {}, &Node::id);
    if (it == m_nodes.end() || it->id != node)
        return -1;
    return int(it - m_nodes.begin());
}

const ClusterProcessModel::Node *ClusterProcessModel::nodeOf(const QModelIndex &index) const {
    // The node of a process row (its parent's), or that of a node row.
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == NodeLevel)
        return index.row() < m_nodes.size() ? &m_nodes.at(index.row()) : nullptr;
    const int row = rowOfNode(NodeId(index.internalId()));
    return row < 0 ? nullptr : &m_nodes.at(row);
}

int ClusterProcessModel::childCount(const Node &node) const {
    return node.resetting || !node.model ? 0 : node.model->rowCount();
}

QList<NodeId> ClusterProcessModel::nodeIds() const {
    QList<NodeId> ids;
    ids.reserve(m_nodes.size());
    for (const Node &n : m_nodes)
        ids.append(n.id);
    return ids;
}

ProcessListModel *ClusterProcessModel::processModel(NodeId node) const {
    const int row = rowOfNode(node);
    return row < 0 ? nullptr : m_nodes.at(row).model.data();
}

QModelIndex ClusterProcessModel::indexOfNode(NodeId node, int column) const {
    const int row = rowOfNode(node);
    if (row < 0 || column < 0 || column >= ProcessListModel::ColumnCount)
        return {};
    return createIndex(row, column, NodeLevel);
}

QModelIndex ClusterProcessModel::indexOfProcess(NodeId node, std::int32_t pid, int column) const {
    const ProcessListModel *processes = processModel(node);
    return processes ? mapFromProcessList(processes->indexOfPid(pid, column)) : QModelIndex();
}

QModelIndex ClusterProcessModel::mapFromProcessList(const QModelIndex &listIndex) const {
    if (!listIndex.isValid())
        return {};
    const auto it = std::ranges::find_if(
        m_nodes, [&](const Node &n) { return n.model && n.model == listIndex.model(); });
    if (it == m_nodes.end() || it->resetting)
        return {};
    return createIndex(listIndex.row(), listIndex.column(), quintptr(it->id));
}

QModelIndex ClusterProcessModel::mapToProcessList(const QModelIndex &index) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        index.internalId() == NodeLevel)
        return {};
    const Node *n = nodeOf(index);
    return n && n->model ? n->model->index(index.row(), index.column()) : QModelIndex();
}

QHash<int, QByteArray> ClusterProcessModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ProcessListModel::processRoleNames());
    names.insert(NodeRowRole, "nodeRow");
    return names;
}

QModelIndex ClusterProcessModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= ProcessListModel::ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_nodes.size() ? createIndex(row, column, NodeLevel) : QModelIndex();
    if (parent.internalId() != NodeLevel || parent.column() != 0 || parent.row() >= m_nodes.size())
        return {};
    const Node &n = m_nodes.at(parent.row());
    return row < childCount(n) ? createIndex(row, column, quintptr(n.id)) : QModelIndex();
}

QModelIndex ClusterProcessModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == NodeLevel)
        return {};
    const int row = rowOfNode(NodeId(child.internalId()));
    return row < 0 ? QModelIndex() : createIndex(row, 0, NodeLevel);
}

int ClusterProcessModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_nodes.size());
    if (parent.internalId() != NodeLevel || parent.column() != 0)
        return 0;
    const Node *n = nodeOf(parent);
    return n ? childCount(*n) : 0;
}

int ClusterProcessModel::columnCount(const QModelIndex &) const {
    return ProcessListModel::ColumnCount;
}

bool ClusterProcessModel::hasChildren(const QModelIndex &parent) const {
    return rowCount(parent) > 0;
}

Qt::ItemFlags ClusterProcessModel::flags(const QModelIndex &index) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    if (index.internalId() == NodeLevel)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const QModelIndex source = mapToProcessList(index);
    // A process can be dragged onto a node of the nodes pane, to migrate it there.
    return source.isValid() ? source.flags() | Qt::ItemIsDragEnabled : Qt::NoItemFlags;
}

QStringList ClusterProcessModel::mimeTypes() const {
    return {ProcessMime::type()};
}

QMimeData *ClusterProcessModel::mimeData(const QModelIndexList &indexes) const {
    return ProcessMime::encode(indexes);
}

Qt::DropActions ClusterProcessModel::supportedDragActions() const {
    return Qt::MoveAction;
}

QVariant ClusterProcessModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() != NodeLevel) {
        if (role == NodeRowRole)
            return false;
        return mapToProcessList(index).data(role);
    }
    const Node &n = m_nodes.at(index.row());
    switch (role) {
    case NodeRowRole:
        return true;
    case ProcessListModel::NodeIdRole:
    case ProcessListModel::SortRole:
        return n.id;
    case Qt::DisplayRole:
        if (index.column() == ProcessListModel::PidColumn)
            return tr("Node %1").arg(n.id);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ProcessListModel::PidColumn)
            return tr("Node %1: %n process(es)", nullptr, childCount(n)).arg(n.id);
        return {};
    default:
        return {};
    }
}

QVariant ClusterProcessModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    return ProcessFormat::header(section, role);
}

} // namespace omview::procs
