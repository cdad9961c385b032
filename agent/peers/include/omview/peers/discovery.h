// Auto-discovery on the cluster network, after openMosix's omdiscd: each node
// announces its address on a multicast group; the node ID is the address's
// last two octets, and two addresses claiming one ID are reported as a
// collision and kept out of the membership, never merged.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>
#include <expected>
#include <memory>
#include <omview/peers/authenticatedsocket.h>
#include <omview/peers/clusterkey.h>
#include <omview/peers/nodemap.h>
#include <omview/peers/peerconfig.h>

namespace omview::peers {

// Two or more addresses announcing the same auto-discovery ID.
struct Collision {
    NodeId id = 0;
    QList<QHostAddress> addresses; // ascending
    bool involvesSelf = false;
    QString toString() const;
    bool operator==(const Collision &) const = default;
};

class Discovery : public QObject {
    Q_OBJECT
public:
    Discovery(const PeerConfig &config, const ClusterKey &key, const QHostAddress &ownAddress,
              const QString &hostname, QObject *parent = nullptr);
    ~Discovery() override;

    // Joins the group and starts announcing. Fails for an address that is
    // not IPv4 or whose last two octets are 0 (no valid ID).
    std::expected<void, QString> start();
    void stop();

    NodeId ownId() const { return m_ownId; }
    // The nodes heard within announceExpiryMs and this node, without any
    // colliding ID: the map to gossip over and to write to admin/config.
    const NodeMap &members() const { return m_members; }
    QList<Collision> collisions() const { return m_collisions; }
    bool ownIdCollides() const;
    QString hostnameOf(NodeId id) const;
    PeerCounters counters() const;

signals:
    void membersChanged(const omview::peers::NodeMap &members);
    void collisionDetected(const omview::peers::Collision &collision);
    void collisionResolved(omview::NodeId id);

private:
    struct Heard {
        NodeId id = 0;
        QString hostname;
        std::int64_t lastMs = 0;
    };
    void announce();
    void received(const Packet &packet, const QHostAddress &from);
    void expire();
    void rebuild();

    PeerConfig m_config;
    QByteArray m_key;
    QHostAddress m_ownAddress;
    QString m_hostname;
    NodeId m_ownId;
    std::unique_ptr<AuthenticatedSocket> m_receiver; // bound to the group port
    QUdpSocket m_sender;                             // bound to the own address
    QTimer m_announceTimer;
    QHash<QHostAddress, Heard> m_heard; // by source address
    NodeMap m_members;
    QList<Collision> m_collisions;
};

} // namespace omview::peers
