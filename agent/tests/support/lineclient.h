// Test support: JSON-RPC spoken as raw lines over any byte stream (the agent's Unix socket, an
// ssh process's stdin/stdout), so that tests see exactly what travels on the wire.
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QJsonObject>
#include <QLocalSocket>
#include <QString>
#include <QStringList>
#include <expected>
#include <memory>
#include <vector>

namespace omview::integration {

// One JSON-RPC connection in raw lines. Reads and writes @device (not owned) synchronously.
class LineClient {
public:
    explicit LineClient(QIODevice *device);

    // Connects to the Unix socket at @path; the client owns the socket.
    static std::expected<std::unique_ptr<LineClient>, QString> connectTo(const QString &path);

    // Writes @bytes as they are (the caller includes the '\n').
    std::expected<void, QString> send(const QByteArray &bytes);
    // The next line the peer sends, parsed as a JSON object.
    std::expected<QJsonObject, QString> receive(int timeoutMs = 10'000);
    // Waits @quietMs and reports any line that arrived meanwhile as an error.
    std::expected<void, QString> expectSilence(int quietMs);

    // Sends a request with @id and returns the response carrying that id, skipping notifications.
    std::expected<QJsonObject, QString> call(const QString &method, const QJsonObject &params,
                                             int id, int timeoutMs = 10'000);
    std::expected<QJsonObject, QString> hello(int id = 1);

    QIODevice *device() const { return m_device; }

private:
    bool waitForBytes(int timeoutMs);

    std::unique_ptr<QLocalSocket> m_socket;
    QIODevice *m_device;
    QByteArray m_buffer;
};

// The result of a response, or a description of what came instead.
std::expected<QJsonValue, QString> resultOf(const std::expected<QJsonObject, QString> &response);
// The error code of an error response; 0 when it is not one.
int errorCodeOf(const QJsonObject &response);
// `error.data.reason` of an error response (a failed move's reason); "" when there is none.
QString reasonOf(const QJsonObject &response);
QString compact(const QJsonObject &o);

using Clients = std::vector<std::unique_ptr<LineClient>>;
// A client per socket, each greeted with hello.
std::expected<Clients, QString> connectAll(const QStringList &sockets);
// Waits until every client's cluster.nodes shows every node alive; the milliseconds it took.
std::expected<qint64, QString> waitAllAlive(const Clients &clients, int timeoutMs);
// Both: clients of a cluster whose nodes all see each other alive.
std::expected<Clients, QString> connectWhenAlive(const QStringList &sockets, int timeoutMs);

} // namespace omview::integration
