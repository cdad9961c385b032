#include "logging.h"
#include "sessionthread.h"
#include "sshsession.h"

#include <QPointer>
#include <omview/ssh/sshtransport.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

// After the user answered, the server gets at least this long to go on,
// whatever was left of the connect timeout.
constexpr int MinTimeoutAfterAnswerMs = 2000;

QString seconds(std::chrono::milliseconds ms) {
    return QString::number(double(ms.count()) / 1000.0, 'f', ms.count() % 1000 ? 1 : 0);
}

} // namespace

SshTransport::SshTransport(SshTarget target, QObject *parent, qsizetype maxLineLength)
    : Transport(parent)
    , m_target(std::move(target))
    , m_framer(maxLineLength)
    , m_connectTimer(this) {
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &SshTransport::onConnectTimeout);
}

SshTransport::~SshTransport() {
    retireSession();
}

QString SshTransport::description() const {
    return u"ssh %1"_s.arg(m_target.destination());
}

void SshTransport::open() {
    if (state() != State::Closed)
        return;
    m_framer.reset();
    m_failure.reset();
    m_route = AgentRoute::None;
    const quint64 id = ++m_sessionId;
    setState(State::Opening);
    if (const auto problem = m_target.problem()) {
        // Reported from the event loop like every other failure: listeners
        // may reopen from their slots and must not do so inside open().
        QTimer::singleShot(0, this, [this, id, message = *problem] {
            if (id == m_sessionId && state() == State::Opening && !m_session)
                fail({SshFailure::Kind::InvalidTarget, message});
        });
        return;
    }
    m_session = new SshSession(m_target, id);
    connect(m_session, &SshSession::stateChanged, this, &SshTransport::onSessionState);
    connect(m_session, &SshSession::hostKeyQuestion, this, &SshTransport::onSessionHostKey);
    connect(m_session, &SshSession::credentialsQuestion, this, &SshTransport::onSessionCredentials);
    connect(m_session, &SshSession::bytesReceived, this, &SshTransport::onSessionBytes);
    connect(m_session, &SshSession::failed, this, &SshTransport::onSessionFailed);
    startSessionThread(m_session, u"ssh %1"_s.arg(m_target.host));
    m_connectTimer.start(m_target.connectTimeout);
    setConnectionState(SshState::ResolvingHost);
}

void SshTransport::close() {
    const bool withdrew = withdrawPrompts();
    retireSession();
    m_framer.reset();
    setConnectionState(SshState::Disconnected);
    setState(State::Closed);
    if (withdrew)
        emit promptWithdrawn();
}

bool SshTransport::sendLine(const QByteArray &line) {
    if (state() != State::Open || !m_session || !isFramedLine(line))
        return false;
    SshSession *session = m_session;
    QMetaObject::invokeMethod(
        session, [session, line] { session->send(line); }, Qt::QueuedConnection);
    return true;
}

void SshTransport::acceptHostKey() {
    if (!m_pendingHostKey || !m_session)
        return;
    m_pendingHostKey.reset();
    resumeTimeout();
    SshSession *session = m_session;
    QMetaObject::invokeMethod(
        session, [session] { session->acceptHostKey(); }, Qt::QueuedConnection);
}

void SshTransport::rejectHostKey() {
    if (!m_pendingHostKey || !m_session)
        return;
    const HostKeyPrompt prompt = *std::exchange(m_pendingHostKey, std::nullopt);
    fail({SshFailure::Kind::HostKeyUnknownRejected,
          u"the host key %1 of %2 was not accepted"_s.arg(prompt.fingerprint, prompt.host)});
}

void SshTransport::answerCredentials(const QStringList &answers) {
    if (!m_pendingCredentials || !m_session)
        return;
    m_pendingCredentials.reset();
    resumeTimeout();
    SshSession *session = m_session;
    QMetaObject::invokeMethod(
        session, [session, answers] { session->answerCredentials(answers); }, Qt::QueuedConnection);
}

void SshTransport::cancelCredentials() {
    if (!m_pendingCredentials || !m_session)
        return;
    m_pendingCredentials.reset();
    fail({SshFailure::Kind::AuthenticationCancelled, u"authentication cancelled"_s});
}

void SshTransport::onSessionState(quint64 id, SshState state, AgentRoute route) {
    if (id != m_sessionId || !m_session)
        return;
    m_route = route;
    setConnectionState(state);
    if (state == SshState::Ready) {
        m_connectTimer.stop();
        setState(State::Open);
    }
}

void SshTransport::onSessionHostKey(quint64 id, const HostKeyPrompt &prompt) {
    if (id != m_sessionId || !m_session)
        return;
    suspendTimeout();
    m_pendingHostKey = prompt;
    emit hostKeyUnknown(prompt);
}

void SshTransport::onSessionCredentials(quint64 id, const CredentialsPrompt &prompt) {
    if (id != m_sessionId || !m_session)
        return;
    suspendTimeout();
    m_pendingCredentials = prompt;
    emit credentialsRequested(prompt);
}

void SshTransport::onSessionBytes(quint64 id, const QByteArray &bytes) {
    if (id != m_sessionId || state() != State::Open)
        return;
    const QPointer<SshTransport> self(this);
    for (auto &frame : m_framer.feed(bytes)) {
        // A slot may close, reopen or delete this transport.
        if (!self || id != m_sessionId || state() != State::Open)
            return;
        if (frame) {
            emit lineReceived(*frame);
            continue;
        }
        fail({SshFailure::Kind::ProtocolError,
              u"received a line longer than %1 bytes; closing"_s.arg(frame.error().limit)});
        return;
    }
}

void SshTransport::onSessionFailed(quint64 id, const SshFailure &failure) {
    if (id != m_sessionId || !m_session)
        return;
    fail(failure);
}

void SshTransport::onConnectTimeout() {
    if (!m_session || state() == State::Open)
        return;
    fail({SshFailure::Kind::Timeout,
          u"timed out after %1 s while %2"_s.arg(seconds(m_target.connectTimeout),
                                                 describe(m_connectionState))});
}

void SshTransport::fail(const SshFailure &failure) {
    m_failure = failure;
    const bool withdrew = withdrawPrompts();
    retireSession();
    m_framer.reset();
    const QString message = u"%1: %2"_s.arg(description(), failure.message);
    qCInfo(lcSsh).noquote() << message;
    const QPointer<SshTransport> self(this);
    setConnectionState(SshState::Failed);
    if (self && withdrew)
        emit promptWithdrawn();
    // The reason first, then the state: listeners learn why before they learn
    // that the connection is gone, as with LocalSocketTransport.
    if (self)
        emit errorOccurred(message);
    if (self)
        setState(State::Closed);
}

void SshTransport::retireSession() {
    m_connectTimer.stop();
    if (!m_session)
        return;
    SshSession *session = std::exchange(m_session, nullptr);
    // Events already queued from it carry its id and are dropped.
    session->disconnect(this);
    QMetaObject::invokeMethod(session, [session] { session->stop(); }, Qt::QueuedConnection);
}

void SshTransport::setConnectionState(SshState state) {
    if (m_connectionState == state)
        return;
    m_connectionState = state;
    qCDebug(lcSsh).noquote() << description() << describe(state);
    emit connectionStateChanged(state);
}

void SshTransport::suspendTimeout() {
    if (!m_connectTimer.isActive())
        return;
    m_timeoutLeftMs = m_connectTimer.remainingTime();
    m_connectTimer.stop();
}

void SshTransport::resumeTimeout() {
    if (m_session && !m_connectTimer.isActive() && state() != State::Open)
        m_connectTimer.start(std::max(m_timeoutLeftMs, MinTimeoutAfterAnswerMs));
}

bool SshTransport::withdrawPrompts() {
    const bool pending = m_pendingHostKey || m_pendingCredentials;
    m_pendingHostKey.reset();
    m_pendingCredentials.reset();
    return pending;
}

} // namespace omview
