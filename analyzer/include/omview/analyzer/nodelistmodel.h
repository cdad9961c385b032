// The charts the analyzer can show, one row each: the cluster first, then every
// node the store has seen, by ID. The check state says whether the chart is
// shown (the chart list's picker); the statistics table is this model with
// extra columns.
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <omview/analyzer/chartdata.h>
#include <omview/store/types.h>

namespace omview::analyzer {

class NodeListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        NodeIdRole = Qt::UserRole + 1, // NodeId, 0 for the cluster
        HostnameRole,
        AddressRole,
        FirstSeenRole, // QDateTime; invalid for the cluster
        LastSeenRole,
        IsClusterRole,
        ShownRole, // bool: its chart is shown
    };
    Q_ENUM(Role)

    explicit NodeListModel(QObject *parent = nullptr);

    // Brings the rows to @p nodes (plus the cluster's): rows for new nodes are
    // inserted in ID order, rows of nodes no longer listed removed, changed
    // ones updated. New nodes are shown.
    void setNodes(const QList<store::NodeInfo> &nodes);

    int rowOf(NodeId node) const; // -1 when not listed
    NodeId nodeAt(int row) const;
    QList<NodeId> nodeIds() const;    // in row order, the cluster first
    QString label(NodeId node) const; // "Cluster", "n3 (node 3)"
    bool isShown(NodeId node) const;
    void setShown(NodeId node, bool shown);
    // Shows only these (and hides every other row).
    void showOnly(const QList<NodeId> &nodes);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row {
        store::NodeInfo info; // node 0: the cluster
        bool shown = true;
    };
    QList<Row> m_rows;
};

} // namespace omview::analyzer
