// The cryptography of the forwarding channel (docs/peers.md): the handshake
// proofs, the per-direction session keys, and the AEAD that seals each frame.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <expected>
#include <memory>
#include <omview/protocol/types.h>

// OpenSSL's EVP_CIPHER_CTX, declared so this header does not pull in OpenSSL.
struct evp_cipher_ctx_st;

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
    // Session key HMAC(channelKey, "session" | ...), then one 32-byte key per
    // direction: the key of that direction's FrameCipher.
    static QByteArray clientToServerKey(const HandshakeContext &c);
    static QByteArray serverToClientKey(const HandshakeContext &c);
};

// One direction of a channel: ChaCha20-Poly1305 (RFC 8439) from OpenSSL's
// libcrypto, keyed once. The 96-bit nonce is 4 zero bytes and the frame's u64
// sequence number, big-endian; a channel numbers each direction's frames from
// 0 under a key of its own, so no nonce repeats under a key. The one OpenSSL
// context is reused for every frame: sealing or opening costs the cipher's
// pass over the bytes, no allocation and no copy.
class FrameCipher {
public:
    static constexpr qsizetype KeySize = 32;
    static constexpr qsizetype TagSize = 16;
    enum class Mode { Seal, Open };

    // @key must be KeySize bytes; an error only when OpenSSL cannot set up.
    static std::expected<FrameCipher, QString> create(QByteArrayView key, Mode mode);

    FrameCipher(FrameCipher &&) noexcept;
    FrameCipher &operator=(FrameCipher &&) noexcept;
    ~FrameCipher();

    // Encrypts @first then @second (one plaintext in two pieces, so a header
    // and a payload need not be joined first) to @out, which has room for
    // their sizes plus TagSize: the ciphertext, then the tag. @aad is
    // authenticated, not encrypted. False only on an OpenSSL failure.
    bool seal(std::uint64_t sequence, QByteArrayView aad, QByteArrayView first,
              QByteArrayView second, char *out);
    // Decrypts @size bytes at @data (ciphertext then tag) in place, leaving the
    // plaintext in the first size - TagSize bytes. False when the tag does not
    // verify for this sequence and @aad (a forged, altered, replayed or
    // reordered frame, or the wrong key); the bytes are then garbage.
    bool open(std::uint64_t sequence, QByteArrayView aad, char *data, qsizetype size);

private:
    struct Free {
        void operator()(evp_cipher_ctx_st *ctx) const;
    };
    explicit FrameCipher(std::unique_ptr<evp_cipher_ctx_st, Free> ctx);

    std::unique_ptr<evp_cipher_ctx_st, Free> m_ctx;
};

} // namespace omview::peers
