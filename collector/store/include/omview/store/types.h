// Value types of the collector's history store: what is written each tick and
// what the queries return.
//
// Conventions, everywhere in omstore: times are integer seconds since the Unix
// epoch (the collector's clock) unless a name ends in Ms; ranges [from, to] are
// closed (both ends included); memory is in bytes; load is in openMosix units
// (100 = one standard CPU busy); a node is a NodeId 1..65535 and "no node"
// (std::nullopt) means the whole cluster.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <array>
#include <cstdint>
#include <optional>

namespace omview::store {

using NodeId = std::uint32_t;

// The per-node series the store keeps in every tier.
enum class Metric { Load, Util, MemUsed, MemFree, MemTotal, Speed, Cpus };
inline constexpr int MetricCount = 7;
inline constexpr std::array<Metric, MetricCount> AllMetrics = {
    Metric::Load,     Metric::Util,  Metric::MemUsed, Metric::MemFree,
    Metric::MemTotal, Metric::Speed, Metric::Cpus};

// "load", "util", "memUsed", ... (the NodeStatus field names of docs/protocol.md).
QString metricName(Metric metric);
std::optional<Metric> metricFromName(QStringView name);
// How the cluster's value of a metric is made from its nodes' values at one
// second: the mean for Load and Util, the sum for memory, Speed and Cpus.
bool clusterAverages(Metric metric);

// The resolutions the store keeps: every second, then per minute and per hour
// (min, max, sum and count of the seconds each row covers).
enum class Tier { Raw, Minute, Hour };
inline constexpr std::array<Tier, 3> AllTiers = {Tier::Raw, Tier::Minute, Tier::Hour};
// Seconds one row of the tier covers: 1, 60, 3600.
std::int64_t tierStep(Tier tier);
QString tierName(Tier tier);

// One node's sample at one second, as the collector writes it.
struct NodeSample {
    NodeId node = 0;
    QString hostname;
    QString address;
    std::int32_t status = 0; // NodeStatusBit mask (docs/protocol.md)
    std::uint32_t load = 0;
    std::uint32_t util = 0; // percent
    std::uint64_t memUsed = 0;
    std::uint64_t memFree = 0;
    std::uint64_t memTotal = 0;
    std::uint32_t speed = 0;
    std::uint32_t cpus = 0;

    std::uint64_t value(Metric metric) const;
    bool operator==(const NodeSample &) const = default;
};

// One process in a snapshot: what the agent's ProcessInfo says about it.
struct ProcessSample {
    std::int32_t pid = 0;
    std::int32_t ppid = 0;
    std::uint32_t uid = 0;
    QString user;
    QString command;
    QString cmdline;
    QString tty;
    char state = '?';
    double cpuPercent = 0;      // of one CPU over the agent's last interval
    std::int64_t cpuTimeMs = 0; // user + system so far
    std::uint64_t rss = 0;
    std::int32_t nice = 0;
    std::int64_t startTimeMs = 0;
    NodeId where = 0; // node it runs on, 0 = the reporting node
    NodeId home = 0;
    bool locked = false;
    std::uint32_t nmigs = 0;
    QString cantmove;
    bool guest = false;
    bool operator==(const ProcessSample &) const = default;
};

// The processes one node reported at a snapshot.
struct NodeProcesses {
    NodeId node = 0;
    QList<ProcessSample> processes;
    bool operator==(const NodeProcesses &) const = default;
};

// One finished move of a process between nodes (docs/migration.md), as its source node
// reported it at the end: done, or failed and resumed where it ran.
struct MigrationRecord {
    enum class Outcome { Done, Failed };
    // The second the collector recorded it (the tick it came with); ignored when writing.
    std::int64_t t = 0;
    std::int64_t atMs = 0; // when the source finished it, by the source's clock
    QString id;            // the move's ID, unique in the cluster
    std::int32_t pid = 0;  // on the source
    QString command;
    NodeId home = 0;
    NodeId from = 0; // the source
    NodeId to = 0;   // the target
    Outcome outcome = Outcome::Done;
    QString failure; // Failed: the reason ("pid-taken", ...); "" when done
    QString message; // Failed: for the operator
    std::int64_t bytes = 0;
    std::int64_t freezeMs = 0; // how long the process was stopped
    std::int64_t totalMs = 0;
    QString reason; // why it was asked for: "user", "balance", "memory", "expel", "bring"
    bool operator==(const MigrationRecord &) const = default;
};

// "done", "failed".
QString outcomeName(MigrationRecord::Outcome outcome);
std::optional<MigrationRecord::Outcome> outcomeFromName(QStringView name);

// Everything written for one second, in one transaction. Nodes without a
// fresh sample are simply absent (a gap, never a repeated value); processes is
// empty except at the seconds a process snapshot is due; migrations are the
// moves that finished since the previous tick.
struct Tick {
    std::int64_t t = 0;
    QList<NodeSample> nodes;
    QList<NodeProcesses> processes;
    QList<MigrationRecord> migrations;
};

// ---- Query results ----

struct TimeRange {
    std::int64_t first = 0;
    std::int64_t last = 0;
    bool operator==(const TimeRange &) const = default;
};

// A node the store has seen. lastSeen trails by up to a minute: it is
// updated when the minute's rows are rolled up.
struct NodeInfo {
    NodeId node = 0;
    QString hostname;
    QString address;
    std::int64_t firstSeen = 0;
    std::int64_t lastSeen = 0;
    bool operator==(const NodeInfo &) const = default;
};

// A raw row: a node's sample at second t.
struct SampleRow {
    std::int64_t t = 0;
    NodeSample sample;
    bool operator==(const SampleRow &) const = default;
};

// A line to draw: series(node or cluster, metric, from, to, maxPoints).
struct SeriesQuery {
    std::optional<NodeId> node; // nullopt: the cluster value (see clusterAverages)
    Metric metric = Metric::Load;
    std::int64_t from = 0;
    std::int64_t to = 0;
    // At most this many points come back. When the range holds more rows the
    // line is reduced with M4 over maxPoints / 4 columns: for a chart W pixels
    // wide pass 4 * W and every pixel column gets its exact first, last, min
    // and max.
    int maxPoints = 4000;
    // Forces a tier; by default the coarsest tier finer than one column is used.
    std::optional<Tier> tier;
};

struct SeriesPoint {
    std::int64_t t = 0; // for minute and hour rows: the start of the minute/hour
    double value = 0;
    // No data between the previous point and this one for longer than the
    // series' gapThreshold: draw a break, not a line.
    bool gapBefore = false;
    bool operator==(const SeriesPoint &) const = default;
};

struct Series {
    Tier tier = Tier::Raw; // the tier the range was planned at (older or newer
                           // parts may come from coarser or finer tiers)
    bool reduced = false;  // M4 was applied
    std::int64_t gapThreshold = 0;
    QList<SeriesPoint> points; // in time order
};

struct MetricStats {
    double min = 0;
    double max = 0;
    double avg = 0;
    bool operator==(const MetricStats &) const = default;
};

// stats(node, from, to): every metric's min, max and mean over the range;
// samples is the number of seconds with data.
struct Stats {
    std::int64_t samples = 0;
    std::array<MetricStats, MetricCount> metrics{};
    const MetricStats &operator[](Metric m) const { return metrics[static_cast<int>(m)]; }
    MetricStats &operator[](Metric m) { return metrics[static_cast<int>(m)]; }
};

struct Checkpoint {
    std::int64_t id = 0;
    std::int64_t t = 0;
    QString label;
    bool operator==(const Checkpoint &) const = default;
};

// A process as a snapshot recorded it. procId identifies the process instance
// (node, pid, start time) across snapshots.
struct StoredProcess {
    std::int64_t procId = 0;
    NodeId node = 0;
    ProcessSample sample;
    bool operator==(const StoredProcess &) const = default;
};

// processSnapshot(node|all, t): the snapshot at or before t and its neighbours.
struct ProcessSnapshot {
    std::optional<std::int64_t> t;        // nullopt: no snapshot at or before the time asked
    std::optional<std::int64_t> previous; // the snapshot before t
    std::optional<std::int64_t> next;     // the first snapshot after t (or after the time asked)
    QList<StoredProcess> processes;       // sorted by node, then pid
};

// topCpu: one process and what it used over the interval.
struct ProcessUsage {
    std::int64_t procId = 0;
    NodeId node = 0;
    std::int32_t pid = 0;
    QString user;
    QString command;
    QString cmdline;
    bool guest = false;
    std::int64_t cpuMs = 0;       // CPU time used within the interval
    double peakCpuPercent = 0;    // highest sampled cpuPercent
    std::uint64_t peakRss = 0;    // highest sampled rss
    std::uint32_t migrations = 0; // migrations within the interval
    NodeId lastWhere = 0;         // where it ran at its last sample
    std::int64_t firstSeen = 0;   // first and last snapshot within the interval
    std::int64_t lastSeen = 0;
    bool operator==(const ProcessUsage &) const = default;
};

// processHistory: one process at one snapshot.
struct ProcessHistoryPoint {
    std::int64_t t = 0;
    ProcessSample sample;
    bool operator==(const ProcessHistoryPoint &) const = default;
};

} // namespace omview::store
