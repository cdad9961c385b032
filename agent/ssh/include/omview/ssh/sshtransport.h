// The console's connection to a node's agent over SSH, as an omprotocol
// Transport, so that AgentClient runs over it unchanged.
#pragma once

#include <QStringList>
#include <QTimer>
#include <omview/protocol/lineframer.h>
#include <omview/protocol/transport.h>
#include <omview/ssh/sshstatus.h>
#include <omview/ssh/sshtarget.h>
#include <optional>

namespace omview {

class SshSession;

// A Transport to omagentd through libssh. Each open() starts a session on its
// own thread (name resolution and libssh block there, never here) that
// connects, checks the host key against known_hosts, authenticates (none,
// ssh-agent and key files, keyboard-interactive, password) and opens a
// direct-streamlocal channel to the agent's socket or runs the bridge. Signals
// are emitted on the thread that owns the transport.
//
// Questions go to the owner: hostKeyUnknown() waits for acceptHostKey() or
// rejectHostKey(); credentialsRequested() for answerCredentials() or
// cancelCredentials(). While one waits the connect timeout is suspended. A
// changed host key fails at once (never a question).
//
// The transport only moves lines: nothing an agent sends is ever run.
class SshTransport : public Transport {
    Q_OBJECT

public:
    explicit SshTransport(SshTarget target, QObject *parent = nullptr,
                          qsizetype maxLineLength = LineFramer::DefaultMaxLineLength);
    ~SshTransport() override;

    const SshTarget &target() const { return m_target; }
    // Takes effect at the next open().
    void setTarget(SshTarget target) { m_target = std::move(target); }

    QString description() const override;
    void open() override;
    void close() override;
    bool sendLine(const QByteArray &line) override;

    SshState connectionState() const { return m_connectionState; }
    // Why the last connection failed or ended; cleared by open().
    const std::optional<SshFailure> &failure() const { return m_failure; }
    // The way the current connection reached the agent (None until Ready).
    AgentRoute route() const { return m_route; }
    // Set while a question waits for its answer.
    const std::optional<HostKeyPrompt> &pendingHostKey() const { return m_pendingHostKey; }
    const std::optional<CredentialsPrompt> &pendingCredentials() const {
        return m_pendingCredentials;
    }

    // The answer to hostKeyUnknown(): accepting writes the key to known_hosts
    // and continues; rejecting fails with HostKeyUnknownRejected.
    void acceptHostKey();
    void rejectHostKey();
    // The answer to credentialsRequested(): one answer per field, in order.
    void answerCredentials(const QStringList &answers);
    void cancelCredentials();

signals:
    void connectionStateChanged(omview::SshState state);
    void hostKeyUnknown(const omview::HostKeyPrompt &prompt);
    void credentialsRequested(const omview::CredentialsPrompt &prompt);
    // The question was settled elsewhere (close(), timeout, lost connection):
    // a dialog showing it should go away.
    void promptWithdrawn();

private:
    void onSessionState(quint64 id, omview::SshState state, omview::AgentRoute route);
    void onSessionHostKey(quint64 id, const omview::HostKeyPrompt &prompt);
    void onSessionCredentials(quint64 id, const omview::CredentialsPrompt &prompt);
    void onSessionBytes(quint64 id, const QByteArray &bytes);
    void onSessionFailed(quint64 id, const omview::SshFailure &failure);
    void onConnectTimeout();

    void fail(const SshFailure &failure);
    void retireSession();
    void setConnectionState(SshState state);
    void suspendTimeout();
    void resumeTimeout();
    bool withdrawPrompts();

    SshTarget m_target;
    LineFramer m_framer;
    SshSession *m_session = nullptr; // lives on its own thread; ends after retireSession()
    quint64 m_sessionId = 0;         // events of retired sessions carry older ids
    SshState m_connectionState = SshState::Disconnected;
    std::optional<SshFailure> m_failure;
    AgentRoute m_route = AgentRoute::None;
    std::optional<HostKeyPrompt> m_pendingHostKey;
    std::optional<CredentialsPrompt> m_pendingCredentials;
    QTimer m_connectTimer;
    int m_timeoutLeftMs = 0; // while suspended
};

} // namespace omview
