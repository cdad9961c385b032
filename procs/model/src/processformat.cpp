#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <omview/procs/processformat.h>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/memorytext.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

using Model = ProcessListModel;

// "povray (PID 4242)": which process a mark's tooltip speaks of.
QString processName(const ProcessInfo &p) {
    // One pass of arg(): a command named "%2" stays as it is.
    return ProcessFormat::tr("%1 (PID %2)").arg(p.command, QString::number(p.pid));
}

QString nodeName(NodeId node) {
    return node == 0 ? ProcessFormat::tr("this node") : ProcessFormat::tr("node %1").arg(node);
}

QString nodeTip(const ProcessInfo &p, NodeId reporting) {
    const NodeId where = ProcessFormat::runsOn(p, reporting);
    const NodeId home = ProcessFormat::homeOf(p, reporting);
    if (where != 0)
        return ProcessFormat::tr("%1 has migrated: it runs on node %2, away from its home, %3")
            .arg(processName(p), QString::number(where), nodeName(home));
    if (p.guest)
        return ProcessFormat::tr("%1 is a guest: it runs here, on %2; its home is %3")
            .arg(processName(p), nodeName(reporting), nodeName(home));
    return ProcessFormat::tr("%1 runs at home, on %2").arg(processName(p), nodeName(reporting));
}

QString cantMoveTip(const ProcessInfo &p) {
    if (p.cantmove.isEmpty())
        return ProcessFormat::tr("%1 can migrate").arg(processName(p));
    QStringList lines{ProcessFormat::tr("%1 cannot migrate:").arg(processName(p))};
    for (const QString &word : p.cantmove.split(u',', Qt::SkipEmptyParts))
        lines.append(ProcessFormat::tr("• %1").arg(ProcessFormat::cantMoveReason(word.trimmed())));
    return lines.join(u'\n');
}

QString pidTip(const ProcessInfo &p) {
    QStringList lines{ProcessFormat::tr("PID %1, child of %2").arg(p.pid).arg(p.ppid)};
    lines.append(p.tty.isEmpty() ? ProcessFormat::tr("No controlling terminal")
                                 : ProcessFormat::tr("Terminal %1").arg(p.tty));
    if (p.startTime > 0)
        lines.append(ProcessFormat::tr("Started %1")
                         .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(p.startTime),
                                                 QLocale::ShortFormat)));
    return lines.join(u'\n');
}

} // namespace

NodeId ProcessFormat::runsOn(const ProcessInfo &p, NodeId reporting) {
    return p.where == reporting ? 0 : p.where;
}

NodeId ProcessFormat::homeOf(const ProcessInfo &p, NodeId reporting) {
    return p.home != 0 ? p.home : reporting;
}

bool ProcessFormat::isAway(const ProcessInfo &p, NodeId reporting) {
    return !p.guest && runsOn(p, reporting) != 0;
}

QString ProcessFormat::stateWord(char state) {
    switch (state) {
    case 'R':
        return tr("running");
    case 'S':
        return tr("sleeping");
    case 'D':
        return tr("waiting for I/O");
    case 'Z':
        return tr("zombie");
    case 'T':
        return tr("stopped");
    case 't':
        return tr("stopped by a debugger");
    case 'I':
        return tr("idle");
    case 'X':
        return tr("dead");
    default:
        return tr("unknown");
    }
}

QString ProcessFormat::cpuText(double percent) {
    return tr("%1 %", "CPU").arg(QLocale().toString(percent, 'f', 1));
}

QString ProcessFormat::cpuTimeText(std::int64_t ms) {
    ms = std::max<std::int64_t>(0, ms);
    if (ms < 10000)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 2));
    const std::int64_t seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const QChar zero(u'0');
    if (seconds < 3600)
        return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, zero);
    return u"%1:%2:%3"_s.arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, zero)
        .arg(seconds % 60, 2, 10, zero);
}

QString ProcessFormat::cantMoveReason(const QString &word) {
    // docs/proc-hpc.md (the kernel's reasons) and movability.h (what criu cannot carry).
    static const std::pair<QLatin1StringView, const char *> reasons[] = {
        {"system"_L1, QT_TR_NOOP("it is a kernel thread or init")},
        {"clone_vm"_L1, QT_TR_NOOP("it shares its memory with other tasks (threads)")},
        {"mem_lock"_L1, QT_TR_NOOP("it has locked memory (mlock)")},
        {"rt_sched"_L1, QT_TR_NOOP("it runs with a real-time scheduling policy")},
        {"user_lock"_L1, QT_TR_NOOP("it is locked to its node")},
        {"socket"_L1, QT_TR_NOOP("it has a network socket open")},
        {"terminal"_L1, QT_TR_NOOP("it uses a terminal")},
        {"device"_L1, QT_TR_NOOP("it has a device open")},
        {"deleted_file"_L1, QT_TR_NOOP("it holds a deleted file open")},
        {"anon_inode"_L1, QT_TR_NOOP("it holds a kernel object that cannot be carried over")},
        {"sysv_shm"_L1, QT_TR_NOOP("it uses System V shared memory")},
        {"foreign_mount"_L1, QT_TR_NOOP("it has files open on a mount it cannot see")},
    };
    for (const auto &[name, text] : reasons) {
        if (word == name)
            return tr("%1: %2", "a cantmove word: what it means").arg(word, tr(text));
    }
    return word;
}

QString ProcessFormat::display(const ProcessInfo &p, NodeId reporting, int column) {
    switch (column) {
    case Model::PidColumn:
        return QString::number(p.pid);
    case Model::UserColumn:
        return p.user.isEmpty() ? QString::number(p.uid) : p.user;
    case Model::CommandColumn:
        return p.command;
    case Model::StateColumn:
        return {QChar::fromLatin1(p.state)};
    case Model::CpuColumn:
        return cpuText(p.cpuPercent);
    case Model::MemoryColumn:
        return memoryText(p.rss);
    case Model::NiceColumn:
        return QString::number(p.nice);
    case Model::NodeColumn: {
        const NodeId where = runsOn(p, reporting);
        if (where != 0)
            return QString::number(where);
        if (!p.guest)
            return tr("home", "where a process runs: on its home node");
        return reporting != 0 ? QString::number(reporting) : tr("here");
    }
    case Model::HomeColumn: {
        const NodeId home = homeOf(p, reporting);
        return home != 0 ? QString::number(home) : tr("here");
    }
    case Model::MigrationsColumn:
        return QString::number(p.nmigs);
    case Model::LockColumn:
        return p.locked ? tr("locked") : QString();
    case Model::CantMoveColumn:
        return p.cantmove;
    default:
        return {};
    }
}

QString ProcessFormat::toolTip(const ProcessInfo &p, NodeId reporting, int column) {
    QString plain;
    switch (column) {
    case Model::PidColumn:
        plain = pidTip(p);
        break;
    case Model::UserColumn:
        plain = p.user.isEmpty() ? tr("User ID %1 (no user name known)").arg(p.uid)
                                 : tr("User %1 (ID %2)").arg(p.user, QString::number(p.uid));
        break;
    case Model::CommandColumn:
        plain = p.cmdline.isEmpty()
                    ? tr("%1\nNo command line (a kernel thread)").arg(processName(p))
                    : tr("%1\nCommand line: %2").arg(processName(p), p.cmdline);
        break;
    case Model::StateColumn:
        plain = tr("State %1: %2").arg(QString(QChar::fromLatin1(p.state)), stateWord(p.state));
        break;
    case Model::CpuColumn:
        plain = tr("%1 of one CPU over the last interval\nCPU time so far: %2")
                    .arg(cpuText(p.cpuPercent), cpuTimeText(p.cpuTimeMs));
        break;
    case Model::MemoryColumn:
        plain = tr("Resident memory %1 (%2 bytes)")
                    .arg(memoryText(p.rss), QLocale().toString(qulonglong(p.rss)));
        break;
    case Model::NiceColumn:
        plain = tr("Nice %1 (from −20, the most CPU, to 19, the least)").arg(p.nice);
        break;
    case Model::NodeColumn:
        plain = nodeTip(p, reporting);
        break;
    case Model::HomeColumn:
        plain = tr("%1 started on its home, %2, and goes back there when sent home")
                    .arg(processName(p), nodeName(homeOf(p, reporting)));
        break;
    case Model::MigrationsColumn:
        plain = tr("%1 has migrated %n time(s)", nullptr, int(p.nmigs)).arg(processName(p));
        break;
    case Model::LockColumn:
        plain = p.locked ? tr("%1 is locked to its node: it is not moved unless asked to")
                               .arg(processName(p))
                         : tr("%1 is not locked: the balancer may move it").arg(processName(p));
        break;
    case Model::CantMoveColumn:
        plain = cantMoveTip(p);
        break;
    default:
        return {};
    }
    return escapedRichText(plain);
}

QVariant ProcessFormat::sortKey(const ProcessInfo &p, NodeId reporting, int column) {
    switch (column) {
    case Model::PidColumn:
        return p.pid;
    case Model::UserColumn:
        return p.user.isEmpty() ? QString::number(p.uid) : p.user;
    case Model::CommandColumn:
        return p.command;
    case Model::StateColumn:
        return int(p.state);
    case Model::CpuColumn:
        return p.cpuPercent;
    case Model::MemoryColumn:
        return qulonglong(p.rss);
    case Model::NiceColumn:
        return p.nice;
    case Model::NodeColumn: {
        // By the node it runs on, the ones at home with their node's guests.
        const NodeId where = runsOn(p, reporting);
        return where != 0 ? where : reporting;
    }
    case Model::HomeColumn:
        return homeOf(p, reporting);
    case Model::MigrationsColumn:
        return p.nmigs;
    case Model::LockColumn:
        return int(p.locked);
    case Model::CantMoveColumn:
        return p.cantmove;
    default:
        return {};
    }
}

QVariant ProcessFormat::header(int column, int role) {
    struct Header {
        const char *title;
        const char *toolTip;
        const char *whatsThis;
    };
    static const Header headers[Model::ColumnCount] = {
        {.title = QT_TR_NOOP("PID"),
         .toolTip = QT_TR_NOOP("Process ID on the node reporting it"),
         .whatsThis = QT_TR_NOOP(
             "The process ID on the node that reports the process. A guest has the PID of the node "
             "it runs on; a migrated process is listed by its home node with its PID there.")},
        {.title = QT_TR_NOOP("User"),
         .toolTip = QT_TR_NOOP("The user the process runs as"),
         .whatsThis = QT_TR_NOOP("The user name of the process's real user ID, or the ID when the "
                                 "node knows no name for it.")},
        {.title = QT_TR_NOOP("Command"),
         .toolTip = QT_TR_NOOP("The command; its tooltip shows the command line"),
         .whatsThis = QT_TR_NOOP(
             "The name of the program (comm). The tooltip shows the whole command line.")},
        {.title = QT_TR_NOOP("State"),
         .toolTip = QT_TR_NOOP("R running, S sleeping, D waiting for I/O, Z zombie, T stopped"),
         .whatsThis = QT_TR_NOOP("The scheduler state of the process as /proc shows it: R running, "
                                 "S sleeping, D waiting for I/O, Z zombie, T stopped, I idle.")},
        {.title = QT_TR_NOOP("CPU"),
         .toolTip = QT_TR_NOOP("Share of one CPU over the last interval"),
         .whatsThis = QT_TR_NOOP(
             "How much of one CPU the process used over the last sampling interval; a process with "
             "several threads can use more than 100 %. The tooltip adds the CPU time so far.")},
        {.title = QT_TR_NOOP("Memory"),
         .toolTip = QT_TR_NOOP("Resident memory"),
         .whatsThis = QT_TR_NOOP("The memory of the process held in RAM (its resident set size).")},
        {.title = QT_TR_NOOP("Nice"),
         .toolTip = QT_TR_NOOP("Scheduling priority, −20 (most CPU) to 19 (least)"),
         .whatsThis = QT_TR_NOOP("The nice value: from −20, the process gets the most CPU, to 19, "
                                 "the least. Only the administrator can lower it.")},
        {.title = QT_TR_NOOP("Node"),
         .toolTip = QT_TR_NOOP("Where the process runs; \"home\" on its home node"),
         .whatsThis = QT_TR_NOOP(
             "The node the process runs on: \"home\" while it runs on its home node, the node's "
             "number when it has migrated or is a guest here. The tooltip says which.")},
        {.title = QT_TR_NOOP("Home"),
         .toolTip = QT_TR_NOOP("The node the process started on"),
         .whatsThis = QT_TR_NOOP(
             "The home node: where the process started and where it goes back when sent home.")},
        {.title = QT_TR_NOOP("Migrations"),
         .toolTip = QT_TR_NOOP("How often the process has migrated"),
         .whatsThis = QT_TR_NOOP("The number of times the process has moved between nodes.")},
        {.title = QT_TR_NOOP("Locked"),
         .toolTip = QT_TR_NOOP("Locked processes stay on their node"),
         .whatsThis = QT_TR_NOOP("A locked process is not moved by the load balancer; it moves "
                                 "only when asked to. Lock or unlock it in its details.")},
        {.title = QT_TR_NOOP("Can't move"),
         .toolTip = QT_TR_NOOP("Why the process cannot migrate"),
         .whatsThis = QT_TR_NOOP(
             "What keeps the process on its node: threads sharing memory, locked memory, sockets, "
             "terminals, devices and the like. Empty when it can migrate.")},
    };
    if (column < 0 || column >= Model::ColumnCount)
        return {};
    const Header &h = headers[column];
    switch (role) {
    case Qt::DisplayRole:
        return tr(h.title);
    case Qt::ToolTipRole:
        return tr(h.toolTip);
    case Qt::WhatsThisRole:
        return tr(h.whatsThis);
    default:
        return {};
    }
}

QString ProcessFormat::escapedRichText(const QString &plain) {
    // The paragraph makes it rich text whatever follows, so the escaped characters show as
    // the characters they stand for rather than as entities; pre-wrap keeps the lines and
    // the spaces of a command line.
    return R"(<p style="white-space:pre-wrap">)"_L1 + plain.toHtmlEscaped() + "</p>"_L1;
}

} // namespace omview::procs
