// setpe(8): load the node map into the node, print it, or switch openMosix off.
#pragma once

#include "tool.h"

namespace omview::cli {
int runSetpe(ToolContext &ctx, const QStringList &argv);
}
