#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <omview/console/terminalcommand.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

// Terminals that take the command after "--" rather than after "-e".
bool takesDoubleDash(const QString &program) {
    const QString name = QFileInfo(program).fileName();
    return name == u"gnome-terminal" || name == u"kgx" || name == u"ptyxis" || name == u"tilix" ||
           name == u"mate-terminal";
}

QString find(const QString &program, const QProcessEnvironment &environment) {
    if (program.contains(u'/'))
        return QFileInfo(program).isExecutable() ? program : QString();
    const QStringList path = environment.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts);
    return QStandardPaths::findExecutable(program, path);
}

} // namespace

QStringList TerminalCommand::sshArguments(const ConnectionProfile &profile,
                                          const QString &address) {
    QStringList args;
    if (profile.kind == ConnectionProfile::Kind::Ssh) {
        const SshTarget &t = profile.ssh;
        if (!t.readConfig)
            args << u"-F"_s << u"none"_s;
        else if (!t.configFile.isEmpty())
            args << u"-F"_s << t.configFile;
        if (!t.user.isEmpty())
            args << u"-l"_s << t.user;
        if (t.port)
            args << u"-p"_s << QString::number(*t.port);
        if (!t.identityFile.isEmpty())
            args << u"-i"_s << t.identityFile;
        if (!t.knownHostsFile.isEmpty())
            args << u"-o"_s << u"UserKnownHostsFile=%1"_s.arg(t.knownHostsFile);
        if (!t.useSshAgent)
            args << u"-o"_s << u"IdentityAgent=none"_s;
        else if (!t.sshAgentSocket.isEmpty())
            args << u"-o"_s << u"IdentityAgent=%1"_s.arg(t.sshAgentSocket);
        if (!t.proxyJump.isEmpty())
            args << u"-J"_s << t.proxyJump;
    }
    // "--" so that an address can never be read as an option.
    args << u"--"_s << address;
    return args;
}

std::expected<TerminalCommand, QString>
TerminalCommand::forNode(const ConnectionProfile &profile, const QString &address,
                         const QProcessEnvironment &environment) {
    if (address.trimmed().isEmpty())
        return std::unexpected(TerminalCommand::tr("The node has no address to connect to."));
    const QString ssh = find(u"ssh"_s, environment);
    if (ssh.isEmpty())
        return std::unexpected(
            TerminalCommand::tr("No ssh program found on PATH: install the OpenSSH client."));

    QStringList terminal;
    QString chosen;
    if (const QString fromEnv = environment.value(u"TERMINAL"_s).trimmed(); !fromEnv.isEmpty()) {
        terminal = QProcess::splitCommand(fromEnv);
        if (terminal.isEmpty() || (chosen = find(terminal.first(), environment)).isEmpty())
            return std::unexpected(
                TerminalCommand::tr("$TERMINAL is \"%1\", which is not a program on PATH.")
                    .arg(fromEnv));
    } else {
        for (const QString &candidate : {u"x-terminal-emulator"_s, u"konsole"_s,
                                         u"gnome-terminal"_s, u"xfce4-terminal"_s, u"xterm"_s}) {
            chosen = find(candidate, environment);
            if (!chosen.isEmpty()) {
                terminal = {candidate};
                break;
            }
        }
        if (chosen.isEmpty())
            return std::unexpected(
                TerminalCommand::tr("No terminal found: set $TERMINAL to your terminal "
                                    "program or install one (for example xterm)."));
    }

    TerminalCommand command;
    command.program = chosen;
    command.arguments = terminal.mid(1);
    command.arguments << (takesDoubleDash(chosen) ? u"--"_s : u"-e"_s) << ssh
                      << sshArguments(profile, address);
    return command;
}

std::expected<qint64, QString> TerminalCommand::start() const {
    qint64 pid = 0;
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!process.startDetached(&pid))
        return std::unexpected(
            TerminalCommand::tr("Could not start %1: %2").arg(program, process.errorString()));
    return pid;
}

QString TerminalCommand::toString() const {
    QStringList words{program};
    for (const QString &a : arguments)
        words << shellQuoted(a);
    return words.join(u' ');
}

} // namespace omview
