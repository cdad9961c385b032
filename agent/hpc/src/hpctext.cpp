#include "hpctext.h"

extern "C" {
#include <hpc/text.h>
}

namespace omview::hpc {

namespace {

QByteArray num(std::int64_t v) {
    return QByteArray::number(v);
}

} // namespace

QByteArray migrateText(Pid pid, const HpcTarget &target) {
    return num(pid) + ' ' + targetText(target).toLatin1() + '\n';
}

QByteArray lockText(Pid pid, bool locked) {
    return num(pid) + (locked ? " 1\n" : " 0\n");
}

QByteArray whereText(Pid pid, NodeId node) {
    return num(pid) + ' ' + num(node) + '\n';
}

QByteArray exitedText(Pid pid) {
    return num(pid) + " exited\n";
}

QByteArray guestAddText(Pid pid, NodeId home, Pid homePid) {
    return "add " + num(pid) + ' ' + num(home) + ' ' + num(homePid) + '\n';
}

QByteArray guestDelText(Pid pid) {
    return "del " + num(pid) + '\n';
}

QByteArray peerRecordLine(const HpcPeerRecord &r) {
    const hpc_peer_record c{r.id, r.status, r.load, r.speed, r.cpus, r.mem, r.rmem, r.tmem, r.util};
    char buf[256];
    const size_t n = hpc_print_peer(&c, buf, sizeof buf);
    return QByteArray(buf, qsizetype(std::min(n, sizeof buf - 1))) + '\n';
}

QList<QByteArray> loadsWrites(const QList<HpcPeerRecord> &records, qsizetype maxBytes) {
    QList<QByteArray> out;
    QByteArray current;
    for (const HpcPeerRecord &r : records) {
        const QByteArray line = peerRecordLine(r);
        if (!current.isEmpty() && current.size() + line.size() > maxBytes) {
            out.append(current);
            current.clear();
        }
        current += line;
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

std::optional<std::int64_t> parseNumber(const QByteArray &text) {
    QByteArray t = text;
    if (t.endsWith('\n'))
        t.chop(1);
    bool ok = false;
    const qlonglong v = t.toLongLong(&ok);
    if (!ok || t.isEmpty() || t.front() == '+' || t.front() == ' ')
        return std::nullopt;
    return v;
}

std::optional<HpcRequest> parseRequestLine(const QByteArray &line) {
    const QList<QByteArray> f = line.simplified().split(' ');
    if (f.size() != 3)
        return std::nullopt;
    bool ok = false;
    const int pid = f[0].toInt(&ok);
    if (!ok || pid <= 0)
        return std::nullopt;
    HpcRequest r;
    r.pid = pid;
    if (f[1] == "home") {
        r.target = HpcTarget::home();
    } else {
        const uint node = f[1].toUInt(&ok);
        if (!ok || node == 0)
            return std::nullopt;
        r.target = HpcTarget::toNode(node);
    }
    static const QByteArray reasons[] = {"user", "balance", "memory", "expel", "bring"};
    const auto it = std::find(std::begin(reasons), std::end(reasons), f[2]);
    if (it == std::end(reasons))
        return std::nullopt;
    r.reason = HpcReason(it - std::begin(reasons));
    return r;
}

namespace {

std::optional<HpcDecayClass> decayFromName(const QByteArray &s) {
    for (const HpcDecayClass d : {HpcDecayClass::Slow, HpcDecayClass::Fast, HpcDecayClass::NoDecay})
        if (s == decayClassName(d).toLatin1())
            return d;
    return std::nullopt;
}

std::optional<HpcJobKind> jobFromName(const QByteArray &s) {
    for (const HpcJobKind j : {HpcJobKind::Any, HpcJobKind::Cpu, HpcJobKind::Io})
        if (s == jobKindName(j).toLatin1())
            return j;
    return std::nullopt;
}

std::optional<HpcProcEntry> parseProcLine(const QByteArray &line) {
    const QList<QByteArray> f = line.simplified().split(' ');
    if (f.size() != 8)
        return std::nullopt;
    bool ok[5] = {};
    HpcProcEntry e;
    e.pid = f[0].toInt(&ok[0]);
    e.where = f[1].toUInt(&ok[1]);
    const uint lock = f[2].toUInt(&ok[2]);
    e.nmigs = f[3].toUInt(&ok[3]);
    e.usage = f[4].toUInt(&ok[4]);
    const auto decay = decayFromName(f[5]);
    const auto job = jobFromName(f[6]);
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }) || e.pid <= 0 ||
        lock > 1 || !decay || !job)
        return std::nullopt;
    e.locked = lock == 1;
    e.decay = *decay;
    e.job = *job;
    if (f[7] != "-")
        e.cantmove = QString::fromLatin1(f[7]);
    return e;
}

} // namespace

std::expected<QList<HpcProcEntry>, QString> parseProcsTable(const QByteArray &text) {
    QList<HpcProcEntry> out;
    int lineNo = 0;
    for (const QByteArray &line : text.split('\n')) {
        ++lineNo;
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        const auto entry = parseProcLine(line);
        if (!entry)
            return std::unexpected(QStringLiteral("procs line %1 unreadable: \"%2\"")
                                       .arg(lineNo)
                                       .arg(QString::fromLatin1(line)));
        out.append(*entry);
    }
    return out;
}

} // namespace omview::hpc
