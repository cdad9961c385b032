// omview-analyzer: the cluster's load and memory history from a collector
// database, as charts. A click in a chart opens the process history at that
// moment when the history browser is built in; otherwise the request is
// printed ("history NODE ISO-TIME"), for scripts and for the console to pick up.
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QStyleFactory>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <omview/analyzer/analyzersession.h>
#include <omview/analyzer/analyzerwidget.h>
#include <omview/analyzer/analyzerwindow.h>
#include <omview/analyzer/nodelistmodel.h>
#include <omview/analyzer/rangeselection.h>
#include <omview/collector/collectorpaths.h>
#include <omview/resources/translations.h>
#ifdef OMVIEW_HAVE_HISTORY
#include <omview/history/historywindow.h>
#endif

using namespace omview::analyzer;

namespace {

void fail(const QString &message) {
    std::fprintf(stderr, "omview-analyzer: %s\n", qPrintable(message));
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x33, 0x36, 0x3b), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    omview::installTranslations(app);
    QApplication::setApplicationName(QStringLiteral("omview-analyzer"));
    QApplication::setOrganizationName(QStringLiteral("omview"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Load and memory charts of a collector database."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("database"),
        QApplication::translate("main", "The collector database (default: %1).")
            .arg(omview::collector::defaultDatabasePath()),
        QStringLiteral("[database]"));
    const QCommandLineOption nodeOption(
        QStringLiteral("node"),
        QApplication::translate("main", "Show only this node's chart (and the cluster's)."),
        QStringLiteral("id"));
    const QCommandLineOption rangeOption(
        QStringLiteral("range"),
        QApplication::translate("main", "hour, day, week, all, a duration (6h, 14d) or "
                                        "FROM..TO (2024-06-10T12:00..now). Default: hour."),
        QStringLiteral("range"));
    const QCommandLineOption thresholdOption(
        QStringLiteral("threshold"),
        QApplication::translate("main", "Load above this percent is drawn red (default 75)."),
        QStringLiteral("percent"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save the window as a PNG once drawn, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        QApplication::translate("main", "Window size, WIDTHxHEIGHT (default 1280x860)."),
        QStringLiteral("size"));
    const QCommandLineOption darkOption(QStringLiteral("dark"),
                                        QApplication::translate("main", "Use a dark palette."));
    parser.addOptions(
        {nodeOption, rangeOption, thresholdOption, screenshotOption, sizeOption, darkOption});
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.size() > 1) {
        fail(QApplication::translate("main", "one database at a time"));
        return 2;
    }
    const QString path = args.isEmpty() ? omview::collector::defaultDatabasePath() : args.first();

    if (parser.isSet(darkOption)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    AnalyzerWindow window;
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).split(u'x');
        bool w = false, h = false;
        const int width = parts.size() == 2 ? parts[0].toInt(&w) : 0;
        const int height = parts.size() == 2 ? parts[1].toInt(&h) : 0;
        if (!w || !h || width < 320 || height < 240 || width > 10000 || height > 10000) {
            fail(QApplication::translate("main", "--size %1: expected WIDTHxHEIGHT")
                     .arg(parser.value(sizeOption)));
            return 2;
        }
        window.resize(width, height);
    }
    if (auto opened = window.open(path); !opened) {
        fail(opened.error());
        return 1;
    }
    AnalyzerWidget *analyzer = window.analyzer();
    AnalyzerSession *session = analyzer->session();

    if (parser.isSet(thresholdOption)) {
        bool ok = false;
        const double threshold = parser.value(thresholdOption).toDouble(&ok);
        auto set = ok ? session->setThreshold(threshold)
                      : std::expected<void, QString>(
                            std::unexpected(QApplication::translate("main", "not a number")));
        if (!set) {
            fail(QStringLiteral("--threshold %1: %2")
                     .arg(parser.value(thresholdOption), set.error()));
            return 2;
        }
    }
    if (parser.isSet(rangeOption)) {
        const std::int64_t now =
            session->dataRange() ? session->dataRange()->last : QDateTime::currentSecsSinceEpoch();
        auto selection = RangeSelection::parse(parser.value(rangeOption), now);
        if (!selection) {
            fail(QStringLiteral("--range: %1").arg(selection.error()));
            return 2;
        }
        if (auto set = session->setSelection(*selection); !set) {
            fail(QStringLiteral("--range: %1").arg(set.error()));
            return 2;
        }
    }
    if (parser.isSet(nodeOption)) {
        bool ok = false;
        const uint node = parser.value(nodeOption).toUInt(&ok);
        if (!ok || session->nodes()->rowOf(node) < 1) {
            fail(QApplication::translate("main", "--node %1: %2 has no such node")
                     .arg(parser.value(nodeOption), path));
            return 2;
        }
        session->nodes()->showOnly({ClusterNode, node});
    }

#ifdef OMVIEW_HAVE_HISTORY
    std::unique_ptr<omview::history::HistoryWindow> history;
#endif
    QObject::connect(
        &window, &AnalyzerWindow::historyRequested, &window, [&](NodeId node, const QDateTime &at) {
            std::printf("history %u %s\n", node, qPrintable(at.toUTC().toString(Qt::ISODate)));
            std::fflush(stdout);
#ifdef OMVIEW_HAVE_HISTORY
            if (!history) {
                history = std::make_unique<omview::history::HistoryWindow>();
                if (auto opened = history->openDatabase(path); !opened)
                    fail(opened.error());
            }
            history->show();
            history->raise();
            history->showMoment(node, at);
#endif
        });

    window.show();
    if (!parser.isSet(screenshotOption))
        return app.exec();

    // Once every visible chart is drawn and the statistics are in: save, quit.
    const QString target = parser.value(screenshotOption);
    int status = 0;
    QElapsedTimer waited;
    waited.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        const bool ready = analyzer->chartsCurrent() && !session->statisticsPending();
        if (!ready && waited.elapsed() < 60000)
            return;
        if (!ready)
            fail(QApplication::translate("main", "the charts were not drawn within a minute"));
        if (!window.grab().save(target, "PNG")) {
            fail(QApplication::translate("main", "cannot write %1").arg(target));
            status = 1;
        }
        app.exit(status);
    });
    poll.start(100);
    return app.exec();
}
