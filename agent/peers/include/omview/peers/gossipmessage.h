// The payload of a load gossip datagram: the sender's own record and the
// freshest records it knows, each with its version and age (docs/peers.md).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <cstdint>
#include <expected>
#include <omview/peers/peercounters.h>
#include <omview/protocol/types.h>

namespace omview::peers {

// One node's load record as it travels: the status its own agent sampled, a
// version that only that agent increases, and how old the record is.
struct GossipEntry {
    NodeStatus status; // address is not sent: receivers take it from their map
    std::uint64_t version = 0;
    std::uint32_t ageMs = 0;
    bool operator==(const GossipEntry &) const = default;
};

// A flags byte, then the entries.
struct GossipMessage {
    static constexpr int MaxEntries = 255;
    static constexpr qsizetype MaxHostname = 63;
    enum Flag : std::uint8_t { AnswerRequested = 1 }; // a pull: reply with a window

    std::uint8_t flags = 0;
    QList<GossipEntry> entries;

    // Memory travels in 4096-byte pages, load averages in hundredths.
    QByteArray encode() const;
    static std::expected<GossipMessage, DropReason> decode(QByteArrayView payload);
};

} // namespace omview::peers
