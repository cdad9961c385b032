#include "omview/agent/clusterlink.h"

#include "omview/agent/dispatcher.h"
#include "omview/agent/heaprelease.h"
#include "omview/agent/localnode.h"

#include <QDateTime>
#include <QNetworkInterface>
#include <QSysInfo>
#include <QTimer>
#include <hpc/text.h>
#include <omview/hpc/hpcbackend.h>
#include <omview/peers/discovery.h>
#include <omview/peers/gossip.h>
#include <omview/peers/peerchannelserver.h>
#include <omview/peers/peerforwarder.h>
#include <omview/peers/peerrecord.h>
#include <omview/protocol/jsonrpc.h>

using namespace Qt::StringLiterals;

namespace omview::agent {

namespace {

peers::PeerConfig peerConfigOf(const AgentConfig &c) {
    peers::PeerConfig p;
    p.loadPort = c.gossipPort;
    p.channelPort = c.channelPort;
    p.discoveryGroup = c.discoveryGroup;
    p.discoveryPort = c.discoveryPort;
    p.discoveryInterface = c.discoveryInterface;
    return p;
}

hpc::HpcPeerRecord toBackendRecord(const NodeRecord &record) {
    const hpc_peer_record r = peers::toPeerRecord(record);
    hpc::HpcPeerRecord out;
    out.id = r.id;
    out.status = r.status;
    out.load = r.load;
    out.speed = r.speed;
    out.cpus = r.cpus;
    out.mem = r.mem;
    out.rmem = r.rmem;
    out.tmem = r.tmem;
    out.util = r.util;
    return out;
}

// The first IPv4 address of @interfaceName (any interface when empty) that is not loopback.
QHostAddress ownIPv4(const QString &interfaceName) {
    const QList<QNetworkInterface> interfaces =
        interfaceName.isEmpty() ? QNetworkInterface::allInterfaces()
                                : QList{QNetworkInterface::interfaceFromName(interfaceName)};
    for (const QNetworkInterface &i : interfaces) {
        if (!i.isValid() || !(i.flags() & QNetworkInterface::IsUp) ||
            (i.flags() & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries()) {
            if (e.ip().protocol() == QAbstractSocket::IPv4Protocol)
                return e.ip();
        }
    }
    return QHostAddress();
}

// The channel's handshake named the node a peer's request is for: the request is this
// node's even while it takes no part and its own ID reads 0.
QJsonValue addressedHere(const QJsonValue &params, NodeId channelSelf) {
    QJsonObject object = params.toObject();
    const QJsonValue node = object.value(u"node"_s);
    if (!params.isObject() || !node.isDouble() || node.toInteger() != channelSelf)
        return params;
    object.remove(u"node"_s);
    return object;
}

} // namespace

ClusterLink::ClusterLink(const AgentConfig &config, LocalNode &local, hpc::HpcBackend &backend)
    : m_config(config)
    , m_peerConfig(peerConfigOf(config))
    , m_local(local)
    , m_backend(backend) {
    connect(&m_local, &LocalNode::sampled, this, &ClusterLink::sampled);
}

ClusterLink::~ClusterLink() {
    stopPeers(KeepChannel::No);
}

std::expected<std::unique_ptr<ClusterLink>, StartError>
ClusterLink::create(const AgentConfig &config, LocalNode &local, hpc::HpcBackend &backend) {
    std::unique_ptr<ClusterLink> link(new ClusterLink(config, local, backend));
    auto started = config.discovery ? link->startDiscovery() : link->reload();
    if (!started)
        return std::unexpected(StartError{started.error(), link->m_keyFailed});
    return link;
}

bool ClusterLink::isClustered() const {
    return m_gossip != nullptr;
}

std::expected<void, QString> ClusterLink::reload() {
    const auto text = m_backend.map();
    if (!text)
        return std::unexpected(u"reading the node map: %1"_s.arg(text.error().toString()));
    auto members = peers::NodeMap::parse(text->toUtf8());
    if (!members)
        return std::unexpected(u"the node map in /proc/hpc: %1"_s.arg(members.error().toString()));
    m_mapText = *text;
    const auto self = m_backend.nodeId();
    if (!self)
        return std::unexpected(self.error().toString());
    return apply(*members, *self);
}

std::expected<void, QString> ClusterLink::apply(const peers::NodeMap &members, NodeId self) {
    const bool inMap = self != 0 && members.contains(self);
    if (!inMap) {
        if (m_gossip)
            qCInfo(lcAgent).noquote()
                << u"this node (%1) is in no node map any more: leaving the cluster"_s.arg(self);
        standBy(members);
        m_members = members;
        m_self = self;
        return {};
    }
    if (m_gossip && self == m_self) {
        if (!(members == m_members)) {
            qCInfo(lcAgent).noquote() << "membership changed:" << members.size() << "nodes";
            m_gossip->setMembers(members);
            m_forwarder->setMembers(members);
            m_channelServer->setMembers(members);
            m_members = members;
        }
        return {};
    }
    stopPeers(self == m_channelSelf && bindAddress(members, self) == m_channelAddress
                  ? KeepChannel::Yes
                  : KeepChannel::No);
    m_members = members;
    m_self = self;
    return startPeers(members, self);
}

void ClusterLink::standBy(const peers::NodeMap &members) {
    stopPeers(KeepChannel::Yes);
    if (!m_channelServer)
        return;
    // A node that stopped taking part is started again through its peers (setpe from the
    // console's entry node): its channel stays open to its last map's members, under the
    // ID they knew it by. A new map that still names that ID is the one to admit.
    if (members.contains(m_channelSelf))
        m_channelServer->setMembers(members);
    qCInfo(lcAgent).noquote()
        << u"node %1 stays reachable on its peer channel for the members of its last map"_s.arg(
               m_channelSelf);
}

QHostAddress ClusterLink::bindAddress(const peers::NodeMap &members, NodeId self) const {
    if (!m_config.bindAddress.isNull())
        return m_config.bindAddress;
    return members.addressOf(self).value_or(QHostAddress(QHostAddress::Any));
}

std::expected<void, QString> ClusterLink::startPeers(const peers::NodeMap &members, NodeId self) {
    if (!m_key) {
        auto key = peers::ClusterKey::fromFile(m_config.clusterKeyFile);
        if (!key) {
            m_keyFailed = true;
            return std::unexpected(u"cluster key: %1"_s.arg(key.error()));
        }
        m_key = std::move(*key);
        qCInfo(lcAgent).noquote() << "cluster key" << m_key->fingerprint() << "from"
                                  << m_config.clusterKeyFile;
    }

    auto gossip = std::make_unique<peers::Gossip>(m_peerConfig, *m_key, self, members);
    // Before start(): its first step goes out at once and must carry the sample, not zeros.
    gossip->setOwnStatus(m_local.status());
    if (auto started = gossip->start(); !started)
        return std::unexpected(
            u"load gossip on UDP port %1: %2"_s.arg(m_peerConfig.loadPort).arg(started.error()));
    const QHostAddress address = bindAddress(members, self);
    if (m_channelServer) {
        m_channelServer->setMembers(members);
    } else if (auto opened = openChannel(*m_key, members, self, address); !opened) {
        return opened;
    }
    connect(gossip.get(), &peers::Gossip::tableUpdated, this, &ClusterLink::feedLoads);
    connect(gossip.get(), &peers::Gossip::nodeAliveChanged, this, [](NodeId id, bool alive) {
        qCInfo(lcAgent).noquote() << "node" << id << (alive ? "is up" : "is down");
    });

    m_gossip = std::move(gossip);
    m_forwarder = std::make_unique<peers::PeerForwarder>(m_peerConfig, *m_key, self, members);
    qCInfo(lcAgent).noquote() << "node" << self << "joined a cluster of" << members.size()
                              << "nodes; peer ports" << address.toString() << m_peerConfig.loadPort
                              << "(UDP)" << m_peerConfig.channelPort << "(TCP)";
    return {};
}

std::expected<void, QString> ClusterLink::openChannel(const peers::ClusterKey &key,
                                                      const peers::NodeMap &members, NodeId self,
                                                      const QHostAddress &address) {
    auto server = std::make_unique<peers::PeerChannelServer>(m_peerConfig, key, self, members);
    if (auto listening = server->listen(address); !listening)
        return std::unexpected(u"peer channel on %1 TCP port %2: %3"_s.arg(address.toString())
                                   .arg(m_peerConfig.channelPort)
                                   .arg(listening.error()));
    server->setHandler([this, self](const peers::PeerRequest &request,
                                    const peers::PeerReply &reply) {
        const auto answer = [reply](const rpc::Message &m) {
            QByteArray line = rpc::serialize(m);
            line.chop(1); // the channel frames lines itself
            reply.send(line);
            if (line.size() >= LargeMessageBytes)
                releaseFreedHeapSoon();
        };
        auto message = rpc::parseMessage(request.line);
        if (!message)
            return answer(message.error());
        const auto *call = std::get_if<rpc::Request>(&*message);
        if (!call)
            return answer(rpc::ErrorResponse{
                rpc::Id(), RpcError(ErrorCode::InvalidRequest, u"peers send requests only"_s)});
        if (!m_dispatcher)
            return answer(rpc::ErrorResponse{
                call->id, RpcError(ErrorCode::InternalError, u"the agent is starting"_s)});
        const CallContext context{CallContext::Origin::Peer, u"peer node %1"_s.arg(request.from),
                                  request.from, {}, request.data};
        m_dispatcher->call(context, call->method, addressedHere(call->params, self),
                           [answer, id = call->id](Result<QJsonValue> r) {
                               if (r)
                                   answer(rpc::Response{id, *r});
                               else
                                   answer(rpc::ErrorResponse{id, r.error()});
                           });
    });
    m_channelServer = std::move(server);
    m_channelSelf = self;
    m_channelAddress = address;
    return {};
}

void ClusterLink::stopPeers(KeepChannel keep) {
    // The forwarder first: its pending requests fail rather than wait for a gone server.
    m_forwarder.reset();
    m_gossip.reset();
    if (keep == KeepChannel::No) {
        m_channelServer.reset();
        m_channelSelf = 0;
        m_channelAddress = QHostAddress();
    }
}

std::expected<void, QString> ClusterLink::startDiscovery() {
    auto key = peers::ClusterKey::fromFile(m_config.clusterKeyFile);
    if (!key) {
        m_keyFailed = true;
        return std::unexpected(u"cluster key: %1"_s.arg(key.error()));
    }
    m_key = std::move(*key);
    const QHostAddress own =
        m_config.bindAddress.isNull() ? ownIPv4(m_config.discoveryInterface) : m_config.bindAddress;
    if (own.isNull())
        return std::unexpected(u"discovery: no IPv4 address on %1"_s.arg(
            m_config.discoveryInterface.isEmpty() ? u"any interface"_s
                                                  : m_config.discoveryInterface));
    m_discovery =
        std::make_unique<peers::Discovery>(m_peerConfig, *m_key, own, QSysInfo::machineHostName());
    connect(m_discovery.get(), &peers::Discovery::membersChanged, this, &ClusterLink::discovered);
    connect(m_discovery.get(), &peers::Discovery::collisionDetected, this,
            [](const peers::Collision &c) {
                qCWarning(lcAgent).noquote() << "discovery:" << c.toString();
            });
    if (auto started = m_discovery->start(); !started)
        return std::unexpected(u"discovery: %1"_s.arg(started.error()));
    qCInfo(lcAgent).noquote() << "discovering peers as node" << m_discovery->ownId() << "from"
                              << own.toString();
    discovered(m_discovery->members());
    return {};
}

void ClusterLink::discovered(const peers::NodeMap &members) {
    const NodeId self = m_discovery->ownId();
    const QString text = QString::fromUtf8(members.text());
    if (text != m_mapText) {
        if (auto set = m_backend.setMap(text); !set) {
            m_membershipFailure.failed(
                u"writing the discovered map: %1"_s.arg(set.error().toString()));
            return;
        }
        m_mapText = text;
    }
    const auto mospe = m_backend.nodeId();
    if (mospe && *mospe != self && members.contains(self)) {
        SettingsChange change;
        change.mospe = self;
        if (auto applied = m_backend.apply(change); !applied)
            m_membershipFailure.failed(
                u"setting mospe %1: %2"_s.arg(self).arg(applied.error().toString()));
    }
    m_local.refreshIdentity();
    if (auto applied = apply(members, self); !applied)
        m_membershipFailure.failed(applied.error());
    else
        m_membershipFailure.succeeded();
}

void ClusterLink::sampled() {
    // setpe or map.set may have changed the map, settings.set this node's ID.
    if (!m_discovery) {
        const auto text = m_backend.map();
        if (text && (*text != m_mapText || m_local.id() != m_self)) {
            if (auto reloaded = reload(); !reloaded)
                m_membershipFailure.failed(reloaded.error());
            else
                m_membershipFailure.succeeded();
        }
    }
    if (m_gossip) {
        m_gossip->setOwnStatus(m_local.status());
        m_gossip->setQuiet(m_local.status().status > 0 && (m_local.status().status & StatusQuiet));
    }
}

void ClusterLink::feedLoads(const QList<NodeRecord> &records) {
    QList<hpc::HpcPeerRecord> peersOnly;
    for (const NodeRecord &r : records) {
        if (r.node.id != m_self)
            peersOnly.append(toBackendRecord(r));
    }
    if (auto fed = m_backend.feedLoads(peersOnly); !fed)
        m_loadsFailure.failed(fed.error().toString());
    else
        m_loadsFailure.succeeded();
}

QList<NodeRecord> ClusterLink::clusterTable() const {
    const NodeStatus &self = m_local.status();
    if (m_gossip) {
        // This node's row is its latest sample, not the copy the last gossip step took:
        // readers then see each sample once, whatever the phase between the two timers.
        QList<NodeRecord> records = m_gossip->records();
        for (NodeRecord &r : records) {
            if (r.node.id == m_self) {
                const QString address = r.node.address;
                r.node = self;
                r.node.id = m_self;
                r.node.address = address;
                r.ageMs = 0;
                r.alive = true;
            }
        }
        return records;
    }
    const qint64 age =
        self.sampledAt > 0
            ? std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - self.sampledAt)
            : -1;
    return {NodeRecord{self, age, true}};
}

void ClusterLink::forward(NodeId node, const QString &method, const QJsonObject &params,
                          Completion done, int timeoutMs) {
    forwardData(node, method, params, {}, std::move(done), timeoutMs);
}

void ClusterLink::forwardData(NodeId node, const QString &method, const QJsonObject &params,
                              QByteArray data, Completion done, int timeoutMs) {
    if (!m_forwarder) {
        // Asynchronous like a real forward, so callers see one behaviour.
        QTimer::singleShot(0, this, [node, done = std::move(done)] {
            done(std::unexpected(
                RpcError(ErrorCode::NoSuchNode,
                         u"node %1 is unknown: this node is in no cluster"_s.arg(node),
                         QJsonObject{{u"node"_s, static_cast<qint64>(node)}})));
        });
        return;
    }
    const QByteArray line = rpc::serialize(rpc::Request{rpc::Id(1), method, params});
    m_forwarder->forward(node, line, [node, done = std::move(done)](peers::ForwardResult r) {
        if (!r)
            return done(std::unexpected(r.error().toRpcError()));
        auto message = rpc::parseMessage(*r);
        if (message) {
            if (const auto *ok = std::get_if<rpc::Response>(&*message))
                return done(ok->result);
            if (const auto *failed = std::get_if<rpc::ErrorResponse>(&*message))
                return done(std::unexpected(failed->error));
        }
        done(std::unexpected(
            RpcError(ErrorCode::ForwardingFailed,
                     u"node %1 answered with something that is not a response"_s.arg(node),
                     QJsonObject{{u"node"_s, static_cast<qint64>(node)}})));
    }, timeoutMs, std::move(data));
}

} // namespace omview::agent
