// A saved way to reach a cluster: the local agent socket, or SSH to an entry node.
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QVariantMap>
#include <expected>
#include <omview/ssh/sshtarget.h>
#include <optional>

namespace omview {

// A named connection as the console keeps it. Any node leads to the whole
// cluster (the entry agent forwards requests), so one entry is enough.
struct ConnectionProfile {
    Q_DECLARE_TR_FUNCTIONS(omview::ConnectionProfile)

public:
    enum class Kind { LocalSocket, Ssh };

    // The agent's socket on the node the console runs on.
    static inline const QString DefaultSocketPath = SshTarget::DefaultAgentSocket;

    QString name; // shown in menus; unique in the store
    Kind kind = Kind::LocalSocket;
    QString socketPath = DefaultSocketPath; // LocalSocket: the agent's socket
    SshTarget ssh; // Ssh: host, port, user, identity, known_hosts, config, agentSocket ...

    // A profile for the local socket / for SSH to `target`, named after where it leads
    // unless a name is given.
    static ConnectionProfile localSocket(const QString &socketPath = DefaultSocketPath,
                                         const QString &name = {});
    static ConnectionProfile overSsh(const SshTarget &target, const QString &name = {});

    // What is wrong, for people ("the profile has no name"); nullopt when usable.
    std::optional<QString> problem() const;

    // For QSettings: every field under a stable key; fromMap() validates and names the bad key.
    QVariantMap toMap() const;
    static std::expected<ConnectionProfile, QString> fromMap(const QVariantMap &map);

    // "root@node1:22" or "local socket /run/omview/omagentd.sock" (tr'd).
    QString description() const;

    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace omview

Q_DECLARE_METATYPE(omview::ConnectionProfile)
