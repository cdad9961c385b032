// One libssh session on its own thread (private to omsshtransport).
#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <libssh/libssh.h>
#include <memory>
#include <omview/ssh/sshstatus.h>
#include <omview/ssh/sshtarget.h>

class QSocketNotifier;

namespace omview {

class JumpHosts;

// The worker behind SshTransport: drives one libssh session in non-blocking
// mode from its thread's event loop, a step at a time, and reports through
// signals (queued to the transport's thread). Every signal carries the
// session's id so that the transport can ignore a session it has retired.
// The transport calls the public functions through queued invocations only;
// the session ends (finished()) after stop(), never by itself.
class SshSession : public QObject {
    Q_OBJECT

public:
    SshSession(SshTarget target, quint64 id);
    ~SshSession() override;

    void start();
    // Frees the session without blocking and emits finished().
    void stop();
    // Queues bytes for the agent (sent once Ready).
    void send(const QByteArray &bytes);
    // Records the key in known_hosts and goes on (rejection is the
    // transport's: it stops the session).
    void acceptHostKey();
    void answerCredentials(const QStringList &answers);
    void cancelCredentials();

signals:
    void stateChanged(quint64 id, omview::SshState state, omview::AgentRoute route);
    void hostKeyQuestion(quint64 id, const omview::HostKeyPrompt &prompt);
    void credentialsQuestion(quint64 id, const omview::CredentialsPrompt &prompt);
    void bytesReceived(quint64 id, const QByteArray &bytes);
    void failed(quint64 id, const omview::SshFailure &failure);
    void finished();

private:
    // The steps of the connection; Await* wait for the user, not the socket.
    enum class Step {
        Idle,
        Connect,
        CheckHostKey,
        AwaitHostKey,
        AuthNone,
        AuthPublicKey,
        AuthKbdint,
        AwaitKbdint,
        AuthPasswordPrompt,
        AwaitPassword,
        AuthPassword,
        OpenSocket,
        OpenBridgeSession,
        RequestBridgeExec,
        Ready,
        BridgeEnding, // the bridge's output ended; waiting for its exit status
        Done,
    };
    // What a step asks of the loop that runs steps.
    enum class Next { Run, WaitForSocket, Pause };

    std::optional<SshFailure> configure();
    void advance();
    Next runStep();
    Next connectStep();
    Next checkHostKey();
    Next authNone();
    Next authPublicKey();
    Next authKbdint();
    Next promptPassword();
    Next authPassword();
    Next authenticated();
    Next openSocket();
    Next openBridgeSession();
    Next requestBridgeExec();
    Next becomeReady(AgentRoute route);
    Next pump();
    Next bridgeEnding();
    Next afterPartialSuccess();
    Next authenticationFailed();
    Next fail(SshFailure::Kind kind, const QString &message);
    void drainStderr();
    void onKeepalive();
    void updateNotifiers();
    void dropNotifiers();
    void freeSession();
    void setState(SshState state);
    QString libsshError() const;
    QString who() const; // "user@host:port" as libssh resolved it
    bool connected() const;
    int refreshMethods();

    SshTarget m_target;
    quint64 m_id;
    ssh_session m_ssh = nullptr;
    ssh_channel m_channel = nullptr;
    std::shared_ptr<JumpHosts> m_jump; // ProxyJump callbacks, shared with libssh's threads
    ssh_counter_struct m_socketCounter{};
    ssh_counter_struct m_packetCounter{};
    Step m_step = Step::Idle;
    SshState m_state = SshState::Disconnected;
    AgentRoute m_route = AgentRoute::None;
    bool m_connecting = false;    // ssh_connect has started the socket
    bool m_handshakeDone = false; // the jump callbacks are no longer in use

    QSocketNotifier *m_readNotifier = nullptr;  // child
    QSocketNotifier *m_writeNotifier = nullptr; // child
    int m_fd = -1;

    // Authentication.
    int m_methods = 0;
    bool m_publicKeyTried = false;
    bool m_kbdintTried = false;
    int m_kbdintFailures = 0;
    int m_kbdintPrompts = 0;
    int m_passwordFailures = 0;
    QByteArray m_password; // wiped after use
    QStringList m_tried;   // for the final message
    QString m_publicKeyError;

    // The channel.
    QString m_socketRefusal; // why direct-streamlocal failed, when the bridge follows
    QByteArray m_bridgeCommand;
    QByteArray m_outbox;
    QByteArray m_stderr; // the bridge's last words, for the failure message
    QTimer m_keepaliveTimer;
    QTimer m_bridgeEndTimer;
    quint64 m_lastInBytes = 0;
    int m_unanswered = 0;
};

} // namespace omview
