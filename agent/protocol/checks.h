// Checks of values more than one part of the API takes (private to omprotocol): a node ID
// as hpc.ko takes it, a process ID.
#pragma once

#include "fields.h"

#include <omview/protocol/types.h>

extern "C" {
#include <hpc/tune.h>
}

namespace omview::detail {

inline ValueError checkNode(const NodeId &id) {
    if (hpc_check_node_id(id) != 0)
        return QStringLiteral("must be a node ID %1..%2, got %3")
            .arg(HPC_NODE_ID_MIN)
            .arg(HPC_NODE_ID_MAX)
            .arg(id);
    return std::nullopt;
}

inline ValueError checkPid(const std::int32_t &pid) {
    if (pid < 1)
        return QStringLiteral("must be a process ID (1 or more), got %1").arg(pid);
    return std::nullopt;
}

} // namespace omview::detail
