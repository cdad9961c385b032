#include <QPromise>
#include <omview/collector/controlclient.h>

using namespace Qt::StringLiterals;
using Clock = std::chrono::steady_clock;

namespace omview::collector {

ControlClient::ControlClient(QString socketPath, QObject *parent)
    : QObject(parent)
    , m_socketPath(std::move(socketPath))
    , m_framer(1024 * 1024) {
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &ControlClient::onTimer);
}

ControlClient::~ControlClient() {
    failAll(RpcError(ErrorCode::ConnectionLost, u"the control client was destroyed"_s));
}

template<class T, class Decode>
QFuture<Result<T>> ControlClient::call(QLatin1StringView method, const QJsonObject &params,
                                       std::chrono::milliseconds timeout, Decode decode) {
    auto promise = std::make_shared<QPromise<Result<T>>>();
    QFuture<Result<T>> future = promise->future();
    promise->start();
    submit(method, params, timeout, [promise, decode](Result<QJsonValue> r) {
        if (!r)
            promise->addResult(Result<T>(std::unexpected(r.error())));
        else
            promise->addResult(decode(*r));
        promise->finish();
    });
    return future;
}

QFuture<Result<CollectorStatus>> ControlClient::status() {
    return call<CollectorStatus>(control::status, {}, DefaultTimeout,
                                 [](const QJsonValue &v) { return collectorStatus(v); });
}

QFuture<Result<CheckpointResult>> ControlClient::checkpoint(const CheckpointParams &params) {
    return call<CheckpointResult>(control::checkpoint, toJson(params), DefaultTimeout,
                                  [](const QJsonValue &v) { return checkpointResult(v); });
}

QFuture<Result<SaveResult>> ControlClient::save(const SaveParams &params) {
    return call<SaveResult>(control::save, toJson(params), SaveTimeout,
                            [](const QJsonValue &v) { return saveResult(v); });
}

QFuture<Result<void>> ControlClient::stop() {
    return call<void>(control::stop, {}, DefaultTimeout,
                      [](const QJsonValue &) { return Result<void>(); });
}

void ControlClient::submit(QLatin1StringView method, const QJsonObject &params,
                           std::chrono::milliseconds timeout, Completion complete) {
    const qint64 id = m_nextId++;
    Pending pending;
    pending.line = rpc::serialize(rpc::Request{rpc::Id(id), QString(method), params});
    pending.deadline = Clock::now() + timeout;
    pending.complete = std::move(complete);
    auto [it, inserted] = m_pending.emplace(id, std::move(pending));
    if (!m_timer.isActive())
        m_timer.start();
    if (m_socket && m_socket->state() == QLocalSocket::ConnectedState) {
        m_socket->write(it->second.line);
        it->second.sent = true;
        return;
    }
    ensureOpen();
}

void ControlClient::ensureOpen() {
    if (m_socket)
        return;
    m_socket = std::make_unique<QLocalSocket>();
    m_framer.reset();
    m_lastError.clear();
    connect(m_socket.get(), &QLocalSocket::connected, this, &ControlClient::onConnected);
    connect(m_socket.get(), &QLocalSocket::errorOccurred, this, &ControlClient::onSocketError);
    // A failed connect and a closed connection both end in UnconnectedState;
    // handled from the event loop, once errorOccurred() has said why.
    connect(m_socket.get(), &QLocalSocket::stateChanged, this,
            [this](QLocalSocket::LocalSocketState state) {
                if (state == QLocalSocket::UnconnectedState)
                    QMetaObject::invokeMethod(this, &ControlClient::onDisconnected,
                                              Qt::QueuedConnection);
            });
    connect(m_socket.get(), &QLocalSocket::readyRead, this, &ControlClient::onReadyRead);
    m_socket->connectToServer(m_socketPath);
}

void ControlClient::onConnected() {
    for (auto &[id, pending] : m_pending) {
        if (!pending.sent) {
            m_socket->write(pending.line);
            pending.sent = true;
        }
    }
}

void ControlClient::onSocketError(QLocalSocket::LocalSocketError error) {
    switch (error) {
    case QLocalSocket::ServerNotFoundError:
        m_lastError = u"no such socket (is omcollectord running?)"_s;
        break;
    case QLocalSocket::ConnectionRefusedError:
        m_lastError = u"connection refused (is omcollectord running?)"_s;
        break;
    case QLocalSocket::SocketAccessError:
        m_lastError = u"permission denied (only the collector's user and root may control it)"_s;
        break;
    case QLocalSocket::PeerClosedError:
        m_lastError = u"the collector closed the connection"_s;
        break;
    default:
        m_lastError = m_socket ? m_socket->errorString() : QString();
        break;
    }
}

void ControlClient::onDisconnected() {
    if (!m_socket || m_socket->state() != QLocalSocket::UnconnectedState)
        return;
    // Answers that came with the close are read first.
    onReadyRead();
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket.release()->deleteLater();
    const QString why =
        m_lastError.isEmpty()
            ? u"collector control socket %1: the connection closed"_s.arg(m_socketPath)
            : u"collector control socket %1: %2"_s.arg(m_socketPath, m_lastError);
    failAll(RpcError(ErrorCode::ConnectionLost, why));
}

void ControlClient::onReadyRead() {
    if (!m_socket || !m_socket->isOpen())
        return;
    const QByteArray bytes = m_socket->readAll();
    for (auto &line : m_framer.feed(bytes)) {
        if (!line) {
            failAll(RpcError(ErrorCode::BadResponse, u"the collector sent an overlong line"_s));
            return;
        }
        onLine(*line);
    }
}

void ControlClient::onLine(const QByteArray &line) {
    auto message = rpc::parseMessage(line);
    if (!message) {
        failAll(RpcError(
            ErrorCode::BadResponse,
            u"the collector sent a malformed message: %1"_s.arg(message.error().error.message)));
        return;
    }
    std::optional<qint64> id;
    Result<QJsonValue> result;
    if (auto *response = std::get_if<rpc::Response>(&*message)) {
        id = response->id.toInteger();
        result = response->result;
    } else if (auto *error = std::get_if<rpc::ErrorResponse>(&*message)) {
        id = error->id.toInteger();
        result = std::unexpected(error->error);
    } else {
        return; // requests and notifications: none are defined towards clients
    }
    if (!id)
        return;
    auto it = m_pending.find(*id);
    if (it == m_pending.end())
        return;
    Completion complete = std::move(it->second.complete);
    m_pending.erase(it);
    complete(std::move(result));
}

void ControlClient::onTimer() {
    const auto now = Clock::now();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->second.deadline > now) {
            ++it;
            continue;
        }
        Completion complete = std::move(it->second.complete);
        it = m_pending.erase(it);
        complete(std::unexpected(
            RpcError(ErrorCode::Timeout,
                     u"collector control socket %1: no answer in time"_s.arg(m_socketPath))));
    }
    if (m_pending.empty())
        m_timer.stop();
}

void ControlClient::disconnectFromCollector() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.reset();
    }
    failAll(RpcError(ErrorCode::ConnectionLost, u"disconnected from the collector"_s));
}

void ControlClient::failAll(const RpcError &error) {
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto &[id, p] : pending)
        p.complete(std::unexpected(error));
    m_timer.stop();
}

} // namespace omview::collector
