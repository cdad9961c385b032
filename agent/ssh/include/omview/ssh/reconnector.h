// Keeps an AgentClient connected, reconnecting after failures with backoff.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <omview/protocol/agentclient.h>
#include <omview/ssh/reconnectpolicy.h>

namespace omview {

// Watches one AgentClient: when its connection fails for a reason that may go
// away by itself (unreachable, timeout, lost), it connects again after the
// policy's next delay; a refused host key, refused or cancelled credentials or
// impossible settings stop it, as retrying cannot help and would only repeat
// the question or lock the account. Ready resets the backoff.
class Reconnector : public QObject {
    Q_OBJECT

public:
    // The client is not owned and must outlive this object or be deleted
    // before it (then this object stops).
    Reconnector(AgentClient *client, ReconnectPolicy policy, QObject *parent = nullptr);

    // Connects now unless connected or connecting, and keeps reconnecting.
    void start();
    // No further attempts; the connection, if any, stays.
    void stop();
    bool isActive() const { return m_active; }
    // True while an attempt waits for its delay.
    bool isWaiting() const { return m_timer.isActive(); }
    const ReconnectPolicy &policy() const { return m_policy; }

signals:
    // A failure will be retried after `delay`; `attempt` counts from 1.
    void retryScheduled(int attempt, std::chrono::milliseconds delay, const QString &reason);
    // No more attempts: the failure cannot be cured by retrying, or
    // maxAttempts were used. The reconnector is inactive afterwards.
    void gaveUp(const QString &reason);
    // Ready again after one or more failures.
    void reconnected(int attempts);

private:
    void onFailed(const RpcError &error);
    void onReady();
    void attempt();
    bool retryable() const;

    QPointer<AgentClient> m_client;
    ReconnectPolicy m_policy;
    QTimer m_timer;
    bool m_active = false;
    int m_failuresSinceReady = 0;
};

} // namespace omview
