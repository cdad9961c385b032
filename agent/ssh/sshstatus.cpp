#include <omview/ssh/sshstatus.h>

using namespace Qt::StringLiterals;

namespace omview {

QString describe(SshState state) {
    switch (state) {
    case SshState::Disconnected:
        return u"disconnected"_s;
    case SshState::ResolvingHost:
        return u"resolving host"_s;
    case SshState::Connecting:
        return u"connecting"_s;
    case SshState::VerifyingHostKey:
        return u"verifying host key"_s;
    case SshState::Authenticating:
        return u"authenticating"_s;
    case SshState::OpeningChannel:
        return u"opening channel to the agent"_s;
    case SshState::Ready:
        return u"ready"_s;
    case SshState::Failed:
        return u"failed"_s;
    }
    return u"unknown"_s;
}

QDebug operator<<(QDebug debug, SshState state) {
    const QDebugStateSaver saver(debug);
    return debug.noquote() << "SshState(" << describe(state) << ')';
}

bool SshFailure::retryable() const {
    switch (kind) {
    case Kind::Unreachable:
    case Kind::Timeout:
    case Kind::AgentUnreachable:
    case Kind::ConnectionLost:
    case Kind::ProtocolError:
        return true;
    case Kind::InvalidTarget:
    case Kind::HostKeyUnknownRejected:
    case Kind::HostKeyChanged:
    case Kind::HostKeyError:
    case Kind::AuthenticationFailed:
    case Kind::AuthenticationCancelled:
        return false;
    }
    return false;
}

QString describe(SshFailure::Kind kind) {
    using K = SshFailure::Kind;
    switch (kind) {
    case K::InvalidTarget:
        return u"invalid settings"_s;
    case K::Unreachable:
        return u"unreachable"_s;
    case K::Timeout:
        return u"timed out"_s;
    case K::HostKeyUnknownRejected:
        return u"host key rejected"_s;
    case K::HostKeyChanged:
        return u"host key changed"_s;
    case K::HostKeyError:
        return u"known_hosts error"_s;
    case K::AuthenticationFailed:
        return u"authentication failed"_s;
    case K::AuthenticationCancelled:
        return u"authentication cancelled"_s;
    case K::AgentUnreachable:
        return u"agent unreachable"_s;
    case K::ConnectionLost:
        return u"connection lost"_s;
    case K::ProtocolError:
        return u"protocol error"_s;
    }
    return u"unknown"_s;
}

QDebug operator<<(QDebug debug, const SshFailure &failure) {
    const QDebugStateSaver saver(debug);
    return debug.noquote() << "SshFailure(" << describe(failure.kind) << ": " << failure.message
                           << ')';
}

} // namespace omview
