// ProxyJump through libssh's own jump threads (private to omsshtransport).
#pragma once

#include "libsshutil.h"

#include <QString>
#include <libssh/callbacks.h>
#include <memory>
#include <mutex>
#include <omview/ssh/sshtarget.h>

namespace omview {

// What the jump hosts of a ProxyJump chain (from the target or the config
// file) need: libssh connects each on a thread of its own and calls back for
// options, the host key and authentication. The hops get the target's
// known_hosts, identity, ssh-agent and config settings; they authenticate with
// ssh-agent and key files only, and their host keys must already be known, as
// there is nobody to ask on those threads. Their failures are collected for
// the message of the connection that needed them.
class JumpHosts final : public LibsshWarningSink {
public:
    // Offers the callbacks to `session` for every hop it may have. The
    // returned object must outlive the hops' use of it (see freeSession()).
    static std::shared_ptr<JumpHosts> attach(ssh_session session, const SshTarget &target,
                                             int verbosity);

    // The latest thing that went wrong on a hop; empty if nothing did.
    QString latestError();
    void warning(const QString &text) override;

private:
    static int beforeConnection(ssh_session jump, void *userdata);
    static int verifyKnownHost(ssh_session jump, void *userdata);
    static int authenticate(ssh_session jump, void *userdata);
    void record(const QString &message);

    SshTarget m_target;
    int m_verbosity = SSH_LOG_WARN;
    ssh_jump_callbacks_struct m_callbacks{};
    std::mutex m_mutex; // the hops' threads record concurrently
    QString m_error;
};

} // namespace omview
