// A node's approximate view of every member's load: the freshest record heard
// of each, how old it is, and whether the member is alive. Pure logic, driven
// by Gossip and by the bound simulation in the tests.
#pragma once

#include <QHash>
#include <QList>
#include <cstdint>
#include <omview/peers/gossipmessage.h>
#include <omview/peers/nodemap.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview::peers {

class PeerTable {
public:
    enum class Merge { Newer, NotNewer, NotMember, Self };

    PeerTable(NodeId self, std::int64_t deadAfterMs);

    // Adds and drops members; records of members that stay are kept.
    void setMembers(const NodeMap &map);
    NodeId self() const { return m_self; }
    void setSelf(NodeId self);

    // This node's own record, fresh as of @nowMs.
    void setOwn(const NodeStatus &status, std::uint64_t version, std::int64_t nowMs);
    // Takes a received record when it is newer than the one held. Its origin
    // time is estimated on the local clock as now - age, so ages need no
    // synchronised clocks and grow by the time each hop held the record.
    Merge merge(const GossipEntry &entry, std::int64_t nowMs);

    // What a gossip step sends: the own record, then up to @count of the
    // freshest alive records of other members (youngest first).
    QList<GossipEntry> window(int count, std::int64_t nowMs) const;

    // Every member, ascending IDs, own node included.
    QList<NodeRecord> records(std::int64_t nowMs) const;
    std::optional<NodeRecord> record(NodeId id, std::int64_t nowMs) const;
    QList<NodeId> peers() const;                        // members but self
    QList<NodeId> alivePeers(std::int64_t nowMs) const; // heard within deadAfter
    std::optional<std::uint64_t> version(NodeId id) const;
    // The live peer with the oldest record, if that record is at least
    // @suspectAfterMs old: the node a step asks directly for a fresh one.
    std::optional<NodeId> oldestSuspect(std::int64_t nowMs, std::int64_t suspectAfterMs) const;
    std::int64_t deadAfterMs() const { return m_deadAfterMs; }

private:
    struct Row {
        NodeStatus status;
        std::uint64_t version = 0;
        std::int64_t originMs = 0; // local-clock estimate of when its node made it
        bool heard = false;
    };
    bool alive(const Row &row, std::int64_t nowMs) const;
    NodeRecord toRecord(NodeId id, const Row &row, std::int64_t nowMs) const;

    NodeId m_self;
    std::int64_t m_deadAfterMs;
    QHash<NodeId, Row> m_rows;
    QList<NodeId> m_order; // ascending
};

} // namespace omview::peers
