#include "omview/agent/localconnection.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace omview::agent {

namespace {

constexpr qsizetype ReadChunk = 64 * 1024;

} // namespace

LocalConnection::LocalConnection(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_readNotifier(new QSocketNotifier(fd, QSocketNotifier::Read, this))
    , m_writeNotifier(new QSocketNotifier(fd, QSocketNotifier::Write, this)) {
    const int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &LocalConnection::readable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &LocalConnection::writable);
}

LocalConnection::~LocalConnection() {
    if (m_fd >= 0)
        ::close(m_fd);
}

void LocalConnection::readable() {
    QByteArray chunk(ReadChunk, Qt::Uninitialized);
    const ssize_t n = ::read(m_fd, chunk.data(), static_cast<size_t>(chunk.size()));
    if (n > 0) {
        chunk.truncate(n);
        emit received(chunk);
        return;
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
        return;
    if (n < 0 && errno != ECONNRESET) {
        abort();
        return;
    }
    // End of input (or a reset, which ends it too); answers may still go out.
    m_readNotifier->setEnabled(false);
    m_inputEnded = true;
    emit inputFinished();
}

void LocalConnection::write(const QByteArray &bytes) {
    if (m_fd < 0 || bytes.isEmpty())
        return;
    if (m_outStart > 0 && m_outStart == m_out.size()) {
        m_out.clear();
        m_outStart = 0;
    }
    m_out.append(bytes);
    flush();
}

void LocalConnection::flush() {
    while (m_fd >= 0 && m_outStart < m_out.size()) {
        const ssize_t n = ::send(m_fd, m_out.constData() + m_outStart,
                                 static_cast<size_t>(m_out.size() - m_outStart), MSG_NOSIGNAL);
        if (n > 0) {
            m_outStart += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_writeNotifier->setEnabled(true);
            return;
        }
        // The client is gone (EPIPE, ECONNRESET): nothing queued can reach it.
        abort();
        return;
    }
    if (m_fd < 0)
        return;
    m_writeNotifier->setEnabled(false);
    m_out.clear();
    m_outStart = 0;
    if (m_closeWhenFlushed)
        finish();
}

void LocalConnection::writable() {
    flush();
}

void LocalConnection::closeWhenFlushed() {
    m_closeWhenFlushed = true;
    if (bytesToWrite() == 0)
        finish();
}

void LocalConnection::abort() {
    m_out.clear();
    m_outStart = 0;
    finish();
}

void LocalConnection::finish() {
    if (m_fd < 0)
        return;
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    ::close(m_fd);
    m_fd = -1;
    emit closed();
}

} // namespace omview::agent
