// The agent's part in its cluster: membership, load gossip both ways, the peer channel.
#pragma once

#include <QObject>
#include <expected>
#include <memory>
#include <omview/agent/agentlog.h>
#include <omview/agent/config.h>
#include <omview/agent/peerlink.h>
#include <omview/agent/starterror.h>
#include <omview/peers/clusterkey.h>
#include <omview/peers/nodemap.h>
#include <omview/peers/peerconfig.h>
#include <optional>

namespace omview::hpc {
class HpcBackend;
}
namespace omview::peers {
class Discovery;
class Gossip;
class PeerChannelServer;
class PeerForwarder;
} // namespace omview::peers

namespace omview::agent {

class Dispatcher;
class LocalNode;

// Membership is the node map /proc/hpc holds (admin/config), so map.set, setpe and the
// agent agree; with discovery, the discovered nodes are written there. While this node is in
// the map: its samples go out by gossip, the gossiped table comes back into /proc/hpc
// (admin/loads) and into cluster.nodes, requests for other nodes are forwarded, and peers'
// forwarded requests reach the dispatcher. Outside a map the cluster is this node alone,
// but a node that left one still answers its last map's members on the peer channel, so
// that they can start it again.
class ClusterLink final : public QObject, public PeerLink {
    Q_OBJECT
public:
    // Reads the cluster key when peers are configured (a map or discovery); fails with a
    // message naming the key file, or the port that could not be bound.
    static std::expected<std::unique_ptr<ClusterLink>, StartError>
    create(const AgentConfig &config, LocalNode &local, hpc::HpcBackend &backend);
    ~ClusterLink() override;

    // Peers' forwarded requests go to @dispatcher from now on.
    void serve(Dispatcher &dispatcher) { m_dispatcher = &dispatcher; }

    // Whether other nodes can be reached (this node is in a map with others).
    bool isClustered() const;

    QList<NodeRecord> clusterTable() const override;
    void forwardData(NodeId node, const QString &method, const QJsonObject &params,
                     QByteArray data, Completion done, int timeoutMs) override;
    void forward(NodeId node, const QString &method, const QJsonObject &params,
                 Completion done, int timeoutMs = -1) override;

    // Re-reads the membership from /proc/hpc (map.set changed it).
    std::expected<void, QString> reload();

private:
    ClusterLink(const AgentConfig &config, LocalNode &local, hpc::HpcBackend &backend);

    std::expected<void, QString> startDiscovery();
    std::expected<void, QString> apply(const peers::NodeMap &members, NodeId self);
    std::expected<void, QString> startPeers(const peers::NodeMap &members, NodeId self);
    std::expected<void, QString> openChannel(const peers::ClusterKey &key,
                                             const peers::NodeMap &members, NodeId self,
                                             const QHostAddress &address);
    enum class KeepChannel { No, Yes };
    void stopPeers(KeepChannel keep);
    void standBy(const peers::NodeMap &members);
    void sampled();
    void feedLoads(const QList<NodeRecord> &records);
    void discovered(const peers::NodeMap &members);
    QHostAddress bindAddress(const peers::NodeMap &members, NodeId self) const;

    AgentConfig m_config;
    peers::PeerConfig m_peerConfig;
    LocalNode &m_local;
    hpc::HpcBackend &m_backend;
    Dispatcher *m_dispatcher = nullptr;
    std::optional<peers::ClusterKey> m_key;
    bool m_keyFailed = false; // the key file is missing or unsafe: the operator's to fix

    peers::NodeMap m_members;
    NodeId m_self = 0;
    QString m_mapText; // admin/config as last applied
    std::unique_ptr<peers::Discovery> m_discovery;
    std::unique_ptr<peers::Gossip> m_gossip;
    std::unique_ptr<peers::PeerForwarder> m_forwarder;
    std::unique_ptr<peers::PeerChannelServer> m_channelServer;
    NodeId m_channelSelf = 0; // the ID peers reach the channel under, kept while out of the map
    QHostAddress m_channelAddress;
    FailureNotice m_loadsFailure{QStringLiteral("feeding peer loads to /proc/hpc")};
    FailureNotice m_membershipFailure{QStringLiteral("reading the membership from /proc/hpc")};
};

} // namespace omview::agent
