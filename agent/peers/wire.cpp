#include <QtEndian>
#include <omview/peers/wire.h>

namespace omview::peers {

void WireWriter::u8(std::uint8_t v) {
    m_buf.append(static_cast<char>(v));
}

void WireWriter::u16(std::uint16_t v) {
    char b[2];
    qToBigEndian(v, b);
    m_buf.append(b, 2);
}

void WireWriter::u32(std::uint32_t v) {
    char b[4];
    qToBigEndian(v, b);
    m_buf.append(b, 4);
}

void WireWriter::u64(std::uint64_t v) {
    char b[8];
    qToBigEndian(v, b);
    m_buf.append(b, 8);
}

void WireWriter::text8(QByteArrayView v) {
    const qsizetype n = std::min<qsizetype>(v.size(), 255);
    u8(static_cast<std::uint8_t>(n));
    m_buf.append(v.first(n));
}

const std::uint8_t *WireReader::take(qsizetype n) {
    if (!m_ok || n < 0 || m_data.size() - m_pos < n) {
        m_ok = false;
        return nullptr;
    }
    const auto *p = reinterpret_cast<const std::uint8_t *>(m_data.data()) + m_pos;
    m_pos += n;
    return p;
}

std::uint8_t WireReader::u8() {
    const auto *p = take(1);
    return p ? *p : 0;
}

std::uint16_t WireReader::u16() {
    const auto *p = take(2);
    return p ? qFromBigEndian<std::uint16_t>(p) : 0;
}

std::uint32_t WireReader::u32() {
    const auto *p = take(4);
    return p ? qFromBigEndian<std::uint32_t>(p) : 0;
}

std::uint64_t WireReader::u64() {
    const auto *p = take(8);
    return p ? qFromBigEndian<std::uint64_t>(p) : 0;
}

QByteArrayView WireReader::bytes(qsizetype n) {
    const auto *p = take(n);
    return p ? QByteArrayView(p, n) : QByteArrayView();
}

QByteArrayView WireReader::text8() {
    return bytes(u8());
}

} // namespace omview::peers
