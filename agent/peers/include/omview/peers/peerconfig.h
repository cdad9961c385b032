// The tunables of the peer layer: ports, the discovery group and the timing of
// gossip, discovery and forwarding. Defaults are the documented cluster-wide
// values (docs/peers.md); every node of a cluster must use the same ports.
#pragma once

#include <QHostAddress>
#include <QString>
#include <cstdint>
#include <expected>

namespace omview::peers {

struct PeerConfig {
    // UDP port of the load gossip (openMosix's info daemon used 5428 too).
    std::uint16_t loadPort = 5428;
    // TCP port of the forwarding channel (a separate namespace from UDP 5428).
    std::uint16_t channelPort = 5428;

    // Multicast discovery: group (organisation-local scope, 239.255/16), port,
    // TTL, and the interface to join on ("" = the system's choice).
    QHostAddress discoveryGroup{QStringLiteral("239.255.54.28")};
    std::uint16_t discoveryPort = 5429;
    int discoveryTtl = 1;
    QString discoveryInterface;
    int announceIntervalMs = 2000;
    // A node not heard for this long leaves the discovered membership.
    int announceExpiryMs = 7000;

    // Gossip: one step each interval sends the window to `fanout` random peers.
    int intervalMs = 1000;
    int fanout = 2;
    int window = 16;
    // A peer whose record grew this old is asked for a fresh one directly
    // (MOSIX's pull-from-oldest), one peer per step: it cuts the tail of ages
    // that random pushes alone leave.
    int pullAfterIntervals = 8;
    // A node whose freshest record is older than this many intervals is dead.
    int deadAfterIntervals = 30;

    // Authentication: accepted clock difference between nodes, and how many
    // senders the replay cache tracks at most.
    int clockSkewMs = 30000;
    int replayCacheSize = 4096;

    // Forwarding: default timeout of one forwarded request, of the handshake,
    // and how long an unused connection to a peer is kept open.
    int forwardTimeoutMs = 5000;
    int handshakeTimeoutMs = 5000;
    int channelIdleMs = 60000;
    int maxChannelSessions = 256;

    // An error naming the first field out of range (and its range), or nothing.
    std::expected<void, QString> validate() const;

    std::int64_t deadAfterMs() const { return std::int64_t(deadAfterIntervals) * intervalMs; }
    std::int64_t pullAfterMs() const { return std::int64_t(pullAfterIntervals) * intervalMs; }
};

} // namespace omview::peers
