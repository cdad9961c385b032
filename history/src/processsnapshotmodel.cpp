#include <QDateTime>
#include <QFont>
#include <algorithm>
#include <omview/history/processsnapshotmodel.h>
#include <omview/history/textformat.h>
#include <omview/procs/processformat.h>
#include <omview/protocol/memorytext.h>

namespace omview::history {

using store::NodeId;
using store::StoredProcess;

namespace {
NodeId whereOf(const StoredProcess &p) {
    return p.sample.where ? p.sample.where : p.node;
}
NodeId homeOf(const StoredProcess &p) {
    return p.sample.home ? p.sample.home : p.node;
}
} // namespace

ProcessSnapshotModel::Key ProcessSnapshotModel::keyOf(const StoredProcess &process) {
    return {process.node, process.sample.pid, process.sample.startTimeMs};
}

ProcessSnapshotModel::ProcessSnapshotModel(QObject *parent)
    : QAbstractTableModel(parent) {}

RowDiff ProcessSnapshotModel::setProcesses(QList<StoredProcess> processes) {
    std::sort(processes.begin(), processes.end(),
              [](const StoredProcess &a, const StoredProcess &b) { return keyOf(a) < keyOf(b); });
    // Two rows with one key cannot be told apart by the views; keep the first.
    processes.erase(std::unique(processes.begin(), processes.end(),
                                [](const StoredProcess &a, const StoredProcess &b) {
                                    return keyOf(a) == keyOf(b);
                                }),
                    processes.end());
    const RowDiff diff =
        diffRows(m_rows, processes, &ProcessSnapshotModel::keyOf,
                 [](const StoredProcess &a, const StoredProcess &b) { return a == b; });
    for (const RowRun &run : diff.removed) {
        beginRemoveRows({}, run.first, run.last);
        m_rows.remove(run.first, run.count());
        endRemoveRows();
    }
    for (const RowRun &run : diff.inserted) {
        beginInsertRows({}, run.first, run.last);
        for (int row = run.first; row <= run.last; ++row)
            m_rows.insert(row, processes[row]);
        endInsertRows();
    }
    for (const RowRun &run : diff.changed) {
        for (int row = run.first; row <= run.last; ++row)
            m_rows[row] = processes[row];
        emit dataChanged(index(run.first, 0), index(run.last, ColumnCount - 1));
    }
    Q_ASSERT(m_rows == processes);
    return diff;
}

void ProcessSnapshotModel::setNodeNames(const QHash<NodeId, QString> &names) {
    if (names == m_nodeNames)
        return;
    m_nodeNames = names;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, NodeColumn), index(rowCount() - 1, HomeColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole, SortRole});
    }
}

int ProcessSnapshotModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProcessSnapshotModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProcessSnapshotModel::nodeName(NodeId node) const {
    return nodeText(node, m_nodeNames.value(node));
}

// The same words as the live processes panes.
QString ProcessSnapshotModel::stateText(char state) {
    return procs::ProcessFormat::stateWord(state);
}

QVariant ProcessSnapshotModel::display(const StoredProcess &p, int column) const {
    const store::ProcessSample &s = p.sample;
    switch (column) {
    case CommandColumn:
        return s.command;
    case UserColumn:
        return s.user.isEmpty() ? QString::number(s.uid) : s.user;
    case PidColumn:
        return s.pid;
    case NodeColumn:
        return nodeName(p.node);
    case CpuColumn:
        return procs::ProcessFormat::cpuText(s.cpuPercent);
    case CpuTimeColumn:
        return cpuTimeText(s.cpuTimeMs);
    case MemoryColumn:
        return memoryText(s.rss);
    case WhereColumn:
        return nodeName(whereOf(p));
    case HomeColumn:
        return nodeName(homeOf(p));
    case MigrationsColumn:
        return s.nmigs;
    case StateColumn:
        return QString(QChar::fromLatin1(s.state));
    case StartedColumn:
        return timeText(s.startTimeMs / 1000);
    case NiceColumn:
        return s.nice;
    case CommandLineColumn:
        return s.cmdline;
    }
    return {};
}

QVariant ProcessSnapshotModel::sortValue(const StoredProcess &p, int column) const {
    const store::ProcessSample &s = p.sample;
    switch (column) {
    case CommandColumn:
        return s.command.toCaseFolded();
    case UserColumn:
        return display(p, column).toString().toCaseFolded();
    case PidColumn:
        return s.pid;
    case NodeColumn:
        return p.node;
    case CpuColumn:
        return s.cpuPercent;
    case CpuTimeColumn:
        return qint64{s.cpuTimeMs};
    case MemoryColumn:
        return qulonglong{s.rss};
    case WhereColumn:
        return whereOf(p);
    case HomeColumn:
        return homeOf(p);
    case MigrationsColumn:
        return s.nmigs;
    case StateColumn:
        return QString(QChar::fromLatin1(s.state));
    case StartedColumn:
        return qint64{s.startTimeMs};
    case NiceColumn:
        return s.nice;
    case CommandLineColumn:
        return s.cmdline.toCaseFolded();
    }
    return {};
}

QVariant ProcessSnapshotModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredProcess &p = m_rows[index.row()];
    const store::ProcessSample &s = p.sample;
    switch (role) {
    case Qt::DisplayRole:
        return display(p, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case CommandColumn:
        case CommandLineColumn:
            return s.cmdline.isEmpty() ? s.command : s.cmdline;
        case StateColumn:
            return stateText(s.state);
        case WhereColumn:
            if (s.guest)
                return tr("A guest: it migrated here from %1, which lists it too.")
                    .arg(nodeName(homeOf(p)));
            if (whereOf(p) != p.node)
                return tr("Migrated away from %1 to %2.")
                    .arg(nodeName(p.node), nodeName(whereOf(p)));
            return tr("Runs on its home node.");
        case UserColumn:
            return tr("uid %1").arg(s.uid);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case PidColumn:
        case CpuColumn:
        case CpuTimeColumn:
        case MemoryColumn:
        case MigrationsColumn:
        case NiceColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::FontRole:
        if (s.guest) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case ProcIdRole:
        return qint64{p.procId};
    case NodeRole:
        return p.node;
    case PidRole:
        return s.pid;
    case StartTimeRole:
        return qint64{s.startTimeMs};
    case CommandRole:
        return s.command;
    case CommandLineRole:
        return s.cmdline;
    case UserNameRole:
        return display(p, UserColumn);
    case UidRole:
        return s.uid;
    case CpuPercentRole:
        return s.cpuPercent;
    case CpuTimeRole:
        return qint64{s.cpuTimeMs};
    case RssRole:
        return qulonglong{s.rss};
    case WhereRole:
        return whereOf(p);
    case HomeRole:
        return homeOf(p);
    case MigrationsRole:
        return s.nmigs;
    case StateRole:
        return QString(QChar::fromLatin1(s.state));
    case NiceRole:
        return s.nice;
    case GuestRole:
        return s.guest;
    case LockedRole:
        return s.locked;
    case SortRole:
        return sortValue(p, index.column());
    default:
        return {};
    }
}

QVariant ProcessSnapshotModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case CommandColumn:
            return tr("Command");
        case UserColumn:
            return tr("User");
        case PidColumn:
            return tr("PID");
        case NodeColumn:
            return tr("Node");
        case CpuColumn:
            return tr("CPU");
        case CpuTimeColumn:
            return tr("CPU time");
        case MemoryColumn:
            return tr("Memory");
        case WhereColumn:
            return tr("Ran on");
        case HomeColumn:
            return tr("Home");
        case MigrationsColumn:
            return tr("Migrations");
        case StateColumn:
            return tr("State");
        case StartedColumn:
            return tr("Started");
        case NiceColumn:
            return tr("Nice");
        case CommandLineColumn:
            return tr("Command line");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NodeColumn:
            return tr("The node that reported the process");
        case CpuColumn:
            return tr("Share of one CPU over the agent's last sampling interval");
        case CpuTimeColumn:
            return tr("User and system CPU time used since the process started");
        case MemoryColumn:
            return tr("Resident memory");
        case WhereColumn:
            return tr("The node the process ran on at this snapshot");
        case HomeColumn:
            return tr("The node the process started on");
        case MigrationsColumn:
            return tr("How often the process has migrated so far");
        default:
            return {};
        }
    }
    return {};
}

QHash<int, QByteArray> ProcessSnapshotModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(QHash<int, QByteArray>{{ProcIdRole, "procId"},
                                        {NodeRole, "node"},
                                        {PidRole, "pid"},
                                        {StartTimeRole, "startTime"},
                                        {CommandRole, "command"},
                                        {CommandLineRole, "commandLine"},
                                        {UserNameRole, "user"},
                                        {UidRole, "uid"},
                                        {CpuPercentRole, "cpuPercent"},
                                        {CpuTimeRole, "cpuTime"},
                                        {RssRole, "rss"},
                                        {WhereRole, "where"},
                                        {HomeRole, "home"},
                                        {MigrationsRole, "migrations"},
                                        {StateRole, "state"},
                                        {NiceRole, "nice"},
                                        {GuestRole, "guest"},
                                        {LockedRole, "locked"},
                                        {SortRole, "sort"}});
    return names;
}

} // namespace omview::history
