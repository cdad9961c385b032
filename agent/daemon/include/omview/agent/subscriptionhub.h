// A connection's subscriptions: each re-reads its topic every interval and sends only what
// changed since the update it last sent.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>
#include <omview/protocol/methods.h>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/types.h>

namespace omview::agent {

class Dispatcher;

// Subscriptions of one connection. Each keeps the state it last sent; an interval in which
// nothing changed sends nothing, and an interval in which the connection is still busy
// sending earlier output is skipped (the next delta then covers both).
class SubscriptionHub : public QObject {
    Q_OBJECT
public:
    // Sends a notification (method, params) to the connection.
    using Send = std::function<void(QLatin1StringView method, const QJsonObject &params)>;
    // False while the connection has too much unsent output to take another update.
    using Ready = std::function<bool()>;

    SubscriptionHub(Dispatcher &dispatcher, Send send, Ready ready, QObject *parent = nullptr);
    ~SubscriptionHub() override;

    // Registers a subscription; it starts with start(), after the caller has answered.
    SubscriptionId add(const SubscribeParams &params);
    // Sends the first update (the whole state) at once, then updates every interval.
    void start(SubscriptionId id);
    // False when @id is not active.
    bool remove(SubscriptionId id);
    qsizetype count() const { return static_cast<qsizetype>(m_subscriptions.size()); }

private:
    struct Subscription;

    void tick(SubscriptionId id);
    void deliver(Subscription &s, const QJsonObject &delta);
    void end(SubscriptionId id, const RpcError &error);
    Subscription *find(SubscriptionId id);

    Dispatcher &m_dispatcher;
    Send m_send;
    Ready m_ready;
    SubscriptionId m_nextId = 1;
    std::map<SubscriptionId, std::unique_ptr<Subscription>> m_subscriptions;
};

} // namespace omview::agent
