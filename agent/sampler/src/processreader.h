// Reads the /proc files of one process.
#pragma once

#include "statline.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace omview::sampler {

class ProcRoot;

enum class ReadResult {
    Read,
    Vanished,   // the process exited while it was read (ENOENT, ESRCH)
    Unreadable, // any other error, or text that does not parse
};

// Reads <pid>/stat, the owner, and on request <pid>/cmdline into buffers it
// reuses from process to process; what it returns stays valid until the next
// read of the same kind.
class ProcessReader {
public:
    explicit ProcessReader(std::size_t cmdlineLimit)
        : cmdlineLimit_(cmdlineLimit) {}

    // stat and the effective uid. statFd is the process's stat file kept
    // open from an earlier sample, or -1: reading it again (pread at 0) spares
    // the path walk, the open and the close, about half the cost of a
    // process. On return it is the file kept open for the next sample, which
    // is one only when keepOpen is set; -1 whenever the result is not Read.
    //
    // The uid is the owner of the <pid> directory: one fstatat() instead of
    // reading status, which the kernel builds field by field (memory figures,
    // signal masks, CPU lists) and we would then parse. The directory, unlike
    // the files in it, is the effective uid's even when the process is not
    // dumpable (Linux >= 4.11, task_dump_owner() in fs/proc/base.c); kernel
    // threads show as root's. It is looked up anew each time, so a setuid()
    // shows at the next sample.
    ReadResult readStat(const ProcRoot &root, std::int32_t pid, int &statFd, bool keepOpen);
    const StatLine &stat() const { return stat_; }
    std::uint32_t uid() const { return uid_; }

    // cmdline, at most the limit the reader was made with. A kernel thread
    // has none; an error other than the process vanishing reads as none.
    ReadResult readCmdline(const ProcRoot &root, std::int32_t pid);
    std::span<char> cmdline() { return cmdline_; }
    bool cmdlineTruncated() const { return cmdlineTruncated_; }

    // errno of the last Unreadable result (0 when the text did not parse).
    int lastError() const { return lastError_; }

    // Closes fd if it is open and sets it to -1.
    static void closeFile(int &fd);

private:
    ReadResult failure(int error);
    ReadResult readStatFile(const ProcRoot &root, std::int32_t pid, int &statFd, bool keepOpen);

    std::size_t cmdlineLimit_;
    std::vector<char> statBuffer_;
    std::vector<char> cmdlineBuffer_;
    StatLine stat_;
    std::uint32_t uid_ = 0;
    std::span<char> cmdline_;
    bool cmdlineTruncated_ = false;
    int lastError_ = 0;
};

} // namespace omview::sampler
