// omview-history: the process history browser on its own, for a collector
// database or a saved copy of one. --screenshot renders the window into a file
// and exits (for reviews and documentation).
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QTimer>
#include <cstdio>
#include <omview/collector/collectorpaths.h>
#include <omview/collector/timespec.h>
#include <omview/history/historysession.h>
#include <omview/history/historywindow.h>
#include <omview/resources/translations.h>

using omview::history::HistoryWindow;

namespace {

constexpr int UsageExit = 2;

int fail(int code, const QString &message) {
    std::fprintf(stderr, "omview-history: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    omview::installTranslations(app);
    QApplication::setOrganizationName(QStringLiteral("omview"));
    QApplication::setApplicationName(QStringLiteral("omview-history"));
    QApplication::setApplicationVersion(QStringLiteral(OMVIEW_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse the processes a collector recorded: what ran "
                                        "where at any moment, and who used the CPU when."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("database"),
        QApplication::translate("main", "The collector database (default: %1).")
            .arg(omview::collector::defaultDatabasePath()),
        QStringLiteral("[database]"));
    const QCommandLineOption nodeOption(
        QStringLiteral("node"),
        QApplication::translate("main", "Show this node's processes (0: every node)."),
        QStringLiteral("id"));
    const QCommandLineOption atOption(
        QStringLiteral("at"),
        QApplication::translate("main", "Show the snapshot at or before this moment: now, -2h, "
                                        "@SECONDS, 2024-06-10T12:00."),
        QStringLiteral("time"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"),
        QApplication::translate("main", "Rank the processes by CPU time from this moment..."),
        QStringLiteral("time"));
    const QCommandLineOption toOption(
        QStringLiteral("to"), QApplication::translate("main", "...to this one (default: now)."),
        QStringLiteral("time"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save the window as an image to this file and exit."),
        QStringLiteral("file"));
    parser.addOptions({nodeOption, atOption, fromOption, toOption, screenshotOption});
    parser.process(app);

    if (parser.positionalArguments().size() > 1)
        return fail(UsageExit, QApplication::translate("main", "one database at a time, please"));
    const QString database =
        parser.positionalArguments().value(0, omview::collector::defaultDatabasePath());

    const QDateTime now = QDateTime::currentDateTime();
    auto timeOption = [&](const QCommandLineOption &option) -> std::expected<qint64, QString> {
        auto t = omview::collector::parseTime(parser.value(option), now);
        if (!t)
            return std::unexpected(
                QStringLiteral("--%1: %2").arg(option.names().first(), t.error()));
        return *t;
    };
    omview::store::NodeId node = 0;
    if (parser.isSet(nodeOption)) {
        bool ok = false;
        node = parser.value(nodeOption).toUInt(&ok);
        if (!ok || node > 65535)
            return fail(UsageExit, QApplication::translate("main", "--node: “%1” is not a node "
                                                                   "ID (0..65535)")
                                       .arg(parser.value(nodeOption)));
    }
    std::optional<qint64> at, from, to;
    for (auto [option, slot] :
         {std::pair{&atOption, &at}, std::pair{&fromOption, &from}, std::pair{&toOption, &to}}) {
        if (!parser.isSet(*option))
            continue;
        auto t = timeOption(*option);
        if (!t)
            return fail(UsageExit, t.error());
        *slot = *t;
    }
    if (to && !from)
        return fail(UsageExit, QApplication::translate("main", "--to needs --from"));

    HistoryWindow window;
    const auto opened = window.openDatabase(database);
    if (!opened && parser.isSet(screenshotOption))
        return fail(1, opened.error());
    if (parser.isSet(nodeOption) || at)
        window.showMoment(node, at ? QDateTime::fromSecsSinceEpoch(*at)
                                   : QDateTime::fromSecsSinceEpoch(
                                         window.session()->cursor().asked().value_or(0)));
    if (from)
        window.showCpuRanking(node, QDateTime::fromSecsSinceEpoch(*from),
                              QDateTime::fromSecsSinceEpoch(to.value_or(now.toSecsSinceEpoch())));
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        int code = 0;
        // Let the layout settle and the chart draw before the picture is taken.
        QTimer::singleShot(300, &window, [&] {
            if (!window.grab().save(file))
                code = fail(1, QApplication::translate("main", "cannot write %1").arg(file));
            app.quit();
        });
        app.exec();
        return code;
    }
    return app.exec();
}
