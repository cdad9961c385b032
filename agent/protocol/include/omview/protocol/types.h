// The vocabulary shared by the agent, the console, the collector and the CLI:
// plain value types for what a node reports and what can be changed on it.
// The JSON encoding of each lives in json.h; /proc/hpc semantics in docs/proc-hpc.md.
#pragma once

#include <QList>
#include <QString>
#include <cstdint>
#include <optional>

namespace omview {

using NodeId = std::uint32_t; // 1..65535; 0 = "this node / home" where noted

// Status bits as /proc/hpc/nodes/<ID>/status shows them.
enum NodeStatusBit : std::uint32_t {
    StatusConfigured = 1,
    StatusUp = 2,
    StatusStay = 4,
    StatusLstay = 8,
    StatusBlock = 16,
    StatusQuiet = 32,
};

// One node as sampled by its own agent each second.
struct NodeStatus {
    NodeId id = 0;
    QString address; // primary address from the node map
    QString hostname;
    std::int32_t status = 0; // NodeStatusBit mask, or -errno when unreachable
    std::uint32_t load = 0;  // openMosix units: 100 = one standard CPU busy
    std::uint32_t exportLoad = 0;
    double loadAvg[3] = {0, 0, 0}; // Linux 1/5/15-minute load averages
    std::uint32_t speed = 0;
    std::uint32_t cpus = 0;
    std::uint64_t memTotal = 0; // bytes
    std::uint64_t memUsed = 0;  // bytes (total - available)
    std::uint64_t memFree = 0;  // bytes, raw free
    std::uint64_t memAvailable = 0;
    std::uint32_t util = 0;     // CPU utilisation, percent
    std::int64_t sampledAt = 0; // ms since epoch on the node
    bool operator==(const NodeStatus &) const = default;
};

// A row of the cluster node table a node holds: its freshest knowledge of a peer.
struct NodeRecord {
    NodeStatus node;
    std::int64_t ageMs = -1; // age of the freshest record, -1 = never heard from
    bool alive = false;
    bool operator==(const NodeRecord &) const = default;
};

// Every admin and decay tunable of a node (docs/proc-hpc.md, admin/).
struct Settings {
    NodeId mospe = 0;
    bool block = false;
    bool stay = false;
    bool lstay = false;
    bool quiet = false;
    std::uint32_t speed = 10000;
    std::uint32_t sspeed = 10000;
    std::uint32_t decayInterval = 1;
    std::uint32_t slowDecay = 975;
    std::uint32_t fastDecay = 926;
    std::uint32_t overheads[4] = {1300, 10, 50, 100}; // stab, migcost, memlow, minuse
    QString version;
    bool operator==(const Settings &) const = default;
};

// A partial update of Settings: only the fields set are written, in one validated step.
struct SettingsChange {
    std::optional<NodeId> mospe;
    std::optional<bool> block, stay, lstay, quiet;
    std::optional<std::uint32_t> speed, sspeed, decayInterval, slowDecay, fastDecay;
    std::optional<QList<std::uint32_t>> overheads;
    bool operator==(const SettingsChange &) const = default;
};

// One process as its node samples it, with the migration fields from day one.
struct ProcessInfo {
    std::int32_t pid = 0;
    std::int32_t ppid = 0;
    std::uint32_t uid = 0;
    QString user;
    QString command;            // comm
    QString cmdline;            // argv joined by spaces
    QString tty;                // controlling terminal ("pts/0", "tty1"), "" when none
    char state = '?';           // R, S, D, Z, T, ...
    double cpuPercent = 0;      // of one CPU over the last interval
    std::int64_t cpuTimeMs = 0; // user + system CPU time so far
    std::uint64_t rss = 0;      // bytes
    std::int32_t nice = 0;
    std::int64_t startTime = 0; // ms since epoch
    // Migration: where it runs now (0 = on the node reporting it), its home
    // node (the reporting node's ID unless it is a guest), lock, migrations so
    // far, and why it cannot move ("" when it can).
    NodeId where = 0;
    NodeId home = 0;
    bool locked = false;
    std::uint32_t nmigs = 0;
    QString cantmove;
    bool guest = false;
    bool operator==(const ProcessInfo &) const = default;
};

// One step of a process's move between nodes (docs/migration.md), as the node that moves it
// reports it: the `migrations` subscription's items and the collector's history rows.
struct MigrationEvent {
    QString id;            // the move, unique in the cluster
    std::int32_t pid = 0;  // on the source
    NodeId home = 0;       // its home node
    NodeId from = 0;       // the source
    NodeId to = 0;         // the target
    QString phase;         // "started", "dumped", "transferred", "restored", "done", "failed"
    QString reason;        // why it was asked for: "user", "balance", "memory", "expel", "bring"
    QString failure;       // "failed" only: the MigrationError reason ("pid-taken", ...)
    QString message;       // "failed" only: for the operator
    QString command;       // comm of the process
    std::int64_t bytes = 0;    // image bytes sent so far
    std::int64_t freezeMs = 0; // how long the process has been stopped (done: in all)
    std::int64_t totalMs = 0;  // since the move started
    std::int64_t at = 0;       // ms since the epoch
    bool operator==(const MigrationEvent &) const = default;
};

} // namespace omview
