// The minute rows of the last few minutes, added up in memory from the ticks
// the writer commits (private). Rolling a minute up from here costs one
// insert per node instead of reading and sorting the minute's raw rows again
// (at 10 000 nodes that read was most of the writer's CPU). A minute that
// began before this writer opened the database, or that dropped out of the
// window, is rolled up from the raw rows as before.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <omview/store/types.h>
#include <vector>

namespace omview::store {

// min/max/sum of each metric over some seconds, and their count.
template<class V> struct Aggregate {
    std::int64_t count = 0;
    std::array<V, MetricCount> min{}, max{}, sum{};
    void add(const std::array<V, MetricCount> &values) {
        for (int i = 0; i < MetricCount; ++i) {
            min[i] = count ? std::min(min[i], values[i]) : values[i];
            max[i] = count ? std::max(max[i], values[i]) : values[i];
            sum[i] += values[i];
        }
        ++count;
    }
};

// One node's minute so far.
struct NodeMinute {
    NodeId node = 0;
    std::int64_t lastSeen = 0; // newest second of the node
    Aggregate<std::int64_t> values;
};

struct MinuteAggregates {
    // By node, for batches by node range. A sorted vector: ticks list their
    // nodes in order, so a tick adds to it front to back (a tree costs a
    // cache miss or two per node, a tenth of the writer's time at 10 000).
    std::vector<NodeMinute> nodes;
    Aggregate<double> cluster;
    // The first node at or above @p node.
    std::vector<NodeMinute>::const_iterator from(NodeId node) const;
};

class MinuteAccumulator {
public:
    // Minutes starting before @p t (the first minute this writer sees whole)
    // are not kept.
    void startAt(std::int64_t firstWholeMinute) { m_firstWhole = firstWholeMinute; }

    // A committed tick; @p cluster its cluster row's values.
    void add(const Tick &tick, const std::array<double, MetricCount> &cluster);

    // The minute's aggregates when every tick of it was added, else nullptr.
    // Only committed ticks are added, so what it holds is what is written.
    const MinuteAggregates *find(std::int64_t minute) const;

private:
    static constexpr int Window = 3; // minutes kept
    std::int64_t m_firstWhole = 0;
    std::map<std::int64_t, MinuteAggregates> m_minutes;
};

} // namespace omview::store
