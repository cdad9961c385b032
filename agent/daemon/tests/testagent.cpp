#include "testagent.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace omview::agent::test {

std::uint16_t TestAgent::freePort() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::Any, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

bool TestAgent::writeKey(const QString &path) {
    QFile key(path);
    if (!key.open(QIODevice::WriteOnly))
        return false;
    key.write("omview test cluster key, 32 bytes or more of secret\n");
    return key.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

AgentConfig TestAgent::defaultConfig(const QString &dir) {
    AgentConfig c;
    c.configFile.clear();
    c.hpc = HpcMode::Emulated;
    c.socketPath = dir + u"/omagentd.sock"_s;
    c.mapFile = dir + u"/openmosix.map"_s;
    c.clusterKeyFile = dir + u"/cluster.key"_s;
    c.nodeId = 1;
    c.adminGroup = u"nogroup"_s;
    c.gossipPort = freePort();
    c.channelPort = c.gossipPort;
    c.intervalMs = 1000;
    return c;
}

TestAgent::TestAgent()
    : TestAgent([](AgentConfig &) {}) {}

TestAgent::TestAgent(const std::function<void(AgentConfig &)> &adjust) {
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    m_config = defaultConfig(m_dir.path());
    QFile map(m_config.mapFile);
    if (map.open(QIODevice::WriteOnly))
        map.write("1 127.0.0.1 2\n");
    map.close();
    writeKey(m_config.clusterKeyFile);
    adjust(m_config);
    auto started = Agent::start(m_config);
    if (started)
        m_agent = std::move(*started);
    else
        m_error = started.error().message;
}

TestAgent::~TestAgent() = default;

namespace {

// Runs the event loop (the agent under test shares it) until @socket has news or @ms pass.
void spinFor(QLocalSocket &socket, int ms) {
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QLocalSocket::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QLocalSocket::disconnected, &loop, &QEventLoop::quit);
    timer.start(ms);
    loop.exec();
}

} // namespace

bool LineClient::connectTo(const QString &path) {
    m_socket.connectToServer(path);
    return m_socket.state() == QLocalSocket::ConnectedState || m_socket.waitForConnected(5000);
}

void LineClient::sendLine(const QByteArray &line) {
    m_socket.write(line + '\n');
    m_socket.flush();
}

std::optional<QByteArray> LineClient::takeLine() {
    const qsizetype nl = m_buffer.indexOf('\n');
    if (nl < 0)
        return std::nullopt;
    QByteArray line = m_buffer.left(nl);
    m_buffer.remove(0, nl + 1);
    return line;
}

std::optional<QJsonObject> LineClient::next(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (auto line = takeLine()) {
            const QJsonDocument doc = QJsonDocument::fromJson(*line);
            if (!doc.isObject())
                return std::nullopt;
            return doc.object();
        }
        if (deadline.hasExpired())
            return std::nullopt;
        if (m_socket.bytesAvailable() == 0)
            spinFor(m_socket, 50);
        m_buffer += m_socket.readAll();
        if (m_socket.bytesAvailable() == 0 && m_buffer.indexOf('\n') < 0 &&
            m_socket.state() == QLocalSocket::UnconnectedState)
            return std::nullopt;
    }
}

std::optional<QJsonObject> LineClient::nextResponse(int timeoutMs) {
    if (!m_responses.isEmpty())
        return m_responses.takeFirst();
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        auto m = next(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
        if (!m)
            return std::nullopt;
        if (m->contains(u"method"_s))
            m_notifications.append(*m);
        else
            return m;
    }
    return std::nullopt;
}

std::optional<QJsonObject> LineClient::nextNotification(int timeoutMs) {
    if (!m_notifications.isEmpty())
        return m_notifications.takeFirst();
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        auto m = next(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
        if (!m)
            return std::nullopt;
        if (m->contains(u"method"_s))
            return m;
        m_responses.append(*m);
    }
    return std::nullopt;
}

QJsonObject LineClient::call(const QString &method, const QJsonValue &params) {
    const qint64 id = m_nextId++;
    QJsonObject request{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, method}};
    if (!params.isUndefined())
        request.insert(u"params"_s, params);
    sendLine(QJsonDocument(request).toJson(QJsonDocument::Compact));
    const auto response = nextResponse();
    if (!response)
        return QJsonObject{{u"timeout"_s, true}};
    return *response;
}

QJsonObject LineClient::hello() {
    return call(u"hello"_s, QJsonObject{{u"protocol"_s, 1}, {u"client"_s, u"tst 1"_s}})
        .value(u"result"_s)
        .toObject();
}

bool LineClient::waitForDisconnect(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QLocalSocket::UnconnectedState && !deadline.hasExpired()) {
        spinFor(m_socket, 50);
        m_buffer += m_socket.readAll();
    }
    return m_socket.state() == QLocalSocket::UnconnectedState;
}

QJsonObject errorOf(const QJsonObject &response) {
    return response.value(u"error"_s).toObject();
}

int errorCode(const QJsonObject &response) {
    return errorOf(response).value(u"code"_s).toInt();
}

} // namespace omview::agent::test
