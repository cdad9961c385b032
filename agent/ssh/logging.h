// The logging categories of omsshtransport (private).
#pragma once

#include <QLoggingCategory>

// Connections: states, routes, failures.
Q_DECLARE_LOGGING_CATEGORY(lcSsh)
// libssh's own log, forwarded when this category's debug output is enabled.
Q_DECLARE_LOGGING_CATEGORY(lcLibssh)
