#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <omview/console/commandline.h>
#include <omview/console/profilestore.h>

using namespace Qt::StringLiterals;

namespace omview {

std::expected<ConsoleOptions, QString> ConsoleOptions::parse(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ConsoleOptions::tr("The console of a process-migration cluster."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption profile(
        u"profile"_s, ConsoleOptions::tr("Connect with the saved profile NAME."), u"NAME"_s);
    const QCommandLineOption local(
        u"local"_s, ConsoleOptions::tr("Connect to the agent's local SOCKET."), u"SOCKET"_s);
    const QCommandLineOption ssh(u"ssh"_s, ConsoleOptions::tr("Connect over SSH to an entry node."),
                                 u"[USER@]HOST[:PORT]"_s);
    const QCommandLineOption identity(
        u"i"_s, ConsoleOptions::tr("With --ssh: try this private key first."), u"IDENTITY"_s);
    const QCommandLineOption knownHosts(
        u"known-hosts"_s, ConsoleOptions::tr("With --ssh: check host keys against FILE."),
        u"FILE"_s);
    const QCommandLineOption sshConfig(
        u"ssh-config"_s, ConsoleOptions::tr("With --ssh: read this client configuration, or none."),
        u"FILE|none"_s);
    const QCommandLineOption agentSocket(
        u"agent-socket"_s, ConsoleOptions::tr("With --ssh: the agent's socket on the entry node."),
        u"PATH"_s);
    const QCommandLineOption collectorSocket(
        u"collector-socket"_s, ConsoleOptions::tr("The collector's control socket."), u"PATH"_s);
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        ConsoleOptions::tr("Write the main window as PNG to FILE once the cluster is shown."),
        u"FILE"_s);
    const QCommandLineOption interval(
        u"screenshot-interval"_s,
        ConsoleOptions::tr("With --screenshot: write it again every SECONDS."), u"SECONDS"_s);
    const QCommandLineOption settings(
        u"settings"_s, ConsoleOptions::tr("Keep settings in this INI FILE instead of the user's."),
        u"FILE"_s);
    parser.addOptions({profile, local, ssh, identity, knownHosts, sshConfig, agentSocket,
                       collectorSocket, screenshot, interval, settings});

    if (!parser.parse(arguments))
        return std::unexpected(parser.errorText());
    ConsoleOptions o;
    // Without an application object (parsed before there is one) Qt cannot know the name.
    o.helpText = parser.helpText().replace(u"<executable_name>"_s,
                                           QFileInfo(arguments.value(0, u"omview"_s)).fileName());
    o.helpRequested = parser.isSet(help);
    o.versionRequested = parser.isSet(version);
    if (!parser.positionalArguments().isEmpty())
        return std::unexpected(ConsoleOptions::tr("Unexpected argument \"%1\".")
                                   .arg(parser.positionalArguments().first()));

    const int connections =
        int(parser.isSet(profile)) + int(parser.isSet(local)) + int(parser.isSet(ssh));
    if (connections > 1)
        return std::unexpected(
            ConsoleOptions::tr("Give only one of --profile, --local and --ssh."));
    for (const QCommandLineOption *o2 : {&identity, &knownHosts, &sshConfig, &agentSocket}) {
        if (parser.isSet(*o2) && !parser.isSet(ssh)) {
            const QString name = o2->names().constFirst();
            return std::unexpected(ConsoleOptions::tr("%1 needs --ssh.")
                                       .arg((name.size() == 1 ? u"-"_s : u"--"_s) + name));
        }
    }

    if (parser.isSet(profile)) {
        o.profileName = parser.value(profile);
        if (o.profileName->trimmed().isEmpty())
            return std::unexpected(ConsoleOptions::tr("--profile: the name is empty."));
    }
    if (parser.isSet(local)) {
        const QString path = parser.value(local);
        if (path.isEmpty())
            return std::unexpected(ConsoleOptions::tr("--local: no socket path given."));
        o.profile = ConnectionProfile::localSocket(path);
    }
    if (parser.isSet(ssh)) {
        auto target = SshTarget::fromDestination(parser.value(ssh));
        if (!target)
            return std::unexpected(ConsoleOptions::tr("--ssh: %1").arg(target.error()));
        if (parser.isSet(identity))
            target->identityFile = parser.value(identity);
        if (parser.isSet(knownHosts))
            target->knownHostsFile = parser.value(knownHosts);
        if (parser.isSet(sshConfig)) {
            const QString config = parser.value(sshConfig);
            if (config == u"none")
                target->readConfig = false;
            else
                target->configFile = config;
        }
        if (parser.isSet(agentSocket))
            target->agentSocket = parser.value(agentSocket);
        if (const auto problem = target->problem())
            return std::unexpected(ConsoleOptions::tr("--ssh: %1").arg(*problem));
        o.profile = ConnectionProfile::overSsh(*target);
    }
    o.collectorSocket = parser.value(collectorSocket);
    o.settingsFile = parser.value(settings);
    o.screenshotFile = parser.value(screenshot);
    if (parser.isSet(interval)) {
        if (o.screenshotFile.isEmpty())
            return std::unexpected(ConsoleOptions::tr("--screenshot-interval needs --screenshot."));
        bool ok = false;
        const int seconds = parser.value(interval).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 86400)
            return std::unexpected(
                ConsoleOptions::tr("--screenshot-interval: \"%1\" is not a number of "
                                   "seconds from 1 to 86400.")
                    .arg(parser.value(interval)));
        o.screenshotInterval = std::chrono::seconds(seconds);
    }
    return o;
}

std::expected<std::optional<ConnectionProfile>, QString>
startupProfile(const ConsoleOptions &options, const ProfileStore &store,
               const QString &localSocket) {
    if (options.profile)
        return options.profile;
    if (options.profileName) {
        if (auto p = store.profile(*options.profileName))
            return p;
        return std::unexpected(ConsoleOptions::tr("There is no connection profile named \"%1\".")
                                   .arg(*options.profileName));
    }
    if (const QString last = store.lastUsed(); !last.isEmpty()) {
        if (auto p = store.profile(last))
            return p;
    }
    if (QFileInfo::exists(localSocket))
        return ConnectionProfile::localSocket(localSocket);
    return std::optional<ConnectionProfile>();
}

} // namespace omview
