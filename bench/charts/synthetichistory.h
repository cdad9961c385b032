// A collector database holding weeks of per-second history for many nodes,
// made in seconds rather than the hours StoreWriter would take: every node's
// per-second samples are generated (deterministically) and folded in memory
// into the rows the store's rollups would write -- node_minute and
// cluster_minute with min, max, sum and count of their seconds -- then the hour
// tiers are rolled up from the minutes with the store's own aggregation, and
// the newest seconds are kept as raw rows, as a store with that raw retention
// holds them. The rollup markers in `meta` say everything is rolled up, so
// CollectorStore plans its queries over this file as over a collector's.
#pragma once

#include <QString>
#include <cstdint>
#include <expected>
#include <omview/store/types.h>

namespace benchcharts {

struct HistoryShape {
    int nodes = 64;
    std::int64_t start = 0;      // an hour boundary
    std::int64_t seconds = 0;    // whole hours
    std::int64_t rawSeconds = 0; // the newest seconds kept as raw rows
};

// A node's sample at second t (load, util, memory...): a daily wave, noise,
// and now and then a spike of several minutes well above 75.
omview::store::NodeSample sampleAt(std::int64_t t, int node, int nodes);

// Writes the history into a new database at @p path (which must not exist).
std::expected<void, QString> writeHistory(const QString &path, const HistoryShape &shape);

} // namespace benchcharts
