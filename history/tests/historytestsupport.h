// The history tests' cluster: three nodes whose processes start, migrate and
// exit, a pid reused, a guest, a node that leaves, a stretch where the
// collector was down, and checkpoints; written into a real database through
// the store's writer. Every test computes what it expects from processesAt().
#pragma once

#include <QDir>
#include <QString>
#include <QTest>
#include <QThread>
#include <cmath>
#include <omview/store/schema.h>
#include <omview/store/storewriter.h>

namespace historytest {

using namespace omview::store;

constexpr std::int64_t S = 1700000000; // a multiple of the snapshot interval
constexpr std::int64_t Interval = 10;  // a process snapshot every 10 s
constexpr std::int64_t End = S + 1800; // ticks in [S, End)
// The collector was down: no ticks at all in [GapFrom, GapTo).
constexpr std::int64_t GapFrom = S + 1000;
constexpr std::int64_t GapTo = S + 1600;
// Node 3 leaves the cluster here.
constexpr std::int64_t Node3Leaves = S + 1700;
constexpr NodeId Nodes = 3;
constexpr int Workers = 30;

struct ProcessSpec {
    NodeId node = 0; // the node that reports it
    std::int32_t pid = 0;
    QString user;
    QString command;
    std::int64_t start = 0; // seconds
    std::int64_t end = 0;   // exclusive
    std::int64_t cpuMsPerSecond = 0;
    bool guest = false;
    NodeId home = 0;
};

inline QString hostname(NodeId node) {
    static const char *names[] = {"", "alpha", "beta", "gamma"};
    return QString::fromLatin1(names[node]);
}

inline QList<ProcessSpec> specs() {
    QList<ProcessSpec> out = {
        {1, 50, QStringLiteral("root"), QStringLiteral("sshd"), S - 1000, End, 5},
        // Migrates to node 2 at S+300 and comes back at S+600 (see sampleOf).
        {1, 100, QStringLiteral("alice"), QStringLiteral("render"), S + 100, S + 900, 900},
        {2, 200, QStringLiteral("bob"), QStringLiteral("compile"), S + 120, S + 500, 1000},
        // The same render as node 2 sees it while it runs there.
        {2, 4100, QStringLiteral("alice"), QStringLiteral("render"), S + 300, S + 600, 900, true,
         1},
        // pid 200 again, a new process: the start time tells them apart.
        {2, 200, QStringLiteral("bob"), QStringLiteral("python3"), S + 700, End, 250},
        {3, 300, QStringLiteral("carol"), QStringLiteral("sleep"), S - 50, Node3Leaves, 1},
    };
    // Short jobs on node 1 that come and go, so every step inserts and removes rows.
    for (int k = 0; k < Workers; ++k) {
        out.append({1, 1000 + k, QStringLiteral("dave"), QStringLiteral("worker-%1").arg(k),
                    S + 25 * k + 5, S + 25 * k + 5 + 400, 20 + 7 * k});
    }
    return out;
}

// What the agent reports about a process at second t.
inline ProcessSample sampleOf(const ProcessSpec &spec, std::int64_t t) {
    ProcessSample p;
    p.pid = spec.pid;
    p.ppid = 1;
    p.uid = static_cast<std::uint32_t>(1000 + spec.user.size());
    p.user = spec.user;
    p.command = spec.command;
    p.cmdline = QStringLiteral("/usr/bin/%1 --job %2").arg(spec.command).arg(spec.pid);
    p.tty = QStringLiteral("?");
    p.state = spec.cpuMsPerSecond >= 500 ? 'R' : 'S';
    p.cpuPercent = static_cast<double>(spec.cpuMsPerSecond) / 10.0;
    p.cpuTimeMs = (t - spec.start) * spec.cpuMsPerSecond;
    p.rss = (std::uint64_t{16} << 20) + static_cast<std::uint64_t>(spec.pid) * 4096 +
            static_cast<std::uint64_t>(t - spec.start) * 1024;
    p.nice = spec.pid % 5;
    p.startTimeMs = spec.start * 1000;
    p.guest = spec.guest;
    p.home = spec.home;
    if (spec.node == 1 && spec.pid == 100) {
        if (t >= S + 300 && t < S + 600) {
            p.where = 2;
            p.nmigs = 1;
        } else if (t >= S + 600) {
            p.nmigs = 2;
        }
    }
    return p;
}

inline bool running(const ProcessSpec &spec, std::int64_t t) {
    return spec.start <= t && t < spec.end;
}

inline bool ticked(std::int64_t t) {
    return t >= S && t < End && !(t >= GapFrom && t < GapTo);
}

inline bool nodeReports(NodeId node, std::int64_t t) {
    return ticked(t) && !(node == 3 && t >= Node3Leaves);
}

// The snapshot the collector wrote at t (a multiple of Interval), per node.
inline QList<NodeProcesses> processesAt(std::int64_t t) {
    QList<NodeProcesses> out;
    for (NodeId node = 1; node <= Nodes; ++node) {
        if (!nodeReports(node, t))
            continue;
        NodeProcesses reported{node, {}};
        for (const ProcessSpec &spec : specs()) {
            if (spec.node == node && running(spec, t))
                reported.processes.append(sampleOf(spec, t));
        }
        out.append(reported);
    }
    return out;
}

// The processes of a scope (nullopt: all nodes) written at snapshot time t.
inline QList<StoredProcess> expectedAt(std::optional<NodeId> scope, std::int64_t t) {
    QList<StoredProcess> out;
    for (const NodeProcesses &reported : processesAt(t)) {
        if (scope && reported.node != *scope)
            continue;
        for (const ProcessSample &sample : reported.processes)
            out.append(StoredProcess{0, reported.node, sample});
    }
    return out;
}

inline NodeSample nodeSampleAt(std::int64_t t, NodeId node) {
    NodeSample s;
    s.node = node;
    s.hostname = hostname(node);
    s.address = QStringLiteral("10.0.0.%1").arg(node);
    s.status = 3;
    double busy = 0;
    for (const ProcessSpec &spec : specs()) {
        const ProcessSample p = sampleOf(spec, t);
        const NodeId where = p.where ? p.where : spec.node;
        if (running(spec, t) && !spec.guest && where == node)
            busy += static_cast<double>(spec.cpuMsPerSecond) / 10.0;
    }
    const double wave = 12.0 * std::sin(static_cast<double>(t) / 40.0 + node);
    s.load = static_cast<std::uint32_t>(std::max(0.0, busy + 15.0 + wave));
    s.util = std::min<std::uint32_t>(100, s.load / 2);
    s.memTotal = std::uint64_t{16} << 30;
    s.memUsed = (std::uint64_t{2} << 30) + static_cast<std::uint64_t>(s.load) * (8 << 20);
    s.memFree = s.memTotal - s.memUsed;
    s.speed = 10000;
    s.cpus = 4;
    return s;
}

struct CheckpointSpec {
    std::int64_t t;
    const char *label;
};
inline const QList<CheckpointSpec> &checkpointSpecs() {
    static const QList<CheckpointSpec> marks = {{S + 100, "render submitted"},
                                                {S + 600, "render back home"},
                                                {S + 1650, "collector restarted"}};
    return marks;
}

// Writes the whole scenario into a new database at path.
inline bool writeCluster(const QString &path) {
    WriterOptions options;
    options.path = path;
    options.durability = Durability::Normal; // thousands of ticks: no fsync each
    options.idleRollup = std::chrono::hours(1);
    auto writer = StoreWriter::open(options);
    if (!writer) {
        qWarning("%s", qPrintable(writer.error().message));
        return false;
    }
    for (std::int64_t t = S; t < End; ++t) {
        if (!ticked(t))
            continue;
        Tick tick;
        tick.t = t;
        for (NodeId node = 1; node <= Nodes; ++node) {
            if (nodeReports(node, t))
                tick.nodes.append(nodeSampleAt(t, node));
        }
        if (t % Interval == 0)
            tick.processes = processesAt(t);
        for (int attempt = 0;; ++attempt) {
            auto queued = (*writer)->submit(tick);
            if (queued)
                break;
            if (queued.error().kind != StoreError::Kind::Busy || attempt > 60000) {
                qWarning("%s", qPrintable(queued.error().message));
                return false;
            }
            QThread::msleep(1);
        }
    }
    for (const CheckpointSpec &mark : checkpointSpecs()) {
        auto added = (*writer)->addCheckpoint(mark.t, QString::fromUtf8(mark.label));
        added.waitForFinished();
        if (!added.result())
            return false;
    }
    auto done = (*writer)->catchUp();
    done.waitForFinished();
    if (!done.result()) {
        qWarning("%s", qPrintable(done.result().error().message));
        return false;
    }
    (*writer)->close();
    return true;
}

// A collector database with its schema and nothing else.
inline bool writeEmpty(const QString &path) {
    return initializeDatabase(path).has_value();
}

// CPU time a process used within [from, to] as the ranking counts it: from
// the last snapshot at or before `from` (all of it when the process started
// inside the interval) to its last sample at or before `to`. -1: not in the
// ranking (no sample at or after `from`).
inline std::int64_t cpuWithin(const ProcessSpec &spec, std::int64_t from, std::int64_t to) {
    std::int64_t lo = from;
    for (std::int64_t s = from - (from % Interval); s >= S; s -= Interval) {
        if (ticked(s)) {
            lo = s;
            break;
        }
    }
    std::optional<std::int64_t> first, last;
    for (std::int64_t s = lo + (Interval - lo % Interval) % Interval; s <= to; s += Interval) {
        if (nodeReports(spec.node, s) && running(spec, s)) {
            first = first.value_or(s);
            last = s;
        }
    }
    if (!last || *last < from)
        return -1;
    const std::int64_t used = sampleOf(spec, *last).cpuTimeMs;
    return spec.start >= from ? used : used - sampleOf(spec, *first).cpuTimeMs;
}

inline QString screenshotDir() {
    const QString dir =
        qEnvironmentVariable("OMVIEW_SCREENSHOT_DIR", QStringLiteral(OMVIEW_SCREENSHOT_FALLBACK));
    QDir().mkpath(dir);
    return dir;
}

} // namespace historytest
