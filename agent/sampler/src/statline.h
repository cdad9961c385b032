// The fields of /proc/<pid>/stat the process table uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace omview::sampler {

// One parsed /proc/<pid>/stat line; comm points into the parsed text.
struct StatLine {
    std::int32_t pid = 0;
    std::string_view comm;
    char state = '?';
    std::int32_t ppid = 0;
    std::uint32_t flags = 0;
    std::int32_t ttyNr = 0; // device number of the controlling terminal, 0 = none
    std::uint64_t utime = 0; // clock ticks
    std::uint64_t stime = 0;
    std::int32_t nice = 0;
    std::uint64_t startTicks = 0; // clock ticks after boot
    std::int64_t rssPages = 0;
    // Where argv starts in the process's memory: a new address space (exec)
    // moves it. 0 when /proc does not show it (no permission, kernel thread).
    std::uint64_t argStart = 0;

    // PF_KTHREAD in flags: a kernel thread, which has no user memory and no argv.
    bool isKernelThread() const { return (flags & 0x00200000u) != 0; }
};

// nullopt when the text is not a stat line. comm may hold spaces and ')'
// itself, so it runs from the first '(' to the last ')'.
std::optional<StatLine> parseStatLine(std::string_view text);

} // namespace omview::sampler
