#include "logging.h"

#include <QPointer>
#include <omview/protocol/localsockettransport.h>

namespace omview {

LocalSocketTransport::LocalSocketTransport(QString socketPath, QObject *parent,
                                           qsizetype maxLineLength)
    : Transport(parent)
    , m_path(std::move(socketPath))
    , m_socket(this)
    , m_framer(maxLineLength) {
    // Queued: QLocalSocket emits from inside connectToServer() and its error
    // paths, and listeners may close or reopen the connection in response;
    // they must not run with the socket's own code still on the stack. The
    // slots read the socket's current state rather than the signal's value.
    connect(&m_socket, &QLocalSocket::stateChanged, this, &LocalSocketTransport::syncState,
            Qt::QueuedConnection);
    connect(&m_socket, &QLocalSocket::connected, this, &LocalSocketTransport::syncState,
            Qt::QueuedConnection);
    connect(&m_socket, &QLocalSocket::readyRead, this, &LocalSocketTransport::onReadyRead,
            Qt::QueuedConnection);
    connect(&m_socket, &QLocalSocket::errorOccurred, this, &LocalSocketTransport::onSocketError,
            Qt::QueuedConnection);
}

LocalSocketTransport::~LocalSocketTransport() {
    // The socket outlives the framer (members die in reverse order): it must
    // not call back into this half-destroyed object while it closes.
    m_socket.disconnect(this);
    m_socket.abort();
}

QString LocalSocketTransport::description() const {
    return QStringLiteral("local socket %1").arg(m_path);
}

void LocalSocketTransport::open() {
    if (m_socket.state() != QLocalSocket::UnconnectedState)
        return;
    m_framer.reset();
    m_lastError.clear();
    setState(State::Opening);
    m_socket.connectToServer(m_path);
}

void LocalSocketTransport::close() {
    // Immediate, so that the state is Closed when close() returns: what can
    // be written without blocking is written, bytes that arrived are dropped.
    m_framer.reset();
    if (m_socket.state() != QLocalSocket::UnconnectedState) {
        m_socket.flush();
        m_socket.abort();
    }
    setState(State::Closed);
}

bool LocalSocketTransport::sendLine(const QByteArray &line) {
    if (state() != State::Open || !isFramedLine(line))
        return false;
    return m_socket.write(line) == line.size();
}

void LocalSocketTransport::syncState() {
    switch (m_socket.state()) {
    case QLocalSocket::UnconnectedState:
        if (state() != State::Closed) {
            // The queued error may come after this state change; the socket
            // still knows it.
            if (m_lastError.isEmpty() && m_socket.error() != QLocalSocket::UnknownSocketError)
                m_lastError = describe(m_socket.error());
            if (!m_lastError.isEmpty())
                emit errorOccurred(m_lastError);
        }
        setState(State::Closed);
        break;
    case QLocalSocket::ConnectingState:
        setState(State::Opening);
        break;
    case QLocalSocket::ConnectedState:
        if (m_socket.isOpen())
            setState(State::Open);
        break;
    case QLocalSocket::ClosingState:
        break;
    }
}

void LocalSocketTransport::onReadyRead() {
    const QPointer<LocalSocketTransport> self(this);
    if (state() != State::Open)
        syncState(); // bytes may be queued ahead of the connected notification
    while (self && state() == State::Open && m_socket.bytesAvailable() > 0) {
        const QByteArray bytes = m_socket.read(64 * 1024);
        for (auto &frame : m_framer.feed(bytes)) {
            // A slot may close or delete this transport.
            if (!self || state() != State::Open)
                return;
            if (frame) {
                emit lineReceived(*frame);
                continue;
            }
            const QString message =
                QStringLiteral("%1: received a line longer than %2 bytes; closing")
                    .arg(description())
                    .arg(frame.error().limit);
            qCWarning(lcProtocol).noquote() << message;
            emit errorOccurred(message);
            if (self)
                close();
            return;
        }
    }
}

QString LocalSocketTransport::describe(QLocalSocket::LocalSocketError error) const {
    QString what;
    switch (error) {
    case QLocalSocket::ServerNotFoundError:
        what = QStringLiteral("no such socket (is omagentd running?)");
        break;
    case QLocalSocket::ConnectionRefusedError:
        what = QStringLiteral("connection refused (is omagentd running?)");
        break;
    case QLocalSocket::SocketAccessError:
        what = QStringLiteral("permission denied");
        break;
    case QLocalSocket::PeerClosedError:
        what = QStringLiteral("the agent closed the connection");
        break;
    default:
        what = m_socket.errorString();
        break;
    }
    return QStringLiteral("%1: %2").arg(description(), what);
}

void LocalSocketTransport::onSocketError(QLocalSocket::LocalSocketError error) {
    // Reported with the state change to Closed, so that listeners learn the
    // reason before they learn that the connection is gone.
    m_lastError = describe(error);
    qCDebug(lcProtocol).noquote() << m_lastError;
    if (m_socket.state() == QLocalSocket::UnconnectedState)
        syncState();
}

} // namespace omview
