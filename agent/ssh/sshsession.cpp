#include "sshsession.h"

#include "jumphosts.h"
#include "libsshutil.h"
#include "logging.h"

#include <QFile>
#include <QSocketNotifier>
// ssh_send_keepalive() is declared with the server API but serves clients too.
#include <libssh/server.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

// OpenSSH's NumberOfPasswordPrompts.
constexpr int MaxPasswordAttempts = 3;
constexpr int MaxKbdintAttempts = 3;
// How long the bridge may take to report its exit status after its output ended.
constexpr int BridgeExitGraceMs = 1000;
constexpr qsizetype MaxStderrKept = 2048;
constexpr int ReadChunk = 64 * 1024;

QString methodNames(int methods) {
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names << u"publickey"_s;
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names << u"keyboard-interactive"_s;
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names << u"password"_s;
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        names << u"hostbased"_s;
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        names << u"gssapi-with-mic"_s;
    return names.isEmpty() ? u"none"_s : names.join(u", ");
}

bool isUnixSocket(int fd) {
    int domain = 0;
    socklen_t length = sizeof domain;
    return fd >= 0 && ::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &length) == 0 &&
           domain == AF_UNIX;
}

} // namespace

SshSession::SshSession(SshTarget target, quint64 id)
    : m_target(std::move(target))
    , m_id(id)
    , m_keepaliveTimer(this)
    , m_bridgeEndTimer(this) {
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &SshSession::onKeepalive);
    m_bridgeEndTimer.setSingleShot(true);
    connect(&m_bridgeEndTimer, &QTimer::timeout, this, &SshSession::advance);
}

SshSession::~SshSession() {
    freeSession();
}

void SshSession::start() {
    if (m_step != Step::Idle)
        return;
    routeLibsshLog(nullptr);
    setState(SshState::ResolvingHost);
    if (const auto problem = configure()) {
        fail(problem->kind, problem->message);
        return;
    }
    m_step = Step::Connect;
    advance();
}

std::optional<SshFailure> SshSession::configure() {
    const auto invalid = [](const QString &message) {
        return SshFailure{SshFailure::Kind::InvalidTarget, message};
    };
    m_ssh = ssh_new();
    if (!m_ssh)
        return invalid(u"cannot create an SSH session (out of memory)"_s);
    const SshTarget &t = m_target;
    const int verbosity = libsshVerbosity();
    ssh_options_set(m_ssh, SSH_OPTIONS_LOG_VERBOSITY, &verbosity);
    if (ssh_options_set(m_ssh, SSH_OPTIONS_HOST, t.host.toUtf8().constData()) != SSH_OK)
        return invalid(u"bad host \"%1\""_s.arg(t.host));
    if (!t.sshDirectory.isEmpty() &&
        ssh_options_set(m_ssh, SSH_OPTIONS_SSH_DIR,
                        QFile::encodeName(t.sshDirectory).constData()) != SSH_OK)
        return invalid(u"cannot use ssh directory \"%1\""_s.arg(t.sshDirectory));
    // The configuration first: what the target sets explicitly wins over it.
    if (const auto problem = applyConfig(m_ssh, t))
        return invalid(*problem);
    if (t.port) {
        unsigned port = *t.port;
        ssh_options_set(m_ssh, SSH_OPTIONS_PORT, &port);
    }
    if (!t.user.isEmpty() &&
        ssh_options_set(m_ssh, SSH_OPTIONS_USER, t.user.toUtf8().constData()) != SSH_OK)
        return invalid(u"bad user \"%1\""_s.arg(t.user));
    if (const auto problem = applyCommonOptions(m_ssh, t))
        return invalid(*problem);
    if (!t.proxyJump.isEmpty() &&
        ssh_options_set(m_ssh, SSH_OPTIONS_PROXYJUMP, t.proxyJump.toUtf8().constData()) != SSH_OK)
        return invalid(u"bad proxy jump \"%1\": %2"_s.arg(t.proxyJump, libsshError()));

    m_jump = JumpHosts::attach(m_ssh, t, verbosity);

    ssh_set_counters(m_ssh, &m_socketCounter, &m_packetCounter);
    ssh_set_blocking(m_ssh, 0);
    m_bridgeCommand = t.bridgeCommandLine().toUtf8();
    return std::nullopt;
}

void SshSession::advance() {
    for (;;) {
        const Next next = runStep();
        if (next != Next::Run)
            break;
    }
    updateNotifiers();
}

SshSession::Next SshSession::runStep() {
    switch (m_step) {
    case Step::Connect:
        return connectStep();
    case Step::CheckHostKey:
        return checkHostKey();
    case Step::AuthNone:
        return authNone();
    case Step::AuthPublicKey:
        return authPublicKey();
    case Step::AuthKbdint:
        return authKbdint();
    case Step::AuthPasswordPrompt:
        return promptPassword();
    case Step::AuthPassword:
        return authPassword();
    case Step::OpenSocket:
        return openSocket();
    case Step::OpenBridgeSession:
        return openBridgeSession();
    case Step::RequestBridgeExec:
        return requestBridgeExec();
    case Step::Ready:
        return pump();
    case Step::BridgeEnding:
        return bridgeEnding();
    case Step::Idle:
    case Step::AwaitHostKey:
    case Step::AwaitKbdint:
    case Step::AwaitPassword:
    case Step::Done:
        return Next::Pause;
    }
    return Next::Pause;
}

SshSession::Next SshSession::connectStep() {
    // The first call resolves the name and starts the TCP connect (or the
    // jump chain); that may block this thread, never the transport's.
    const int rc = ssh_connect(m_ssh);
    if (!m_connecting) {
        m_connecting = true;
        if (rc != SSH_ERROR)
            setState(SshState::Connecting);
    }
    if (rc == SSH_AGAIN)
        return Next::WaitForSocket;
    if (rc != SSH_OK) {
        const QString jumpError = m_jump ? m_jump->latestError() : QString();
        if (!jumpError.isEmpty())
            return fail(SshFailure::Kind::Unreachable, jumpError);
        return fail(SshFailure::Kind::Unreachable, u"cannot connect: %1"_s.arg(libsshError()));
    }
    m_handshakeDone = true;
    setState(SshState::VerifyingHostKey);
    m_step = Step::CheckHostKey;
    return Next::Run;
}

SshSession::Next SshSession::checkHostKey() {
    const auto key = serverKey(m_ssh);
    if (!key)
        return fail(SshFailure::Kind::HostKeyError,
                    u"the server did not present a host key: %1"_s.arg(libsshError()));
    const QString host = knownHostsName(optionText(m_ssh, SSH_OPTIONS_HOST), optionPort(m_ssh));
    const QString file = optionText(m_ssh, SSH_OPTIONS_KNOWNHOSTS);
    switch (ssh_session_is_known_server(m_ssh)) {
    case SSH_KNOWN_HOSTS_OK:
        qCDebug(lcSsh).noquote() << who() << "host key" << key->fingerprint << "is known";
        setState(SshState::Authenticating);
        m_step = Step::AuthNone;
        return Next::Run;
    case SSH_KNOWN_HOSTS_CHANGED:
        return fail(SshFailure::Kind::HostKeyChanged,
                    u"REFUSED: the host key of %1 has changed. The server now offers %2 key %3, "
                    u"but %4 records a different key for it. Someone may be intercepting the "
                    u"connection, or the host was reinstalled. If you know the change is "
                    u"legitimate, remove the old key with: ssh-keygen -R '%1' -f '%4'"_s.arg(
                        host, key->type, key->fingerprint, file));
    case SSH_KNOWN_HOSTS_OTHER:
        return fail(SshFailure::Kind::HostKeyChanged,
                    u"REFUSED: %1 offers a %2 host key (%3), but %4 records a key of another type "
                    u"for it. Someone may be intercepting the connection. If you know the host's "
                    u"keys changed, remove the old entry with: ssh-keygen -R '%1' -f '%4'"_s.arg(
                        host, key->type, key->fingerprint, file));
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND: {
        m_step = Step::AwaitHostKey;
        qCInfo(lcSsh).noquote() << who() << "presents an unknown host key" << key->fingerprint;
        emit hostKeyQuestion(m_id, HostKeyPrompt{host, key->type, key->fingerprint, file});
        return Next::Pause;
    }
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return fail(SshFailure::Kind::HostKeyError,
                u"cannot check the host key against %1: %2"_s.arg(file, libsshError()));
}

void SshSession::acceptHostKey() {
    if (m_step != Step::AwaitHostKey)
        return;
    const auto key = serverKey(m_ssh);
    const QString fingerprint = key ? key->fingerprint : QString();
    if (ssh_session_update_known_hosts(m_ssh) != SSH_OK) {
        fail(SshFailure::Kind::HostKeyError,
             u"cannot record the host key in %1: %2"_s.arg(
                 optionText(m_ssh, SSH_OPTIONS_KNOWNHOSTS), libsshError()));
        return;
    }
    qCInfo(lcSsh).noquote() << who() << "host key" << fingerprint << "accepted and recorded";
    setState(SshState::Authenticating);
    m_step = Step::AuthNone;
    advance();
}

int SshSession::refreshMethods() {
    m_methods = ssh_userauth_list(m_ssh, nullptr);
    return m_methods;
}

SshSession::Next SshSession::authNone() {
    const int rc = ssh_userauth_none(m_ssh, nullptr);
    switch (rc) {
    case SSH_AUTH_AGAIN:
        return Next::WaitForSocket;
    case SSH_AUTH_SUCCESS:
        return authenticated();
    case SSH_AUTH_DENIED:
    case SSH_AUTH_PARTIAL:
        refreshMethods();
        m_step = Step::AuthPublicKey;
        return Next::Run;
    default:
        return fail(SshFailure::Kind::Unreachable,
                    u"authentication failed: %1"_s.arg(libsshError()));
    }
}

SshSession::Next SshSession::authPublicKey() {
    if (!(m_methods & SSH_AUTH_METHOD_PUBLICKEY) || m_publicKeyTried) {
        m_step = Step::AuthKbdint;
        return Next::Run;
    }
    // ssh-agent first, then the identity files, as OpenSSH does.
    const int rc = ssh_userauth_publickey_auto(m_ssh, nullptr, nullptr);
    if (rc == SSH_AUTH_AGAIN)
        return Next::WaitForSocket;
    m_publicKeyTried = true;
    m_tried << (m_target.useSshAgent ? u"ssh-agent and key files"_s : u"key files"_s);
    switch (rc) {
    case SSH_AUTH_SUCCESS:
        return authenticated();
    case SSH_AUTH_PARTIAL:
        return afterPartialSuccess();
    case SSH_AUTH_DENIED:
        refreshMethods();
        m_step = Step::AuthKbdint;
        return Next::Run;
    default:
        if (!connected())
            return fail(SshFailure::Kind::ConnectionLost,
                        u"the connection closed during authentication: %1"_s.arg(libsshError()));
        // An unreadable key file is reported but does not stop the other methods.
        m_publicKeyError = libsshError();
        qCInfo(lcSsh).noquote() << who() << "public key authentication:" << m_publicKeyError;
        m_step = Step::AuthKbdint;
        return Next::Run;
    }
}

SshSession::Next SshSession::authKbdint() {
    if (!(m_methods & SSH_AUTH_METHOD_INTERACTIVE) || m_kbdintFailures >= MaxKbdintAttempts) {
        m_step = Step::AuthPasswordPrompt;
        return Next::Run;
    }
    if (!m_kbdintTried) {
        m_kbdintTried = true;
        m_tried << u"keyboard-interactive"_s;
    }
    const int rc = ssh_userauth_kbdint(m_ssh, nullptr, nullptr);
    switch (rc) {
    case SSH_AUTH_AGAIN:
        return Next::WaitForSocket;
    case SSH_AUTH_INFO: {
        const int count = ssh_userauth_kbdint_getnprompts(m_ssh);
        if (count <= 0)
            return Next::Run; // a round without questions: answered by asking for the next
        CredentialsPrompt prompt;
        prompt.kind = CredentialsPrompt::Kind::KeyboardInteractive;
        prompt.user = optionText(m_ssh, SSH_OPTIONS_USER);
        prompt.host = optionText(m_ssh, SSH_OPTIONS_HOST);
        prompt.name = fromC(ssh_userauth_kbdint_getname(m_ssh));
        prompt.instruction = fromC(ssh_userauth_kbdint_getinstruction(m_ssh));
        if (prompt.instruction.isEmpty() && m_kbdintFailures > 0)
            prompt.instruction = u"Permission denied, please try again."_s;
        prompt.attempt = m_kbdintFailures + 1;
        for (int i = 0; i < count; ++i) {
            char echo = 0;
            const char *text = ssh_userauth_kbdint_getprompt(m_ssh, unsigned(i), &echo);
            prompt.fields.append({fromC(text), echo != 0});
        }
        m_kbdintPrompts = count;
        m_step = Step::AwaitKbdint;
        emit credentialsQuestion(m_id, prompt);
        return Next::Pause;
    }
    case SSH_AUTH_SUCCESS:
        return authenticated();
    case SSH_AUTH_PARTIAL:
        return afterPartialSuccess();
    case SSH_AUTH_DENIED:
        ++m_kbdintFailures;
        refreshMethods();
        return Next::Run;
    default:
        if (!connected())
            return fail(SshFailure::Kind::ConnectionLost,
                        u"the connection closed during authentication: %1"_s.arg(libsshError()));
        m_kbdintFailures = MaxKbdintAttempts;
        return Next::Run;
    }
}

SshSession::Next SshSession::promptPassword() {
    if (!(m_methods & SSH_AUTH_METHOD_PASSWORD) || m_passwordFailures >= MaxPasswordAttempts)
        return authenticationFailed();
    if (m_passwordFailures == 0)
        m_tried << u"password"_s;
    CredentialsPrompt prompt;
    prompt.kind = CredentialsPrompt::Kind::Password;
    prompt.user = optionText(m_ssh, SSH_OPTIONS_USER);
    prompt.host = optionText(m_ssh, SSH_OPTIONS_HOST);
    if (m_passwordFailures > 0)
        prompt.instruction = u"Permission denied, please try again."_s;
    prompt.fields = {{u"%1@%2's password:"_s.arg(prompt.user, prompt.host), false}};
    prompt.attempt = m_passwordFailures + 1;
    m_step = Step::AwaitPassword;
    emit credentialsQuestion(m_id, prompt);
    return Next::Pause;
}

void SshSession::answerCredentials(const QStringList &answers) {
    if (m_step == Step::AwaitKbdint) {
        for (int i = 0; i < m_kbdintPrompts; ++i) {
            QByteArray answer = answers.value(i).toUtf8();
            ssh_userauth_kbdint_setanswer(m_ssh, unsigned(i), answer.constData());
            answer.fill('\0');
        }
        m_step = Step::AuthKbdint;
        advance();
    } else if (m_step == Step::AwaitPassword) {
        m_password = answers.value(0).toUtf8();
        m_step = Step::AuthPassword;
        advance();
    }
}

void SshSession::cancelCredentials() {
    if (m_step == Step::AwaitKbdint || m_step == Step::AwaitPassword)
        fail(SshFailure::Kind::AuthenticationCancelled, u"authentication cancelled"_s);
}

SshSession::Next SshSession::authPassword() {
    const int rc = ssh_userauth_password(m_ssh, nullptr, m_password.constData());
    if (rc == SSH_AUTH_AGAIN)
        return Next::WaitForSocket;
    m_password.fill('\0');
    m_password.clear();
    switch (rc) {
    case SSH_AUTH_SUCCESS:
        return authenticated();
    case SSH_AUTH_PARTIAL:
        return afterPartialSuccess();
    case SSH_AUTH_DENIED:
        ++m_passwordFailures;
        refreshMethods();
        m_step = Step::AuthPasswordPrompt;
        return Next::Run;
    default:
        return fail(SshFailure::Kind::ConnectionLost,
                    u"the connection closed during authentication: %1"_s.arg(libsshError()));
    }
}

SshSession::Next SshSession::afterPartialSuccess() {
    // The server wants one more method (AuthenticationMethods a,b).
    refreshMethods();
    m_step = Step::AuthPublicKey;
    return Next::Run;
}

SshSession::Next SshSession::authenticationFailed() {
    QString message = u"permission denied for %1 (tried: %2; the server accepts: %3)"_s.arg(
        optionText(m_ssh, SSH_OPTIONS_USER),
        m_tried.isEmpty() ? u"nothing it accepts"_s : m_tried.join(u", "), methodNames(m_methods));
    if (!m_publicKeyError.isEmpty())
        message += u"; %1"_s.arg(m_publicKeyError);
    return fail(SshFailure::Kind::AuthenticationFailed, message);
}

SshSession::Next SshSession::authenticated() {
    qCDebug(lcSsh).noquote() << who() << "authenticated";
    setState(SshState::OpeningChannel);
    m_step = m_target.access == AgentAccess::Bridge ? Step::OpenBridgeSession : Step::OpenSocket;
    return Next::Run;
}

SshSession::Next SshSession::openSocket() {
    if (!m_channel)
        m_channel = ssh_channel_new(m_ssh);
    if (!m_channel)
        return fail(SshFailure::Kind::ConnectionLost,
                    u"cannot create a channel: %1"_s.arg(libsshError()));
    const QByteArray path = QFile::encodeName(m_target.agentSocket);
    const int rc = ssh_channel_open_forward_unix(m_channel, path.constData(), "127.0.0.1", 0);
    if (rc == SSH_AGAIN)
        return Next::WaitForSocket;
    if (rc == SSH_OK)
        return becomeReady(AgentRoute::Socket);
    if (!connected())
        return fail(SshFailure::Kind::ConnectionLost,
                    u"the connection closed while opening the channel: %1"_s.arg(libsshError()));
    const QString refusal = u"the server refused a channel to the agent's socket %1 (%2)"_s.arg(
        m_target.agentSocket, libsshError());
    ssh_channel_free(m_channel);
    m_channel = nullptr;
    if (m_target.access == AgentAccess::Socket)
        return fail(SshFailure::Kind::AgentUnreachable, refusal);
    qCInfo(lcSsh).noquote() << who() << refusal << "- trying the bridge";
    m_socketRefusal = refusal;
    m_step = Step::OpenBridgeSession;
    return Next::Run;
}

SshSession::Next SshSession::openBridgeSession() {
    if (!m_channel)
        m_channel = ssh_channel_new(m_ssh);
    if (!m_channel)
        return fail(SshFailure::Kind::ConnectionLost,
                    u"cannot create a channel: %1"_s.arg(libsshError()));
    const int rc = ssh_channel_open_session(m_channel);
    if (rc == SSH_AGAIN)
        return Next::WaitForSocket;
    if (rc != SSH_OK) {
        QString message = u"the server refused a session for the bridge: %1"_s.arg(libsshError());
        if (!m_socketRefusal.isEmpty())
            message = m_socketRefusal + u"; "_s + message;
        return fail(connected() ? SshFailure::Kind::AgentUnreachable
                                : SshFailure::Kind::ConnectionLost,
                    message);
    }
    m_step = Step::RequestBridgeExec;
    return Next::Run;
}

SshSession::Next SshSession::requestBridgeExec() {
    const int rc = ssh_channel_request_exec(m_channel, m_bridgeCommand.constData());
    if (rc == SSH_AGAIN)
        return Next::WaitForSocket;
    if (rc != SSH_OK) {
        QString message = u"the server refused to run the bridge \"%1\": %2"_s.arg(
            QString::fromUtf8(m_bridgeCommand), libsshError());
        if (!m_socketRefusal.isEmpty())
            message = m_socketRefusal + u"; "_s + message;
        return fail(connected() ? SshFailure::Kind::AgentUnreachable
                                : SshFailure::Kind::ConnectionLost,
                    message);
    }
    return becomeReady(AgentRoute::Bridge);
}

SshSession::Next SshSession::becomeReady(AgentRoute route) {
    m_route = route;
    m_step = Step::Ready;
    m_lastInBytes = m_socketCounter.in_bytes;
    m_unanswered = 0;
    if (m_target.keepaliveInterval.count() > 0)
        m_keepaliveTimer.start(m_target.keepaliveInterval);
    qCInfo(lcSsh).noquote() << who() << "reached the agent"
                            << (route == AgentRoute::Socket
                                    ? u"at %1"_s.arg(m_target.agentSocket)
                                    : u"through \"%1\""_s.arg(QString::fromUtf8(m_bridgeCommand)));
    setState(SshState::Ready);
    return Next::Run; // sends what was queued meanwhile
}

void SshSession::send(const QByteArray &bytes) {
    if (m_step == Step::Done)
        return;
    m_outbox += bytes;
    if (m_step == Step::Ready)
        advance();
}

SshSession::Next SshSession::pump() {
    while (!m_outbox.isEmpty()) {
        const auto chunk = uint32_t(std::min<qsizetype>(m_outbox.size(), 1024 * 1024));
        const int written = ssh_channel_write(m_channel, m_outbox.constData(), chunk);
        if (written == SSH_ERROR)
            return fail(SshFailure::Kind::ConnectionLost,
                        u"cannot send to the agent: %1"_s.arg(libsshError()));
        if (written == 0)
            break; // the channel's window is full; the server's adjustment wakes us
        m_outbox.remove(0, written);
    }

    QByteArray received;
    for (;;) {
        char buffer[ReadChunk];
        const int n = ssh_channel_read_nonblocking(m_channel, buffer, sizeof buffer, 0);
        if (n > 0) {
            received.append(buffer, n);
            continue;
        }
        if (n == SSH_ERROR) {
            if (!received.isEmpty())
                emit bytesReceived(m_id, received);
            return fail(SshFailure::Kind::ConnectionLost,
                        u"the connection broke (%1)"_s.arg(libsshError()));
        }
        break; // nothing more now, or the end of the stream
    }
    if (!received.isEmpty())
        emit bytesReceived(m_id, received);
    if (m_route == AgentRoute::Bridge)
        drainStderr();

    if (ssh_channel_is_eof(m_channel) || ssh_channel_is_closed(m_channel)) {
        if (m_route == AgentRoute::Bridge) {
            m_step = Step::BridgeEnding;
            m_bridgeEndTimer.start(BridgeExitGraceMs);
            return Next::Run;
        }
        return fail(SshFailure::Kind::ConnectionLost, u"the agent closed the connection"_s);
    }
    if (!connected())
        return fail(SshFailure::Kind::ConnectionLost,
                    u"the connection broke (%1)"_s.arg(libsshError()));
    return Next::WaitForSocket;
}

void SshSession::drainStderr() {
    for (;;) {
        char buffer[4096];
        const int n = ssh_channel_read_nonblocking(m_channel, buffer, sizeof buffer, 1);
        if (n <= 0)
            break;
        const QByteArray text(buffer, n);
        for (const QByteArray &line : text.split('\n')) {
            if (!line.trimmed().isEmpty())
                qCInfo(lcSsh).noquote() << who() << "bridge:" << QString::fromUtf8(line);
        }
        m_stderr += text;
        if (m_stderr.size() > MaxStderrKept)
            m_stderr = m_stderr.right(MaxStderrKept);
    }
}

SshSession::Next SshSession::bridgeEnding() {
    drainStderr();
    uint32_t status = 0;
    char *signal = nullptr;
    int core = 0;
    const int rc = ssh_channel_get_exit_state(m_channel, &status, &signal, &core);
    if (rc == SSH_AGAIN && !ssh_channel_is_closed(m_channel) && m_bridgeEndTimer.isActive())
        return Next::WaitForSocket;
    m_bridgeEndTimer.stop();
    QString message = u"the bridge \"%1\" ended"_s.arg(QString::fromUtf8(m_bridgeCommand));
    if (rc == SSH_OK) {
        if (signal)
            message += u" by signal %1"_s.arg(fromC(signal));
        else
            message += u" with exit status %1"_s.arg(status);
    }
    ssh_string_free_char(signal);
    const QString said = QString::fromUtf8(m_stderr).trimmed();
    if (!said.isEmpty())
        message += u": "_s + said.section(u'\n', -3);
    if (!m_socketRefusal.isEmpty())
        message = m_socketRefusal + u"; "_s + message;
    return fail(SshFailure::Kind::ConnectionLost, message);
}

void SshSession::onKeepalive() {
    if (m_step != Step::Ready)
        return;
    if (m_socketCounter.in_bytes != m_lastInBytes) {
        m_lastInBytes = m_socketCounter.in_bytes;
        m_unanswered = 0;
        return;
    }
    if (m_unanswered >= m_target.keepaliveCountMax) {
        const auto silent = m_target.keepaliveInterval * (m_unanswered + 1);
        fail(SshFailure::Kind::ConnectionLost,
             u"no answer from the host for %1 s (keepalive)"_s.arg(double(silent.count()) / 1000.0,
                                                                   0, 'f', 1));
        return;
    }
    // libssh answers a keepalive request only on the call after its reply
    // arrived, and only sends when no request is pending: two calls always
    // leave exactly one probe in flight.
    ssh_send_keepalive(m_ssh);
    ssh_send_keepalive(m_ssh);
    ++m_unanswered;
    advance();
}

void SshSession::updateNotifiers() {
    const bool waiting = m_step == Step::Idle || m_step == Step::AwaitHostKey ||
                         m_step == Step::AwaitKbdint || m_step == Step::AwaitPassword ||
                         m_step == Step::Done;
    if (!m_ssh || m_step == Step::Done) {
        dropNotifiers();
        return;
    }
    const int fd = ssh_get_fd(m_ssh);
    if (fd != m_fd) {
        dropNotifiers();
        if (fd < 0)
            return;
        m_fd = fd;
        m_readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        m_writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &SshSession::advance);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &SshSession::advance);
    }
    m_readNotifier->setEnabled(!waiting);
    // libssh asks for POLLOUT while connecting and while output waits.
    m_writeNotifier->setEnabled(!waiting && (ssh_get_poll_flags(m_ssh) & SSH_WRITE_PENDING));
}

void SshSession::dropNotifiers() {
    delete m_readNotifier;
    delete m_writeNotifier;
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    m_fd = -1;
}

SshSession::Next SshSession::fail(SshFailure::Kind kind, const QString &message) {
    if (m_step == Step::Done)
        return Next::Pause;
    m_step = Step::Done;
    m_password.fill('\0');
    m_password.clear();
    m_keepaliveTimer.stop();
    m_bridgeEndTimer.stop();
    dropNotifiers();
    // The transport logs the failure for people; this is the session's view.
    qCDebug(lcSsh).noquote() << who() << describe(kind) + u':' << message;
    emit failed(m_id, SshFailure{kind, message});
    return Next::Pause;
}

void SshSession::stop() {
    m_step = Step::Done;
    m_keepaliveTimer.stop();
    m_bridgeEndTimer.stop();
    dropNotifiers();
    // What can go without waiting goes: the agent may act on a last request.
    if (m_channel && m_route != AgentRoute::None && !m_outbox.isEmpty() &&
        ssh_channel_is_open(m_channel))
        ssh_channel_write(m_channel, m_outbox.constData(), uint32_t(m_outbox.size()));
    m_outbox.clear();
    freeSession();
    emit finished();
}

void SshSession::freeSession() {
    if (m_channel) {
        ssh_channel_free(m_channel);
        m_channel = nullptr;
    }
    if (!m_ssh)
        return;
    // A jump hop's thread may still call back into its context until the
    // handshake through it finished; such a context must outlive this object.
    if (m_jump && m_connecting && !m_handshakeDone && isUnixSocket(ssh_get_fd(m_ssh))) {
        qCDebug(lcSsh) << "keeping the jump callbacks of an abandoned connection";
        new std::shared_ptr<JumpHosts>(m_jump); // deliberately never freed
    }
    // Not ssh_disconnect(): in libssh 0.11 it also stops the relays of every
    // other session's jump hosts in the process. Freeing closes the socket.
    ssh_free(m_ssh);
    m_ssh = nullptr;
}

void SshSession::setState(SshState state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(m_id, state, m_route);
}

QString SshSession::libsshError() const {
    const QString error = m_ssh ? fromC(ssh_get_error(m_ssh)) : QString();
    return error.isEmpty() ? u"unknown error"_s : error;
}

QString SshSession::who() const {
    // libssh knows the user only once the options were applied by ssh_connect().
    const QString user = m_ssh ? optionText(m_ssh, SSH_OPTIONS_USER) : QString();
    if (user.isEmpty())
        return m_target.destination();
    return u"%1@%2:%3"_s.arg(user, optionText(m_ssh, SSH_OPTIONS_HOST)).arg(optionPort(m_ssh));
}

bool SshSession::connected() const {
    return m_ssh && ssh_is_connected(m_ssh) &&
           !(ssh_get_status(m_ssh) & (SSH_CLOSED | SSH_CLOSED_ERROR));
}

} // namespace omview
