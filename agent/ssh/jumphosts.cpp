#include "jumphosts.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

// libssh pairs jump callbacks with hops by position and cannot tell how many
// hops a config file added, so the same callbacks are offered this many times.
constexpr int MaxJumpHops = 8;

} // namespace

std::shared_ptr<JumpHosts> JumpHosts::attach(ssh_session session, const SshTarget &target,
                                             int verbosity) {
    auto hosts = std::make_shared<JumpHosts>();
    hosts->m_target = target;
    hosts->m_verbosity = verbosity;
    hosts->m_callbacks.userdata = hosts.get();
    hosts->m_callbacks.before_connection = &JumpHosts::beforeConnection;
    hosts->m_callbacks.verify_knownhost = &JumpHosts::verifyKnownHost;
    hosts->m_callbacks.authenticate = &JumpHosts::authenticate;
    for (int i = 0; i < MaxJumpHops; ++i)
        ssh_options_set(session, SSH_OPTIONS_PROXYJUMP_CB_LIST_APPEND, &hosts->m_callbacks);
    return hosts;
}

QString JumpHosts::latestError() {
    const std::lock_guard lock(m_mutex);
    return m_error;
}

void JumpHosts::warning(const QString &text) {
    // A hop's thread logs why it gave up; it has no other way to say so.
    record(u"via jump host: "_s + text);
}

void JumpHosts::record(const QString &message) {
    const std::lock_guard lock(m_mutex);
    m_error = message;
}

int JumpHosts::beforeConnection(ssh_session jump, void *userdata) {
    auto *self = static_cast<JumpHosts *>(userdata);
    routeLibsshLog(self); // this is the hop's thread
    ssh_options_set(jump, SSH_OPTIONS_LOG_VERBOSITY, &self->m_verbosity);
    const SshTarget &t = self->m_target;
    if (!t.sshDirectory.isEmpty())
        ssh_options_set(jump, SSH_OPTIONS_SSH_DIR, QFile::encodeName(t.sshDirectory).constData());
    auto problem = applyConfig(jump, t);
    if (!problem)
        problem = applyCommonOptions(jump, t);
    if (problem) {
        self->record(u"jump host %1: %2"_s.arg(optionText(jump, SSH_OPTIONS_HOST), *problem));
        return SSH_ERROR;
    }
    return SSH_OK;
}

int JumpHosts::verifyKnownHost(ssh_session jump, void *userdata) {
    auto *self = static_cast<JumpHosts *>(userdata);
    const ssh_known_hosts_e known = ssh_session_is_known_server(jump);
    if (known == SSH_KNOWN_HOSTS_OK)
        return SSH_OK;
    const QString host = knownHostsName(optionText(jump, SSH_OPTIONS_HOST), optionPort(jump));
    const auto key = serverKey(jump);
    const QString fingerprint = key ? key->fingerprint : u"(unknown)"_s;
    const QString file = optionText(jump, SSH_OPTIONS_KNOWNHOSTS);
    switch (known) {
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        self->record(u"REFUSED: the host key of jump host %1 has changed: it now offers %2, which "
                     u"%3 does not list"_s.arg(host, fingerprint, file));
        break;
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        self->record(u"jump host %1: its host key %2 is not in %3; connect to %1 directly once "
                     u"to check and accept it"_s.arg(host, fingerprint, file));
        break;
    default:
        self->record(
            u"jump host %1: cannot check %2: %3"_s.arg(host, file, fromC(ssh_get_error(jump))));
        break;
    }
    return SSH_ERROR;
}

int JumpHosts::authenticate(ssh_session jump, void *userdata) {
    auto *self = static_cast<JumpHosts *>(userdata);
    if (ssh_userauth_none(jump, nullptr) == SSH_AUTH_SUCCESS)
        return SSH_OK;
    if (ssh_userauth_publickey_auto(jump, nullptr, nullptr) == SSH_AUTH_SUCCESS)
        return SSH_OK;
    self->record(u"jump host %1: authentication as %2 failed (jump hosts take ssh-agent and key "
                 u"files only)"_s.arg(optionText(jump, SSH_OPTIONS_HOST),
                                      optionText(jump, SSH_OPTIONS_USER)));
    return SSH_ERROR;
}

} // namespace omview
