#include <QApplication>
#include <QFileInfo>
#include <cstdio>
#include <omview/console/programstart.h>
#include <omview/resources/icons.h>
#include <omview/resources/translations.h>

namespace omview {

std::expected<ConsoleOptions, int> parseProgramOptions(int argc, char *argv[],
                                                       const char *program) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCoreApplication::setApplicationName(QStringLiteral("omview"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OMVIEW_VERSION));
    auto options = ConsoleOptions::parse(arguments);
    if (!options) {
        std::fprintf(stderr, "%s: %s\n", program, qPrintable(options.error()));
        return std::unexpected(2);
    }
    if (options->helpRequested) {
        std::fputs(qPrintable(options->helpText), stdout);
        return std::unexpected(0);
    }
    if (options->versionRequested) {
        std::printf("%s %s\n", program, OMVIEW_VERSION);
        return std::unexpected(0);
    }
    return *options;
}

void setUpApplication(QApplication &app) {
    installTranslations(app);
    QApplication::setOrganizationName(QStringLiteral("omview"));
    QApplication::setDesktopFileName(QStringLiteral("omview"));
    QApplication::setWindowIcon(applicationIcon());
}

std::unique_ptr<QSettings> openSettings(const ConsoleOptions &options) {
    return options.settingsFile.isEmpty()
               ? std::make_unique<QSettings>()
               : std::make_unique<QSettings>(options.settingsFile, QSettings::IniFormat);
}

void reportScreenshot(const char *program, const QString &file) {
    std::fprintf(stderr, "%s: wrote %s\n", program, qPrintable(QFileInfo(file).absoluteFilePath()));
}

} // namespace omview
