// SIGTERM and SIGINT as a clean quit of a daemon's event loop (omagentd, omcollectord).
#pragma once

#include <QString>
#include <expected>

class QCoreApplication;
class QLoggingCategory;

namespace omview {

// From now on SIGTERM (systemd stopping the unit) and SIGINT make @app's event loop return
// as after quit(), so the daemon cleans up as on any other way out (its sockets removed,
// queued writes done), and "stopping" is logged to @category. The handler only writes to a
// socket pair the event loop watches: nothing else is safe in a signal handler. Once per
// process; fails, changing nothing, when the socket pair cannot be made.
std::expected<void, QString> quitOnTerminationSignals(QCoreApplication &app,
                                                      const QLoggingCategory &category);

} // namespace omview
