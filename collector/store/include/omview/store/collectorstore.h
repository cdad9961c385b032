// The read side of the history store: the queries the analyzer (charts) and
// the history browser (processes) run against a collector database or an
// exported copy of one.
//
// Usage:
//
//   auto store = omview::store::CollectorStore::open(path);
//   if (!store) { show(store.error().message); return; }
//   auto range = (*store)->range();                      // what the file holds
//   omview::store::SeriesQuery q;
//   q.node = 3; q.metric = Metric::Load;
//   q.from = range->first; q.to = range->last; q.maxPoints = 4 * chartWidthPx;
//   auto line = (*store)->series(q);                     // M4-reduced, gaps marked
//
// Every query is one read transaction on a private connection, so it sees one
// consistent state while the collector keeps writing (WAL). An object is used
// from one thread at a time; open one per thread to query in parallel. The
// queries are fast enough to run on a GUI thread for ranges of a chart
// (milliseconds); exports belong on a worker thread (exporter.h).
#pragma once

#include <QString>
#include <memory>
#include <omview/store/storeerror.h>
#include <omview/store/types.h>
#include <optional>

namespace omview::store {

// Two neighbouring rows further apart than this are a gap (the node or the
// collector was down): 5 s in the raw tier, two rows' worth in the others.
std::int64_t gapThreshold(Tier tier);

class CollectorStore {
public:
    enum class Access {
        ReadOnly,  // never writes; refuses files that need upgrading (SchemaTooOld)
        ReadWrite, // upgrades an older file first
    };

    static StoreResult<std::unique_ptr<CollectorStore>> open(const QString &path,
                                                             Access access = Access::ReadOnly);
    ~CollectorStore();
    CollectorStore(const CollectorStore &) = delete;
    CollectorStore &operator=(const CollectorStore &) = delete;

    const QString &path() const;

    // First and last second of any data (node samples in any tier, process
    // snapshots); nullopt for an empty store. The first is the first sample's
    // second, not the start of the minute or hour row that holds it -- unless
    // the samples before that row were pruned, when nothing finer is known.
    StoreResult<std::optional<TimeRange>> range();

    // Every node the store has seen, by ID.
    StoreResult<QList<NodeInfo>> nodes();

    // A metric of one node or of the cluster over [from, to], at most
    // maxPoints points (see SeriesQuery). The tier is the coarsest whose rows
    // are finer than one column; parts of the range that tier does not hold
    // (older than its retention, newer than its last rollup) come from the
    // next tier that does. Minute and hour rows give their mean as first/last
    // and their min/max as the column's extremes, so the envelope is exact in
    // every tier. Invalid ranges or maxPoints < 4: InvalidArgument.
    StoreResult<Series> series(const SeriesQuery &query);
    // Several lines at once (a chart's load and memory, many charts), in one
    // read transaction: they show the same state of the file. Each is planned
    // and reduced as above, to the same columns with the same first, last, min
    // and max (of tied extremes, the earliest), but the rows are reduced in
    // one pass in time order rather than grouped in SQL -- about a tenth of
    // the work for ranges of many rows -- and neighbouring queries that differ
    // only in the metric read their rows once. Any invalid query:
    // InvalidArgument, and nothing is returned.
    StoreResult<QList<Series>> series(const QList<SeriesQuery> &queries);

    // min/max/mean of every metric of a node (or the cluster) over [from, to]:
    // whole hours from the hour tier, whole minutes from the minute tier, the
    // rest from raw rows. nullopt when there is no data in the range.
    StoreResult<std::optional<Stats>> stats(std::optional<NodeId> node, std::int64_t from,
                                            std::int64_t to);

    // The raw per-second rows of a node in [from, to] (14 days by default).
    StoreResult<QList<SampleRow>> samples(NodeId node, std::int64_t from, std::int64_t to);

    StoreResult<QList<Checkpoint>> checkpoints(std::int64_t from, std::int64_t to);

    // The moves between nodes that finished within [from, to] (by the second
    // they were recorded), done or failed, in time order; with a node, only
    // those from or to it.
    StoreResult<QList<MigrationRecord>> migrations(std::int64_t from, std::int64_t to,
                                                   std::optional<NodeId> node = std::nullopt);

    // The process snapshot at or before t: of one node, or (nullopt) of every
    // node that reported at that tick. previous/next are the neighbouring
    // snapshot times, for stepping through history.
    StoreResult<ProcessSnapshot> processSnapshot(std::optional<NodeId> node, std::int64_t t);

    // The processes that used the most CPU time within [from, to], of one node
    // or of all. Counts from the last snapshot at or before `from`, so a
    // process that ran throughout gets the whole interval. Guests (a migrated
    // process as its host node reports it; its home node reports it too) are
    // left out unless asked for. limit 1..10000.
    StoreResult<QList<ProcessUsage>> topCpu(std::optional<NodeId> node, std::int64_t from,
                                            std::int64_t to, int limit, bool includeGuests = false);

    // One process instance (procId from a snapshot or topCpu) at each snapshot
    // in [from, to].
    StoreResult<QList<ProcessHistoryPoint>> processHistory(std::int64_t procId, std::int64_t from,
                                                           std::int64_t to);

private:
    class Impl;
    explicit CollectorStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace omview::store
