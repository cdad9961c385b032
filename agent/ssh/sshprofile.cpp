#include "sshsettings.h"

#include <omview/ssh/sshprofile.h>

using namespace Qt::StringLiterals;

namespace omview {

std::optional<QString> SshProfile::problem() const {
    if (name.trimmed().isEmpty())
        return u"the profile has no name"_s;
    if (entryNodes.isEmpty())
        return u"profile \"%1\" names no entry node"_s.arg(name);
    if (const auto why = sshSettingsProblem(settings))
        return u"profile \"%1\": %2"_s.arg(name, *why);
    const auto all = targets();
    if (!all)
        return u"profile \"%1\": %2"_s.arg(name, all.error());
    return std::nullopt;
}

std::expected<QList<SshTarget>, QString> SshProfile::targets() const {
    QList<SshTarget> result;
    for (const QString &entry : entryNodes) {
        const auto parsed = SshTarget::fromDestination(entry);
        if (!parsed)
            return std::unexpected(u"entry node \"%1\": %2"_s.arg(entry, parsed.error()));
        SshTarget target = settings;
        target.host = parsed->host;
        if (!parsed->user.isEmpty())
            target.user = parsed->user;
        if (parsed->port)
            target.port = parsed->port;
        if (const auto why = target.problem())
            return std::unexpected(u"entry node \"%1\": %2"_s.arg(entry, *why));
        result.append(target);
    }
    return result;
}

QVariantMap SshProfile::toMap() const {
    QVariantMap shared = settings.toMap();
    shared.remove(u"host"_s);
    return {{u"name"_s, name}, {u"entryNodes"_s, entryNodes}, {u"settings"_s, shared}};
}

std::expected<SshProfile, QString> SshProfile::fromMap(const QVariantMap &map) {
    SshProfile profile;
    profile.name = map.value(u"name"_s).toString();
    const QVariant entries = map.value(u"entryNodes"_s);
    // QSettings gives a one-element list back as a plain string.
    if (entries.typeId() == QMetaType::QString)
        profile.entryNodes = QStringList{entries.toString()};
    else
        profile.entryNodes = entries.toStringList();
    QVariantMap shared = map.value(u"settings"_s).toMap();
    shared.remove(u"host"_s);
    auto settings = sshSettingsFromMap(shared);
    if (!settings)
        return std::unexpected(u"profile \"%1\": %2"_s.arg(profile.name, settings.error()));
    profile.settings = *settings;
    if (const auto why = profile.problem())
        return std::unexpected(*why);
    return profile;
}

} // namespace omview
