// The agent's local socket: who may connect, and a session for each connection.
#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>
#include <expected>
#include <functional>
#include <omview/agent/peeraccess.h>
#include <omview/protocol/methods.h>

namespace omview::agent {

class Dispatcher;

// Listens on a Unix socket (mode 0660, group = the admin group when it exists) and admits
// peers that PeerAccess allows, checked with SO_PEERCRED; others get one error line and are
// disconnected, with the reason in the log.
class AgentServer : public QObject {
    Q_OBJECT
public:
    AgentServer(Dispatcher &dispatcher, PeerAccess access, std::function<HelloResult()> hello,
                QObject *parent = nullptr);
    ~AgentServer() override;

    // Creates the socket's directory if needed and removes a stale socket file; refuses to
    // take over a socket another process still serves.
    std::expected<void, QString> listen(const QString &path);
    QString path() const { return m_path; }
    qsizetype sessions() const { return m_sessions; }

signals:
    // A connection was refused (for tests and the log's sake).
    void refused(const QString &reason);

private:
    // Hands over accepted descriptors instead of making QLocalSockets, which cannot outlive
    // a client's half-close.
    class Listener : public QLocalServer {
    public:
        std::function<void(int)> onConnection;

    protected:
        void incomingConnection(quintptr descriptor) override {
            onConnection(static_cast<int>(descriptor));
        }
    };

    void accept(int fd);
    void applyPermissions();

    Dispatcher &m_dispatcher;
    PeerAccess m_access;
    std::function<HelloResult()> m_hello;
    Listener m_server;
    QString m_path;
    qsizetype m_sessions = 0;
};

} // namespace omview::agent
