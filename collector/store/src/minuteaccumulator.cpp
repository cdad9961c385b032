#include "minuteaccumulator.h"

#include "tierplan.h"

namespace omview::store {

void MinuteAccumulator::add(const Tick &tick, const std::array<double, MetricCount> &cluster) {
    const std::int64_t minute = floorTo(tick.t, 60);
    if (minute < m_firstWhole || tick.nodes.isEmpty())
        return;
    MinuteAggregates &m = m_minutes[minute];
    for (const NodeSample &s : tick.nodes) {
        std::array<std::int64_t, MetricCount> values;
        for (int i = 0; i < MetricCount; ++i)
            values[i] = static_cast<std::int64_t>(
                std::min<std::uint64_t>(s.value(AllMetrics[i]), std::uint64_t{INT64_MAX}));
        m.nodes[s.node].add(values);
        m.lastSeen[s.node] = tick.t;
    }
    m.cluster.add(cluster);
    // Only the last few minutes: anything older is rolled up from raw rows.
    while (m_minutes.size() > Window)
        m_minutes.erase(m_minutes.begin());
}

const MinuteAggregates *MinuteAccumulator::find(std::int64_t minute) const {
    if (minute < m_firstWhole)
        return nullptr;
    const auto it = m_minutes.find(minute);
    return it == m_minutes.end() ? nullptr : &it->second;
}

} // namespace omview::store
