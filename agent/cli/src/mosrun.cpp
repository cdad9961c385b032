// mosrun: openMosix's mosrun, and its wrappers nomig, runhome, runon, cpujob, iojob,
// nodecay, slowdecay and fastdecay. The program runs as a job of this node (proc.spawn),
// where the agents put it; this process stays here as its terminal: it prints what the job
// writes, passes on the signals it gets, and exits as the job did, wherever the job ran.
#include "mosrun.h"

#include "agentsession.h"
#include "nodeselect.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <csignal>
#include <fcntl.h>
#include <omview/protocol/jobs.h>
#include <unistd.h>

namespace omview::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mosrun", text);
}

const QString Usage = QStringLiteral(
    "usage: mosrun [--socket PATH] [-{h|ID|jLIST} [-F]] [-{l|L|k}] [-{c|i|n|s|f}] [-z]\n"
    "              PROGRAM [ARG...]\n"
    "  Runs PROGRAM as a job of this node, on the node the options allow:\n"
    "    -h        on this (its home) node      -ID     on node ID\n"
    "    -jLIST    on the best of the nodes in LIST (IDs and ranges: -j2-4,7)\n"
    "    -F        on another node when none of those can take it\n"
    "    -l / -L   may migrate on its own / may not (locked); -k keeps mosrun's own state\n"
    "    -c -i     the job is CPU-bound / I/O-bound; -n no decay; -s / -f slow / fast decay\n"
    "    -z        PROGRAM is followed by the job's argv[0]\n"
    "  Default: locked when -h, -ID or -j is given or no -c/-i/-n/-s/-f; else -k.\n"
    "  Its output comes here, signals sent to mosrun reach it wherever it runs, and mosrun\n"
    "  exits with its status (128+N when signal N ended it).\n"
    "  exit: the job's status; 2 usage, 3 no agent, 125 the job could not start\n");

constexpr int ExitNotStarted = 125;

struct MosrunRequest {
    ProcSpawnParams spawn;
    QString socket;
    bool placed = false;
    bool profiled = false;
    bool lockGiven = false;
};

std::expected<QList<NodeId>, QString> parseList(const QString &text) {
    QList<NodeId> nodes;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const qsizetype dash = part.indexOf(QLatin1Char('-'));
        const auto first = parseNodeId(dash < 0 ? part : part.left(dash));
        if (!first)
            return std::unexpected(first.error());
        NodeId last = *first;
        if (dash >= 0) {
            const auto end = parseNodeId(part.mid(dash + 1));
            if (!end)
                return std::unexpected(end.error());
            last = *end;
        }
        if (last < *first)
            return std::unexpected(tr("'%1' is not a range").arg(part));
        for (NodeId n = *first; n <= last; ++n)
            if (!nodes.contains(n))
                nodes.append(n);
    }
    return nodes;
}

std::expected<MosrunRequest, QString> parse(const QStringList &args) {
    MosrunRequest r;
    r.spawn.where = JobPlacement{JobPlacement::Kind::Balance, {}};
    bool z = false;
    qsizetype i = 0;
    auto place = [&](JobPlacement p) -> std::optional<QString> {
        if (r.placed)
            return tr("give only one of -h, -ID and -jLIST");
        r.placed = true;
        r.spawn.where = std::move(p);
        return std::nullopt;
    };
    auto profile = [&](const char *name) -> std::optional<QString> {
        if (r.profiled)
            return tr("give only one of -c, -i, -n, -s and -f");
        r.profiled = true;
        r.spawn.profile = QString::fromLatin1(name);
        return std::nullopt;
    };
    for (; i < args.size(); ++i) {
        const QString &a = args.at(i);
        std::optional<QString> error;
        if (a == QLatin1String("--")) {
            ++i;
            break;
        }
        if (a == QLatin1String("--socket") || a.startsWith(QLatin1String("--socket="))) {
            if (a.size() > 8)
                r.socket = a.mid(9);
            else if (i + 1 < args.size())
                r.socket = args.at(++i);
            else
                return std::unexpected(tr("--socket needs a path"));
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')) || a.size() < 2)
            break;
        if (a == QLatin1String("-h")) {
            error = place(JobPlacement{JobPlacement::Kind::Home, {}});
        } else if (a.at(1).isDigit()) {
            const auto id = parseNodeId(a.mid(1));
            if (!id)
                return std::unexpected(id.error());
            error = place(JobPlacement{JobPlacement::Kind::Node, {*id}});
        } else if (a.startsWith(QLatin1String("-j"))) {
            const auto list = parseList(a.mid(2));
            if (!list)
                return std::unexpected(QStringLiteral("-j: ") + list.error());
            error = place(JobPlacement{JobPlacement::Kind::Nodes, *list});
        } else if (a == QLatin1String("-F")) {
            r.spawn.anywhere = true;
        } else if (a == QLatin1String("-l") || a == QLatin1String("-L") ||
                   a == QLatin1String("-k")) {
            if (r.lockGiven)
                return std::unexpected(tr("give only one of -l, -L and -k"));
            r.lockGiven = true;
            r.spawn.lock = a == QLatin1String("-l")   ? QStringLiteral("unlock")
                           : a == QLatin1String("-L") ? QStringLiteral("lock")
                                                      : QStringLiteral("keep");
        } else if (a == QLatin1String("-c")) {
            error = profile("cpujob");
        } else if (a == QLatin1String("-i")) {
            error = profile("iojob");
        } else if (a == QLatin1String("-n")) {
            error = profile("nodecay");
        } else if (a == QLatin1String("-s")) {
            error = profile("slowdecay");
        } else if (a == QLatin1String("-f")) {
            error = profile("fastdecay");
        } else if (a == QLatin1String("-z")) {
            z = true;
        } else {
            return std::unexpected(tr("unknown option '%1'").arg(a));
        }
        if (error)
            return std::unexpected(*error);
    }
    const QStringList rest = args.mid(i);
    if (rest.isEmpty() || (z && rest.size() < 2))
        return std::unexpected(z ? tr("-z needs a program and its argv[0]") : tr("give a program"));
    if (r.spawn.anywhere && !r.placed)
        return std::unexpected(tr("-F goes with -h, -ID or -jLIST"));
    r.spawn.program = rest.first();
    r.spawn.argv0 = z ? rest.at(1) : rest.first();
    r.spawn.args = rest.mid(z ? 2 : 1);
    if (!r.lockGiven)
        r.spawn.lock = r.placed || !r.profiled ? QStringLiteral("lock") : QStringLiteral("keep");
    r.spawn.cwd = QDir::currentPath();
    r.spawn.env = QProcess::systemEnvironment();
    r.spawn.caller = std::int32_t(::getpid());
    return r;
}

// The signals a terminal user sends; each one reaches the job. Ctrl-Z stops the job and then
// mosrun, as a shell's job would stop; `fg` continues both.
constexpr int Forwarded[] = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT, SIGUSR1,
                             SIGUSR2, SIGALRM, SIGTSTP, SIGCONT};
int signalPipe[2] = {-1, -1};

void onSignal(int sig) {
    const unsigned char byte = static_cast<unsigned char>(sig);
    // Nothing to do when the pipe is full: dozens of signals are waiting already.
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

bool writeAll(int fd, const QByteArray &data) {
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

class SignalRelay {
public:
    SignalRelay() {
        if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        struct sigaction sa{};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        for (int sig : Forwarded)
            ::sigaction(sig, &sa, nullptr);
        m_notifier = std::make_unique<QSocketNotifier>(signalPipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this] { drain(); });
    }
    void setJob(AgentClient *client, const QString &job) {
        m_client = client;
        m_job = job;
        const QList<int> early = std::exchange(m_early, {});
        for (int sig : early)
            send(sig);
    }

private:
    void drain() {
        unsigned char byte = 0;
        while (::read(signalPipe[0], &byte, 1) == 1) {
            if (m_job.isEmpty())
                m_early.append(byte);
            else
                send(byte);
        }
    }
    void send(int sig) {
        JobSignalParams p;
        p.job = m_job;
        p.signal = sig;
        if (sig == SIGTSTP) {
            // The job stops where it runs, then this terminal's side of it.
            m_client->call(QString(methods::jobSignal), toJson(p)).then([](Result<QJsonValue>) {
                ::raise(SIGSTOP);
            });
            return;
        }
        m_client->call(QString(methods::jobSignal), toJson(p));
    }
    std::unique_ptr<QSocketNotifier> m_notifier;
    AgentClient *m_client = nullptr;
    QString m_job;
    QList<int> m_early;
};

} // namespace

int runMosrun(ToolContext &ctx, const QStringList &argv) {
    if (argv.value(0) == QLatin1String("--help")) {
        ctx.out << Usage;
        return ExitOk;
    }
    if (argv.value(0) == QLatin1String("--version")) {
        ctx.out << ctx.name << " (omview) " << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    auto request = parse(argv);
    if (!request)
        return ctx.fail(ExitUsage, request.error() + tr("; see mosrun --help"));
    SignalRelay relay;
    auto session = AgentSession::open(agentSocketPath(request->socket), ctx.name);
    if (!session)
        return ctx.fail(ExitNoAgent, session.error().message);
    AgentSession &s = **session;
    const auto spawned = s.wait(s.client().call(QString(methods::procSpawn), toJson(request->spawn),
                                                AgentClient::MigrateTimeout));
    if (!spawned)
        return ctx.fail(ExitNotStarted, spawned.error().message);
    const auto job = fromJson<SpawnResult>(*spawned);
    if (!job)
        return ctx.fail(ExitNotStarted, job.error().toString());
    relay.setJob(&s.client(), job->job);

    JobReadParams read;
    read.job = job->job;
    read.waitMs = 10'000;
    bool outOpen = true, errOpen = true;
    for (;;) {
        const auto got = s.wait(s.client().call(QString(methods::jobRead), toJson(read),
                                                std::chrono::milliseconds(read.waitMs + 20'000)));
        if (!got)
            return ctx.fail(ExitNo, tr("lost job %1 (PID %2): %3")
                                        .arg(job->job)
                                        .arg(job->pid)
                                        .arg(got.error().message));
        const auto o = fromJson<JobOutput>(*got);
        if (!o)
            return ctx.fail(ExitNo, o.error().toString());
        const QByteArray out = QByteArray::fromBase64(o->out.toLatin1());
        const QByteArray err = QByteArray::fromBase64(o->err.toLatin1());
        // A closed terminal drops the job's output, as it would for a local program.
        outOpen = outOpen && writeAll(STDOUT_FILENO, out);
        errOpen = errOpen && writeAll(STDERR_FILENO, err);
        read.stdoutOffset += out.size();
        read.stderrOffset += err.size();
        if (o->ended)
            return o->signal ? 128 + o->signal : o->exitCode;
    }
}

} // namespace omview::cli

namespace omview::cli {

namespace {

struct Wrapper {
    const char *name;
    const char *options; // what it puts before its own arguments
};
constexpr Wrapper Wrappers[] = {
    {"nomig", "-h -L"}, {"runhome", "-h -L"}, {"runon", ""},       {"cpujob", "-c"},
    {"iojob", "-i"},    {"nodecay", "-n"},    {"slowdecay", "-s"}, {"fastdecay", "-f"},
};

} // namespace

bool isMosrunWrapper(const QString &name) {
    for (const Wrapper &w : Wrappers)
        if (name == QLatin1String(w.name))
            return true;
    return false;
}

int runMosrunWrapper(ToolContext &ctx, const QStringList &argv) {
    QStringList args = argv;
    if (ctx.name == QLatin1String("runon")) {
        // runon ID [-z] PROGRAM...: straight to that node, and locked there.
        if (args.isEmpty() || !parseNodeId(args.first()))
            return ctx.fail(ExitUsage, tr("usage: runon ID [-z] PROGRAM [ARG...]"));
        args.replace(0, QLatin1Char('-') + args.first());
        args.insert(1, QStringLiteral("-L"));
        return runMosrun(ctx, args);
    }
    for (const Wrapper &w : Wrappers)
        if (ctx.name == QLatin1String(w.name))
            args =
                QString::fromLatin1(w.options).split(QLatin1Char(' '), Qt::SkipEmptyParts) + args;
    return runMosrun(ctx, args);
}

} // namespace omview::cli
