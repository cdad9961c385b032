// Samples every process of a /proc tree and the change set since the
// previous sample.
#pragma once

#include <QString>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <omview/protocol/types.h>
#include <omview/sampler/processdelta.h>
#include <span>

namespace omview {

// Walks <procRoot>/<pid>/ for every process on each call, rereading the stat
// files it kept open, and keeps the previous table, so that strings which did
// not change are reused, not rebuilt, and the change set comes for free. The migration fields of
// ProcessInfo (where, home, locked, nmigs, cantmove, guest) are not in /proc:
// the caller fills them through the merge hook.
class ProcessSampler {
public:
    struct Options {
        QString procRoot = QStringLiteral("/proc");
        // Longest command line kept, in bytes; longer ones are cut on a
        // character boundary and end in "…".
        int cmdlineLimit = 4096;
        // The command line is re-read when a process is new, reuses a pid or
        // execs (a new comm, or argv at a new address), and once more on the
        // sample after a process is first seen, for programs that set a title
        // right after fork (sshd, postgres, nginx workers). Besides, every
        // process's is re-read once in this many samples (spread over the
        // samples by pid) for those that retitle later. 0 = never. Reading
        // argv means reading the process's memory: with 8 it cost a quarter
        // of a steady sample, with 32 a few per cent.
        int cmdlineRefreshEvery = 32;
        // Up to this many /proc/<pid>/stat files stay open from one sample to
        // the next, which halves the cost of sampling a process; never more
        // than half of the RLIMIT_NOFILE soft limit, so that the rest of the
        // program keeps descriptors. Each one costs the kernel about 4.5 kB
        // (a struct file and the page its text is made in). 0 = open and close
        // them each time, as top and ps do.
        int keepStatFilesOpen = 65536;
    };
    // Called for each process of a sample after its /proc fields are set and
    // before the change set is computed, so that changes it makes to the
    // migration fields are reported too.
    using MergeHook = std::function<void(ProcessInfo &)>;

    ProcessSampler();
    explicit ProcessSampler(Options options);
    ~ProcessSampler();
    ProcessSampler(const ProcessSampler &) = delete;
    ProcessSampler &operator=(const ProcessSampler &) = delete;

    // Takes a sample. On error (the root, its uptime or stat unreadable) the
    // table and the change set are those of the previous sample and the
    // message names the file and the reason. Processes that vanish while they
    // are read are left out.
    std::expected<void, QString> sample();

    // The processes of the last sample in ascending pid order.
    std::span<const ProcessInfo> table() const;
    // null when pid was not in the last sample.
    const ProcessInfo *find(std::int32_t pid) const;
    // The change set of the last sample against the one before; after the
    // first sample every process is in `added`.
    const ProcessDelta &delta() const;

    void setMergeHook(MergeHook hook);

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace omview
