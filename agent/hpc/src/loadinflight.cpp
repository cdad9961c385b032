#include "loadinflight.h"

#include <algorithm>

namespace omview::hpc {

void LoadInFlight::add(NodeId to, std::uint32_t toLoad, std::uint32_t fromLoad,
                       std::int64_t nowMs) {
    m_entries.append(Entry{to, toLoad, fromLoad, nowMs + HoldMs});
}

std::uint32_t LoadInFlight::adjusted(NodeId node, std::uint32_t load, std::int64_t nowMs) {
    m_entries.removeIf([nowMs](const Entry &e) { return e.untilMs <= nowMs; });
    std::int64_t value = load;
    for (const Entry &e : std::as_const(m_entries)) {
        if (node == 0)
            value -= e.fromLoad;
        else if (e.to == node)
            value += e.toLoad;
    }
    return std::uint32_t(std::clamp<std::int64_t>(value, 0, UINT32_MAX));
}

} // namespace omview::hpc
