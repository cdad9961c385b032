#include "logging.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <bit>
#include <omview/procs/migrationlogmodel.h>
#include <omview/procs/processformat.h>
#include <omview/protocol/memorytext.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

using Model = MigrationLogModel;

constexpr unsigned bit(int column) {
    return 1u << column;
}

bool isFinal(const QString &phase) {
    return phase == "done"_L1 || phase == "failed"_L1;
}

// The columns whose cells differ between two steps of one move.
unsigned changedColumns(const MigrationEvent &before, const MigrationEvent &after) {
    unsigned mask = 0;
    if (before.pid != after.pid || before.command != after.command)
        mask |= bit(Model::ProcessColumn);
    if (before.from != after.from || before.to != after.to || before.home != after.home)
        mask |= bit(Model::MoveColumn);
    if (before.reason != after.reason)
        mask |= bit(Model::ReasonColumn);
    if (before.phase != after.phase || before.failure != after.failure ||
        before.message != after.message)
        mask |= bit(Model::OutcomeColumn);
    if (before.totalMs != after.totalMs)
        mask |= bit(Model::DurationColumn);
    if (before.freezeMs != after.freezeMs)
        mask |= bit(Model::FreezeColumn);
    if (before.bytes != after.bytes)
        mask |= bit(Model::BytesColumn);
    // Only `at` moved on: EventRole differs, which the outcome column stands for.
    if (mask == 0 && before != after)
        mask |= bit(Model::OutcomeColumn);
    return mask;
}

// The time of day with seconds (moves come seconds apart), in the locale's order: its long
// format without the time zone, which is the viewer's own.
QString timeText(std::int64_t at) {
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::LongFormat);
    format.remove(u't');
    return locale.toString(QDateTime::fromMSecsSinceEpoch(at).time(), format.trimmed());
}

QString processText(const MigrationEvent &e) {
    return e.command.isEmpty() ? QString::number(e.pid) : u"%1 %2"_s.arg(e.pid).arg(e.command);
}

QString outcomeText(const MigrationEvent &e) {
    if (e.phase == "failed"_L1 && !e.failure.isEmpty())
        return MigrationLogModel::tr("failed: %1").arg(e.failure);
    return Model::phaseText(e.phase);
}

QString toolTipOf(const MigrationEvent &e, std::int64_t startedAt, int column) {
    const QLocale locale;
    switch (column) {
    case Model::TimeColumn:
        return locale.toString(QDateTime::fromMSecsSinceEpoch(startedAt), QLocale::LongFormat);
    case Model::ProcessColumn:
        return MigrationLogModel::tr("Process %1 (%2), at home on node %3")
            .arg(e.pid)
            .arg(e.command, QString::number(e.home));
    case Model::MoveColumn:
        return MigrationLogModel::tr("From node %1 to node %2").arg(e.from).arg(e.to);
    case Model::OutcomeColumn:
        if (e.phase == "failed"_L1)
            return ProcessFormat::escapedRichText(
                e.message.isEmpty() ? outcomeText(e) : u"%1\n%2"_s.arg(outcomeText(e), e.message));
        return isFinal(e.phase) ? QString() : MigrationLogModel::tr("Under way: %1").arg(outcomeText(e));
    case Model::FreezeColumn:
        return MigrationLogModel::tr("How long the process was stopped");
    case Model::BytesColumn:
        return MigrationLogModel::tr("%1 bytes of image sent").arg(locale.toString(qlonglong(e.bytes)));
    default:
        return {};
    }
}

} // namespace

MigrationLogModel::MigrationLogModel(QObject *parent)
    : QAbstractTableModel(parent) {}

MigrationLogModel::~MigrationLogModel() = default;

void MigrationLogModel::add(const QList<MigrationEvent> &events) {
    // First the steps of moves listed (and the moves new here, gathered), so that the rows
    // change, come and go each with one signal.
    QHash<int, unsigned> changed; // row → columns
    QList<Move> fresh;
    QHash<QString, qsizetype> freshIndex;
    for (const MigrationEvent &e : events) {
        if (e.id.isEmpty()) {
            qCDebug(lcProcsModel) << "migration event without id of pid" << e.pid << "ignored";
            continue;
        }
        Move *move = nullptr;
        int row = rowOfMove(e.id);
        if (row >= 0) {
            move = &m_moves[row];
        } else if (const auto it = freshIndex.constFind(e.id); it != freshIndex.cend()) {
            move = &fresh[*it];
        } else {
            freshIndex.insert(e.id, fresh.size());
            fresh.append({.last = e, .startedAt = e.at, .serial = 0});
            continue;
        }
        if (isFinal(move->last.phase) && !isFinal(e.phase))
            continue;
        const unsigned mask = changedColumns(move->last, e);
        move->last = e;
        if (row >= 0 && mask != 0)
            changed[row] |= mask;
    }

    QList<int> rows = changed.keys();
    std::ranges::sort(rows);
    for (const int row : std::as_const(rows)) {
        const unsigned mask = changed.value(row);
        emit dataChanged(index(row, std::countr_zero(mask)), index(row, std::bit_width(mask) - 1));
    }

    if (!fresh.isEmpty()) {
        // More new moves than the log holds: only the newest of them are listed.
        if (fresh.size() > m_capacity)
            fresh.remove(0, fresh.size() - m_capacity);
        const qsizetype excess = m_moves.size() + fresh.size() - m_capacity;
        if (excess > 0)
            dropOldest(int(excess));
        const int first = int(m_moves.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (Move &move : fresh) {
            move.serial = m_nextSerial++;
            m_serials.insert(move.last.id, move.serial);
            m_moves.append(std::move(move));
        }
        endInsertRows();
    }
    emit eventsAdded(events);
}

void MigrationLogModel::dropOldest(int count) {
    count = std::min(count, int(m_moves.size()));
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    for (int i = 0; i < count; ++i)
        m_serials.remove(m_moves.at(i).last.id);
    m_moves.remove(0, count);
    endRemoveRows();
}

void MigrationLogModel::clear() {
    if (m_moves.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_moves.size()) - 1);
    m_moves.clear();
    m_serials.clear();
    endRemoveRows();
}

void MigrationLogModel::setCapacity(int capacity) {
    m_capacity = std::max(1, capacity);
    if (m_moves.size() > m_capacity)
        dropOldest(int(m_moves.size()) - m_capacity);
}

int MigrationLogModel::rowOfMove(const QString &id) const {
    const auto it = m_serials.constFind(id);
    if (it == m_serials.cend() || m_moves.isEmpty())
        return -1;
    return int(*it - m_moves.first().serial);
}

const MigrationEvent *MigrationLogModel::lastMoveOf(NodeId home, std::int32_t pid) const {
    for (auto it = m_moves.crbegin(); it != m_moves.crend(); ++it)
        if (it->last.pid == pid && it->last.home == home)
            return &it->last;
    return nullptr;
}

QString MigrationLogModel::phaseText(const QString &phase) {
    if (phase == "started"_L1)
        return tr("starting");
    if (phase == "dumped"_L1)
        return tr("dumped");
    if (phase == "transferred"_L1)
        return tr("sent");
    if (phase == "restored"_L1)
        return tr("restored");
    if (phase == "done"_L1)
        return tr("done");
    if (phase == "failed"_L1)
        return tr("failed");
    return phase;
}

QString MigrationLogModel::durationText(std::int64_t ms) {
    if (ms < 1000)
        return tr("%1 ms").arg(QLocale().toString(qlonglong(ms)));
    return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', ms < 10000 ? 2 : 1));
}

QString MigrationLogModel::reasonText(const QString &reason) {
    if (reason == "user"_L1)
        return tr("asked for");
    if (reason == "balance"_L1)
        return tr("load balancing");
    if (reason == "memory"_L1)
        return tr("memory short");
    if (reason == "expel"_L1)
        return tr("expelled");
    if (reason == "bring"_L1)
        return tr("brought home");
    return reason;
}

QHash<int, QByteArray> MigrationLogModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{MoveIdRole, "moveId"},
                  {PidRole, "pid"},
                  {HomeRole, "home"},
                  {FromRole, "from"},
                  {ToRole, "to"},
                  {PhaseRole, "phase"},
                  {FinishedRole, "finished"},
                  {FailedRole, "failed"},
                  {SortRole, "sort"},
                  {EventRole, "event"}});
    return names;
}

int MigrationLogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_moves.size());
}

int MigrationLogModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationLogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Move &move = m_moves.at(index.row());
    const MigrationEvent &e = move.last;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return timeText(move.startedAt);
        case ProcessColumn:
            return processText(e);
        case MoveColumn:
            return tr("%1 → %2").arg(e.from).arg(e.to);
        case ReasonColumn:
            return reasonText(e.reason);
        case OutcomeColumn:
            return outcomeText(e);
        case DurationColumn:
            return durationText(e.totalMs);
        case FreezeColumn:
            return durationText(e.freezeMs);
        case BytesColumn:
            return memoryText(std::uint64_t(std::max<std::int64_t>(0, e.bytes)));
        }
        return {};
    case Qt::ToolTipRole: {
        const QString tip = toolTipOf(e, move.startedAt, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (column >= DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case TimeColumn:
            return qlonglong(move.startedAt);
        case ProcessColumn:
            return e.pid;
        case MoveColumn:
            return uint(e.from) * 65536u + uint(e.to);
        case DurationColumn:
            return qlonglong(e.totalMs);
        case FreezeColumn:
            return qlonglong(e.freezeMs);
        case BytesColumn:
            return qlonglong(e.bytes);
        default:
            return data(index, Qt::DisplayRole);
        }
    case MoveIdRole:
        return e.id;
    case PidRole:
        return e.pid;
    case HomeRole:
        return uint(e.home);
    case FromRole:
        return uint(e.from);
    case ToRole:
        return uint(e.to);
    case PhaseRole:
        return e.phase;
    case FinishedRole:
        return isFinal(e.phase);
    case FailedRole:
        return e.phase == "failed"_L1;
    case EventRole:
        return QVariant::fromValue(e);
    default:
        return {};
    }
}

QVariant MigrationLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn:
            return tr("Time");
        case ProcessColumn:
            return tr("Process");
        case MoveColumn:
            return tr("Move");
        case ReasonColumn:
            return tr("Reason");
        case OutcomeColumn:
            return tr("Outcome");
        case DurationColumn:
            return tr("Duration");
        case FreezeColumn:
            return tr("Freeze");
        case BytesColumn:
            return tr("Bytes");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn:
            return tr("When the move started (the source node's clock)");
        case MoveColumn:
            return tr("The node the process left and the node it went to");
        case OutcomeColumn:
            return tr("The step the move reached, or how it ended");
        case DurationColumn:
            return tr("How long the move took, from start to end");
        case FreezeColumn:
            return tr("How long the process was stopped while it moved");
        case BytesColumn:
            return tr("The size of the process image sent");
        default:
            return {};
        }
    }
    return {};
}

} // namespace omview::procs
