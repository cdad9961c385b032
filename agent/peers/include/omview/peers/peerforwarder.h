// The sending end of forwarding: the console talks to one agent, which passes
// per-node requests to the target node's agent over an authenticated channel
// and relays the answer (or says clearly why there is none).
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <expected>
#include <functional>
#include <memory>
#include <omview/peers/clusterkey.h>
#include <omview/peers/forwarderror.h>
#include <omview/peers/nodemap.h>
#include <omview/peers/peerchannel.h>
#include <omview/peers/peerconfig.h>

namespace omview::peers {

using ForwardResult = std::expected<QByteArray, ForwardError>;
using ForwardCallback = std::function<void(ForwardResult)>;

class PeerForwarder : public QObject {
    Q_OBJECT
public:
    PeerForwarder(const PeerConfig &config, const ClusterKey &key, NodeId self,
                  const NodeMap &members, QObject *parent = nullptr);
    ~PeerForwarder() override;

    void setMembers(const NodeMap &members);

    // Sends @requestLine (one JSON-RPC request, trailing newline optional) to
    // @node's agent. @done is called exactly once, never from inside forward():
    // with the response line (no newline), or an error naming the node and the
    // cause. @timeoutMs < 0 uses the configured forwardTimeoutMs. Non-empty @data goes
    // beside the line, raw, in a data request (PeerChannel::FrameType::DataRequest).
    void forward(NodeId node, QByteArray requestLine, ForwardCallback done, int timeoutMs = -1,
                 QByteArray data = {});

    qsizetype openChannels() const;
    qsizetype pendingRequests() const;

signals:
    // A line the peer pushed on its own (subscription updates).
    void notificationReceived(omview::NodeId from, const QByteArray &line);

private:
    struct Pending {
        ForwardCallback done;
        QTimer *timer = nullptr;
        QByteArray line; // kept until the channel opens
        QByteArray data; // likewise
        bool sent = false;
    };
    struct Link {
        QPointer<PeerChannel> channel;
        QHash<std::uint64_t, Pending> pending;
        QTimer *idle = nullptr;
    };

    Link &linkTo(NodeId node, const QHostAddress &address);
    void channelOpened(NodeId node);
    void frameReceived(NodeId node, PeerChannel::FrameType type, std::uint64_t tag,
                       const QByteArray &payload);
    void channelClosed(NodeId node, PeerChannel *channel, ForwardError::Kind kind,
                       const QString &message);
    void timedOut(NodeId node, std::uint64_t tag, int timeoutMs);
    void finish(Pending &pending, ForwardResult result);
    void touch(Link &link);
    static void send(PeerChannel &channel, std::uint64_t tag, const QByteArray &line,
                     const QByteArray &data);
    void failLater(ForwardCallback done, ForwardError error);

    PeerConfig m_config;
    ChannelSetup m_setup;
    NodeMap m_members;
    QHash<NodeId, Link> m_links;
    std::uint64_t m_nextTag = 1;
};

} // namespace omview::peers
