#include "nodeload.h"

#include "procfs.h"

#include <algorithm>
#include <ctime>
#include <omview/hpc/hpcbackend.h>

namespace omview::hpc {

namespace {

// What counting may cost each second: 1 % of one CPU.
constexpr std::int64_t budgetNsPerSecond = 10'000'000;

std::int64_t threadCpuNs() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

} // namespace

NodeLoad::NodeLoad(const ProcFs &fs)
    : m_fs(fs)
    , m_tasks(fs) {
    if (const auto s = m_fs.systemStat()) {
        m_lastBusy = s->cpuBusy;
        m_lastTotal = s->cpuTotal;
    }
}

void NodeLoad::tick() {
    if (++m_ticksSinceSample < m_ticksPerSample)
        return;
    m_ticksSinceSample = 0;
    const std::int64_t start = threadCpuNs();
    const auto n = m_tasks.count();
    adaptRate(threadCpuNs() - start);
    if (n)
        hpc_load_sample(&m_load, *n);
    // else a missed sample; the fold averages over those taken
}

int NodeLoad::ticksPerSampleFor(std::int64_t costNs) {
    const std::int64_t ticks =
        (std::max<std::int64_t>(costNs, 0) * ticksPerSecond + budgetNsPerSecond - 1) /
        budgetNsPerSecond;
    return int(std::clamp<std::int64_t>(ticks, 1, ticksPerSecond));
}

// Judged by the smoothed cost of a count, so that one slow read does not halve the rate.
void NodeLoad::adaptRate(std::int64_t costNs) {
    m_costNs = m_costNs < 0 ? costNs : (3 * m_costNs + costNs) / 4;
    const int next = ticksPerSampleFor(m_costNs);
    if (next != m_ticksPerSample)
        qCDebug(lcHpc) << "load: a count costs" << m_costNs / 1000 << "us of CPU, sampling at"
                       << ticksPerSecond / double(next) << "Hz";
    m_ticksPerSample = next;
}

void NodeLoad::fold() {
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
