// NodeLoad: this node's load estimate and CPU utilisation, as the module's timer makes them.
#pragma once

#include "runnabletasks.h"

#include <cstdint>

extern "C" {
#include <hpc/load.h>
}

namespace omview::hpc {

class ProcFs;

// Counts the runnable tasks of the node's PID namespace (RunnableTasks) on a 10 Hz tick and
// folds the samples once a second through kernel/core's estimate, like the module's timer.
// Counting by a walk of /proc costs about 13 µs of CPU a thread, so a namespace with many
// threads is sampled on fewer ticks: as many as keep the counting within about 1 % of one CPU,
// at least once a second (the fold needs a sample to average). Utilisation is the busy share
// of the CPU time that passed between folds, from /proc/stat: the whole host's, as are the CPU
// count and memory, since a PID namespace has no CPUs or memory of its own.
class NodeLoad {
public:
    static constexpr int ticksPerSecond = 10;

    explicit NodeLoad(const ProcFs &fs);

    // Called ticksPerSecond times a second; takes a sample when one is due.
    void tick();
    void fold();

    std::uint32_t meanRaw() const { return m_load.mean; }
    std::uint32_t exportRaw() const { return m_load.export_; }
    std::uint32_t utilPercent() const { return m_util; }
    // Ticks between samples when one count costs @costNs of CPU: 1 (10 Hz) while counting
    // stays within the budget, up to ticksPerSecond (1 Hz) however much it costs.
    static int ticksPerSampleFor(std::int64_t costNs);

private:
    void adaptRate(std::int64_t costNs);

    const ProcFs &m_fs;
    RunnableTasks m_tasks;
    hpc_load m_load{};
    int m_ticksPerSample = 1;
    int m_ticksSinceSample = 0;
    std::int64_t m_costNs = -1; // smoothed CPU time of one count; -1 before the first
    std::uint64_t m_lastBusy = 0;
    std::uint64_t m_lastTotal = 0;
    std::uint32_t m_util = 0;
};

} // namespace omview::hpc
