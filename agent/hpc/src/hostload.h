// HostLoad: this node's load estimate and CPU utilisation, from the host's /proc/stat.
#pragma once

#include <cstdint>

extern "C" {
#include <hpc/load.h>
}

namespace omview::hpc {

class ProcFs;

// Samples the run queue (procs_running) ten times a second and folds once a second through
// kernel/core's estimate, like the module's timer; utilisation is the busy share of the CPU
// time that passed between folds.
class HostLoad {
public:
    explicit HostLoad(const ProcFs &fs);

    void sample();
    void fold();

    std::uint32_t meanRaw() const { return m_load.mean; }
    std::uint32_t exportRaw() const { return m_load.export_; }
    std::uint32_t utilPercent() const { return m_util; }

private:
    const ProcFs &m_fs;
    hpc_load m_load{};
    std::uint64_t m_lastBusy = 0;
    std::uint64_t m_lastTotal = 0;
    std::uint32_t m_util = 0;
};

} // namespace omview::hpc
