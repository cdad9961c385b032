#include "logging.h"

#include <algorithm>
#include <cmath>
#include <omview/console/clustersession.h>
#include <omview/protocol/localsockettransport.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace omview {

namespace {

// After the agent ended the cluster subscription while the connection stays up
// (a delta that did not apply, say): subscribe again after this pause.
constexpr auto ResubscribeDelay = 2s;

QString clientName() {
    return u"omview-console %1"_s.arg(QStringLiteral(OMVIEW_VERSION));
}

} // namespace

ClusterSession::ClusterSession(ConnectionProfile profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile)) {
    std::unique_ptr<Transport> transport;
    if (m_profile.kind == ConnectionProfile::Kind::Ssh) {
        auto ssh = std::make_unique<SshTransport>(m_profile.ssh);
        m_ssh = ssh.get();
        connect(m_ssh, &SshTransport::hostKeyUnknown, this, &ClusterSession::hostKeyUnknown);
        connect(m_ssh, &SshTransport::credentialsRequested, this,
                &ClusterSession::credentialsRequested);
        connect(m_ssh, &SshTransport::promptWithdrawn, this, &ClusterSession::promptWithdrawn);
        connect(m_ssh, &SshTransport::connectionStateChanged, this, [this](SshState s) {
            if (m_state == State::Connecting || m_state == State::Reconnecting) {
                if (s != SshState::Ready && s != SshState::Failed && s != SshState::Disconnected)
                    emit message(tr("%1: %2").arg(where(), describe(s)));
            }
        });
        transport = std::move(ssh);
    } else {
        transport = std::make_unique<LocalSocketTransport>(m_profile.socketPath);
    }
    m_client = std::make_unique<AgentClient>(std::move(transport), clientName());
    connect(m_client.get(), &AgentClient::ready, this, &ClusterSession::onReady);
    connect(m_client.get(), &AgentClient::connectionFailed, this,
            &ClusterSession::onConnectionFailed);
    m_resubscribe.setSingleShot(true);
    connect(&m_resubscribe, &QTimer::timeout, this, &ClusterSession::subscribe);
    m_stateText = tr("Not connected");
}

ClusterSession::~ClusterSession() {
    // The subscription and the reconnector refer to the client: they go first.
    m_subscription.reset();
    m_reconnector.reset();
}

QString ClusterSession::where() const {
    return m_profile.description();
}

bool ClusterSession::hasNode(NodeId node) const {
    const auto it =
        std::ranges::lower_bound(m_nodes, node, {}, [](const NodeRecord &r) { return r.node.id; });
    return it != m_nodes.end() && it->node.id == node;
}

void ClusterSession::setState(State state, const QString &text) {
    const bool changed = state != m_state;
    m_state = state;
    if (text != m_stateText) {
        m_stateText = text;
        emit message(text);
    }
    if (changed)
        emit stateChanged(state);
}

void ClusterSession::open() {
    if (m_state == State::Connecting || m_state == State::Connected ||
        m_state == State::Reconnecting)
        return;
    m_lastError.clear();
    if (const auto why = m_profile.problem()) {
        m_lastError = *why;
        qCWarning(lcSession).noquote() << "cannot connect:" << *why;
        setState(State::Failed, tr("Cannot connect: %1").arg(*why));
        return;
    }
    m_reconnector =
        std::make_unique<Reconnector>(m_client.get(), ReconnectPolicy(m_reconnectSettings));
    connect(m_reconnector.get(), &Reconnector::retryScheduled, this,
            &ClusterSession::onRetryScheduled);
    connect(m_reconnector.get(), &Reconnector::gaveUp, this, &ClusterSession::onGaveUp);
    qCInfo(lcSession).noquote() << "connecting to" << where();
    setState(State::Connecting, tr("Connecting to %1…").arg(where()));
    m_reconnector->start();
}

void ClusterSession::close() {
    if (m_state == State::Disconnected)
        return;
    m_reconnector.reset();
    m_resubscribe.stop();
    m_subscription.reset();
    m_client->disconnectFromAgent();
    qCInfo(lcSession).noquote() << "disconnected from" << where();
    setState(State::Disconnected, tr("Disconnected from %1").arg(where()));
}

void ClusterSession::onReady(const HelloResult &hello) {
    m_entryNode = hello.node;
    m_lastError.clear();
    qCInfo(lcSession).noquote() << "connected to node" << hello.node << "at" << where() << "("
                                << hello.agent << ")";
    subscribe();
    setState(State::Connected, tr("Connected to node %1 (%2)").arg(hello.node).arg(where()));
}

void ClusterSession::onConnectionFailed(const RpcError &error) {
    m_lastError = error.message;
    m_resubscribe.stop();
    m_subscription.reset();
    qCInfo(lcSession).noquote() << where() << error.message;
    // Without a reconnector (closed meanwhile) nothing follows: say it here.
    if (!m_reconnector || !m_reconnector->isActive())
        setState(State::Failed, tr("Connection to %1 failed: %2").arg(where(), error.message));
}

void ClusterSession::onRetryScheduled(int attempt, std::chrono::milliseconds delay,
                                      const QString &reason) {
    Q_UNUSED(attempt);
    const auto seconds = std::max<qint64>(1, std::llround(double(delay.count()) / 1000.0));
    setState(State::Reconnecting, tr("Retrying in %n s: %1", nullptr, int(seconds)).arg(reason));
}

void ClusterSession::onGaveUp(const QString &reason) {
    m_lastError = reason;
    qCWarning(lcSession).noquote() << "giving up on" << where() << ":" << reason;
    setState(State::Failed, tr("Cannot connect to %1: %2").arg(where(), reason));
}

void ClusterSession::subscribe() {
    if (m_client->state() != AgentClient::State::Ready)
        return;
    m_subscription = m_client->subscribeCluster({}, m_interval);
    connect(m_subscription.get(), &ClusterSubscription::updated, this,
            [this](const QList<NodeRecord> &nodes, const NodeRecordListDelta &delta) {
                m_nodes = nodes;
                emit clusterUpdated(nodes, delta);
            });
    connect(m_subscription.get(), &Subscription::ended, this, &ClusterSession::onSubscriptionEnded);
}

void ClusterSession::onSubscriptionEnded(const RpcError &error) {
    if (m_client->state() != AgentClient::State::Ready)
        return; // the connection went: the reconnection subscribes again
    qCWarning(lcSession).noquote()
        << "cluster updates from" << where() << "ended:" << error.toString();
    emit message(
        tr("Cluster updates from %1 stopped (%2); subscribing again").arg(where(), error.message));
    // Deleting it inside its own signal is not allowed.
    if (m_subscription)
        m_subscription.release()->deleteLater();
    m_resubscribe.start(ResubscribeDelay);
}

} // namespace omview
