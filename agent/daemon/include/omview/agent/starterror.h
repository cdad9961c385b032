// Why the agent could not start.
#pragma once

#include <QString>

namespace omview::agent {

// The message names the file, key or port concerned. `configuration` marks errors only the
// operator can fix (exit status 2, so systemd does not restart in a loop).
struct StartError {
    QString message;
    bool configuration = false;
};

} // namespace omview::agent
