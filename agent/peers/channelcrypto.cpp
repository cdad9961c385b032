#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <omview/peers/channelcrypto.h>
#include <omview/peers/wire.h>

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

QByteArray ChannelCrypto::frameMac(QByteArrayView directionKey, std::uint64_t sequence,
                                   std::uint8_t type, std::uint64_t tag, QByteArrayView payload) {
    WireWriter w;
    w.u64(sequence);
    w.u8(type);
    w.u64(tag);
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, directionKey.toByteArray());
    code.addData(w.data());
    code.addData(payload);
    return code.result();
}

} // namespace omview::peers
