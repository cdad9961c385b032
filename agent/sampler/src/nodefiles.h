// Parsers for the node-wide /proc files: loadavg, meminfo, stat, uptime.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace omview::sampler {

struct LoadAverages {
    double values[3] = {0, 0, 0};
};

// Bytes, from the kB figures of /proc/meminfo.
struct MemoryFigures {
    std::uint64_t total = 0;
    std::uint64_t free = 0;
    std::uint64_t available = 0;
};

// From /proc/stat: the all-CPU line in clock ticks, the CPUs listed, boot time.
struct CpuFigures {
    std::uint64_t busy = 0; // every state but idle and iowait
    std::uint64_t total = 0;
    std::uint32_t cpus = 0;
    std::int64_t bootTime = 0; // seconds since the epoch
};

std::optional<LoadAverages> parseLoadavg(std::string_view text);
// nullopt unless MemTotal, MemFree and MemAvailable are all there.
std::optional<MemoryFigures> parseMeminfo(std::string_view text);
// nullopt unless the "cpu" line, one "cpuN" line at least and "btime" are there.
std::optional<CpuFigures> parseProcStat(std::string_view text);
// Seconds since boot (the first figure of /proc/uptime).
std::optional<double> parseUptime(std::string_view text);

} // namespace omview::sampler
