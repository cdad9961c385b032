#include "procroot.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace omview::sampler {

namespace {

constexpr std::size_t initialReadSize = 4096;
constexpr std::size_t entriesSize = 32 * 1024;

// A descriptor closed when it goes out of scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd)
        : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

bool isPidName(const char *name) {
    if (*name < '1' || *name > '9')
        return false;
    for (++name; *name; ++name) {
        if (*name < '0' || *name > '9')
            return false;
    }
    return true;
}

} // namespace

ProcRoot::~ProcRoot() {
    if (fd_ >= 0)
        ::close(fd_);
}

int ProcRoot::open(const QByteArray &path) {
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = fd;
    return 0;
}

std::expected<int, int> ProcRoot::openFile(const char *relPath) const {
    const int fd = ::openat(fd_, relPath, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return std::unexpected(errno);
    return fd;
}

std::expected<std::string_view, int> ProcRoot::read(const char *relPath, std::vector<char> &buffer,
                                                    std::size_t limit) const {
    const auto fd = openFile(relPath);
    if (!fd)
        return std::unexpected(fd.error());
    const FileDescriptor file(*fd);
    return readFile(file.get(), buffer, limit);
}

std::expected<std::string_view, int> ProcRoot::readFile(int fd, std::vector<char> &buffer,
                                                        std::size_t limit) {
    if (buffer.size() < initialReadSize)
        buffer.resize(initialReadSize);
    std::size_t used = 0;
    while (used < limit) {
        if (used == buffer.size())
            buffer.resize(std::min(buffer.size() * 2, limit));
        const std::size_t want = std::min(buffer.size(), limit) - used;
        // Positioned reads, so that a file kept open is read afresh from its
        // start: procfs makes the text anew for a read at offset 0.
        const ssize_t got = ::pread(fd, buffer.data() + used, want, static_cast<off_t>(used));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return std::unexpected(errno);
        }
        used += static_cast<std::size_t>(got);
        // procfs makes each file in one go and hands out all of it that fits,
        // so a short read is the end of the file; this saves the read that
        // would return 0 (procps relies on the same).
        if (static_cast<std::size_t>(got) < want)
            break;
    }
    return std::string_view(buffer.data(), used);
}

std::expected<std::uint32_t, int> ProcRoot::ownerOf(const char *relPath) const {
    struct stat info;
    if (::fstatat(fd_, relPath, &info, 0) < 0)
        return std::unexpected(errno);
    return info.st_uid;
}

int ProcRoot::listPids(std::vector<std::int32_t> &pids) {
    pids.clear();
    if (entries_.empty())
        entries_.resize(entriesSize);
    if (::lseek(fd_, 0, SEEK_SET) < 0)
        return errno;
    for (;;) {
        const ssize_t got = ::getdents64(fd_, entries_.data(), entries_.size());
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (got == 0)
            break;
        for (ssize_t at = 0; at < got;) {
            const auto *entry = reinterpret_cast<const dirent64 *>(entries_.data() + at);
            at += entry->d_reclen;
            if (!isPidName(entry->d_name))
                continue;
            std::int32_t pid = 0;
            const char *end = entry->d_name + std::strlen(entry->d_name);
            if (std::from_chars(entry->d_name, end, pid).ec == std::errc())
                pids.push_back(pid);
        }
    }
    // /proc lists processes in pid order already; other trees (test fixtures) do not.
    if (!std::ranges::is_sorted(pids))
        std::ranges::sort(pids);
    return 0;
}

void pidPath(char *out, std::int32_t pid, std::string_view name) {
    char *at = std::to_chars(out, out + 12, pid).ptr;
    if (!name.empty()) {
        *at++ = '/';
        const std::size_t length = std::min<std::size_t>(name.size(), 18);
        std::memcpy(at, name.data(), length);
        at += length;
    }
    *at = '\0';
}

} // namespace omview::sampler
