// ProcessTable: the processes the emulation tracks, with their migration state and usage.
#pragma once

#include <QList>
#include <QString>
#include <cstdint>
#include <map>
#include <omview/hpc/hpctypes.h>

extern "C" {
#include <hpc/decay.h>
}

namespace omview::hpc {

class ProcFs;
struct PidStat;

// One tracked process: what /proc says of it and what the agent told about it.
struct TrackedProcess {
    Pid pid = 0;
    Pid ppid = 0;
    std::uint64_t startTime = 0;
    std::uint64_t cpuTicks = 0; // utime + stime at the last scan
    std::uint64_t rssPages = 0;
    std::uint32_t threads = 1;
    bool realTime = false;
    bool present = true; // in /proc at the last scan; an away process may not be
    NodeId where = 0;
    std::uint32_t nmigs = 0;
    bool locked = false;
    bool guest = false;
    NodeId home = 0;
    Pid homePid = 0;
    std::int64_t holdUntilMs = 0; // no balancer decision for it before this time
    hpc_pstat stat{};
};

// Every user process of the host (kernel threads are not tracked), like the module's table.
// A process that is away stays until the agent reports it exited; a local one goes when it
// leaves /proc.
class ProcessTable {
public:
    explicit ProcessTable(const ProcFs &fs);

    // Once a second: accounts each local process's CPU time since the last scan (scaled to
    // one second when the timer ran late or early), adopts new processes and drops exited
    // ones.
    void scan(const hpc_decay_params &decay);

    TrackedProcess *find(Pid pid);
    const TrackedProcess *find(Pid pid) const;
    // find(), or a process forked since the last scan, adopted now; a local entry whose PID
    // a new process took since the last scan is that new process's from now on.
    TrackedProcess *findOrAdopt(Pid pid);
    void drop(Pid pid);
    // Counts @p's CPU time from now on (it came back home).
    void rebase(TrackedProcess &p) const;

    const std::map<Pid, TrackedProcess> &processes() const { return m_procs; }
    std::map<Pid, TrackedProcess> &processes() { return m_procs; }

    // The CANTMOVE column: "" or the reasons, comma-separated, in the module's order.
    QString cantmove(const TrackedProcess &p) const;
    // Whether anything but the lock keeps @p here (system, clone_vm, mem_lock, rt_sched).
    bool pinned(const TrackedProcess &p) const;

private:
    TrackedProcess adopt(Pid pid, const PidStat &s) const;
    std::uint32_t reasons(const TrackedProcess &p) const;

    const ProcFs &m_fs;
    std::map<Pid, TrackedProcess> m_procs;
    std::int64_t m_lastScanNs = 0;
};

} // namespace omview::hpc
