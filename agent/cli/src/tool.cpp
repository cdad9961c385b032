#include "tool.h"

#include "agentsession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace omview::cli {

int ToolContext::fail(int code, const QString &message) const
{
    err << name << ": " << message << Qt::endl;
    return code;
}

void ToolContext::printJson(const QJsonValue &value) const
{
    QJsonDocument doc;
    if (value.isArray())
        doc.setArray(value.toArray());
    else if (value.isObject())
        doc.setObject(value.toObject());
    else
        doc.setObject(QJsonObject{{QStringLiteral("value"), value}});
    out << doc.toJson(QJsonDocument::Indented);
    out.flush();
}

std::optional<int> parseCommonOptions(const QStringList &argv, ToolContext &ctx,
                                      const QString &usage)
{
    QString socket;
    for (qsizetype i = 0; i < argv.size(); ++i) {
        const QString &a = argv.at(i);
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            ctx.out << usage;
            ctx.out.flush();
            return ExitOk;
        }
        if (a == QLatin1String("--json")) {
            ctx.json = true;
        } else if (a == QLatin1String("--socket")) {
            if (i + 1 >= argv.size())
                return ctx.fail(ExitUsage, QCoreApplication::translate("cli", "--socket needs a path"));
            socket = argv.at(++i);
        } else if (a.startsWith(QLatin1String("--socket="))) {
            socket = a.mid(9);
        } else if (a == QLatin1String("--version")) {
            ctx.out << ctx.name << " (omview) " << QCoreApplication::applicationVersion() << '\n';
            ctx.out.flush();
            return ExitOk;
        } else {
            ctx.args.append(a);
        }
    }
    ctx.socketPath = agentSocketPath(socket);
    return std::nullopt;
}

} // namespace omview::cli
