// The API over the socket, against an in-process agent on the emulated /proc/hpc: every
// method's happy path and every error path, malformed input included.
#include "testagent.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <omview/agent/localnode.h>
#include <omview/hpc/hpcbackend.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace omview::agent;
using namespace omview::agent::test;

namespace {

QJsonObject object(const char *json) {
    return QJsonDocument::fromJson(json).object();
}

// Field 3 of /proc/PID/stat: R, S, T, Z, ...
char processState(qint64 pid) {
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close > 0 && close + 2 < stat.size() ? stat.at(close + 2) : '?';
}

} // namespace

class TestServer : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestAgent> m_agent;
    LineClient m_client;

    QJsonObject call(const QString &method, const QJsonValue &params = QJsonObject()) {
        return m_client.call(method, params);
    }

    // A child process for the process methods; killed by the caller.
    static std::unique_ptr<QProcess> spawnSleeper() {
        auto p = std::make_unique<QProcess>();
        p->start(u"/bin/sleep"_s, {u"300"_s});
        if (!p->waitForStarted())
            return nullptr;
        return p;
    }

private slots:
    void initTestCase() {
        m_agent = std::make_unique<TestAgent>();
        QVERIFY2(m_agent->ok(), qPrintable(m_agent->error()));
        QVERIFY(m_client.connectTo(m_agent->socketPath()));
    }

    void requestsBeforeHelloAreRefused() {
        const QJsonObject r = call(u"node.status"_s);
        QCOMPARE(errorCode(r), -32600);
        QVERIFY(errorOf(r).value(u"message"_s).toString().contains(u"hello"_s));
    }

    void unsupportedProtocolIsRefused() {
        const QJsonObject r =
            call(u"hello"_s, QJsonObject{{u"protocol"_s, 2}, {u"client"_s, u"tst"_s}});
        QCOMPARE(errorCode(r), -32005);
        QCOMPARE(errorOf(r).value(u"data"_s).toObject().value(u"supported"_s).toArray(),
                 QJsonArray{1});
    }

    void helloAnswersWithNodeAndCapabilities() {
        const QJsonObject r = m_client.hello();
        QCOMPARE(r.value(u"protocol"_s).toInt(), 1);
        QCOMPARE(r.value(u"node"_s).toInt(), 1);
        QVERIFY(r.value(u"agent"_s).toString().startsWith(u"omagentd "_s));
        const QJsonArray caps = r.value(u"capabilities"_s).toArray();
        QVERIFY(caps.contains(u"hpc.emulated"_s));
        QVERIFY(caps.contains(u"subscribe"_s));
    }

    void secondHelloIsRefused() {
        const QJsonObject r =
            call(u"hello"_s, QJsonObject{{u"protocol"_s, 1}, {u"client"_s, u"tst"_s}});
        QCOMPARE(errorCode(r), -32600);
    }

    void malformedLines_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("code");
        QTest::addColumn<QJsonValue>("id");
        QTest::newRow("not json") << QByteArray("{\"jsonrpc\":") << -32700 << QJsonValue();
        QTest::newRow("garbage") << QByteArray("hello agent") << -32700 << QJsonValue();
        QTest::newRow("batch") << QByteArray(
                                      "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\"}]")
                               << -32600 << QJsonValue();
        QTest::newRow("empty batch") << QByteArray("[]") << -32600 << QJsonValue();
        QTest::newRow("number") << QByteArray("42") << -32600 << QJsonValue();
        QTest::newRow("wrong version")
            << QByteArray("{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"node.status\"}") << -32600
            << QJsonValue(3);
        QTest::newRow("no method")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":4}") << -32600 << QJsonValue(4);
        QTest::newRow("method not a string")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":7}") << -32600 << QJsonValue(5);
        QTest::newRow("params a string")
            << QByteArray(
                   "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"node.status\",\"params\":\"x\"}")
            << -32600 << QJsonValue(6);
        QTest::newRow("misspelt member")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"node.status\",\"param\":{}}")
            << -32600 << QJsonValue(7);
        QTest::newRow("unknown method")
            << QByteArray(
                   "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"proc.teleport\",\"params\":{}}")
            << -32601 << QJsonValue(8);
        QTest::newRow("params an array")
            << QByteArray(
                   "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"node.status\",\"params\":[1]}")
            << -32602 << QJsonValue(9);
        QTest::newRow("string id")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"nope\"}") << -32601
            << QJsonValue(u"a"_s);
    }

    void malformedLines() {
        QFETCH(QByteArray, line);
        QFETCH(int, code);
        QFETCH(QJsonValue, id);
        m_client.sendLine(line);
        const auto r = m_client.nextResponse();
        QVERIFY(r);
        QCOMPARE(errorCode(*r), code);
        QCOMPARE(r->value(u"id"_s), id);
        QCOMPARE(r->value(u"jsonrpc"_s).toString(), u"2.0"_s);
        // The session goes on.
        QVERIFY(call(u"node.status"_s).contains(u"result"_s));
    }

    void notificationsAreNotAnswered() {
        m_client.sendLine(R"({"jsonrpc":"2.0","method":"node.status","params":{}})");
        // The next answer is the one to the following request.
        const QJsonObject r = call(u"settings.get"_s);
        QVERIFY(r.value(u"result"_s).toObject().contains(u"speed"_s));
    }

    void overlongLineIsRefusedAndSessionContinues() {
        QByteArray huge(16 * 1024 * 1024 + 100, 'x');
        m_client.sendLine(huge);
        const auto r = m_client.nextResponse(20000);
        QVERIFY(r);
        QCOMPARE(errorCode(*r), -32600);
        QVERIFY(call(u"node.status"_s).contains(u"result"_s));
    }

    void nodeStatus() {
        const QJsonObject s = call(u"node.status"_s).value(u"result"_s).toObject();
        QCOMPARE(s.value(u"id"_s).toInt(), 1);
        QCOMPARE(s.value(u"address"_s).toString(), u"127.0.0.1"_s);
        QVERIFY(s.value(u"cpus"_s).toInt() >= 1);
        QVERIFY(s.value(u"memTotal"_s).toDouble() > 0);
        QVERIFY(s.value(u"sampledAt"_s).toDouble() > 0);
        QVERIFY(s.value(u"status"_s).toInt() & 1); // configured
        QCOMPARE(s.value(u"speed"_s).toInt(), 10000);
        // For its own ID the node answers itself.
        const QJsonObject own =
            call(u"node.status"_s, QJsonObject{{u"node"_s, 1}}).value(u"result"_s).toObject();
        QCOMPARE(own.value(u"id"_s).toInt(), 1);
    }

    void clusterNodes() {
        const QJsonArray nodes = call(u"cluster.nodes"_s).value(u"result"_s).toArray();
        QVERIFY(!nodes.isEmpty());
        bool self = false;
        for (const QJsonValue &n : nodes) {
            if (n.toObject().value(u"id"_s).toInt() == 1) {
                self = true;
                QVERIFY(n.toObject().value(u"alive"_s).toBool());
            }
        }
        QVERIFY(self);
    }

    // This node's row in cluster.nodes is its latest sample from the first answer on: never
    // the unsampled record a starting gossip would hold, nor the copy of the last gossip step.
    void clusterNodesHoldTheLatestOwnSample() {
        TestAgent fresh;
        QVERIFY2(fresh.ok(), qPrintable(fresh.error()));
        LineClient client;
        QVERIFY(client.connectTo(fresh.socketPath()));
        client.hello();
        const auto ownRow = [&client]() -> QJsonObject {
            const QJsonArray nodes = client.call(u"cluster.nodes"_s).value(u"result"_s).toArray();
            for (const QJsonValue &n : nodes)
                if (n.toObject().value(u"id"_s).toInt() == 1)
                    return n.toObject();
            return {};
        };
        const QJsonObject first = ownRow();
        QVERIFY2(first.value(u"alive"_s).toBool(), QJsonDocument(first).toJson().constData());
        QVERIFY2(first.value(u"sampledAt"_s).toInteger() > 0,
                 QJsonDocument(first).toJson().constData());
        QVERIFY(first.value(u"memTotal"_s).toInteger() > 0);
        QVERIFY(first.value(u"speed"_s).toInt() > 0);
        QCOMPARE(first.value(u"status"_s).toInt() & 3, 3); // configured, up

        const qint64 before = fresh.agent().local().status().sampledAt;
        QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > before);
        fresh.agent().local().sample();
        const qint64 latest = fresh.agent().local().status().sampledAt;
        QVERIFY(latest > before);
        QCOMPARE(ownRow().value(u"sampledAt"_s).toInteger(), latest);
    }

    void settingsRoundTrip() {
        const QJsonObject before = call(u"settings.get"_s).value(u"result"_s).toObject();
        QCOMPARE(before.value(u"speed"_s).toInt(), 10000);
        QCOMPARE(before.value(u"mospe"_s).toInt(), 1);

        const QJsonObject after =
            call(u"settings.set"_s,
                 object(R"({"speed":15000,"quiet":true,"overheads":[1500,20,60,110]})"))
                .value(u"result"_s)
                .toObject();
        QCOMPARE(after.value(u"speed"_s).toInt(), 15000);
        QCOMPARE(after.value(u"quiet"_s).toBool(), true);
        QCOMPARE(after.value(u"overheads"_s).toArray(), (QJsonArray{1500, 20, 60, 110}));

        // The backend itself changed, not a copy in the agent.
        const auto backendSettings = m_agent->agent().backend().settings();
        QVERIFY(backendSettings);
        QCOMPARE(backendSettings->speed, 15000u);
        QVERIFY(backendSettings->quiet);
        QCOMPARE(call(u"settings.get"_s).value(u"result"_s).toObject(), after);

        QVERIFY(call(u"settings.set"_s,
                     object(R"({"speed":10000,"quiet":false,"overheads":[1300,10,50,100]})"))
                    .contains(u"result"_s));
    }

    void settingsSetWritesNothingWhenAnyValueIsBad_data() {
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<QString>("param");
        QTest::newRow("speed 0") << object(R"({"block":true,"speed":0})") << u"speed"_s;
        QTest::newRow("slow below fast")
            << object(R"({"block":true,"slowDecay":900,"fastDecay":950})") << QString();
        QTest::newRow("slow below current fast")
            << object(R"({"block":true,"slowDecay":900})") << QString();
        QTest::newRow("overheads short")
            << object(R"({"block":true,"overheads":[1,2,3]})") << u"overheads"_s;
        QTest::newRow("unknown member") << object(R"({"block":true,"sped":5})") << u"sped"_s;
        QTest::newRow("bool as number") << object(R"({"block":1})") << u"block"_s;
        QTest::newRow("mospe unmapped") << object(R"({"block":true,"mospe":70000})") << u"mospe"_s;
    }

    void settingsSetWritesNothingWhenAnyValueIsBad() {
        QFETCH(QJsonObject, params);
        QFETCH(QString, param);
        const QJsonObject before = call(u"settings.get"_s).value(u"result"_s).toObject();
        const QJsonObject r = call(u"settings.set"_s, params);
        QCOMPARE(errorCode(r), -32602);
        if (!param.isEmpty())
            QCOMPARE(errorOf(r).value(u"data"_s).toObject().value(u"param"_s).toString(), param);
        QCOMPARE(call(u"settings.get"_s).value(u"result"_s).toObject(), before);
    }

    void settingsSetRefusedByHpcNamesTheFile() {
        // mospe 5 is a valid ID but not in the map: /proc/hpc refuses it.
        const QJsonObject r = call(u"settings.set"_s, object(R"({"mospe":5})"));
        QCOMPARE(errorCode(r), -32000);
        const QJsonObject data = errorOf(r).value(u"data"_s).toObject();
        QCOMPARE(data.value(u"file"_s).toString(), u"admin/mospe"_s);
        QVERIFY(data.value(u"errno"_s).toInt() > 0);
        QCOMPARE(call(u"settings.get"_s).value(u"result"_s).toObject().value(u"mospe"_s).toInt(),
                 1);
    }

    void expelAndBring() {
        // Nothing to move: done at once, nothing moved, nothing failed.
        const QJsonObject none{{u"moved"_s, QJsonArray()}, {u"failed"_s, QJsonArray()}};
        QCOMPARE(call(u"node.expel"_s).value(u"result"_s).toObject(), none);
        QVERIFY(call(u"settings.get"_s).value(u"result"_s).toObject().value(u"block"_s).toBool());
        QCOMPARE(call(u"node.bring"_s).value(u"result"_s).toObject(), none);
        QVERIFY(call(u"settings.get"_s).value(u"result"_s).toObject().value(u"lstay"_s).toBool());
        QVERIFY(call(u"settings.set"_s, object(R"({"block":false,"lstay":false})"))
                    .contains(u"result"_s));
    }

    void mapGetAndSet() {
        QCOMPARE(call(u"map.get"_s).value(u"result"_s).toObject().value(u"text"_s).toString(),
                 u"1 127.0.0.1 2\n"_s);
        QCOMPARE(call(u"map.set"_s, object(R"({"text":"# three now\n1 127.0.0.1 3\n"})"))
                     .value(u"result"_s)
                     .toObject(),
                 QJsonObject());
        QCOMPARE(call(u"map.get"_s).value(u"result"_s).toObject().value(u"text"_s).toString(),
                 u"1 127.0.0.1 3\n"_s);
        QVERIFY(call(u"map.set"_s, object(R"({"text":"1 127.0.0.1 2\n"})")).contains(u"result"_s));
    }

    void mapSetNamesTheBadLine() {
        const QJsonObject r =
            call(u"map.set"_s, object(R"({"text":"1 127.0.0.1 2\n70000 10.0.1.1 1\n"})"));
        QCOMPARE(errorCode(r), -32602);
        const QJsonObject data = errorOf(r).value(u"data"_s).toObject();
        QCOMPARE(data.value(u"line"_s).toInt(), 2);
        QCOMPARE(data.value(u"param"_s).toString(), u"text"_s);
        QVERIFY(errorOf(r).value(u"message"_s).toString().contains(u"line 2"_s));
        QCOMPARE(call(u"map.get"_s).value(u"result"_s).toObject().value(u"text"_s).toString(),
                 u"1 127.0.0.1 2\n"_s);
    }

    void procListAndUserFilter() {
        auto child = spawnSleeper();
        QVERIFY(child);
        m_agent->agent().local().sample();
        const QJsonArray all = call(u"proc.list"_s).value(u"result"_s).toArray();
        QVERIFY(all.size() > 1);
        bool found = false;
        qint64 previous = 0;
        for (const QJsonValue &v : all) {
            const QJsonObject p = v.toObject();
            QVERIFY(p.value(u"pid"_s).toInteger() > previous); // ascending
            previous = p.value(u"pid"_s).toInteger();
            if (p.value(u"pid"_s).toInteger() == child->processId()) {
                found = true;
                QCOMPARE(p.value(u"command"_s).toString(), u"sleep"_s);
                QCOMPARE(p.value(u"home"_s).toInt(), 1);
                QCOMPARE(p.value(u"where"_s).toInt(), 0);
                QCOMPARE(p.value(u"guest"_s).toBool(), false);
            }
        }
        QVERIFY(found);

        const QJsonArray root =
            call(u"proc.list"_s, object(R"({"user":"root"})")).value(u"result"_s).toArray();
        QVERIFY(!root.isEmpty());
        for (const QJsonValue &v : root)
            QCOMPARE(v.toObject().value(u"user"_s).toString(), u"root"_s);
        QCOMPARE(call(u"proc.list"_s, object(R"({"user":"no-such-user-here"})"))
                     .value(u"result"_s)
                     .toArray(),
                 QJsonArray());
        child->kill();
        child->waitForFinished();
    }

    void procSignalStopsContinuesAndTerminates() {
        auto child = spawnSleeper();
        QVERIFY(child);
        const qint64 pid = child->processId();
        QCOMPARE(call(u"proc.signal"_s, QJsonObject{{u"pid"_s, pid}, {u"signal"_s, u"STOP"_s}})
                     .value(u"result"_s)
                     .toObject(),
                 QJsonObject());
        QTRY_COMPARE(processState(pid), 'T');
        QVERIFY(call(u"proc.signal"_s, QJsonObject{{u"pid"_s, pid}, {u"signal"_s, u"CONT"_s}})
                    .contains(u"result"_s));
        QTRY_COMPARE(processState(pid), 'S');
        QVERIFY(call(u"proc.signal"_s, QJsonObject{{u"pid"_s, pid}, {u"signal"_s, u"TERM"_s}})
                    .contains(u"result"_s));
        // The event loop the client spins may already have seen the child end.
        QTRY_COMPARE(child->state(), QProcess::NotRunning);
        QCOMPARE(child->exitStatus(), QProcess::CrashExit);
    }

    void procRenice() {
        auto child = spawnSleeper();
        QVERIFY(child);
        const qint64 pid = child->processId();
        QVERIFY(call(u"proc.renice"_s, QJsonObject{{u"pid"_s, pid}, {u"nice"_s, 7}})
                    .contains(u"result"_s));
        errno = 0;
        QCOMPARE(::getpriority(PRIO_PROCESS, static_cast<id_t>(pid)), 7);
        m_agent->agent().local().sample();
        const QJsonArray list = call(u"proc.list"_s).value(u"result"_s).toArray();
        for (const QJsonValue &v : list) {
            if (v.toObject().value(u"pid"_s).toInteger() == pid)
                QCOMPARE(v.toObject().value(u"nice"_s).toInt(), 7);
        }
        child->kill();
        child->waitForFinished();
    }

    void procLock() {
        auto child = spawnSleeper();
        QVERIFY(child);
        const qint64 pid = child->processId();
        // The emulation tracks a new process within its next fold (a second).
        QJsonObject locked;
        for (int attempt = 0; attempt < 50; ++attempt) {
            locked = call(u"proc.lock"_s, QJsonObject{{u"pid"_s, pid}, {u"locked"_s, true}});
            if (errorCode(locked) != -32001)
                break;
            QTest::qWait(100);
        }
        QVERIFY2(locked.contains(u"result"_s), QJsonDocument(locked).toJson().constData());
        m_agent->agent().local().sample();
        bool seen = false;
        for (const QJsonValue &v : call(u"proc.list"_s).value(u"result"_s).toArray()) {
            if (v.toObject().value(u"pid"_s).toInteger() == pid) {
                seen = true;
                QCOMPARE(v.toObject().value(u"locked"_s).toBool(), true);
                QVERIFY(v.toObject().value(u"cantmove"_s).toString().contains(u"user_lock"_s));
            }
        }
        QVERIFY(seen);
        QVERIFY(call(u"proc.lock"_s, QJsonObject{{u"pid"_s, pid}, {u"locked"_s, false}})
                    .contains(u"result"_s));
        child->kill();
        child->waitForFinished();
    }

    void noSuchProcess_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QJsonObject>("params");
        // Above pid_max: never a process.
        QTest::newRow("signal") << u"proc.signal"_s
                                << object(R"({"pid":2147483647,"signal":"TERM"})");
        QTest::newRow("renice") << u"proc.renice"_s << object(R"({"pid":2147483647,"nice":1})");
        QTest::newRow("lock") << u"proc.lock"_s << object(R"({"pid":2147483647,"locked":true})");
    }

    void noSuchProcess() {
        QFETCH(QString, method);
        QFETCH(QJsonObject, params);
        const QJsonObject r = call(method, params);
        QCOMPARE(errorCode(r), -32001);
        QCOMPARE(errorOf(r).value(u"data"_s).toObject().value(u"pid"_s).toInteger(), 2147483647);
    }

    void invalidParams_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<QString>("param");
        QTest::newRow("node 0") << u"node.status"_s << object(R"({"node":0})") << u"node"_s;
        QTest::newRow("node string") << u"node.status"_s << object(R"({"node":"1"})") << u"node"_s;
        QTest::newRow("node too big")
            << u"settings.get"_s << object(R"({"node":70000})") << u"node"_s;
        QTest::newRow("node fraction") << u"map.get"_s << object(R"({"node":1.5})") << u"node"_s;
        QTest::newRow("unknown") << u"cluster.nodes"_s << object(R"({"foo":1})") << u"foo"_s;
        QTest::newRow("expel unknown") << u"node.expel"_s << object(R"({"all":true})") << u"all"_s;
        QTest::newRow("map text missing") << u"map.set"_s << object("{}") << u"text"_s;
        QTest::newRow("map text number") << u"map.set"_s << object(R"({"text":5})") << u"text"_s;
        QTest::newRow("user number") << u"proc.list"_s << object(R"({"user":5})") << u"user"_s;
        QTest::newRow("signal missing")
            << u"proc.signal"_s << object(R"({"pid":1})") << u"signal"_s;
        QTest::newRow("signal HUP")
            << u"proc.signal"_s << object(R"({"pid":1,"signal":"HUP"})") << u"signal"_s;
        QTest::newRow("pid string")
            << u"proc.signal"_s << object(R"({"pid":"1","signal":"TERM"})") << u"pid"_s;
        QTest::newRow("pid 0") << u"proc.signal"_s << object(R"({"pid":0,"signal":"TERM"})")
                               << u"pid"_s;
        QTest::newRow("pid negative")
            << u"proc.signal"_s << object(R"({"pid":-1,"signal":"KILL"})") << u"pid"_s;
        QTest::newRow("pid fraction")
            << u"proc.renice"_s << object(R"({"pid":1.5,"nice":0})") << u"pid"_s;
        QTest::newRow("nice 25") << u"proc.renice"_s << object(R"({"pid":1,"nice":25})")
                                 << u"nice"_s;
        QTest::newRow("nice -21") << u"proc.renice"_s << object(R"({"pid":1,"nice":-21})")
                                  << u"nice"_s;
        QTest::newRow("locked string")
            << u"proc.lock"_s << object(R"({"pid":1,"locked":"yes"})") << u"locked"_s;
        QTest::newRow("locked missing") << u"proc.lock"_s << object(R"({"pid":1})") << u"locked"_s;
        QTest::newRow("lock extra")
            << u"proc.lock"_s << object(R"({"pid":1,"locked":true,"x":1})") << u"x"_s;
        QTest::newRow("topic") << u"subscribe"_s << object(R"({"topic":"disk"})") << u"topic"_s;
        QTest::newRow("interval") << u"subscribe"_s
                                  << object(R"({"topic":"node","intervalMs":100})")
                                  << u"intervalMs"_s;
        QTest::newRow("user without procs")
            << u"subscribe"_s << object(R"({"topic":"node","user":"root"})") << u"user"_s;
        QTest::newRow("unsubscribe missing")
            << u"unsubscribe"_s << object("{}") << u"subscription"_s;
        QTest::newRow("unsubscribe unknown")
            << u"unsubscribe"_s << object(R"({"subscription":99})") << u"subscription"_s;
    }

    void invalidParams() {
        QFETCH(QString, method);
        QFETCH(QJsonObject, params);
        QFETCH(QString, param);
        const QJsonObject r = call(method, params);
        QCOMPARE(errorCode(r), -32602);
        QCOMPARE(errorOf(r).value(u"data"_s).toObject().value(u"param"_s).toString(), param);
        QVERIFY(errorOf(r).value(u"message"_s).toString().contains(param));
    }

    void invalidParamsOfAnotherNodeAreRefusedHere() {
        // Validated before forwarding: a bad request never reaches the peer.
        const QJsonObject r = call(u"proc.renice"_s, object(R"({"node":2,"pid":1,"nice":99})"));
        QCOMPARE(errorCode(r), -32602);
    }

    void unknownNodeIsRefused() {
        const QJsonObject r = call(u"node.status"_s, object(R"({"node":999})"));
        QCOMPARE(errorCode(r), -32002);
        QCOMPARE(errorOf(r).value(u"data"_s).toObject().value(u"node"_s).toInt(), 999);
    }

    void pipelinedRequestsAreAllAnswered() {
        QByteArray lines;
        for (int i = 100; i < 150; ++i)
            lines += QJsonDocument(QJsonObject{{u"jsonrpc"_s, u"2.0"_s},
                                               {u"id"_s, i},
                                               {u"method"_s, u"settings.get"_s}})
                         .toJson(QJsonDocument::Compact) +
                     '\n';
        m_client.socket().write(lines);
        QSet<int> ids;
        for (int i = 100; i < 150; ++i) {
            const auto r = m_client.nextResponse();
            QVERIFY(r);
            QVERIFY(r->contains(u"result"_s));
            ids.insert(r->value(u"id"_s).toInt());
        }
        QCOMPARE(ids.size(), 50);
    }
};

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"
