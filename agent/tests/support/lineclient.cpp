#include "lineclient.h"

#include "testcluster.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace omview::integration {

LineClient::LineClient(QIODevice *device)
    : m_device(device) {}

std::expected<std::unique_ptr<LineClient>, QString> LineClient::connectTo(const QString &path) {
    auto socket = std::make_unique<QLocalSocket>();
    socket->connectToServer(path);
    if (!socket->waitForConnected(5'000))
        return std::unexpected(u"cannot connect to %1: %2"_s.arg(path, socket->errorString()));
    auto client = std::make_unique<LineClient>(socket.get());
    client->m_socket = std::move(socket);
    return client;
}

std::expected<void, QString> LineClient::send(const QByteArray &bytes) {
    if (m_device->write(bytes) != bytes.size())
        return std::unexpected(u"write failed: %1"_s.arg(m_device->errorString()));
    if (auto *socket = qobject_cast<QLocalSocket *>(m_device))
        socket->flush();
    else if (auto *process = qobject_cast<QProcess *>(m_device))
        process->waitForBytesWritten(5'000);
    return {};
}

bool LineClient::waitForBytes(int timeoutMs) {
    if (auto *process = qobject_cast<QProcess *>(m_device))
        return process->state() == QProcess::Running && process->waitForReadyRead(timeoutMs);
    return m_device->waitForReadyRead(timeoutMs);
}

std::expected<QJsonObject, QString> LineClient::receive(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n');
        if (end >= 0) {
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                return std::unexpected(u"not a JSON object: %1"_s.arg(QString::fromUtf8(line)));
            return doc.object();
        }
        m_buffer += m_device->readAll();
        if (m_buffer.contains('\n'))
            continue;
        if (deadline.hasExpired() || !waitForBytes(int(deadline.remainingTime()))) {
            m_buffer += m_device->readAll();
            if (m_buffer.contains('\n'))
                continue;
            return std::unexpected(u"no line within %1 ms (have %2 bytes: %3)"_s.arg(timeoutMs)
                                       .arg(m_buffer.size())
                                       .arg(QString::fromUtf8(m_buffer.left(200))));
        }
    }
}

std::expected<void, QString> LineClient::expectSilence(int quietMs) {
    auto line = receive(quietMs);
    if (line)
        return std::unexpected(u"unexpected line: %1"_s.arg(compact(*line)));
    return {};
}

std::expected<QJsonObject, QString>
LineClient::call(const QString &method, const QJsonObject &params, int id, int timeoutMs) {
    const QJsonObject request{
        {u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, method}, {u"params"_s, params}};
    if (auto sent = send(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n'); !sent)
        return std::unexpected(sent.error());
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        auto message = receive(int(std::max<qint64>(deadline.remainingTime(), 0)));
        if (!message)
            return std::unexpected(u"%1: %2"_s.arg(method, message.error()));
        if (message->contains(u"id"_s) && message->value(u"id"_s) == QJsonValue(id))
            return message;
        if (message->contains(u"id"_s))
            return std::unexpected(
                u"%1: response to another id: %2"_s.arg(method, compact(*message)));
        // a notification: not ours to judge here
    }
}

std::expected<QJsonObject, QString> LineClient::hello(int id) {
    return call(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"omview integration test"_s}}, id);
}

std::expected<QJsonValue, QString> resultOf(const std::expected<QJsonObject, QString> &response) {
    if (!response)
        return std::unexpected(response.error());
    if (!response->contains(u"result"_s))
        return std::unexpected(u"not a result: %1"_s.arg(compact(*response)));
    return response->value(u"result"_s);
}

QString reasonOf(const QJsonObject &response) {
    return response.value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("reason"))
        .toString();
}

int errorCodeOf(const QJsonObject &response) {
    return response.value(u"error"_s).toObject().value(u"code"_s).toInt();
}

QString compact(const QJsonObject &o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::expected<Clients, QString> connectAll(const QStringList &sockets) {
    Clients clients;
    for (const QString &socket : sockets) {
        auto client = LineClient::connectTo(socket);
        if (!client)
            return std::unexpected(client.error());
        if (const auto hello = resultOf((*client)->hello()); !hello)
            return std::unexpected(hello.error());
        clients.push_back(std::move(*client));
    }
    return clients;
}

std::expected<qint64, QString> waitAllAlive(const Clients &clients, int timeoutMs) {
    int id = 50'000;
    return waitUntil(timeoutMs, [&]() -> std::optional<QString> {
        for (std::size_t via = 0; via < clients.size(); ++via) {
            const auto rows = resultOf(clients[via]->call(u"cluster.nodes"_s, {}, id++));
            if (!rows)
                return rows.error();
            for (const QJsonValue &row : rows->toArray())
                if (!row.toObject().value(u"alive"_s).toBool())
                    return u"node %1 does not see node %2 alive"_s.arg(via + 1).arg(
                        row.toObject().value(u"id"_s).toInt());
        }
        return std::nullopt;
    });
}

std::expected<Clients, QString> connectWhenAlive(const QStringList &sockets, int timeoutMs) {
    auto clients = connectAll(sockets);
    if (!clients)
        return clients;
    if (const auto took = waitAllAlive(*clients, timeoutMs); !took)
        return std::unexpected(took.error());
    return clients;
}

} // namespace omview::integration
