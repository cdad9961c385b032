// The cluster's membership: node IDs and their addresses, in the form of the
// /etc/openmosix.map node map and parsed by kernel/core's hpc_map_parse, so the
// agent and hpc.ko accept exactly the same maps.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <expected>
#include <memory>
#include <omview/protocol/types.h>
#include <optional>

struct hpc_map;

namespace omview::peers {

// Where a map is wrong: the 1-based line (0 = the whole text) and why.
struct MapError {
    int line = 0;
    QString message;
    QString file; // set when the map came from a file
    // "line 3: ID not a number in 1..65535", "/etc/openmosix.map:3: ...",
    // "/etc/openmosix.map: ...", or the message alone.
    QString toString() const;
};

// An immutable parsed node map; cheap to copy.
class NodeMap {
public:
    struct Node {
        NodeId id = 0;
        QHostAddress address; // primary address
        bool operator==(const Node &) const = default;
    };

    NodeMap(); // no nodes
    // Parses map text whose addresses are numeric (NodeMapFile resolves names).
    static std::expected<NodeMap, MapError> parse(QByteArrayView text);
    // A map of single nodes (one "ID ADDRESS 1" line each), as discovery finds them.
    static std::expected<NodeMap, MapError> fromNodes(const QList<Node> &nodes);

    const QList<Node> &nodes() const { return m_nodes; } // ascending IDs
    qsizetype size() const { return m_nodes.size(); }
    bool isEmpty() const { return m_nodes.isEmpty(); }
    bool contains(NodeId id) const { return addressOf(id).has_value(); }
    std::optional<QHostAddress> addressOf(NodeId id) const;
    // The ID of a primary or ALIAS address; 0 when the map does not hold it.
    NodeId idOf(const QHostAddress &address) const;
    // Canonical text, as hpc_map_print gives it (and /proc/hpc/admin/config reads).
    QByteArray text() const;

    // This node's ID: the one node whose address (primary or alias) is one of
    // @localAddresses. An error when none or several are.
    std::expected<NodeId, QString> localNode(const QList<QHostAddress> &localAddresses) const;

    bool operator==(const NodeMap &other) const;

    // @address as the map prints it (IPv4-mapped IPv6 as IPv4, no zone).
    static QByteArray plainAddressText(const QHostAddress &address);

private:
    std::shared_ptr<const hpc_map> m_map;
    QList<Node> m_nodes;
};

// openMosix's auto-discovery ID of an address: its last two octets (0 if none).
NodeId autoId(const QHostAddress &address);

} // namespace omview::peers
