// mosrun(1) and its wrappers: run a program as a job of this node, where the agents put it.
#pragma once

#include "tool.h"

namespace omview::cli {
int runMosrun(ToolContext &ctx, const QStringList &argv);
// nomig, runhome, runon, cpujob, iojob, nodecay, slowdecay, fastdecay: mosrun with the
// options their names stand for (ctx.name says which).
int runMosrunWrapper(ToolContext &ctx, const QStringList &argv);
bool isMosrunWrapper(const QString &name);
} // namespace omview::cli
