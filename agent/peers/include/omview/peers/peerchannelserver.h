// The receiving end of forwarding: accepts channels from member agents and
// hands each authenticated request line to the daemon's dispatcher, sending
// its answer back on the same channel.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <expected>
#include <functional>
#include <omview/peers/clusterkey.h>
#include <omview/peers/nodemap.h>
#include <omview/peers/peerchannel.h>
#include <omview/peers/peerconfig.h>

namespace omview::peers {

// One request that arrived over a channel.
struct PeerRequest {
    NodeId from = 0;           // the authenticated node that forwarded it
    std::uint64_t session = 0; // the channel it came on (for notify())
    QByteArray line;           // the JSON-RPC request line, without '\n'
    QByteArray data;           // the bytes a data request carries beside it
};

// Sends the answer to one PeerRequest; copies share the one-shot state.
class PeerReply {
public:
    PeerReply(PeerChannel *channel, std::uint64_t tag);
    // Sends @line once; later calls, or a channel that closed meanwhile, do nothing.
    void send(QByteArrayView line) const;

private:
    QPointer<PeerChannel> m_channel;
    std::uint64_t m_tag;
    std::shared_ptr<bool> m_sent;
};

struct ChannelCounters {
    std::uint64_t sessions = 0;       // channels that completed the handshake
    std::uint64_t authFailures = 0;   // a proof that did not verify, either way
    std::uint64_t refused = 0;        // a client not in the map, or for another node
    std::uint64_t incomplete = 0;     // closed or timed out during the handshake
    std::uint64_t protocolErrors = 0; // a frame out of sequence or that did not decrypt
    std::uint64_t requests = 0;
    bool operator==(const ChannelCounters &) const = default;
};

class PeerChannelServer : public QObject {
    Q_OBJECT
public:
    using RequestHandler = std::function<void(const PeerRequest &, PeerReply)>;

    PeerChannelServer(const PeerConfig &config, const ClusterKey &key, NodeId self,
                      const NodeMap &members, QObject *parent = nullptr);
    ~PeerChannelServer() override;

    void setHandler(RequestHandler handler) { m_handler = std::move(handler); }
    void setMembers(const NodeMap &members) { m_members = members; }

    // Listens on TCP channelPort of @address (this node's map address, or Any).
    std::expected<void, QString> listen(const QHostAddress &address);
    void close();
    quint16 port() const { return m_server.serverPort(); }

    // Sends an unsolicited line (a subscription update) on a session.
    bool notify(std::uint64_t session, QByteArrayView line);
    qsizetype sessionCount() const;
    ChannelCounters counters() const { return m_counters; }

signals:
    void sessionOpened(std::uint64_t session, omview::NodeId peer);
    void sessionClosed(std::uint64_t session, omview::NodeId peer);

private:
    void acceptPending();

    PeerConfig m_config;
    QByteArray m_channelKey;
    NodeId m_self;
    NodeMap m_members;
    RequestHandler m_handler;
    QTcpServer m_server;
    QHash<std::uint64_t, QPointer<PeerChannel>> m_sessions;
    std::uint64_t m_nextSession = 1;
    qsizetype m_handshaking = 0;
    ChannelCounters m_counters;
};

} // namespace omview::peers
