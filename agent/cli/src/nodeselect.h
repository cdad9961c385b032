// Naming nodes on the command line: by openMosix ID, address or hostname.
#pragma once

#include <omview/protocol/types.h>

#include <expected>

namespace omview::cli {

// An ID in 1..65535, or an error saying why the text is not one.
std::expected<NodeId, QString> parseNodeId(const QString &text);

// The node of the cluster table that `text` names: an ID, one of the nodes'
// addresses, or a hostname (resolved, then matched by address).
std::expected<const NodeRecord *, QString> selectNode(const QList<NodeRecord> &nodes,
                                                      const QString &text);

// mosctl status: the node's state and its stay/lstay/block/quiet flags.
QString describeStatus(const NodeStatus &node);

} // namespace omview::cli
