#include "runnabletasks.h"

#include "procfs.h"

#include <QFile>
#include <cerrno>
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace omview::hpc {

namespace {

// A directory stream closed on every way out.
class DirStream {
public:
    explicit DirStream(int fd)
        : m_dir(fd >= 0 ? ::fdopendir(fd) : nullptr) {
        if (fd >= 0 && !m_dir)
            ::close(fd);
    }
    DirStream(const DirStream &) = delete;
    DirStream &operator=(const DirStream &) = delete;
    ~DirStream() {
        if (m_dir)
            ::closedir(m_dir);
    }

    bool valid() const { return m_dir != nullptr; }
    int fd() const { return ::dirfd(m_dir); }
    // The next entry named by a decimal task ID, or 0 at the end.
    std::uint32_t nextId() {
        while (const dirent *e = ::readdir(m_dir)) {
            std::uint64_t v = 0;
            const char *n = e->d_name;
            if (*n < '1' || *n > '9')
                continue;
            for (; *n >= '0' && *n <= '9' && v <= 0x7fffffff; ++n)
                v = v * 10 + std::uint64_t(*n - '0');
            if (*n == '\0' && v <= 0x7fffffff)
                return std::uint32_t(v);
        }
        return 0;
    }

private:
    DIR *m_dir;
};

int openDir(int at, const char *path) {
    int fd;
    do {
        fd = ::openat(at, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

// The head of <at>/<id>/stat; nothing once the task is gone.
std::optional<RunnableTasks::StatHead> readStatHead(int at, std::uint32_t id) {
    char path[24];
    std::snprintf(path, sizeof path, "%u/stat", id);
    int fd;
    do {
        fd = ::openat(at, path, O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return std::nullopt;
    // Field 20 ends well within this: the command is at most 64 bytes, the numbers before
    // num_threads at most 20 digits each.
    char buf[1024];
    ssize_t n;
    do {
        n = ::read(fd, buf, sizeof buf);
    } while (n < 0 && errno == EINTR);
    ::close(fd);
    if (n <= 0)
        return std::nullopt;
    return RunnableTasks::parseStatHead(buf, std::size_t(n));
}

} // namespace

// Kernel threads belong to the initial PID namespace alone, and kthreadd, their parent, is
// always its PID 2: a root that shows it shows that namespace. (The namespace's own link,
// 1/ns/pid, would say so too, but reading it needs ptrace access to PID 1, which even root
// may lack.)
RunnableTasks::RunnableTasks(const ProcFs &fs)
    : m_fs(fs)
    , m_root(QFile::encodeName(fs.root())) {
    const auto kthreadd = fs.pidStat(2);
    m_wholeHost = kthreadd && kthreadd->kernelThread() && kthreadd->ppid == 0;
}

std::optional<RunnableTasks::StatHead> RunnableTasks::parseStatHead(const char *text,
                                                                    std::size_t len) {
    // The command may hold blanks and parentheses, the fields after it neither: they start
    // after the last ')'.
    std::size_t at = len;
    while (at > 0 && text[at - 1] != ')')
        --at;
    if (at == 0)
        return std::nullopt;
    StatHead head;
    int field = 2; // the command
    bool haveThreads = false;
    while (at < len && !haveThreads) {
        if (text[at] != ' ')
            return std::nullopt;
        ++at;
        ++field;
        const std::size_t start = at;
        while (at < len && text[at] != ' ' && text[at] != '\n')
            ++at;
        const std::size_t wordLen = at - start;
        if (field == 3) {
            if (wordLen != 1)
                return std::nullopt;
            head.state = text[start];
        } else if (field == 20) {
            std::uint64_t v = 0;
            for (std::size_t i = start; i < at; ++i) {
                if (text[i] < '0' || text[i] > '9' || v > 0xffffffffu / 10)
                    return std::nullopt;
                v = v * 10 + std::uint64_t(text[i] - '0');
            }
            // The end of the read must not have cut the number short.
            if (wordLen == 0 || at == len || v > 0xffffffffu)
                return std::nullopt;
            head.threads = std::uint32_t(v);
            haveThreads = true;
        }
    }
    if (!haveThreads)
        return std::nullopt;
    return head;
}

std::expected<std::uint32_t, int> RunnableTasks::count() const {
    if (!m_wholeHost)
        return walk();
    const auto s = m_fs.systemStat();
    if (!s)
        return std::unexpected(s.error());
    // procs_running counts the calling thread, busy reading it.
    return s->procsRunning > 0 ? s->procsRunning - 1 : 0;
}

// <root>/thread-self is "PID/task/TID" for a thread this root shows, and dangles otherwise.
std::optional<std::uint32_t> RunnableTasks::selfTid() const {
    char link[64];
    const ssize_t n = ::readlink((m_root + "/thread-self").constData(), link, sizeof link);
    if (n <= 0 || std::size_t(n) >= sizeof link)
        return std::nullopt;
    std::size_t at = std::size_t(n);
    while (at > 0 && link[at - 1] != '/')
        --at;
    std::uint32_t tid = 0;
    for (std::size_t i = at; i < std::size_t(n); ++i) {
        if (link[i] < '0' || link[i] > '9' || tid > 0x7fffffff / 10)
            return std::nullopt;
        tid = tid * 10 + std::uint32_t(link[i] - '0');
    }
    return tid ? std::optional(tid) : std::nullopt;
}

std::expected<std::uint32_t, int> RunnableTasks::walk() const {
    const int rootFd = openDir(AT_FDCWD, m_root.constData());
    if (rootFd < 0)
        return std::unexpected(errno);
    DirStream root(rootFd);
    if (!root.valid())
        return std::unexpected(errno);
    const std::uint32_t self = selfTid().value_or(0);
    std::uint32_t running = 0;
    while (const std::uint32_t pid = root.nextId()) {
        const auto head = readStatHead(root.fd(), pid);
        if (!head)
            continue; // gone since the directory was read
        // A process's own stat shows its leader's state: exact when the leader is all of it.
        if (head->threads <= 1) {
            if (head->state == 'R' && pid != self)
                ++running;
            continue;
        }
        char path[24];
        std::snprintf(path, sizeof path, "%u/task", pid);
        DirStream tasks(openDir(root.fd(), path));
        if (!tasks.valid())
            continue;
        while (const std::uint32_t tid = tasks.nextId()) {
            const auto t = readStatHead(tasks.fd(), tid);
            if (t && t->state == 'R' && tid != self)
                ++running;
        }
    }
    return running;
}

} // namespace omview::hpc
