// What the run-program wizard asks for (openMosixview's advanced execution dialog), as plain
// values: the program, where it starts, whether it may migrate and how the balancer weighs it.
// From it come the proc.spawn parameters of each instance and the equivalent mosrun command
// line, so the wizard, its review page and the tests agree on one translation.
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <expected>
#include <omview/protocol/types.h>

namespace omview::procs {

// Where the job starts (proc.spawn `where`).
enum class RunPlacement {
    Balance, // the least loaded node
    Node,    // the node chosen
    Home,    // the node the console's agent runs on
    Nodes,   // one instance on each node of a list (openMosixview's first/last node)
};

// Whether the balancer may move the job once it runs (proc.spawn `lock`, and for LockedHome
// and StayOnNode also `where`).
enum class MigrationPolicy {
    MayMigrate,   // lock "unlock"
    NeverMigrate, // lock "lock": it stays where it starts
    LockedHome,   // where "home", lock "lock" (runhome, nomig)
    StayOnNode,   // the chosen node(s), lock "lock" (runon)
};

// How the balancer weighs the job (proc.spawn `profile`, mosrun -c -i -n -s -f).
enum class JobProfile { None, CpuJob, IoJob, NoDecay, SlowDecay, FastDecay };

struct RunRequest {
    Q_DECLARE_TR_FUNCTIONS(omview::procs::RunRequest)

public:
    // More instances than this is more likely a typo ("1-9999") than a parallel run.
    static constexpr int MaxInstances = 128;

    QString program;  // a path, or a name the job's PATH finds
    QStringList args; // argv[1..]
    QString cwd;      // absolute, on the node the job starts on
    QStringList env;  // NAME=value: the job's whole environment
    RunPlacement where = RunPlacement::Balance;
    NodeId node = 0;     // RunPlacement::Node
    QList<NodeId> nodes; // RunPlacement::Nodes
    MigrationPolicy policy = MigrationPolicy::MayMigrate;
    JobProfile profile = JobProfile::None;

    // What keeps the request from being sent, for the user; empty when it can go.
    QString problem() const;
    // How many jobs start: one per node of a list, else one.
    qsizetype instanceCount() const;
    // The node instance @instance is sent to, 0 when the agents choose (balance, home).
    NodeId instanceNode(qsizetype instance) const;
    // The proc.spawn params of instance @instance (0 .. instanceCount() - 1).
    QJsonObject toSpawnParams(qsizetype instance = 0) const;
    // The shell command that starts the same job(s) with mosrun from this node: the
    // directory and environment set as the job gets them, one mosrun per instance.
    QString mosrunCommandLine() const;

    bool operator==(const RunRequest &) const = default;
};

// proc.spawn's names for the choices.
QString lockName(MigrationPolicy policy);
QString profileName(JobProfile profile);
// mosrun's option for a profile ("-c"), empty for None.
QString profileOption(JobProfile profile);

// "2-4,7": node IDs and ranges, commas between, spaces allowed; in the order given, each
// node once. An error (for the user) names the part that is wrong.
std::expected<QList<NodeId>, QString> parseNodeList(const QString &text);
// The list in the shortest form parseNodeList() reads back: {2,3,4,7} → "2-4,7".
QString formatNodeList(const QList<NodeId> &nodes);

// Checks one NAME=value entry of a job's environment; an error for the user, or empty.
QString environmentEntryProblem(const QString &entry);

// The environment the wizard offers by default: PATH, HOME and LANG as this process has them.
// Not the console's whole environment: it holds the desktop session's variables (DISPLAY,
// DBUS_SESSION_BUS_ADDRESS, XDG_RUNTIME_DIR, SSH_AUTH_SOCK...), which mean nothing, or the
// wrong thing, on the node the job ends up on; the few a program needs to be found and to
// speak the user's language are what mosrun users relied on.
QStringList defaultEnvironment();

// Quotes @word for a POSIX shell when it needs it (for the mosrun command line).
QString shellQuote(const QString &word);
// Splits an argument line into words as a POSIX shell would, with nothing expanded: blanks
// separate words, '...' keeps everything, "..." keeps all but \" \\ \$ \`, and a backslash
// outside quotes keeps the next character. So what shellQuote() wrote reads back, and a
// line copied from a terminal means the same. (QProcess::splitCommand knows only "...".)
std::expected<QStringList, QString> splitArguments(const QString &line);

} // namespace omview::procs
