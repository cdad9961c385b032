// Where and how the console reaches one node's agent over SSH: the host, the
// credentials to try, and the way to the agent's socket on the node.
#pragma once

#include <QMetaType>
#include <QString>
#include <QVariantMap>
#include <chrono>
#include <cstdint>
#include <expected>
#include <optional>

namespace omview {

// How the connection reaches omagentd once SSH is up.
enum class AgentAccess {
    Auto,   // direct-streamlocal to the socket; if the server refuses, the bridge
    Socket, // direct-streamlocal only
    Bridge, // exec `omagentd --bridge` only
};

// The way a connection actually took to the agent.
enum class AgentRoute { None, Socket, Bridge };

// The connection settings of one node. Empty/unset fields defer to
// ~/.ssh/config (or configFile) and then to OpenSSH's defaults, as `ssh` does;
// fields that are set win over the config file.
struct SshTarget {
    static inline const QString DefaultAgentSocket = QStringLiteral("/run/omview/omagentd.sock");
    static inline const QString DefaultBridgeCommand = QStringLiteral("omagentd --bridge");
    static constexpr std::chrono::milliseconds DefaultConnectTimeout{15000};
    static constexpr std::chrono::milliseconds DefaultKeepaliveInterval{15000};
    static constexpr int DefaultKeepaliveCountMax = 3;

    QString host;                // name, address or a Host alias of the config file
    std::optional<quint16> port; // unset: the config's Port, else 22
    QString user;                // empty: the config's User, else the local user
    QString identityFile;        // tried before the config's and the default identities
    bool useSshAgent = true;     // offer the keys of ssh-agent
    QString sshAgentSocket;      // empty: $SSH_AUTH_SOCK (or the config's IdentityAgent)
    QString proxyJump;           // "[user@]host[:port][,...]"; empty: the config's ProxyJump
    QString knownHostsFile;      // empty: the config's UserKnownHostsFile, else ~/.ssh/known_hosts
    bool readConfig = true;      // honour the OpenSSH client configuration
    QString configFile;          // empty: ~/.ssh/config then /etc/ssh/ssh_config
    QString sshDirectory;        // empty: ~/.ssh (default identities, config, known_hosts)

    AgentAccess access = AgentAccess::Auto;
    QString agentSocket = DefaultAgentSocket;     // omagentd's socket on the node
    QString bridgeCommand = DefaultBridgeCommand; // run by the remote shell

    // From open() to Ready, not counting the time a question waits for the user.
    std::chrono::milliseconds connectTimeout = DefaultConnectTimeout;
    // A probe after each interval without traffic; the connection counts as
    // lost after keepaliveCountMax unanswered probes. Zero turns probing off.
    std::chrono::milliseconds keepaliveInterval = DefaultKeepaliveInterval;
    int keepaliveCountMax = DefaultKeepaliveCountMax;

    // Parses "[ssh://][user@]host[:port]" (IPv6 addresses in brackets) into a
    // target with default settings.
    static std::expected<SshTarget, QString> fromDestination(QStringView destination);

    // What is wrong with these settings, for people; nullopt when usable.
    std::optional<QString> problem() const;
    // "user@host:port" with what is set, for titles and messages.
    QString destination() const;
    // The command the bridge route runs: bridgeCommand, plus --socket when
    // agentSocket is not the default, quoted for a POSIX shell.
    QString bridgeCommandLine() const;

    // For QSettings: every field under a stable key; fromMap() validates.
    QVariantMap toMap() const;
    static std::expected<SshTarget, QString> fromMap(const QVariantMap &map);

    bool operator==(const SshTarget &) const = default;
};

// Quotes an argument for a POSIX shell so that it arrives as one word.
QString shellQuoted(const QString &argument);

} // namespace omview

Q_DECLARE_METATYPE(omview::SshTarget)
Q_DECLARE_METATYPE(omview::AgentAccess)
Q_DECLARE_METATYPE(omview::AgentRoute)
