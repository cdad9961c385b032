// ProcessSampler against this machine's /proc, with children the test starts.
#include "resultmessage.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <omview/sampler/processsampler.h>
#include <optional>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using omview::ProcessField;
using omview::ProcessFields;
using omview::ProcessInfo;
using omview::ProcessSampler;

namespace {

constexpr std::uint32_t nobody = 65534;

bool isRoot() {
    return ::geteuid() == 0;
}

// A pipe whose ends close with it.
class Pipe {
public:
    Pipe() {
        if (::pipe2(fds_, O_CLOEXEC) != 0)
            qFatal("pipe2: %s", strerror(errno));
    }
    ~Pipe() {
        closeRead();
        closeWrite();
    }
    Pipe(const Pipe &) = delete;
    Pipe &operator=(const Pipe &) = delete;
    int readEnd() const { return fds_[0]; }
    int writeEnd() const { return fds_[1]; }
    void closeRead() { closeEnd(0); }
    void closeWrite() { closeEnd(1); }
    // Blocks until a byte or the end of the pipe: true for a byte.
    bool readByte() {
        char byte = 0;
        ssize_t got;
        while ((got = ::read(fds_[0], &byte, 1)) < 0 && errno == EINTR) {
        }
        return got == 1;
    }
    void writeByte() {
        const char byte = 1;
        while (::write(fds_[1], &byte, 1) < 0 && errno == EINTR) {
        }
    }

private:
    void closeEnd(int end) {
        if (fds_[end] >= 0)
            ::close(fds_[end]);
        fds_[end] = -1;
    }
    int fds_[2] = {-1, -1};
};

// A forked child, killed and reaped when the test is done with it. The child
// runs body, which must only make async-signal-safe calls and never return.
class Child {
public:
    template<typename Body> explicit Child(Body body) {
        const pid_t parent = ::getpid();
        pid_ = ::fork();
        if (pid_ < 0)
            qFatal("fork: %s", strerror(errno));
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent)
                ::_exit(1);
            body();
            ::_exit(1);
        }
    }
    ~Child() {
        kill();
        reap();
    }
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;

    pid_t pid() const { return pid_; }
    void kill() {
        if (pid_ > 0 && !reaped_)
            ::kill(pid_, SIGKILL);
    }
    void reap() {
        if (pid_ > 0 && !reaped_) {
            while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
            }
            reaped_ = true;
        }
    }

private:
    pid_t pid_ = -1;
    bool reaped_ = false;
};

// Switches the child to nobody. A change of credentials clears the
// parent-death signal, so it is set again.
bool becomeNobody(pid_t parent) {
    if (::setresuid(nobody, nobody, nobody) != 0)
        return false;
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    return ::getppid() == parent;
}

void execSleep() {
    char sleep[] = "sleep";
    char seconds[] = "300";
    char *argv[] = {sleep, seconds, nullptr};
    ::execvp(sleep, argv);
}

// The CPU time a process has had, from the first field of /proc/<pid>/schedstat.
std::optional<std::uint64_t> runNanoseconds(pid_t pid) {
    QFile file(QStringLiteral("/proc/%1/schedstat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const std::uint64_t value = file.readAll().split(' ').value(0).toULongLong(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

bool contains(const std::vector<std::int32_t> &pids, std::int32_t pid) {
    return std::ranges::find(pids, pid) != pids.end();
}

ProcessFields changesOf(const ProcessSampler &sampler, std::int32_t pid) {
    for (const auto &change : sampler.delta().changed) {
        if (change.pid == pid)
            return change.fields;
    }
    return {};
}

} // namespace

class LiveProcessesTest : public QObject {
    Q_OBJECT

private slots:
    void seesItself() {
        ProcessSampler sampler;
        const auto result = sampler.sample();
        QVERIFY2(result, resultMessage(result).constData());
        QVERIFY(sampler.table().size() > 1);
        const ProcessInfo *self = sampler.find(::getpid());
        QVERIFY(self);
        QCOMPARE(self->ppid, ::getppid());
        QCOMPARE(self->uid, ::geteuid());
        QCOMPARE(self->state, 'R');
        QVERIFY(self->rss > 0);
        QVERIFY(self->cmdline.contains(QStringLiteral("tst_sampler_liveprocesses")));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(self->startTime <= now);
        QVERIFY(self->startTime > now - 3600 * 1000);
        const ProcessInfo *init = sampler.find(1);
        QVERIFY(init);
        QCOMPARE(init->ppid, 0);
    }

    void childAppearsAndIsRemoved_data() {
        QTest::addColumn<int>("keepStatFilesOpen");
        QTest::newRow("stat files kept open") << 65536;
        QTest::newRow("stat files reopened") << 0;
    }

    void childAppearsAndIsRemoved() {
        QFETCH(int, keepStatFilesOpen);
        ProcessSampler::Options options;
        options.keepStatFilesOpen = keepStatFilesOpen;
        ProcessSampler sampler(options);
        QVERIFY(sampler.sample());
        // The pipe closes on exec: once it reads as ended, the child is sleep.
        Pipe execed;
        const pid_t parent = ::getpid();
        Child child([&] {
            if (isRoot() && !becomeNobody(parent))
                ::_exit(2);
            execSleep();
        });
        execed.closeWrite();
        QVERIFY(!execed.readByte());

        auto result = sampler.sample();
        QVERIFY2(result, resultMessage(result).constData());
        QVERIFY(contains(sampler.delta().added, child.pid()));
        const ProcessInfo *info = sampler.find(child.pid());
        QVERIFY(info);
        QCOMPARE(info->ppid, ::getpid());
        QCOMPARE(info->command, QStringLiteral("sleep"));
        QCOMPARE(info->cmdline, QStringLiteral("sleep 300"));
        QCOMPARE(info->uid, isRoot() ? nobody : ::geteuid());
        if (isRoot())
            QCOMPARE(info->user, QStringLiteral("nobody"));

        // Killed and not reaped yet: a zombie.
        child.kill();
        for (int i = 0; i < 100; ++i) {
            QVERIFY(sampler.sample());
            if (sampler.find(child.pid())->state == 'Z')
                break;
            QTest::qWait(10);
        }
        QCOMPARE(sampler.find(child.pid())->state, 'Z');

        child.reap();
        QVERIFY(sampler.sample());
        QVERIFY(contains(sampler.delta().removed, child.pid()));
        QVERIFY(!sampler.find(child.pid()));
    }

    void execIsNoticed() {
        ProcessSampler::Options options;
        options.cmdlineRefreshEvery = 0; // exec alone must be enough
        ProcessSampler sampler(options);
        Pipe go;
        Pipe started;
        Pipe execed;
        Child child([&] {
            started.writeByte();
            char byte;
            if (::read(go.readEnd(), &byte, 1) != 1)
                ::_exit(3);
            execSleep();
        });
        started.closeWrite();
        execed.closeWrite();
        QVERIFY(started.readByte());
        QVERIFY(sampler.sample());
        const ProcessInfo *before = sampler.find(child.pid());
        QVERIFY(before);
        QVERIFY(before->cmdline.contains(QStringLiteral("tst_sampler_liveprocesses")));
        const qint64 startTime = before->startTime;

        go.writeByte();
        QVERIFY(!execed.readByte());
        QVERIFY(sampler.sample());
        const ProcessFields changed = changesOf(sampler, child.pid());
        QVERIFY(changed.testFlags(ProcessField::Command | ProcessField::Cmdline));
        QVERIFY(!contains(sampler.delta().added, child.pid()));
        QCOMPARE(sampler.find(child.pid())->command, QStringLiteral("sleep"));
        QCOMPARE(sampler.find(child.pid())->cmdline, QStringLiteral("sleep 300"));
        QCOMPARE(sampler.find(child.pid())->startTime, startTime);
    }

    void userOfANonDumpableProcess() {
        if (!isRoot())
            QSKIP("needs root to switch the child's user");
        Pipe ready;
        // A process that is not dumpable (it asked, as ssh-agent does, or it
        // dropped root without exec while fs.suid_dumpable is 0) has
        // root-owned files in /proc/<pid>/; its directory stays its own.
        const pid_t parent = ::getpid();
        Child child([&] {
            if (!becomeNobody(parent))
                ::_exit(2);
            ::prctl(PR_SET_DUMPABLE, 0);
            ready.writeByte();
            for (;;)
                ::pause();
        });
        ready.closeWrite();
        QVERIFY(ready.readByte());
        struct stat info;
        const QByteArray statFile = "/proc/" + QByteArray::number(child.pid()) + "/stat";
        QCOMPARE(::stat(statFile.constData(), &info), 0);
        QCOMPARE(info.st_uid, 0u);

        ProcessSampler sampler;
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(child.pid())->uid, nobody);
        QCOMPARE(sampler.find(child.pid())->user, QStringLiteral("nobody"));
    }

    void cpuPercentOfABusyChild_data() {
        QTest::addColumn<int>("stallMs");
        QTest::newRow("walks on time") << 0;
        // The sampler's thread held up early in the first walk, as a loaded
        // machine does: the child's share still runs between its own reads.
        QTest::newRow("first walk stalls") << 300;
    }

    void cpuPercentOfABusyChild() {
        QFETCH(int, stallMs);
        Pipe ready;
        Child child([&] {
            // Ahead of the compilers sharing this machine, so that the child
            // does get a CPU: its own session is its own scheduling autogroup,
            // and the group's nice is what counts against other sessions.
            ::setsid();
            const int group = ::open("/proc/self/autogroup", O_WRONLY | O_CLOEXEC);
            if (group >= 0) {
                [[maybe_unused]] const ssize_t written = ::write(group, "-20", 3);
                ::close(group);
            }
            ::setpriority(PRIO_PROCESS, 0, -20);
            ready.writeByte();
            volatile unsigned long spin = 0;
            for (;;)
                spin = spin + 1;
        });
        ready.closeWrite();
        QVERIFY(ready.readByte());
        ProcessSampler sampler;
        bool stalled = stallMs == 0;
        sampler.setMergeHook([&](ProcessInfo &info) {
            if (!stalled && info.pid != child.pid()) {
                stalled = true;
                QTest::qSleep(stallMs);
            }
        });
        QVERIFY(sampler.sample());
        QVERIFY(stalled);
        const auto runStart = runNanoseconds(child.pid());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(sampler.find(child.pid())->cpuPercent, 0.0);
        QTest::qSleep(1000);
        QVERIFY(sampler.sample());
        const auto runEnd = runNanoseconds(child.pid());
        const double elapsedNs = static_cast<double>(timer.nsecsElapsed());
        const double percent = sampler.find(child.pid())->cpuPercent;
        QVERIFY2(percent > 50, qPrintable(QString::number(percent)));
        // One thread: one CPU at most, give or take a tick of the clock.
        QVERIFY2(percent <= 103, qPrintable(QString::number(percent)));
        QVERIFY(changesOf(sampler, child.pid()).testFlag(ProcessField::CpuPercent));
        // The scheduler's own nanosecond account agrees, to the precision of
        // ticks and of the moments the two were read.
        QVERIFY(runStart && runEnd);
        const double scheduled = static_cast<double>(*runEnd - *runStart) * 100.0 / elapsedNs;
        QVERIFY2(
            std::abs(percent - scheduled) < 10,
            qPrintable(QStringLiteral("sampler %1, schedstat %2").arg(percent).arg(scheduled)));
    }
};

QTEST_GUILESS_MAIN(LiveProcessesTest)
#include "tst_liveprocesses.moc"
