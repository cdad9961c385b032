// "Who used the CPU between t1 and t2": the processes ranked by the CPU time
// they used within an interval, one row per process instance, updated row by
// row when the interval moves.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <omview/history/rowdiff.h>
#include <omview/store/types.h>

namespace omview::history {

class CpuRankingModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        RankColumn,
        CommandColumn,
        UserColumn,
        PidColumn,
        NodeColumn,
        CpuTimeColumn,
        AverageCpuColumn,
        PeakCpuColumn,
        PeakMemoryColumn,
        MigrationsColumn,
        LastRanOnColumn,
        FirstSeenColumn,
        LastSeenColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // Every role answers for every column; SortRole answers what the column
    // should sort by (numbers as numbers).
    enum Role {
        ProcIdRole = Qt::UserRole + 1,
        RankRole,    // int, 1 = the most CPU time
        NodeRole,    // NodeId that reported the process
        PidRole,     // int
        CommandRole, // QString
        CommandLineRole,
        UserNameRole,   // QString
        CpuTimeRole,    // qint64 ms used within the interval
        AverageCpuRole, // double: percent of one CPU over the interval
        PeakCpuRole,    // double percent
        PeakRssRole,    // qulonglong bytes
        MigrationsRole, // uint, within the interval
        LastRanOnRole,  // NodeId (never 0)
        FirstSeenRole,  // qint64 seconds
        LastSeenRole,   // qint64 seconds
        GuestRole,      // bool
        SortRole,
    };
    Q_ENUM(Role)

    explicit CpuRankingModel(QObject *parent = nullptr);

    // A new ranking (as topCpu returns it: most CPU first) over [from, to].
    RowDiff setRanking(const QList<store::ProcessUsage> &ranking, store::TimeRange interval);
    store::TimeRange interval() const { return m_interval; }
    // The rows, ordered by procId (not by rank).
    QList<store::ProcessUsage> rows() const;
    void setNodeNames(const QHash<store::NodeId, QString> &names);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row {
        store::ProcessUsage usage;
        int rank = 0;
        bool operator==(const Row &) const = default;
    };
    double averageCpu(const Row &row) const;
    QString nodeName(store::NodeId node) const;
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;

    QList<Row> m_rows; // sorted by procId
    store::TimeRange m_interval;
    QHash<store::NodeId, QString> m_nodeNames;
};

} // namespace omview::history
