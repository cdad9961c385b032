// What every command-line tool shares: its name, the options common to all
// (--socket, --json, --help), its output streams and its exit codes.
#pragma once

#include <QJsonValue>
#include <QStringList>
#include <QTextStream>
#include <optional>

namespace omview::cli {

// Exit codes scripts can trust, the same for every tool.
enum Exit : int {
    ExitOk = 0,
    ExitNo = 1,       // the command ran and the answer is "no" or it was refused
    ExitUsage = 2,    // the command line is wrong
    ExitNoAgent = 3,  // the agent could not be reached
    // migrate's outcomes, so that a script can tell "try elsewhere" from "gone".
    ExitNoProcess = 4,  // there is no such process
    ExitRefused = 5,    // refused before anything stopped (cannot move, target refuses, busy)
    ExitMoveFailed = 6, // the move failed; the process runs where it was
};

struct ToolContext {
    QString name;       // mosctl, setpe, ...
    QStringList args;   // what follows the common options
    QString socketPath; // resolved agent socket
    bool json = false;
    QTextStream &out;
    QTextStream &err;

    // "mosctl: message" on stderr; returns code so callers can `return fail(...)`.
    int fail(int code, const QString &message) const;
    // Prints a JSON value on stdout (for --json).
    void printJson(const QJsonValue &value) const;
};

// Splits the common options off argv. Returns nothing to go on, or the exit
// code to stop with (0 after --help or --version, ExitUsage for a bad option).
std::optional<int> parseCommonOptions(const QStringList &argv, ToolContext &ctx,
                                      const QString &usage);

} // namespace omview::cli
