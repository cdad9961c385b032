#include <QCoreApplication>
#include <omview/console/connectionprofile.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

const QString KindLocal = u"local"_s;
const QString KindSsh = u"ssh"_s;

} // namespace

ConnectionProfile ConnectionProfile::localSocket(const QString &socketPath, const QString &name) {
    ConnectionProfile p;
    p.kind = Kind::LocalSocket;
    p.socketPath = socketPath;
    p.name = name.isEmpty() ? p.description() : name;
    return p;
}

ConnectionProfile ConnectionProfile::overSsh(const SshTarget &target, const QString &name) {
    ConnectionProfile p;
    p.kind = Kind::Ssh;
    p.ssh = target;
    p.name = name.isEmpty() ? p.description() : name;
    return p;
}

std::optional<QString> ConnectionProfile::problem() const {
    if (name.trimmed().isEmpty())
        return ConnectionProfile::tr("the profile has no name");
    switch (kind) {
    case Kind::LocalSocket:
        if (socketPath.isEmpty())
            return ConnectionProfile::tr("profile \"%1\": no socket path").arg(name);
        return std::nullopt;
    case Kind::Ssh:
        if (const auto why = ssh.problem())
            return ConnectionProfile::tr("profile \"%1\": %2").arg(name, *why);
        return std::nullopt;
    }
    return ConnectionProfile::tr("profile \"%1\": unknown kind").arg(name);
}

QVariantMap ConnectionProfile::toMap() const {
    QVariantMap map{{u"name"_s, name}, {u"kind"_s, kind == Kind::Ssh ? KindSsh : KindLocal}};
    if (kind == Kind::LocalSocket)
        map.insert(u"socket"_s, socketPath);
    else
        map.insert(u"ssh"_s, ssh.toMap());
    return map;
}

std::expected<ConnectionProfile, QString> ConnectionProfile::fromMap(const QVariantMap &map) {
    static const QStringList known{u"name"_s, u"kind"_s, u"socket"_s, u"ssh"_s};
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!known.contains(it.key()))
            return std::unexpected(
                ConnectionProfile::tr("%1: not a connection profile setting").arg(it.key()));
    }
    ConnectionProfile p;
    const QVariant name = map.value(u"name"_s);
    if (name.typeId() != QMetaType::QString || name.toString().trimmed().isEmpty())
        return std::unexpected(ConnectionProfile::tr("name: missing or empty"));
    p.name = name.toString();
    const QString kind = map.value(u"kind"_s).toString();
    if (kind == KindLocal) {
        p.kind = Kind::LocalSocket;
        if (map.contains(u"ssh"_s))
            return std::unexpected(
                ConnectionProfile::tr("profile \"%1\": ssh: not used by a local socket profile")
                    .arg(p.name));
        p.socketPath = map.value(u"socket"_s).toString();
        if (p.socketPath.isEmpty())
            return std::unexpected(
                ConnectionProfile::tr("profile \"%1\": socket: missing or empty").arg(p.name));
    } else if (kind == KindSsh) {
        p.kind = Kind::Ssh;
        if (map.contains(u"socket"_s))
            return std::unexpected(
                ConnectionProfile::tr("profile \"%1\": socket: not used by an SSH profile")
                    .arg(p.name));
        const QVariant ssh = map.value(u"ssh"_s);
        if (!ssh.canConvert<QVariantMap>() || ssh.toMap().isEmpty())
            return std::unexpected(
                ConnectionProfile::tr("profile \"%1\": ssh: missing").arg(p.name));
        auto target = SshTarget::fromMap(ssh.toMap());
        if (!target)
            return std::unexpected(
                ConnectionProfile::tr("profile \"%1\": ssh: %2").arg(p.name, target.error()));
        p.ssh = *target;
    } else {
        return std::unexpected(
            ConnectionProfile::tr("profile \"%1\": kind: \"%2\" is neither \"local\" nor \"ssh\"")
                .arg(p.name, kind));
    }
    return p;
}

QString ConnectionProfile::description() const {
    if (kind == Kind::Ssh)
        return ssh.destination();
    return ConnectionProfile::tr("local socket %1").arg(socketPath);
}

} // namespace omview
