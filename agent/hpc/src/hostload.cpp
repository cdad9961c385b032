#include "hostload.h"

#include "procfs.h"

#include <algorithm>

namespace omview::hpc {

HostLoad::HostLoad(const ProcFs &fs)
    : m_fs(fs) {
    if (const auto s = m_fs.systemStat()) {
        m_lastBusy = s->cpuBusy;
        m_lastTotal = s->cpuTotal;
    }
}

void HostLoad::sample() {
    const auto s = m_fs.systemStat();
    if (!s)
        return; // a missed sample; the fold averages over those taken
    // procs_running counts the sampling thread itself, which the module's timer never sees.
    hpc_load_sample(&m_load, s->procsRunning > 0 ? s->procsRunning - 1 : 0);
}

void HostLoad::fold() {
    hpc_load_fold(&m_load);
    const auto s = m_fs.systemStat();
    if (!s)
        return;
    const std::uint64_t total = s->cpuTotal - m_lastTotal;
    const std::uint64_t busy = s->cpuBusy - m_lastBusy;
    if (s->cpuTotal >= m_lastTotal && s->cpuBusy >= m_lastBusy && total > 0)
        m_util = std::uint32_t(std::min<std::uint64_t>(100, (busy * 100 + total / 2) / total));
    m_lastBusy = s->cpuBusy;
    m_lastTotal = s->cpuTotal;
}

} // namespace omview::hpc
