#include "hpctext.h"
#include "nodeload.h"
#include "nodemap.h"
#include "peertable.h"
#include "processtable.h"
#include "procfs.h"
#include "loadinflight.h"
#include "requestqueue.h"
#include "settingscheck.h"

#include <QMetaObject>
#include <cerrno>
#include <chrono>
#include <omview/hpc/emulatedhpc.h>

extern "C" {
#include <hpc/balance.h>
#include <hpc/text.h>
}

namespace omview::hpc {

namespace {

constexpr std::int64_t holdDownMs = 10000;

HpcError refused(int errnum, const QString &file, const QString &why) {
    return HpcError{errnum, file, why};
}

HpcError malformed(const QString &file, const QByteArray &text) {
    return refused(EINVAL, file,
                   QStringLiteral("\"%1\" refused").arg(QString::fromLatin1(text.trimmed())));
}

std::unexpected<HpcError> fail(HpcError e) {
    return std::unexpected(std::move(e));
}

} // namespace

HpcClock steadyClock() {
    return [] {
        using namespace std::chrono;
        return std::int64_t(
            duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count());
    };
}

EmulatedHpc::EmulatedHpc(const QString &procRoot, HpcClock clock, QObject *parent)
    : HpcBackend(parent)
    , m_clock(std::move(clock))
    , m_fs(std::make_unique<ProcFs>(procRoot))
    , m_load(std::make_unique<NodeLoad>(*m_fs))
    , m_map(std::make_unique<NodeMap>())
    , m_peers(std::make_unique<PeerTable>())
    , m_procs(std::make_unique<ProcessTable>(*m_fs))
    , m_requests(std::make_unique<RequestQueue>())
    , m_inFlight(std::make_unique<LoadInFlight>()) {
    m_settings.version = QStringLiteral("hpc 1.0.0");
    m_procs->scan(decayParams());
    m_sampleTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_sampleTimer, &QTimer::timeout, this, &EmulatedHpc::sampleTick);
    m_sampleTimer.start(1000 / NodeLoad::ticksPerSecond);
}

EmulatedHpc::~EmulatedHpc() = default;

hpc_decay_params EmulatedHpc::decayParams() const {
    return {m_settings.decayInterval, m_settings.slowDecay, m_settings.fastDecay};
}

void EmulatedHpc::sampleTick() {
    m_load->tick();
    if (++m_ticksThisSecond < NodeLoad::ticksPerSecond)
        return;
    m_ticksThisSecond = 0;
    foldSecond();
}

void EmulatedHpc::foldSecond() {
    m_load->fold();
    m_procs->scan(decayParams());
    if (m_settings.mospe != 0 && !m_settings.stay && !m_settings.quiet)
        balance();
}

std::uint32_t EmulatedHpc::selfStatus() const {
    std::uint32_t st = 0;
    if (m_settings.mospe != 0)
        st |= StatusConfigured | StatusUp;
    if (m_settings.stay)
        st |= StatusStay;
    if (m_settings.lstay)
        st |= StatusLstay;
    if (m_settings.block)
        st |= StatusBlock;
    if (m_settings.quiet)
        st |= StatusQuiet;
    return st;
}

HpcResult<NodeId> EmulatedHpc::nodeId() const {
    return m_settings.mospe;
}

HpcResult<HpcNodeValues> EmulatedHpc::info() const {
    const auto mem = m_fs->memInfo();
    if (!mem)
        return fail(systemError(mem.error(), QStringLiteral("info/mem"),
                                QStringLiteral("reading %1/meminfo for").arg(m_fs->root())));
    HpcNodeValues v;
    v.cpus = m_fs->onlineCpus();
    v.load = hpc_load_units(m_load->meanRaw(), m_settings.speed, m_settings.sspeed, v.cpus);
    v.exportLoad = hpc_load_units(m_load->exportRaw(), m_settings.speed, m_settings.sspeed, v.cpus);
    v.mem = mem->availablePages;
    v.rmem = mem->freePages;
    v.tmem = mem->totalPages;
    v.speed = m_settings.speed;
    v.status = selfStatus();
    v.util = m_load->utilPercent();
    return v;
}

HpcResult<QList<HpcNodeEntry>> EmulatedHpc::nodes() const {
    QList<HpcNodeEntry> out;
    const std::int64_t now = m_clock();
    for (const NodeId id : m_map->ids()) {
        HpcNodeEntry e;
        e.id = id;
        e.address = m_map->address(id);
        if (id == m_settings.mospe) {
            const auto self = info();
            if (!self)
                return fail(self.error());
            e.values = *self;
            e.values.exportLoad = 0; // nodes/<ID>/ has no exportload
        } else {
            const PeerState s = m_peers->state(id, now);
            e.errnum = s.errnum;
            e.values.status = s.status;
            if (s.errnum == 0) {
                const HpcPeerRecord &r = s.record;
                e.values = {r.cpus, r.load, 0, r.mem, r.rmem, r.tmem, r.speed, s.status, r.util};
            }
        }
        out.append(e);
    }
    return out;
}

HpcResult<Settings> EmulatedHpc::settings() const {
    return m_settings;
}

HpcResult<Settings> EmulatedHpc::apply(const SettingsChange &change) {
    const auto next =
        mergeSettings(m_settings, change, [this](NodeId id) { return m_map->contains(id); });
    if (!next)
        return fail(next.error());
    m_settings = *next;
    return m_settings;
}

HpcResult<QString> EmulatedHpc::map() const {
    return m_map->text();
}

HpcResult<void> EmulatedHpc::setMap(const QString &text) {
    auto parsed = NodeMap::parse(text.toUtf8());
    if (!parsed)
        return fail(parsed.error());
    *m_map = std::move(*parsed);
    m_peers->retain(*m_map);
    if (m_settings.mospe != 0 && !m_map->contains(m_settings.mospe))
        m_settings.mospe = 0;
    return {};
}

HpcResult<QList<HpcProcEntry>> EmulatedHpc::procs() const {
    QList<HpcProcEntry> out;
    for (const auto &[pid, p] : m_procs->processes()) {
        HpcProcEntry e;
        e.pid = pid;
        e.where = p.where;
        e.locked = p.locked;
        e.nmigs = p.nmigs;
        e.usage = p.stat.usage_pm;
        e.decay = HpcDecayClass(p.stat.decay);
        e.job = HpcJobKind(p.stat.job);
        e.cantmove = m_procs->cantmove(p);
        out.append(e);
    }
    return out;
}

HpcResult<QList<HpcGuest>> EmulatedHpc::guests() const {
    QList<HpcGuest> out;
    for (const auto &[pid, p] : m_procs->processes())
        if (p.guest)
            out.append(HpcGuest{pid, p.home, m_map->address(p.home), p.homePid});
    return out;
}

HpcResult<TrackedProcess *> EmulatedHpc::tracked(Pid pid, const QString &file) {
    if (TrackedProcess *p = m_procs->findOrAdopt(pid))
        return p;
    return fail(refused(ESRCH, file, QStringLiteral("no tracked process %1").arg(pid)));
}

HpcResult<void> EmulatedHpc::checkMapped(NodeId id, const QString &file) const {
    if (m_map->contains(id))
        return {};
    return fail(refused(ENOENT, file, QStringLiteral("node %1 is not in the map").arg(id)));
}

HpcResult<void> EmulatedHpc::setLock(Pid pid, bool locked) {
    const QString file = QStringLiteral("admin/lock");
    const QByteArray text = lockText(pid, locked);
    u32 p = 0, lock = 0;
    if (hpc_parse_lock(text.constData(), size_t(text.size()), &p, &lock) != 0)
        return fail(malformed(file, text));
    const auto proc = tracked(pid, file);
    if (!proc)
        return fail(proc.error());
    (*proc)->locked = lock != 0;
    return {};
}

HpcResult<void> EmulatedHpc::migrate(Pid pid, const HpcTarget &target) {
    const QString file = QStringLiteral("admin/migrate");
    const QByteArray text = migrateText(pid, target);
    u32 p = 0, t = 0;
    if (hpc_parse_migrate(text.constData(), size_t(text.size()), &p, &t) != 0)
        return fail(malformed(file, text));
    const auto proc = tracked(pid, file);
    if (!proc)
        return fail(proc.error());
    HpcTarget resolved = target;
    if (t == HPC_TARGET_BALANCE) {
        const auto chosen = resolveBalance(**proc);
        if (!chosen)
            return fail(chosen.error());
        resolved = *chosen;
    } else if (t != HPC_TARGET_HOME) {
        if (auto ok = checkMapped(t, file); !ok)
            return ok;
    }
    if (!queue(HpcRequest{pid, resolved, HpcReason::User}))
        return fail(refused(EBUSY, file, QStringLiteral("the request queue is full")));
    return {};
}

HpcResult<void> EmulatedHpc::reportWhere(Pid pid, NodeId node) {
    const QByteArray text = whereText(pid, node);
    return applyWhere(text);
}

HpcResult<void> EmulatedHpc::reportExited(Pid pid) {
    const QByteArray text = exitedText(pid);
    return applyWhere(text);
}

// admin/where as the module takes it: parse, then the node, then the process.
HpcResult<void> EmulatedHpc::applyWhere(const QByteArray &text) {
    const QString file = QStringLiteral("admin/where");
    u32 pid = 0, node = 0;
    if (hpc_parse_where(text.constData(), size_t(text.size()), &pid, &node) != 0)
        return fail(malformed(file, text));
    if (node == m_settings.mospe)
        node = 0; // this node's own ID: it runs here
    if (node != 0 && node != HPC_WHERE_EXITED)
        if (auto ok = checkMapped(node, file); !ok)
            return ok;
    const auto proc = tracked(Pid(pid), file);
    if (!proc)
        return fail(proc.error());
    TrackedProcess &tp = **proc;
    if (node == HPC_WHERE_EXITED) {
        m_procs->drop(Pid(pid));
        return {};
    }
    if (tp.where == node)
        return {};
    ++tp.nmigs;
    tp.where = node;
    // Back home, its CPU time counts from the process as it runs here now.
    if (node == 0)
        m_procs->rebase(tp);
    return {};
}

HpcResult<void> EmulatedHpc::addGuest(Pid pid, NodeId home, Pid homePid) {
    return applyGuests(guestAddText(pid, home, homePid));
}

HpcResult<void> EmulatedHpc::delGuest(Pid pid) {
    return applyGuests(guestDelText(pid));
}

// admin/guests as the module takes it.
HpcResult<void> EmulatedHpc::applyGuests(const QByteArray &text) {
    const QString file = QStringLiteral("admin/guests");
    hpc_guests_cmd g{};
    if (hpc_parse_guests(text.constData(), size_t(text.size()), &g) != 0)
        return fail(malformed(file, text));
    const Pid pid = Pid(g.pid);
    if (!g.add) {
        TrackedProcess *tp = m_procs->find(pid);
        if (!tp || !tp->guest)
            return fail(refused(ESRCH, file, QStringLiteral("no guest %1").arg(pid)));
        tp->guest = false;
        tp->home = 0;
        tp->homePid = 0;
        return {};
    }
    if (g.home_id == m_settings.mospe)
        return fail(refused(
            EINVAL, file,
            QStringLiteral("node %1 is this node: no guest comes from here").arg(g.home_id)));
    if (auto ok = checkMapped(g.home_id, file); !ok)
        return ok;
    const auto proc = tracked(pid, file);
    if (!proc)
        return fail(proc.error());
    TrackedProcess &tp = **proc;
    if (tp.where != 0)
        return fail(refused(ESRCH, file, QStringLiteral("process %1 is away").arg(pid)));
    if (tp.guest)
        return fail(refused(EEXIST, file, QStringLiteral("%1 is a guest already").arg(pid)));
    tp.guest = true;
    tp.home = g.home_id;
    tp.homePid = Pid(g.home_pid);
    return {};
}

HpcResult<void> EmulatedHpc::feedLoads(const QList<HpcPeerRecord> &records) {
    const QString file = QStringLiteral("admin/loads");
    QList<HpcPeerRecord> parsed;
    parsed.reserve(records.size());
    // Every line is parsed, then every ID checked, before any record is taken.
    for (const HpcPeerRecord &r : records) {
        const QByteArray line = peerRecordLine(r);
        hpc_peer_record c{};
        if (hpc_parse_peer(line.constData(), size_t(line.size()), &c) != 0)
            return fail(malformed(file, line));
        parsed.append(
            HpcPeerRecord{c.id, c.status, c.load, c.speed, c.cpus, c.mem, c.rmem, c.tmem, c.util});
    }
    for (const HpcPeerRecord &r : parsed)
        if (auto ok = checkMapped(r.id, file); !ok)
            return ok;
    const std::int64_t now = m_clock();
    for (const HpcPeerRecord &r : parsed)
        m_peers->store(r, now);
    return {};
}

HpcResult<void> EmulatedHpc::queueAll(const QList<HpcRequest> &requests, const QString &file) {
    qsizetype fresh = 0;
    for (const HpcRequest &r : requests)
        if (!m_requests->contains(r.pid))
            ++fresh;
    if (m_requests->size() + fresh > m_requests->capacity())
        return fail(refused(EBUSY, file,
                            QStringLiteral("the request queue cannot take %1 more").arg(fresh)));
    for (const HpcRequest &r : requests)
        queue(r);
    return {};
}

HpcResult<void> EmulatedHpc::expel() {
    QList<HpcRequest> requests;
    for (const auto &[pid, p] : m_procs->processes())
        if (p.guest)
            requests.append(HpcRequest{pid, HpcTarget::home(), HpcReason::Expel});
    if (auto ok = queueAll(requests, QStringLiteral("admin/expel")); !ok)
        return ok;
    m_settings.block = true;
    return {};
}

HpcResult<void> EmulatedHpc::bring() {
    QList<HpcRequest> requests;
    for (const auto &[pid, p] : m_procs->processes())
        if (p.where != 0 && !p.guest)
            requests.append(HpcRequest{pid, HpcTarget::home(), HpcReason::Bring});
    if (auto ok = queueAll(requests, QStringLiteral("admin/bring")); !ok)
        return ok;
    m_settings.lstay = true;
    return {};
}

HpcResult<void> EmulatedHpc::setDecayOption(Pid pid, HpcDecayOption option) {
    const auto proc = tracked(pid, decayOptionFile(option));
    if (!proc)
        return fail(proc.error());
    hpc_pstat &st = (*proc)->stat;
    switch (option) {
    case HpcDecayOption::Clear:
        hpc_pstat_clear(&st);
        break;
    case HpcDecayOption::CpuJob:
        st.job = HPC_JOB_CPU;
        break;
    case HpcDecayOption::IoJob:
        st.job = HPC_JOB_IO;
        break;
    case HpcDecayOption::Slow:
        st.decay = HPC_DECAY_SLOW;
        break;
    case HpcDecayOption::Fast:
        st.decay = HPC_DECAY_FAST;
        break;
    case HpcDecayOption::NoDecay:
        st.decay = HPC_DECAY_NONE;
        break;
    }
    return {};
}

// As the module's requests file: the hold-down of a balancer request starts when the agent
// takes it, since a request can wait in the queue for longer than the hold-down lasts (while
// it waits, the balancer skips the process for being queued).
QList<HpcRequest> EmulatedHpc::takeRequests() {
    QList<HpcRequest> taken = m_requests->takeAll();
    const std::int64_t until = m_clock() + holdDownMs;
    for (const HpcRequest &r : std::as_const(taken)) {
        if (r.reason != HpcReason::Balance && r.reason != HpcReason::Memory)
            continue;
        if (TrackedProcess *p = m_procs->find(r.pid))
            p->holdUntilMs = until;
    }
    return taken;
}

bool EmulatedHpc::queue(const HpcRequest &request) {
    if (m_requests->push(request) == RequestQueue::Push::Full)
        return false;
    if (!m_signalPending) {
        m_signalPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_signalPending = false;
                if (!m_requests->isEmpty())
                    emit requestQueued();
            },
            Qt::QueuedConnection);
    }
    return true;
}

// ---- balancing ----

std::optional<hpc_node_view> EmulatedHpc::selfView() const {
    const auto v = info();
    if (!v)
        return std::nullopt;
    return hpc_node_view{
        m_settings.mospe, std::int32_t(v->status), v->load, v->speed, v->cpus, v->mem, v->tmem};
}

QList<hpc_node_view> EmulatedHpc::peerViews() const {
    QList<hpc_node_view> out;
    const std::int64_t now = m_clock();
    for (const NodeId id : m_map->ids()) {
        if (id == m_settings.mospe)
            continue;
        const PeerState s = m_peers->state(id, now);
        const HpcPeerRecord &r = s.record;
        out.append(hpc_node_view{id, s.errnum ? -s.errnum : std::int32_t(s.status), r.load, r.speed,
                                 r.cpus, r.mem, r.tmem});
    }
    return out;
}

std::optional<hpc_node_view> EmulatedHpc::balancingSelf() const {
    auto v = selfView();
    if (v)
        v->load = m_inFlight->adjusted(0, v->load, m_clock());
    return v;
}

QList<hpc_node_view> EmulatedHpc::balancingPeers() const {
    QList<hpc_node_view> peers = peerViews();
    for (hpc_node_view &p : peers)
        p.load = m_inFlight->adjusted(p.id, p.load, m_clock());
    return peers;
}

hpc_proc_view EmulatedHpc::procView(const TrackedProcess &p) const {
    std::uint32_t flags = 0;
    if (p.locked)
        flags |= HPC_PF_LOCK;
    if (m_procs->pinned(p))
        flags |= HPC_PF_CANTMOVE;
    if (p.guest)
        flags |= HPC_PF_GUEST;
    if (p.stat.job == HPC_JOB_IO)
        flags |= HPC_PF_IOJOB;
    return hpc_proc_view{std::uint32_t(p.pid), flags, p.stat.usage_pm, p.rssPages,
                         p.guest ? p.home : m_settings.mospe};
}

void EmulatedHpc::balance() {
    const auto self = balancingSelf();
    if (!self)
        return;
    const QList<hpc_node_view> peers = balancingPeers();
    const hpc_overheads o{m_settings.overheads[0], m_settings.overheads[1], m_settings.overheads[2],
                          m_settings.overheads[3]};
    // Reading why a process cannot move costs a file read each, so only the processes the
    // decision can pick are offered: under memory shortage any, otherwise those using enough
    // CPU to be moved for load.
    const bool memShort = self->mem_free * 1000 < self->mem_total * o.mem_low_pm;
    const std::int64_t now = m_clock();
    QList<hpc_proc_view> procs;
    for (const auto &[pid, p] : m_procs->processes()) {
        if (!p.present || p.where != 0 || p.holdUntilMs > now || m_requests->contains(pid))
            continue;
        if (!memShort && (p.stat.usage_pm == 0 || p.stat.usage_pm < o.min_use_pm))
            continue;
        procs.append(procView(p));
    }
    if (procs.isEmpty())
        return;
    const hpc_decision d =
        hpc_balance(&*self, procs.constData(), std::uint32_t(procs.size()), peers.constData(),
                    std::uint32_t(peers.size()), &o, m_settings.sspeed);
    if (d.reason == HPC_REASON_NONE)
        return;
    const HpcReason reason = d.reason == HPC_REASON_MEMORY ? HpcReason::Memory : HpcReason::Balance;
    const TrackedProcess *chosen = m_procs->find(Pid(d.pid));
    const HpcTarget target = chosen ? targetOf(*chosen, d.target) : HpcTarget::toNode(d.target);
    // A full queue drops the decision; it is made again next second. The hold-down starts
    // when the agent takes the request (takeRequests).
    if (!queue(HpcRequest{Pid(d.pid), target, reason})) {
        qCDebug(lcHpc) << "request queue full, balancer decision for" << d.pid << "dropped";
        return;
    }
    if (d.reason != HPC_REASON_LOAD || !chosen)
        return;
    // A process moved for load is busy: it counts as one runnable task on either side (its
    // decayed usage understates that when the CPUs are shared by more such processes).
    constexpr std::uint32_t Busy = 1000;
    for (const hpc_node_view &t : peers)
        if (t.id == d.target)
            m_inFlight->add(t.id, hpc_proc_load(Busy, t.speed, m_settings.sspeed, t.cpus),
                            hpc_proc_load(Busy, self->speed, m_settings.sspeed, self->cpus), now);
}

// A guest sent to its own home node goes "home".
HpcTarget EmulatedHpc::targetOf(const TrackedProcess &p, NodeId node) {
    if (p.guest && p.home == node)
        return HpcTarget::home();
    return HpcTarget::toNode(node);
}

HpcResult<HpcTarget> EmulatedHpc::resolveBalance(const TrackedProcess &p) const {
    const QString file = QStringLiteral("admin/migrate");
    const auto self = balancingSelf();
    if (!self)
        return fail(refused(EIO, file, QStringLiteral("this node's values are unreadable")));
    const QList<hpc_node_view> peers = balancingPeers();
    const hpc_overheads o{m_settings.overheads[0], m_settings.overheads[1], m_settings.overheads[2],
                          m_settings.overheads[3]};
    const hpc_proc_view view = procView(p);
    const hpc_decision d = hpc_balance(&*self, &view, 1, peers.constData(),
                                       std::uint32_t(peers.size()), &o, m_settings.sspeed);
    if (d.reason == HPC_REASON_NONE)
        return fail(
            refused(EAGAIN, file, QStringLiteral("no better node for process %1 now").arg(p.pid)));
    return targetOf(p, d.target);
}

} // namespace omview::hpc
