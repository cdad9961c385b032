#include "logging.h"

#include <QCoreApplication>
#include <algorithm>
#include <omview/console/profilestore.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

const QString Group = u"connections"_s;
const QString Array = u"profiles"_s;
const QString LastUsedKey = u"lastUsed"_s;
// Outside the group: where earlier versions kept it, so that users keep their choice.
const QString LastSshKey = u"config/lastSshProfile"_s;
const QString SshGroup = u"ssh"_s;

// The stored entries as they are, undecoded: rewriting the list keeps entries this
// version cannot read instead of dropping them.
QList<QVariantMap> readRaw(QSettings &s) {
    QList<QVariantMap> out;
    s.beginGroup(Group);
    const int n = s.beginReadArray(Array);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        QVariantMap map;
        for (const QString &key : s.childKeys())
            map.insert(key, s.value(key));
        if (s.childGroups().contains(SshGroup)) {
            s.beginGroup(SshGroup);
            QVariantMap ssh;
            for (const QString &key : s.childKeys())
                ssh.insert(key, s.value(key));
            s.endGroup();
            map.insert(SshGroup, ssh);
        }
        out.append(map);
    }
    s.endArray();
    s.endGroup();
    return out;
}

void writeRaw(QSettings &s, const QList<QVariantMap> &entries) {
    s.beginGroup(Group);
    s.remove(Array);
    s.beginWriteArray(Array, static_cast<int>(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        s.setArrayIndex(i);
        const QVariantMap &map = entries.at(i);
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (it.key() == SshGroup && it.value().canConvert<QVariantMap>()) {
                s.beginGroup(SshGroup);
                const QVariantMap ssh = it.value().toMap();
                for (auto j = ssh.cbegin(); j != ssh.cend(); ++j)
                    s.setValue(j.key(), j.value());
                s.endGroup();
            } else {
                s.setValue(it.key(), it.value());
            }
        }
    }
    s.endArray();
    s.endGroup();
}

} // namespace

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings) {}

QList<ConnectionProfile> ProfileStore::profiles() const {
    QList<ConnectionProfile> out;
    const QList<QVariantMap> raw = readRaw(m_settings);
    for (qsizetype i = 0; i < raw.size(); ++i) {
        auto profile = ConnectionProfile::fromMap(raw.at(i));
        if (!profile) {
            qCWarning(lcSession).noquote() << "skipping connection profile" << i + 1 << "in"
                                           << m_settings.fileName() << ":" << profile.error();
            continue;
        }
        out.append(*profile);
    }
    std::ranges::sort(out, {}, &ConnectionProfile::name);
    return out;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString &name) const {
    for (const ConnectionProfile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

std::expected<void, QString> ProfileStore::save(const ConnectionProfile &profile) {
    if (const auto why = profile.problem())
        return std::unexpected(*why);
    // What is written must read back: a profile the store would skip is refused now.
    if (const auto back = ConnectionProfile::fromMap(profile.toMap()); !back)
        return std::unexpected(back.error());
    QList<QVariantMap> raw = readRaw(m_settings);
    const auto same = std::ranges::find_if(
        raw, [&](const QVariantMap &m) { return m.value(u"name"_s).toString() == profile.name; });
    if (same != raw.end())
        *same = profile.toMap();
    else
        raw.append(profile.toMap());
    writeRaw(m_settings, raw);
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        return std::unexpected(ProfileStore::tr("cannot write %1").arg(m_settings.fileName()));
    return {};
}

bool ProfileStore::remove(const QString &name) {
    QList<QVariantMap> raw = readRaw(m_settings);
    const qsizetype removed =
        raw.removeIf([&](const QVariantMap &m) { return m.value(u"name"_s).toString() == name; });
    if (removed == 0)
        return false;
    writeRaw(m_settings, raw);
    if (lastUsed().isEmpty())
        m_settings.remove(Group + u'/' + LastUsedKey);
    m_settings.sync();
    return true;
}

QString ProfileStore::lastUsed() const {
    const QString name = m_settings.value(Group + u'/' + LastUsedKey).toString();
    if (name.isEmpty())
        return {};
    for (const QVariantMap &m : readRaw(m_settings)) {
        if (m.value(u"name"_s).toString() == name)
            return name;
    }
    return {};
}

void ProfileStore::setLastUsed(const QString &name) {
    m_settings.setValue(Group + u'/' + LastUsedKey, name);
    if (const auto p = profile(name); p && p->kind == ConnectionProfile::Kind::Ssh)
        m_settings.setValue(LastSshKey, name);
    m_settings.sync();
}

std::optional<ConnectionProfile> ProfileStore::preferredSsh() const {
    if (const auto last = profile(m_settings.value(LastSshKey).toString());
        last && last->kind == ConnectionProfile::Kind::Ssh)
        return last;
    for (const ConnectionProfile &p : profiles())
        if (p.kind == ConnectionProfile::Kind::Ssh)
            return p;
    return std::nullopt;
}

ConnectionProfile ProfileStore::preferredLocal() const {
    for (const ConnectionProfile &p : profiles())
        if (p.kind == ConnectionProfile::Kind::LocalSocket)
            return p;
    return ConnectionProfile::localSocket();
}

} // namespace omview
