#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <omview/peers/packetauthenticator.h>
#include <omview/peers/wire.h>

namespace omview::peers {

namespace {
constexpr char Magic[4] = {'O', 'M', 'V', 'P'};
constexpr std::uint8_t Version = 1;
} // namespace

bool macEqual(QByteArrayView a, QByteArrayView b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

PacketAuthenticator::PacketAuthenticator(QByteArray key, PacketKind kind)
    : m_key(std::move(key))
    , m_kind(kind) {}

QByteArray PacketAuthenticator::mac(QByteArrayView signedPart) const {
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, m_key);
    code.addData(signedPart);
    return code.result();
}

QByteArray PacketAuthenticator::seal(NodeId sender, std::uint64_t sequence,
                                     std::int64_t timestampMs, QByteArrayView payload) const {
    Q_ASSERT(payload.size() <= MaxPayload);
    WireWriter w;
    w.bytes(QByteArrayView(Magic, 4));
    w.u8(Version);
    w.u8(static_cast<std::uint8_t>(m_kind));
    w.u16(static_cast<std::uint16_t>(payload.size()));
    w.u32(sender);
    w.u64(sequence);
    w.i64(timestampMs);
    w.bytes(payload);
    QByteArray packet = w.take();
    packet.append(mac(packet));
    return packet;
}

std::expected<Packet, DropReason> PacketAuthenticator::open(QByteArrayView datagram) const {
    if (datagram.size() < HeaderSize + MacSize)
        return std::unexpected(DropReason::Malformed);
    WireReader r(datagram);
    const QByteArrayView magic = r.bytes(4);
    const std::uint8_t version = r.u8();
    const std::uint8_t kind = r.u8();
    const std::uint16_t length = r.u16();
    if (magic != QByteArrayView(Magic, 4) || version != Version ||
        datagram.size() != HeaderSize + length + MacSize)
        return std::unexpected(DropReason::Malformed);
    const QByteArrayView signedPart = datagram.first(HeaderSize + length);
    // The MAC before anything else is believed, including the kind: a packet
    // of another kind is sealed with another key and fails here as well.
    if (!macEqual(mac(signedPart), datagram.sliced(HeaderSize + length)))
        return std::unexpected(DropReason::BadMac);
    if (kind != static_cast<std::uint8_t>(m_kind))
        return std::unexpected(DropReason::Malformed);
    Packet p;
    p.kind = m_kind;
    p.sender = r.u32();
    p.sequence = r.u64();
    p.timestampMs = r.i64();
    p.payload = r.bytes(length).toByteArray();
    if (!r.ok())
        return std::unexpected(DropReason::Malformed);
    return p;
}

} // namespace omview::peers
