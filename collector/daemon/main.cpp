// omcollectord: the omview collector daemon, or with `ctl` its remote control.
#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <omview/collector/collector.h>
#include <omview/collector/collectorctl.h>
#include <omview/collector/collectorlog.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onTerminate(int) {
    const char byte = 1;
    // Nothing to do if the pipe is full: a quit is already pending.
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM (systemd) and SIGINT end the event loop, so queued ticks are
// written and the control socket is removed.
void quitOnSignals(QCoreApplication &app) {
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) < 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte;
        [[maybe_unused]] const ssize_t n = ::read(signalPipe[0], &byte, 1);
        qCInfo(lcCollector) << "stopping";
        app.quit();
    });
    struct sigaction action{};
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("omcollectord"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OMVIEW_VERSION));

    using namespace omview::collector;
    const auto invocation = parseInvocation(QCoreApplication::arguments(), QDir::currentPath(),
                                            QDateTime::currentDateTime());
    if (!invocation) {
        std::fprintf(stderr, "omcollectord: %s\n", qPrintable(invocation.error().message));
        return ConfigErrorExit;
    }
    if (const auto *ctl = std::get_if<CtlCommand>(&*invocation)) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return runCtl(*ctl, out, err);
    }

    // The agent connection writes to sockets that may close under it.
    std::signal(SIGPIPE, SIG_IGN);
    quitOnSignals(app);
    auto collector = Collector::start(std::get<CollectorConfig>(*invocation));
    if (!collector) {
        qCCritical(lcCollector).noquote() << collector.error();
        return 1;
    }
    QObject::connect(collector->get(), &Collector::stopRequested, &app, &QCoreApplication::quit);
    return app.exec();
}
