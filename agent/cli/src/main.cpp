// omtools: the openMosix command-line tools in one binary, chosen by the name
// it is called by (mosctl, setpe, showmap, mps, migrate) or by its first argument.
#include "migrate.h"
#include "mosctl.h"
#include "mosrun.h"
#include "mps.h"
#include "setpe.h"
#include "showmap.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace omview::cli;

namespace {

using Runner = int (*)(ToolContext &, const QStringList &);

Runner runnerFor(const QString &name)
{
    if (name == QLatin1String("mosctl"))
        return runMosctl;
    if (name == QLatin1String("setpe"))
        return runSetpe;
    if (name == QLatin1String("showmap"))
        return runShowmap;
    if (name == QLatin1String("mps"))
        return runMps;
    if (name == QLatin1String("migrate"))
        return runMigrate;
    if (name == QLatin1String("mosrun"))
        return runMosrun;
    if (isMosrunWrapper(name))
        return runMosrunWrapper;
    return nullptr;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral(OMVIEW_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList args = app.arguments();
    QString name = QFileInfo(args.takeFirst()).fileName();
    Runner run = runnerFor(name);
    if (!run && !args.isEmpty()) {
        name = args.takeFirst();
        run = runnerFor(name);
    }
    if (!run) {
        err << "usage: omtools {mosctl|setpe|showmap|mps|migrate|mosrun|nomig|runhome|runon|\n"
               "               cpujob|iojob|nodecay|slowdecay|fastdecay} [ARGS...]\n"
               "  or call it by one of those names (the install links them)\n";
        return ExitUsage;
    }
    ToolContext ctx{name, {}, {}, false, out, err};
    const int code = run(ctx, args);
    out.flush();
    return code;
}
