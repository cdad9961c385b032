// The threads that SSH sessions run on (private to omsshtransport).
#pragma once

#include <QString>

namespace omview {

class SshSession;

// Moves the session to a new thread and starts it there. The thread ends
// after the session's finished() and then deletes the session and itself; on
// application exit, threads still running are given a moment to end.
void startSessionThread(SshSession *session, const QString &name);

} // namespace omview
