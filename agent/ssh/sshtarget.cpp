#include "sshsettings.h"

#include <QRegularExpression>
#include <omview/ssh/sshtarget.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

bool hasControlCharacters(QStringView text) {
    return std::ranges::any_of(text, [](QChar c) { return c.category() == QChar::Other_Control; });
}

bool hasSpaceOrControl(QStringView text) {
    return std::ranges::any_of(
        text, [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; });
}

// Host names, addresses and config aliases: what libssh takes as a host
// without splitting it ('@' would make it a user) or misreading it.
std::optional<QString> hostProblem(const QString &host) {
    if (host.isEmpty())
        return u"no host given"_s;
    if (hasSpaceOrControl(host))
        return u"host \"%1\" contains spaces or control characters"_s.arg(host);
    if (host.contains(u'@') || host.contains(u'/') || host.contains(u','))
        return u"host \"%1\" contains '@', '/' or ','"_s.arg(host);
    if (host.startsWith(u'-'))
        return u"host \"%1\" starts with '-'"_s.arg(host);
    return std::nullopt;
}

QString accessName(AgentAccess access) {
    switch (access) {
    case AgentAccess::Auto:
        return u"auto"_s;
    case AgentAccess::Socket:
        return u"socket"_s;
    case AgentAccess::Bridge:
        return u"bridge"_s;
    }
    return u"auto"_s;
}

std::optional<AgentAccess> accessFromName(const QString &name) {
    if (name == u"auto")
        return AgentAccess::Auto;
    if (name == u"socket")
        return AgentAccess::Socket;
    if (name == u"bridge")
        return AgentAccess::Bridge;
    return std::nullopt;
}

// Reads the fields of a map without judging the result as a whole.
std::expected<SshTarget, QString> fieldsFromMap(const QVariantMap &map) {
    SshTarget t;
    QString error;
    const auto text = [&](const QString &key, QString &field) {
        if (!map.contains(key) || !error.isEmpty())
            return;
        const QVariant v = map.value(key);
        if (v.typeId() != QMetaType::QString && v.typeId() != QMetaType::QByteArray) {
            error = u"%1: expected text"_s.arg(key);
            return;
        }
        field = v.toString();
    };
    const auto flag = [&](const QString &key, bool &field) {
        if (!map.contains(key) || !error.isEmpty())
            return;
        const QVariant v = map.value(key);
        if (v.typeId() == QMetaType::Bool) {
            field = v.toBool();
            return;
        }
        // QSettings' INI files return booleans as text.
        const QString s = v.toString().toLower();
        if (s == u"true" || s == u"1")
            field = true;
        else if (s == u"false" || s == u"0")
            field = false;
        else
            error = u"%1: expected true or false, got \"%2\""_s.arg(key, v.toString());
    };
    const auto number = [&](const QString &key, qint64 min, qint64 max) -> std::optional<qint64> {
        if (!map.contains(key) || !error.isEmpty())
            return std::nullopt;
        bool ok = false;
        const qint64 n = map.value(key).toLongLong(&ok);
        if (!ok || n < min || n > max) {
            error = u"%1: expected a whole number in %2..%3, got \"%4\""_s.arg(key)
                        .arg(min)
                        .arg(max)
                        .arg(map.value(key).toString());
            return std::nullopt;
        }
        return n;
    };

    text(u"host"_s, t.host);
    if (const auto port = number(u"port"_s, 1, 65535))
        t.port = static_cast<quint16>(*port);
    text(u"user"_s, t.user);
    text(u"identityFile"_s, t.identityFile);
    flag(u"useSshAgent"_s, t.useSshAgent);
    text(u"sshAgentSocket"_s, t.sshAgentSocket);
    text(u"proxyJump"_s, t.proxyJump);
    text(u"knownHostsFile"_s, t.knownHostsFile);
    flag(u"readConfig"_s, t.readConfig);
    text(u"configFile"_s, t.configFile);
    text(u"sshDirectory"_s, t.sshDirectory);
    QString access;
    text(u"access"_s, access);
    if (error.isEmpty() && map.contains(u"access"_s)) {
        const auto a = accessFromName(access);
        if (!a)
            error = u"access: expected auto, socket or bridge, got \"%1\""_s.arg(access);
        else
            t.access = *a;
    }
    text(u"agentSocket"_s, t.agentSocket);
    text(u"bridgeCommand"_s, t.bridgeCommand);
    if (const auto ms = number(u"connectTimeoutMs"_s, 1, 3600000))
        t.connectTimeout = std::chrono::milliseconds(*ms);
    if (const auto ms = number(u"keepaliveIntervalMs"_s, 0, 3600000))
        t.keepaliveInterval = std::chrono::milliseconds(*ms);
    if (const auto n = number(u"keepaliveCountMax"_s, 1, 1000))
        t.keepaliveCountMax = static_cast<int>(*n);
    if (!error.isEmpty())
        return std::unexpected(error);
    return t;
}

// The checks shared by a target and a profile's shared settings (no host).
std::optional<QString> settingsProblem(const SshTarget &t) {
    if (t.port && *t.port == 0)
        return u"port 0 is not a port"_s;
    if (hasSpaceOrControl(t.user))
        return u"user \"%1\" contains spaces or control characters"_s.arg(t.user);
    for (const QString *path : {&t.identityFile, &t.sshAgentSocket, &t.knownHostsFile,
                                &t.configFile, &t.sshDirectory, &t.agentSocket}) {
        if (hasControlCharacters(*path))
            return u"path \"%1\" contains control characters"_s.arg(*path);
    }
    if (!t.proxyJump.isEmpty() && t.proxyJump != u"none") {
        for (const QString &hop : t.proxyJump.split(u',')) {
            const auto parsed = SshTarget::fromDestination(hop.trimmed());
            if (!parsed)
                return u"proxy jump \"%1\": %2"_s.arg(hop, parsed.error());
        }
    }
    if (t.access != AgentAccess::Bridge) {
        if (!t.agentSocket.startsWith(u'/'))
            return u"the agent's socket must be an absolute path, not \"%1\""_s.arg(t.agentSocket);
    }
    if (t.access != AgentAccess::Socket) {
        if (t.bridgeCommand.trimmed().isEmpty())
            return u"no bridge command given"_s;
        if (hasControlCharacters(t.bridgeCommand))
            return u"the bridge command contains control characters"_s;
        if (!t.agentSocket.isEmpty() && !t.agentSocket.startsWith(u'/'))
            return u"the agent's socket must be an absolute path, not \"%1\""_s.arg(t.agentSocket);
    }
    if (t.connectTimeout < std::chrono::milliseconds(1))
        return u"the connect timeout must be positive"_s;
    if (t.keepaliveInterval < std::chrono::milliseconds(0))
        return u"the keepalive interval cannot be negative"_s;
    if (t.keepaliveCountMax < 1)
        return u"the keepalive count must be at least 1"_s;
    return std::nullopt;
}

} // namespace

std::expected<SshTarget, QString> SshTarget::fromDestination(QStringView destination) {
    QStringView rest = destination.trimmed();
    if (rest.startsWith(u"ssh://"))
        rest = rest.mid(6);
    if (rest.endsWith(u'/')) // ssh://host/ as URLs are often written
        rest.chop(1);
    SshTarget t;
    if (const qsizetype at = rest.lastIndexOf(u'@'); at >= 0) {
        t.user = rest.left(at).toString();
        rest = rest.mid(at + 1);
        if (t.user.isEmpty())
            return std::unexpected(u"empty user name before '@'"_s);
    }
    QStringView portText;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return std::unexpected(u"unmatched '[' in \"%1\""_s.arg(destination));
        const QStringView after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':'))
                return std::unexpected(u"unexpected text after ']' in \"%1\""_s.arg(destination));
            portText = after.mid(1);
            if (portText.isEmpty())
                return std::unexpected(u"empty port in \"%1\""_s.arg(destination));
        }
        rest = rest.mid(1, close - 1);
    } else if (rest.count(u':') == 1) {
        const qsizetype colon = rest.indexOf(u':');
        portText = rest.mid(colon + 1);
        rest = rest.left(colon);
        if (portText.isEmpty())
            return std::unexpected(u"empty port in \"%1\""_s.arg(destination));
    }
    // More than one ':' without brackets: an IPv6 address without a port.
    t.host = rest.toString();
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok, 10);
        if (!ok || port == 0 || port > 65535)
            return std::unexpected(
                u"port \"%1\" is not a number in 1..65535"_s.arg(portText.toString()));
        t.port = static_cast<quint16>(port);
    }
    if (const auto why = hostProblem(t.host))
        return std::unexpected(*why);
    if (hasSpaceOrControl(t.user))
        return std::unexpected(u"user \"%1\" contains spaces or control characters"_s.arg(t.user));
    return t;
}

std::optional<QString> SshTarget::problem() const {
    if (const auto why = hostProblem(host))
        return why;
    return settingsProblem(*this);
}

QString SshTarget::destination() const {
    QString text = host.contains(u':') ? u"[%1]"_s.arg(host) : host;
    if (!user.isEmpty())
        text.prepend(user + u'@');
    if (port)
        text += u":%1"_s.arg(*port);
    return text;
}

QString SshTarget::bridgeCommandLine() const {
    QString command = bridgeCommand.trimmed();
    if (!agentSocket.isEmpty() && agentSocket != DefaultAgentSocket)
        command += u" --socket "_s + shellQuoted(agentSocket);
    return command;
}

QString shellQuoted(const QString &argument) {
    static const QRegularExpression safe(u"^[A-Za-z0-9_./:=@%+,-]+$"_s);
    if (safe.match(argument).hasMatch())
        return argument;
    QString quoted = argument;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QVariantMap SshTarget::toMap() const {
    QVariantMap map{
        {u"host"_s, host},
        {u"user"_s, user},
        {u"identityFile"_s, identityFile},
        {u"useSshAgent"_s, useSshAgent},
        {u"sshAgentSocket"_s, sshAgentSocket},
        {u"proxyJump"_s, proxyJump},
        {u"knownHostsFile"_s, knownHostsFile},
        {u"readConfig"_s, readConfig},
        {u"configFile"_s, configFile},
        {u"sshDirectory"_s, sshDirectory},
        {u"access"_s, accessName(access)},
        {u"agentSocket"_s, agentSocket},
        {u"bridgeCommand"_s, bridgeCommand},
        {u"connectTimeoutMs"_s, qint64(connectTimeout.count())},
        {u"keepaliveIntervalMs"_s, qint64(keepaliveInterval.count())},
        {u"keepaliveCountMax"_s, keepaliveCountMax},
    };
    if (port)
        map.insert(u"port"_s, int(*port));
    return map;
}

std::expected<SshTarget, QString> SshTarget::fromMap(const QVariantMap &map) {
    auto target = fieldsFromMap(map);
    if (!target)
        return target;
    if (const auto why = target->problem())
        return std::unexpected(*why);
    return target;
}

// Shared with sshprofile.cpp.
std::expected<SshTarget, QString> sshSettingsFromMap(const QVariantMap &map) {
    auto settings = fieldsFromMap(map);
    if (!settings)
        return settings;
    if (const auto why = settingsProblem(*settings))
        return std::unexpected(*why);
    return settings;
}

std::optional<QString> sshSettingsProblem(const SshTarget &settings) {
    return settingsProblem(settings);
}

} // namespace omview
