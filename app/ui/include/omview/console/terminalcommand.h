// The command that opens a terminal with an SSH session on a node.
#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <expected>
#include <omview/console/connectionprofile.h>

namespace omview {

// A terminal emulator running `ssh` to one node, as the user, port, key, known_hosts, client
// configuration and ProxyJump of the connection profile (the local-socket profile adds
// nothing: ssh's own defaults apply). The terminal is $TERMINAL, else x-terminal-emulator,
// else the first of konsole, gnome-terminal, xfce4-terminal and xterm found on PATH.
struct TerminalCommand {
    Q_DECLARE_TR_FUNCTIONS(omview::TerminalCommand)

public:
    QString program;
    QStringList arguments;

    // The arguments of `ssh` (without the program) for a node's address.
    static QStringList sshArguments(const ConnectionProfile &profile, const QString &address);
    // The terminal running ssh for that address, or why there is none ("no terminal found:
    // set $TERMINAL or install xterm").
    static std::expected<TerminalCommand, QString>
    forNode(const ConnectionProfile &profile, const QString &address,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // Starts it on its own (it outlives the console); the pid, or why it did not start.
    std::expected<qint64, QString> start() const;
    // The command as a shell would show it, for messages.
    QString toString() const;
};

} // namespace omview
