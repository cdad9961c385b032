#include "maintenance.h"

#include "schemaimpl.h"

#include <algorithm>
#include <string>

namespace omview::store {

namespace {

constexpr std::int64_t Minute = 60;
constexpr std::int64_t Hour = 3600;
// A tier is swept when its cutoff has moved this far since the last sweep:
// deleting an hour of minute rows per node at once touches one or two pages
// per node, deleting one row per node each minute would touch them all.
constexpr std::int64_t SweepEvery[2] = {Hour, 86400};
// Nodes a sweep step visits at most, even when they have nothing to delete.
constexpr std::int64_t SweepNodesPerStep = 1000;

std::int64_t floorTo(std::int64_t t, std::int64_t step) {
    return t >= 0 ? t / step * step : -((-t + step - 1) / step) * step;
}

template<class T> StoreResult<bool> fail(const StoreResult<T> &r) {
    return std::unexpected(r.error());
}

// "min(r.load), max(r.load), sum(r.load), min(r.util), ..." in table column order.
std::string rawAggregates(const char *alias) {
    std::string s;
    for (Metric m : AllMetrics) {
        const std::string c = std::string(alias) + "." + schema::column(m);
        s += ", min(" + c + "), max(" + c + "), sum(" + c + ")";
    }
    return s;
}

// The same over a tier's columns: min of the mins, max of the maxes, sum of the sums.
std::string tierAggregates(const char *alias, const char *sum) {
    std::string s;
    for (Metric m : AllMetrics) {
        const std::string c = std::string(alias) + "." + schema::column(m);
        s += ", min(" + c + "_min), max(" + c + "_max), " + sum + "(" + c + "_sum)";
    }
    return s;
}

std::string placeholders(int first, int count) {
    std::string s;
    for (int i = 0; i < count; ++i)
        s += (i ? ", ?" : "?") + std::to_string(first + i);
    return s;
}

// The rows of node_raw for the minute starting at ?1 and nodes ?2..?3: one
// primary-key seek per second, each reading just the batch's nodes.
const std::string MinuteRows =
    "WITH RECURSIVE ts(t) AS (SELECT ?1 UNION ALL SELECT t + 1 FROM ts WHERE t < ?1 + 59) "
    "SELECT r.node, count(*), max(r.t)" +
    rawAggregates("r") +
    " FROM ts CROSS JOIN node_raw r ON r.t = ts.t AND r.node BETWEEN ?2 AND ?3 "
    "GROUP BY r.node";

const char *MetaKeys[2][4] = {
    {"prune.minute", "prune.minute.cutoff", "prune.minute.node", "node_minute"},
    {"prune.hour", "prune.hour.cutoff", "prune.hour.node", "node_hour"},
};

} // namespace

StoreResult<MetaTable> MetaTable::prepare(sql::Database &db) {
    MetaTable meta;
    auto get = db.prepare("SELECT value FROM meta WHERE key = ?1", true);
    auto set = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", true);
    auto remove = db.prepare("DELETE FROM meta WHERE key = ?1", true);
    if (!get)
        return std::unexpected(get.error());
    if (!set)
        return std::unexpected(set.error());
    if (!remove)
        return std::unexpected(remove.error());
    meta.m_get = std::move(*get);
    meta.m_set = std::move(*set);
    meta.m_remove = std::move(*remove);
    return meta;
}

StoreResult<std::optional<std::int64_t>> MetaTable::get(const char *key) {
    m_get.bind(1, QByteArray(key));
    auto row = m_get.step();
    if (!row)
        return std::unexpected(row.error());
    std::optional<std::int64_t> value;
    if (*row && !m_get.isNull(0))
        value = m_get.int64(0);
    m_get.reset();
    return value;
}

StoreResult<void> MetaTable::set(const char *key, std::int64_t value) {
    m_set.bind(1, QByteArray(key)).bind(2, value);
    return m_set.run();
}

StoreResult<void> MetaTable::remove(const char *key) {
    m_remove.bind(1, QByteArray(key));
    return m_remove.run();
}

StoreResult<Maintenance> Maintenance::prepare(sql::Database &db, const WriterOptions &options) {
    Maintenance m;
    m.m_db = &db;
    m.m_options = options;
    auto meta = MetaTable::prepare(db);
    if (!meta)
        return std::unexpected(meta.error());
    m.m_meta = std::move(*meta);

    const std::string clusterMinute =
        "INSERT OR REPLACE INTO cluster_minute SELECT ?1, count(*)" +
        [] {
            std::string s;
            for (Metric metric : AllMetrics) {
                const std::string c = schema::column(metric);
                s += ", min(" + c + "), max(" + c + "), total(" + c + ")";
            }
            return s;
        }() +
        " FROM cluster_raw WHERE t >= ?1 AND t < ?1 + 60 HAVING count(*) > 0";
    const std::string hourRollup =
        "INSERT OR REPLACE INTO node_hour SELECT n.node, ?1, sum(m.n)" +
        tierAggregates("m", "sum") +
        " FROM nodes n CROSS JOIN node_minute m ON m.node = n.node AND m.t >= ?1 AND "
        "m.t < ?1 + 3600 WHERE n.node BETWEEN ?2 AND ?3 GROUP BY n.node";
    const std::string clusterHour =
        "INSERT OR REPLACE INTO cluster_hour SELECT ?1, sum(m.n)" + tierAggregates("m", "total") +
        " FROM cluster_minute m WHERE m.t >= ?1 AND m.t < ?1 + 3600 HAVING count(*) > 0";
    const std::string insertMinute =
        "INSERT OR REPLACE INTO node_minute VALUES (" + placeholders(1, 3 + 3 * MetricCount) + ")";

    struct Spec {
        sql::Statement *target;
        std::string text;
    };
    const Spec specs[] = {
        {&m.m_firstRaw, "SELECT min(t) FROM node_raw"},
        {&m.m_nextRaw, "SELECT min(t) FROM node_raw WHERE t >= ?1"},
        {&m.m_minuteAggregate, MinuteRows},
        {&m.m_insertMinute, insertMinute},
        {&m.m_touchNode, "UPDATE nodes SET last_t = max(last_t, ?2) WHERE node = ?1"},
        {&m.m_clusterMinute, clusterMinute},
        {&m.m_insertClusterMinute, "INSERT OR REPLACE INTO cluster_minute VALUES (" +
                                       placeholders(1, 2 + 3 * MetricCount) + ")"},
        {&m.m_firstClusterMinute, "SELECT min(t) FROM cluster_minute"},
        {&m.m_nextClusterMinute, "SELECT min(t) FROM cluster_minute WHERE t >= ?1"},
        {&m.m_hourRollup, hourRollup},
        {&m.m_clusterHour, clusterHour},
        {&m.m_batchEnd, "SELECT node FROM nodes WHERE node >= ?1 ORDER BY node LIMIT 1 OFFSET ?2"},
        {&m.m_deleteRaw, "DELETE FROM node_raw WHERE t < ?1"},
        {&m.m_deleteClusterRaw, "DELETE FROM cluster_raw WHERE t < ?1"},
        {&m.m_oldSnapshots,
         "SELECT id, processes FROM proc_snapshots WHERE t < ?1 ORDER BY t, id LIMIT 10000"},
        {&m.m_deleteSamples, "DELETE FROM proc_samples WHERE snapshot <= ?1"},
        {&m.m_deleteSnapshots, "DELETE FROM proc_snapshots WHERE id <= ?1"},
        {&m.m_procBoundary, "SELECT id FROM procs WHERE first_t >= ?1 ORDER BY id LIMIT 1"},
        {&m.m_deleteOrphans,
         "DELETE FROM procs WHERE id IN (SELECT p.id FROM procs p WHERE p.id < ?1 AND "
         "NOT EXISTS (SELECT 1 FROM proc_samples s WHERE s.proc = p.id) LIMIT ?2)"},
        {&m.m_nodesFrom, "SELECT node FROM nodes WHERE node >= ?1 ORDER BY node LIMIT ?2"},
        {&m.m_deleteCheckpoints, "DELETE FROM checkpoints WHERE t < ?1"},
        {&m.m_deleteMigrations,
         "DELETE FROM migrations WHERE rowid IN (SELECT rowid FROM migrations WHERE t < ?1 "
         "LIMIT ?2)"},
    };
    for (const Spec &spec : specs) {
        auto stmt = db.prepare(spec.text, true);
        if (!stmt)
            return std::unexpected(stmt.error());
        *spec.target = std::move(*stmt);
    }
    for (int tier = 0; tier < 2; ++tier) {
        const std::string node = MetaKeys[tier][3];
        const std::string cluster = tier == 0 ? "cluster_minute" : "cluster_hour";
        const Spec tierSpecs[] = {
            {&m.m_tierNodeBoundary[tier], "SELECT t FROM " + node +
                                              " WHERE node = ?1 AND t < ?2 ORDER BY t "
                                              "LIMIT 1 OFFSET ?3"},
            {&m.m_tierDeleteNode[tier], "DELETE FROM " + node + " WHERE node = ?1 AND t < ?2"},
            {&m.m_tierDeleteCluster[tier], "DELETE FROM " + cluster + " WHERE t < ?1"},
            {&m.m_tierFirstCluster[tier], "SELECT min(t) FROM " + cluster},
            {&m.m_tierClusterBoundary[tier],
             "SELECT t FROM " + cluster + " WHERE t < ?1 ORDER BY t LIMIT 1 OFFSET ?2"},
        };
        for (const Spec &spec : tierSpecs) {
            auto stmt = db.prepare(spec.text, true);
            if (!stmt)
                return std::unexpected(stmt.error());
            *spec.target = std::move(*stmt);
        }
    }
    return m;
}

namespace {

// Runs a statement that yields one integer (or none / NULL).
StoreResult<std::optional<std::int64_t>> single(sql::Statement &stmt) {
    auto row = stmt.step();
    if (!row)
        return std::unexpected(row.error());
    std::optional<std::int64_t> value;
    if (*row && !stmt.isNull(0))
        value = stmt.int64(0);
    stmt.reset();
    return value;
}

} // namespace

StoreResult<bool> Maintenance::step(const Context &context) {
    using StepFn = StoreResult<bool> (Maintenance::*)(const Context &);
    static constexpr StepFn steps[] = {&Maintenance::rollupMinute, &Maintenance::rollupHour,
                                       &Maintenance::pruneRaw, &Maintenance::pruneProcesses,
                                       &Maintenance::pruneMigrations};
    for (StepFn fn : steps) {
        auto did = (this->*fn)(context);
        if (!did || *did)
            return did;
    }
    for (bool hourTier : {false, true}) {
        auto did = sweepTier(context, hourTier);
        if (!did || *did)
            return did;
    }
    return false;
}

StoreResult<void> Maintenance::rewind(std::int64_t t) {
    struct Marker {
        const char *key;
        const char *nodeKey;
        std::int64_t step;
    };
    for (const Marker &marker : {Marker{"rollup.minute", "rollup.minute.node", Minute},
                                 Marker{"rollup.hour", "rollup.hour.node", Hour}}) {
        auto value = m_meta.get(marker.key);
        if (!value)
            return std::unexpected(value.error());
        if (!*value || **value <= t)
            continue;
        if (auto done = m_meta.set(marker.key, floorTo(t, marker.step)); !done)
            return done;
        if (auto done = m_meta.remove(marker.nodeKey); !done)
            return done;
    }
    return {};
}

StoreResult<std::optional<std::int64_t>> Maintenance::batchEnd(std::int64_t first,
                                                               std::int64_t nodes) {
    m_batchEnd.bind(1, first).bind(2, std::max<std::int64_t>(0, nodes - 1));
    return single(m_batchEnd);
}

StoreResult<bool> Maintenance::rollupMinute(const Context &context) {
    auto marker = m_meta.get("rollup.minute");
    if (!marker)
        return fail(marker);
    std::int64_t start = 0;
    if (*marker) {
        start = **marker;
    } else {
        auto first = single(m_firstRaw);
        if (!first)
            return fail(first);
        if (!*first)
            return false;
        start = floorTo(**first, Minute);
    }
    const bool complete =
        context.lastTick >= start + Minute || (context.idle && context.lastTick >= start);
    if (!complete)
        return false;

    auto tx = sql::Transaction::begin(*m_db, sql::Transaction::Kind::Immediate);
    if (!tx)
        return fail(tx);
    m_nextRaw.bind(1, start);
    auto next = single(m_nextRaw);
    if (!next)
        return fail(next);
    // Skip minutes without rows (the collector was down) in one step.
    if (!*next || **next >= start + Minute) {
        const std::int64_t to = *next ? floorTo(**next, Minute) : floorTo(context.lastTick, Minute);
        if (to <= start && *marker)
            return false;
        if (auto done = m_meta.set("rollup.minute", std::max(to, start)); !done)
            return fail(done);
        if (auto done = tx->commit(); !done)
            return fail(done);
        return true;
    }

    auto from = m_meta.get("rollup.minute.node");
    if (!from)
        return fail(from);
    const std::int64_t firstNode = from->value_or(0);
    const MinuteAggregates *memory = m_minutes ? m_minutes->find(start) : nullptr;
    // From memory a node costs two writes; from raw rows, reading its 60 rows too.
    auto end = batchEnd(firstNode, std::max(1, m_options.batchRows / (memory ? 2 : 60)));
    if (!end)
        return fail(end);
    const std::int64_t lastNode = end->value_or(INT64_MAX);
    auto rows = memory ? minuteRowsFromMemory(*memory, start, firstNode, lastNode)
                       : minuteRowsFromRaw(start, firstNode, lastNode);
    if (!rows)
        return fail(rows);

    if (*end) {
        if (auto done = m_meta.set("rollup.minute.node", **end + 1); !done)
            return fail(done);
    } else {
        if (memory && memory->cluster.count > 0) {
            const Aggregate<double> &c = memory->cluster;
            m_insertClusterMinute.bind(1, start).bind(2, c.count);
            for (int i = 0; i < MetricCount; ++i) {
                m_insertClusterMinute.bind(3 + 3 * i, c.min[i])
                    .bind(4 + 3 * i, c.max[i])
                    .bind(5 + 3 * i, c.sum[i]);
            }
            if (auto done = m_insertClusterMinute.run(); !done)
                return fail(done);
        } else {
            m_clusterMinute.bind(1, start);
            if (auto done = m_clusterMinute.run(); !done)
                return fail(done);
        }
        if (auto done = m_meta.set("rollup.minute", start + Minute); !done)
            return fail(done);
        if (auto done = m_meta.remove("rollup.minute.node"); !done)
            return fail(done);
    }
    if (auto done = tx->commit(); !done)
        return fail(done);
    return true;
}

StoreResult<void> Maintenance::minuteRowsFromRaw(std::int64_t start, std::int64_t first,
                                                 std::int64_t last) {
    m_minuteAggregate.bind(1, start).bind(2, first).bind(3, last);
    for (;;) {
        auto row = m_minuteAggregate.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        // Columns: node, count, max t, then min/max/sum per metric.
        m_insertMinute.bind(1, m_minuteAggregate.int64(0))
            .bind(2, start)
            .bind(3, m_minuteAggregate.int64(1));
        for (int i = 0; i < 3 * MetricCount; ++i)
            m_insertMinute.bind(4 + i, m_minuteAggregate.int64(3 + i));
        if (auto done = m_insertMinute.run(); !done)
            return done;
        m_touchNode.bind(1, m_minuteAggregate.int64(0)).bind(2, m_minuteAggregate.int64(2));
        if (auto done = m_touchNode.run(); !done)
            return done;
    }
    m_minuteAggregate.reset();
    return {};
}

StoreResult<void> Maintenance::minuteRowsFromMemory(const MinuteAggregates &minute,
                                                    std::int64_t start, std::int64_t first,
                                                    std::int64_t last) {
    const auto lowest = static_cast<NodeId>(std::clamp<std::int64_t>(first, 0, UINT32_MAX));
    for (auto it = minute.from(lowest); it != minute.nodes.end() && it->node <= last; ++it) {
        const Aggregate<std::int64_t> &a = it->values;
        m_insertMinute.bind(1, it->node).bind(2, start).bind(3, a.count);
        for (int i = 0; i < MetricCount; ++i)
            m_insertMinute.bind(4 + 3 * i, a.min[i])
                .bind(5 + 3 * i, a.max[i])
                .bind(6 + 3 * i, a.sum[i]);
        if (auto done = m_insertMinute.run(); !done)
            return done;
        m_touchNode.bind(1, it->node).bind(2, it->lastSeen);
        if (auto done = m_touchNode.run(); !done)
            return done;
    }
    return {};
}

StoreResult<bool> Maintenance::rollupHour(const Context &context) {
    auto minuteMarker = m_meta.get("rollup.minute");
    if (!minuteMarker)
        return fail(minuteMarker);
    if (!*minuteMarker)
        return false;
    auto marker = m_meta.get("rollup.hour");
    if (!marker)
        return fail(marker);
    std::int64_t start = 0;
    if (*marker) {
        start = **marker;
    } else {
        auto first = single(m_firstClusterMinute);
        if (!first)
            return fail(first);
        if (!*first)
            return false;
        start = floorTo(**first, Hour);
    }
    const std::int64_t rolled = **minuteMarker; // every minute before it is complete
    const bool complete = rolled >= start + Hour ||
                          (context.idle && rolled > context.lastTick && start <= context.lastTick);
    if (!complete)
        return false;

    auto tx = sql::Transaction::begin(*m_db, sql::Transaction::Kind::Immediate);
    if (!tx)
        return fail(tx);
    m_nextClusterMinute.bind(1, start);
    auto next = single(m_nextClusterMinute);
    if (!next)
        return fail(next);
    if (!*next || **next >= start + Hour) {
        const std::int64_t to = *next ? floorTo(**next, Hour) : floorTo(rolled, Hour);
        if (to <= start && *marker)
            return false;
        if (auto done = m_meta.set("rollup.hour", std::max(to, start)); !done)
            return fail(done);
        if (auto done = tx->commit(); !done)
            return fail(done);
        return true;
    }

    auto from = m_meta.get("rollup.hour.node");
    if (!from)
        return fail(from);
    const std::int64_t firstNode = from->value_or(0);
    auto end = batchEnd(firstNode, std::max(1, m_options.batchRows / 60));
    if (!end)
        return fail(end);
    m_hourRollup.bind(1, start).bind(2, firstNode).bind(3, end->value_or(INT64_MAX));
    if (auto done = m_hourRollup.run(); !done)
        return fail(done);
    if (*end) {
        if (auto done = m_meta.set("rollup.hour.node", **end + 1); !done)
            return fail(done);
    } else {
        m_clusterHour.bind(1, start);
        if (auto done = m_clusterHour.run(); !done)
            return fail(done);
        if (auto done = m_meta.set("rollup.hour", start + Hour); !done)
            return fail(done);
        if (auto done = m_meta.remove("rollup.hour.node"); !done)
            return fail(done);
    }
    if (auto done = tx->commit(); !done)
        return fail(done);
    return true;
}

StoreResult<bool> Maintenance::pruneRaw(const Context &context) {
    auto rolled = m_meta.get("rollup.minute");
    if (!rolled)
        return fail(rolled);
    if (!*rolled)
        return false;
    // Seconds not yet rolled up are never pruned, whatever the retention.
    const std::int64_t cutoff =
        std::min(context.lastTick - m_options.retention.raw.count(), **rolled);
    auto first = single(m_firstRaw);
    if (!first)
        return fail(first);
    if (!*first || **first >= cutoff)
        return false;
    const std::int64_t seconds =
        std::max<std::int64_t>(1, m_options.batchRows / std::max<qsizetype>(1, context.nodeCount));
    const std::int64_t limit = std::min(cutoff, **first + seconds);

    auto tx = sql::Transaction::begin(*m_db, sql::Transaction::Kind::Immediate);
    if (!tx)
        return fail(tx);
    m_deleteRaw.bind(1, limit);
    if (auto done = m_deleteRaw.run(); !done)
        return fail(done);
    m_deleteClusterRaw.bind(1, limit);
    if (auto done = m_deleteClusterRaw.run(); !done)
        return fail(done);
    if (auto done = tx->commit(); !done)
        return fail(done);
    return true;
}

StoreResult<bool> Maintenance::pruneProcesses(const Context &context) {
    const std::int64_t cutoff = context.lastTick - m_options.retention.processes.count();
    auto tx = sql::Transaction::begin(*m_db, sql::Transaction::Kind::Immediate);
    if (!tx)
        return fail(tx);

    // Whole snapshots, oldest first, until the batch's row budget is reached.
    std::optional<std::int64_t> lastSnapshot;
    std::int64_t rows = 0;
    m_oldSnapshots.bind(1, cutoff);
    for (;;) {
        auto row = m_oldSnapshots.step();
        if (!row)
            return fail(row);
        if (!*row)
            break;
        lastSnapshot = m_oldSnapshots.int64(0);
        rows += 1 + m_oldSnapshots.int64(1);
        if (rows >= m_options.batchRows)
            break;
    }
    m_oldSnapshots.reset();
    if (lastSnapshot) {
        m_deleteSamples.bind(1, *lastSnapshot);
        if (auto done = m_deleteSamples.run(); !done)
            return fail(done);
        m_deleteSnapshots.bind(1, *lastSnapshot);
        if (auto done = m_deleteSnapshots.run(); !done)
            return fail(done);
        m_orphansPending = true;
    }
    if (!m_orphansPending)
        return false;

    // Process rows no sample refers to any more. Ids grow with first_t, so
    // only ids below the first process seen after the cutoff can qualify.
    m_procBoundary.bind(1, cutoff);
    auto boundary = single(m_procBoundary);
    if (!boundary)
        return fail(boundary);
    m_deleteOrphans.bind(1, boundary->value_or(INT64_MAX)).bind(2, m_options.batchRows);
    if (auto done = m_deleteOrphans.run(); !done)
        return fail(done);
    const int orphans = sqlite3_changes(m_db->handle());
    if (auto done = tx->commit(); !done)
        return fail(done);
    m_orphansPending = lastSnapshot.has_value() || orphans >= m_options.batchRows;
    if (orphans > 0 && processesPruned)
        processesPruned();
    return lastSnapshot.has_value() || orphans > 0;
}

// Migrations go with the process history they belong to, a batch at a time.
StoreResult<bool> Maintenance::pruneMigrations(const Context &context) {
    const std::int64_t cutoff = context.lastTick - m_options.retention.processes.count();
    m_deleteMigrations.bind(1, cutoff).bind(2, m_options.batchRows);
    if (auto done = m_deleteMigrations.run(); !done)
        return fail(done);
    return sqlite3_changes(m_db->handle()) > 0;
}

StoreResult<bool> Maintenance::sweepTier(const Context &context, bool hourTier) {
    const int tier = hourTier ? 1 : 0;
    const char *doneKey = MetaKeys[tier][0];
    const char *cutoffKey = MetaKeys[tier][1];
    const char *nodeKey = MetaKeys[tier][2];

    auto inProgress = m_meta.get(cutoffKey);
    if (!inProgress)
        return fail(inProgress);
    std::int64_t cutoff = 0;
    if (*inProgress) {
        cutoff = **inProgress;
    } else {
        const auto retention = hourTier ? m_options.retention.hour : m_options.retention.minute;
        cutoff = context.lastTick - retention.count();
        if (!hourTier) {
            // Minutes not yet rolled into hours stay.
            auto hours = m_meta.get("rollup.hour");
            if (!hours)
                return fail(hours);
            if (!*hours)
                return false;
            cutoff = std::min(cutoff, **hours);
        }
        auto last = m_meta.get(doneKey);
        if (!last)
            return fail(last);
        if (*last && cutoff - **last < SweepEvery[tier])
            return false;
        auto first = single(m_tierFirstCluster[tier]);
        if (!first)
            return fail(first);
        if (!*first || **first >= cutoff)
            return false;
    }

    auto tx = sql::Transaction::begin(*m_db, sql::Transaction::Kind::Immediate);
    if (!tx)
        return fail(tx);
    if (!*inProgress) {
        if (auto done = m_meta.set(cutoffKey, cutoff); !done)
            return fail(done);
    }
    std::int64_t budget = m_options.batchRows;

    // The cluster rows: a prefix of the table.
    m_tierClusterBoundary[tier].bind(1, cutoff).bind(2, budget);
    auto clusterEnd = single(m_tierClusterBoundary[tier]);
    if (!clusterEnd)
        return fail(clusterEnd);
    m_tierDeleteCluster[tier].bind(1, clusterEnd->value_or(cutoff));
    if (auto done = m_tierDeleteCluster[tier].run(); !done)
        return fail(done);
    budget -= sqlite3_changes(m_db->handle());

    // Each node's rows: a prefix of the node's range of the table.
    auto from = m_meta.get(nodeKey);
    if (!from)
        return fail(from);
    std::int64_t next = from->value_or(0);
    bool finished = false;
    if (budget > 0) {
        m_nodesFrom.bind(1, next).bind(2, SweepNodesPerStep);
        QList<std::int64_t> nodes;
        for (;;) {
            auto row = m_nodesFrom.step();
            if (!row)
                return fail(row);
            if (!*row)
                break;
            nodes.append(m_nodesFrom.int64(0));
        }
        m_nodesFrom.reset();
        finished = nodes.size() < SweepNodesPerStep;
        for (std::int64_t node : nodes) {
            m_tierNodeBoundary[tier].bind(1, node).bind(2, cutoff).bind(3, budget);
            auto nodeEnd = single(m_tierNodeBoundary[tier]);
            if (!nodeEnd)
                return fail(nodeEnd);
            m_tierDeleteNode[tier].bind(1, node).bind(2, nodeEnd->value_or(cutoff));
            if (auto done = m_tierDeleteNode[tier].run(); !done)
                return fail(done);
            budget -= sqlite3_changes(m_db->handle());
            if (*nodeEnd || budget <= 0) {
                // This node has more old rows, or the budget is spent: resume here.
                next = *nodeEnd ? node : node + 1;
                finished = false;
                break;
            }
            next = node + 1;
        }
    }
    if (finished && !*clusterEnd) {
        if (auto done = m_meta.set(doneKey, cutoff); !done)
            return fail(done);
        if (auto done = m_meta.remove(cutoffKey); !done)
            return fail(done);
        if (auto done = m_meta.remove(nodeKey); !done)
            return fail(done);
        if (hourTier) {
            // Checkpoints go with the oldest data they could mark.
            m_deleteCheckpoints.bind(1, cutoff);
            if (auto done = m_deleteCheckpoints.run(); !done)
                return fail(done);
        }
    } else if (auto done = m_meta.set(nodeKey, next); !done) {
        return fail(done);
    }
    if (auto done = tx->commit(); !done)
        return fail(done);
    return true;
}

} // namespace omview::store
