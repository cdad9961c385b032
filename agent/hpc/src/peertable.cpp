#include "peertable.h"

#include "nodemap.h"

#include <cerrno>

namespace omview::hpc {

void PeerTable::store(const HpcPeerRecord &record, std::int64_t nowMs) {
    m_entries.insert(record.id, Entry{record, nowMs});
}

void PeerTable::retain(const NodeMap &map) {
    m_entries.removeIf([&map](const auto &it) { return !map.contains(it.key()); });
}

PeerState PeerTable::state(NodeId id, std::int64_t nowMs) const {
    PeerState s;
    s.status = StatusConfigured;
    const auto it = m_entries.constFind(id);
    if (it == m_entries.cend()) {
        s.errnum = ENETUNREACH;
        return s;
    }
    s.record = it->record;
    if (it->record.status < 0) {
        s.errnum = -it->record.status;
    } else if (nowMs - it->receivedMs > staleAfterMs) {
        s.errnum = ETIMEDOUT;
        s.status |= std::uint32_t(it->record.status) & ~std::uint32_t(StatusUp);
    } else {
        s.status |= std::uint32_t(it->record.status);
    }
    return s;
}

} // namespace omview::hpc
