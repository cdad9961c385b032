// Where a collector keeps its database and its control socket by default, so
// that the daemon, `omcollectord ctl` and the console agree without options.
#pragma once

#include <QString>

namespace omview::collector {

// As root (the system service): /var/lib/omview/collector.db. Otherwise the
// user's data directory: $XDG_DATA_HOME/omview/collector.db.
QString defaultDatabasePath();
// As root: /run/omcollectord/omcollectord.sock (its own runtime directory:
// systemd removes a unit's RuntimeDirectory when it stops, and omagentd's is
// /run/omview). Otherwise in the user's runtime directory:
// $XDG_RUNTIME_DIR/omview/omcollectord.sock.
QString defaultControlSocket();
// omagentd's socket on this node (its own default).
QString defaultAgentSocket();

} // namespace omview::collector
