#include <QFileInfo>
#include <QLocalSocket>
#include <QPointer>
#include <omview/collector/collectorlog.h>
#include <omview/collector/controlprotocol.h>
#include <omview/collector/controlserver.h>
#include <omview/protocol/jsonrpc.h>
#include <omview/protocol/lineframer.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace omview::collector {

namespace {

// Control lines are small; a megabyte is plenty and bounds what a client can make us hold.
constexpr qsizetype MaxControlLine = 1024 * 1024;

std::optional<uid_t> peerUid(const QLocalSocket &socket) {
    ucred cred{};
    socklen_t size = sizeof cred;
    if (::getsockopt(static_cast<int>(socket.socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &cred,
                     &size) != 0)
        return std::nullopt;
    return cred.uid;
}

} // namespace

// One client connection.
class ControlServer::Session : public QObject {
public:
    Session(QLocalSocket *socket, ControlHandler &handler, QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_handler(handler)
        , m_framer(MaxControlLine) {
        socket->setParent(this);
        const auto uid = peerUid(*socket);
        m_allowed = uid && (*uid == 0 || *uid == ::geteuid());
        m_uid = uid ? static_cast<qint64>(*uid) : -1;
        connect(socket, &QLocalSocket::readyRead, this, &Session::onReadyRead);
        connect(socket, &QLocalSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    void onReadyRead() {
        for (const auto &line : m_framer.feed(m_socket->readAll())) {
            if (!line) {
                send(rpc::lineTooLongError(line.error().limit));
                m_socket->disconnectFromServer();
                return;
            }
            onLine(*line);
        }
    }

    void onLine(const QByteArray &line) {
        auto message = rpc::parseMessage(line);
        if (!message) {
            send(message.error());
            return;
        }
        auto *request = std::get_if<rpc::Request>(&*message);
        if (!request)
            return; // notifications and responses: none are defined towards the daemon
        if (!m_allowed) {
            send(rpc::ErrorResponse{
                request->id,
                RpcError(
                    static_cast<int>(ControlError::PermissionDenied),
                    u"uid %1 may not control this collector (only uid %2 and root)"_s.arg(m_uid)
                        .arg(::geteuid()))});
            return;
        }
        const rpc::Id id = request->id;
        QPointer<Session> self(this);
        m_handler.handleControl(request->method, request->params,
                                [self, id](Result<QJsonValue> result) {
                                    if (!self)
                                        return; // the client went away meanwhile
                                    if (result)
                                        self->send(rpc::Response{id, *result});
                                    else
                                        self->send(rpc::ErrorResponse{id, result.error()});
                                });
    }

    void send(const rpc::Message &message) {
        if (m_socket->state() == QLocalSocket::ConnectedState) {
            m_socket->write(rpc::serialize(message));
            m_socket->flush();
        }
    }

    QLocalSocket *m_socket;
    ControlHandler &m_handler;
    LineFramer m_framer;
    bool m_allowed = false;
    qint64 m_uid = -1;
};

ControlServer::ControlServer(QString path, ControlHandler &handler, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_handler(handler) {}

ControlServer::~ControlServer() {
    m_server.close(); // removes the socket file
}

std::expected<std::unique_ptr<ControlServer>, QString>
ControlServer::listen(const QString &path, ControlHandler &handler, QObject *parent) {
    const QByteArray name = QFile::encodeName(path);
    struct stat st{};
    if (::lstat(name.constData(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode))
            return std::unexpected(u"control socket %1: exists and is not a socket"_s.arg(path));
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(1000)) {
            return std::unexpected(
                u"control socket %1: another omcollectord listens there"_s.arg(path));
        }
        QLocalServer::removeServer(path);
    }
    std::unique_ptr<ControlServer> server(new ControlServer(path, handler, parent));
    server->m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->m_server.listen(path)) {
        return std::unexpected(
            u"control socket %1: %2"_s.arg(path, server->m_server.errorString()));
    }
    connect(&server->m_server, &QLocalServer::newConnection, server.get(),
            &ControlServer::onNewConnection);
    return server;
}

void ControlServer::onNewConnection() {
    while (QLocalSocket *socket = m_server.nextPendingConnection())
        new Session(socket, m_handler, this);
}

} // namespace omview::collector
