#include <cmath>
#include <limits>
#include <omview/peers/gossipmessage.h>
#include <omview/peers/wire.h>

namespace omview::peers {

namespace {

constexpr std::uint64_t PageSize = 4096;

std::uint32_t saturate32(std::uint64_t v) {
    return v > std::numeric_limits<std::uint32_t>::max() ? std::numeric_limits<std::uint32_t>::max()
                                                         : static_cast<std::uint32_t>(v);
}

std::uint32_t pages(std::uint64_t bytes) {
    return saturate32(bytes / PageSize);
}

std::uint32_t hundredths(double v) {
    if (!(v > 0)) // also NaN
        return 0;
    const double h = std::round(v * 100);
    return h >= double(std::numeric_limits<std::uint32_t>::max())
               ? std::numeric_limits<std::uint32_t>::max()
               : static_cast<std::uint32_t>(h);
}

} // namespace

QByteArray GossipMessage::encode() const {
    WireWriter w;
    w.u8(flags);
    const qsizetype n = std::min<qsizetype>(entries.size(), MaxEntries);
    w.u8(static_cast<std::uint8_t>(n));
    for (qsizetype i = 0; i < n; ++i) {
        const GossipEntry &e = entries[i];
        const NodeStatus &s = e.status;
        w.u16(static_cast<std::uint16_t>(s.id));
        w.i32(s.status);
        w.u64(e.version);
        w.u32(e.ageMs);
        w.u32(s.load);
        w.u32(s.exportLoad);
        w.u32(s.speed);
        w.u16(static_cast<std::uint16_t>(std::min<std::uint32_t>(s.cpus, 65535)));
        w.u8(static_cast<std::uint8_t>(std::min<std::uint32_t>(s.util, 100)));
        for (double avg : s.loadAvg)
            w.u32(hundredths(avg));
        w.u32(pages(s.memTotal));
        w.u32(pages(s.memUsed));
        w.u32(pages(s.memFree));
        w.u32(pages(s.memAvailable));
        w.i64(s.sampledAt);
        w.text8(s.hostname.toUtf8().left(MaxHostname));
    }
    return w.take();
}

std::expected<GossipMessage, DropReason> GossipMessage::decode(QByteArrayView payload) {
    WireReader r(payload);
    GossipMessage message;
    message.flags = r.u8();
    const int n = r.u8();
    QList<GossipEntry> entries;
    entries.reserve(n);
    for (int i = 0; i < n && r.ok(); ++i) {
        GossipEntry e;
        NodeStatus &s = e.status;
        s.id = r.u16();
        s.status = r.i32();
        e.version = r.u64();
        e.ageMs = r.u32();
        s.load = r.u32();
        s.exportLoad = r.u32();
        s.speed = r.u32();
        s.cpus = r.u16();
        s.util = r.u8();
        for (double &avg : s.loadAvg)
            avg = r.u32() / 100.0;
        s.memTotal = r.u32() * PageSize;
        s.memUsed = r.u32() * PageSize;
        s.memFree = r.u32() * PageSize;
        s.memAvailable = r.u32() * PageSize;
        s.sampledAt = r.i64();
        const QByteArrayView host = r.text8();
        if (s.id == 0 || host.size() > MaxHostname || s.util > 100)
            return std::unexpected(DropReason::Malformed);
        s.hostname = QString::fromUtf8(host);
        entries.append(e);
    }
    if (!r.ok() || !r.atEnd() || (message.flags & ~AnswerRequested) != 0)
        return std::unexpected(DropReason::Malformed);
    message.entries = std::move(entries);
    return message;
}

} // namespace omview::peers
