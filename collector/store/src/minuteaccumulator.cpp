#include "minuteaccumulator.h"

#include "tierplan.h"

#include <algorithm>

namespace omview::store {

void MinuteAccumulator::add(const Tick &tick, const std::array<double, MetricCount> &cluster) {
    const std::int64_t minute = floorTo(tick.t, 60);
    if (minute < m_firstWhole || tick.nodes.isEmpty())
        return;
    MinuteAggregates &m = m_minutes[minute];
    std::vector<NodeMinute> &nodes = m.nodes;
    if (nodes.empty())
        nodes.reserve(static_cast<size_t>(tick.nodes.size()));
    // Where the next node of the tick most likely is: after the previous one.
    size_t next = 0;
    for (const NodeSample &s : tick.nodes) {
        std::array<std::int64_t, MetricCount> values;
        for (int i = 0; i < MetricCount; ++i)
            values[i] = static_cast<std::int64_t>(
                std::min<std::uint64_t>(s.value(AllMetrics[i]), std::uint64_t{INT64_MAX}));
        if (next >= nodes.size() || nodes[next].node != s.node) {
            const auto it = std::ranges::lower_bound(nodes, s.node, {}, &NodeMinute::node);
            next = static_cast<size_t>(it - nodes.begin());
            if (it == nodes.end() || it->node != s.node)
                nodes.insert(it, NodeMinute{s.node, 0, {}});
        }
        NodeMinute &slot = nodes[next++];
        slot.values.add(values);
        slot.lastSeen = tick.t;
    }
    m.cluster.add(cluster);
    // Only the last few minutes: anything older is rolled up from raw rows.
    while (m_minutes.size() > Window)
        m_minutes.erase(m_minutes.begin());
}

std::vector<NodeMinute>::const_iterator MinuteAggregates::from(NodeId node) const {
    return std::ranges::lower_bound(nodes, node, {}, &NodeMinute::node);
}

const MinuteAggregates *MinuteAccumulator::find(std::int64_t minute) const {
    if (minute < m_firstWhole)
        return nullptr;
    const auto it = m_minutes.find(minute);
    return it == m_minutes.end() ? nullptr : &it->second;
}

} // namespace omview::store
