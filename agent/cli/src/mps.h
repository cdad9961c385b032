// mps(1): ps with the openMosix NODE column (where each process runs; 0 = here).
#pragma once

#include "tool.h"

namespace omview::cli {
int runMps(ToolContext &ctx, const QStringList &argv);
}
