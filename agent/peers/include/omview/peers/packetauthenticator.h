// Seals and opens the authenticated datagrams of the load gossip and of
// discovery: a fixed header, the payload, and an HMAC-SHA256 over both.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <expected>
#include <omview/peers/peercounters.h>
#include <omview/protocol/types.h>

namespace omview::peers {

enum class PacketKind : std::uint8_t {
    Load = 1,     // gossip: the sender's record and its window
    Announce = 2, // discovery: "this address is here"
};

// An opened datagram: its MAC verified, nothing else checked yet.
struct Packet {
    PacketKind kind = PacketKind::Load;
    NodeId sender = 0;
    std::uint64_t sequence = 0;
    std::int64_t timestampMs = 0; // the sender's clock, ms since the epoch
    QByteArray payload;
};

// Header layout: "OMVP", version 1, kind, payload length (u16), sender (u32),
// sequence (u64), timestamp (i64); then payload; then 32 bytes of MAC.
class PacketAuthenticator {
public:
    static constexpr qsizetype HeaderSize = 28;
    static constexpr qsizetype MacSize = 32;
    static constexpr qsizetype MaxPayload = 60000;

    // @key is the purpose key (ClusterKey::derive), @kind the only kind accepted.
    PacketAuthenticator(QByteArray key, PacketKind kind);

    QByteArray seal(NodeId sender, std::uint64_t sequence, std::int64_t timestampMs,
                    QByteArrayView payload) const;
    // Malformed or BadMac; the MAC is compared in constant time.
    std::expected<Packet, DropReason> open(QByteArrayView datagram) const;

private:
    QByteArray mac(QByteArrayView signedPart) const;

    QByteArray m_key;
    PacketKind m_kind;
};

// Compares two MACs without an early exit, so timing reveals no prefix.
bool macEqual(QByteArrayView a, QByteArrayView b);

} // namespace omview::peers
