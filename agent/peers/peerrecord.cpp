#include <omview/peers/peerrecord.h>

extern "C" {
#include <hpc/text.h>
}

namespace omview::peers {

hpc_peer_record toPeerRecord(const NodeRecord &record) {
    hpc_peer_record r{};
    const NodeStatus &s = record.node;
    r.id = s.id;
    r.status = s.status;
    if (s.status < 0)
        return r;          // "ID -ERRNO" alone
    r.load = s.exportLoad; // peers see the export load, as openMosix sent it
    r.speed = s.speed;
    r.cpus = s.cpus;
    r.mem = s.memAvailable / 4096;
    r.rmem = s.memFree / 4096;
    r.tmem = s.memTotal / 4096;
    r.util = s.util;
    return r;
}

QByteArray loadsText(const QList<NodeRecord> &records, NodeId self) {
    QByteArray text;
    char line[160];
    for (const NodeRecord &rec : records) {
        if (rec.node.id == self)
            continue;
        const hpc_peer_record r = toPeerRecord(rec);
        const size_t n = hpc_print_peer(&r, line, sizeof line);
        text.append(line, qsizetype(std::min(n, sizeof line - 1)));
        if (!text.endsWith('\n'))
            text.append('\n');
    }
    return text;
}

} // namespace omview::peers
