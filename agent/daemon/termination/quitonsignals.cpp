#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <omview/termination/quitonsignals.h>
#include <sys/socket.h>
#include <unistd.h>

namespace omview {

namespace {

int signalPipe[2] = {-1, -1};

void onTerminate(int) {
    const int saved = errno;
    const char byte = 1;
    // Nothing to do if the pipe is full: a quit is already pending.
    [[maybe_unused]] const ssize_t n = ::send(signalPipe[1], &byte, 1, MSG_DONTWAIT);
    errno = saved;
}

} // namespace

std::expected<void, QString> quitOnTerminationSignals(QCoreApplication &app,
                                                      const QLoggingCategory &category) {
    if (signalPipe[0] >= 0)
        return std::unexpected(QStringLiteral("the signal handlers are installed already"));
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) < 0) {
        const int error = errno;
        signalPipe[0] = signalPipe[1] = -1;
        return std::unexpected(QStringLiteral("cannot watch for SIGTERM and SIGINT: socketpair: %1")
                                   .arg(QString::fromLocal8Bit(std::strerror(error))));
    }
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, &category] {
        char bytes[16];
        [[maybe_unused]] const ssize_t n = ::recv(signalPipe[0], bytes, sizeof bytes, MSG_DONTWAIT);
        qCInfo(category) << "stopping";
        app.quit();
    });
    struct sigaction action{};
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    return {};
}

} // namespace omview
