#include "logging.h"

#include <QNetworkProxy>
#include <omview/peers/peerchannelserver.h>

namespace omview::peers {

PeerReply::PeerReply(PeerChannel *channel, std::uint64_t tag)
    : m_channel(channel)
    , m_tag(tag)
    , m_sent(std::make_shared<bool>(false)) {}

void PeerReply::send(QByteArrayView line) const {
    if (*m_sent)
        return;
    *m_sent = true;
    if (line.endsWith('\n'))
        line.chop(1);
    if (m_channel && !m_channel->send(PeerChannel::FrameType::Response, m_tag, line))
        qCDebug(lcPeers) << "reply to a closed channel dropped";
}

PeerChannelServer::PeerChannelServer(const PeerConfig &config, const ClusterKey &key, NodeId self,
                                     const NodeMap &members, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_channelKey(key.derive("channel"))
    , m_self(self)
    , m_members(members) {
    m_server.setProxy(QNetworkProxy::NoProxy); // peers connect directly (AuthenticatedSocket)
    connect(&m_server, &QTcpServer::newConnection, this, &PeerChannelServer::acceptPending);
}

PeerChannelServer::~PeerChannelServer() = default;

std::expected<void, QString> PeerChannelServer::listen(const QHostAddress &address) {
    if (auto valid = m_config.validate(); !valid)
        return valid;
    if (!m_server.listen(address, m_config.channelPort))
        return std::unexpected(QStringLiteral("cannot listen on TCP %1:%2: %3")
                                   .arg(address.toString())
                                   .arg(m_config.channelPort)
                                   .arg(m_server.errorString()));
    qCInfo(lcPeers).nospace() << "channel: node " << m_self << " listening on tcp "
                              << address.toString() << ":" << m_server.serverPort();
    return {};
}

void PeerChannelServer::close() {
    m_server.close();
    for (const QPointer<PeerChannel> &channel : std::as_const(m_sessions))
        if (channel)
            channel->close(QStringLiteral("server shut down"));
    m_sessions.clear();
}

qsizetype PeerChannelServer::sessionCount() const {
    return m_sessions.size();
}

bool PeerChannelServer::notify(std::uint64_t session, QByteArrayView line) {
    const QPointer<PeerChannel> channel = m_sessions.value(session);
    if (line.endsWith('\n'))
        line.chop(1);
    return channel && channel->send(PeerChannel::FrameType::Notify, 0, line);
}

void PeerChannelServer::acceptPending() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_sessions.size() + m_handshaking >= m_config.maxChannelSessions) {
            qCWarning(lcPeers) << "channel: refusing a connection from"
                               << socket->peerAddress().toString() << "- already"
                               << m_config.maxChannelSessions << "sessions";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ChannelSetup setup;
        setup.channelKey = m_channelKey;
        setup.self = m_self;
        setup.handshakeTimeoutMs = m_config.handshakeTimeoutMs;
        setup.admitClient = [this](NodeId client, const QHostAddress &from) {
            return client != m_self && m_members.contains(client) && m_members.idOf(from) == client;
        };
        auto *channel = new PeerChannel(setup, socket, this);
        ++m_handshaking;
        const std::uint64_t session = m_nextSession++;
        auto opened = std::make_shared<bool>(false);
        connect(channel, &PeerChannel::opened, this, [this, channel, session, opened] {
            *opened = true;
            --m_handshaking;
            ++m_counters.sessions;
            m_sessions.insert(session, channel);
            emit sessionOpened(session, channel->peer());
        });
        connect(channel, &PeerChannel::frameReceived, this,
                [this, channel, session](PeerChannel::FrameType type, std::uint64_t tag,
                                         const QByteArray &payload) {
                    ++m_counters.requests;
                    PeerReply reply(channel, tag);
                    if (!m_handler) {
                        qCWarning(lcPeers) << "channel: no request handler; request dropped";
                        return;
                    }
                    PeerRequest request{channel->peer(), session, payload, {}};
                    if (type == PeerChannel::FrameType::DataRequest) {
                        // Malformed: an empty line, which the handler answers as unparsable.
                        auto parts = PeerChannel::unpackDataRequest(payload);
                        request.line = parts ? std::move(parts->line) : QByteArray();
                        request.data = parts ? std::move(parts->data) : QByteArray();
                    }
                    m_handler(request, reply);
                });
        connect(channel, &PeerChannel::closed, this,
                [this, channel, session, opened](ForwardError::Kind kind, const QString &message) {
                    if (*opened) {
                        m_sessions.remove(session);
                        if (kind == ForwardError::Kind::ProtocolError)
                            ++m_counters.protocolErrors;
                        emit sessionClosed(session, channel->peer());
                        return;
                    }
                    --m_handshaking;
                    switch (kind) {
                    case ForwardError::Kind::AuthFailed:
                        ++m_counters.authFailures;
                        qCWarning(lcPeers).noquote()
                            << "channel: authentication failed:" << message;
                        break;
                    case ForwardError::Kind::Refused:
                        ++m_counters.refused;
                        qCWarning(lcPeers).noquote() << "channel: refused:" << message;
                        break;
                    default:
                        ++m_counters.incomplete;
                        qCDebug(lcPeers).noquote() << "channel: handshake incomplete:" << message;
                        break;
                    }
                });
    }
}

} // namespace omview::peers
