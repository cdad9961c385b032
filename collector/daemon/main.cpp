// omcollectord: the omview collector daemon, or with `ctl` its remote control.
#include <QCoreApplication>
#include <QDir>
#include <csignal>
#include <cstdio>
#include <omview/collector/collector.h>
#include <omview/collector/collectorctl.h>
#include <omview/collector/collectorlog.h>
#include <omview/termination/quitonsignals.h>

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
    // SIGTERM (systemd) and SIGINT end the event loop, so queued ticks are written and the
    // control socket is removed.
    if (auto watching = omview::quitOnTerminationSignals(app, lcCollector()); !watching)
        qCWarning(lcCollector).noquote() << watching.error();
    auto collector = Collector::start(std::get<CollectorConfig>(*invocation));
    if (!collector) {
        qCCritical(lcCollector).noquote() << collector.error();
        return 1;
    }
    QObject::connect(collector->get(), &Collector::stopRequested, &app, &QCoreApplication::quit);
    return app.exec();
}
