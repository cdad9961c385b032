// A saved way into a cluster: entry nodes tried in order, with shared settings.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <expected>
#include <omview/ssh/sshtarget.h>
#include <optional>

namespace omview {

// A named connection profile as the console stores it in QSettings. Any entry
// node leads to the whole cluster (the agents forward requests), so the
// console uses the first that answers.
struct SshProfile {
    QString name;
    QStringList entryNodes; // destinations: "[user@]host[:port]"
    SshTarget settings;     // shared by every entry; its host is ignored

    // What is wrong, for people; nullopt when usable.
    std::optional<QString> problem() const;
    // One target per entry node: the shared settings with the entry's host,
    // and its user and port where the entry names them.
    std::expected<QList<SshTarget>, QString> targets() const;

    QVariantMap toMap() const;
    static std::expected<SshProfile, QString> fromMap(const QVariantMap &map);

    bool operator==(const SshProfile &) const = default;
};

} // namespace omview
