// `omcollectord ctl`: one command to a running collector, its answer printed.
#pragma once

#include <QTextStream>
#include <omview/collector/collectorconfig.h>

namespace omview::collector {

// Runs the command (spinning an event loop until the answer), prints the
// result to @p out or the error to @p err. Returns the exit status: 0 done,
// 1 the collector refused or could not be reached.
int runCtl(const CtlCommand &command, QTextStream &out, QTextStream &err);

} // namespace omview::collector
