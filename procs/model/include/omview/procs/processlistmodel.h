// One node's processes as a table in pid order, updated in place from its agent's `procs`
// subscription.
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <cstdint>
#include <omview/protocol/delta.h>
#include <omview/protocol/types.h>

namespace omview::procs {

// The processes of the node set with setNode(), one row each, sorted by pid. An update
// inserts and removes only the rows that came and went (one signal per contiguous run) and
// emits dataChanged only for the cells of the fields that changed — never a reset or a
// layout change, so selections, expansion and scroll positions of the views hold. Each
// changed row gets the range from the first to the last column its changed fields show in,
// neighbouring rows with the same columns one range together; when that makes more than 32
// ranges lying close together (a few rows per range at most), one range around them all is
// emitted instead: fewer signals, and no proxy re-reads a whole table for a few scattered
// changes (ProcessFilterProxyModel reads the rows a signal names).
//
// Every field of ProcessInfo belongs to one column (the one that shows it or explains it in
// its tooltip): ppid, tty and startTime to PidColumn, uid to UserColumn, cmdline to
// CommandColumn, cpuTimeMs to CpuColumn, guest to NodeColumn, home to NodeColumn and
// HomeColumn. The row-wide roles (WhereRole, GuestRole, ...) are answered on every column;
// their changes are signalled on the column that shows them.
class ProcessListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        PidColumn,
        UserColumn,
        CommandColumn,
        StateColumn,
        CpuColumn,
        MemoryColumn,
        NiceColumn,
        NodeColumn, // where it runs: "home" when on its home node
        HomeColumn,
        MigrationsColumn,
        LockColumn,
        CantMoveColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        PidRole = Qt::UserRole + 1, // int
        PpidRole,                   // int: the parent's pid
        NodeIdRole,                 // uint: the node reporting the process (setNode())
        WhereRole,                  // uint: the node it runs on, 0 = the reporting node
        HomeRole,                   // uint: its home node
        GuestRole,                  // bool: runs here, its home is another node
        AwayRole,                   // bool: migrated: its home reports it, it runs elsewhere
        LockedRole,                 // bool: locked to its node
        CantMoveRole,               // QString: why it cannot move (comma-separated), "" if it can
        UidRole,                    // uint
        UserNameRole,               // QString ("" when unknown)
        CommandLineRole,            // QString: argv joined by spaces
        SortRole,                   // per column: a number for the numeric ones, else text
        ProcessRole                 // omview::ProcessInfo, all of it
    };
    Q_ENUM(Role)

    explicit ProcessListModel(QObject *parent = nullptr);
    ~ProcessListModel() override;

    // The node whose processes these are: NodeIdRole, and "home" versus a node number in
    // NodeColumn, depend on it. Every row changes.
    void setNode(NodeId node);
    NodeId node() const { return m_node; }

    // The first snapshot, or a new one after the subscription was lost: a model reset.
    void reset(const QList<ProcessInfo> &processes);
    // One update of the subscription: `processes` is the state after it (ProcessSubscription::
    // updated()), `delta` what changed since the state this model holds. Rows come and go
    // as `processes` says (so a model that missed an update still gets the right rows);
    // cells change as `delta.changed` says. A repeated pid counts once, the last.
    void apply(const QList<ProcessInfo> &processes, const ProcessListDelta &delta);

    // Sorted by pid.
    const QList<ProcessInfo> &processes() const { return m_processes; }
    // -1 when there is no such process.
    int rowOfPid(std::int32_t pid) const;
    QModelIndex indexOfPid(std::int32_t pid, int column = 0) const;

    // The names of the roles above (for roleNames() here and in models that pass them on).
    static QHash<int, QByteArray> processRoleNames();

    QHash<int, QByteArray> roleNames() const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    // Qt::DisplayRole: formatted text (tr'd); Qt::ToolTipRole: escaped rich text explaining
    // the cell (ProcessFormat::toolTip()); Qt::TextAlignmentRole: numbers to the right.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Qt::DisplayRole, Qt::ToolTipRole and Qt::WhatsThisRole of the horizontal header.
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void removeAbsent(const QList<ProcessInfo> &next);
    void insertNew(const QList<ProcessInfo> &next);
    void applyChanges(const QList<ProcessInfo> &next, const QList<QJsonObject> &changed);

    QList<ProcessInfo> m_processes; // sorted by pid, each pid once
    NodeId m_node = 0;
};

} // namespace omview::procs
