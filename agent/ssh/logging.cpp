#include "logging.h"

Q_LOGGING_CATEGORY(lcSsh, "omview.ssh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLibssh, "omview.ssh.libssh", QtWarningMsg)
