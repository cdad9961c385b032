#include "sysfile.h"

#include <QFile>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace omview::hpc {

namespace {

int openRetrying(const QByteArray &path, int flags) {
    int fd;
    do {
        fd = ::open(path.constData(), flags | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

} // namespace

std::expected<QByteArray, int> readWholeFile(const QString &path) {
    const int fd = openRetrying(QFile::encodeName(path), O_RDONLY);
    if (fd < 0)
        return std::unexpected(errno);
    QByteArray data;
    constexpr qsizetype chunk = 16384;
    for (;;) {
        const qsizetype used = data.size();
        data.resize(used + chunk);
        const ssize_t n = ::read(fd, data.data() + used, chunk);
        if (n < 0 && errno == EINTR) {
            data.resize(used);
            continue;
        }
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return std::unexpected(err);
        }
        data.resize(used + n);
        if (n == 0)
            break;
    }
    ::close(fd);
    return data;
}

std::expected<void, int> writeWholeFile(const QString &path, const QByteArray &data) {
    const int fd = openRetrying(QFile::encodeName(path), O_WRONLY);
    if (fd < 0)
        return std::unexpected(errno);
    ssize_t n;
    do {
        n = ::write(fd, data.constData(), size_t(data.size()));
    } while (n < 0 && errno == EINTR);
    const int err = errno;
    ::close(fd);
    if (n < 0)
        return std::unexpected(err);
    // The module takes a value whole or refuses it; a partial write would be a new behaviour.
    if (n != data.size())
        return std::unexpected(EIO);
    return {};
}

} // namespace omview::hpc
