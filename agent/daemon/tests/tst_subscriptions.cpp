// Subscriptions: the first update carries the whole state, later ones only what changed
// and nothing when nothing did; deltas applied in order rebuild exactly what proc.list says.
#include "testagent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <omview/agent/agentserver.h>
#include <omview/agent/localnode.h>
#include <omview/agent/migrator.h>
#include <omview/protocol/delta.h>
#include <omview/protocol/json.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::agent;
using namespace omview::agent::test;

namespace {

QJsonObject object(const char *json) {
    return QJsonDocument::fromJson(json).object();
}

QJsonObject paramsOf(const QJsonObject &notification) {
    return notification.value(u"params"_s).toObject();
}

bool containsPid(const QJsonArray &list, qint64 pid) {
    for (const QJsonValue &v : list) {
        if ((v.isObject() ? v.toObject().value(u"pid"_s) : v).toInteger() == pid)
            return true;
    }
    return false;
}

MigrationEvent moveEvent(const QString &phase, std::int32_t pid = 4242) {
    MigrationEvent e;
    e.id = u"m1-%1-00000000000000aa"_s.arg(pid);
    e.pid = pid;
    e.home = 1;
    e.from = 1;
    e.to = 2;
    e.phase = phase;
    e.reason = u"user"_s;
    e.command = u"povray"_s;
    e.at = 1718000000000;
    return e;
}

// The events of a `migrations` update.
QList<MigrationEvent> eventsOf(const QJsonObject &notification) {
    const auto delta = fromJson<MigrationsDelta>(paramsOf(notification).value(u"delta"_s));
    return delta ? delta->events : QList<MigrationEvent>{MigrationEvent{}};
}

} // namespace

class TestSubscriptions : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestAgent> m_agent;

    // Agents sample only when told to here, so every change is the test's doing.
    void sample() { m_agent->agent().local().sample(); }

    std::unique_ptr<LineClient> connectClient() {
        auto c = std::make_unique<LineClient>();
        if (!c->connectTo(m_agent->socketPath()))
            return nullptr;
        if (c->hello().value(u"protocol"_s).toInt() != 1)
            return nullptr;
        return c;
    }

    static qint64 subscribe(LineClient &c, const QJsonObject &params) {
        const QJsonObject r = c.call(u"subscribe"_s, params);
        return r.value(u"result"_s).toObject().value(u"subscription"_s).toInteger();
    }

private slots:
    void initTestCase() {
        m_agent = std::make_unique<TestAgent>([](AgentConfig &c) { c.intervalMs = 60000; });
        QVERIFY2(m_agent->ok(), qPrintable(m_agent->error()));
    }

    void nodeUpdatesCarryOnlyChangedFields() {
        auto c = connectClient();
        QVERIFY(c);
        const qint64 id = subscribe(*c, object(R"({"topic":"node","intervalMs":250})"));
        QVERIFY(id >= 1);

        const auto first = c->nextNotification();
        QVERIFY(first);
        QCOMPARE(first->value(u"method"_s).toString(), u"update"_s);
        QCOMPARE(paramsOf(*first).value(u"subscription"_s).toInteger(), id);
        QCOMPARE(paramsOf(*first).value(u"seq"_s).toInteger(), 1);
        const QJsonObject full = paramsOf(*first).value(u"delta"_s).toObject();
        const auto status = fromJson<NodeStatus>(full);
        QVERIFY(status);
        QCOMPARE(status->id, 1u);
        QCOMPARE(*status, m_agent->agent().local().status());

        // Four intervals without a sample: nothing changed, nothing is sent.
        QVERIFY(!c->nextNotification(1100));

        sample();
        const auto second = c->nextNotification();
        QVERIFY(second);
        QCOMPARE(paramsOf(*second).value(u"seq"_s).toInteger(), 2);
        const QJsonObject delta = paramsOf(*second).value(u"delta"_s).toObject();
        QVERIFY(delta.contains(u"sampledAt"_s));
        QVERIFY(!delta.contains(u"id"_s));
        QVERIFY(!delta.contains(u"hostname"_s));
        QVERIFY(!delta.contains(u"memTotal"_s));
        const auto applied = applyDelta(*status, delta);
        QVERIFY(applied);
        QCOMPARE(*applied, m_agent->agent().local().status());
    }

    void processDeltasRebuildTheList() {
        auto c = connectClient();
        QVERIFY(c);
        const qint64 id = subscribe(*c, object(R"({"topic":"procs","intervalMs":250})"));
        QVERIFY(id >= 1);
        const auto first = c->nextNotification();
        QVERIFY(first);
        auto firstDelta = fromJson<ProcessListDelta>(paramsOf(*first).value(u"delta"_s));
        QVERIFY(firstDelta);
        QVERIFY(firstDelta->changed.isEmpty() && firstDelta->removed.isEmpty());
        auto state = applyDelta(QList<ProcessInfo>(), *firstDelta);
        QVERIFY(state);

        QProcess child;
        child.start(u"/bin/sleep"_s, {u"300"_s});
        QVERIFY(child.waitForStarted());
        sample();
        const auto added = c->nextNotification();
        QVERIFY(added);
        QCOMPARE(paramsOf(*added).value(u"seq"_s).toInteger(), 2);
        const QJsonObject addedDelta = paramsOf(*added).value(u"delta"_s).toObject();
        QVERIFY(containsPid(addedDelta.value(u"added"_s).toArray(), child.processId()));
        // Changed entries carry the pid and only the fields that differ.
        for (const QJsonValue &v : addedDelta.value(u"changed"_s).toArray()) {
            QVERIFY(v.toObject().contains(u"pid"_s));
            QVERIFY(!v.toObject().contains(u"command"_s) || v.toObject().size() > 1);
            QVERIFY(!v.toObject().contains(u"startTime"_s));
        }
        auto d2 = fromJson<ProcessListDelta>(addedDelta);
        QVERIFY(d2);
        state = applyDelta(*state, *d2);
        QVERIFY(state);

        const qint64 pid = child.processId();
        child.kill();
        child.waitForFinished();
        sample();
        const auto removed = c->nextNotification();
        QVERIFY(removed);
        const QJsonObject removedDelta = paramsOf(*removed).value(u"delta"_s).toObject();
        QVERIFY(containsPid(removedDelta.value(u"removed"_s).toArray(), pid));
        auto d3 = fromJson<ProcessListDelta>(removedDelta);
        QVERIFY(d3);
        state = applyDelta(*state, *d3);
        QVERIFY(state);

        // What the client rebuilt is what the agent reports.
        const auto listed =
            fromJson<QList<ProcessInfo>>(c->call(u"proc.list"_s).value(u"result"_s));
        QVERIFY(listed);
        QCOMPARE(*state, *listed);
    }

    void clusterSubscriptionStartsWithTheTable() {
        auto c = connectClient();
        QVERIFY(c);
        QVERIFY(subscribe(*c, object(R"({"topic":"cluster","intervalMs":1000})")) >= 1);
        const auto first = c->nextNotification();
        QVERIFY(first);
        const auto delta = fromJson<NodeRecordListDelta>(paramsOf(*first).value(u"delta"_s));
        QVERIFY(delta);
        QVERIFY(!delta->added.isEmpty());
        QCOMPARE(delta->added.first().node.id, 1u);
    }

    void userFilterAppliesToUpdates() {
        auto c = connectClient();
        QVERIFY(c);
        QVERIFY(subscribe(*c, object(R"({"topic":"procs","user":"root"})")) >= 1);
        const auto first = c->nextNotification();
        QVERIFY(first);
        const QJsonArray added =
            paramsOf(*first).value(u"delta"_s).toObject().value(u"added"_s).toArray();
        QVERIFY(!added.isEmpty());
        for (const QJsonValue &v : added)
            QCOMPARE(v.toObject().value(u"user"_s).toString(), u"root"_s);
    }

    void unsubscribeStopsUpdates() {
        auto c = connectClient();
        QVERIFY(c);
        const qint64 a = subscribe(*c, object(R"({"topic":"node","intervalMs":250})"));
        const qint64 b = subscribe(*c, object(R"({"topic":"node","intervalMs":250})"));
        QVERIFY(a >= 1 && b > a);
        QVERIFY(c->nextNotification());
        QVERIFY(c->nextNotification());
        QCOMPARE(c->call(u"unsubscribe"_s, QJsonObject{{u"subscription"_s, a}})
                     .value(u"result"_s)
                     .toObject(),
                 QJsonObject());
        sample();
        const auto only = c->nextNotification();
        QVERIFY(only);
        QCOMPARE(paramsOf(*only).value(u"subscription"_s).toInteger(), b);
        QVERIFY(!c->nextNotification(600));
        // Unsubscribing twice is an error naming the parameter.
        const QJsonObject again = c->call(u"unsubscribe"_s, QJsonObject{{u"subscription"_s, a}});
        QCOMPARE(errorCode(again), -32602);
    }

    // What the node's Migrator reports reaches every `migrations` subscriber at once,
    // through the wiring omagentd has (Agent::start).
    void migrationEventsReachEverySubscriber() {
        auto a = connectClient();
        auto b = connectClient();
        QVERIFY(a && b);
        // An event before anyone subscribes is no one's.
        emit m_agent->agent().migrator().migrationEvent(moveEvent(u"started"_s, 1));
        const qint64 ida = subscribe(*a, object(R"({"topic":"migrations"})"));
        const qint64 idb = subscribe(*b, object(R"({"topic":"migrations","node":1})"));
        QVERIFY(ida >= 1 && idb >= 1);
        // The first update is empty: the subscription is live.
        for (LineClient *c : {a.get(), b.get()}) {
            const auto first = c->nextNotification();
            QVERIFY(first);
            QCOMPARE(paramsOf(*first).value(u"seq"_s).toInteger(), 1);
            QCOMPARE(paramsOf(*first).value(u"delta"_s).toObject(), object(R"({"events":[]})"));
        }

        emit m_agent->agent().migrator().migrationEvent(moveEvent(u"started"_s));
        emit m_agent->agent().migrator().migrationEvent(moveEvent(u"done"_s));
        for (LineClient *c : {a.get(), b.get()}) {
            QList<MigrationEvent> received;
            std::uint64_t seq = 1;
            while (received.size() < 2) {
                const auto update = c->nextNotification();
                QVERIFY(update);
                QCOMPARE(update->value(u"method"_s).toString(), u"update"_s);
                QCOMPARE(paramsOf(*update).value(u"seq"_s).toInteger(), qint64(++seq));
                received += eventsOf(*update);
            }
            QCOMPARE(received,
                     (QList<MigrationEvent>{moveEvent(u"started"_s), moveEvent(u"done"_s)}));
            QVERIFY(!c->nextNotification(300));
        }

        // Unsubscribed: nothing more for a; b goes on.
        QCOMPARE(a->call(u"unsubscribe"_s, QJsonObject{{u"subscription"_s, ida}})
                     .value(u"result"_s)
                     .toObject(),
                 QJsonObject());
        emit m_agent->agent().migrator().migrationEvent(moveEvent(u"failed"_s, 7));
        const auto next = b->nextNotification();
        QVERIFY(next);
        QCOMPARE(eventsOf(*next), QList<MigrationEvent>{moveEvent(u"failed"_s, 7)});
        QVERIFY(!a->nextNotification(300));
    }

    void migrationsOfAnUnreachableNodeEnd() {
        auto c = connectClient();
        QVERIFY(c);
        const qint64 id = subscribe(*c, object(R"({"topic":"migrations","node":999})"));
        QVERIFY(id >= 1);
        const auto ended = c->nextNotification();
        QVERIFY(ended);
        QCOMPARE(ended->value(u"method"_s).toString(), u"ended"_s);
        QCOMPARE(paramsOf(*ended).value(u"error"_s).toObject().value(u"code"_s).toInt(), -32002);
        // The peers' method is not the clients'.
        QCOMPARE(errorCode(c->call(u"migrations.since"_s)), -32601);
    }

    void unreachableNodeEndsTheSubscription() {
        auto c = connectClient();
        QVERIFY(c);
        const qint64 id = subscribe(*c, object(R"({"topic":"procs","node":999})"));
        QVERIFY(id >= 1);
        const auto ended = c->nextNotification();
        QVERIFY(ended);
        QCOMPARE(ended->value(u"method"_s).toString(), u"ended"_s);
        QCOMPARE(paramsOf(*ended).value(u"subscription"_s).toInteger(), id);
        QCOMPARE(paramsOf(*ended).value(u"error"_s).toObject().value(u"code"_s).toInt(), -32002);
        // It is gone: unsubscribing it is an error.
        QCOMPARE(errorCode(c->call(u"unsubscribe"_s, QJsonObject{{u"subscription"_s, id}})),
                 -32602);
    }

    void closingTheConnectionDropsItsSubscriptions() {
        {
            auto c = connectClient();
            QVERIFY(c);
            QVERIFY(subscribe(*c, object(R"({"topic":"procs","intervalMs":250})")) >= 1);
            QVERIFY(c->nextNotification());
        }
        QTRY_COMPARE(m_agent->agent().server().sessions(), 0);
        sample();
        QTest::qWait(300);
        auto other = connectClient();
        QVERIFY(other);
        QVERIFY(other->call(u"node.status"_s).contains(u"result"_s));
    }
};

QTEST_GUILESS_MAIN(TestSubscriptions)
#include "tst_subscriptions.moc"
