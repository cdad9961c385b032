// Counters of what the peer layer refused, exposed through the API and read by
// the tests: every dropped message is counted under exactly one reason.
#pragma once

#include <cstdint>

namespace omview::peers {

// Why a received datagram was not acted on.
enum class DropReason {
    Malformed,       // too short, wrong magic/version/kind, or a bad payload
    BadMac,          // HMAC mismatch: wrong cluster key or tampered
    UnknownSender,   // authentic but from a node the membership does not hold
    Replayed,        // a sequence number already seen from that sender
    Stale,           // timestamp outside the accepted clock skew
    ReplayCacheFull, // too many live senders to track; refused rather than forgotten
};

struct PeerCounters {
    std::uint64_t accepted = 0;
    std::uint64_t malformed = 0;
    std::uint64_t badMac = 0;
    std::uint64_t unknownSender = 0;
    std::uint64_t replayed = 0;
    std::uint64_t stale = 0;
    std::uint64_t replayCacheFull = 0;
    std::uint64_t sent = 0;
    std::uint64_t sendErrors = 0;

    void count(DropReason reason);
    std::uint64_t dropped() const {
        return malformed + badMac + unknownSender + replayed + stale + replayCacheFull;
    }
    bool operator==(const PeerCounters &) const = default;
};

const char *dropReasonName(DropReason reason);

} // namespace omview::peers
