#include <algorithm>
#include <limits>
#include <omview/history/timeline.h>

namespace omview::history {

Timeline::Timeline(store::TimeRange range)
    : m_range(range) {
    if (m_range->last < m_range->first)
        std::swap(m_range->first, m_range->last);
    constexpr std::int64_t steps = std::numeric_limits<int>::max() / 2;
    const std::int64_t span = m_range->last - m_range->first;
    m_secondsPerStep = std::max<std::int64_t>(1, (span + steps - 1) / steps);
}

int Timeline::sliderMaximum() const {
    if (!m_range)
        return 0;
    return static_cast<int>((m_range->last - m_range->first + m_secondsPerStep - 1) /
                            m_secondsPerStep);
}

int Timeline::position(std::int64_t t) const {
    if (!m_range)
        return 0;
    return static_cast<int>((clamp(t) - m_range->first) / m_secondsPerStep);
}

std::int64_t Timeline::time(int position) const {
    if (!m_range)
        return 0;
    return clamp(m_range->first + std::int64_t{position} * m_secondsPerStep);
}

std::int64_t Timeline::clamp(std::int64_t t) const {
    if (!m_range)
        return t;
    return std::clamp(t, m_range->first, m_range->last);
}

std::optional<store::TimeRange> Timeline::interval(std::int64_t t1, std::int64_t t2) const {
    if (!m_range)
        return std::nullopt;
    if (t2 < t1)
        std::swap(t1, t2);
    if (t2 < m_range->first || t1 > m_range->last)
        return std::nullopt;
    return store::TimeRange{clamp(t1), clamp(t2)};
}

std::optional<store::TimeRange> Timeline::defaultInterval() const {
    if (!m_range)
        return std::nullopt;
    return store::TimeRange{std::max(m_range->first, m_range->last - 3599), m_range->last};
}

} // namespace omview::history
