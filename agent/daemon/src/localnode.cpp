#include "omview/agent/localnode.h"

#include <QHash>
#include <algorithm>
#include <omview/hpc/hpcbackend.h>
#include <omview/sampler/nodesampler.h>
#include <omview/sampler/processsampler.h>

namespace omview::agent {

namespace {

// Kernel threads and init are not tracked by /proc/hpc and can never move.
bool isSystemProcess(const ProcessInfo &p) {
    return p.pid == 1 || p.pid == 2 || p.ppid == 2;
}

} // namespace

LocalNode::LocalNode(hpc::HpcBackend &backend, const QString &procRoot, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_nodeSampler(std::make_unique<NodeSampler>(procRoot))
    , m_processSampler(
          std::make_unique<ProcessSampler>(ProcessSampler::Options{.procRoot = procRoot})) {
    connect(&m_timer, &QTimer::timeout, this, &LocalNode::sample);
}

LocalNode::~LocalNode() = default;

void LocalNode::start(int intervalMs) {
    m_timer.start(intervalMs);
    sample();
}

void LocalNode::sample() {
    // The map may also change behind the agent's back (setpe): look the address up anew
    // now and then.
    if (m_samples % 30 == 0)
        forgetAddress();
    sampleNode();
    sampleProcesses();
    ++m_samples;
    emit sampled();
}

std::span<const ProcessInfo> LocalNode::processes() const {
    if (m_withAway)
        return m_rows;
    return m_processSampler->table();
}

const ProcessInfo *LocalNode::process(std::int32_t pid) const {
    return m_processSampler->find(pid);
}

void LocalNode::rememberAway(const ProcessInfo &p) {
    m_away.insert(p.pid, p);
}

void LocalNode::sampleNode() {
    NodeStatus next = m_status;
    if (const auto r = m_nodeSampler->sample(next); r)
        m_nodeFailure.succeeded();
    else
        m_nodeFailure.failed(r.error());

    const auto id = m_backend.nodeId();
    const auto info = m_backend.info();
    if (id && info) {
        m_hpcFailure.succeeded();
        next.id = *id;
        next.load = info->load;
        next.exportLoad = info->exportLoad;
        next.speed = info->speed;
        next.status = static_cast<std::int32_t>(info->status);
        next.address = addressOf(*id);
    } else {
        m_hpcFailure.failed(id ? info.error().toString() : id.error().toString());
    }
    m_status = next;
}

QString LocalNode::addressOf(NodeId id) {
    if (id == 0)
        return QString();
    if (id == m_addressId && !m_address.isEmpty())
        return m_address;
    // The node table is read only when the ID changes: it has a directory per mapped node.
    const auto nodes = m_backend.nodes();
    if (!nodes)
        return m_address;
    m_addressId = id;
    m_address.clear();
    for (const hpc::HpcNodeEntry &n : *nodes) {
        if (n.id == id)
            m_address = n.address;
    }
    return m_address;
}

void LocalNode::forgetAddress() {
    m_addressId = 0;
    m_address.clear();
}

void LocalNode::refreshIdentity() {
    forgetAddress();
    if (const auto id = m_backend.nodeId()) {
        m_status.id = *id;
        m_status.address = addressOf(*id);
    }
    // The status bits follow the ID (configured and up only with one): the peers started
    // for the new ID announce this status at once.
    refreshSettings();
}

void LocalNode::refreshSettings() {
    if (const auto info = m_backend.info()) {
        m_status.speed = info->speed;
        m_status.status = static_cast<std::int32_t>(info->status);
    }
}

void LocalNode::sampleProcesses() {
    QHash<std::int32_t, hpc::HpcProcEntry> tracked;
    QHash<std::int32_t, hpc::HpcGuest> guests;
    const auto procs = m_backend.procs();
    const auto guestList = m_backend.guests();
    if (procs && guestList) {
        for (const hpc::HpcProcEntry &e : *procs)
            tracked.insert(e.pid, e);
        for (const hpc::HpcGuest &g : *guestList)
            guests.insert(g.pid, g);
    } else {
        m_hpcFailure.failed(procs ? guestList.error().toString() : procs.error().toString());
    }

    const NodeId self = m_status.id;
    m_processSampler->setMergeHook([&](ProcessInfo &p) {
        const auto t = tracked.constFind(p.pid);
        if (t != tracked.constEnd()) {
            p.where = t->where;
            p.locked = t->locked;
            p.nmigs = t->nmigs;
            p.cantmove = t->cantmove;
        } else {
            p.where = 0;
            p.locked = false;
            p.nmigs = 0;
            p.cantmove = isSystemProcess(p) ? QStringLiteral("system") : QString();
        }
        const auto g = guests.constFind(p.pid);
        p.guest = g != guests.constEnd();
        p.home = p.guest ? g->home : self;
    });
    const auto r = m_processSampler->sample();
    // The hook refers to this function's tables.
    m_processSampler->setMergeHook({});

    // The processes that are away: the home keeps their record (admin/where) and lists them.
    QList<ProcessInfo> away;
    for (const hpc::HpcProcEntry &e : std::as_const(tracked)) {
        if (e.where == 0 || m_processSampler->find(e.pid))
            continue;
        ProcessInfo row = m_away.value(e.pid);
        row.pid = e.pid;
        row.where = e.where;
        row.nmigs = e.nmigs;
        row.locked = e.locked;
        row.home = self;
        row.guest = false;
        row.cantmove.clear();
        row.cpuPercent = 0; // measured where it runs
        if (row.state == '?')
            row.state = 'R';
        away.append(row);
    }
    for (auto it = m_away.begin(); it != m_away.end();)
        it = std::ranges::any_of(away, [&](const ProcessInfo &p) { return p.pid == it.key(); })
                 ? std::next(it)
                 : m_away.erase(it);
    m_withAway = !away.isEmpty();
    m_rows.clear();
    if (m_withAway) {
        const auto table = m_processSampler->table();
        m_rows.reserve(qsizetype(table.size()) + away.size());
        m_rows.append(QList<ProcessInfo>(table.begin(), table.end()));
        m_rows.append(away);
        std::ranges::sort(m_rows, {}, &ProcessInfo::pid);
    }
    if (r)
        m_processFailure.succeeded();
    else
        m_processFailure.failed(r.error());
}

} // namespace omview::agent
