#include "omview/agent/agentserver.h"

#include "omview/agent/agentlog.h"
#include "omview/agent/localconnection.h"
#include "omview/agent/rpcsession.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalSocket>
#include <cerrno>
#include <cstring>
#include <omview/protocol/jsonrpc.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace omview::agent {

namespace {

constexpr mode_t SocketMode = 0660;

QString errnoText(int errnum) {
    return QString::fromLocal8Bit(std::strerror(errnum));
}

} // namespace

AgentServer::AgentServer(Dispatcher &dispatcher, PeerAccess access,
                         std::function<HelloResult()> hello, QObject *parent)
    : QObject(parent)
    , m_dispatcher(dispatcher)
    , m_access(std::move(access))
    , m_hello(std::move(hello)) {
    m_server.onConnection = [this](int fd) {
        accept(fd);
    };
}

AgentServer::~AgentServer() {
    // QLocalServer::close() removes the socket file.
    m_server.close();
}

std::expected<void, QString> AgentServer::listen(const QString &path) {
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return std::unexpected(u"%1: cannot create the directory"_s.arg(info.absolutePath()));

    if (info.exists()) {
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(1000))
            return std::unexpected(u"%1: another agent is serving this socket"_s.arg(path));
        if (!QLocalServer::removeServer(path))
            return std::unexpected(u"%1: cannot remove the stale socket"_s.arg(path));
    }

    // Created without access for anyone but the owner, then opened to the group: no client
    // can connect before the permissions are right.
    const mode_t oldMask = ::umask(0177);
    const bool listening = m_server.listen(path);
    ::umask(oldMask);
    if (!listening)
        return std::unexpected(u"%1: cannot listen: %2"_s.arg(path, m_server.errorString()));
    m_path = m_server.fullServerName();
    applyPermissions();
    qCInfo(lcAgent).noquote() << "listening on" << m_path;
    return {};
}

void AgentServer::applyPermissions() {
    const QByteArray path = QFile::encodeName(m_path);
    if (const auto gid = m_access.adminGid()) {
        if (::chown(path.constData(), static_cast<uid_t>(-1), *gid) < 0)
            qCWarning(lcAgent).noquote() << u"%1: cannot give the socket to group %2: %3"_s.arg(
                m_path, m_access.adminGroup(), errnoText(errno));
    } else {
        qCWarning(lcAgent).noquote() << "admin group" << m_access.adminGroup()
                                     << "does not exist: only root may use" << m_path;
    }
    if (::chmod(path.constData(), SocketMode) < 0)
        qCWarning(lcAgent).noquote()
            << u"%1: cannot set mode 0660: %2"_s.arg(m_path, errnoText(errno));
}

void AgentServer::accept(int fd) {
    auto *connection = new LocalConnection(fd, this);
    const auto peer = peerIdentity(fd);
    QString reason;
    if (!peer)
        reason = u"its credentials are unreadable: %1"_s.arg(errnoText(peer.error()));
    else if (const auto why = m_access.refusal(*peer))
        reason = *why;

    if (!reason.isEmpty()) {
        const QString who =
            peer ? u"pid %1 uid %2"_s.arg(peer->pid).arg(peer->uid) : u"unknown peer"_s;
        qCWarning(lcAgent).noquote() << u"refused connection from %1: %2"_s.arg(who, reason);
        // One line saying why, so the client need not guess from a closed connection.
        connect(connection, &LocalConnection::closed, connection, &QObject::deleteLater);
        connection->write(rpc::serialize(rpc::ErrorResponse{
            rpc::Id(), RpcError(ErrorCode::PermissionDenied, u"permission denied: "_s + reason)}));
        connection->closeWhenFlushed();
        emit refused(reason);
        return;
    }

    auto *session = new RpcSession(connection, *peer, m_dispatcher, m_hello, this);
    ++m_sessions;
    connect(session, &RpcSession::closed, this, [this] { --m_sessions; });
}

} // namespace omview::agent
