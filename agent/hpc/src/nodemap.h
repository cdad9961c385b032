// NodeMap: the node map of admin/config, parsed and printed by kernel/core.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <expected>
#include <memory>
#include <omview/hpc/hpcerror.h>
#include <omview/protocol/types.h>

extern "C" {
#include <hpc/map.h>
}

namespace omview::hpc {

// An immutable, cheaply copied map; parse() refuses what the module refuses, naming the line.
class NodeMap {
public:
    // admin/config takes at most this many bytes in one write.
    static constexpr qsizetype maxTextBytes = 64 * 1024;

    NodeMap(); // empty: no node defined
    static std::expected<NodeMap, HpcError> parse(const QByteArray &text);

    QString text() const; // canonical form, as admin/config reads
    bool contains(NodeId id) const;
    QString address(NodeId id) const; // primary address, "" when unmapped
    QList<NodeId> ids() const;        // ascending
    bool isEmpty() const { return m_map->n == 0; }

private:
    explicit NodeMap(std::shared_ptr<const hpc_map> map);
    std::shared_ptr<const hpc_map> m_map;
};

} // namespace omview::hpc
