// One accepted Unix stream connection, driven by socket notifiers on its descriptor.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>

namespace omview::agent {

// A client connection that, unlike QLocalSocket, survives the client half-closing: after
// the end of its input the agent can still send the answers to what it asked, then close.
// Writes are queued and sent as the socket takes them; nothing blocks.
class LocalConnection : public QObject {
    Q_OBJECT
public:
    // Takes ownership of @fd (a connected stream socket) and makes it non-blocking.
    explicit LocalConnection(int fd, QObject *parent = nullptr);
    ~LocalConnection() override;

    int descriptor() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }
    bool inputEnded() const { return m_inputEnded; }
    qint64 bytesToWrite() const { return m_out.size() - m_outStart; }

    void write(const QByteArray &bytes);
    // Closes once everything queued has been sent (at once when nothing is).
    void closeWhenFlushed();
    // Closes now, dropping what is queued.
    void abort();

signals:
    void received(const QByteArray &bytes);
    // The client shut down its sending side (or closed): no more input will come.
    void inputFinished();
    // The descriptor was closed; emitted once.
    void closed();

private:
    void readable();
    void writable();
    void flush();
    void finish();

    int m_fd;
    QSocketNotifier *m_readNotifier;
    QSocketNotifier *m_writeNotifier;
    QByteArray m_out;
    qsizetype m_outStart = 0; // bytes of m_out already sent
    bool m_inputEnded = false;
    bool m_closeWhenFlushed = false;
};

} // namespace omview::agent
