// Small bridges between libssh's C API and Qt (private to omsshtransport).
#pragma once

#include <QString>
#include <libssh/libssh.h>
#include <omview/ssh/sshtarget.h>
#include <optional>

namespace omview {

QString fromC(const char *text);
// A string option of the session ("" when unset).
QString optionText(ssh_session session, ssh_options_e option);
unsigned optionPort(ssh_session session);
// libssh messages come as "function: text"; people want the text.
QString withoutFunction(const char *message);

// Receives libssh's warnings on one thread, for threads whose failures are
// known only from their log (the jump hosts').
class LibsshWarningSink {
public:
    virtual ~LibsshWarningSink() = default;
    virtual void warning(const QString &text) = 0;
};

// Sends libssh's log of the calling thread (libssh keeps it per thread) to
// the omview.ssh.libssh category, and its warnings to `sink` if given.
void routeLibsshLog(LibsshWarningSink *sink);
// The verbosity to give sessions: warnings, or everything when
// omview.ssh.libssh debug output is enabled.
int libsshVerbosity();

// Reads the OpenSSH client configuration as the target asks (or turns
// libssh's own reading off); an error for people, or nullopt.
std::optional<QString> applyConfig(ssh_session session, const SshTarget &target);
// The settings every connection of the target shares, the node's and its
// jump hosts': known_hosts, identity file, ssh-agent, timeout.
std::optional<QString> applyCommonOptions(ssh_session session, const SshTarget &target);

// The host key the server presented.
struct ServerKey {
    QString type;        // "ssh-ed25519"
    QString fingerprint; // "SHA256:<base64 without padding>", as ssh-keygen -l prints it
};
std::optional<ServerKey> serverKey(ssh_session session);
// The name known_hosts records a host under: "node" or "[node]:2222".
QString knownHostsName(const QString &host, unsigned port);

} // namespace omview
