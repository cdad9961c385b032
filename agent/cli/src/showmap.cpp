#include "showmap.h"

#include "agentsession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <omview/peers/nodemap.h>

namespace omview::cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("showmap", text); }
const QString Usage = QStringLiteral("usage: showmap [--socket PATH] [--json]\n");
} // namespace

int runShowmap(ToolContext &ctx, const QStringList &argv)
{
    if (const auto stop = parseCommonOptions(argv, ctx, Usage))
        return *stop;
    if (!ctx.args.isEmpty())
        return ctx.fail(ExitUsage, tr("no arguments expected; see showmap --help"));
    auto session = AgentSession::open(ctx.socketPath, ctx.name);
    if (!session)
        return ctx.fail(ExitNoAgent, session.error().message);
    AgentSession &s = **session;
    const auto text = s.wait(s.client().nodeMap());
    if (!text)
        return ctx.fail(ExitNo, text.error().message);
    const auto map = peers::NodeMap::parse(text->toUtf8());
    if (!map)
        return ctx.fail(ExitNo, tr("the agent's map does not parse: %1").arg(map.error().toString()));

    // One row per node with count 1, as omdiscd's showmap printed it.
    QJsonArray entries;
    QStringList rows;
    for (const peers::NodeMap::Node &n : map->nodes()) {
        const QString addr = QString::fromLatin1(peers::NodeMap::plainAddressText(n.address));
        entries.append(QJsonObject{{QStringLiteral("node"), qint64(n.id)},
                                   {QStringLiteral("address"), addr}});
        rows << QStringLiteral("0x%1       %2 1").arg(n.id, 4, 16, QLatin1Char('0')).arg(addr, -16);
    }
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("node"), qint64(s.nodeId())},
                                  {QStringLiteral("map"), entries}});
        return ExitOk;
    }
    ctx.out << QStringLiteral("My Node-Id: 0x%1\n\n").arg(s.nodeId(), 4, 16, QLatin1Char('0'));
    ctx.out << "Base Node-Id Address          Count\n"
               "------------ ---------------- -----\n";
    for (const QString &row : rows)
        ctx.out << row << '\n';
    return ExitOk;
}

} // namespace omview::cli
