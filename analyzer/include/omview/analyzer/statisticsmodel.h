// The per-node statistics table: the node list (NodeListModel) with extra
// columns for the range's samples and the minimum, mean and maximum of load
// and used memory, and the memory total. Rows follow the node list; the
// figures are set per node as the store answers.
#pragma once

#include <KExtraColumnsProxyModel>
#include <QHash>
#include <QStringList>
#include <omview/analyzer/chartdata.h>
#include <omview/store/types.h>
#include <optional>

namespace omview::analyzer {

class NodeListModel;

class StatisticsModel : public KExtraColumnsProxyModel {
    Q_OBJECT

public:
    // The extra columns, after the node's.
    enum Column {
        SamplesColumn,
        LoadMinColumn,
        LoadAvgColumn,
        LoadMaxColumn,
        MemoryMinColumn,
        MemoryAvgColumn,
        MemoryMaxColumn,
        MemoryTotalColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        NodeIdRole = Qt::UserRole + 100, // NodeId of the row (every column)
        ValueRole,   // the figure as a number (load units, bytes, samples); invalid without data
        HasDataRole, // bool: the range holds samples of this node
    };
    Q_ENUM(Role)

    explicit StatisticsModel(NodeListModel *nodes, QObject *parent = nullptr);

    // The figures of one node over the range (nullopt: no samples in it).
    // Rows whose figures change emit dataChanged; nodes not listed are ignored.
    void setStatistics(NodeId node, const std::optional<store::Stats> &stats);
    std::optional<store::Stats> statistics(NodeId node) const;
    // Forgets every node's figures (a new range is being computed).
    void clearStatistics();

    // The table as shown: a header row, then a row per node (for print).
    QList<QStringList> table() const;
    // The figures as plain numbers (load units, bytes; empty without data),
    // with a header of column names (for CSV).
    QList<QStringList> numbers() const;

    QVariant extraColumnData(const QModelIndex &parent, int row, int extraColumn,
                             int role) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    static QString formatLoad(double load);

private:
    std::optional<double> value(const store::Stats &stats, int extraColumn) const;
    NodeId nodeOfRow(int row) const;

    NodeListModel *m_nodes;
    QHash<NodeId, std::optional<store::Stats>> m_stats;
};

} // namespace omview::analyzer
