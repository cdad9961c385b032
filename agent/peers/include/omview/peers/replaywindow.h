// Replay protection for authenticated datagrams: per sender, the highest
// sequence number seen and a 64-wide window below it, plus a timestamp window,
// in a cache of bounded size.
#pragma once

#include <QByteArray>
#include <QHash>
#include <cstdint>

namespace omview::peers {

// Decides whether a (sender, sequence, timestamp) was seen before.
class ReplayWindow {
public:
    enum class Verdict { Fresh, Replayed, Stale, Full };
    static constexpr std::uint64_t Width = 64;

    // Timestamps more than @skewMs from the local clock are Stale. A sender's
    // entry may be forgotten once it was silent for 2 × skewMs: everything it
    // sent before then fails the timestamp check anyway. With @capacity live
    // senders, a new sender is refused (Full) rather than an entry forgotten early.
    ReplayWindow(std::int64_t skewMs, int capacity);

    // Records the packet when it is Fresh; any other verdict changes nothing.
    Verdict check(const QByteArray &sender, std::uint64_t sequence, std::int64_t timestampMs,
                  std::int64_t nowMs);
    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry {
        std::uint64_t highest = 0;
        std::uint64_t seen = 0; // bit i: highest - i was accepted
        std::int64_t lastMs = 0;
    };
    void expire(std::int64_t nowMs);

    std::int64_t m_skewMs;
    int m_capacity;
    QHash<QByteArray, Entry> m_entries;
};

} // namespace omview::peers
