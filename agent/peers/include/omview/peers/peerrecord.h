// The node table in the form kernel/core and /proc/hpc/admin/loads take it:
// hpc_peer_record lines, one per peer.
#pragma once

#include <QByteArray>
#include <QList>
#include <omview/protocol/types.h>

struct hpc_peer_record;

namespace omview::peers {

// A record as hpc_peer_record: memory in pages; a node not alive becomes
// "-ENETUNREACH" (never heard from) or "-ETIMEDOUT" (its record went stale).
hpc_peer_record toPeerRecord(const NodeRecord &record);
// The text for /proc/hpc/admin/loads: one line per record, @self left out.
QByteArray loadsText(const QList<NodeRecord> &records, NodeId self);

} // namespace omview::peers
