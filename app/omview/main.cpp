// omview: the console of a process-migration cluster.
#include <QApplication>
#include <QTimer>
#include <cstdio>
#include <omview/console/mainwindow.h>
#include <omview/console/programstart.h>

int main(int argc, char *argv[]) {
    const auto options = omview::parseProgramOptions(argc, argv, "omview");
    if (!options)
        return options.error();
    QApplication app(argc, argv);
    omview::setUpApplication(app);
    const auto settings = omview::openSettings(*options);
    omview::MainWindow window(*settings, options->collectorSocket);
    const auto profile = omview::startupProfile(*options, window.profiles());
    if (!profile) {
        std::fprintf(stderr, "omview: %s\n", qPrintable(profile.error()));
        return 2;
    }
    const auto screenshots =
        omview::screenshotsOf(&window, &omview::MainWindow::clusterShown, *options, "omview");
    window.show();
    if (*profile)
        window.connectTo(**profile);
    else
        QTimer::singleShot(0, &window, &omview::MainWindow::showConnections);
    return QApplication::exec();
}
