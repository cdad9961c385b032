// mosctl: the openMosix node control tool, as a client of the agent.
#include "mosctl.h"

#include "agentsession.h"
#include "nodeselect.h"

#include <omview/protocol/json.h>

#include <QCoreApplication>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>
#include <functional>

namespace omview::cli {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("mosctl", text); }

const QString Usage = QStringLiteral(
    "usage: mosctl [--socket PATH] [--json] COMMAND\n"
    "  stay | nostay | lstay | nolstay | block | noblock | quiet | noquiet\n"
    "  expel | bring | gettune | getyard | getdecay\n"
    "  whois [ID | IP-address | hostname]\n"
    "  getload | getspeed | status | isup | getmem | getfree | getutil [ID]\n"
    "  setyard {number | this}\n"
    "  setspeed SPEED\n"
    "  setdecay INTERVAL SLOW FAST\n");

// A flag of admin/: the settings field, its value, and what to say when the
// node already was in that state (the original tools' wording where known).
struct FlagCommand {
    const char *name;
    std::optional<bool> SettingsChange::*field;
    bool Settings::*current;
    bool value;
    const char *already;
};

const FlagCommand FlagCommands[] = {
    {"stay", &SettingsChange::stay, &Settings::stay, true,
     QT_TRANSLATE_NOOP("mosctl", "automatic load-balancing already disabled.")},
    {"nostay", &SettingsChange::stay, &Settings::stay, false,
     QT_TRANSLATE_NOOP("mosctl", "automatic load-balancing already enabled.")},
    {"lstay", &SettingsChange::lstay, &Settings::lstay, true,
     QT_TRANSLATE_NOOP("mosctl", "Local processes already not allowed to leave automatically.")},
    {"nolstay", &SettingsChange::lstay, &Settings::lstay, false,
     QT_TRANSLATE_NOOP("mosctl", "Local processes already allowed to leave automatically.")},
    {"block", &SettingsChange::block, &Settings::block, true,
     QT_TRANSLATE_NOOP("mosctl", "Remote processes already blocked.")},
    {"noblock", &SettingsChange::block, &Settings::block, false,
     QT_TRANSLATE_NOOP("mosctl", "Remote processes already allowed.")},
    {"quiet", &SettingsChange::quiet, &Settings::quiet, true,
     QT_TRANSLATE_NOOP("mosctl", "Load information already not sent to other nodes.")},
    {"noquiet", &SettingsChange::quiet, &Settings::quiet, false,
     QT_TRANSLATE_NOOP("mosctl", "Load information already sent to other nodes.")},
};

class Mosctl {
public:
    Mosctl(ToolContext &ctx, AgentSession &session) : m_ctx(ctx), m_s(session) {}

    int run(const QString &command, const QStringList &args);

private:
    int refused(const RpcError &e) const { return m_ctx.fail(ExitNo, e.message); }
    int usage() const { return m_ctx.fail(ExitUsage, tr("bad arguments; see mosctl --help")); }

    int flag(const FlagCommand &f, const QStringList &args);
    int setValue(const SettingsChange &change);
    int carryOut(QLatin1StringView method, const QString &doneMessage);
    int expel(const QStringList &args);
    int bring(const QStringList &args);
    int gettune(const QStringList &args);
    int getyard(const QStringList &args);
    int getdecay(const QStringList &args);
    int whois(const QStringList &args);
    int nodeValue(const QString &command, const QStringList &args);
    int setyard(const QStringList &args);
    int setspeed(const QStringList &args);
    int setdecay(const QStringList &args);

    std::expected<Settings, RpcError> settings() { return m_s.wait(m_s.client().settings()); }
    void print(const QString &line) const { m_ctx.out << line << '\n'; }

    ToolContext &m_ctx;
    AgentSession &m_s;
};

int Mosctl::run(const QString &command, const QStringList &args)
{
    for (const FlagCommand &f : FlagCommands)
        if (command == QLatin1String(f.name))
            return flag(f, args);

    using Handler = int (Mosctl::*)(const QStringList &);
    static const std::pair<const char *, Handler> handlers[] = {
        {"expel", &Mosctl::expel},       {"bring", &Mosctl::bring},
        {"gettune", &Mosctl::gettune},   {"getyard", &Mosctl::getyard},
        {"getdecay", &Mosctl::getdecay}, {"whois", &Mosctl::whois},
        {"setyard", &Mosctl::setyard},   {"setspeed", &Mosctl::setspeed},
        {"setdecay", &Mosctl::setdecay},
    };
    for (const auto &[name, handler] : handlers)
        if (command == QLatin1String(name))
            return (this->*handler)(args);

    static const char *const nodeCommands[] = {"getload", "getspeed", "status", "isup",
                                               "getmem",  "getfree",  "getutil"};
    for (const char *name : nodeCommands)
        if (command == QLatin1String(name))
            return nodeValue(command, args);

    return m_ctx.fail(ExitUsage, tr("unknown command '%1'; see mosctl --help").arg(command));
}

int Mosctl::flag(const FlagCommand &f, const QStringList &args)
{
    if (!args.isEmpty())
        return usage();
    const auto current = settings();
    if (!current)
        return refused(current.error());
    if ((*current).*f.current == f.value) {
        if (!m_ctx.json)
            print(tr(f.already));
        else
            m_ctx.printJson(QJsonObject{{QStringLiteral("changed"), false}});
        return ExitOk;
    }
    SettingsChange change;
    change.*f.field = f.value;
    return setValue(change);
}

int Mosctl::setValue(const SettingsChange &change)
{
    const auto result = m_s.wait(m_s.client().setSettings(change));
    if (!result)
        return refused(result.error());
    if (m_ctx.json)
        m_ctx.printJson(QJsonObject{{QStringLiteral("changed"), true}});
    return ExitOk;
}

// expel and bring block until done, as the originals did: the agent answers once every
// process it sent off has moved or failed to; each that could not is named with the reason.
int Mosctl::carryOut(QLatin1StringView method, const QString &doneMessage)
{
    const auto r = m_s.wait(m_s.client().call(QString(method), {}, AgentClient::MigrateTimeout));
    if (!r)
        return refused(r.error());
    const QJsonArray failed = r->toObject().value(QStringLiteral("failed")).toArray();
    if (m_ctx.json) {
        m_ctx.printJson(*r);
        return failed.isEmpty() ? ExitOk : ExitNo;
    }
    for (const QJsonValue &v : failed) {
        const QJsonObject f = v.toObject();
        m_ctx.err << m_ctx.name << ": "
                  << tr("process %1 did not move: %2 (%3)")
                         .arg(f.value(QStringLiteral("pid")).toInteger())
                         .arg(f.value(QStringLiteral("message")).toString(),
                              f.value(QStringLiteral("reason")).toString())
                  << Qt::endl;
    }
    if (!failed.isEmpty())
        return ExitNo;
    print(doneMessage);
    return ExitOk;
}

int Mosctl::expel(const QStringList &args)
{
    if (!args.isEmpty())
        return usage();
    return carryOut(methods::nodeExpel,
                    tr("All remote processes were expelled and no further remote processes "
                       "accepted."));
}

int Mosctl::bring(const QStringList &args)
{
    if (!args.isEmpty())
        return usage();
    return carryOut(methods::nodeBring,
                    tr("All local processes are home and stay home automatically."));
}

int Mosctl::gettune(const QStringList &args)
{
    if (!args.isEmpty())
        return usage();
    const auto s = settings();
    if (!s)
        return refused(s.error());
    const auto &o = s->overheads;
    if (m_ctx.json) {
        m_ctx.printJson(QJsonObject{{QStringLiteral("stability"), qint64(o[0])},
                                    {QStringLiteral("migrationCost"), qint64(o[1])},
                                    {QStringLiteral("memoryLow"), qint64(o[2])},
                                    {QStringLiteral("minimumUsage"), qint64(o[3])}});
        return ExitOk;
    }
    print(tr("Stability factor: %1 per 1000").arg(o[0]));
    print(tr("Migration cost: %1 load units").arg(o[1]));
    print(tr("Memory shortage below: %1 per 1000 free").arg(o[2]));
    print(tr("Minimum CPU usage to move: %1 per 1000").arg(o[3]));
    return ExitOk;
}

int Mosctl::getyard(const QStringList &args)
{
    if (!args.isEmpty())
        return usage();
    const auto s = settings();
    if (!s)
        return refused(s.error());
    if (m_ctx.json)
        m_ctx.printJson(qint64(s->sspeed));
    else
        print(QString::number(s->sspeed));
    return ExitOk;
}

int Mosctl::getdecay(const QStringList &args)
{
    if (!args.isEmpty())
        return usage();
    const auto s = settings();
    if (!s)
        return refused(s.error());
    if (m_ctx.json) {
        m_ctx.printJson(QJsonObject{{QStringLiteral("interval"), qint64(s->decayInterval)},
                                    {QStringLiteral("slow"), qint64(s->slowDecay)},
                                    {QStringLiteral("fast"), qint64(s->fastDecay)}});
        return ExitOk;
    }
    print(tr("Decay interval: %1 seconds").arg(s->decayInterval));
    print(tr("Slow decay: %1 per 1000 kept").arg(s->slowDecay));
    print(tr("Fast decay: %1 per 1000 kept").arg(s->fastDecay));
    return ExitOk;
}

int Mosctl::whois(const QStringList &args)
{
    if (args.size() > 1)
        return usage();
    if (args.isEmpty()) {
        // The node's openMosix ID is mospe: 0 after setpe -off, whatever the agent's identity.
        const auto s = settings();
        if (!s)
            return refused(s.error());
        const NodeId self = s->mospe;
        if (self == 0)
            return m_ctx.fail(ExitNo, tr("this node is not configured (mospe is 0)"));
        if (m_ctx.json)
            m_ctx.printJson(QJsonObject{{QStringLiteral("node"), qint64(self)}});
        else
            print(tr("This is openMosix #%1").arg(self));
        return ExitOk;
    }
    const auto nodes = m_s.wait(m_s.client().clusterNodes());
    if (!nodes)
        return refused(nodes.error());
    const auto found = selectNode(*nodes, args.first());
    if (!found)
        return m_ctx.fail(ExitNo, found.error());
    const NodeStatus &n = (*found)->node;
    if (m_ctx.json) {
        m_ctx.printJson(QJsonObject{{QStringLiteral("node"), qint64(n.id)},
                                    {QStringLiteral("address"), n.address},
                                    {QStringLiteral("hostname"), n.hostname}});
        return ExitOk;
    }
    bool isId = false;
    args.first().toUInt(&isId);
    if (isId)
        print(n.hostname.isEmpty() ? n.address : n.address + QLatin1Char(' ') + n.hostname);
    else
        print(QString::number(n.id));
    return ExitOk;
}

int Mosctl::nodeValue(const QString &command, const QStringList &args)
{
    if (args.size() > 1)
        return usage();
    std::optional<NodeId> node;
    if (!args.isEmpty()) {
        const auto id = parseNodeId(args.first());
        if (!id)
            return m_ctx.fail(ExitUsage, id.error());
        if (*id != m_s.nodeId())
            node = *id;
    }
    const auto st = m_s.wait(m_s.client().nodeStatus(node));
    if (command == QLatin1String("isup")) {
        // isup is the openMosix ping: an unreachable node is an answer, not an error.
        const bool up = st && st->status >= 0 && (st->status & StatusUp);
        if (m_ctx.json)
            m_ctx.printJson(QJsonObject{{QStringLiteral("up"), up}});
        else
            print(up ? QStringLiteral("yes") : QStringLiteral("no"));
        return up ? ExitOk : ExitNo;
    }
    if (!st)
        return refused(st.error());
    if (m_ctx.json) {
        m_ctx.printJson(toJson(*st));
        return ExitOk;
    }
    if (st->status < 0)
        return m_ctx.fail(ExitNo, tr("node %1 is unreachable (%2)").arg(st->id).arg(st->status));
    if (command == QLatin1String("getload"))
        print(QString::number(st->load));
    else if (command == QLatin1String("getspeed"))
        print(QString::number(st->speed));
    else if (command == QLatin1String("getmem"))
        print(QString::number(st->memAvailable));
    else if (command == QLatin1String("getfree"))
        print(QString::number(st->memFree));
    else if (command == QLatin1String("getutil"))
        print(QStringLiteral("%1%").arg(st->util));
    else
        print(describeStatus(*st));
    return ExitOk;
}

int Mosctl::setyard(const QStringList &args)
{
    if (args.size() != 1)
        return usage();
    SettingsChange change;
    if (args.first() == QLatin1String("this")) {
        const auto s = settings();
        if (!s)
            return refused(s.error());
        change.sspeed = s->speed;
    } else {
        bool ok = false;
        const uint v = args.first().toUInt(&ok);
        if (!ok)
            return m_ctx.fail(ExitUsage,
                              tr("'%1' is not a speed; give a number or 'this' (processor types "
                                 "of the original are not known here)")
                                  .arg(args.first()));
        change.sspeed = v;
    }
    return setValue(change);
}

int Mosctl::setspeed(const QStringList &args)
{
    if (args.size() != 1)
        return usage();
    bool ok = false;
    const uint v = args.first().toUInt(&ok);
    if (!ok)
        return m_ctx.fail(ExitUsage, tr("'%1' is not a speed").arg(args.first()));
    SettingsChange change;
    change.speed = v;
    return setValue(change);
}

int Mosctl::setdecay(const QStringList &args)
{
    if (args.size() != 3)
        return usage();
    uint v[3];
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        v[i] = args.at(i).toUInt(&ok);
        if (!ok)
            return m_ctx.fail(ExitUsage, tr("'%1' is not a number").arg(args.at(i)));
    }
    SettingsChange change;
    change.decayInterval = v[0];
    change.slowDecay = v[1];
    change.fastDecay = v[2];
    return setValue(change);
}

} // namespace

int runMosctl(ToolContext &ctx, const QStringList &argv)
{
    if (const auto stop = parseCommonOptions(argv, ctx, Usage))
        return *stop;
    if (ctx.args.isEmpty())
        return ctx.fail(ExitUsage, tr("no command; see mosctl --help"));
    const QString command = ctx.args.takeFirst();
    if (command == QLatin1String("nomfs") || command == QLatin1String("mfs"))
        return ctx.fail(ExitNo, tr("MFS, the openMosix file system, is not part of this system: "
                                   "migrated processes reach files through a file system shared "
                                   "by the nodes (NFS, for instance)."));
    auto session = AgentSession::open(ctx.socketPath, ctx.name);
    if (!session)
        return ctx.fail(ExitNoAgent, session.error().message);
    return Mosctl(ctx, **session).run(command, ctx.args);
}

} // namespace omview::cli
