// Test support: an omagentd running in-process on a temporary socket, and a raw line client.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <memory>
#include <omview/agent/agent.h>
#include <omview/agent/config.h>
#include <optional>

namespace omview::agent::test {

// A private directory (traversable by every user, for the tests that connect as nobody)
// holding the socket and the node map.
class TestAgent {
public:
    // Node 1 of the map "1 127.0.0.1 2" (nodes 1 and 2 on 127.0.0.1 and .2), emulated
    // /proc/hpc, peer ports free at the time of the call, a cluster key in @dir.
    static AgentConfig defaultConfig(const QString &dir);
    // A UDP and TCP port number nothing listens on right now.
    static std::uint16_t freePort();
    // Writes a cluster key (mode 0600) to @path.
    static bool writeKey(const QString &path);

    TestAgent();
    explicit TestAgent(const std::function<void(AgentConfig &)> &adjust);
    ~TestAgent();

    bool ok() const { return m_agent != nullptr; }
    const QString &error() const { return m_error; }
    Agent &agent() { return *m_agent; }
    QString socketPath() const { return m_config.socketPath; }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    AgentConfig m_config;
    std::unique_ptr<Agent> m_agent;
    QString m_error;
};

// Speaks the wire protocol line by line, so tests can send anything, malformed included.
// Waits spin the event loop: the agent under test runs on the same thread.
class LineClient {
public:
    bool connectTo(const QString &path);
    void sendLine(const QByteArray &line);
    // The next line received, parsed; nullopt on timeout or a line that is not an object.
    std::optional<QJsonObject> next(int timeoutMs = 5000);
    // The next response (notifications received meanwhile are kept for nextNotification()).
    std::optional<QJsonObject> nextResponse(int timeoutMs = 5000);
    std::optional<QJsonObject> nextNotification(int timeoutMs = 5000);
    // Sends a request with a fresh integer id and returns its response.
    QJsonObject call(const QString &method, const QJsonValue &params = QJsonObject());
    // hello with protocol 1; returns its result.
    QJsonObject hello();
    bool waitForDisconnect(int timeoutMs = 5000);
    QLocalSocket &socket() { return m_socket; }

private:
    std::optional<QByteArray> takeLine();

    QLocalSocket m_socket;
    QByteArray m_buffer;
    QList<QJsonObject> m_notifications;
    QList<QJsonObject> m_responses;
    qint64 m_nextId = 1;
};

// The error object of a response, or an empty object.
QJsonObject errorOf(const QJsonObject &response);
int errorCode(const QJsonObject &response);

} // namespace omview::agent::test
