#include <omview/peers/peerconfig.h>

namespace omview::peers {

std::expected<void, QString> PeerConfig::validate() const {
    struct Range {
        const char *name;
        long long value, min, max;
    };
    // The window plus the own record must fit a message's one-byte count.
    const Range ranges[] = {
        {"loadPort", loadPort, 1, 65535},
        {"channelPort", channelPort, 1, 65535},
        {"discoveryPort", discoveryPort, 1, 65535},
        {"discoveryTtl", discoveryTtl, 1, 255},
        {"announceIntervalMs", announceIntervalMs, 10, 3600000},
        {"announceExpiryMs", announceExpiryMs, announceIntervalMs + 1, 3600000},
        {"intervalMs", intervalMs, 10, 3600000},
        {"fanout", fanout, 1, 16},
        {"window", window, 0, 254},
        {"pullAfterIntervals", pullAfterIntervals, 1, deadAfterIntervals - 1},
        {"deadAfterIntervals", deadAfterIntervals, 2, 100000},
        {"clockSkewMs", clockSkewMs, 1000, 3600000},
        {"replayCacheSize", replayCacheSize, 16, 1 << 20},
        {"forwardTimeoutMs", forwardTimeoutMs, 1, 3600000},
        {"handshakeTimeoutMs", handshakeTimeoutMs, 1, 3600000},
        {"channelIdleMs", channelIdleMs, 1, 86400000},
        {"maxChannelSessions", maxChannelSessions, 1, 65536},
    };
    for (const Range &r : ranges)
        if (r.value < r.min || r.value > r.max)
            return std::unexpected(QStringLiteral("peer setting %1 = %2 is out of range %3..%4")
                                       .arg(QLatin1StringView(r.name))
                                       .arg(r.value)
                                       .arg(r.min)
                                       .arg(r.max));
    if (discoveryGroup.protocol() != QAbstractSocket::IPv4Protocol || !discoveryGroup.isMulticast())
        return std::unexpected(QStringLiteral("peer setting discoveryGroup = %1 is not an IPv4 "
                                              "multicast address")
                                   .arg(discoveryGroup.toString()));
    return {};
}

} // namespace omview::peers
