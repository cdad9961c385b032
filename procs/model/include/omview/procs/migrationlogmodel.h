// The recent moves between nodes as a table: one row per move, updated in place as the steps
// of its `migrations` events arrive.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <cstdint>
#include <omview/protocol/types.h>

namespace omview::procs {

// Rows in the order the moves started (the oldest first), at most capacity() of them: a new
// move past it drops the oldest with a row removal. A later step of a move already listed
// changes its row in place: dataChanged from the first to the last column that step altered,
// one signal per row, after the rows of the batch came and went. A move that ended (done or
// failed) keeps its outcome: an older step of it that comes again (a subscription replaying
// after a reconnection) changes nothing.
class MigrationLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,     // when it started
        ProcessColumn,  // pid and command
        MoveColumn,     // from → to
        ReasonColumn,   // why it was asked for
        OutcomeColumn,  // the step it reached, done, or failed (the message in the tooltip)
        DurationColumn, // totalMs
        FreezeColumn,   // freezeMs
        BytesColumn,    // image bytes sent
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        MoveIdRole = Qt::UserRole + 1, // QString: the move's id
        PidRole,                       // int: the process on the source
        HomeRole,                      // uint
        FromRole,                      // uint: the source
        ToRole,                        // uint: the target
        PhaseRole,                     // QString: the last step, as the protocol names it
        FinishedRole,                  // bool: done or failed
        FailedRole,                    // bool
        SortRole,                      // per column: numbers for the numeric ones, else text
        EventRole                      // omview::MigrationEvent: the last step, all of it
    };
    Q_ENUM(Role)

    static constexpr int DefaultCapacity = 500;

    explicit MigrationLogModel(QObject *parent = nullptr);
    ~MigrationLogModel() override;

    // The events of one update (MigrationSubscription::updated()), of any node; then
    // eventsAdded() with them.
    void add(const QList<MigrationEvent> &events);
    void clear();

    int capacity() const { return m_capacity; }
    // At least 1; rows beyond it go at once, the oldest first.
    void setCapacity(int capacity);

    // -1 when the move is not listed.
    int rowOfMove(const QString &id) const;
    // The last step of the move, with the time it started in `at`.
    const MigrationEvent &moveAt(int row) const { return m_moves.at(row).last; }
    // The last move of the process listed (by home node and pid), or null.
    const MigrationEvent *lastMoveOf(NodeId home, std::int32_t pid) const;

    // Plain-text words for the protocol's phase and reason names (tr'd); unknown ones as they
    // came.
    static QString phaseText(const QString &phase);
    static QString reasonText(const QString &reason);
    // A move's duration or freeze: "812 ms", "2.40 s", "75.0 s".
    static QString durationText(std::int64_t ms);

    QHash<int, QByteArray> roleNames() const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // After the rows changed: what add() was given, for views that animate the steps.
    void eventsAdded(const QList<omview::MigrationEvent> &events);

private:
    struct Move {
        MigrationEvent last;
        std::int64_t startedAt = 0;
        std::uint64_t serial = 0; // its place in the order of arrival, for rowOfMove()
    };

    void dropOldest(int count);

    QList<Move> m_moves; // oldest first
    QHash<QString, std::uint64_t> m_serials;
    std::uint64_t m_nextSerial = 0;
    int m_capacity = DefaultCapacity;
};

} // namespace omview::procs
