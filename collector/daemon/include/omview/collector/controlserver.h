// The daemon's side of the control socket (controlprotocol.h): line-framed
// JSON-RPC over a Unix socket that only the daemon's own user and root may
// use (0600, and the peer's uid is checked).
#pragma once

#include <QJsonValue>
#include <QLocalServer>
#include <QObject>
#include <expected>
#include <functional>
#include <memory>
#include <omview/protocol/rpcerror.h>

namespace omview::collector {

// What the server dispatches to. reply may be called later (an export takes
// time), once, on the server's thread.
class ControlHandler {
public:
    using Reply = std::function<void(Result<QJsonValue>)>;
    virtual ~ControlHandler() = default;
    virtual void handleControl(const QString &method, const QJsonValue &params, Reply reply) = 0;
};

class ControlServer : public QObject {
    Q_OBJECT

public:
    // Listens at @p path. A stale socket file (nobody listening) is replaced;
    // one that another process listens on is an error, as is a path that
    // exists and is no socket.
    static std::expected<std::unique_ptr<ControlServer>, QString>
    listen(const QString &path, ControlHandler &handler, QObject *parent = nullptr);
    ~ControlServer() override; // removes the socket file

    const QString &path() const { return m_path; }

private:
    class Session;
    ControlServer(QString path, ControlHandler &handler, QObject *parent);
    void onNewConnection();

    QString m_path;
    ControlHandler &m_handler;
    QLocalServer m_server;
};

} // namespace omview::collector
