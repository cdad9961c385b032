#include <QFont>
#include <algorithm>
#include <omview/history/cpurankingmodel.h>
#include <omview/history/textformat.h>
#include <omview/procs/processformat.h>
#include <omview/protocol/memorytext.h>

namespace omview::history {

using store::NodeId;
using store::ProcessUsage;

CpuRankingModel::CpuRankingModel(QObject *parent)
    : QAbstractTableModel(parent) {}

RowDiff CpuRankingModel::setRanking(const QList<ProcessUsage> &ranking, store::TimeRange interval) {
    QList<Row> rows;
    rows.reserve(ranking.size());
    for (qsizetype i = 0; i < ranking.size(); ++i)
        rows.append(Row{ranking[i], static_cast<int>(i + 1)});
    std::sort(rows.begin(), rows.end(),
              [](const Row &a, const Row &b) { return a.usage.procId < b.usage.procId; });
    rows.erase(
        std::unique(rows.begin(), rows.end(),
                    [](const Row &a, const Row &b) { return a.usage.procId == b.usage.procId; }),
        rows.end());
    // The average depends on the interval's length: a row whose usage is
    // unchanged still changes when the length does.
    const bool lengthChanged = interval.last - interval.first != m_interval.last - m_interval.first;
    m_interval = interval;
    const RowDiff diff = diffRows(
        m_rows, rows, [](const Row &r) { return r.usage.procId; },
        [lengthChanged](const Row &a, const Row &b) { return !lengthChanged && a == b; });
    for (const RowRun &run : diff.removed) {
        beginRemoveRows({}, run.first, run.last);
        m_rows.remove(run.first, run.count());
        endRemoveRows();
    }
    for (const RowRun &run : diff.inserted) {
        beginInsertRows({}, run.first, run.last);
        for (int row = run.first; row <= run.last; ++row)
            m_rows.insert(row, rows[row]);
        endInsertRows();
    }
    for (const RowRun &run : diff.changed) {
        for (int row = run.first; row <= run.last; ++row)
            m_rows[row] = rows[row];
        emit dataChanged(index(run.first, 0), index(run.last, ColumnCount - 1));
    }
    Q_ASSERT(m_rows == rows);
    return diff;
}

QList<ProcessUsage> CpuRankingModel::rows() const {
    QList<ProcessUsage> out;
    out.reserve(m_rows.size());
    for (const Row &row : m_rows)
        out.append(row.usage);
    return out;
}

void CpuRankingModel::setNodeNames(const QHash<NodeId, QString> &names) {
    if (names == m_nodeNames)
        return;
    m_nodeNames = names;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, NodeColumn), index(rowCount() - 1, NodeColumn),
                         {Qt::DisplayRole, SortRole});
        emit dataChanged(index(0, LastRanOnColumn), index(rowCount() - 1, LastRanOnColumn),
                         {Qt::DisplayRole, SortRole});
    }
}

int CpuRankingModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CpuRankingModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString CpuRankingModel::nodeName(NodeId node) const {
    return nodeText(node, m_nodeNames.value(node));
}

double CpuRankingModel::averageCpu(const Row &row) const {
    // CPU time is the difference of two cumulative counters, so the time
    // between the interval's ends is what it was used in.
    const double seconds =
        static_cast<double>(std::max<std::int64_t>(1, m_interval.last - m_interval.first));
    return static_cast<double>(row.usage.cpuMs) / (seconds * 10.0);
}

QVariant CpuRankingModel::display(const Row &row, int column) const {
    const ProcessUsage &u = row.usage;
    switch (column) {
    case RankColumn:
        return row.rank;
    case CommandColumn:
        return u.command;
    case UserColumn:
        return u.user;
    case PidColumn:
        return u.pid;
    case NodeColumn:
        return nodeName(u.node);
    case CpuTimeColumn:
        return cpuTimeText(u.cpuMs);
    case AverageCpuColumn:
        return procs::ProcessFormat::cpuText(averageCpu(row));
    case PeakCpuColumn:
        return procs::ProcessFormat::cpuText(u.peakCpuPercent);
    case PeakMemoryColumn:
        return memoryText(u.peakRss);
    case MigrationsColumn:
        return u.migrations;
    case LastRanOnColumn:
        return nodeName(u.lastWhere ? u.lastWhere : u.node);
    case FirstSeenColumn:
        return timeText(u.firstSeen);
    case LastSeenColumn:
        return timeText(u.lastSeen);
    }
    return {};
}

QVariant CpuRankingModel::sortValue(const Row &row, int column) const {
    const ProcessUsage &u = row.usage;
    switch (column) {
    case RankColumn:
        return row.rank;
    case CommandColumn:
        return u.command.toCaseFolded();
    case UserColumn:
        return u.user.toCaseFolded();
    case PidColumn:
        return u.pid;
    case NodeColumn:
        return u.node;
    case CpuTimeColumn:
        return qint64{u.cpuMs};
    case AverageCpuColumn:
        return averageCpu(row);
    case PeakCpuColumn:
        return u.peakCpuPercent;
    case PeakMemoryColumn:
        return qulonglong{u.peakRss};
    case MigrationsColumn:
        return u.migrations;
    case LastRanOnColumn:
        return u.lastWhere ? u.lastWhere : u.node;
    case FirstSeenColumn:
        return qint64{u.firstSeen};
    case LastSeenColumn:
        return qint64{u.lastSeen};
    }
    return {};
}

QVariant CpuRankingModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const ProcessUsage &u = row.usage;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == CommandColumn)
            return u.cmdline.isEmpty() ? u.command : u.cmdline;
        if (index.column() == AverageCpuColumn)
            return tr("%1 of CPU time in %2")
                .arg(cpuTimeText(u.cpuMs), spanText(m_interval.last - m_interval.first));
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case RankColumn:
        case PidColumn:
        case CpuTimeColumn:
        case AverageCpuColumn:
        case PeakCpuColumn:
        case PeakMemoryColumn:
        case MigrationsColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::FontRole:
        if (u.guest) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case ProcIdRole:
        return qint64{u.procId};
    case RankRole:
        return row.rank;
    case NodeRole:
        return u.node;
    case PidRole:
        return u.pid;
    case CommandRole:
        return u.command;
    case CommandLineRole:
        return u.cmdline;
    case UserNameRole:
        return u.user;
    case CpuTimeRole:
        return qint64{u.cpuMs};
    case AverageCpuRole:
        return averageCpu(row);
    case PeakCpuRole:
        return u.peakCpuPercent;
    case PeakRssRole:
        return qulonglong{u.peakRss};
    case MigrationsRole:
        return u.migrations;
    case LastRanOnRole:
        return u.lastWhere ? u.lastWhere : u.node;
    case FirstSeenRole:
        return qint64{u.firstSeen};
    case LastSeenRole:
        return qint64{u.lastSeen};
    case GuestRole:
        return u.guest;
    case SortRole:
        return sortValue(row, index.column());
    default:
        return {};
    }
}

QVariant CpuRankingModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RankColumn:
            return tr("#");
        case CommandColumn:
            return tr("Command");
        case UserColumn:
            return tr("User");
        case PidColumn:
            return tr("PID");
        case NodeColumn:
            return tr("Node");
        case CpuTimeColumn:
            return tr("CPU time");
        case AverageCpuColumn:
            return tr("Average CPU");
        case PeakCpuColumn:
            return tr("Peak CPU");
        case PeakMemoryColumn:
            return tr("Peak memory");
        case MigrationsColumn:
            return tr("Migrations");
        case LastRanOnColumn:
            return tr("Last ran on");
        case FirstSeenColumn:
            return tr("First seen");
        case LastSeenColumn:
            return tr("Last seen");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RankColumn:
            return tr("Rank by CPU time used within the interval");
        case CpuTimeColumn:
            return tr("CPU time used within the interval");
        case AverageCpuColumn:
            return tr("CPU time within the interval as a share of one CPU");
        case PeakCpuColumn:
            return tr("The highest CPU share sampled within the interval");
        case MigrationsColumn:
            return tr("Migrations within the interval");
        case LastRanOnColumn:
            return tr("The node the process ran on at its last snapshot in the interval");
        default:
            return {};
        }
    }
    return {};
}

QHash<int, QByteArray> CpuRankingModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(QHash<int, QByteArray>{{ProcIdRole, "procId"},
                                        {RankRole, "rank"},
                                        {NodeRole, "node"},
                                        {PidRole, "pid"},
                                        {CommandRole, "command"},
                                        {CommandLineRole, "commandLine"},
                                        {UserNameRole, "user"},
                                        {CpuTimeRole, "cpuTime"},
                                        {AverageCpuRole, "averageCpu"},
                                        {PeakCpuRole, "peakCpu"},
                                        {PeakRssRole, "peakRss"},
                                        {MigrationsRole, "migrations"},
                                        {LastRanOnRole, "lastRanOn"},
                                        {FirstSeenRole, "firstSeen"},
                                        {LastSeenRole, "lastSeen"},
                                        {GuestRole, "guest"},
                                        {SortRole, "sort"}});
    return names;
}

} // namespace omview::history
