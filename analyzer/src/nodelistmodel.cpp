#include <QDateTime>
#include <algorithm>
#include <omview/analyzer/nodelistmodel.h>

namespace omview::analyzer {

NodeListModel::NodeListModel(QObject *parent)
    : QAbstractListModel(parent) {
    m_rows.append(Row{store::NodeInfo{}, true});
}

void NodeListModel::setNodes(const QList<store::NodeInfo> &nodes) {
    QList<store::NodeInfo> sorted = nodes;
    std::ranges::sort(sorted, {}, &store::NodeInfo::node);
    // Rows of nodes that are gone, from the bottom so rows above keep their numbers.
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 1; --row) {
        const NodeId id = m_rows[row].info.node;
        if (!std::ranges::binary_search(sorted, id, {}, &store::NodeInfo::node)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (const store::NodeInfo &info : sorted) {
        if (info.node == ClusterNode)
            continue;
        const auto it = std::lower_bound(m_rows.begin() + 1, m_rows.end(), info.node,
                                         [](const Row &r, NodeId id) { return r.info.node < id; });
        const int row = static_cast<int>(it - m_rows.begin());
        if (it != m_rows.end() && it->info.node == info.node) {
            if (it->info != info) {
                it->info = info;
                const QModelIndex at = index(row);
                emit dataChanged(at, at,
                                 {Qt::DisplayRole, Qt::ToolTipRole, HostnameRole, AddressRole,
                                  FirstSeenRole, LastSeenRole});
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_rows.insert(row, Row{info, true});
        endInsertRows();
    }
}

int NodeListModel::rowOf(NodeId node) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].info.node == node)
            return row;
    }
    return -1;
}

NodeId NodeListModel::nodeAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].info.node : ClusterNode;
}

QList<NodeId> NodeListModel::nodeIds() const {
    QList<NodeId> out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.append(r.info.node);
    return out;
}

QString NodeListModel::label(NodeId node) const {
    if (node == ClusterNode)
        return tr("Cluster");
    const int row = rowOf(node);
    const QString host = row >= 0 ? m_rows[row].info.hostname : QString();
    return host.isEmpty() ? tr("Node %1").arg(node) : tr("%1 (node %2)").arg(host).arg(node);
}

bool NodeListModel::isShown(NodeId node) const {
    const int row = rowOf(node);
    return row >= 0 && m_rows[row].shown;
}

void NodeListModel::setShown(NodeId node, bool shown) {
    const int row = rowOf(node);
    if (row < 0 || m_rows[row].shown == shown)
        return;
    m_rows[row].shown = shown;
    const QModelIndex at = index(row);
    emit dataChanged(at, at, {Qt::CheckStateRole, ShownRole});
}

void NodeListModel::showOnly(const QList<NodeId> &nodes) {
    for (const Row &r : QList<Row>(m_rows))
        setShown(r.info.node, nodes.contains(r.info.node));
}

int NodeListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant NodeListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    const bool cluster = r.info.node == ClusterNode;
    const auto seen = [&](std::int64_t t) {
        return cluster ? QDateTime() : QDateTime::fromSecsSinceEpoch(t);
    };
    switch (role) {
    case Qt::DisplayRole:
        return label(r.info.node);
    case Qt::ToolTipRole:
        if (cluster)
            return tr("The whole cluster: the mean of the nodes' loads, the sum of their memory");
        return tr("%1, address %2\nfirst seen %3, last seen %4")
            .arg(label(r.info.node), r.info.address,
                 QLocale().toString(seen(r.info.firstSeen), QLocale::ShortFormat),
                 QLocale().toString(seen(r.info.lastSeen), QLocale::ShortFormat));
    case Qt::CheckStateRole:
        return r.shown ? Qt::Checked : Qt::Unchecked;
    case NodeIdRole:
        return QVariant::fromValue(r.info.node);
    case HostnameRole:
        return r.info.hostname;
    case AddressRole:
        return r.info.address;
    case FirstSeenRole:
        return seen(r.info.firstSeen);
    case LastSeenRole:
        return seen(r.info.lastSeen);
    case IsClusterRole:
        return cluster;
    case ShownRole:
        return r.shown;
    default:
        return {};
    }
}

bool NodeListModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (role == Qt::CheckStateRole) {
        setShown(m_rows[index.row()].info.node, value.value<Qt::CheckState>() != Qt::Unchecked);
        return true;
    }
    if (role == ShownRole) {
        setShown(m_rows[index.row()].info.node, value.toBool());
        return true;
    }
    return false;
}

Qt::ItemFlags NodeListModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
           Qt::ItemNeverHasChildren;
}

QVariant NodeListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && section == 0 && role == Qt::DisplayRole)
        return tr("Node");
    return QAbstractListModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> NodeListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NodeIdRole, "nodeId");
    names.insert(HostnameRole, "hostname");
    names.insert(AddressRole, "address");
    names.insert(FirstSeenRole, "firstSeen");
    names.insert(LastSeenRole, "lastSeen");
    names.insert(IsClusterRole, "isCluster");
    names.insert(ShownRole, "shown");
    return names;
}

} // namespace omview::analyzer
