// omagentd's settings: defaults, then /etc/omview/omagentd.conf, then the command line.
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <expected>
#include <omview/hpc/hpcbackend.h>

namespace omview::agent {

using HpcMode = omview::hpc::HpcMode;

// Everything omagentd can be told; every field is a config key and a command-line option
// (the table in config.cpp), so several agents can share one machine in tests and the demo.
struct AgentConfig {
    QString configFile = QStringLiteral("/etc/omview/omagentd.conf");

    HpcMode hpc = HpcMode::Auto;
    QString hpcRoot = QStringLiteral("/proc/hpc");
    QString procRoot = QStringLiteral("/proc");

    QString socketPath = QStringLiteral("/run/omview/omagentd.sock");
    // Images pass through here during a move: a memory file system (/run), 0700, emptied
    // when each move ends.
    QString imageDir = QStringLiteral("/run/omview/migrations");
    QString adminGroup = QStringLiteral("omview");

    std::uint32_t nodeId = 0; // 0 = from the backend's mospe, else from the map by local address
    QString mapFile = QStringLiteral("/etc/openmosix.map");
    bool discovery = false;
    QString discoveryInterface;
    QHostAddress discoveryGroup{QStringLiteral("239.255.54.28")};
    std::uint16_t discoveryPort = 5429;
    QString clusterKeyFile = QStringLiteral("/etc/omview/cluster.key");
    QHostAddress bindAddress;         // null = this node's address in the map
    std::uint16_t gossipPort = 5428;  // UDP: load records
    std::uint16_t channelPort = 5428; // TCP: forwarded requests

    int intervalMs = 1000;
};

// A configuration error, worded for the operator: where it is (file and key, or the option)
// and what is wrong with the value.
struct ConfigError {
    QString message;
};

// Exit status for a configuration error, as sysexits' EX_USAGE is too specific for a config file.
inline constexpr int ConfigErrorExit = 2;

// What the command line asked for beyond the configuration.
struct Invocation {
    AgentConfig config;
    bool bridge = false; // relay stdin/stdout to the socket instead of serving
};

// Parses @arguments (argv including the program name). The config file named by --config
// (default /etc/omview/omagentd.conf) is read if it exists; naming a missing file is an error.
// --help and --version print and exit from inside, as QCommandLineParser does.
std::expected<Invocation, ConfigError> parseInvocation(const QStringList &arguments);

// Reads @path over @base. Unknown sections or keys, malformed values and an unreadable or
// malformed file are errors naming the file and the key.
std::expected<AgentConfig, ConfigError> loadConfigFile(const QString &path, AgentConfig base);

QString hpcModeName(HpcMode mode);

} // namespace omview::agent
