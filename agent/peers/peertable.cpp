#include <algorithm>
#include <cerrno>
#include <omview/peers/peertable.h>
#include <vector>

namespace omview::peers {

PeerTable::PeerTable(NodeId self, std::int64_t deadAfterMs)
    : m_self(self)
    , m_deadAfterMs(deadAfterMs) {}

void PeerTable::setSelf(NodeId self) {
    m_self = self;
}

void PeerTable::setMembers(const NodeMap &map) {
    QHash<NodeId, Row> rows;
    QList<NodeId> order;
    for (const NodeMap::Node &n : map.nodes()) {
        Row row = m_rows.value(n.id);
        row.status.id = n.id;
        row.status.address = n.address.toString();
        rows.insert(n.id, row);
        order.append(n.id);
    }
    m_rows = std::move(rows);
    m_order = std::move(order);
}

void PeerTable::setOwn(const NodeStatus &status, std::uint64_t version, std::int64_t nowMs) {
    auto it = m_rows.find(m_self);
    if (it == m_rows.end())
        return;
    const QString address = it->status.address;
    it->status = status;
    it->status.id = m_self;
    it->status.address = address;
    it->version = version;
    it->originMs = nowMs;
    it->heard = true;
}

PeerTable::Merge PeerTable::merge(const GossipEntry &entry, std::int64_t nowMs) {
    const NodeId id = entry.status.id;
    if (id == m_self)
        return Merge::Self; // this node's own record is the only truth about it
    auto it = m_rows.find(id);
    if (it == m_rows.end())
        return Merge::NotMember;
    if (it->heard && entry.version <= it->version)
        return Merge::NotNewer;
    const QString address = it->status.address;
    it->status = entry.status;
    it->status.address = address;
    it->version = entry.version;
    it->originMs = nowMs - entry.ageMs;
    it->heard = true;
    return Merge::Newer;
}

bool PeerTable::alive(const Row &row, std::int64_t nowMs) const {
    return row.heard && nowMs - row.originMs <= m_deadAfterMs;
}

QList<GossipEntry> PeerTable::window(int count, std::int64_t nowMs) const {
    QList<GossipEntry> out;
    auto own = m_rows.constFind(m_self);
    if (own != m_rows.cend() && own->heard)
        out.append({own->status, own->version, 0});
    // Youngest first; ties by ID so the choice does not depend on hash order.
    struct Candidate {
        std::int64_t originMs;
        NodeId id;
        const Row *row;
    };
    std::vector<Candidate> fresh;
    fresh.reserve(std::size_t(m_order.size()));
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        if (it.key() != m_self && alive(*it, nowMs))
            fresh.push_back({it->originMs, it.key(), &*it});
    const auto take = std::min<std::size_t>(fresh.size(), std::size_t(std::max(count, 0)));
    std::partial_sort(fresh.begin(), fresh.begin() + std::ptrdiff_t(take), fresh.end(),
                      [](const Candidate &a, const Candidate &b) {
                          return a.originMs != b.originMs ? a.originMs > b.originMs : a.id < b.id;
                      });
    for (std::size_t i = 0; i < take; ++i) {
        const Row &row = *fresh[i].row;
        const std::int64_t age = std::max<std::int64_t>(0, nowMs - row.originMs);
        out.append({row.status, row.version, static_cast<std::uint32_t>(age)});
    }
    for (GossipEntry &e : out)
        e.status.address.clear(); // receivers take addresses from their own map
    return out;
}

NodeRecord PeerTable::toRecord(NodeId id, const Row &row, std::int64_t nowMs) const {
    NodeRecord r;
    r.node = row.status;
    r.node.id = id;
    if (!row.heard) {
        r.node.status = -ENETUNREACH;
        r.ageMs = -1;
        r.alive = false;
        return r;
    }
    r.ageMs = id == m_self ? 0 : std::max<std::int64_t>(0, nowMs - row.originMs);
    r.alive = id == m_self || alive(row, nowMs);
    if (!r.alive)
        r.node.status = -ETIMEDOUT; // last values kept; the status says they are stale
    return r;
}

QList<NodeRecord> PeerTable::records(std::int64_t nowMs) const {
    QList<NodeRecord> out;
    out.reserve(m_order.size());
    for (NodeId id : m_order)
        out.append(toRecord(id, m_rows[id], nowMs));
    return out;
}

std::optional<NodeRecord> PeerTable::record(NodeId id, std::int64_t nowMs) const {
    auto it = m_rows.constFind(id);
    if (it == m_rows.cend())
        return std::nullopt;
    return toRecord(id, *it, nowMs);
}

QList<NodeId> PeerTable::peers() const {
    QList<NodeId> out = m_order;
    out.removeAll(m_self);
    return out;
}

QList<NodeId> PeerTable::alivePeers(std::int64_t nowMs) const {
    QList<NodeId> out;
    for (NodeId id : m_order)
        if (id != m_self && alive(m_rows[id], nowMs))
            out.append(id);
    return out;
}

std::optional<NodeId> PeerTable::oldestSuspect(std::int64_t nowMs,
                                               std::int64_t suspectAfterMs) const {
    std::optional<NodeId> oldest;
    std::int64_t oldestOrigin = nowMs - suspectAfterMs + 1;
    for (NodeId id : m_order) {
        const Row &row = m_rows[id];
        if (id == m_self || !alive(row, nowMs))
            continue;
        if (row.originMs < oldestOrigin) {
            oldestOrigin = row.originMs;
            oldest = id;
        }
    }
    return oldest;
}

std::optional<std::uint64_t> PeerTable::version(NodeId id) const {
    auto it = m_rows.constFind(id);
    if (it == m_rows.cend() || !it->heard)
        return std::nullopt;
    return it->version;
}

} // namespace omview::peers
