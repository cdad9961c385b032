#include <cstdlib>
#include <omview/peers/replaywindow.h>

namespace omview::peers {

ReplayWindow::ReplayWindow(std::int64_t skewMs, int capacity)
    : m_skewMs(skewMs)
    , m_capacity(capacity) {}

void ReplayWindow::expire(std::int64_t nowMs) {
    // Every packet accepted from a sender silent since before now - 2 × skew
    // carried a timestamp older than now - skew, so a replay of it is Stale:
    // its entry is no longer needed.
    const std::int64_t cutoff = nowMs - 2 * m_skewMs;
    m_entries.removeIf([cutoff](const auto &it) { return it.value().lastMs < cutoff; });
}

ReplayWindow::Verdict ReplayWindow::check(const QByteArray &sender, std::uint64_t sequence,
                                          std::int64_t timestampMs, std::int64_t nowMs) {
    if (std::llabs(nowMs - timestampMs) > m_skewMs)
        return Verdict::Stale;
    auto it = m_entries.find(sender);
    if (it == m_entries.end()) {
        if (m_entries.size() >= m_capacity)
            expire(nowMs);
        if (m_entries.size() >= m_capacity)
            return Verdict::Full;
        m_entries.insert(sender, Entry{sequence, 1, nowMs});
        return Verdict::Fresh;
    }
    Entry &e = it.value();
    if (sequence > e.highest) {
        const std::uint64_t shift = sequence - e.highest;
        e.seen = shift >= Width ? 1 : (e.seen << shift) | 1;
        e.highest = sequence;
        e.lastMs = nowMs;
        return Verdict::Fresh;
    }
    const std::uint64_t behind = e.highest - sequence;
    if (behind >= Width)
        return Verdict::Replayed; // too old to tell: refused like a replay
    const std::uint64_t bit = std::uint64_t(1) << behind;
    if (e.seen & bit)
        return Verdict::Replayed;
    e.seen |= bit;
    e.lastMs = nowMs;
    return Verdict::Fresh;
}

} // namespace omview::peers
