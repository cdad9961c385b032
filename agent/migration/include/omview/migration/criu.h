// criu(8) run as a child process: dump a process tree into a directory, restore it from
// one. The result is the exit status and, on failure, criu's own first error from its log,
// so the operator reads why without opening the log.
#pragma once

#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <functional>
#include <sys/types.h>

namespace omview::migration {

struct CriuOutcome {
    bool ok = false;
    QString error; // criu's first "Error" line, or why criu did not run
    QString log;   // the whole log, for the agent's debug output
};

// A pipe the restored process must find where its dump had one (criu --inherit-fd): a
// job's stdout, stderr and status pipes, whose other ends the agent holds.
struct InheritedPipe {
    qint64 inode = 0; // the pipe's inode in the dump
    int fd = -1;      // the end the process gets, open in this process
};

class Criu {
public:
    using Done = std::function<void(CriuOutcome)>;

    // criu's program, "criu" from PATH by default (OMVIEW_CRIU overrides, for tests).
    static QString program();

    // Dumps @pid and its descendants into @dir, leaving them stopped where they are: the
    // source keeps the process until the target says it runs.
    static void dump(pid_t pid, const QString &dir, QObject *context, Done done);
    // Restores the tree in @dir as a child of this process's subreaper, stopped; the PIDs are
    // those of the dump. @done gets the root's PID through readPidFile(dir).
    static void restore(const QString &dir, QObject *context, Done done,
                        const QList<InheritedPipe> &pipes = {});
    static pid_t readPidFile(const QString &dir);

    // The environment criu runs with. CRIU_FAULT=130 makes criu stop a task after its parasite
    // by syscall tracing instead of a hardware breakpoint: some virtual machines (this
    // project's CI among them) do not deliver debug-register traps, and criu then waits
    // forever for a trap. Tracing works everywhere, at a cost of microseconds.
    static QProcessEnvironment environment();

    // The first line of @log that criu marked as an error, without its source location.
    static QString firstError(const QString &log);

private:
    static void run(const QStringList &args, const QString &dir, const QString &logName,
                    QObject *context, Done done, const QList<int> &passFds = {});
};

} // namespace omview::migration
