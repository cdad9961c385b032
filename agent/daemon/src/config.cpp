#include "omview/agent/config.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <algorithm>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace omview::agent {

namespace {

// Returns an explanation when @value is not acceptable.
using Setter = std::function<std::optional<QString>(AgentConfig &, const QString &value)>;

struct Setting {
    QString key;    // "section/key" in the INI file
    QString option; // long command-line option
    QString valueName;
    QString help;
    Setter set;
};

std::optional<QString> setUnsigned(const QString &value, std::uint64_t min, std::uint64_t max,
                                   const std::function<void(std::uint64_t)> &store) {
    bool ok = false;
    const std::uint64_t v = value.trimmed().toULongLong(&ok, 10);
    if (!ok || v < min || v > max)
        return QStringLiteral("expected an integer in %1..%2, got \"%3\"")
            .arg(min)
            .arg(max)
            .arg(value);
    store(v);
    return std::nullopt;
}

std::optional<QString> setPort(const QString &value, std::uint16_t &field) {
    return setUnsigned(value, 1, 65535,
                       [&](std::uint64_t v) { field = static_cast<std::uint16_t>(v); });
}

std::optional<QString> setPath(const QString &value, QString &field) {
    const QString v = value.trimmed();
    if (v.isEmpty() || !v.startsWith(u'/'))
        return QStringLiteral("expected an absolute path, got \"%1\"").arg(value);
    field = v;
    return std::nullopt;
}

std::optional<QString> setAddress(const QString &value, QHostAddress &field, bool multicast) {
    QHostAddress a;
    if (!a.setAddress(value.trimmed()))
        return QStringLiteral("expected a numeric IPv4 or IPv6 address, got \"%1\"").arg(value);
    if (multicast && !a.isMulticast())
        return QStringLiteral("expected a multicast address, got \"%1\"").arg(value);
    field = a;
    return std::nullopt;
}

std::optional<QString> setBool(const QString &value, bool &field) {
    const QString v = value.trimmed().toLower();
    if (v == u"true" || v == u"yes" || v == u"on" || v == u"1")
        field = true;
    else if (v == u"false" || v == u"no" || v == u"off" || v == u"0")
        field = false;
    else
        return QStringLiteral("expected true or false, got \"%1\"").arg(value);
    return std::nullopt;
}

const QList<Setting> &settings() {
    static const QList<Setting> table = {
        {u"hpc/backend"_s, u"hpc"_s, u"auto|proc|emulated"_s,
         u"The /proc/hpc backend: proc needs hpc.ko, emulated runs it in-process, auto picks."_s,
         [](AgentConfig &c, const QString &v) -> std::optional<QString> {
             const auto mode = hpc::parseHpcMode(v.trimmed());
             if (!mode)
                 return mode.error();
             c.hpc = *mode;
             return std::nullopt;
         }},
        {u"hpc/root"_s, u"hpc-root"_s, u"dir"_s, u"Where the module's tree is (/proc/hpc)."_s,
         [](AgentConfig &c, const QString &v) {
             return setPath(v, c.hpcRoot);
         }},
        {u"hpc/proc-root"_s, u"proc-root"_s, u"dir"_s, u"The process file system (/proc)."_s,
         [](AgentConfig &c, const QString &v) {
             return setPath(v, c.procRoot);
         }},
        {u"migration/image-dir"_s, u"image-dir"_s, u"dir"_s,
         u"Where checkpoint images pass through during a move (root only, emptied after)."_s,
         [](AgentConfig &c, const QString &v) {
             return setPath(v, c.imageDir);
         }},
        {u"server/socket"_s, u"socket"_s, u"path"_s, u"The local API socket."_s,
         [](AgentConfig &c, const QString &v) {
             return setPath(v, c.socketPath);
         }},
        {u"server/admin-group"_s, u"admin-group"_s, u"group"_s,
         u"Members of this group may use the socket (besides root)."_s,
         [](AgentConfig &c, const QString &v) -> std::optional<QString> {
             if (v.trimmed().isEmpty() || v.contains(u'/') || v.contains(u':'))
                 return QStringLiteral("expected a group name, got \"%1\"").arg(v);
             c.adminGroup = v.trimmed();
             return std::nullopt;
         }},
        {u"cluster/node-id"_s, u"node-id"_s, u"id"_s,
         u"This node's ID; 0 = the backend's mospe, else found in the map."_s,
         [](AgentConfig &c, const QString &v) {
             return setUnsigned(v, 0, 65535,
                                [&](std::uint64_t n) { c.nodeId = static_cast<std::uint32_t>(n); });
         }},
        {u"cluster/map"_s, u"map"_s, u"file"_s, u"The node map (/etc/openmosix.map)."_s,
         [](AgentConfig &c, const QString &v) {
             return setPath(v, c.mapFile);
         }},
        {u"cluster/discovery"_s, QString(), QString(),
         u"Find peers by multicast instead of the map."_s,
         [](AgentConfig &c, const QString &v) {
             return setBool(v, c.discovery);
         }},
        {u"cluster/discovery-interface"_s, u"discovery-interface"_s, u"ifname"_s,
         u"Interface for discovery multicast and this node's address (default: the system's choice)."_s,
         [](AgentConfig &c, const QString &v) -> std::optional<QString> {
             if (v.trimmed().size() > 15 || v.contains(u'/'))
                 return QStringLiteral("expected an interface name, got \"%1\"").arg(v);
             c.discoveryInterface = v.trimmed();
             return std::nullopt;
         }},
        {u"cluster/discovery-group"_s, u"discovery-group"_s, u"address"_s,
         u"Multicast group for discovery."_s,
         [](AgentConfig &c, const QString &v) {
             return setAddress(v, c.discoveryGroup, true);
         }},
        {u"cluster/discovery-port"_s, u"discovery-port"_s, u"port"_s, u"UDP port for discovery."_s,
         [](AgentConfig &c, const QString &v) {
             return setPort(v, c.discoveryPort);
         }},
        {u"cluster/key"_s, u"cluster-key"_s, u"file"_s,
         u"The shared key that authenticates peers."_s,
         [](AgentConfig &c, const QString &v) {
             return setPath(v, c.clusterKeyFile);
         }},
        {u"cluster/bind"_s, u"bind"_s, u"address"_s,
         u"Address the peer ports listen on (default: this node's map address)."_s,
         [](AgentConfig &c, const QString &v) {
             return setAddress(v, c.bindAddress, false);
         }},
        {u"cluster/gossip-port"_s, u"gossip-port"_s, u"port"_s, u"UDP port of the load exchange."_s,
         [](AgentConfig &c, const QString &v) {
             return setPort(v, c.gossipPort);
         }},
        {u"cluster/channel-port"_s, u"channel-port"_s, u"port"_s,
         u"TCP port of the peer channel (forwarded requests)."_s,
         [](AgentConfig &c, const QString &v) {
             return setPort(v, c.channelPort);
         }},
        {u"sampling/interval"_s, u"interval"_s, u"ms"_s,
         u"Sampling interval in milliseconds (100..60000)."_s,
         [](AgentConfig &c, const QString &v) {
             return setUnsigned(v, 100, 60000,
                                [&](std::uint64_t n) { c.intervalMs = static_cast<int>(n); });
         }},
    };
    return table;
}

QString valueText(const QVariant &v) {
    // QSettings splits unquoted values at commas; the keys here take single values, so a
    // list is joined back and the setter judges the text as written.
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList().join(u',');
    return v.toString();
}

} // namespace

QString hpcModeName(HpcMode mode) {
    switch (mode) {
    case HpcMode::Auto:
        return u"auto"_s;
    case HpcMode::Proc:
        return u"proc"_s;
    case HpcMode::Emulated:
        return u"emulated"_s;
    }
    return u"auto"_s;
}

std::expected<AgentConfig, ConfigError> loadConfigFile(const QString &path, AgentConfig config) {
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly))
        return std::unexpected(
            ConfigError{u"%1: cannot read: %2"_s.arg(path, probe.errorString())});
    probe.close();

    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return std::unexpected(ConfigError{u"%1: not a valid INI file"_s.arg(path)});

    for (const QString &key : ini.allKeys()) {
        const auto &table = settings();
        const auto it = std::ranges::find(table, key, &Setting::key);
        if (it == table.end()) {
            const bool hashComment = key.section(u'/', -1).startsWith(u'#');
            return std::unexpected(ConfigError{u"%1: unknown key \"%2\"%3"_s.arg(
                path, key, hashComment ? u" (comments start with ;)"_s : QString())});
        }
        if (const auto why = it->set(config, valueText(ini.value(key))))
            return std::unexpected(ConfigError{u"%1: key \"%2\": %3"_s.arg(path, key, *why)});
    }
    config.configFile = path;
    return config;
}

std::expected<Invocation, ConfigError> parseInvocation(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"omview node agent: serves /proc/hpc, processes and the cluster over a local socket."_s);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, u"Configuration file."_s, u"file"_s);
    const QCommandLineOption bridgeOption(
        u"bridge"_s,
        u"Relay stdin/stdout to the agent's socket (for ssh node omagentd --bridge)."_s);
    const QCommandLineOption discoveryOption(
        u"discovery"_s, u"Find peers by multicast discovery instead of the map."_s);
    parser.addOption(configOption);
    parser.addOption(bridgeOption);
    parser.addOption(discoveryOption);
    for (const Setting &s : settings()) {
        if (!s.option.isEmpty())
            parser.addOption(
                QCommandLineOption(s.option, u"%1 [%2]"_s.arg(s.help, s.key), s.valueName));
    }

    if (!parser.parse(arguments))
        return std::unexpected(ConfigError{parser.errorText()});
    if (parser.isSet(help))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return std::unexpected(ConfigError{
            u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().constFirst())});

    AgentConfig config;
    if (parser.isSet(configOption)) {
        auto loaded = loadConfigFile(parser.value(configOption), config);
        if (!loaded)
            return std::unexpected(loaded.error());
        config = *loaded;
    } else if (QFileInfo::exists(config.configFile)) {
        auto loaded = loadConfigFile(config.configFile, config);
        if (!loaded)
            return std::unexpected(loaded.error());
        config = *loaded;
    } else {
        config.configFile.clear();
    }

    for (const Setting &s : settings()) {
        if (s.option.isEmpty() || !parser.isSet(s.option))
            continue;
        if (const auto why = s.set(config, parser.value(s.option)))
            return std::unexpected(ConfigError{u"option --%1: %2"_s.arg(s.option, *why)});
    }
    // A map named on the command line means the map, even if the file enabled discovery.
    if (parser.isSet(discoveryOption))
        config.discovery = true;
    else if (parser.isSet(u"map"_s))
        config.discovery = false;

    return Invocation{config, parser.isSet(bridgeOption)};
}

} // namespace omview::agent
