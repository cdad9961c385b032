// omagentd: the omview node agent, or with --bridge its stdin/stdout relay.
#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <omview/agent/agent.h>
#include <omview/agent/agentlog.h>
#include <omview/agent/bridge.h>
#include <omview/agent/config.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onTerminate(int) {
    const char byte = 1;
    // Nothing to do if the pipe is full: a quit is already pending.
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM (systemd) and SIGINT end the event loop cleanly, so the socket file is removed.
void quitOnSignals(QCoreApplication &app) {
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) < 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte;
        [[maybe_unused]] const ssize_t n = ::read(signalPipe[0], &byte, 1);
        qCInfo(lcAgent) << "stopping";
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
    quitOnSignals(app);

    auto agent = omview::agent::Agent::start(invocation->config);
    if (!agent) {
        qCCritical(lcAgent).noquote() << agent.error().message;
        return agent.error().configuration ? omview::agent::ConfigErrorExit : 1;
    }
    return app.exec();
}
