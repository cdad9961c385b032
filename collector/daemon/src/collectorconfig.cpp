#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <functional>
#include <omview/collector/collectorconfig.h>
#include <omview/collector/collectorpaths.h>
#include <omview/collector/timespec.h>
#include <unistd.h>

#ifdef OMVIEW_COLLECTOR_SSH
#include <omview/ssh/sshtarget.h>
#endif

using namespace Qt::StringLiterals;

namespace omview::collector {

namespace {

const QString DefaultConfigFile = u"/etc/omview/omcollectord.conf"_s;

using Setter = std::function<std::optional<QString>(CollectorConfig &, const QString &)>;

struct Setting {
    QString key;    // "section/key" in the INI file
    QString option; // long option
    QString valueName;
    QString help;
    Setter set;
    bool ssh = false; // only in builds with SSH
};

std::optional<QString> setPath(const QString &value, QString &field) {
    const QString v = value.trimmed();
    if (v.isEmpty() || !v.startsWith(u'/'))
        return u"expected an absolute path, got \"%1\""_s.arg(value);
    field = QDir::cleanPath(v);
    return std::nullopt;
}

std::optional<QString> setRetention(const QString &value, std::chrono::seconds &field,
                                    std::chrono::seconds minimum, const QString &minimumText) {
    auto d = parseDuration(value);
    if (!d)
        return d.error();
    if (*d < minimum)
        return u"at least %1, got \"%2\""_s.arg(minimumText, value);
    field = *d;
    return std::nullopt;
}

const QList<Setting> &settings() {
    using namespace std::chrono;
    static const QList<Setting> table = {
        {u"store/database"_s, u"database"_s, u"file"_s,
         u"The SQLite database (created when missing)."_s,
         [](CollectorConfig &c, const QString &v) {
             c.databaseIsDefault = false;
             return setPath(v, c.database);
         }},
        {u"store/durability"_s, u"durability"_s, u"full|normal"_s,
         u"full: a power cut loses at most the tick being written; normal: fewer fsyncs, may "
         u"lose the ticks since the last checkpoint."_s,
         [](CollectorConfig &c, const QString &v) -> std::optional<QString> {
             const QString t = v.trimmed().toLower();
             if (t == u"full")
                 c.durability = store::Durability::Full;
             else if (t == u"normal")
                 c.durability = store::Durability::Normal;
             else
                 return u"expected full or normal, got \"%1\""_s.arg(v);
             return std::nullopt;
         }},
        {u"store/retry-interval"_s, u"retry-interval"_s, u"duration"_s,
         u"After a failed write (disk full), retry this often; ticks are dropped meanwhile."_s,
         [](CollectorConfig &c, const QString &v) -> std::optional<QString> {
             auto d = parseDuration(v);
             if (!d)
                 return d.error();
             if (*d > hours(1))
                 return u"at most 1h, got \"%1\""_s.arg(v);
             c.retryInterval = duration_cast<milliseconds>(*d);
             return std::nullopt;
         }},
        {u"control/socket"_s, u"control-socket"_s, u"path"_s,
         u"The control socket for `omcollectord ctl` and the console."_s,
         [](CollectorConfig &c, const QString &v) {
             c.controlSocketIsDefault = false;
             return setPath(v, c.controlSocket);
         }},
        {u"agent/socket"_s, u"agent-socket"_s, u"path"_s,
         u"omagentd's socket (on the SSH host with --ssh)."_s,
         [](CollectorConfig &c, const QString &v) {
             return setPath(v, c.agentSocket);
         }},
        {u"agent/ssh"_s, u"ssh"_s, u"[user@]host[:port]"_s,
         u"Reach the cluster through this node's agent over SSH (key authentication, host key "
         u"already in known_hosts)."_s,
         [](CollectorConfig &c, const QString &v) -> std::optional<QString> {
             const QString t = v.trimmed();
             if (t.isEmpty() || t.contains(u' '))
                 return u"expected [user@]host[:port], got \"%1\""_s.arg(v);
             c.sshDestination = t;
             return std::nullopt;
         },
         true},
        {u"agent/ssh-identity"_s, u"ssh-identity"_s, u"file"_s, u"A private key to try first."_s,
         [](CollectorConfig &c, const QString &v) { return setPath(v, c.sshIdentity); }, true},
        {u"agent/ssh-known-hosts"_s, u"ssh-known-hosts"_s, u"file"_s,
         u"The known_hosts file to check the host key against."_s,
         [](CollectorConfig &c, const QString &v) { return setPath(v, c.sshKnownHosts); }, true},
        {u"processes/interval"_s, u"process-interval"_s, u"duration|off"_s,
         u"Record every node's processes this often (default 10s); off records none."_s,
         [](CollectorConfig &c, const QString &v) -> std::optional<QString> {
             const QString t = v.trimmed().toLower();
             if (t == u"off" || t == u"0") {
                 c.processInterval = seconds(0);
                 return std::nullopt;
             }
             auto d = parseDuration(t);
             if (!d)
                 return d.error();
             if (*d > hours(1))
                 return u"at most 1h, got \"%1\""_s.arg(v);
             c.processInterval = *d;
             return std::nullopt;
         }},
        {u"retention/raw"_s, u"raw-retention"_s, u"duration"_s,
         u"Keep per-second rows this long (default 14d)."_s,
         [](CollectorConfig &c, const QString &v) {
             return setRetention(v, c.retention.raw, minutes(1), u"1m"_s);
         }},
        {u"retention/minute"_s, u"minute-retention"_s, u"duration"_s,
         u"Keep per-minute rows this long (default 90d)."_s,
         [](CollectorConfig &c, const QString &v) {
             return setRetention(v, c.retention.minute, hours(1), u"1h"_s);
         }},
        {u"retention/hour"_s, u"hour-retention"_s, u"duration"_s,
         u"Keep per-hour rows this long (default 2y)."_s,
         [](CollectorConfig &c, const QString &v) {
             return setRetention(v, c.retention.hour, hours(24), u"1d"_s);
         }},
        {u"retention/processes"_s, u"process-retention"_s, u"duration"_s,
         u"Keep process snapshots this long (default 14d)."_s,
         [](CollectorConfig &c, const QString &v) {
             return setRetention(v, c.retention.processes, minutes(1), u"1m"_s);
         }},
    };
    return table;
}

QString valueText(const QVariant &v) {
    // QSettings splits unquoted values at commas; every key takes one value.
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList().join(u',');
    return v.toString();
}

CollectorConfig defaults() {
    CollectorConfig c;
    c.database = defaultDatabasePath();
    c.controlSocket = defaultControlSocket();
    c.agentSocket = defaultAgentSocket();
    return c;
}

std::expected<Invocation, ConfigError>
parseCtl(const QStringList &arguments, const QString &workingDirectory, const QDateTime &now) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Controls a running omcollectord.\n\n"
        u"Commands:\n"
        u"  status [--json]             what the collector does\n"
        u"  checkpoint LABEL [--time T] mark a moment in the history\n"
        u"  save FROM TO FILE [--csv]   write a range to a new SQLite (or CSV) file\n"
        u"  stop                        stop the collector\n\n"
        u"Times: now, now-2h (two hours ago), seconds since the epoch, 2024-06-10T12:00 "
        u"(local time)."_s);
    parser.addHelpOption();
    const QCommandLineOption socket(u"control-socket"_s, u"The collector's control socket."_s,
                                    u"path"_s, defaultControlSocket());
    const QCommandLineOption json(u"json"_s, u"status: print the JSON result."_s);
    const QCommandLineOption time(u"time"_s, u"checkpoint: its time (default now)."_s, u"time"_s);
    const QCommandLineOption csv(u"csv"_s, u"save: write CSV files instead of SQLite."_s);
    parser.addOptions({socket, json, time, csv});
    parser.addPositionalArgument(u"command"_s, u"status, checkpoint, save or stop"_s);

    QStringList args = arguments;
    args.removeAt(1); // "ctl"
    if (!parser.parse(args))
        return std::unexpected(ConfigError{parser.errorText()});
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);

    CtlCommand cmd;
    cmd.controlSocket = parser.value(socket);
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return std::unexpected(
            ConfigError{u"ctl: which command? status, checkpoint, save or stop"_s});
    const QString name = pos.first();
    const auto onlyFor = [&](const QCommandLineOption &option,
                             const QString &command) -> std::optional<ConfigError> {
        if (parser.isSet(option) && name != command)
            return ConfigError{
                u"ctl %1: --%2 belongs to %3"_s.arg(name, option.names().first(), command)};
        return std::nullopt;
    };
    for (auto [option, command] : {std::pair{&json, u"status"_s}, std::pair{&time, u"checkpoint"_s},
                                   std::pair{&csv, u"save"_s}}) {
        if (auto bad = onlyFor(*option, command))
            return std::unexpected(*bad);
    }
    const auto arity = [&](qsizetype n, const QString &usage) -> std::optional<ConfigError> {
        if (pos.size() != n + 1)
            return ConfigError{u"usage: omcollectord ctl %1"_s.arg(usage)};
        return std::nullopt;
    };
    if (name == u"status") {
        if (auto bad = arity(0, u"status [--json]"_s))
            return std::unexpected(*bad);
        cmd.kind = CtlCommand::Kind::Status;
        cmd.json = parser.isSet(json);
    } else if (name == u"stop") {
        if (auto bad = arity(0, u"stop"_s))
            return std::unexpected(*bad);
        cmd.kind = CtlCommand::Kind::Stop;
    } else if (name == u"checkpoint") {
        if (auto bad = arity(1, u"checkpoint LABEL [--time TIME]"_s))
            return std::unexpected(*bad);
        cmd.kind = CtlCommand::Kind::Checkpoint;
        auto params = checkpointParams(QJsonObject{{u"label"_s, pos.at(1)}});
        if (!params)
            return std::unexpected(
                ConfigError{u"ctl checkpoint: %1"_s.arg(params.error().message)});
        cmd.checkpoint = *params;
        if (parser.isSet(time)) {
            auto t = parseTime(parser.value(time), now);
            if (!t)
                return std::unexpected(ConfigError{u"ctl checkpoint --time: %1"_s.arg(t.error())});
            cmd.checkpoint.time = *t;
        }
    } else if (name == u"save") {
        if (auto bad = arity(3, u"save FROM TO FILE [--csv]"_s))
            return std::unexpected(*bad);
        cmd.kind = CtlCommand::Kind::Save;
        auto from = parseTime(pos.at(1), now);
        if (!from)
            return std::unexpected(ConfigError{u"ctl save FROM: %1"_s.arg(from.error())});
        auto to = parseTime(pos.at(2), now);
        if (!to)
            return std::unexpected(ConfigError{u"ctl save TO: %1"_s.arg(to.error())});
        if (*to < *from)
            return std::unexpected(ConfigError{u"ctl save: TO is before FROM"_s});
        cmd.save.from = *from;
        cmd.save.to = *to;
        cmd.save.file = QDir::cleanPath(QDir(workingDirectory).absoluteFilePath(pos.at(3)));
        cmd.save.format = parser.isSet(csv) ? SaveFormat::Csv : SaveFormat::Sqlite;
    } else {
        return std::unexpected(ConfigError{
            u"ctl: unknown command \"%1\"; status, checkpoint, save or stop"_s.arg(name)});
    }
    return cmd;
}

} // namespace

bool sshSupported() {
#ifdef OMVIEW_COLLECTOR_SSH
    return true;
#else
    return false;
#endif
}

std::expected<CollectorConfig, ConfigError> loadConfigFile(const QString &path,
                                                           CollectorConfig config) {
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
        if (it == table.end())
            return std::unexpected(ConfigError{u"%1: unknown key \"%2\""_s.arg(path, key)});
        if (it->ssh && !sshSupported())
            return std::unexpected(ConfigError{
                u"%1: key \"%2\": this omcollectord was built without SSH"_s.arg(path, key)});
        if (const auto why = it->set(config, valueText(ini.value(key))))
            return std::unexpected(ConfigError{u"%1: key \"%2\": %3"_s.arg(path, key, *why)});
    }
    config.configFile = path;
    return config;
}

std::expected<Invocation, ConfigError> parseInvocation(const QStringList &arguments,
                                                       const QString &workingDirectory,
                                                       const QDateTime &now) {
    if (arguments.size() > 1 && arguments.at(1) == u"ctl")
        return parseCtl(arguments, workingDirectory, now);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"omview collector: records the cluster's load, memory and processes into an SQLite "
        u"history.\nomcollectord ctl --help: control a running collector."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, u"Configuration file."_s, u"file"_s);
    parser.addOption(configOption);
    for (const Setting &s : settings()) {
        if (s.ssh && !sshSupported())
            continue;
        parser.addOption(
            QCommandLineOption(s.option, u"%1 [%2]"_s.arg(s.help, s.key), s.valueName));
    }
    if (!parser.parse(arguments))
        return std::unexpected(ConfigError{parser.errorText()});
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        return std::unexpected(
            ConfigError{u"unexpected argument \"%1\" (ctl commands: omcollectord ctl ...)"_s.arg(
                parser.positionalArguments().constFirst())});
    }

    CollectorConfig config = defaults();
    if (parser.isSet(configOption)) {
        auto loaded = loadConfigFile(parser.value(configOption), config);
        if (!loaded)
            return std::unexpected(loaded.error());
        config = *loaded;
    } else if (::geteuid() == 0 && QFileInfo::exists(DefaultConfigFile)) {
        // Only the system service reads the system's file: a user's own
        // collector must not pick up root's database.
        auto loaded = loadConfigFile(DefaultConfigFile, config);
        if (!loaded)
            return std::unexpected(loaded.error());
        config = *loaded;
    }
    for (const Setting &s : settings()) {
        if ((s.ssh && !sshSupported()) || !parser.isSet(s.option))
            continue;
        if (const auto why = s.set(config, parser.value(s.option)))
            return std::unexpected(ConfigError{u"option --%1: %2"_s.arg(s.option, *why)});
    }
    if (config.sshDestination.isEmpty() &&
        (!config.sshIdentity.isEmpty() || !config.sshKnownHosts.isEmpty()))
        return std::unexpected(ConfigError{u"--ssh-identity and --ssh-known-hosts need --ssh"_s});
#ifdef OMVIEW_COLLECTOR_SSH
    if (!config.sshDestination.isEmpty()) {
        auto target = SshTarget::fromDestination(config.sshDestination);
        if (!target)
            return std::unexpected(ConfigError{u"--ssh: %1"_s.arg(target.error())});
        target->agentSocket = config.agentSocket;
        target->identityFile = config.sshIdentity;
        target->knownHostsFile = config.sshKnownHosts;
        if (const auto problem = target->problem())
            return std::unexpected(ConfigError{u"--ssh: %1"_s.arg(*problem)});
    }
#endif
    return config;
}

} // namespace omview::collector
