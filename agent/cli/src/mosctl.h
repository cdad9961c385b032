// mosctl(1): stay, block, quiet, expel, bring, tunables and node queries.
#pragma once

#include "tool.h"

namespace omview::cli {
int runMosctl(ToolContext &ctx, const QStringList &argv);
}
