#include "mps.h"

#include "agentsession.h"

#include <omview/protocol/json.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace omview::cli {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("mps", text); }

const QString Usage = QStringLiteral(
    "usage: mps [--socket PATH] [--json] [-u USER] [--guests] [PID...]\n"
    "  Lists the processes started on this node with the node each runs on\n"
    "  (NODE 0 = here); --guests adds the processes that came from other nodes.\n");

QString formatCpuTime(std::int64_t ms)
{
    const std::int64_t s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

int runMps(ToolContext &ctx, const QStringList &argv)
{
    if (const auto stop = parseCommonOptions(argv, ctx, Usage))
        return *stop;
    std::optional<QString> user;
    bool guests = false;
    QList<std::int32_t> pids;
    for (qsizetype i = 0; i < ctx.args.size(); ++i) {
        const QString &a = ctx.args.at(i);
        if (a == QLatin1String("-u")) {
            if (i + 1 >= ctx.args.size())
                return ctx.fail(ExitUsage, tr("-u needs a user name"));
            user = ctx.args.at(++i);
        } else if (a == QLatin1String("--guests")) {
            guests = true;
        } else {
            bool ok = false;
            const int pid = a.toInt(&ok);
            if (!ok || pid <= 0)
                return ctx.fail(ExitUsage, tr("'%1' is not a process ID").arg(a));
            pids.append(pid);
        }
    }
    auto session = AgentSession::open(ctx.socketPath, ctx.name);
    if (!session)
        return ctx.fail(ExitNoAgent, session.error().message);
    AgentSession &s = **session;
    auto procs = s.wait(s.client().processes(user));
    if (!procs)
        return ctx.fail(ExitNo, procs.error().message);
    QList<ProcessInfo> shown;
    for (const ProcessInfo &p : *procs)
        if ((guests || !p.guest) && (pids.isEmpty() || pids.contains(p.pid)))
            shown.append(p);
    std::ranges::sort(shown, {}, &ProcessInfo::pid);
    if (!pids.isEmpty() && shown.isEmpty())
        return ctx.fail(ExitNo, tr("no such process"));

    if (ctx.json) {
        QJsonArray rows;
        for (const ProcessInfo &p : shown)
            rows.append(toJson(p));
        ctx.printJson(rows);
        return ExitOk;
    }
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(QStringLiteral("PID"), 7)
                   .arg(QStringLiteral("TTY"), -8)
                   .arg(QStringLiteral("NODE"), 4)
                   .arg(QStringLiteral("STAT"), -4)
                   .arg(QStringLiteral("TIME"), 6)
                   .arg(QStringLiteral("COMMAND"));
    for (const ProcessInfo &p : shown) {
        const QString command = p.cmdline.isEmpty() ? QLatin1Char('[') + p.command + QLatin1Char(']')
                                                    : p.cmdline;
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                       .arg(p.pid, 7)
                       .arg(p.tty.isEmpty() ? QStringLiteral("?") : p.tty, -8)
                       .arg(p.where, 4)
                       .arg(QString(QLatin1Char(p.state)), -4)
                       .arg(formatCpuTime(p.cpuTimeMs), 6)
                       .arg(command);
    }
    return ExitOk;
}

} // namespace omview::cli
