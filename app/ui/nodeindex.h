// Reading NodeTableModel's roles from any index of the view's proxies (private).
#pragma once

#include <QModelIndex>
#include <omview/console/nodetablemodel.h>

namespace omview::nodeindex {

inline bool isCluster(const QModelIndex &index) {
    return index.data(NodeTableModel::IsClusterRole).toBool();
}

inline NodeId nodeId(const QModelIndex &index) {
    return index.data(NodeTableModel::NodeIdRole).toUInt();
}

// The state whether the model hands it out as the enum or as its number.
inline NodeTableModel::NodeState state(const QModelIndex &index) {
    const QVariant v = index.data(NodeTableModel::NodeStateRole);
    if (v.metaType() == QMetaType::fromType<NodeTableModel::NodeState>())
        return v.value<NodeTableModel::NodeState>();
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!ok || n < 0 || n > int(NodeTableModel::NodeState::Down))
        return NodeTableModel::NodeState::Unknown;
    return static_cast<NodeTableModel::NodeState>(n);
}

} // namespace omview::nodeindex
