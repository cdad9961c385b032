#include "procfs.h"

#include "sysfile.h"

#include <QFile>
#include <dirent.h>
#include <sched.h>
#include <unistd.h>

namespace omview::hpc {

namespace {

constexpr std::uint32_t pfKthread = 0x00200000; // PF_KTHREAD in /proc/<pid>/stat's flags
constexpr std::uint64_t hpcPageSize = 4096;

// The number after "Key:" in a "Key:   value kB" file such as meminfo or status.
std::optional<std::uint64_t> keyedValue(const QByteArray &text, const QByteArray &key) {
    for (qsizetype at = 0; at < text.size();) {
        qsizetype end = text.indexOf('\n', at);
        if (end < 0)
            end = text.size();
        if (text.mid(at, key.size()) == key) {
            const QList<QByteArray> f =
                text.mid(at + key.size(), end - at - key.size()).simplified().split(' ');
            bool ok = false;
            const std::uint64_t v = f.value(0).toULongLong(&ok);
            return ok ? std::optional(v) : std::nullopt;
        }
        at = end + 1;
    }
    return std::nullopt;
}

} // namespace

bool PidStat::kernelThread() const {
    return flags & pfKthread;
}

bool PidStat::userProcess() const {
    return !kernelThread() && state != 'Z' && state != 'X';
}

bool PidStat::realTime() const {
    return policy == SCHED_FIFO || policy == SCHED_RR || policy == 6 /* SCHED_DEADLINE */;
}

ProcFs::ProcFs(QString root)
    : m_root(std::move(root)) {
    const long hz = ::sysconf(_SC_CLK_TCK);
    m_nsPerTick = 1000000000ull / std::uint64_t(hz > 0 ? hz : 100);
    const long page = ::sysconf(_SC_PAGESIZE);
    m_pageSize = std::uint64_t(page > 0 ? page : 4096);
}

std::optional<MemInfo> ProcFs::parseMemInfo(const QByteArray &text) {
    const auto total = keyedValue(text, "MemTotal:");
    const auto free = keyedValue(text, "MemFree:");
    const auto available = keyedValue(text, "MemAvailable:");
    if (!total || !free)
        return std::nullopt;
    // meminfo counts kB; /proc/hpc counts pages of 4096 bytes.
    return MemInfo{*total / 4, *free / 4, available.value_or(*free) / 4};
}

std::optional<SystemStat> ProcFs::parseSystemStat(const QByteArray &text) {
    SystemStat s;
    bool haveCpu = false, haveRunning = false;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("cpu ")) {
            const QList<QByteArray> f = line.simplified().split(' ');
            // user nice system idle iowait irq softirq steal (guest times are in user already)
            for (qsizetype i = 1; i < f.size() && i <= 8; ++i) {
                const std::uint64_t v = f[i].toULongLong();
                s.cpuTotal += v;
                if (i != 4 && i != 5)
                    s.cpuBusy += v;
            }
            haveCpu = true;
        } else if (line.startsWith("procs_running ")) {
            bool ok = false;
            s.procsRunning = line.mid(14).trimmed().toUInt(&ok);
            haveRunning = ok;
        }
    }
    if (!haveCpu || !haveRunning)
        return std::nullopt;
    return s;
}

std::optional<PidStat> ProcFs::parsePidStat(const QByteArray &text, std::uint64_t pageSize) {
    // The command may hold blanks and parentheses: the fields start after the last ')'.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> f = text.mid(close + 1).simplified().split(' ');
    // f[0] is field 3 (state); field N is f[N - 3]. policy is field 41.
    if (f.size() < 41 - 3 + 1)
        return std::nullopt;
    const auto field = [&f](int n) {
        return f[n - 3].toULongLong();
    };
    PidStat s;
    s.state = f[0].isEmpty() ? '?' : f[0].front();
    s.ppid = Pid(field(4));
    s.flags = std::uint32_t(field(9));
    s.cpuTicks = field(14) + field(15);
    s.threads = std::uint32_t(field(20));
    s.startTime = field(22);
    s.rssPages = field(24) * pageSize / hpcPageSize;
    s.policy = std::uint32_t(field(41));
    return s;
}

std::expected<MemInfo, int> ProcFs::memInfo() const {
    const auto text = readWholeFile(m_root + QStringLiteral("/meminfo"));
    if (!text)
        return std::unexpected(text.error());
    const auto m = parseMemInfo(*text);
    if (!m)
        return std::unexpected(EINVAL);
    return *m;
}

std::expected<SystemStat, int> ProcFs::systemStat() const {
    const auto text = readWholeFile(m_root + QStringLiteral("/stat"));
    if (!text)
        return std::unexpected(text.error());
    const auto s = parseSystemStat(*text);
    if (!s)
        return std::unexpected(EINVAL);
    return *s;
}

QList<Pid> ProcFs::pids() const {
    QList<Pid> out;
    DIR *dir = ::opendir(QFile::encodeName(m_root).constData());
    if (!dir)
        return out;
    while (const dirent *e = ::readdir(dir)) {
        const char *n = e->d_name;
        if (*n < '1' || *n > '9')
            continue;
        char *end = nullptr;
        const long pid = std::strtol(n, &end, 10);
        if (*end == '\0' && pid > 0 && pid <= 0x7fffffff)
            out.append(Pid(pid));
    }
    ::closedir(dir);
    return out;
}

std::optional<PidStat> ProcFs::pidStat(Pid pid) const {
    const auto text =
        readWholeFile(m_root + QLatin1Char('/') + QString::number(pid) + QStringLiteral("/stat"));
    if (!text)
        return std::nullopt;
    return parsePidStat(*text, m_pageSize);
}

std::optional<std::uint64_t> ProcFs::lockedKb(Pid pid) const {
    const auto text =
        readWholeFile(m_root + QLatin1Char('/') + QString::number(pid) + QStringLiteral("/status"));
    if (!text)
        return std::nullopt;
    // Kernel threads have no VmLck line: nothing locked.
    return keyedValue(*text, "VmLck:").value_or(0);
}

std::uint32_t ProcFs::onlineCpus() const {
    const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? std::uint32_t(n) : 1;
}

} // namespace omview::hpc
