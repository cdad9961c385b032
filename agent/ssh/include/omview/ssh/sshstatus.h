// What an SSH connection is doing, why it failed, and the questions it asks
// the user on the way (host key, password, keyboard-interactive).
#pragma once

#include <QDebug>
#include <QList>
#include <QMetaType>
#include <QString>

namespace omview {

// The steps of a connection, in order; Failed carries an SshFailure.
enum class SshState {
    Disconnected,
    ResolvingHost,
    Connecting,
    VerifyingHostKey,
    Authenticating,
    OpeningChannel,
    Ready,
    Failed,
};

// "resolving host", for status lines.
QString describe(SshState state);
QDebug operator<<(QDebug debug, SshState state);

// Why a connection failed or ended, with a message for people.
struct SshFailure {
    enum class Kind {
        InvalidTarget,           // the settings cannot work (nothing was tried)
        Unreachable,             // name resolution, refused, no route, jump host
        Timeout,                 // connectTimeout passed before Ready
        HostKeyUnknownRejected,  // the user declined a new host key
        HostKeyChanged,          // known_hosts has another key: refused, never asked
        HostKeyError,            // known_hosts unreadable or not writable
        AuthenticationFailed,    // every method was refused
        AuthenticationCancelled, // the user cancelled a prompt
        AgentUnreachable,        // SSH works, the agent's socket and bridge do not
        ConnectionLost,          // after Ready: closed, reset or keepalive unanswered
        ProtocolError,           // the agent sent a line longer than allowed
    };

    Kind kind = Kind::Unreachable;
    QString message;

    // True when trying again later may succeed without the user changing
    // anything: not for refused keys, credentials or settings.
    bool retryable() const;

    bool operator==(const SshFailure &) const = default;
};

QString describe(SshFailure::Kind kind);
QDebug operator<<(QDebug debug, const SshFailure &failure);

// An unknown host key, shown to the user to accept or reject.
struct HostKeyPrompt {
    QString host;           // as known_hosts records it: "node1" or "[10.0.0.1]:2222"
    QString keyType;        // "ssh-ed25519"
    QString fingerprint;    // "SHA256:<base64>", as ssh-keygen -l prints it
    QString knownHostsFile; // where an accepted key is written

    bool operator==(const HostKeyPrompt &) const = default;
};

// A request for secrets: a password, or the questions of a
// keyboard-interactive round (PAM, one-time codes).
struct CredentialsPrompt {
    enum class Kind { Password, KeyboardInteractive };
    struct Field {
        QString prompt;
        bool echo = false; // false: a secret, hide what is typed
        bool operator==(const Field &) const = default;
    };

    Kind kind = Kind::Password;
    QString user;
    QString host;
    QString name;        // the server's title of a keyboard-interactive round
    QString instruction; // its explanation, or "Permission denied, please try again."
    QList<Field> fields; // one answer per field
    int attempt = 1;     // 2 and more after a refused answer

    bool operator==(const CredentialsPrompt &) const = default;
};

} // namespace omview

Q_DECLARE_METATYPE(omview::SshState)
Q_DECLARE_METATYPE(omview::SshFailure)
Q_DECLARE_METATYPE(omview::HostKeyPrompt)
Q_DECLARE_METATYPE(omview::CredentialsPrompt)
