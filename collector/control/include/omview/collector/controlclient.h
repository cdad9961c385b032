// The client of a running omcollectord's control socket, for the console's
// Collector menu and `omcollectord ctl`.
#pragma once

#include <QFuture>
#include <QLocalSocket>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <omview/collector/controlprotocol.h>
#include <omview/protocol/jsonrpc.h>
#include <omview/protocol/lineframer.h>
#include <omview/protocol/rpcerror.h>

namespace omview::collector {

// Calls the daemon's methods (controlprotocol.h). Connects on the first call;
// calls made while connecting wait for the connection. Every call finishes
// with its result or an RpcError: the daemon's, or ConnectionLost (nothing
// listens on the socket, or the daemon went away), Timeout, BadResponse.
//
//   client.checkpoint({u"render starts"_s, {}}).then(this, [](auto r) { ... });
class ControlClient : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds DefaultTimeout{10000};
    // An export of a large range can take minutes.
    static constexpr std::chrono::milliseconds SaveTimeout{30 * 60 * 1000};

    explicit ControlClient(QString socketPath, QObject *parent = nullptr);
    ~ControlClient() override;

    const QString &socketPath() const { return m_socketPath; }

    QFuture<Result<CollectorStatus>> status();
    QFuture<Result<CheckpointResult>> checkpoint(const CheckpointParams &params);
    QFuture<Result<SaveResult>> save(const SaveParams &params);
    // The daemon answers, then exits.
    QFuture<Result<void>> stop();

    // Closes the connection; pending calls fail with ConnectionLost.
    void disconnectFromCollector();

private:
    using Completion = std::move_only_function<void(Result<QJsonValue>)>;
    struct Pending {
        QByteArray line; // sent once the connection is open
        bool sent = false;
        std::chrono::steady_clock::time_point deadline;
        Completion complete;
    };

    template<class T, class Decode>
    QFuture<Result<T>> call(QLatin1StringView method, const QJsonObject &params,
                            std::chrono::milliseconds timeout, Decode decode);
    void submit(QLatin1StringView method, const QJsonObject &params,
                std::chrono::milliseconds timeout, Completion complete);
    void ensureOpen();
    void onConnected();
    void onSocketError(QLocalSocket::LocalSocketError error);
    void onDisconnected();
    void onReadyRead();
    void onLine(const QByteArray &line);
    void onTimer();
    void failAll(const RpcError &error);

    QString m_socketPath;
    std::unique_ptr<QLocalSocket> m_socket;
    LineFramer m_framer;
    std::map<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
    QString m_lastError;
    QTimer m_timer;
};

} // namespace omview::collector
