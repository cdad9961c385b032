// One client connection: lines in, JSON-RPC messages checked, requests run, answers out.
#pragma once

#include <QObject>
#include <functional>
#include <omview/agent/dispatcher.h>
#include <omview/agent/peeraccess.h>
#include <omview/protocol/jsonrpc.h>
#include <omview/protocol/lineframer.h>
#include <omview/protocol/methods.h>

namespace omview::agent {

class LocalConnection;
class SubscriptionHub;

// Serves one connection until it closes, then deletes itself. Malformed input is answered
// with the matching JSON-RPC error and the session goes on. When the client ends its input
// (`echo request | omagentd --bridge`), its subscriptions stop, the requests it made are
// still answered, and then the connection closes. A client that stops reading while output
// piles up past a limit is disconnected.
class RpcSession : public QObject {
    Q_OBJECT
public:
    // Unsent output beyond which subscription updates wait for the client.
    static constexpr qint64 UpdateBacklog = 1 << 20;
    // Unsent output beyond which the client is considered stuck and dropped.
    static constexpr qint64 MaxBacklog = 64 << 20;

    // Takes ownership of @connection. @hello gives this agent's answer to hello.
    RpcSession(LocalConnection *connection, const PeerIdentity &peer, Dispatcher &dispatcher,
               std::function<HelloResult()> hello, QObject *parent = nullptr);
    ~RpcSession() override;

    const PeerIdentity &peer() const { return m_peer; }

signals:
    void closed();

private:
    void received(const QByteArray &bytes);
    void inputFinished();
    void requestDone();
    void handleLine(QByteArrayView line);
    void handleRequest(const rpc::Request &request);
    void hello(const rpc::Request &request);
    void subscribe(const rpc::Request &request);
    void unsubscribe(const rpc::Request &request);
    void respond(const rpc::Id &id, const Result<QJsonValue> &result);
    void send(const rpc::Message &message);
    void close(const QString &why);

    LocalConnection *m_connection;
    PeerIdentity m_peer;
    Dispatcher &m_dispatcher;
    std::function<HelloResult()> m_hello;
    CallContext m_context;
    LineFramer m_framer;
    SubscriptionHub *m_subscriptions;
    int m_pending = 0; // requests answered later (forwarded)
    bool m_greeted = false;
    bool m_closing = false;
};

} // namespace omview::agent
