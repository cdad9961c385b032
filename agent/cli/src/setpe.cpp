#include "setpe.h"

#include "agentsession.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkInterface>
#include <omview/peers/nodemapfile.h>

namespace omview::cli {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("setpe", text); }

const QString Usage = QStringLiteral("usage: setpe -w|-W [-c] [-p ID] [-f FILE|-]   load the node map\n"
                                     "       setpe -r [-f FILE|-]                  print the node map\n"
                                     "       setpe -off                            switch openMosix off\n"
                                     "  common options: --socket PATH, --json\n");

struct SetpeOptions {
    enum class Mode { None, Write, Read, Off } mode = Mode::None;
    bool checkOnly = false;
    std::optional<NodeId> id;
    QString file = QStringLiteral("-");
};

std::expected<SetpeOptions, QString> parse(const QStringList &args)
{
    SetpeOptions o;
    const auto setMode = [&](SetpeOptions::Mode m) -> bool {
        if (o.mode != SetpeOptions::Mode::None && o.mode != m)
            return false;
        o.mode = m;
        return true;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        bool ok = true;
        if (a == QLatin1String("-w") || a == QLatin1String("-W")) {
            ok = setMode(SetpeOptions::Mode::Write);
        } else if (a == QLatin1String("-r")) {
            ok = setMode(SetpeOptions::Mode::Read);
        } else if (a == QLatin1String("-off")) {
            ok = setMode(SetpeOptions::Mode::Off);
        } else if (a == QLatin1String("-c")) {
            o.checkOnly = true;
        } else if (a == QLatin1String("-f") || a == QLatin1String("-p")) {
            if (i + 1 >= args.size())
                return std::unexpected(tr("%1 needs a value").arg(a));
            const QString v = args.at(++i);
            if (a == QLatin1String("-f")) {
                o.file = v;
            } else {
                const uint id = v.toUInt(&ok);
                if (!ok || id < 1 || id > 65535)
                    return std::unexpected(tr("-p: '%1' is not a node ID (1..65535)").arg(v));
                o.id = id;
            }
        } else if (a == QLatin1String("-g")) {
            return std::unexpected(tr("-g: network gateways are not part of this system; "
                                      "nodes reach each other over IP routing"));
        } else {
            return std::unexpected(tr("unknown option '%1'").arg(a));
        }
        if (!ok)
            return std::unexpected(tr("-w, -r and -off exclude each other"));
    }
    if (o.mode == SetpeOptions::Mode::None)
        return std::unexpected(tr("give one of -w, -r, -off"));
    return o;
}

std::expected<QString, QString> readMapFile(const QString &path)
{
    QFile f;
    const bool ok = path == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                                : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!ok)
        return std::unexpected(tr("cannot read %1: %2").arg(path, f.errorString()));
    return QString::fromUtf8(f.readAll());
}

int writeMap(ToolContext &ctx, const SetpeOptions &o)
{
    const auto raw = readMapFile(o.file);
    if (!raw)
        return ctx.fail(ExitNo, raw.error());
    // Names resolved here, once: the node keeps numeric addresses.
    const auto text = peers::NodeMapFile::resolveNames(raw->toUtf8());
    if (!text)
        return ctx.fail(ExitNo, tr("%1: %2").arg(o.file, text.error().toString()));
    const auto map = peers::NodeMap::parse(*text);
    if (!map)
        return ctx.fail(ExitNo, tr("%1: %2").arg(o.file, map.error().toString()));
    NodeId id = 0;
    if (o.id) {
        if (!map->contains(*o.id))
            return ctx.fail(ExitNo, tr("%1: node %2 is not in the map").arg(o.file).arg(*o.id));
        id = *o.id;
    } else {
        const auto own = map->localNode(QNetworkInterface::allAddresses());
        if (!own)
            return ctx.fail(ExitNo, tr("%1: %2 (give -p ID)").arg(o.file, own.error()));
        id = *own;
    }
    if (o.checkOnly) {
        if (!ctx.json)
            ctx.out << tr("%1: the map is consistent; this is node %2").arg(o.file).arg(id) << '\n';
        return ExitOk;
    }
    auto session = AgentSession::open(ctx.socketPath, ctx.name);
    if (!session)
        return ctx.fail(ExitNoAgent, session.error().message);
    AgentSession &s = **session;
    if (const auto r = s.wait(s.client().setNodeMap(QString::fromUtf8(*text))); !r)
        return ctx.fail(ExitNo, r.error().message);
    SettingsChange change;
    change.mospe = id;
    if (const auto r = s.wait(s.client().setSettings(change)); !r)
        return ctx.fail(ExitNo, r.error().message);
    return ExitOk;
}

int readMap(ToolContext &ctx, const SetpeOptions &o)
{
    auto session = AgentSession::open(ctx.socketPath, ctx.name);
    if (!session)
        return ctx.fail(ExitNoAgent, session.error().message);
    AgentSession &s = **session;
    const auto text = s.wait(s.client().nodeMap());
    if (!text)
        return ctx.fail(ExitNo, text.error().message);
    if (o.file == QLatin1String("-")) {
        ctx.out << *text;
        return ExitOk;
    }
    QFile f(o.file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text->toUtf8()) < 0)
        return ctx.fail(ExitNo, tr("cannot write %1: %2").arg(o.file, f.errorString()));
    return ExitOk;
}

int switchOff(ToolContext &ctx)
{
    auto session = AgentSession::open(ctx.socketPath, ctx.name);
    if (!session)
        return ctx.fail(ExitNoAgent, session.error().message);
    AgentSession &s = **session;
    SettingsChange change;
    change.mospe = 0;
    if (const auto r = s.wait(s.client().setSettings(change)); !r)
        return ctx.fail(ExitNo, r.error().message);
    if (const auto r = s.wait(s.client().setNodeMap(QString())); !r)
        return ctx.fail(ExitNo, r.error().message);
    return ExitOk;
}

} // namespace

int runSetpe(ToolContext &ctx, const QStringList &argv)
{
    if (const auto stop = parseCommonOptions(argv, ctx, Usage))
        return *stop;
    const auto o = parse(ctx.args);
    if (!o)
        return ctx.fail(ExitUsage, o.error());
    switch (o->mode) {
    case SetpeOptions::Mode::Write:
        return writeMap(ctx, *o);
    case SetpeOptions::Mode::Read:
        return readMap(ctx, *o);
    case SetpeOptions::Mode::Off:
    case SetpeOptions::Mode::None:
        break;
    }
    return switchOff(ctx);
}

} // namespace omview::cli
