// What omview and omview-procs do the same way before their window opens: the command line
// (--help, --version and mistakes answered without a display), the application's names,
// translations and icon, the settings file, and screenshots once the cluster is shown.
#pragma once

#include <QSettings>
#include <expected>
#include <memory>
#include <omview/console/commandline.h>

class QApplication;
class QWidget;

namespace omview {

class ScreenshotWriter;

// The options of argv, or the exit status when the program ends here (0 after --help or
// --version, printed to stdout; 2 after a mistake, said on stderr as "PROGRAM: …").
std::expected<ConsoleOptions, int> parseProgramOptions(int argc, char *argv[],
                                                       const char *program);
// Names, translations and icon of @app (one settings space for both programs).
void setUpApplication(QApplication &app);
// The --settings file, else the user's settings.
std::unique_ptr<QSettings> openSettings(const ConsoleOptions &options);
// With --screenshot: writes @window once @shown fired (and every interval after), saying so on
// stderr; null without.
template<class Window, class Signal>
std::unique_ptr<ScreenshotWriter> screenshotsOf(Window *window, Signal shown,
                                                const ConsoleOptions &options,
                                                const char *program);

} // namespace omview

#include <omview/console/screenshotwriter.h>

namespace omview {

void reportScreenshot(const char *program, const QString &file);

template<class Window, class Signal>
std::unique_ptr<ScreenshotWriter> screenshotsOf(Window *window, Signal shown,
                                                const ConsoleOptions &options,
                                                const char *program) {
    if (options.screenshotFile.isEmpty())
        return nullptr;
    auto screenshots = std::make_unique<ScreenshotWriter>(window, options.screenshotFile,
                                                          options.screenshotInterval);
    QObject::connect(window, shown, screenshots.get(), &ScreenshotWriter::start);
    QObject::connect(screenshots.get(), &ScreenshotWriter::wrote,
                     [program](const QString &file) { reportScreenshot(program, file); });
    return screenshots;
}

} // namespace omview
