#include "logging.h"

#include <QJsonObject>
#include <algorithm>
#include <bit>
#include <omview/procs/processformat.h>
#include <omview/procs/processlistmodel.h>
#include <ranges>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

using Model = ProcessListModel;

constexpr unsigned bit(int column) {
    return 1u << column;
}

// Above this many ranges in one update, one range covers them when it is dense: a signal
// costs the listeners about as much as looking again at a few rows (a sorting proxy reads
// each row's key), so many ranges close together are cheaper as one, while a few changes
// scattered over a large table (a node's tick) are cheaper as they are than as a range
// that makes the listeners look again at every row.
constexpr qsizetype MaxRangesPerUpdate = 32;
constexpr qsizetype RowsPerRange = 8;

// The columns whose data a changed field of a `changed` entry alters (class comment).
constexpr std::pair<QLatin1StringView, unsigned> fieldColumns[] = {
    {"ppid"_L1, bit(Model::PidColumn)},
    {"tty"_L1, bit(Model::PidColumn)},
    {"startTime"_L1, bit(Model::PidColumn)},
    {"uid"_L1, bit(Model::UserColumn)},
    {"user"_L1, bit(Model::UserColumn)},
    {"command"_L1, bit(Model::CommandColumn)},
    {"cmdline"_L1, bit(Model::CommandColumn)},
    {"state"_L1, bit(Model::StateColumn)},
    {"cpuPercent"_L1, bit(Model::CpuColumn)},
    {"cpuTimeMs"_L1, bit(Model::CpuColumn)},
    {"rss"_L1, bit(Model::MemoryColumn)},
    {"nice"_L1, bit(Model::NiceColumn)},
    {"where"_L1, bit(Model::NodeColumn)},
    {"guest"_L1, bit(Model::NodeColumn)},
    // The node cell's tooltip names a guest's home.
    {"home"_L1, bit(Model::NodeColumn) | bit(Model::HomeColumn)},
    {"nmigs"_L1, bit(Model::MigrationsColumn)},
    {"locked"_L1, bit(Model::LockColumn)},
    {"cantmove"_L1, bit(Model::CantMoveColumn)},
};

unsigned columnsOf(const QJsonObject &changed) {
    unsigned mask = 0;
    for (auto it = changed.begin(); it != changed.end(); ++it) {
        const QString key = it.key();
        for (const auto &[field, columns] : fieldColumns) {
            if (key == field) {
                mask |= columns;
                break;
            }
        }
    }
    return mask;
}

// `processes` sorted by pid with each pid once (the last); shared, not copied, when it is.
QList<ProcessInfo> normalised(const QList<ProcessInfo> &processes) {
    const auto notAscending = [](const ProcessInfo &a, const ProcessInfo &b) {
        return a.pid >= b.pid;
    };
    if (std::ranges::adjacent_find(processes, notAscending) == processes.end())
        return processes;
    QList<ProcessInfo> sorted = processes;
    std::ranges::stable_sort(sorted, {}, &ProcessInfo::pid);
    for (qsizetype i = sorted.size() - 1; i > 0; --i) {
        if (sorted.at(i - 1).pid == sorted.at(i).pid)
            sorted.removeAt(i - 1);
    }
    return sorted;
}

} // namespace

ProcessListModel::ProcessListModel(QObject *parent)
    : QAbstractTableModel(parent) {}

ProcessListModel::~ProcessListModel() = default;

void ProcessListModel::setNode(NodeId node) {
    if (node == m_node)
        return;
    m_node = node;
    if (!m_processes.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ProcessListModel::reset(const QList<ProcessInfo> &processes) {
    QList<ProcessInfo> sorted = normalised(processes);
    beginResetModel();
    m_processes = std::move(sorted);
    endResetModel();
}

void ProcessListModel::apply(const QList<ProcessInfo> &processes, const ProcessListDelta &delta) {
    const QList<ProcessInfo> next = normalised(processes);
    removeAbsent(next);
    insertNew(next);
    // The rows are now those of `next`, in its order: row i is next[i].
    applyChanges(next, delta.changed);
}

void ProcessListModel::removeAbsent(const QList<ProcessInfo> &next) {
    // Runs of rows whose pid `next` lacks, found in one pass over both sorted lists.
    QList<std::pair<int, int>> runs;
    qsizetype in = 0;
    for (int row = 0; row < m_processes.size(); ++row) {
        const std::int32_t pid = m_processes.at(row).pid;
        while (in < next.size() && next.at(in).pid < pid)
            ++in;
        if (in < next.size() && next.at(in).pid == pid)
            continue;
        if (!runs.isEmpty() && runs.last().second == row - 1)
            runs.last().second = row;
        else
            runs.append({row, row});
    }
    // From the bottom, so the rows above keep their numbers.
    for (const auto &[first, last] : std::views::reverse(runs)) {
        beginRemoveRows({}, first, last);
        m_processes.remove(first, last - first + 1);
        endRemoveRows();
    }
}

void ProcessListModel::insertNew(const QList<ProcessInfo> &next) {
    // The rows are a subset of `next`, both in pid order: what is missing goes in, in runs.
    qsizetype in = 0;
    int row = 0;
    while (in < next.size()) {
        if (row < m_processes.size() && m_processes.at(row).pid == next.at(in).pid) {
            ++row;
            ++in;
            continue;
        }
        qsizetype last = in;
        if (row < m_processes.size()) {
            const std::int32_t limit = m_processes.at(row).pid;
            while (last + 1 < next.size() && next.at(last + 1).pid < limit)
                ++last;
        } else {
            last = next.size() - 1;
        }
        const int count = int(last - in + 1);
        beginInsertRows({}, row, row + count - 1);
        m_processes.insert(row, count, ProcessInfo{});
        std::copy(next.begin() + in, next.begin() + last + 1, m_processes.begin() + row);
        endInsertRows();
        row += count;
        in = last + 1;
    }
}

void ProcessListModel::applyChanges(const QList<ProcessInfo> &next,
                                    const QList<QJsonObject> &changed) {
    struct Range {
        int top, bottom, left, right;
    };
    QList<Range> cells; // one per changed row, sorted by row below
    cells.reserve(changed.size());
    for (const QJsonObject &entry : changed) {
        const std::int32_t pid = std::int32_t(entry.value("pid"_L1).toInteger());
        const int row = rowOfPid(pid);
        const unsigned mask = columnsOf(entry);
        if (row < 0 || mask == 0) {
            // A pid that went (or never came) or only fields no cell shows: nothing to show.
            qCDebug(lcProcsModel) << "node" << m_node << "change of pid" << pid << "not shown";
            continue;
        }
        m_processes[row] = next.at(row);
        cells.append({.top = row,
                      .bottom = row,
                      .left = std::countr_zero(mask),
                      .right = std::bit_width(mask) - 1});
    }
    if (cells.isEmpty())
        return;
    std::ranges::sort(cells, {}, &Range::top);

    // One range per row (a pid listed twice gets its columns joined), then adjacent rows
    // with the same columns in one: each range covers only rows and columns that changed.
    QList<Range> ranges;
    for (const Range &c : std::as_const(cells)) {
        if (!ranges.isEmpty() && ranges.last().top == c.top) {
            ranges.last().left = std::min(ranges.last().left, c.left);
            ranges.last().right = std::max(ranges.last().right, c.right);
        } else {
            ranges.append(c);
        }
    }
    qsizetype kept = 0;
    for (qsizetype i = 1; i < ranges.size(); ++i) {
        Range &last = ranges[kept];
        const Range &c = ranges.at(i);
        if (last.bottom + 1 == c.top && last.left == c.left && last.right == c.right)
            last.bottom = c.bottom;
        else
            ranges[++kept] = c;
    }
    ranges.resize(kept + 1);
    if (ranges.size() > MaxRangesPerUpdate) {
        Range box = ranges.first();
        for (const Range &r : std::as_const(ranges)) {
            box.bottom = std::max(box.bottom, r.bottom);
            box.left = std::min(box.left, r.left);
            box.right = std::max(box.right, r.right);
        }
        if (box.bottom - box.top + 1 <= ranges.size() * RowsPerRange)
            ranges = {box};
    }
    for (const Range &r : std::as_const(ranges))
        emit dataChanged(index(r.top, r.left), index(r.bottom, r.right));
}

int ProcessListModel::rowOfPid(std::int32_t pid) const {
    const auto it = std::ranges::lower_bound(m_processes, pid, {}, &ProcessInfo::pid);
    if (it == m_processes.end() || it->pid != pid)
        return -1;
    return int(it - m_processes.begin());
}

QModelIndex ProcessListModel::indexOfPid(std::int32_t pid, int column) const {
    const int row = rowOfPid(pid);
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    return index(row, column);
}

QHash<int, QByteArray> ProcessListModel::processRoleNames() {
    return {{PidRole, "pid"},      {PpidRole, "ppid"},         {NodeIdRole, "nodeId"},
            {WhereRole, "where"},  {HomeRole, "home"},         {GuestRole, "guest"},
            {AwayRole, "away"},    {LockedRole, "locked"},     {CantMoveRole, "cantmove"},
            {UidRole, "uid"},      {UserNameRole, "userName"}, {CommandLineRole, "commandLine"},
            {SortRole, "sortKey"}, {ProcessRole, "process"}};
}

QHash<int, QByteArray> ProcessListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(processRoleNames());
    return names;
}

int ProcessListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_processes.size());
}

int ProcessListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ProcessListModel::flags(const QModelIndex &index) const {
    // Invalid indexes are asked about in normal use (the root): no checkIndex() warning.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant ProcessListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProcessInfo &p = m_processes.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return ProcessFormat::display(p, m_node, column);
    case Qt::ToolTipRole:
        return ProcessFormat::toolTip(p, m_node, column);
    case Qt::TextAlignmentRole:
        switch (column) {
        case PidColumn:
        case CpuColumn:
        case MemoryColumn:
        case NiceColumn:
        case MigrationsColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case PidRole:
        return p.pid;
    case PpidRole:
        return p.ppid;
    case NodeIdRole:
        return m_node;
    case WhereRole:
        return ProcessFormat::runsOn(p, m_node);
    case HomeRole:
        return ProcessFormat::homeOf(p, m_node);
    case GuestRole:
        return p.guest;
    case AwayRole:
        return ProcessFormat::isAway(p, m_node);
    case LockedRole:
        return p.locked;
    case CantMoveRole:
        return p.cantmove;
    case UidRole:
        return p.uid;
    case UserNameRole:
        return p.user;
    case CommandLineRole:
        return p.cmdline;
    case SortRole:
        return ProcessFormat::sortKey(p, m_node, column);
    case ProcessRole:
        return QVariant::fromValue(p);
    default:
        return {};
    }
}

QVariant ProcessListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    return ProcessFormat::header(section, role);
}

} // namespace omview::procs
