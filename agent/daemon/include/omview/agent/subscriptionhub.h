// A connection's subscriptions: each re-reads its topic every interval and sends only what
// changed since the update it last sent. The `migrations` topic is a stream of events
// instead, which the node's MigrationFeed hands to every connection as they happen.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <deque>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <omview/protocol/methods.h>
#include <omview/protocol/protocolerror.h>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview::agent {

class Dispatcher;

// Where a reader of a MigrationFeed stands: the feed it read (an agent that restarts starts
// a new one) and the number of the last event it has.
struct MigrationCursor {
    std::uint32_t epoch = 0;
    std::uint64_t last = 0;
    bool operator==(const MigrationCursor &) const = default;
};

// The events after a cursor, and the cursor after them.
struct MigrationPage {
    MigrationCursor cursor;
    QList<MigrationEvent> events;
    bool lost = false; // events after the reader's cursor were no longer kept
};

// The node's migration events (the Migrator's migrationEvent), numbered and the latest ones
// kept. Local subscriptions get each as it comes (published()); a subscription to this node
// made through another agent asks for the ones after its cursor with the peer-only method
// `migrations.since`, as often as its interval says.
class MigrationFeed : public QObject {
    Q_OBJECT
public:
    // Enough for minutes of a busy balancer between two reads of a forwarded subscription.
    static constexpr qsizetype Kept = 256;
    // The peer-only method; a client calling it gets -32601 like any unknown method.
    static constexpr QLatin1StringView sinceMethod{"migrations.since"};

    explicit MigrationFeed(QObject *parent = nullptr);

    MigrationCursor cursor() const { return {m_epoch, m_last}; }
    // The events after @after; from another epoch (the agent restarted since), every one
    // kept. Without a cursor: none, only where the feed stands, for a reader starting now.
    MigrationPage since(const std::optional<MigrationCursor> &after) const;
    // `migrations.since` for a peer: params {epoch?, last?}, result {epoch, last, events, lost}.
    Result<QJsonValue> answer(const QJsonObject &params) const;

    static QJsonObject toJson(const std::optional<MigrationCursor> &after);
    static std::expected<MigrationPage, ProtocolError> pageFromJson(const QJsonValue &value);

public slots:
    void publish(const omview::MigrationEvent &event);

signals:
    void published(const omview::MigrationEvent &event);

private:
    std::uint32_t m_epoch;
    std::uint64_t m_last = 0;          // the number of the newest event
    std::deque<MigrationEvent> m_kept; // numbered m_last - size + 1 .. m_last
};

// Subscriptions of one connection. Each keeps the state it last sent; an interval in which
// nothing changed sends nothing, and an interval in which the connection is still busy
// sending earlier output is skipped (the next delta then covers both). Migration events are
// never skipped: they wait for the connection and go out together.
class SubscriptionHub : public QObject {
    Q_OBJECT
public:
    // Sends a notification (method, params) to the connection.
    using Send = std::function<void(QLatin1StringView method, const QJsonObject &params)>;
    // False while the connection has too much unsent output to take another update.
    using Ready = std::function<bool()>;

    // Local `migrations` subscriptions follow the dispatcher's migration feed, if it has one.
    SubscriptionHub(Dispatcher &dispatcher, Send send, Ready ready, QObject *parent = nullptr);
    ~SubscriptionHub() override;

    // Registers a subscription; it starts with start(), after the caller has answered.
    SubscriptionId add(const SubscribeParams &params);
    // Sends the first update (the whole state) at once, then updates every interval.
    void start(SubscriptionId id);
    // False when @id is not active.
    bool remove(SubscriptionId id);
    qsizetype count() const { return static_cast<qsizetype>(m_subscriptions.size()); }

    // A migration event of this node: every started local `migrations` subscription sends it
    // now, or as soon as the connection has room.
    void migrationEvent(const MigrationEvent &event);

private:
    struct Subscription;

    void tick(SubscriptionId id);
    void readMigrations(Subscription &s);
    void flushEvents(Subscription &s);
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
