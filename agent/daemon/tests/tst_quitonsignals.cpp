// quitOnTerminationSignals in a real child process (this binary run with --child): SIGTERM and
// SIGINT make its event loop return normally, and a process out of descriptors is told why
// the handlers could not be installed.
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QTest>
#include <csignal>
#include <cstdio>
#include <omview/termination/quitonsignals.h>
#include <string_view>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcChild, "omview.test.child")

// The child: installs the handlers, says "ready", and prints "returned N" once exec() does.
// With --no-descriptors it first lowers its descriptor limit so that no socket pair fits.
int runChild(int argc, char **argv, bool noDescriptors) {
    QCoreApplication app(argc, argv);
    if (noDescriptors) {
        const int lowest = ::dup(0);
        ::close(lowest);
        const rlimit limit{static_cast<rlim_t>(lowest), static_cast<rlim_t>(lowest)};
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (auto installed = omview::quitOnTerminationSignals(app, lcChild()); !installed) {
        std::printf("failed: %s\n", qPrintable(installed.error()));
        return 3;
    }
    if (auto again = omview::quitOnTerminationSignals(app, lcChild()); again) {
        std::printf("installed twice\n");
        return 4;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    const int code = app.exec();
    std::printf("returned %d\n", code);
    return 0;
}

} // namespace

class TestQuitOnSignals : public QObject {
    Q_OBJECT

    static bool startChild(QProcess &child, const QStringList &extra = {}) {
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), QStringList{u"--child"_s} + extra);
        return child.waitForStarted(10000);
    }

    static bool waitForLine(QProcess &child, const QByteArray &line) {
        QByteArray out;
        for (int i = 0; i < 300 && !out.contains(line); ++i) {
            child.waitForReadyRead(100);
            out += child.readAllStandardOutput();
        }
        return out.contains(line);
    }

private slots:
    void signalEndsTheEventLoop_data() {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    void signalEndsTheEventLoop() {
        QFETCH(int, signal);
        QProcess child;
        QVERIFY(startChild(child));
        QVERIFY(waitForLine(child, "ready\n"));
        QCOMPARE(::kill(pid_t(child.processId()), signal), 0);
        QVERIFY(child.waitForFinished(20000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 0);
        QVERIFY(child.readAllStandardOutput().contains("returned 0\n"));
        QVERIFY2(child.readAllStandardError().contains("stopping"), "no \"stopping\" logged");
    }

    // A second signal while the first is being handled changes nothing.
    void repeatedSignalsQuitOnce() {
        QProcess child;
        QVERIFY(startChild(child));
        QVERIFY(waitForLine(child, "ready\n"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(::kill(pid_t(child.processId()), SIGTERM), 0);
        QVERIFY(child.waitForFinished(20000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 0);
        QCOMPARE(child.readAllStandardOutput().count("returned 0\n"), 1);
    }

    void noDescriptorLeftIsAnError() {
        QProcess child;
        QVERIFY(startChild(child, {u"--no-descriptors"_s}));
        QVERIFY(child.waitForFinished(20000));
        QCOMPARE(child.exitCode(), 3);
        const QByteArray out = child.readAllStandardOutput();
        QVERIFY2(out.contains("cannot watch for SIGTERM and SIGINT: socketpair:"), out.constData());
    }
};

int main(int argc, char **argv) {
    if (argc >= 2 && std::string_view(argv[1]) == "--child")
        return runChild(1, argv, argc >= 3 && std::string_view(argv[2]) == "--no-descriptors");
    QCoreApplication app(argc, argv);
    TestQuitOnSignals test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_quitonsignals.moc"
