// ProcFs: what the emulation reads of the host's /proc (root configurable for tests).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <cstdint>
#include <expected>
#include <omview/hpc/hpctypes.h>
#include <optional>

namespace omview::hpc {

struct MemInfo {
    std::uint64_t totalPages = 0; // pages of 4096 bytes, as /proc/hpc counts them
    std::uint64_t freePages = 0;
    std::uint64_t availablePages = 0;
};

struct SystemStat {
    std::uint32_t procsRunning = 0;
    std::uint64_t cpuBusy = 0; // jiffies summed over all CPUs
    std::uint64_t cpuTotal = 0;
};

// The fields of /proc/<pid>/stat the emulation uses.
struct PidStat {
    char state = '?';
    Pid ppid = 0;
    std::uint32_t flags = 0;
    std::uint64_t cpuTicks = 0; // utime + stime, clock ticks
    std::uint32_t threads = 0;
    std::uint64_t startTime = 0; // clock ticks after boot: tells a reused PID apart
    std::uint64_t rssPages = 0;  // pages of 4096 bytes
    std::uint32_t policy = 0;    // SCHED_*
    bool kernelThread() const;
    bool realTime() const;
    // What the module tracks: not a kernel thread, and not a zombie whose memory is gone.
    bool userProcess() const;
};

class ProcFs {
public:
    explicit ProcFs(QString root);

    const QString &root() const { return m_root; }
    std::expected<MemInfo, int> memInfo() const;
    std::expected<SystemStat, int> systemStat() const;
    QList<Pid> pids() const;
    std::optional<PidStat> pidStat(Pid pid) const;
    std::optional<std::uint64_t> lockedKb(Pid pid) const; // VmLck of /proc/<pid>/status
    std::uint32_t onlineCpus() const;
    std::uint64_t nsPerTick() const { return m_nsPerTick; }

    // Parsers of the files' text, apart so tests can feed them captured content.
    static std::optional<MemInfo> parseMemInfo(const QByteArray &text);
    static std::optional<SystemStat> parseSystemStat(const QByteArray &text);
    static std::optional<PidStat> parsePidStat(const QByteArray &text, std::uint64_t pageSize);

private:
    QString m_root;
    std::uint64_t m_nsPerTick;
    std::uint64_t m_pageSize;
};

} // namespace omview::hpc
