#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QtEndian>
#include <omview/peers/channelcrypto.h>
#include <omview/peers/wire.h>
#include <openssl/evp.h>

namespace omview::peers {

namespace {

QByteArray hmac(QByteArrayView key, QByteArrayView data) {
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, key.toByteArray());
    code.addData(data);
    return code.result();
}

// label | client | server | Nc | Ns: both IDs and both nonces bind every
// proof and key to this one connection between these two nodes.
QByteArray transcript(QByteArrayView label, const HandshakeContext &c) {
    WireWriter w;
    w.text8(label);
    w.u32(c.client);
    w.u32(c.server);
    w.bytes(c.clientNonce);
    w.bytes(c.serverNonce);
    return w.take();
}

QByteArray sessionKey(const HandshakeContext &c) {
    return hmac(c.channelKey, transcript("session", c));
}

} // namespace

QByteArray ChannelCrypto::nonce() {
    QByteArray n(NonceSize, Qt::Uninitialized);
    // system(): the operating system's cryptographic source (getrandom).
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(n.data()),
                                         reinterpret_cast<quint32 *>(n.data() + n.size()));
    return n;
}

QByteArray ChannelCrypto::serverProof(const HandshakeContext &c) {
    return hmac(c.channelKey, transcript("server", c));
}

QByteArray ChannelCrypto::clientProof(const HandshakeContext &c) {
    return hmac(c.channelKey, transcript("client", c));
}

QByteArray ChannelCrypto::clientToServerKey(const HandshakeContext &c) {
    return hmac(sessionKey(c), "client to server");
}

QByteArray ChannelCrypto::serverToClientKey(const HandshakeContext &c) {
    return hmac(sessionKey(c), "server to client");
}

void FrameCipher::Free::operator()(evp_cipher_ctx_st *ctx) const {
    EVP_CIPHER_CTX_free(ctx);
}

FrameCipher::FrameCipher(std::unique_ptr<evp_cipher_ctx_st, Free> ctx)
    : m_ctx(std::move(ctx)) {}
FrameCipher::FrameCipher(FrameCipher &&) noexcept = default;
FrameCipher &FrameCipher::operator=(FrameCipher &&) noexcept = default;
FrameCipher::~FrameCipher() = default;

std::expected<FrameCipher, QString> FrameCipher::create(QByteArrayView key, Mode mode) {
    if (key.size() != KeySize)
        return std::unexpected(
            QStringLiteral("a frame key has %1 bytes, not %2").arg(key.size()).arg(KeySize));
    std::unique_ptr<evp_cipher_ctx_st, Free> ctx(EVP_CIPHER_CTX_new());
    // The key is set once here; each frame then only sets its nonce, which
    // keeps the cipher and the expanded key in the one context.
    if (!ctx || EVP_CipherInit_ex(ctx.get(), EVP_chacha20_poly1305(), nullptr,
                                  reinterpret_cast<const unsigned char *>(key.data()), nullptr,
                                  mode == Mode::Seal ? 1 : 0) != 1)
        return std::unexpected(QStringLiteral("OpenSSL cannot set up ChaCha20-Poly1305"));
    return FrameCipher(std::move(ctx));
}

namespace {

// 4 zero bytes | u64 sequence, big-endian (RFC 8439's 32-bit constant then
// 64-bit IV); the sequence never repeats under one direction's key.
struct Nonce {
    unsigned char bytes[12] = {};
    explicit Nonce(std::uint64_t sequence) { qToBigEndian(sequence, bytes + 4); }
};

const unsigned char *bytesOf(QByteArrayView v) {
    return reinterpret_cast<const unsigned char *>(v.data());
}

// Starts a frame: its nonce, then the associated data.
bool begin(evp_cipher_ctx_st *ctx, std::uint64_t sequence, QByteArrayView aad) {
    const Nonce nonce(sequence);
    int n = 0;
    return EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, nonce.bytes, -1) == 1 &&
           (aad.isEmpty() ||
            EVP_CipherUpdate(ctx, nullptr, &n, bytesOf(aad), static_cast<int>(aad.size())) == 1);
}

// Runs @in through the cipher to @out; stream ciphers write what they read.
bool update(evp_cipher_ctx_st *ctx, unsigned char *out, QByteArrayView in) {
    int n = 0;
    return in.isEmpty() ||
           (EVP_CipherUpdate(ctx, out, &n, bytesOf(in), static_cast<int>(in.size())) == 1 &&
            n == in.size());
}

} // namespace

bool FrameCipher::seal(std::uint64_t sequence, QByteArrayView aad, QByteArrayView first,
                       QByteArrayView second, char *out) {
    auto *o = reinterpret_cast<unsigned char *>(out);
    const qsizetype size = first.size() + second.size();
    int n = 0;
    return begin(m_ctx.get(), sequence, aad) && update(m_ctx.get(), o, first) &&
           update(m_ctx.get(), o + first.size(), second) &&
           EVP_CipherFinal_ex(m_ctx.get(), o + size, &n) == 1 && n == 0 &&
           EVP_CIPHER_CTX_ctrl(m_ctx.get(), EVP_CTRL_AEAD_GET_TAG, TagSize, o + size) == 1;
}

bool FrameCipher::open(std::uint64_t sequence, QByteArrayView aad, char *data, qsizetype size) {
    if (size < TagSize)
        return false;
    auto *d = reinterpret_cast<unsigned char *>(data);
    const qsizetype textSize = size - TagSize;
    int n = 0;
    // Decrypting in place is safe: Poly1305 reads each ciphertext block
    // before ChaCha20 overwrites it. Final fails unless the tag verifies.
    return begin(m_ctx.get(), sequence, aad) &&
           EVP_CIPHER_CTX_ctrl(m_ctx.get(), EVP_CTRL_AEAD_SET_TAG, TagSize, d + textSize) == 1 &&
           update(m_ctx.get(), d, QByteArrayView(data, textSize)) &&
           EVP_CipherFinal_ex(m_ctx.get(), d + textSize, &n) == 1 && n == 0;
}

} // namespace omview::peers
