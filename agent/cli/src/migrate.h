// migrate(1): move one process to a node, back home, or where the balancer says.
#pragma once

#include "tool.h"

namespace omview::cli {
int runMigrate(ToolContext &ctx, const QStringList &argv);
}
