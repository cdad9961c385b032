// omagentd: the omview node agent, or with --bridge its stdin/stdout relay.
#include <QCoreApplication>
#include <csignal>
#include <cstdio>
#include <omview/agent/agent.h>
#include <omview/agent/agentlog.h>
#include <omview/agent/bridge.h>
#include <omview/agent/config.h>
#include <omview/agent/heaprelease.h>
#include <omview/termination/quitonsignals.h>

int main(int argc, char *argv[]) {
    omview::agent::mapLargeAllocations();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("omagentd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OMVIEW_VERSION));

    const auto invocation = omview::agent::parseInvocation(QCoreApplication::arguments());
    if (!invocation) {
        std::fprintf(stderr, "omagentd: %s\n", qPrintable(invocation.error().message));
        return omview::agent::ConfigErrorExit;
    }
    if (invocation->bridge)
        return omview::agent::runBridge(invocation->config.socketPath);

    // The peer channel writes to sockets that may close under it: EPIPE, not death.
    std::signal(SIGPIPE, SIG_IGN);
    // SIGTERM (systemd) and SIGINT end the event loop cleanly, so the socket file is removed.
    if (auto watching = omview::quitOnTerminationSignals(app, lcAgent()); !watching)
        qCWarning(lcAgent).noquote() << watching.error();

    auto agent = omview::agent::Agent::start(invocation->config);
    if (!agent) {
        qCCritical(lcAgent).noquote() << agent.error().message;
        return agent.error().configuration ? omview::agent::ConfigErrorExit : 1;
    }
    return app.exec();
}
