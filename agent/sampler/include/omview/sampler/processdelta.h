// What changed in the process table between two samples, compact enough to
// push to subscribers every interval.
#pragma once

#include <QFlags>
#include <cstdint>
#include <vector>

namespace omview {

// One bit per ProcessInfo field that can change while the process lives.
// pid and startTime never change for a process: a new startTime under the
// same pid is a new process and is reported as added.
enum class ProcessField : std::uint32_t {
    Ppid = 1u << 0,
    Uid = 1u << 1,
    User = 1u << 2,
    Command = 1u << 3,
    Cmdline = 1u << 4,
    State = 1u << 5,
    CpuPercent = 1u << 6,
    Rss = 1u << 7,
    Nice = 1u << 8,
    Where = 1u << 9,
    Home = 1u << 10,
    Locked = 1u << 11,
    Nmigs = 1u << 12,
    Cantmove = 1u << 13,
    Guest = 1u << 14,
    Tty = 1u << 15,
    CpuTime = 1u << 16,
};
Q_DECLARE_FLAGS(ProcessFields, ProcessField)

// A process still present whose fields (the set bits) differ from the previous sample.
struct ProcessChange {
    std::int32_t pid = 0;
    ProcessFields fields;
    bool operator==(const ProcessChange &) const = default;
};

// The change set of one sample, each list in ascending pid order. A pid in
// `added` that a consumer already holds is a new process that reuses the pid:
// the consumer replaces its row.
struct ProcessDelta {
    std::vector<std::int32_t> added;
    std::vector<ProcessChange> changed;
    std::vector<std::int32_t> removed;

    bool isEmpty() const { return added.empty() && changed.empty() && removed.empty(); }
    void clear() {
        added.clear();
        changed.clear();
        removed.clear();
    }
};

} // namespace omview

Q_DECLARE_OPERATORS_FOR_FLAGS(omview::ProcessFields)
