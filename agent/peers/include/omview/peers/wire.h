// Big-endian encoding of the fixed binary layouts of peer messages
// (docs/peers.md): a writer that appends and a reader that fails softly.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>

namespace omview::peers {

// Appends fixed-width big-endian fields to a buffer.
class WireWriter {
public:
    void u8(std::uint8_t v);
    void u16(std::uint16_t v);
    void u32(std::uint32_t v);
    void u64(std::uint64_t v);
    void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void bytes(QByteArrayView v) { m_buf.append(v); }
    // A u8 length then at most 255 bytes of @v (longer text is cut).
    void text8(QByteArrayView v);

    const QByteArray &data() const { return m_buf; }
    QByteArray take() { return std::move(m_buf); }

private:
    QByteArray m_buf;
};

// Reads fields back; reading past the end yields zeros and clears ok(), so a
// decoder checks once at the end instead of after every field.
class WireReader {
public:
    explicit WireReader(QByteArrayView data)
        : m_data(data) {}

    std::uint8_t u8();
    std::uint16_t u16();
    std::uint32_t u32();
    std::uint64_t u64();
    std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    QByteArrayView bytes(qsizetype n);
    QByteArrayView text8();

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_data.size(); }
    qsizetype remaining() const { return m_data.size() - m_pos; }

private:
    const std::uint8_t *take(qsizetype n);

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

} // namespace omview::peers
