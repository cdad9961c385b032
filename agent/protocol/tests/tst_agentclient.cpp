// AgentClient against a scripted agent on a real QLocalServer socket: hello
// negotiation, typed calls, timeouts, a peer that closes or misbehaves, and
// subscriptions applying deltas.
#include "samples.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/delta.h>
#include <omview/protocol/json.h>
#include <omview/protocol/jsonrpc.h>
#include <omview/protocol/lineframer.h>
#include <omview/protocol/localsockettransport.h>

using namespace omview;
using namespace omview::test;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The agent's side of the socket, driven by the test.
class ScriptedAgent : public QObject {
public:
    ScriptedAgent() {
        path = dir.filePath(u"agent.sock"_s);
        if (!server.listen(path))
            qFatal("cannot listen on %s", qPrintable(path));
        connect(&server, &QLocalServer::newConnection, this, [this] {
            peer = server.nextPendingConnection();
            ++connections;
            connect(peer, &QLocalSocket::readyRead, this, [this] { onReadyRead(); });
        });
    }

    // The first request (or notification) with `method` not returned before.
    QJsonObject waitFor(const QString &method, int timeoutMs = 5000) {
        QJsonObject found;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < received.size(); ++i) {
                    if (!consumed.contains(i) &&
                        received[i].value("method"_L1).toString() == method) {
                        consumed.insert(i);
                        found = received[i];
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }

    int count(const QString &method) const {
        return int(std::ranges::count_if(received, [&](const QJsonObject &o) {
            return o.value("method"_L1).toString() == method;
        }));
    }

    void reply(const QJsonObject &request, const QJsonValue &result) {
        send(rpc::Response{*rpc::Id::fromJson(request.value("id"_L1)), result});
    }

    void replyError(const QJsonObject &request, const RpcError &error) {
        send(rpc::ErrorResponse{*rpc::Id::fromJson(request.value("id"_L1)), error});
    }

    void notify(QLatin1StringView method, const QJsonObject &params) {
        send(rpc::Notification{method, params});
    }

    void send(const rpc::Message &message) { sendRaw(rpc::serialize(message)); }

    void sendRaw(const QByteArray &bytes) {
        QVERIFY(peer);
        peer->write(bytes);
        peer->flush();
    }

    QString path;
    QPointer<QLocalSocket> peer;
    QList<QJsonObject> received;
    bool answerHello = true;
    HelloResult hello{ProtocolVersion, u"omagentd test"_s, 3, {u"subscribe"_s}};
    int connections = 0;

private:
    void onReadyRead() {
        for (const auto &frame : framer.feed(peer->readAll())) {
            if (!frame)
                qFatal("client sent an overlong line");
            auto message = rpc::parseMessage(*frame);
            if (!message)
                qFatal("client sent an invalid line: %s", frame->constData());
            const QJsonObject o = QJsonDocument::fromJson(*frame).object();
            received.append(o);
            if (answerHello && o.value("method"_L1) == u"hello"_s) {
                consumed.insert(received.size() - 1);
                reply(o, toJson(hello));
            }
        }
    }

    QTemporaryDir dir;
    QLocalServer server;
    LineFramer framer;
    QSet<qsizetype> consumed;
};

template<class T> bool finishes(const QFuture<T> &future, int timeoutMs = 5000) {
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs);
}

std::unique_ptr<AgentClient> clientFor(const ScriptedAgent &agent,
                                       qsizetype maxLine = LineFramer::DefaultMaxLineLength) {
    return std::make_unique<AgentClient>(
        std::make_unique<LocalSocketTransport>(agent.path, nullptr, maxLine), u"tst_agentclient"_s);
}

QJsonObject paramsOf(const QJsonObject &request) {
    return request.value("params"_L1).toObject();
}

} // namespace

class TestAgentClient : public QObject {
    Q_OBJECT

private:
    // A client connected to `agent` and past hello.
    std::unique_ptr<AgentClient> connected(ScriptedAgent &agent) {
        auto client = clientFor(agent);
        client->connectToAgent();
        if (!QTest::qWaitFor([&] { return client->state() == AgentClient::State::Ready; }, 5000))
            qFatal("client did not become ready");
        return client;
    }

private slots:
    void helloAndATypedCall() {
        ScriptedAgent agent;
        auto client = clientFor(agent);
        QSignalSpy ready(client.get(), &AgentClient::ready);
        client->connectToAgent();
        QCOMPARE(client->state(), AgentClient::State::Connecting);
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.at(0).at(0).value<HelloResult>(), agent.hello);
        QCOMPARE(*client->agent(), agent.hello);
        QCOMPARE(client->state(), AgentClient::State::Ready);
        const QJsonObject hello = agent.received.at(0);
        QCOMPARE(paramsOf(hello),
                 (QJsonObject{{u"protocol"_s, 1}, {u"client"_s, u"tst_agentclient"_s}}));

        auto future = client->nodeStatus(5);
        const QJsonObject request = agent.waitFor(u"node.status"_s);
        QCOMPARE(paramsOf(request), (QJsonObject{{u"node"_s, 5}}));
        agent.reply(request, toJson(sampleStatus(5)));
        QVERIFY(finishes(future));
        QVERIFY(future.result().has_value());
        QCOMPARE(*future.result(), sampleStatus(5)); // with 64-bit memory values
    }

    void everyMethodSendsItsParams() {
        ScriptedAgent agent;
        auto client = connected(agent);
        SettingsChange change;
        change.block = true;
        change.speed = 15000;

        auto settings = client->settings();
        auto set = client->setSettings(change, 2);
        auto expel = client->expel(4);
        auto bring = client->bring();
        auto map = client->nodeMap();
        auto setMap = client->setNodeMap(u"1 10.0.0.1 4\n"_s);
        auto procs = client->processes(u"ada"_s);
        auto signal = client->signalProcess(12, ProcessSignal::Stop);
        auto renice = client->renice(12, -3, 2);
        auto lock = client->setProcessLocked(12, true);
        auto cluster = client->clusterNodes();

        QJsonObject r = agent.waitFor(u"settings.get"_s);
        QCOMPARE(paramsOf(r), QJsonObject());
        agent.reply(r, toJson(sampleSettings()));
        r = agent.waitFor(u"settings.set"_s);
        QCOMPARE(paramsOf(r),
                 (QJsonObject{{u"node"_s, 2}, {u"block"_s, true}, {u"speed"_s, 15000}}));
        agent.reply(r, toJson(sampleSettings()));
        r = agent.waitFor(u"node.expel"_s);
        QCOMPARE(paramsOf(r), (QJsonObject{{u"node"_s, 4}}));
        agent.reply(r, QJsonObject());
        agent.reply(agent.waitFor(u"node.bring"_s), QJsonObject());
        agent.reply(agent.waitFor(u"map.get"_s), QJsonObject{{u"text"_s, u"1 10.0.0.1 4\n"_s}});
        r = agent.waitFor(u"map.set"_s);
        QCOMPARE(paramsOf(r), (QJsonObject{{u"text"_s, u"1 10.0.0.1 4\n"_s}}));
        agent.replyError(r, RpcError(ErrorCode::InvalidParams, u"text: line 1: bad"_s,
                                     QJsonObject{{u"param"_s, u"text"_s}, {u"line"_s, 1}}));
        r = agent.waitFor(u"proc.list"_s);
        QCOMPARE(paramsOf(r), (QJsonObject{{u"user"_s, u"ada"_s}}));
        agent.reply(r, toJsonArray(QList<ProcessInfo>{sampleProcess(1), sampleProcess(2)}));
        r = agent.waitFor(u"proc.signal"_s);
        QCOMPARE(paramsOf(r), (QJsonObject{{u"pid"_s, 12}, {u"signal"_s, u"STOP"_s}}));
        agent.replyError(
            r, RpcError(ErrorCode::NoSuchProcess, u"no process 12"_s, QJsonObject{{u"pid"_s, 12}}));
        r = agent.waitFor(u"proc.renice"_s);
        QCOMPARE(paramsOf(r), (QJsonObject{{u"node"_s, 2}, {u"pid"_s, 12}, {u"nice"_s, -3}}));
        agent.reply(r, QJsonObject());
        r = agent.waitFor(u"proc.lock"_s);
        QCOMPARE(paramsOf(r), (QJsonObject{{u"pid"_s, 12}, {u"locked"_s, true}}));
        agent.reply(r, QJsonObject());
        agent.reply(agent.waitFor(u"cluster.nodes"_s),
                    toJsonArray(QList<NodeRecord>{sampleRecord(1), sampleRecord(2)}));

        QVERIFY(finishes(cluster));
        QCOMPARE(*settings.result(), sampleSettings());
        QCOMPARE(*set.result(), sampleSettings());
        QVERIFY(expel.result().has_value());
        QVERIFY(bring.result().has_value());
        QCOMPARE(*map.result(), u"1 10.0.0.1 4\n"_s);
        QCOMPARE(setMap.result().error().data.toObject().value("line"_L1).toInteger(), 1);
        QCOMPARE(procs.result()->size(), 2);
        QCOMPARE(signal.result().error(), RpcError(ErrorCode::NoSuchProcess, u"no process 12"_s,
                                                   QJsonObject{{u"pid"_s, 12}}));
        QVERIFY(renice.result().has_value());
        QVERIFY(lock.result().has_value());
        QCOMPARE(*cluster.result(), (QList<NodeRecord>{sampleRecord(1), sampleRecord(2)}));
    }

    void callsWhileConnectingWaitForHello() {
        ScriptedAgent agent;
        agent.answerHello = false;
        auto client = clientFor(agent);
        client->connectToAgent();
        auto future = client->nodeStatus();
        const QJsonObject hello = agent.waitFor(u"hello"_s);
        QTest::qWait(50);
        QCOMPARE(agent.received.size(), 1); // nothing before hello is answered
        agent.reply(hello, toJson(agent.hello));
        const QJsonObject request = agent.waitFor(u"node.status"_s);
        QVERIFY(!request.isEmpty());
        agent.reply(request, toJson(sampleStatus()));
        QVERIFY(finishes(future));
        QCOMPARE(*future.result(), sampleStatus());
    }

    void protocolMismatchIsAClearError() {
        ScriptedAgent agent;
        agent.answerHello = false;
        auto client = clientFor(agent);
        QSignalSpy failed(client.get(), &AgentClient::connectionFailed);
        client->connectToAgent();
        auto queued = client->settings();
        agent.replyError(agent.waitFor(u"hello"_s),
                         RpcError(ErrorCode::ProtocolMismatch,
                                  u"protocol 1 is not supported; this agent speaks 2"_s,
                                  QJsonObject{{u"supported"_s, QJsonArray{2}}}));
        QVERIFY(failed.wait(5000));
        const auto error = failed.at(0).at(0).value<RpcError>();
        QCOMPARE(error.code, int(ErrorCode::ProtocolMismatch));
        QVERIFY2(error.message.startsWith(u"the agent does not speak protocol 1 (it speaks 2)"_s),
                 qPrintable(error.message));
        QCOMPARE(client->state(), AgentClient::State::Disconnected);
        QVERIFY(finishes(queued));
        QCOMPARE(queued.result().error().code, int(ErrorCode::ProtocolMismatch));
        QCOMPARE(agent.count(u"settings.get"_s), 0);
    }

    void helloAnsweredWithAnotherVersion() {
        ScriptedAgent agent;
        agent.hello.protocol = 2;
        auto client = clientFor(agent);
        QSignalSpy failed(client.get(), &AgentClient::connectionFailed);
        client->connectToAgent();
        QVERIFY(failed.wait(5000));
        const auto error = failed.at(0).at(0).value<RpcError>();
        QCOMPARE(error.code, int(ErrorCode::ProtocolMismatch));
        QCOMPARE(error.message,
                 u"the agent answered hello with protocol 2; this client speaks 1"_s);
    }

    void helloWithAMalformedResult() {
        ScriptedAgent agent;
        agent.answerHello = false;
        auto client = clientFor(agent);
        QSignalSpy failed(client.get(), &AgentClient::connectionFailed);
        client->connectToAgent();
        agent.reply(agent.waitFor(u"hello"_s), QJsonObject{{u"protocol"_s, 1}});
        QVERIFY(failed.wait(5000));
        const auto error = failed.at(0).at(0).value<RpcError>();
        QCOMPARE(error.code, int(ErrorCode::BadResponse));
        QVERIFY2(error.message.contains(u"agent: missing"_s), qPrintable(error.message));
    }

    void requestsTimeOut() {
        ScriptedAgent agent;
        auto client = connected(agent);
        client->setRequestTimeout(300ms);
        QElapsedTimer clock;
        clock.start();
        auto slow = client->settings();
        auto quick = client->call(u"settings.get"_s, {}, 100ms);
        QVERIFY(finishes(quick));
        QCOMPARE(quick.result().error().code, int(ErrorCode::Timeout));
        QVERIFY(finishes(slow));
        const auto elapsed = clock.elapsed();
        QVERIFY2(elapsed >= 290 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        QCOMPARE(slow.result().error().code, int(ErrorCode::Timeout));
        QCOMPARE(slow.result().error().message,
                 u"settings.get: no answer from the agent within 300 ms"_s);

        // A late answer is dropped; the connection stays usable.
        agent.reply(agent.waitFor(u"settings.get"_s), toJson(sampleSettings()));
        auto next = client->settings();
        agent.reply(agent.waitFor(u"settings.get"_s), toJson(sampleSettings()));
        agent.reply(agent.waitFor(u"settings.get"_s), toJson(sampleSettings()));
        QVERIFY(finishes(next));
        QCOMPARE(*next.result(), sampleSettings());
        QCOMPARE(client->state(), AgentClient::State::Ready);
    }

    void helloTimesOut() {
        ScriptedAgent agent;
        agent.answerHello = false;
        auto client = clientFor(agent);
        client->setRequestTimeout(200ms);
        QSignalSpy failed(client.get(), &AgentClient::connectionFailed);
        client->connectToAgent();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<RpcError>().code, int(ErrorCode::Timeout));
        QCOMPARE(client->state(), AgentClient::State::Disconnected);
    }

    void agentClosingFailsPendingCalls() {
        ScriptedAgent agent;
        auto client = connected(agent);
        QSignalSpy failed(client.get(), &AgentClient::connectionFailed);
        auto subscription = client->subscribeProcesses();
        agent.reply(agent.waitFor(u"subscribe"_s), QJsonObject{{u"subscription"_s, 1}});
        QTRY_COMPARE(subscription->state(), Subscription::State::Active);
        QSignalSpy ended(subscription.get(), &Subscription::ended);

        auto first = client->processes();
        auto second = client->nodeStatus();
        agent.waitFor(u"node.status"_s);
        agent.peer->close();
        QVERIFY(finishes(first));
        QVERIFY(finishes(second));
        QCOMPARE(first.result().error().code, int(ErrorCode::ConnectionLost));
        QVERIFY2(
            first.result().error().message.startsWith(u"proc.list: connection to the agent lost"_s),
            qPrintable(first.result().error().message));
        QCOMPARE(second.result().error().code, int(ErrorCode::ConnectionLost));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(client->state(), AgentClient::State::Disconnected);
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.at(0).at(0).value<RpcError>().code, int(ErrorCode::ConnectionLost));
        QCOMPARE(subscription->state(), Subscription::State::Ended);

        // After a loss the caller may connect again.
        client->connectToAgent();
        QTRY_COMPARE(client->state(), AgentClient::State::Ready);
        QCOMPARE(agent.connections, 2);
    }

    void callsWithoutConnectionFailAtOnce() {
        ScriptedAgent agent;
        auto client = clientFor(agent);
        auto future = client->nodeStatus();
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().code, int(ErrorCode::ConnectionLost));
        QCOMPARE(future.result().error().message, u"node.status: not connected to the agent"_s);
    }

    void connectingToNothingFails() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nothing.sock"_s);
        AgentClient client(std::make_unique<LocalSocketTransport>(path), u"t"_s);
        QSignalSpy failed(&client, &AgentClient::connectionFailed);
        client.connectToAgent();
        QTRY_COMPARE(failed.size(), 1);
        const auto error = failed.at(0).at(0).value<RpcError>();
        QCOMPARE(error.code, int(ErrorCode::ConnectionLost));
        QCOMPARE(error.message, u"cannot connect to the agent: local socket "_s + path +
                                    u": no such socket (is omagentd running?)"_s);
        QCOMPARE(client.state(), AgentClient::State::Disconnected);
    }

    void disconnectingFailsPendingCallsQuietly() {
        ScriptedAgent agent;
        auto client = connected(agent);
        QSignalSpy failed(client.get(), &AgentClient::connectionFailed);
        auto future = client->settings();
        client->disconnectFromAgent();
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().message, u"settings.get: disconnected by the client"_s);
        QCOMPARE(client->state(), AgentClient::State::Disconnected);
        QCOMPARE(client->transport()->state(), Transport::State::Closed);
        QTest::qWait(20);
        QCOMPARE(failed.size(), 0);
    }

    void destroyingTheClientFinishesFutures() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto future = client->settings();
        client.reset();
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().code, int(ErrorCode::ConnectionLost));
    }

    void badParamsFailLocally() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto nice = client->renice(12, 25);
        QVERIFY(nice.isFinished());
        QCOMPARE(nice.result().error().code, int(ErrorCode::InvalidParams));
        QCOMPARE(nice.result().error().message, u"nice: must be -20..19, got 25"_s);
        SettingsChange change;
        change.overheads = QList<std::uint32_t>{1300, 10, 50};
        auto set = client->setSettings(change);
        QCOMPARE(set.result().error().data.toObject().value("param"_L1).toString(), u"overheads"_s);
        auto node = client->nodeStatus(0);
        QCOMPARE(node.result().error().message, u"node: must be a node ID 1..65535, got 0"_s);
        auto subscription = client->subscribeCluster(std::nullopt, 100ms);
        QSignalSpy ended(subscription.get(), &Subscription::ended);
        QCOMPARE(subscription->state(), Subscription::State::Ended);
        QVERIFY(ended.wait(5000)); // delivered from the event loop
        QCOMPARE(ended.at(0).at(0).value<RpcError>().message,
                 u"intervalMs: must be 250..60000 ms, got 100"_s);
        QTest::qWait(50);
        QCOMPARE(agent.received.size(), 1); // only hello went out
    }

    void agentErrorsAndBadResults() {
        ScriptedAgent agent;
        auto client = connected(agent);
        SettingsChange mospe;
        mospe.mospe = 9;
        auto refused = client->setSettings(mospe);
        agent.replyError(agent.waitFor(u"settings.set"_s),
                         RpcError(ErrorCode::HpcRefused, u"/proc/hpc/admin/mospe refused 9"_s,
                                  QJsonObject{{u"errno"_s, 22}, {u"file"_s, u"admin/mospe"_s}}));
        QVERIFY(finishes(refused));
        QCOMPARE(refused.result().error().data.toObject().value("file"_L1).toString(),
                 u"admin/mospe"_s);

        auto bad = client->nodeStatus();
        QJsonObject status = toJson(sampleStatus());
        status.remove("load"_L1);
        agent.reply(agent.waitFor(u"node.status"_s), status);
        QVERIFY(finishes(bad));
        QCOMPARE(bad.result().error().code, int(ErrorCode::BadResponse));
        QCOMPARE(bad.result().error().message,
                 u"node.status: the agent's result does not decode: load: missing"_s);
        QCOMPARE(client->state(), AgentClient::State::Ready);
    }

    void rawCallsPassThrough() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto future = client->call(u"future.method"_s, QJsonObject{{u"x"_s, 1}});
        const QJsonObject request = agent.waitFor(u"future.method"_s);
        QCOMPARE(paramsOf(request), (QJsonObject{{u"x"_s, 1}}));
        agent.reply(request, QJsonArray{1, 2});
        QVERIFY(finishes(future));
        QCOMPARE(*future.result(), QJsonValue(QJsonArray{1, 2}));
    }

    void malformedLinesFromTheAgentCloseTheConnection() {
        ScriptedAgent agent;
        auto client = connected(agent);
        QSignalSpy failed(client.get(), &AgentClient::connectionFailed);
        auto future = client->settings();
        agent.waitFor(u"settings.get"_s);
        agent.sendRaw("this is not json\n");
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<RpcError>().code, int(ErrorCode::BadResponse));
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().code, int(ErrorCode::BadResponse));
    }

    void overlongLinesFromTheAgentCloseTheConnection() {
        ScriptedAgent agent;
        auto client = clientFor(agent, 1024);
        client->connectToAgent();
        QTRY_COMPARE(client->state(), AgentClient::State::Ready);
        QSignalSpy failed(client.get(), &AgentClient::connectionFailed);
        auto future = client->processes();
        const QJsonObject request = agent.waitFor(u"proc.list"_s);
        QList<ProcessInfo> many;
        for (int pid = 1; pid <= 50; ++pid)
            many.append(sampleProcess(pid));
        agent.reply(request, toJsonArray(many)); // far beyond 1024 bytes
        QVERIFY(failed.wait(5000));
        const auto error = failed.at(0).at(0).value<RpcError>();
        QCOMPARE(error.code, int(ErrorCode::ConnectionLost));
        QVERIFY2(error.message.contains(u"longer than 1024 bytes"_s), qPrintable(error.message));
        QCOMPARE(future.result().error().code, int(ErrorCode::ConnectionLost));
    }

    void requestsFromTheAgentAreRefused() {
        ScriptedAgent agent;
        auto client = connected(agent);
        agent.send(rpc::Request{rpc::Id(77), u"do.something"_s, QJsonObject{}});
        QTRY_VERIFY(std::ranges::any_of(agent.received, [](const QJsonObject &o) {
            return o.value("id"_L1).toInteger() == 77 &&
                   o.value("error"_L1).toObject().value("code"_L1).toInteger() == -32601;
        }));
        agent.notify("some.future.notification"_L1, QJsonObject{});
        auto still = client->settings();
        agent.reply(agent.waitFor(u"settings.get"_s), toJson(sampleSettings()));
        QVERIFY(finishes(still));
        QVERIFY(still.result().has_value());
    }

    void processSubscriptionAppliesDeltas() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto subscription = client->subscribeProcesses(u"ada"_s, 4, 500ms);
        QSignalSpy activated(subscription.get(), &Subscription::activated);
        QSignalSpy updated(subscription.get(), &ProcessSubscription::updated);
        QCOMPARE(subscription->state(), Subscription::State::Pending);
        QCOMPARE(subscription->topic(), Topic::Procs);
        const QJsonObject request = agent.waitFor(u"subscribe"_s);
        QCOMPARE(paramsOf(request), (QJsonObject{{u"topic"_s, u"procs"_s},
                                                 {u"node"_s, 4},
                                                 {u"intervalMs"_s, 500},
                                                 {u"user"_s, u"ada"_s}}));
        agent.reply(request, QJsonObject{{u"subscription"_s, 7}});
        QVERIFY(activated.wait(5000));
        QCOMPARE(subscription->id(), 7u);

        const QList<ProcessInfo> first{sampleProcess(10), sampleProcess(20)};
        agent.notify(notifications::update,
                     toJson(UpdateParams{7, 1, toJson(makeDelta(QList<ProcessInfo>{}, first))}));
        QVERIFY(updated.wait(5000));
        QCOMPARE(subscription->processes(), first);

        ProcessInfo busier = sampleProcess(10);
        busier.cpuPercent = 50;
        const QList<ProcessInfo> second{busier, sampleProcess(30)};
        const ProcessListDelta delta = makeDelta(first, second);
        agent.notify(notifications::update, toJson(UpdateParams{7, 2, toJson(delta)}));
        QVERIFY(updated.wait(5000));
        QCOMPARE(subscription->processes(), second);
        QCOMPARE(updated.at(1).at(0).value<QList<ProcessInfo>>(), second);
        const auto received = updated.at(1).at(1).value<ProcessListDelta>();
        QCOMPARE(received.changedPids(), QList<std::int32_t>{10});
        QCOMPARE(received.removed, QList<std::int32_t>{20});
        QCOMPARE(received.added, QList<ProcessInfo>{sampleProcess(30)});

        // Deleting it unsubscribes.
        subscription.reset();
        QCOMPARE(paramsOf(agent.waitFor(u"unsubscribe"_s)), (QJsonObject{{u"subscription"_s, 7}}));
    }

    void migrationSubscriptionPassesEventsOn() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto subscription = client->subscribeMigrations(2);
        QSignalSpy updated(subscription.get(), &MigrationSubscription::updated);
        QCOMPARE(subscription->topic(), Topic::Migrations);
        const QJsonObject request = agent.waitFor(u"subscribe"_s);
        QCOMPARE(
            paramsOf(request),
            (QJsonObject{{u"topic"_s, u"migrations"_s}, {u"node"_s, 2}, {u"intervalMs"_s, 1000}}));
        agent.reply(request, QJsonObject{{u"subscription"_s, 5}});
        QTRY_COMPARE(subscription->state(), Subscription::State::Active);

        // The first update is empty: the subscription is live.
        agent.notify(notifications::update, toJson(UpdateParams{5, 1, toJson(MigrationsDelta{})}));
        QVERIFY(updated.wait(5000));
        QVERIFY(updated.at(0).at(0).value<QList<MigrationEvent>>().isEmpty());

        MigrationEvent started;
        started.id = u"m2-77-0000000000000001"_s;
        started.pid = 77;
        started.from = 2;
        started.to = 1;
        started.phase = u"started"_s;
        MigrationEvent done = started;
        done.phase = u"done"_s;
        agent.notify(notifications::update,
                     toJson(UpdateParams{5, 2, toJson(MigrationsDelta{{started, done}})}));
        QVERIFY(updated.wait(5000));
        QCOMPARE(updated.at(1).at(0).value<QList<MigrationEvent>>(),
                 (QList<MigrationEvent>{started, done}));

        // A malformed event ends it like any delta that does not apply.
        QSignalSpy ended(subscription.get(), &Subscription::ended);
        agent.notify(notifications::update,
                     toJson(UpdateParams{5, 3, QJsonObject{{u"events"_s, 1}}}));
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.at(0).at(0).value<RpcError>().code, int(ErrorCode::OutOfSync));
    }

    void lostUpdatesEndTheSubscription() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto subscription = client->subscribeProcesses();
        agent.reply(agent.waitFor(u"subscribe"_s), QJsonObject{{u"subscription"_s, 3}});
        QTRY_COMPARE(subscription->state(), Subscription::State::Active);
        QSignalSpy ended(subscription.get(), &Subscription::ended);
        const QList<ProcessInfo> first{sampleProcess(10)};
        agent.notify(notifications::update,
                     toJson(UpdateParams{3, 1, toJson(makeDelta(QList<ProcessInfo>{}, first))}));
        agent.notify(notifications::update, toJson(UpdateParams{3, 3, toJson(ProcessListDelta{})}));
        QVERIFY(ended.wait(5000));
        const auto error = ended.at(0).at(0).value<RpcError>();
        QCOMPARE(error.code, int(ErrorCode::OutOfSync));
        QCOMPARE(error.message,
                 u"subscription 3: update 3 arrived after update 1; updates were lost"_s);
        QCOMPARE(*subscription->error(), error);
        QCOMPARE(subscription->processes(), first); // the last good state stays
        QCOMPARE(paramsOf(agent.waitFor(u"unsubscribe"_s)), (QJsonObject{{u"subscription"_s, 3}}));
        QCOMPARE(client->state(), AgentClient::State::Ready);
    }

    void deltasThatDoNotApplyEndTheSubscription() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto subscription = client->subscribeCluster();
        agent.reply(agent.waitFor(u"subscribe"_s), QJsonObject{{u"subscription"_s, 4}});
        QTRY_COMPARE(subscription->state(), Subscription::State::Active);
        QSignalSpy ended(subscription.get(), &Subscription::ended);
        NodeRecordListDelta bad;
        bad.changed = {QJsonObject{{u"id"_s, 9}, {u"load"_s, 1}}};
        agent.notify(notifications::update, toJson(UpdateParams{4, 1, toJson(bad)}));
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.at(0).at(0).value<RpcError>().message,
                 u"subscription 4: update 1 does not apply: changed[0]: no node 9"_s);
    }

    void clusterAndNodeSubscriptions() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto cluster = client->subscribeCluster();
        auto node = client->subscribeNode(2, 2s);
        QSignalSpy clusterUpdated(cluster.get(), &ClusterSubscription::updated);
        QSignalSpy nodeUpdated(node.get(), &NodeSubscription::updated);
        QJsonObject request = agent.waitFor(u"subscribe"_s);
        QCOMPARE(paramsOf(request),
                 (QJsonObject{{u"topic"_s, u"cluster"_s}, {u"intervalMs"_s, 1000}}));
        agent.reply(request, QJsonObject{{u"subscription"_s, 1}});
        request = agent.waitFor(u"subscribe"_s);
        QCOMPARE(paramsOf(request),
                 (QJsonObject{{u"topic"_s, u"node"_s}, {u"node"_s, 2}, {u"intervalMs"_s, 2000}}));
        agent.reply(request, QJsonObject{{u"subscription"_s, 2}});
        QTRY_COMPARE(node->state(), Subscription::State::Active);

        const QList<NodeRecord> nodes{sampleRecord(1), sampleRecord(2)};
        agent.notify(notifications::update,
                     toJson(UpdateParams{1, 1, toJson(makeDelta(QList<NodeRecord>{}, nodes))}));
        agent.notify(notifications::update,
                     toJson(UpdateParams{2, 1, makeDelta(NodeStatus{}, sampleStatus(2))}));
        NodeStatus later = sampleStatus(2);
        later.load = 999;
        later.sampledAt += 2000;
        agent.notify(notifications::update,
                     toJson(UpdateParams{2, 2, makeDelta(sampleStatus(2), later)}));
        QTRY_COMPARE(nodeUpdated.size(), 2);
        QTRY_COMPARE(clusterUpdated.size(), 1);
        QCOMPARE(cluster->nodes(), nodes);
        QCOMPARE(node->status(), later);
        QStringList changed = nodeUpdated.at(1).at(1).toStringList();
        changed.sort();
        QCOMPARE(changed, (QStringList{u"load"_s, u"sampledAt"_s}));

        // The agent ends one on its own.
        QSignalSpy ended(node.get(), &Subscription::ended);
        agent.notify(
            notifications::ended,
            toJson(EndedParams{2, RpcError(ErrorCode::NoSuchNode, u"node 2 is unreachable"_s,
                                           QJsonObject{{u"node"_s, 2}})}));
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.at(0).at(0).value<RpcError>().code, int(ErrorCode::NoSuchNode));
        QCOMPARE(node->state(), Subscription::State::Ended);
        QCOMPARE(cluster->state(), Subscription::State::Active);
        // Updates for it after that are ignored.
        agent.notify(notifications::update,
                     toJson(UpdateParams{2, 3, QJsonObject{{u"load"_s, 1}}}));
        QTest::qWait(50);
        QCOMPARE(node->status(), later);
    }

    void refusedAndCancelledSubscriptions() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto refused = client->subscribeNode(99);
        QSignalSpy ended(refused.get(), &Subscription::ended);
        agent.replyError(agent.waitFor(u"subscribe"_s),
                         RpcError(ErrorCode::NoSuchNode, u"node 99 is not in the node map"_s,
                                  QJsonObject{{u"node"_s, 99}}));
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.at(0).at(0).value<RpcError>().code, int(ErrorCode::NoSuchNode));

        // Cancelled before the agent accepted: unsubscribed once it does.
        auto early = client->subscribeNode();
        early->cancel();
        QCOMPARE(early->state(), Subscription::State::Ended);
        agent.reply(agent.waitFor(u"subscribe"_s), QJsonObject{{u"subscription"_s, 12}});
        QCOMPARE(paramsOf(agent.waitFor(u"unsubscribe"_s)), (QJsonObject{{u"subscription"_s, 12}}));

        // Deleted before the agent accepted: likewise.
        auto gone = client->subscribeNode();
        gone.reset();
        agent.reply(agent.waitFor(u"subscribe"_s), QJsonObject{{u"subscription"_s, 13}});
        QCOMPARE(paramsOf(agent.waitFor(u"unsubscribe"_s)), (QJsonObject{{u"subscription"_s, 13}}));

        // Cancelled while active.
        auto active = client->subscribeNode();
        QSignalSpy activeEnded(active.get(), &Subscription::ended);
        agent.reply(agent.waitFor(u"subscribe"_s), QJsonObject{{u"subscription"_s, 14}});
        QTRY_COMPARE(active->state(), Subscription::State::Active);
        active->cancel();
        QCOMPARE(paramsOf(agent.waitFor(u"unsubscribe"_s)), (QJsonObject{{u"subscription"_s, 14}}));
        QTest::qWait(20);
        QCOMPARE(activeEnded.size(), 0);
        QVERIFY(!active->error());
    }

    void subscriptionOutlivingItsClient() {
        ScriptedAgent agent;
        auto client = connected(agent);
        auto subscription = client->subscribeNode();
        agent.reply(agent.waitFor(u"subscribe"_s), QJsonObject{{u"subscription"_s, 1}});
        QTRY_COMPARE(subscription->state(), Subscription::State::Active);
        QSignalSpy ended(subscription.get(), &Subscription::ended);
        client.reset();
        QVERIFY(ended.wait(5000));
        QCOMPARE(subscription->state(), Subscription::State::Ended);
        subscription.reset(); // must not touch the destroyed client
    }
};

QTEST_GUILESS_MAIN(TestAgentClient)
#include "tst_agentclient.moc"
