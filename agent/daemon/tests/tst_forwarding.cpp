// Two agents on one machine (nodes 1 and 2 on 127.0.0.1 and 127.0.0.2, one cluster key):
// requests for node 2 sent to node 1 travel over the authenticated peer channel.
#include "testagent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <omview/agent/localnode.h>
#include <omview/agent/migrator.h>
#include <omview/hpc/hpcbackend.h>
#include <omview/protocol/delta.h>

using namespace Qt::StringLiterals;
using namespace omview::agent;
using namespace omview::agent::test;

namespace {

QJsonObject object(const char *json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestForwarding : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestAgent> m_one;
    std::unique_ptr<TestAgent> m_two;
    LineClient m_client; // connected to node 1

    std::unique_ptr<TestAgent> startNode(std::uint32_t id, std::uint16_t port) {
        return std::make_unique<TestAgent>([=](AgentConfig &c) {
            c.nodeId = id;
            c.gossipPort = port;
            c.channelPort = port;
        });
    }

private slots:
    void initTestCase() {
        const std::uint16_t port = TestAgent::freePort();
        QVERIFY(port != 0);
        m_one = startNode(1, port);
        QVERIFY2(m_one->ok(), qPrintable(m_one->error()));
        m_two = startNode(2, port);
        QVERIFY2(m_two->ok(), qPrintable(m_two->error()));
        QVERIFY(m_client.connectTo(m_one->socketPath()));
        const QJsonObject hello = m_client.hello();
        QCOMPARE(hello.value(u"node"_s).toInt(), 1);
        QVERIFY(hello.value(u"capabilities"_s).toArray().contains(u"forward"_s));
    }

    void statusOfAnotherNode() {
        const QJsonObject r = m_client.call(u"node.status"_s, object(R"({"node":2})"));
        const QJsonObject status = r.value(u"result"_s).toObject();
        QVERIFY2(!status.isEmpty(), QJsonDocument(r).toJson().constData());
        QCOMPARE(status.value(u"id"_s).toInt(), 2);
        QCOMPARE(status.value(u"address"_s).toString(), u"127.0.0.2"_s);
    }

    void gossipFillsTheClusterTable() {
        // Both nodes alive in node 1's table once a gossip step or two went by.
        const auto bothAlive = [this] {
            int alive = 0;
            for (const QJsonValue &v :
                 m_client.call(u"cluster.nodes"_s).value(u"result"_s).toArray())
                alive += v.toObject().value(u"alive"_s).toBool() ? 1 : 0;
            return alive == 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(bothAlive(), 15000);
        // What gossip brought is fed to node 1's /proc/hpc: node 2 is reachable there.
        const auto nodeTwoKnown = [this] {
            const auto nodes = m_one->agent().backend().nodes();
            if (!nodes)
                return false;
            for (const auto &n : *nodes) {
                if (n.id == 2)
                    return n.reachable() && n.values.cpus > 0;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(nodeTwoKnown(), 15000);
        // And node 2's table, asked through node 1.
        const QJsonArray remote =
            m_client.call(u"cluster.nodes"_s, object(R"({"node":2})")).value(u"result"_s).toArray();
        QCOMPARE(remote.size(), 2);
    }

    void settingsChangeOnAnotherNode() {
        const QJsonObject r =
            m_client.call(u"settings.set"_s, object(R"({"node":2,"speed":12345})"));
        QCOMPARE(r.value(u"result"_s).toObject().value(u"speed"_s).toInt(), 12345);
        // Node 2's backend changed, node 1's did not.
        QCOMPARE(m_two->agent().backend().settings()->speed, 12345u);
        QCOMPARE(m_one->agent().backend().settings()->speed, 10000u);
    }

    void errorsOfTheOtherNodeComeBackUnchanged() {
        const QJsonObject r =
            m_client.call(u"proc.renice"_s, object(R"({"node":2,"pid":2147483647,"nice":1})"));
        QCOMPARE(errorCode(r), -32001);
        QCOMPARE(errorOf(r).value(u"data"_s).toObject().value(u"pid"_s).toInteger(), 2147483647);
        const QJsonObject map = m_client.call(u"map.set"_s, object(R"({"node":2,"text":"x"})"));
        QCOMPARE(errorCode(map), -32602);
    }

    void signalOnAnotherNode() {
        QProcess child;
        child.start(u"/bin/sleep"_s, {u"300"_s});
        QVERIFY(child.waitForStarted());
        const QJsonObject r = m_client.call(
            u"proc.signal"_s,
            QJsonObject{{u"node"_s, 2}, {u"pid"_s, child.processId()}, {u"signal"_s, u"KILL"_s}});
        QVERIFY2(r.contains(u"result"_s), QJsonDocument(r).toJson().constData());
        QTRY_COMPARE(child.state(), QProcess::NotRunning);
    }

    // setpe -off then setpe -w on node 2, all through node 1 as the console does it: the
    // stopped node stays reachable on its channel for its last map's members.
    void aStoppedNodeIsStartedAgainThroughAPeer() {
        const QString map = *m_two->agent().backend().map();
        auto r = m_client.call(u"settings.set"_s, object(R"({"node":2,"mospe":0})"));
        QVERIFY2(r.contains(u"result"_s), QJsonDocument(r).toJson().constData());
        r = m_client.call(u"map.set"_s, object(R"({"node":2,"text":""})"));
        QVERIFY2(r.contains(u"result"_s), QJsonDocument(r).toJson().constData());
        QCOMPARE(*m_two->agent().backend().nodeId(), 0u);
        QCOMPARE(*m_two->agent().backend().map(), QString());
        // Out of the cluster: its status says so, and it no longer forwards.
        QTRY_VERIFY_WITH_TIMEOUT(!m_two->agent().hello().capabilities.contains(u"forward"_s),
                                 10000);
        r = m_client.call(u"node.status"_s, object(R"({"node":2})"));
        QCOMPARE(r.value(u"result"_s).toObject().value(u"id"_s).toInt(), 0);

        r = m_client.call(u"map.set"_s, QJsonObject{{u"node"_s, 2}, {u"text"_s, map}});
        QVERIFY2(r.contains(u"result"_s), QJsonDocument(r).toJson().constData());
        r = m_client.call(u"settings.set"_s, object(R"({"node":2,"mospe":2})"));
        QVERIFY2(r.contains(u"result"_s), QJsonDocument(r).toJson().constData());
        QCOMPARE(*m_two->agent().backend().nodeId(), 2u);
        QTRY_VERIFY_WITH_TIMEOUT(m_two->agent().hello().capabilities.contains(u"forward"_s), 10000);
        const auto twoAlive = [this] {
            for (const QJsonValue &v : m_client.call(u"cluster.nodes"_s, object(R"({"node":2})"))
                                           .value(u"result"_s)
                                           .toArray())
                if (v.toObject().value(u"id"_s).toInt() == 1)
                    return v.toObject().value(u"alive"_s).toBool();
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(twoAlive(), 15000);
    }

    // Node 2's moves reach a client of node 1: node 1 reads node 2's feed every interval.
    void migrationsOfAnotherNode() {
        const QJsonObject r = m_client.call(
            u"subscribe"_s, object(R"({"topic":"migrations","node":2,"intervalMs":250})"));
        const qint64 id = r.value(u"result"_s).toObject().value(u"subscription"_s).toInteger();
        QVERIFY2(id >= 1, QJsonDocument(r).toJson().constData());
        const auto first = m_client.nextNotification();
        QVERIFY(first);
        const QJsonObject firstParams = first->value(u"params"_s).toObject();
        QCOMPARE(firstParams.value(u"seq"_s).toInteger(), 1);
        QCOMPARE(firstParams.value(u"delta"_s).toObject(), object(R"({"events":[]})"));

        omview::MigrationEvent done;
        done.id = u"m2-99-0000000000000001"_s;
        done.pid = 99;
        done.home = 2;
        done.from = 2;
        done.to = 1;
        done.phase = u"done"_s;
        done.bytes = 4096;
        emit m_two->agent().migrator().migrationEvent(done);
        const auto update = m_client.nextNotification();
        QVERIFY(update);
        const QJsonObject params = update->value(u"params"_s).toObject();
        QCOMPARE(params.value(u"subscription"_s).toInteger(), id);
        QCOMPARE(params.value(u"seq"_s).toInteger(), 2);
        const auto delta = omview::fromJson<omview::MigrationsDelta>(params.value(u"delta"_s));
        QVERIFY(delta);
        QCOMPARE(delta->events, QList<omview::MigrationEvent>{done});
        // Nothing new: nothing sent, though node 1 keeps asking.
        QVERIFY(!m_client.nextNotification(700));
        QCOMPARE(m_client.call(u"unsubscribe"_s, QJsonObject{{u"subscription"_s, id}})
                     .value(u"result"_s)
                     .toObject(),
                 QJsonObject());
    }

    void subscriptionToAnotherNode() {
        const QJsonObject r =
            m_client.call(u"subscribe"_s, object(R"({"topic":"node","node":2,"intervalMs":250})"));
        const qint64 id = r.value(u"result"_s).toObject().value(u"subscription"_s).toInteger();
        QVERIFY(id >= 1);
        const auto first = m_client.nextNotification();
        QVERIFY(first);
        QCOMPARE(first->value(u"method"_s).toString(), u"update"_s);
        const QJsonObject delta = first->value(u"params"_s).toObject().value(u"delta"_s).toObject();
        QCOMPARE(delta.value(u"id"_s).toInt(), 2);

        // Node 2 goes away: the subscription ends with a forwarding error.
        m_two.reset();
        std::optional<QJsonObject> ended;
        for (int i = 0; i < 20 && !ended; ++i) {
            auto n = m_client.nextNotification(2000);
            if (n && n->value(u"method"_s).toString() == u"ended"_s)
                ended = n;
        }
        QVERIFY(ended);
        const int code = ended->value(u"params"_s)
                             .toObject()
                             .value(u"error"_s)
                             .toObject()
                             .value(u"code"_s)
                             .toInt();
        QVERIFY(code == -32002 || code == -32004);
    }

    void unreachableNodeIsReported() {
        const QJsonObject r = m_client.call(u"node.status"_s, object(R"({"node":2})"));
        QVERIFY(errorCode(r) == -32002 || errorCode(r) == -32004);
        QCOMPARE(errorOf(r).value(u"data"_s).toObject().value(u"node"_s).toInt(), 2);
    }

    void mapSetChangesTheMembership() {
        QVERIFY(m_client.call(u"map.set"_s, object(R"({"text":"1 127.0.0.1 1\n"})"))
                    .contains(u"result"_s));
        const QJsonArray nodes = m_client.call(u"cluster.nodes"_s).value(u"result"_s).toArray();
        QCOMPARE(nodes.size(), 1);
        QCOMPARE(nodes.first().toObject().value(u"id"_s).toInt(), 1);
        const QJsonObject r = m_client.call(u"node.status"_s, object(R"({"node":2})"));
        QCOMPARE(errorCode(r), -32002);
    }
};

QTEST_GUILESS_MAIN(TestForwarding)
#include "tst_forwarding.moc"
