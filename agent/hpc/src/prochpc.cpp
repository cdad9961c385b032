#include "hpctext.h"
#include "nodemap.h"
#include "requestqueue.h"
#include "settingscheck.h"
#include "sysfile.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <omview/hpc/prochpc.h>
#include <unistd.h>

extern "C" {
#include <hpc/text.h>
}

namespace omview::hpc {

namespace {

// admin/loads and admin/config take at most this much in one write, the module's limit.
constexpr qsizetype tableWriteMax = 64 * 1024;

std::unexpected<HpcError> fail(HpcError e) {
    return std::unexpected(std::move(e));
}

QString errnoText(int errnum) {
    return QString::fromLocal8Bit(std::strerror(errnum));
}

// The numeric entries of a directory (nodes/, remote/), ascending.
QList<std::uint32_t> numericEntries(const QString &path) {
    QList<std::uint32_t> out;
    const QStringList names = QDir(path).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        bool ok = false;
        const uint v = name.toUInt(&ok);
        if (ok && v > 0)
            out.append(v);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

ProcHpc::ProcHpc(const QString &root, int requestsFd, QObject *parent)
    : HpcBackend(parent)
    , m_root(root)
    , m_requestsFd(requestsFd)
    , m_requests(std::make_unique<RequestQueue>()) {
    m_requestsNotifier = new QSocketNotifier(m_requestsFd, QSocketNotifier::Read, this);
    connect(m_requestsNotifier, &QSocketNotifier::activated, this, [this] {
        readRequests();
        if (!m_requests->isEmpty())
            emit requestQueued();
    });
}

ProcHpc::~ProcHpc() {
    delete m_requestsNotifier;
    if (m_requestsFd >= 0)
        ::close(m_requestsFd);
}

HpcResult<std::unique_ptr<ProcHpc>> ProcHpc::open(const QString &root, QObject *parent) {
    const QString version = QStringLiteral("admin/version");
    const auto v = readWholeFile(root + QLatin1Char('/') + version);
    if (!v)
        return fail(HpcError{v.error(), version,
                             QStringLiteral("no hpc.ko tree at %1: reading %2 failed: %3")
                                 .arg(root, version, errnoText(v.error()))});
    const QByteArray requests = QFile::encodeName(root + QStringLiteral("/requests"));
    const int fd = ::open(requests.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        return fail(HpcError{err, QStringLiteral("requests"),
                             QStringLiteral("opening %1/requests: %2").arg(root, errnoText(err))});
    }
    qCDebug(lcHpc) << "opened" << root << "running" << v->trimmed();
    return std::unique_ptr<ProcHpc>(new ProcHpc(root, fd, parent));
}

HpcResult<QByteArray> ProcHpc::read(const QString &file) const {
    const auto data = readWholeFile(m_root + QLatin1Char('/') + file);
    if (!data)
        return fail(systemError(data.error(), file, QStringLiteral("reading")));
    return *data;
}

HpcResult<void> ProcHpc::write(const QString &file, const QByteArray &text) const {
    const auto done = writeWholeFile(m_root + QLatin1Char('/') + file, text);
    if (!done)
        return fail(
            HpcError{done.error(), file,
                     QStringLiteral("%1 refused \"%2\": %3")
                         .arg(file, QString::fromLatin1(text.trimmed()), errnoText(done.error()))});
    return {};
}

HpcResult<std::int64_t> ProcHpc::readNumber(const QString &file) const {
    const auto text = read(file);
    if (!text)
        return fail(text.error());
    const auto v = parseNumber(*text);
    if (!v)
        return fail(HpcError{EBADMSG, file,
                             QStringLiteral("%1 holds \"%2\", not a number")
                                 .arg(file, QString::fromLatin1(text->trimmed()))});
    return *v;
}

HpcResult<std::uint32_t> ProcHpc::readU32(const QString &file) const {
    const auto v = readNumber(file);
    if (!v)
        return fail(v.error());
    if (*v < 0 || *v > 0xffffffffll)
        return fail(HpcError{EBADMSG, file, QStringLiteral("%1 holds %2").arg(file).arg(*v)});
    return std::uint32_t(*v);
}

// The files of info/ or nodes/<ID>/; a negative value is -errno and stored in @errnum.
HpcResult<HpcNodeValues> ProcHpc::readValues(const QString &dir, int *errnum) const {
    HpcNodeValues v;
    struct Field {
        const char *name;
        std::uint64_t *u64;
        std::uint32_t *u32;
    };
    const bool self = dir == u"info";
    QList<Field> fields = {
        {"cpus", nullptr, &v.cpus},     {"load", nullptr, &v.load}, {"mem", &v.mem, nullptr},
        {"rmem", &v.rmem, nullptr},     {"tmem", &v.tmem, nullptr}, {"speed", nullptr, &v.speed},
        {"status", nullptr, &v.status}, {"util", nullptr, &v.util},
    };
    if (self)
        fields.append({"exportload", nullptr, &v.exportLoad});
    *errnum = 0;
    for (const Field &f : fields) {
        const auto n = readNumber(dir + QLatin1Char('/') + QLatin1StringView(f.name));
        if (!n)
            return fail(n.error());
        if (*n < 0) {
            *errnum = int(-*n);
            continue;
        }
        if (f.u64)
            *f.u64 = std::uint64_t(*n);
        else
            *f.u32 = std::uint32_t(std::min<std::int64_t>(*n, 0xffffffff));
    }
    return v;
}

HpcResult<NodeId> ProcHpc::nodeId() const {
    return readU32(QStringLiteral("admin/mospe"));
}

HpcResult<HpcNodeValues> ProcHpc::info() const {
    int errnum = 0;
    auto v = readValues(QStringLiteral("info"), &errnum);
    if (v && errnum != 0)
        return fail(
            HpcError{errnum, QStringLiteral("info"),
                     QStringLiteral("info/ reads -%1: %2").arg(errnum).arg(errnoText(errnum))});
    return v;
}

HpcResult<QList<HpcNodeEntry>> ProcHpc::nodes() const {
    const auto text = read(QStringLiteral("admin/config"));
    if (!text)
        return fail(text.error());
    const auto map = NodeMap::parse(*text);
    if (!map)
        return fail(map.error());
    QList<HpcNodeEntry> out;
    for (const std::uint32_t id : numericEntries(m_root + QStringLiteral("/nodes"))) {
        HpcNodeEntry e;
        e.id = id;
        e.address = map->address(id);
        const auto v = readValues(QStringLiteral("nodes/%1").arg(id), &e.errnum);
        if (!v && v.error().errnum == ENOENT)
            continue; // the map changed while we read: the node went
        if (!v)
            return fail(v.error());
        e.values = *v;
        out.append(e);
    }
    return out;
}

HpcResult<Settings> ProcHpc::settings() const {
    Settings s;
    struct U32Field {
        const char *name;
        std::uint32_t *value;
    };
    const U32Field numbers[] = {
        {"mospe", &s.mospe},         {"speed", &s.speed},
        {"sspeed", &s.sspeed},       {"decayinterval", &s.decayInterval},
        {"slowdecay", &s.slowDecay}, {"fastdecay", &s.fastDecay},
    };
    for (const U32Field &f : numbers) {
        const auto v = readU32(QStringLiteral("admin/") + QLatin1StringView(f.name));
        if (!v)
            return fail(v.error());
        *f.value = *v;
    }
    struct BoolField {
        const char *name;
        bool *value;
    };
    const BoolField flags[] = {
        {"block", &s.block}, {"stay", &s.stay}, {"lstay", &s.lstay}, {"quiet", &s.quiet}};
    for (const BoolField &f : flags) {
        const auto v = readU32(QStringLiteral("admin/") + QLatin1StringView(f.name));
        if (!v)
            return fail(v.error());
        *f.value = *v != 0;
    }
    const QString overheadsFile = QStringLiteral("admin/overheads");
    const auto overheads = read(overheadsFile);
    if (!overheads)
        return fail(overheads.error());
    hpc_overheads o{};
    if (hpc_parse_overheads(overheads->constData(), size_t(overheads->size()), &o) != 0)
        return fail(HpcError{EBADMSG, overheadsFile,
                             QStringLiteral("%1 holds \"%2\"")
                                 .arg(overheadsFile, QString::fromLatin1(overheads->trimmed()))});
    s.overheads[0] = o.stab_pm;
    s.overheads[1] = o.mig_cost;
    s.overheads[2] = o.mem_low_pm;
    s.overheads[3] = o.min_use_pm;
    const auto version = read(QStringLiteral("admin/version"));
    if (!version)
        return fail(version.error());
    s.version = QString::fromLatin1(version->trimmed());
    return s;
}

HpcResult<Settings> ProcHpc::apply(const SettingsChange &change) {
    const auto current = settings();
    if (!current)
        return fail(current.error());
    NodeMap map;
    if (change.mospe && *change.mospe != 0) {
        const auto text = read(QStringLiteral("admin/config"));
        if (!text)
            return fail(text.error());
        auto parsed = NodeMap::parse(*text);
        if (!parsed)
            return fail(parsed.error());
        map = std::move(*parsed);
    }
    const auto next =
        mergeSettings(*current, change, [&map](NodeId id) { return map.contains(id); });
    if (!next)
        return fail(next.error());
    if (auto written = writeSettings(*current, *next); !written)
        return fail(written.error());
    return settings();
}

HpcResult<void> ProcHpc::writeSettings(const Settings &old, const Settings &next) {
    const QList<SettingsWrite> writes = settingsWrites(old, next);
    for (qsizetype i = 0; i < writes.size(); ++i) {
        auto done = write(writes[i].file, writes[i].text);
        if (done)
            continue;
        // Put back what was written so the node is left as it was found.
        for (qsizetype j = i - 1; j >= 0; --j)
            if (const auto undone = write(writes[j].file, writes[j].undo); !undone)
                qCCritical(lcHpc) << "could not restore" << writes[j].file << "after"
                                  << done.error().toString() << ":" << undone.error().toString();
        return done;
    }
    return {};
}

HpcResult<QString> ProcHpc::map() const {
    const auto text = read(QStringLiteral("admin/config"));
    if (!text)
        return fail(text.error());
    return QString::fromLatin1(*text);
}

HpcResult<void> ProcHpc::setMap(const QString &text) {
    // The module names the bad line only in the kernel log: parsing here first gives the
    // caller the same verdict with the line in it.
    const QByteArray bytes = text.toUtf8();
    if (const auto parsed = NodeMap::parse(bytes); !parsed)
        return fail(parsed.error());
    // A write of nothing changes nothing; an empty line is the empty map.
    return write(QStringLiteral("admin/config"), bytes.isEmpty() ? QByteArray("\n") : bytes);
}

HpcResult<QList<HpcProcEntry>> ProcHpc::procs() const {
    const auto text = read(QStringLiteral("procs"));
    if (!text)
        return fail(text.error());
    auto table = parseProcsTable(*text);
    if (!table)
        return fail(HpcError{EBADMSG, QStringLiteral("procs"), table.error()});
    return *table;
}

HpcResult<QList<HpcGuest>> ProcHpc::guests() const {
    QList<HpcGuest> out;
    for (const std::uint32_t pid : numericEntries(m_root + QStringLiteral("/remote"))) {
        const QString dir = QStringLiteral("remote/%1/").arg(pid);
        const auto from = read(dir + QStringLiteral("from"));
        const auto identity = read(dir + QStringLiteral("identity"));
        // A guest that left while we read: its files say ESRCH until the directory goes.
        const auto gone = [](const HpcResult<QByteArray> &r) {
            return !r && (r.error().errnum == ENOENT || r.error().errnum == ESRCH);
        };
        if (gone(from) || gone(identity))
            continue;
        if (!from)
            return fail(from.error());
        if (!identity)
            return fail(identity.error());
        const QList<QByteArray> f = from->simplified().split(' ');
        const QList<QByteArray> i = identity->simplified().split(' ');
        HpcGuest g;
        g.pid = Pid(pid);
        g.home = f.value(0).toUInt();
        g.homeAddress = QString::fromLatin1(f.value(1));
        g.homePid = i.value(0).toInt();
        if (g.home == 0 || g.homePid <= 0)
            return fail(HpcError{EBADMSG, dir, QStringLiteral("%1 unreadable").arg(dir)});
        out.append(g);
    }
    return out;
}

HpcResult<void> ProcHpc::setLock(Pid pid, bool locked) {
    return write(QStringLiteral("admin/lock"), lockText(pid, locked));
}

HpcResult<void> ProcHpc::migrate(Pid pid, const HpcTarget &target) {
    return write(QStringLiteral("admin/migrate"), migrateText(pid, target));
}

HpcResult<void> ProcHpc::reportWhere(Pid pid, NodeId node) {
    return write(QStringLiteral("admin/where"), whereText(pid, node));
}

HpcResult<void> ProcHpc::reportExited(Pid pid) {
    return write(QStringLiteral("admin/where"), exitedText(pid));
}

HpcResult<void> ProcHpc::addGuest(Pid pid, NodeId home, Pid homePid) {
    return write(QStringLiteral("admin/guests"), guestAddText(pid, home, homePid));
}

HpcResult<void> ProcHpc::delGuest(Pid pid) {
    return write(QStringLiteral("admin/guests"), guestDelText(pid));
}

HpcResult<void> ProcHpc::feedLoads(const QList<HpcPeerRecord> &records) {
    const QString file = QStringLiteral("admin/loads");
    const QList<QByteArray> writes = loadsWrites(records, tableWriteMax);
    if (writes.size() > 1) {
        // Several writes cannot be refused as one: check all of it first, as the module
        // would, so that a refusal still changes nothing.
        const auto text = read(QStringLiteral("admin/config"));
        if (!text)
            return fail(text.error());
        const auto map = NodeMap::parse(*text);
        if (!map)
            return fail(map.error());
        for (const HpcPeerRecord &r : records) {
            const QByteArray line = peerRecordLine(r);
            hpc_peer_record c{};
            if (hpc_parse_peer(line.constData(), size_t(line.size()), &c) != 0)
                return fail(HpcError{
                    EINVAL, file,
                    QStringLiteral("\"%1\" refused").arg(QString::fromLatin1(line.trimmed()))});
        }
        for (const HpcPeerRecord &r : records)
            if (!map->contains(r.id))
                return fail(
                    HpcError{ENOENT, file, QStringLiteral("node %1 is not in the map").arg(r.id)});
    }
    for (const QByteArray &w : writes)
        if (auto done = write(file, w); !done)
            return done;
    return {};
}

HpcResult<void> ProcHpc::expel() {
    return write(QStringLiteral("admin/expel"), "1\n");
}

HpcResult<void> ProcHpc::bring() {
    return write(QStringLiteral("admin/bring"), "1\n");
}

HpcResult<void> ProcHpc::setDecayOption(Pid pid, HpcDecayOption option) {
    const QString file = decayOptionFile(option);
    if (pid != ::getpid())
        return fail(HpcError{EOPNOTSUPP, file,
                             QStringLiteral("%1 acts on the process writing it; process %2 must "
                                            "write it itself (mosrun does)")
                                 .arg(file)
                                 .arg(pid)});
    return write(file, "1\n");
}

QList<HpcRequest> ProcHpc::takeRequests() {
    readRequests();
    return m_requests->takeAll();
}

void ProcHpc::readRequests() {
    if (m_requestsFd < 0)
        return;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(m_requestsFd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            break;
        if (n <= 0) {
            // The module is going away (or failed): stop watching rather than spin.
            qCWarning(lcHpc) << "requests:"
                             << (n == 0 ? QStringLiteral("end of file") : errnoText(errno))
                             << "- no more migration requests from" << m_root;
            m_requestsNotifier->setEnabled(false);
            ::close(m_requestsFd);
            m_requestsFd = -1;
            break;
        }
        m_partialLine.append(buf, n);
        qsizetype end;
        while ((end = m_partialLine.indexOf('\n')) >= 0) {
            const QByteArray line = m_partialLine.left(end);
            m_partialLine.remove(0, end + 1);
            const auto request = parseRequestLine(line);
            if (!request)
                qCWarning(lcHpc) << "requests: unreadable line" << line;
            else if (m_requests->push(*request) == RequestQueue::Push::Full)
                qCWarning(lcHpc) << "requests: more than" << m_requests->capacity()
                                 << "waiting, dropped" << line;
        }
    }
}

} // namespace omview::hpc
