// The transport over the agent's local Unix socket.
#pragma once

#include <QLocalSocket>
#include <omview/protocol/lineframer.h>
#include <omview/protocol/transport.h>

namespace omview {

// A Transport on a QLocalSocket connected to a socket path (or QLocalServer name).
class LocalSocketTransport : public Transport {
    Q_OBJECT

public:
    explicit LocalSocketTransport(QString socketPath, QObject *parent = nullptr,
                                  qsizetype maxLineLength = LineFramer::DefaultMaxLineLength);
    ~LocalSocketTransport() override;

    QString description() const override;
    void open() override;
    void close() override;
    bool sendLine(const QByteArray &line) override;

private:
    void syncState();
    void onReadyRead();
    void onSocketError(QLocalSocket::LocalSocketError error);
    QString describe(QLocalSocket::LocalSocketError error) const;

    QString m_path;
    QLocalSocket m_socket; // child: destroyed with this
    LineFramer m_framer;
    QString m_lastError; // reported when the socket goes down
};

} // namespace omview
