// omview-procs: the processes of a cluster, without the rest of the console.
#include <QApplication>
#include <cstdio>
#include <omview/console/processeswindow.h>
#include <omview/console/profilestore.h>
#include <omview/console/programstart.h>

int main(int argc, char *argv[]) {
    const auto options = omview::parseProgramOptions(argc, argv, "omview-procs");
    if (!options)
        return options.error();
    QApplication app(argc, argv);
    omview::setUpApplication(app);
    // The console's settings and profiles: the same connections in both programs.
    const auto settings = omview::openSettings(*options);
    const omview::ProfileStore profiles(*settings);
    const auto profile = omview::startupProfile(*options, profiles);
    if (!profile) {
        std::fprintf(stderr, "omview-procs: %s\n", qPrintable(profile.error()));
        return 2;
    }
    omview::ProcessesWindow window(*settings);
    const auto screenshots = omview::screenshotsOf(
        &window, &omview::ProcessesWindow::clusterShown, *options, "omview-procs");
    window.show();
    // No profile to start with: the local agent, whose absence the status bar explains.
    window.connectTo(profile->value_or(profiles.preferredLocal()));
    return QApplication::exec();
}
