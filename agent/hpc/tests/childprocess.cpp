#include "childprocess.h"

#include <QCoreApplication>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <string>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

extern char **environ;

namespace {

constexpr const char *kindNames[] = {"sleep", "spin", "threads", "memlock", "realtime", "forker"};

[[noreturn]] void sleepForever() {
    for (;;)
        ::pause();
}

void *threadSleeps(void *) {
    sleepForever();
}

bool writeAll(int fd, const void *data, size_t len) {
    return ::write(fd, data, len) == ssize_t(len);
}

// Forker: each byte on @in forks a sleeping grandchild whose PID goes out on @out.
[[noreturn]] void forkOnRequest(int in, int out) {
    char c;
    while (::read(in, &c, 1) == 1) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            sleepForever();
        }
        writeAll(out, &pid, sizeof pid);
    }
    ::_exit(0);
}

// Sets the child up as @kind; true when it is what it should be.
bool becomeKind(const std::string &kind) {
    if (kind == "threads") {
        pthread_t t;
        return pthread_create(&t, nullptr, threadSleeps, nullptr) == 0;
    }
    if (kind == "memlock") {
        static char page[4096];
        std::memset(page, 1, sizeof page);
        // The system call itself: AddressSanitizer turns mlock() into a no-op.
        return ::syscall(SYS_mlock, page, sizeof page) == 0;
    }
    if (kind == "realtime") {
        const sched_param p{1};
        return ::sched_setscheduler(0, SCHED_FIFO, &p) == 0;
    }
    return true;
}

} // namespace

std::optional<int> ChildProcess::runIfChild(int argc, char **argv) {
    std::string kind;
    int ready = -1, in = -1, out = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.starts_with("--child="))
            kind = a.substr(8);
        else if (a.starts_with("--ready-fd="))
            ready = std::stoi(a.substr(11));
        else if (a.starts_with("--in-fd="))
            in = std::stoi(a.substr(8));
        else if (a.starts_with("--out-fd="))
            out = std::stoi(a.substr(9));
    }
    if (kind.empty())
        return std::nullopt;
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const char status = becomeKind(kind) ? 'r' : 'e';
    writeAll(ready, &status, 1);
    ::close(ready);
    if (kind == "forker")
        forkOnRequest(in, out);
    if (kind == "spin") {
        volatile unsigned long n = 0;
        for (;;)
            n = n + 1;
    }
    sleepForever();
}

ChildProcess ChildProcess::start(Kind kind) {
    const bool forker = kind == Kind::Forker;
    int ready[2], toChild[2] = {-1, -1}, fromChild[2] = {-1, -1};
    if (::pipe2(ready, O_CLOEXEC) != 0)
        return {};
    if (forker && (::pipe2(toChild, O_CLOEXEC) != 0 || ::pipe2(fromChild, O_CLOEXEC) != 0))
        return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // dup2 onto the same descriptor clears FD_CLOEXEC in the child only.
    posix_spawn_file_actions_adddup2(&actions, ready[1], ready[1]);
    if (forker) {
        posix_spawn_file_actions_adddup2(&actions, toChild[0], toChild[0]);
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], fromChild[1]);
    }
    const std::string self = QCoreApplication::applicationFilePath().toStdString();
    std::string args[] = {self, std::string("--child=") + kindNames[int(kind)],
                          "--ready-fd=" + std::to_string(ready[1]),
                          "--in-fd=" + std::to_string(toChild[0]),
                          "--out-fd=" + std::to_string(fromChild[1])};
    char *argv[] = {args[0].data(), args[1].data(), args[2].data(),
                    args[3].data(), args[4].data(), nullptr};
    ChildProcess child;
    const int err = ::posix_spawn(&child.m_pid, self.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(ready[1]);
    if (forker) {
        ::close(toChild[0]);
        ::close(fromChild[1]);
        child.m_toChild = toChild[1];
        child.m_fromChild = fromChild[0];
    }
    if (err != 0)
        child.m_pid = -1;
    char status = 0;
    const bool ok = err == 0 && ::read(ready[0], &status, 1) == 1 && status == 'r';
    ::close(ready[0]);
    if (!ok)
        child.kill();
    return child;
}

ChildProcess ChildProcess::forkSleeper() {
    ChildProcess child;
    child.m_pid = ::fork();
    if (child.m_pid == 0) {
        // Only async-signal-safe calls here: the parent has threads.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        sleepForever();
    }
    return child;
}

ChildProcess::ChildProcess(ChildProcess &&other) noexcept
    : m_pid(std::exchange(other.m_pid, -1))
    , m_toChild(std::exchange(other.m_toChild, -1))
    , m_fromChild(std::exchange(other.m_fromChild, -1)) {}

ChildProcess &ChildProcess::operator=(ChildProcess &&other) noexcept {
    if (this != &other) {
        kill();
        m_pid = std::exchange(other.m_pid, -1);
        m_toChild = std::exchange(other.m_toChild, -1);
        m_fromChild = std::exchange(other.m_fromChild, -1);
    }
    return *this;
}

ChildProcess::~ChildProcess() {
    kill();
}

pid_t ChildProcess::forkGrandchild() const {
    pid_t pid = -1;
    if (m_toChild < 0 || !writeAll(m_toChild, "f", 1) ||
        ::read(m_fromChild, &pid, sizeof pid) != ssize_t(sizeof pid))
        return -1;
    return pid;
}

void ChildProcess::closePipes() {
    for (int *fd : {&m_toChild, &m_fromChild})
        if (*fd >= 0)
            ::close(std::exchange(*fd, -1));
}

void ChildProcess::kill() {
    closePipes();
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGKILL);
    while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    m_pid = -1;
}
