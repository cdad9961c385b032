#include "omview/agent/rpcsession.h"

#include "omview/agent/agentlog.h"
#include "omview/agent/heaprelease.h"
#include "omview/agent/localconnection.h"
#include "omview/agent/subscriptionhub.h"

#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace omview::agent {

RpcSession::RpcSession(LocalConnection *connection, const PeerIdentity &peer,
                       Dispatcher &dispatcher, std::function<HelloResult()> hello, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_peer(peer)
    , m_dispatcher(dispatcher)
    , m_hello(std::move(hello))
    , m_context{CallContext::Origin::Client, u"uid %1 pid %2"_s.arg(peer.uid).arg(peer.pid), 0,
                peer, {}} {
    m_connection->setParent(this);
    m_subscriptions = new SubscriptionHub(
        dispatcher,
        [this](QLatin1StringView method, const QJsonObject &params) {
            send(rpc::Notification{method, params});
        },
        [this] { return m_connection->bytesToWrite() < UpdateBacklog; }, this);
    connect(m_connection, &LocalConnection::received, this, &RpcSession::received);
    connect(m_connection, &LocalConnection::inputFinished, this, &RpcSession::inputFinished);
    connect(m_connection, &LocalConnection::closed, this, [this] {
        qCDebug(lcAgent).noquote() << m_context.who << "disconnected";
        m_closing = true;
        emit closed();
        deleteLater();
    });
    qCDebug(lcAgent).noquote() << m_context.who << "connected";
}

RpcSession::~RpcSession() = default;

void RpcSession::received(const QByteArray &bytes) {
    for (const auto &line : m_framer.feed(bytes)) {
        if (m_closing)
            return;
        if (line)
            handleLine(*line);
        else
            send(rpc::lineTooLongError(line.error().limit));
    }
}

void RpcSession::inputFinished() {
    // A last request without its newline still counts.
    received(QByteArrayLiteral("\n"));
    // No one can unsubscribe any more: updates stop; answers still due go out first.
    delete m_subscriptions;
    m_subscriptions = nullptr;
    if (m_pending == 0)
        m_connection->closeWhenFlushed();
}

void RpcSession::requestDone() {
    --m_pending;
    if (m_pending == 0 && m_connection->inputEnded())
        m_connection->closeWhenFlushed();
}

void RpcSession::handleLine(QByteArrayView line) {
    auto message = rpc::parseMessage(line);
    if (!message) {
        qCDebug(lcAgent).noquote()
            << m_context.who << "sent an invalid message:" << message.error().error.message;
        send(message.error());
        return;
    }
    if (const auto *request = std::get_if<rpc::Request>(&*message)) {
        handleRequest(*request);
        return;
    }
    // Notifications are never answered, and the agent sends no requests to get responses
    // for: both are dropped.
    if (const auto *n = std::get_if<rpc::Notification>(&*message))
        qCDebug(lcAgent).noquote()
            << m_context.who << "sent notification" << n->method << "(ignored)";
    else
        qCDebug(lcAgent).noquote() << m_context.who << "sent a response (ignored)";
}

void RpcSession::handleRequest(const rpc::Request &request) {
    if (request.method == omview::methods::hello)
        return hello(request);
    if (!m_greeted)
        return respond(request.id,
                       std::unexpected(RpcError(ErrorCode::InvalidRequest, u"send hello first"_s)));
    if (request.method == omview::methods::subscribe ||
        request.method == omview::methods::unsubscribe) {
        if (!m_subscriptions) // the input ended with this very line
            return respond(request.id, std::unexpected(RpcError(
                                           ErrorCode::InvalidRequest,
                                           u"subscriptions end with the connection's input"_s)));
        return request.method == omview::methods::subscribe ? subscribe(request)
                                                            : unsubscribe(request);
    }

    // A forwarded request answers after the client may have gone.
    ++m_pending;
    QPointer<RpcSession> self(this);
    m_dispatcher.call(m_context, request.method, request.params,
                      [self, id = request.id](Result<QJsonValue> result) {
                          if (!self)
                              return;
                          self->respond(id, result);
                          self->requestDone();
                      });
}

void RpcSession::hello(const rpc::Request &request) {
    if (m_greeted)
        return respond(request.id, std::unexpected(RpcError(ErrorCode::InvalidRequest,
                                                            u"hello was already done"_s)));
    const auto params = decodeParams<HelloParams>(request.params);
    if (!params)
        return respond(request.id, std::unexpected(params.error()));
    if (params->protocol != ProtocolVersion)
        return respond(
            request.id,
            std::unexpected(RpcError(
                ErrorCode::ProtocolMismatch,
                u"protocol %1 is not supported; this agent speaks %2"_s.arg(params->protocol)
                    .arg(ProtocolVersion),
                QJsonObject{{u"supported"_s, QJsonArray{ProtocolVersion}}})));
    m_greeted = true;
    m_context.who = u"%1 (uid %2 pid %3)"_s.arg(params->client).arg(m_peer.uid).arg(m_peer.pid);
    qCInfo(lcAgent).noquote() << m_context.who << "connected";
    respond(request.id, toJson(m_hello()));
}

void RpcSession::subscribe(const rpc::Request &request) {
    const auto params = decodeParams<SubscribeParams>(request.params);
    if (!params)
        return respond(request.id, std::unexpected(params.error()));
    const SubscriptionId id = m_subscriptions->add(*params);
    qCDebug(lcAgent).noquote() << m_context.who << "subscribed to" << topicName(params->topic)
                               << "as" << id;
    respond(request.id, toJson(SubscribeResult{id}));
    m_subscriptions->start(id);
}

void RpcSession::unsubscribe(const rpc::Request &request) {
    const auto params = decodeParams<UnsubscribeParams>(request.params);
    if (!params)
        return respond(request.id, std::unexpected(params.error()));
    if (!m_subscriptions->remove(params->subscription))
        return respond(
            request.id,
            std::unexpected(RpcError(
                ErrorCode::InvalidParams,
                u"subscription: %1 is not active on this connection"_s.arg(params->subscription),
                QJsonObject{{u"param"_s, u"subscription"_s}})));
    respond(request.id, QJsonObject());
}

void RpcSession::respond(const rpc::Id &id, const Result<QJsonValue> &result) {
    if (result)
        send(rpc::Response{id, *result});
    else
        send(rpc::ErrorResponse{id, result.error()});
}

void RpcSession::send(const rpc::Message &message) {
    if (m_closing)
        return;
    const QByteArray line = rpc::serialize(message);
    m_connection->write(line);
    if (line.size() >= LargeMessageBytes)
        releaseFreedHeapSoon();
    if (m_connection->bytesToWrite() > MaxBacklog)
        close(u"it stopped reading (%1 bytes unsent)"_s.arg(m_connection->bytesToWrite()));
}

void RpcSession::close(const QString &why) {
    if (m_closing)
        return;
    m_closing = true;
    qCWarning(lcAgent).noquote() << "closing the connection of" << m_context.who << "because"
                                 << why;
    m_connection->abort();
}

} // namespace omview::agent
