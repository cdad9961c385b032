// omview-procs: the processes of a cluster, without the rest of the console.
#include <QApplication>
#include <QFileInfo>
#include <QSettings>
#include <cstdio>
#include <memory>
#include <omview/console/commandline.h>
#include <omview/console/processeswindow.h>
#include <omview/console/profilestore.h>
#include <omview/console/screenshotwriter.h>
#include <omview/resources/icons.h>
#include <omview/resources/translations.h>

int main(int argc, char *argv[]) {
    // The command line first: --help, --version and mistakes need no display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCoreApplication::setApplicationName(QStringLiteral("omview"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OMVIEW_VERSION));
    const auto options = omview::ConsoleOptions::parse(arguments);
    if (!options) {
        std::fprintf(stderr, "omview-procs: %s\n", qPrintable(options.error()));
        return 2;
    }
    if (options->helpRequested) {
        std::fputs(qPrintable(options->helpText), stdout);
        return 0;
    }
    if (options->versionRequested) {
        std::printf("omview-procs %s\n", OMVIEW_VERSION);
        return 0;
    }

    QApplication app(argc, argv);
    omview::installTranslations(app);
    QApplication::setOrganizationName(QStringLiteral("omview"));
    QApplication::setDesktopFileName(QStringLiteral("omview"));
    QApplication::setWindowIcon(omview::applicationIcon());
    // The console's settings and profiles: the same connections in both programs.
    std::unique_ptr<QSettings> settings =
        options->settingsFile.isEmpty()
            ? std::make_unique<QSettings>()
            : std::make_unique<QSettings>(options->settingsFile, QSettings::IniFormat);
    const omview::ProfileStore profiles(*settings);
    const auto profile = omview::startupProfile(*options, profiles);
    if (!profile) {
        std::fprintf(stderr, "omview-procs: %s\n", qPrintable(profile.error()));
        return 2;
    }

    omview::ProcessesWindow window(*settings);
    std::unique_ptr<omview::ScreenshotWriter> screenshots;
    if (!options->screenshotFile.isEmpty()) {
        screenshots = std::make_unique<omview::ScreenshotWriter>(&window, options->screenshotFile,
                                                                 options->screenshotInterval);
        QObject::connect(&window, &omview::ProcessesWindow::clusterShown, screenshots.get(),
                         &omview::ScreenshotWriter::start);
        QObject::connect(screenshots.get(), &omview::ScreenshotWriter::wrote, [](const QString &f) {
            std::fprintf(stderr, "omview-procs: wrote %s\n",
                         qPrintable(QFileInfo(f).absoluteFilePath()));
        });
    }
    window.show();
    // No profile to start with: the local agent, whose absence the status bar explains.
    window.connectTo(profile->value_or(profiles.preferredLocal()));
    return QApplication::exec();
}
