#include "processtable.h"

#include "procfs.h"

#include <QSet>
#include <QStringList>
#include <chrono>

namespace omview::hpc {

namespace {

// The reasons of the CANTMOVE column, in the order the module prints them.
enum Reason : std::uint32_t {
    System = 1,
    CloneVm = 2,
    MemLock = 4,
    RtSched = 8,
    UserLock = 16,
};

} // namespace

ProcessTable::ProcessTable(const ProcFs &fs)
    : m_fs(fs) {}

TrackedProcess ProcessTable::adopt(Pid pid, const PidStat &s) const {
    TrackedProcess p;
    p.pid = pid;
    p.ppid = s.ppid;
    p.startTime = s.startTime;
    p.cpuTicks = s.cpuTicks;
    p.rssPages = s.rssPages;
    p.threads = s.threads;
    p.realTime = s.realTime();
    // A child keeps what its parent chose: lock, decay class and job kind.
    if (const auto it = m_procs.find(s.ppid); it != m_procs.end()) {
        p.locked = it->second.locked;
        p.stat.decay = it->second.stat.decay;
        p.stat.job = it->second.stat.job;
    }
    return p;
}

void ProcessTable::scan(const hpc_decay_params &decay) {
    const std::int64_t nowNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count();
    const std::int64_t elapsedMs = m_lastScanNs ? (nowNs - m_lastScanNs) / 1000000 : 1000;
    m_lastScanNs = nowNs;
    QSet<Pid> seen;
    const QList<Pid> pids = m_fs.pids();
    seen.reserve(pids.size());
    for (const Pid pid : pids) {
        const auto s = m_fs.pidStat(pid);
        if (!s || !s->userProcess())
            continue;
        seen.insert(pid);
        auto it = m_procs.find(pid);
        // An away entry holds its PID until `where PID 0` or its exit. A process arriving
        // home is restored under that PID and runs through criu's restorer before it stops
        // and waits for `where PID 0`: it is the entry's own process, whatever its state
        // when a scan sees it. Another process that took the PID waits for the record to go.
        if (it != m_procs.end() && it->second.where != 0 && it->second.startTime != s->startTime)
            continue;
        if (it == m_procs.end() || it->second.startTime != s->startTime) {
            m_procs.insert_or_assign(pid, adopt(pid, *s));
            continue;
        }
        TrackedProcess &p = it->second;
        if (p.where == 0) {
            const std::uint64_t ticks = s->cpuTicks >= p.cpuTicks ? s->cpuTicks - p.cpuTicks : 0;
            std::uint64_t ns = ticks * m_fs.nsPerTick();
            if (elapsedMs > 0)
                ns = ns * 1000 / std::uint64_t(elapsedMs);
            hpc_pstat_tick(&p.stat, ns, &decay);
            p.cpuTicks = s->cpuTicks;
        }
        p.ppid = s->ppid;
        p.rssPages = s->rssPages;
        p.threads = s->threads;
        p.realTime = s->realTime();
        p.present = true;
    }
    for (auto it = m_procs.begin(); it != m_procs.end();) {
        TrackedProcess &p = it->second;
        if (seen.contains(p.pid)) {
            ++it;
        } else if (p.where != 0) {
            p.present = false;
            ++it;
        } else {
            it = m_procs.erase(it);
        }
    }
}

TrackedProcess *ProcessTable::find(Pid pid) {
    const auto it = m_procs.find(pid);
    return it == m_procs.end() ? nullptr : &it->second;
}

const TrackedProcess *ProcessTable::find(Pid pid) const {
    const auto it = m_procs.find(pid);
    return it == m_procs.end() ? nullptr : &it->second;
}

TrackedProcess *ProcessTable::findOrAdopt(Pid pid) {
    if (pid <= 0)
        return nullptr;
    const auto s = m_fs.pidStat(pid);
    TrackedProcess *p = find(pid);
    // A local entry whose process died, and whose PID another one took, since the last scan
    // is stale: what the agent says now is about the process running now. A move away and
    // straight back does that: the guest arrives under the PID its predecessor left, and a
    // flag set on the old entry would go with it at the next scan.
    if (p && p->where == 0 && s && s->userProcess() && s->startTime != p->startTime)
        *p = adopt(pid, *s);
    if (p)
        return p;
    if (!s || !s->userProcess())
        return nullptr;
    return &m_procs.insert_or_assign(pid, adopt(pid, *s)).first->second;
}

void ProcessTable::drop(Pid pid) {
    m_procs.erase(pid);
}

void ProcessTable::rebase(TrackedProcess &p) const {
    // Back home the entry belongs to the process running here now: a restored process has
    // a start time of its own.
    if (const auto s = m_fs.pidStat(p.pid)) {
        p.startTime = s->startTime;
        p.cpuTicks = s->cpuTicks;
        p.present = true;
    }
}

std::uint32_t ProcessTable::reasons(const TrackedProcess &p) const {
    std::uint32_t r = p.locked ? std::uint32_t(UserLock) : 0u;
    // A process that is away has nothing here that keeps it.
    if (p.where != 0)
        return r;
    if (p.pid == 1)
        r |= System;
    if (p.threads > 1)
        r |= CloneVm;
    if (p.present && m_fs.lockedKb(p.pid).value_or(0) > 0)
        r |= MemLock;
    if (p.realTime)
        r |= RtSched;
    return r;
}

bool ProcessTable::pinned(const TrackedProcess &p) const {
    return reasons(p) & ~std::uint32_t(UserLock);
}

QString ProcessTable::cantmove(const TrackedProcess &p) const {
    static const char *const names[] = {"system", "clone_vm", "mem_lock", "rt_sched", "user_lock"};
    const std::uint32_t r = reasons(p);
    QStringList out;
    for (int i = 0; i < 5; ++i)
        if (r & (1u << i))
            out.append(QLatin1StringView(names[i]));
    return out.join(QLatin1Char(','));
}

} // namespace omview::hpc
