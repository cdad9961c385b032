// PeerTable: the freshest load record each peer sent, aged against the emulation's clock.
#pragma once

#include <QHash>
#include <cstdint>
#include <omview/hpc/hpctypes.h>

namespace omview::hpc {

class NodeMap;

// What nodes/<ID>/ shows of a peer: its record, or why its values are unknown.
struct PeerState {
    int errnum = 0;           // 0, ENETUNREACH (never heard), ETIMEDOUT (stale), or as reported
    std::uint32_t status = 0; // always readable: configured, plus the record's bits
    HpcPeerRecord record;     // meaningful when errnum is 0
};

class PeerTable {
public:
    static constexpr std::int64_t staleAfterMs = 60000;

    void store(const HpcPeerRecord &record, std::int64_t nowMs);
    // Forgets the peers a new map no longer defines.
    void retain(const NodeMap &map);
    // A reported error comes first, then staleness; a stale record keeps its status bits but
    // loses "up", an unreachable node shows "configured" alone.
    PeerState state(NodeId id, std::int64_t nowMs) const;

private:
    struct Entry {
        HpcPeerRecord record;
        std::int64_t receivedMs = 0;
    };
    QHash<NodeId, Entry> m_entries;
};

} // namespace omview::hpc
