// showmap(1): this node's ID and the node map, as omdiscd's showmap printed them.
#pragma once

#include "tool.h"

namespace omview::cli {
int runShowmap(ToolContext &ctx, const QStringList &argv);
}
