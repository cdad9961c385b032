#include "logging.h"

#include <omview/ssh/reconnector.h>
#include <omview/ssh/sshtransport.h>

using namespace Qt::StringLiterals;

namespace omview {

Reconnector::Reconnector(AgentClient *client, ReconnectPolicy policy, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_policy(std::move(policy)) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Reconnector::attempt);
    if (!client)
        return;
    connect(client, &AgentClient::connectionFailed, this, &Reconnector::onFailed);
    connect(client, &AgentClient::ready, this, &Reconnector::onReady);
    connect(client, &QObject::destroyed, this, &Reconnector::stop);
}

void Reconnector::start() {
    if (!m_client)
        return;
    m_active = true;
    if (m_client->state() == AgentClient::State::Disconnected && !m_timer.isActive())
        attempt();
}

void Reconnector::stop() {
    m_active = false;
    m_timer.stop();
}

void Reconnector::attempt() {
    if (!m_active || !m_client)
        return;
    if (m_client->state() == AgentClient::State::Disconnected)
        m_client->connectToAgent();
}

bool Reconnector::retryable() const {
    if (!m_client)
        return false;
    if (const auto *ssh = qobject_cast<const SshTransport *>(m_client->transport())) {
        if (const auto &failure = ssh->failure())
            return failure->retryable();
    }
    return true;
}

void Reconnector::onFailed(const RpcError &error) {
    ++m_failuresSinceReady;
    if (!m_active)
        return;
    // A refused hello means this console and the agent disagree on the
    // protocol: the same answer would come again.
    if (error.is(ErrorCode::ProtocolMismatch) || !retryable()) {
        qCInfo(lcSsh).noquote() << "not reconnecting:" << error.message;
        stop();
        emit gaveUp(error.message);
        return;
    }
    const auto delay = m_policy.nextDelay();
    if (!delay) {
        const QString reason =
            u"gave up after %1 attempts: %2"_s.arg(m_policy.attempts()).arg(error.message);
        qCInfo(lcSsh).noquote() << reason;
        stop();
        emit gaveUp(reason);
        return;
    }
    qCInfo(lcSsh).noquote() << "reconnecting in" << delay->count() << "ms:" << error.message;
    m_timer.start(*delay);
    emit retryScheduled(m_policy.attempts(), *delay, error.message);
}

void Reconnector::onReady() {
    m_policy.reset();
    m_timer.stop();
    const int failures = m_failuresSinceReady;
    m_failuresSinceReady = 0;
    if (failures > 0)
        emit reconnected(failures);
}

} // namespace omview
