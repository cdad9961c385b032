// The cryptography of the forwarding channel (docs/peers.md): the handshake
// proofs, the per-direction session keys, and the MAC of a frame.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <omview/protocol/types.h>

namespace omview::peers {

// Inputs both ends of one handshake share.
struct HandshakeContext {
    QByteArray channelKey; // ClusterKey::derive("channel")
    NodeId client = 0;
    NodeId server = 0;
    QByteArray clientNonce; // 32 bytes each
    QByteArray serverNonce;
};

class ChannelCrypto {
public:
    static constexpr qsizetype NonceSize = 32;
    static constexpr qsizetype MacSize = 32;

    static QByteArray nonce();
    // HMAC(channelKey, "server"|"client" | client | server | Nc | Ns): proves
    // the key to the other end; the label keeps one proof from serving as the other.
    static QByteArray serverProof(const HandshakeContext &c);
    static QByteArray clientProof(const HandshakeContext &c);
    // Session key HMAC(channelKey, "session" | ...), then one key per direction.
    static QByteArray clientToServerKey(const HandshakeContext &c);
    static QByteArray serverToClientKey(const HandshakeContext &c);
    // MAC of a data frame: HMAC(directionKey, sequence | type | tag | payload).
    static QByteArray frameMac(QByteArrayView directionKey, std::uint64_t sequence,
                               std::uint8_t type, std::uint64_t tag, QByteArrayView payload);
};

} // namespace omview::peers
