// Load dissemination as MOSIX/openMosix did it: each interval this node sends
// its own load record and a window of the freshest records it knows to a few
// random peers, never broadcasting; each node so holds an approximate, aging
// view of every load, and a node silent for too long is marked dead.
#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <expected>
#include <memory>
#include <omview/peers/authenticatedsocket.h>
#include <omview/peers/clusterkey.h>
#include <omview/peers/nodemap.h>
#include <omview/peers/peerconfig.h>
#include <omview/peers/peertable.h>

namespace omview::peers {

class Gossip : public QObject {
    Q_OBJECT
public:
    Gossip(const PeerConfig &config, const ClusterKey &key, NodeId self, const NodeMap &members,
           QObject *parent = nullptr);
    ~Gossip() override;

    // Binds UDP loadPort on this node's map address and starts the steps.
    std::expected<void, QString> start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // A new map (map file reloaded, discovery changed); this node must be in it.
    void setMembers(const NodeMap &members);
    // The latest sample of this node, sent from the next step on. Until the first one, this
    // node relays what it hears but announces nothing of its own: an unsampled record would
    // reach every peer as a live node with no load, memory or speed.
    void setOwnStatus(const NodeStatus &status);
    // quiet (admin/quiet): stop sending; received records are still taken.
    void setQuiet(bool quiet) { m_quiet = quiet; }

    QList<NodeRecord> records() const;
    std::optional<NodeRecord> record(NodeId id) const;
    // Peers whose freshest record is younger than the dead-node threshold.
    QList<NodeId> alivePeers() const;
    PeerCounters counters() const;
    // Steps taken since start(): the tests measure convergence in them.
    std::uint64_t steps() const { return m_steps; }
    NodeId self() const { return m_table.self(); }
    const PeerConfig &config() const { return m_config; }

    // The targets of one step, as MOSIX's "mindead" chose them: each a random
    // live peer, or with probability 1/max(5, live peers) any member, so that
    // dead and newly mapped nodes are tried again. At most @fanout, distinct.
    static QList<NodeId> chooseTargets(const QList<NodeId> &members, const QList<NodeId> &alive,
                                       int fanout, QRandomGenerator &random);

signals:
    // After every step: the whole table (own node included), for
    // /proc/hpc/admin/loads (see loadsText) and for cluster.nodes. Only built
    // when something is connected.
    void tableUpdated(const QList<omview::NodeRecord> &records);
    void nodeAliveChanged(omview::NodeId id, bool alive);

private:
    void step();
    void received(const Packet &packet, const QHostAddress &from);
    void sendTo(NodeId node, const QByteArray &payload);
    void reportAliveChanges(std::int64_t nowMs);

    PeerConfig m_config;
    QByteArray m_key;
    NodeMap m_members;
    PeerTable m_table;
    NodeStatus m_own;
    bool m_hasOwn = false;
    std::unique_ptr<AuthenticatedSocket> m_socket;
    QTimer m_timer;
    QRandomGenerator m_random;
    std::uint64_t m_version;
    std::uint64_t m_steps = 0;
    QSet<NodeId> m_alive;
    bool m_quiet = false;
};

} // namespace omview::peers
