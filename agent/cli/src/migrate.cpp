// migrate: openMosix's migrate PID {ID|home|balance}, carried out by the agent with criu.
#include "migrate.h"

#include "agentsession.h"
#include "nodeselect.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <omview/protocol/methods.h>

namespace omview::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("migrate", text);
}

const QString Usage = QStringLiteral(
    "usage: migrate [--socket PATH] [--json] [--node ID] PID {ID | home | balance}\n"
    "  Moves process PID to node ID, back to its home node, or to the node the\n"
    "  load balancer picks. --node names the agent to ask: the process's home\n"
    "  node, or the node it runs on as a guest (default: this node).\n"
    "  exit: 0 moved or already there, 2 usage, 3 no agent, 4 no such process,\n"
    "        5 refused (nothing stopped), 6 move failed (runs where it was), 1 other\n");

struct MigrateRequest {
    std::int32_t pid = 0;
    MigrateTarget target;
    std::optional<NodeId> node;
};

std::expected<MigrateTarget, QString> parseTarget(const QString &text) {
    if (text == QLatin1String("home"))
        return MigrateTarget{MigrateTarget::Kind::Home, 0};
    if (text == QLatin1String("balance"))
        return MigrateTarget{MigrateTarget::Kind::Balance, 0};
    const auto id = parseNodeId(text);
    if (!id)
        return std::unexpected(
            tr("'%1' is not a node ID (1..65535), 'home' or 'balance'").arg(text));
    return MigrateTarget{MigrateTarget::Kind::Node, *id};
}

std::expected<MigrateRequest, QString> parse(const QStringList &args) {
    MigrateRequest r;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        QString nodeText;
        if (a == QLatin1String("--node")) {
            if (i + 1 >= args.size())
                return std::unexpected(tr("--node needs a node ID"));
            nodeText = args.at(++i);
        } else if (a.startsWith(QLatin1String("--node="))) {
            nodeText = a.mid(7);
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1 && !a.at(1).isDigit()) {
            // Not "-5": that one reaches the PID check, which says what is wrong with it.
            return std::unexpected(tr("unknown option '%1'").arg(a));
        } else {
            positional.append(a);
            continue;
        }
        const auto id = parseNodeId(nodeText);
        if (!id)
            return std::unexpected(QStringLiteral("--node: ") + id.error());
        r.node = *id;
    }
    if (positional.size() != 2)
        return std::unexpected(tr("give a process ID and a target"));
    bool ok = false;
    const int pid = positional.at(0).toInt(&ok);
    if (!ok || pid < 1)
        return std::unexpected(tr("'%1' is not a process ID").arg(positional.at(0)));
    r.pid = pid;
    const auto target = parseTarget(positional.at(1));
    if (!target)
        return std::unexpected(target.error());
    r.target = *target;
    return r;
}

QString reasonOf(const RpcError &e) {
    return e.data.toObject().value(QLatin1String("reason")).toString();
}

// The exit code for a refusal; the reasons are those of proc.migrate's -32006.
int exitFor(const RpcError &e) {
    if (e.is(ErrorCode::NoSuchProcess))
        return ExitNoProcess;
    if (!e.is(ErrorCode::MigrationFailed))
        return ExitNo;
    const QString reason = reasonOf(e);
    // already-there is no failure: reportRefused answers it before asking here.
    static const char *const refused[] = {"cantmove", "target-refused", "busy"};
    static const char *const failed[] = {"dump-failed", "transfer-failed", "no-space",
                                         "pid-taken",   "restore-failed",  "unreachable"};
    if (reason == QLatin1String("no-such-process"))
        return ExitNoProcess;
    for (const char *r : refused)
        if (reason == QLatin1String(r))
            return ExitRefused;
    for (const char *r : failed)
        if (reason == QLatin1String(r))
            return ExitMoveFailed;
    return ExitNo; // internal, or a reason newer than this tool
}

QString formatDuration(std::int64_t ms) {
    if (ms < 10000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

int reportMoved(ToolContext &ctx, const MigrateRequest &r, const MigrateResult &result) {
    // The agent answers a forwarded move whose process already runs on the target with
    // nothing moved rather than with already-there: it is the same outcome.
    const bool moved = result.bytes > 0;
    if (ctx.json) {
        QJsonObject o = toJson(result);
        o.insert(QStringLiteral("pid"), r.pid);
        o.insert(QStringLiteral("moved"), moved);
        ctx.printJson(o);
    } else if (!moved) {
        ctx.out << ctx.name << ": "
                << tr("process %1 runs on node %2 already").arg(r.pid).arg(result.node) << '\n';
    } else {
        ctx.out << ctx.name << ": "
                << tr("process %1 now runs on node %2 (%3 in %4)")
                       .arg(r.pid)
                       .arg(result.node)
                       .arg(QLocale::c().formattedDataSize(result.bytes, 1),
                            formatDuration(result.totalMs))
                << '\n';
    }
    return ExitOk;
}

int reportRefused(ToolContext &ctx, const MigrateRequest &r, const RpcError &e) {
    const QString reason = reasonOf(e);
    if (reason == QLatin1String("already-there")) {
        // Where the user wanted it to be: not a failure.
        if (ctx.json)
            ctx.printJson(QJsonObject{{QStringLiteral("pid"), r.pid},
                                      {QStringLiteral("moved"), false},
                                      {QStringLiteral("message"), e.message}});
        else
            ctx.out << ctx.name << ": " << e.message << '\n';
        return ExitOk;
    }
    QString message = e.message;
    if (!reason.isEmpty())
        message += QStringLiteral(" (%1)").arg(reason);
    else if (e.is(ErrorCode::NoSuchProcess))
        message += QStringLiteral(" (no-such-process)");
    else if (e.is(ErrorCode::Timeout))
        message += tr("; the move may still finish: see mps %1").arg(r.pid);
    return ctx.fail(exitFor(e), message);
}

} // namespace

int runMigrate(ToolContext &ctx, const QStringList &argv) {
    if (const auto stop = parseCommonOptions(argv, ctx, Usage))
        return *stop;
    auto request = parse(ctx.args);
    if (!request)
        return ctx.fail(ExitUsage, request.error() + tr("; see migrate --help"));
    auto session = AgentSession::open(ctx.socketPath, ctx.name);
    if (!session)
        return ctx.fail(ExitNoAgent, session.error().message);
    AgentSession &s = **session;
    // The agent serves its own ID locally; naming it would only forward to itself.
    if (request->node == s.nodeId())
        request->node.reset();
    const auto result =
        s.wait(s.client().procMigrate(request->pid, request->target, request->node));
    if (!result)
        return reportRefused(ctx, *request, result.error());
    return reportMoved(ctx, *request, *result);
}

} // namespace omview::cli
