// An agent's side of a real local socket, driven by the test: it answers hello itself and
// hands every other request to the test, which replies and sends updates as it pleases. For
// the procs units that talk to an agent but need no real one (a migration needs two nodes with
// criu; its events and its answer are what the console sees of it).
#pragma once

#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/json.h>
#include <omview/protocol/jsonrpc.h>
#include <omview/protocol/lineframer.h>
#include <omview/protocol/localsockettransport.h>
#include <omview/protocol/methods.h>

namespace omview::procs::test {

class ScriptedAgent : public QObject {
public:
    ScriptedAgent() {
        m_path = m_dir.filePath(QStringLiteral("agent.sock"));
        if (!m_server.listen(m_path))
            qFatal("cannot listen on %s", qPrintable(m_path));
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            m_peer = m_server.nextPendingConnection();
            connect(m_peer, &QLocalSocket::readyRead, this, [this] { onReadyRead(); });
        });
    }

    // A client on this agent, past hello.
    std::unique_ptr<AgentClient> connectedClient() {
        auto client = std::make_unique<AgentClient>(std::make_unique<LocalSocketTransport>(m_path),
                                                    QStringLiteral("tst_procs"));
        client->connectToAgent();
        if (!QTest::qWaitFor([&] { return client->state() == AgentClient::State::Ready; }, 5000))
            qFatal("client did not become ready");
        return client;
    }

    // The first request with `method` not returned before; {} after the timeout.
    QJsonObject waitFor(const QString &method, int timeoutMs = 5000) {
        QJsonObject found;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_received.size(); ++i) {
                    if (!m_consumed.contains(i) &&
                        m_received[i].value(QLatin1StringView("method")).toString() == method) {
                        m_consumed.insert(i);
                        found = m_received[i];
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }

    static QJsonObject paramsOf(const QJsonObject &request) {
        return request.value(QLatin1StringView("params")).toObject();
    }

    void reply(const QJsonObject &request, const QJsonValue &result) {
        send(rpc::Response{*rpc::Id::fromJson(request.value(QLatin1StringView("id"))), result});
    }
    void replyError(const QJsonObject &request, const RpcError &error) {
        send(rpc::ErrorResponse{*rpc::Id::fromJson(request.value(QLatin1StringView("id"))), error});
    }
    void notify(QLatin1StringView method, const QJsonObject &params) {
        send(rpc::Notification{method, params});
    }

private:
    void send(const rpc::Message &message) {
        QVERIFY(m_peer);
        m_peer->write(rpc::serialize(message));
        m_peer->flush();
    }

    void onReadyRead() {
        for (const auto &frame : m_framer.feed(m_peer->readAll())) {
            if (!frame)
                qFatal("client sent an overlong line");
            const QJsonObject o = QJsonDocument::fromJson(*frame).object();
            m_received.append(o);
            if (o.value(QLatin1StringView("method")).toString() == QLatin1StringView("hello")) {
                m_consumed.insert(m_received.size() - 1);
                reply(o, toJson(HelloResult{ProtocolVersion,
                                            QStringLiteral("omagentd test"),
                                            1,
                                            {QStringLiteral("subscribe")}}));
            }
        }
    }

    QTemporaryDir m_dir;
    QString m_path;
    QLocalServer m_server;
    QPointer<QLocalSocket> m_peer;
    LineFramer m_framer;
    QList<QJsonObject> m_received;
    QSet<qsizetype> m_consumed;
};

} // namespace omview::procs::test
