#include "omview/agent/bridge.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace omview::agent {

namespace {

constexpr std::size_t BufferSize = 64 * 1024;

// One direction of the relay: bytes read from one descriptor wait here until the other
// takes them, so a slow reader applies back-pressure instead of growing memory.
struct Pipe {
    std::array<char, BufferSize> data{};
    std::size_t begin = 0;
    std::size_t end = 0;
    bool eof = false;

    bool empty() const { return begin == end; }
    bool full() const { return end == data.size(); }
};

void report(const char *what) {
    std::fprintf(stderr, "omagentd --bridge: %s: %s\n", what, std::strerror(errno));
}

enum class Io { Progress, Again, Eof, Error };

Io fill(int fd, Pipe &p) {
    const ssize_t n = ::read(fd, p.data.data() + p.end, p.data.size() - p.end);
    if (n > 0) {
        p.end += static_cast<std::size_t>(n);
        return Io::Progress;
    }
    if (n == 0)
        return Io::Eof;
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
        return Io::Again;
    // A reset connection or hung-up terminal ends the input like EOF does.
    if (errno == ECONNRESET || errno == EIO)
        return Io::Eof;
    return Io::Error;
}

Io drain(int fd, Pipe &p, bool isSocket) {
    const void *from = p.data.data() + p.begin;
    const std::size_t len = p.end - p.begin;
    const ssize_t n = isSocket ? ::send(fd, from, len, MSG_NOSIGNAL) : ::write(fd, from, len);
    if (n >= 0) {
        p.begin += static_cast<std::size_t>(n);
        if (p.empty())
            p.begin = p.end = 0;
        return Io::Progress;
    }
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
        return Io::Again;
    if (errno == EPIPE || errno == ECONNRESET)
        return Io::Eof;
    return Io::Error;
}

} // namespace

int relayStreams(int inFd, int outFd, int sockFd) {
    // stdout may be a pipe whose reader (sshd, a script) has gone: that is an EPIPE, not a signal.
    std::signal(SIGPIPE, SIG_IGN);

    Pipe up;   // inFd -> socket
    Pipe down; // socket -> outFd
    bool socketWriteShut = false;

    for (;;) {
        if (up.eof && up.empty() && !socketWriteShut) {
            ::shutdown(sockFd, SHUT_WR);
            socketWriteShut = true;
        }
        if (down.eof && down.empty())
            return 0;

        // A descriptor is polled only for what can be done with it now: poll reports a hang-up
        // whatever was asked, and acting on one with a full buffer would read zero bytes,
        // which looks like the end of the stream.
        const bool takeInput = !up.eof && !up.full();
        const bool takeAnswers = !down.eof && !down.full();
        const short sockEvents =
            static_cast<short>((takeAnswers ? POLLIN : 0) | (!up.empty() ? POLLOUT : 0));
        std::array<pollfd, 3> fds{};
        fds[0] = {takeInput ? inFd : -1, POLLIN, 0};
        fds[1] = {sockEvents ? sockFd : -1, sockEvents, 0};
        // Output is always watched: its reader going away ends the relay even when idle.
        fds[2] = {outFd, static_cast<short>(!down.empty() ? POLLOUT : 0), 0};

        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            report("poll");
            return 1;
        }

        if (takeInput && fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const Io r = fill(inFd, up);
            if (r == Io::Eof)
                up.eof = true;
            else if (r == Io::Error) {
                report("reading input");
                return 1;
            }
        }
        if (fds[1].revents & (POLLOUT | POLLERR) && !up.empty()) {
            const Io r = drain(sockFd, up, true);
            if (r == Io::Eof) { // the agent stopped reading: drop the rest, keep its answers
                up.begin = up.end = 0;
                up.eof = true;
                socketWriteShut = true;
            }
            if (r == Io::Error) {
                report("writing to the agent");
                return 1;
            }
        }
        if (takeAnswers && fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            const Io r = fill(sockFd, down);
            if (r == Io::Eof)
                down.eof = true;
            else if (r == Io::Error) {
                report("reading from the agent");
                return 1;
            }
        }
        if (fds[2].revents & (POLLOUT | POLLERR | POLLHUP) && !down.empty()) {
            const Io r = drain(outFd, down, false);
            if (r == Io::Eof) // our reader went away
                return 0;
            if (r == Io::Error) {
                report("writing output");
                return 1;
            }
        } else if (fds[2].revents & (POLLERR | POLLHUP)) {
            return 0;
        }
    }
}

int runBridge(const QString &socketPath) {
    const QByteArray path = socketPath.toLocal8Bit();
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= static_cast<qsizetype>(sizeof addr.sun_path)) {
        std::fprintf(stderr, "omagentd --bridge: socket path too long: %s\n", path.constData());
        return 1;
    }
    std::memcpy(addr.sun_path, path.constData(), static_cast<std::size_t>(path.size()));

    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        report("socket");
        return 1;
    }
    int rc;
    do
        rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
    while (rc < 0 && errno == EINTR);
    if (rc < 0 && errno != EISCONN) { // EISCONN: an interrupted connect completed meanwhile
        std::fprintf(stderr, "omagentd --bridge: cannot connect to %s: %s\n", path.constData(),
                     std::strerror(errno));
        ::close(fd);
        return 1;
    }
    const int status = relayStreams(STDIN_FILENO, STDOUT_FILENO, fd);
    ::close(fd);
    return status;
}

} // namespace omview::agent
