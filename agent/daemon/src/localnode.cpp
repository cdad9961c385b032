#include "omview/agent/localnode.h"

#include <QHash>
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
    return m_processSampler->table();
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
    if (r)
        m_processFailure.succeeded();
    else
        m_processFailure.failed(r.error());
}

} // namespace omview::agent
