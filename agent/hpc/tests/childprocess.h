// ChildProcess: processes the tests watch the backends track, owned and killed by the test.
#pragma once

#include <optional>
#include <sys/types.h>

// A child of the test: the test binary re-run in a child mode (for processes with threads,
// locked memory, a real-time policy, a CPU loop) or a bare fork that only sleeps (cheap
// enough to make hundreds). Killed and reaped on destruction; the kernel kills it too should
// the test die first.
class ChildProcess {
public:
    enum class Kind { Sleep, Spin, Threads, MemLock, RealTime, Forker };

    // Call first in main(): runs the child mode named by --child=... and returns its exit
    // status, or nothing when this is not a child.
    static std::optional<int> runIfChild(int argc, char **argv);

    // Starts @kind and waits until it is set up; invalid() when it could not be.
    static ChildProcess start(Kind kind);
    static ChildProcess forkSleeper();

    ChildProcess() = default;
    ChildProcess(ChildProcess &&other) noexcept;
    ChildProcess &operator=(ChildProcess &&other) noexcept;
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;
    ~ChildProcess();

    bool valid() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }
    // Forker only: makes it fork a sleeping child and returns that child's PID.
    pid_t forkGrandchild() const;
    void kill();

private:
    void closePipes();

    pid_t m_pid = -1;
    int m_toChild = -1;   // Forker: a byte asks for a grandchild
    int m_fromChild = -1; // Forker: its PID comes back here
};
