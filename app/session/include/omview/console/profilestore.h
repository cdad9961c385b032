// Connection profiles kept in QSettings (group "connections"), with the last one used.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSettings>
#include <QString>
#include <expected>
#include <omview/console/connectionprofile.h>
#include <optional>

namespace omview {

// Reads and writes profiles in a QSettings the caller owns (the user's, or an
// INI file given with --settings). An entry that no longer decodes is skipped
// with a warning naming it, never half-loaded.
class ProfileStore {
    Q_DECLARE_TR_FUNCTIONS(omview::ProfileStore)

public:
    explicit ProfileStore(QSettings &settings);

    // Every valid profile, sorted by name.
    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &name) const;
    // Adds or replaces the profile of that name; refuses an unusable one, changing nothing.
    std::expected<void, QString> save(const ConnectionProfile &profile);
    // False when there was no such profile.
    bool remove(const QString &name);

    // The name of the profile used last, "" if none (or it was removed).
    QString lastUsed() const;
    // Records @name as used last (and, an SSH profile, as the SSH profile used last).
    void setLastUsed(const QString &name);

    // What Config → Use SSH switches to: the SSH profile used last, else the first SSH
    // profile; nullopt when there is none.
    std::optional<ConnectionProfile> preferredSsh() const;
    // What unchecking it switches to: the first local-socket profile, else the default one.
    ConnectionProfile preferredLocal() const;

private:
    QSettings &m_settings;
};

} // namespace omview
