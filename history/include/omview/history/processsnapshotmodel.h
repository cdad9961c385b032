// The processes of one snapshot as a table: one row per process instance
// (node, pid, start time), updated row by row when the browser moves to
// another snapshot so that views keep their selection and scroll position.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <omview/history/rowdiff.h>
#include <omview/store/types.h>
#include <tuple>

namespace omview::history {

class ProcessSnapshotModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        CommandColumn,
        UserColumn,
        PidColumn,
        NodeColumn,
        CpuColumn,
        CpuTimeColumn,
        MemoryColumn,
        WhereColumn,
        HomeColumn,
        MigrationsColumn,
        StateColumn,
        StartedColumn,
        NiceColumn,
        CommandLineColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // Every role answers for every column; SortRole answers what the column
    // should sort by (numbers as numbers).
    enum Role {
        ProcIdRole = Qt::UserRole + 1,
        NodeRole,      // NodeId: the node that reported the process
        PidRole,       // int
        StartTimeRole, // qint64, ms since the epoch
        CommandRole,   // QString
        CommandLineRole,
        UserNameRole,   // QString
        UidRole,        // uint
        CpuPercentRole, // double, of one CPU
        CpuTimeRole,    // qint64 ms
        RssRole,        // qulonglong bytes
        WhereRole,      // NodeId it ran on (never 0)
        HomeRole,       // NodeId of its home (never 0)
        MigrationsRole, // uint
        StateRole,      // QString, one letter
        NiceRole,       // int
        GuestRole,      // bool: migrated here, its home node lists it too
        LockedRole,     // bool
        SortRole,
    };
    Q_ENUM(Role)

    // A process instance: pids are reused, start times tell them apart.
    using Key = std::tuple<store::NodeId, std::int32_t, std::int64_t>;
    static Key keyOf(const store::StoredProcess &process);

    explicit ProcessSnapshotModel(QObject *parent = nullptr);

    // Moves to another snapshot's processes: rows of processes that are gone
    // are removed, new ones inserted, changed ones signalled. Returns the edit.
    RowDiff setProcesses(QList<store::StoredProcess> processes);
    const QList<store::StoredProcess> &processes() const { return m_rows; }
    // Hostnames for the node columns.
    void setNodeNames(const QHash<store::NodeId, QString> &names);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString stateText(char state);

private:
    QString nodeName(store::NodeId node) const;
    QVariant display(const store::StoredProcess &process, int column) const;
    QVariant sortValue(const store::StoredProcess &process, int column) const;

    QList<store::StoredProcess> m_rows; // sorted by keyOf
    QHash<store::NodeId, QString> m_nodeNames;
};

} // namespace omview::history
