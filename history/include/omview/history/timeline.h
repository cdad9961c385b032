// The collected time range under the browser's slider: seconds to slider
// positions and back, and ranking intervals kept inside the range.
#pragma once

#include <cstdint>
#include <omview/store/types.h>
#include <optional>

namespace omview::history {

class Timeline {
public:
    Timeline() = default; // an empty store: no range
    explicit Timeline(store::TimeRange range);

    bool isEmpty() const { return !m_range; }
    std::optional<store::TimeRange> range() const { return m_range; }

    // The slider runs 0..sliderMaximum(); a position is one second, or several
    // when the range is longer than an int counts.
    int sliderMaximum() const;
    int position(std::int64_t t) const; // clamped into the range
    std::int64_t time(int position) const;

    std::int64_t clamp(std::int64_t t) const;
    // t1 and t2 in either order, clamped into the range; nullopt when the store
    // is empty or the interval lies wholly outside the range.
    std::optional<store::TimeRange> interval(std::int64_t t1, std::int64_t t2) const;
    // The last hour of the range, or all of it when it is shorter.
    std::optional<store::TimeRange> defaultInterval() const;

    bool operator==(const Timeline &) const = default;

private:
    std::optional<store::TimeRange> m_range;
    std::int64_t m_secondsPerStep = 1;
};

} // namespace omview::history
