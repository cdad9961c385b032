// `omagentd --bridge`: the agent's socket on stdin/stdout, so `ssh node omagentd --bridge`
// reaches the agent with nothing but sshd exposed. Plain poll(2), no event loop.
#pragma once

#include <QString>

namespace omview::agent {

// Relays bytes unchanged between @inFd/@outFd and the connected stream socket @sockFd until
// the agent closes the socket (after everything it sent reached @outFd) or @outFd's reader
// goes away. End of input half-closes the socket so the agent sees the end of the requests
// and can still answer them. Returns 0 on a normal end, 1 on an I/O error (reported on stderr).
int relayStreams(int inFd, int outFd, int sockFd);

// Connects to the agent at @socketPath and relays stdin/stdout; returns the exit status.
int runBridge(const QString &socketPath);

} // namespace omview::agent
