#include "cmdlinetext.h"
#include "nodefiles.h"
#include "processreader.h"
#include "procroot.h"
#include "samplerlog.h"
#include "usernames.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <omview/sampler/processsampler.h>
#include <optional>
#include <string_view>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace omview {

namespace {

// The clock /proc/uptime reads, so that offsets from it add to uptime.
std::int64_t bootClockNs() {
    timespec now{};
    ::clock_gettime(CLOCK_BOOTTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

using sampler::ProcessReader;
using sampler::ReadResult;

// What a sample keeps of a process beyond its ProcessInfo, to tell what changed.
struct Tracked {
    std::uint64_t ticks = 0;      // utime + stime
    std::uint64_t startTicks = 0; // tells a reused pid from the same process
    std::uint64_t argStart = 0;   // moves on exec
    std::size_t commHash = 0;     // changes on exec (mostly)
    std::size_t cmdlineHash = 0;  // raw bytes, so an unchanged one is not rebuilt
    std::int32_t ttyNr = 0;       // the terminal's device number, so its name is built once
    int statFd = -1;              // stat kept open, owned here
    double readAt = 0;            // seconds since boot when its stat was last read
    bool young = true;            // not sampled since it was first seen
};

// The terminal's name as ps shows it, from its device number as stat encodes
// it (new_encode_dev: minor's low byte in bits 0-7, major in 8-19, the rest of
// the minor from bit 20).
QString ttyName(std::int32_t ttyNr) {
    if (ttyNr == 0)
        return {};
    const auto nr = static_cast<std::uint32_t>(ttyNr);
    const std::uint32_t major = (nr >> 8) & 0xfffu;
    const std::uint32_t minor = (nr & 0xffu) | ((nr >> 12) & 0xfff00u);
    if (major >= 136 && major <= 143)
        return QStringLiteral("pts/%1").arg((major - 136) * 256 + minor);
    if (major == 4)
        return minor < 64 ? QStringLiteral("tty%1").arg(minor)
                          : QStringLiteral("ttyS%1").arg(minor - 64);
    return QStringLiteral("%1:%2").arg(major).arg(minor);
}

std::size_t hashBytes(std::span<const char> bytes, bool truncated) {
    return std::hash<std::string_view>{}(std::string_view(bytes.data(), bytes.size())) ^
           static_cast<std::size_t>(truncated);
}

template<typename Value>
void setField(Value &field, const Value &value, ProcessField bit, ProcessFields &changed) {
    if (field != value) {
        field = value;
        changed |= bit;
    }
}

// The fields the merge hook owns, to see which of them it changed.
struct MigrationFields {
    NodeId where;
    NodeId home;
    bool locked;
    std::uint32_t nmigs;
    QString cantmove;
    bool guest;

    explicit MigrationFields(const ProcessInfo &info)
        : where(info.where)
        , home(info.home)
        , locked(info.locked)
        , nmigs(info.nmigs)
        , cantmove(info.cantmove)
        , guest(info.guest) {}

    ProcessFields differences(const ProcessInfo &info) const {
        ProcessFields changed;
        changed.setFlag(ProcessField::Where, where != info.where);
        changed.setFlag(ProcessField::Home, home != info.home);
        changed.setFlag(ProcessField::Locked, locked != info.locked);
        changed.setFlag(ProcessField::Nmigs, nmigs != info.nmigs);
        changed.setFlag(ProcessField::Cantmove, cantmove != info.cantmove);
        changed.setFlag(ProcessField::Guest, guest != info.guest);
        return changed;
    }
};

QString fileError(const QByteArray &root, const char *file, int error) {
    return QStringLiteral("cannot read %1/%2: %3")
        .arg(QString::fromLocal8Bit(root), QLatin1StringView(file), qt_error_string(error));
}

QString malformed(const QByteArray &root, const char *file) {
    return QStringLiteral("malformed %1/%2")
        .arg(QString::fromLocal8Bit(root), QLatin1StringView(file));
}

// How many files the sampler may keep open: the option, within half the
// descriptors the process may have.
int openFileBudget(int wanted) {
    rlimit limit{};
    if (wanted <= 0 || ::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    const rlim_t half = limit.rlim_cur == RLIM_INFINITY ? wanted : limit.rlim_cur / 2;
    return static_cast<int>(std::min<rlim_t>(static_cast<rlim_t>(wanted), half));
}

} // namespace

struct ProcessSampler::State {
    explicit State(Options o)
        : options(std::move(o))
        , procRoot(options.procRoot.toLocal8Bit())
        , reader(static_cast<std::size_t>(std::max(options.cmdlineLimit, 0)))
        , ticksPerSecond(static_cast<double>(::sysconf(_SC_CLK_TCK)))
        , pageSize(static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE))) {}
    ~State() {
        for (Tracked &track : tracked)
            ProcessReader::closeFile(track.statFd);
    }

    std::expected<void, QString> sample();
    void walk(bool clockMoved);
    double moment() const;
    void drop(std::size_t index);
    void keep(std::size_t from, std::size_t to);
    ReadResult readStat(std::int32_t pid, int &statFd);
    bool update(ProcessInfo &info, Tracked &track, double elapsed);
    void add(std::int32_t pid, int statFd);
    void mergeAdded();
    bool wantsCmdline(std::int32_t pid) const;
    void noteUnreadable(std::int32_t pid);
    std::int64_t ticksToMs(std::uint64_t ticks) const {
        return static_cast<std::int64_t>(static_cast<double>(ticks) * 1000.0 / ticksPerSecond);
    }

    Options options;
    QByteArray procRoot;
    sampler::ProcRoot root;
    ProcessReader reader;
    sampler::UserNames users;
    MergeHook merge;
    const double ticksPerSecond;
    const std::uint64_t pageSize;

    std::vector<char> fileBuffer; // uptime and stat
    std::vector<std::int32_t> pids;
    // The table and what is tracked alongside, index for index, in pid order.
    // A sample updates the rows in place, closes the gaps the gone processes
    // leave, and merges in the new processes collected on the side: no second
    // table, and unchanged rows are neither copied nor rebuilt.
    std::vector<ProcessInfo> table;
    std::vector<Tracked> tracked;
    std::vector<ProcessInfo> addedInfo;
    std::vector<Tracked> addedTracked;
    ProcessDelta delta;

    std::optional<double> previousUptime;
    // The uptime read at the walk's start and the boot clock beside it: a
    // process's interval runs between its own reads, or a slow walk (the
    // first opens every file) would shorten the share of the processes read
    // late in it.
    double walkUptime = 0;
    std::int64_t walkClockNs = 0;
    std::optional<std::int64_t> bootTimeMs;
    std::int64_t walkBootTimeMs = 0; // bootTimeMs, known during a walk
    std::uint64_t samples = 0;
    int filesOpen = 0;
    int fileBudget = 0;
    bool appendToTable = false; // this walk's new processes go straight into the table
    int unreadable = 0;
    std::int32_t firstUnreadable = 0;
    int firstUnreadableError = 0; // errno, 0 when the text did not parse
};

std::expected<void, QString> ProcessSampler::State::sample() {
    if (options.cmdlineLimit < 16)
        return std::unexpected(
            QStringLiteral("invalid cmdlineLimit %1: at least 16 bytes").arg(options.cmdlineLimit));
    if (options.cmdlineRefreshEvery < 0)
        return std::unexpected(QStringLiteral("invalid cmdlineRefreshEvery %1: 0 or more")
                                   .arg(options.cmdlineRefreshEvery));
    if (const int error = root.open(procRoot))
        return std::unexpected(
            QStringLiteral("cannot open %1: %2").arg(options.procRoot, qt_error_string(error)));
    const auto uptimeText = root.read("uptime", fileBuffer);
    if (!uptimeText)
        return std::unexpected(fileError(procRoot, "uptime", uptimeText.error()));
    const auto uptime = sampler::parseUptime(*uptimeText);
    if (!uptime)
        return std::unexpected(malformed(procRoot, "uptime"));
    // Start times are anchored to the boot time read once: re-reading it
    // would move every process's start whenever the clock is stepped.
    std::optional<std::int64_t> bootTime = bootTimeMs;
    if (!bootTime) {
        const auto statText = root.read("stat", fileBuffer);
        if (!statText)
            return std::unexpected(fileError(procRoot, "stat", statText.error()));
        const auto figures = sampler::parseProcStat(*statText);
        if (!figures)
            return std::unexpected(malformed(procRoot, "stat"));
        bootTime = figures->bootTime * 1000;
    }
    if (const int error = root.listPids(pids))
        return std::unexpected(
            QStringLiteral("cannot list %1: %2").arg(options.procRoot, qt_error_string(error)));

    bootTimeMs = bootTime;
    walkBootTimeMs = *bootTime;
    fileBudget = openFileBudget(options.keepStatFilesOpen);
    walkUptime = *uptime;
    walkClockNs = bootClockNs();
    walk(previousUptime && *uptime > *previousUptime);
    previousUptime = uptime;
    ++samples;
    return {};
}

double ProcessSampler::State::moment() const {
    return walkUptime + static_cast<double>(bootClockNs() - walkClockNs) / 1e9;
}

void ProcessSampler::State::walk(bool clockMoved) {
    delta.clear();
    unreadable = 0;

    // Rows before `kept` are this sample's; rows from `next` on are the
    // previous sample's not yet visited.
    std::size_t kept = 0;
    std::size_t next = 0;
    const std::size_t previous = table.size();
    // The first sample appends to the empty table itself: pids come in
    // order, and a second table's worth of rows would double its peak memory.
    appendToTable = previous == 0;
    if (appendToTable) {
        table.reserve(pids.size() + pids.size() / 8 + 16);
        tracked.reserve(pids.size() + pids.size() / 8 + 16);
    }
    for (const std::int32_t pid : pids) {
        while (next < previous && table[next].pid < pid)
            drop(next++);
        if (next < previous && table[next].pid == pid) {
            const std::size_t row = next++;
            const std::uint64_t startTicks = tracked[row].startTicks;
            const ReadResult result = readStat(pid, tracked[row].statFd);
            if (result != ReadResult::Read) {
                delta.removed.push_back(pid);
                continue;
            }
            if (reader.stat().startTicks != startTicks) {
                // The pid is another process's now: the file read belongs to it.
                add(pid, std::exchange(tracked[row].statFd, -1));
                continue;
            }
            const double readAt = moment();
            const double elapsed = clockMoved ? readAt - tracked[row].readAt : 0.0;
            tracked[row].readAt = readAt;
            if (!update(table[row], tracked[row], elapsed)) {
                drop(row);
                continue;
            }
            keep(row, kept++);
        } else {
            int statFd = -1;
            if (readStat(pid, statFd) == ReadResult::Read)
                add(pid, statFd);
        }
    }
    while (next < previous)
        drop(next++);
    const auto keptEnd = static_cast<std::ptrdiff_t>(kept);
    const auto previousEnd = static_cast<std::ptrdiff_t>(previous);
    table.erase(table.begin() + keptEnd, table.begin() + previousEnd);
    tracked.erase(tracked.begin() + keptEnd, tracked.begin() + previousEnd);
    mergeAdded();

    if (unreadable > 0)
        qCWarning(sampler::lcSampler).nospace().noquote()
            << "left out " << unreadable << " process(es) whose files could not be read, first "
            << options.procRoot << "/" << firstUnreadable << ": "
            << (firstUnreadableError ? qt_error_string(firstUnreadableError)
                                     : QStringLiteral("malformed"));
}

// A row of the previous sample whose process is gone.
void ProcessSampler::State::drop(std::size_t index) {
    delta.removed.push_back(table[index].pid);
    if (tracked[index].statFd >= 0) {
        ProcessReader::closeFile(tracked[index].statFd);
        --filesOpen;
    }
}

void ProcessSampler::State::keep(std::size_t from, std::size_t to) {
    if (from != to) {
        table[to] = std::move(table[from]);
        tracked[to] = std::exchange(tracked[from], Tracked{});
    }
}

ReadResult ProcessSampler::State::readStat(std::int32_t pid, int &statFd) {
    const bool wasOpen = statFd >= 0;
    const ReadResult result = reader.readStat(root, pid, statFd, wasOpen || filesOpen < fileBudget);
    filesOpen += (statFd >= 0) - wasOpen;
    if (result == ReadResult::Unreadable)
        noteUnreadable(pid);
    return result;
}

void ProcessSampler::State::noteUnreadable(std::int32_t pid) {
    if (unreadable++ == 0) {
        firstUnreadable = pid;
        firstUnreadableError = reader.lastError();
    }
}

bool ProcessSampler::State::wantsCmdline(std::int32_t pid) const {
    const auto every = static_cast<std::uint64_t>(options.cmdlineRefreshEvery);
    return every > 0 && (static_cast<std::uint64_t>(pid) + samples) % every == 0;
}

// Brings the row of a known process up to date from the stat just read and
// notes what changed; false when the process vanished meanwhile.
bool ProcessSampler::State::update(ProcessInfo &info, Tracked &track, double elapsed) {
    const sampler::StatLine &stat = reader.stat();
    ProcessFields changed;
    const std::size_t commHash = std::hash<std::string_view>{}(stat.comm);
    const bool execed = commHash != track.commHash || stat.argStart != track.argStart;
    // A zombie has no argv left; the one it had says more.
    if ((execed || track.young || wantsCmdline(info.pid)) && stat.state != 'Z') {
        if (reader.readCmdline(root, info.pid) != ReadResult::Read)
            return false;
        const std::size_t hash = hashBytes(reader.cmdline(), reader.cmdlineTruncated());
        if (hash != track.cmdlineHash) {
            info.cmdline = sampler::cmdlineText(reader.cmdline(), reader.cmdlineTruncated());
            track.cmdlineHash = hash;
            changed |= ProcessField::Cmdline;
        }
    }
    if (commHash != track.commHash) {
        info.command =
            QString::fromUtf8(stat.comm.data(), static_cast<qsizetype>(stat.comm.size()));
        track.commHash = commHash;
        changed |= ProcessField::Command;
    }
    track.argStart = stat.argStart;
    track.young = false;

    setField(info.ppid, stat.ppid, ProcessField::Ppid, changed);
    if (info.uid != reader.uid()) {
        info.uid = reader.uid();
        changed |= ProcessField::Uid;
        setField(info.user, users.nameOf(info.uid), ProcessField::User, changed);
    }
    setField(info.state, stat.state, ProcessField::State, changed);
    setField(info.rss, static_cast<std::uint64_t>(stat.rssPages) * pageSize, ProcessField::Rss,
             changed);
    setField(info.nice, stat.nice, ProcessField::Nice, changed);

    const std::uint64_t ticks = stat.utime + stat.stime;
    double percent = 0;
    if (elapsed > 0 && ticks >= track.ticks) {
        // Ticks make the figure exact to 1/(HZ*elapsed) at best: one decimal
        // is all it carries, and keeps idle jitter out of the change set.
        percent = static_cast<double>(ticks - track.ticks) * 100.0 / (ticksPerSecond * elapsed);
        percent = std::round(percent * 10.0) / 10.0;
    }
    track.ticks = ticks;
    setField(info.cpuPercent, percent, ProcessField::CpuPercent, changed);
    setField(info.cpuTimeMs, ticksToMs(ticks), ProcessField::CpuTime, changed);
    if (stat.ttyNr != track.ttyNr) {
        track.ttyNr = stat.ttyNr;
        info.tty = ttyName(stat.ttyNr);
        changed |= ProcessField::Tty;
    }

    if (merge) {
        const MigrationFields before(info);
        merge(info);
        changed |= before.differences(info);
    }
    if (changed)
        delta.changed.push_back({info.pid, changed});
    return true;
}

// A process first seen in this sample, or a new one under a known pid, from
// the stat just read; collected on the side until the walk ends.
void ProcessSampler::State::add(std::int32_t pid, int statFd) {
    const double readAt = moment();
    const sampler::StatLine &stat = reader.stat();
    if (reader.readCmdline(root, pid) != ReadResult::Read) {
        if (statFd >= 0) {
            ProcessReader::closeFile(statFd);
            --filesOpen;
        }
        return;
    }
    ProcessInfo &info = appendToTable ? table.emplace_back() : addedInfo.emplace_back();
    info.pid = pid;
    info.ppid = stat.ppid;
    info.uid = reader.uid();
    info.user = users.nameOf(info.uid);
    info.command = QString::fromUtf8(stat.comm.data(), static_cast<qsizetype>(stat.comm.size()));
    Tracked &track = appendToTable ? tracked.emplace_back() : addedTracked.emplace_back();
    // Hashed before cmdlineText rewrites the bytes, as update() does.
    track.cmdlineHash = hashBytes(reader.cmdline(), reader.cmdlineTruncated());
    info.cmdline = sampler::cmdlineText(reader.cmdline(), reader.cmdlineTruncated());
    info.state = stat.state;
    info.rss = static_cast<std::uint64_t>(stat.rssPages) * pageSize;
    info.nice = stat.nice;
    info.startTime =
        walkBootTimeMs +
        static_cast<std::int64_t>(static_cast<double>(stat.startTicks) * 1000.0 / ticksPerSecond);
    if (merge)
        merge(info);

    track.ticks = stat.utime + stat.stime;
    info.cpuTimeMs = ticksToMs(track.ticks);
    track.ttyNr = stat.ttyNr;
    info.tty = ttyName(stat.ttyNr);
    track.startTicks = stat.startTicks;
    track.argStart = stat.argStart;
    track.commHash = std::hash<std::string_view>{}(stat.comm);
    track.statFd = statFd;
    track.readAt = readAt;
    delta.added.push_back(pid);
}

// Merges the new processes (in pid order) into the table, from the back, so
// that every row moves at most once.
void ProcessSampler::State::mergeAdded() {
    if (addedInfo.empty())
        return;
    const std::size_t kept = table.size();
    const std::size_t total = kept + addedInfo.size();
    if (total > table.capacity()) {
        // Some room for the next new processes, without doubling the table.
        table.reserve(total + total / 8 + 16);
        tracked.reserve(total + total / 8 + 16);
    }
    table.resize(total);
    tracked.resize(total);
    std::size_t from = kept;
    std::size_t fromAdded = addedInfo.size();
    for (std::size_t to = total; fromAdded > 0;) {
        --to;
        if (from > 0 && table[from - 1].pid > addedInfo[fromAdded - 1].pid) {
            --from;
            table[to] = std::move(table[from]);
            tracked[to] = std::exchange(tracked[from], Tracked{});
        } else {
            --fromAdded;
            table[to] = std::move(addedInfo[fromAdded]);
            tracked[to] = addedTracked[fromAdded];
        }
    }
    addedInfo.clear();
    addedTracked.clear();
    // After the first sample (everything new) these would hold a second
    // table's worth of room for nothing.
    if (addedInfo.capacity() > 1024) {
        addedInfo.shrink_to_fit();
        addedTracked.shrink_to_fit();
    }
}

ProcessSampler::ProcessSampler()
    : ProcessSampler(Options{}) {}

ProcessSampler::ProcessSampler(Options options)
    : d(std::make_unique<State>(std::move(options))) {}

ProcessSampler::~ProcessSampler() = default;

std::expected<void, QString> ProcessSampler::sample() {
    return d->sample();
}

std::span<const ProcessInfo> ProcessSampler::table() const {
    return d->table;
}

const ProcessInfo *ProcessSampler::find(std::int32_t pid) const {
    const auto found = std::ranges::lower_bound(d->table, pid, {}, &ProcessInfo::pid);
    return found != d->table.end() && found->pid == pid ? &*found : nullptr;
}

const ProcessDelta &ProcessSampler::delta() const {
    return d->delta;
}

void ProcessSampler::setMergeHook(MergeHook hook) {
    d->merge = std::move(hook);
}

} // namespace omview
