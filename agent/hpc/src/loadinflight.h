// The load a balancing decision sends on its way, counted before the nodes' own figures show
// it: the target's load as if the process were there already, this node's as if it had left.
// Without it every node sees the same idle peer for the seconds a move and the next gossip
// take, and sends it a process each second: the processes move in herds, back and forth.
#pragma once

#include <QList>
#include <cstdint>
#include <omview/protocol/types.h>

namespace omview::hpc {

class LoadInFlight {
public:
    // Long enough for the move and the target's next load report (its export load rises
    // at once); this node's mean load drops at once when the process is gone.
    static constexpr std::int64_t HoldMs = 6'000;

    // A process worth @toLoad on @to (and @fromLoad here) leaves for @to at @nowMs.
    void add(NodeId to, std::uint32_t toLoad, std::uint32_t fromLoad, std::int64_t nowMs);
    // @load of @node (0 = this node) with what is in flight to or from it.
    std::uint32_t adjusted(NodeId node, std::uint32_t load, std::int64_t nowMs);

private:
    struct Entry {
        NodeId to = 0;
        std::uint32_t toLoad = 0;
        std::uint32_t fromLoad = 0;
        std::int64_t untilMs = 0;
    };
    QList<Entry> m_entries;
};

} // namespace omview::hpc
