// The writer's work between ticks (private): rolling seconds up into minutes
// and minutes into hours, and pruning rows past their tier's retention. Each
// step is one short transaction touching a bounded number of rows; progress is
// kept in the meta table, so a crash resumes where it stopped and a step that
// is redone writes the same rows again.
//
// Meta keys: rollup.minute / rollup.hour = start of the first minute/hour not
// yet rolled up (every earlier one is complete); rollup.minute.node /
// rollup.hour.node = the first node of the next batch of that period;
// prune.minute / prune.hour = the cutoff of the last finished sweep of that
// tier, prune.*.node and prune.*.cutoff the sweep in progress.
#pragma once

#include "minuteaccumulator.h"
#include "sqlite.h"

#include <functional>
#include <omview/store/storewriter.h>
#include <optional>

namespace omview::store {

// Reads and writes integer values of the meta table.
class MetaTable {
public:
    static StoreResult<MetaTable> prepare(sql::Database &db);
    StoreResult<std::optional<std::int64_t>> get(const char *key);
    StoreResult<void> set(const char *key, std::int64_t value);
    StoreResult<void> remove(const char *key);

private:
    sql::Statement m_get, m_set, m_remove;
};

class Maintenance {
public:
    struct Context {
        std::int64_t lastTick = 0; // newest t in the database; retention counts back from it
        bool idle = false;         // no tick for WriterOptions::idleRollup
        qsizetype nodeCount = 0;
    };

    static StoreResult<Maintenance> prepare(sql::Database &db, const WriterOptions &options);

    // Does one piece of due work in its own transaction; false when nothing is due.
    StoreResult<bool> step(const Context &context);

    // Called in a tick's transaction: a tick older than a rollup marker (after
    // an idle rollup of a partial minute) moves the marker back so that its
    // minute and hour are rolled up again.
    StoreResult<void> rewind(std::int64_t t);

    // Called after process rows were pruned, so the tick writer forgets them.
    std::function<void()> processesPruned;

    // Where whole minutes come from without reading their raw rows again.
    void setAccumulator(const MinuteAccumulator *minutes) { m_minutes = minutes; }

private:
    Maintenance() = default;
    StoreResult<bool> rollupMinute(const Context &context);
    // Writes the minute's rows of nodes first..last from the raw rows or,
    // when it has them, from the accumulator.
    StoreResult<void> minuteRowsFromRaw(std::int64_t start, std::int64_t first, std::int64_t last);
    StoreResult<void> minuteRowsFromMemory(const MinuteAggregates &minute, std::int64_t start,
                                           std::int64_t first, std::int64_t last);
    StoreResult<bool> rollupHour(const Context &context);
    StoreResult<bool> pruneRaw(const Context &context);
    StoreResult<bool> pruneProcesses(const Context &context);
    StoreResult<bool> pruneMigrations(const Context &context);
    StoreResult<bool> sweepTier(const Context &context, bool hourTier);
    // The last node of the batch starting at @p first, or nullopt when the
    // batch reaches the last node.
    StoreResult<std::optional<std::int64_t>> batchEnd(std::int64_t first, std::int64_t nodes);

    sql::Database *m_db = nullptr;
    WriterOptions m_options;
    MetaTable m_meta;
    sql::Statement m_firstRaw, m_nextRaw, m_minuteAggregate, m_insertMinute, m_touchNode,
        m_clusterMinute, m_insertClusterMinute;
    sql::Statement m_firstClusterMinute, m_nextClusterMinute, m_hourRollup, m_clusterHour;
    sql::Statement m_batchEnd;
    sql::Statement m_deleteRaw, m_deleteClusterRaw;
    sql::Statement m_oldSnapshots, m_deleteSamples, m_deleteSnapshots, m_procBoundary,
        m_deleteOrphans;
    // Per tier (0 minute, 1 hour): first row of a node, n-th old row of a node,
    // delete a node's old rows, delete old cluster rows, first cluster row.
    sql::Statement m_tierNodeBoundary[2], m_tierDeleteNode[2], m_tierDeleteCluster[2],
        m_tierFirstCluster[2], m_tierClusterBoundary[2];
    sql::Statement m_nodesFrom, m_deleteCheckpoints, m_deleteMigrations;
    bool m_orphansPending = true; // snapshots were deleted since the last orphan pass
    const MinuteAccumulator *m_minutes = nullptr;
};

} // namespace omview::store
