// omcollectord's settings (command line over /etc/omview/omcollectord.conf)
// and its two ways to run: the daemon, or `ctl` talking to a running one.
#pragma once

#include <QString>
#include <QStringList>
#include <chrono>
#include <expected>
#include <omview/collector/controlprotocol.h>
#include <omview/store/storewriter.h>
#include <optional>
#include <variant>

namespace omview::collector {

inline constexpr int ConfigErrorExit = 2; // systemd: do not restart, fix the configuration

struct CollectorConfig {
    QString database;       // default: defaultDatabasePath()
    QString controlSocket;  // default: defaultControlSocket()
    QString agentSocket;    // the agent's socket: local, or on the SSH host
    QString sshDestination; // "[user@]host[:port]": reach the agent over SSH
    QString sshIdentity;    // a key file to try first
    QString sshKnownHosts;  // known_hosts to check the host key against
    // Process snapshots every this often; zero records none.
    std::chrono::seconds processInterval{10};
    store::Retention retention;
    store::Durability durability = store::Durability::Full;
    std::chrono::milliseconds retryInterval{10000};
    QString configFile; // the file read, if any
    bool databaseIsDefault = true;
    bool controlSocketIsDefault = true;
};

// `omcollectord ctl ...`
struct CtlCommand {
    enum class Kind { Status, Checkpoint, Save, Stop };
    Kind kind = Kind::Status;
    QString controlSocket;
    bool json = false; // status: the raw JSON result
    CheckpointParams checkpoint;
    SaveParams save;
};

struct ConfigError {
    QString message;
};

using Invocation = std::variant<CollectorConfig, CtlCommand>;

// Parses the arguments (argv[0] first). --help and --version print and exit
// the process, as QCommandLineParser does. Relative files of `ctl save`
// resolve against @p workingDirectory; times against @p now.
std::expected<Invocation, ConfigError> parseInvocation(const QStringList &arguments,
                                                       const QString &workingDirectory,
                                                       const QDateTime &now);

// Reads an INI file over @p config: keys as in the man page ("store/database").
std::expected<CollectorConfig, ConfigError> loadConfigFile(const QString &path,
                                                           CollectorConfig config);

// Whether this build reaches agents over SSH (omsshtransport was available).
bool sshSupported();

} // namespace omview::collector
