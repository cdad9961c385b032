// ProcessSampler against fixture trees: awkward process files, the change
// set between samples, and errors.
#include "procfixture.h"
#include "resultmessage.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>
#include <algorithm>
#include <omview/sampler/processsampler.h>
#include <unistd.h>
#include <vector>

using omview::ProcessChange;
using omview::ProcessField;
using omview::ProcessFields;
using omview::ProcessInfo;
using omview::ProcessSampler;

namespace {

const std::uint64_t hz = static_cast<std::uint64_t>(::sysconf(_SC_CLK_TCK));
const std::uint64_t pageSize = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));

ProcessSampler::Options fixtureOptions(const ProcFixture &proc, int refreshEvery = 0) {
    ProcessSampler::Options options;
    options.procRoot = proc.root();
    options.cmdlineRefreshEvery = refreshEvery;
    return options;
}

std::vector<std::int32_t> pidsOf(const ProcessSampler &sampler) {
    std::vector<std::int32_t> pids;
    for (const ProcessInfo &info : sampler.table())
        pids.push_back(info.pid);
    return pids;
}

ProcessFields changesOf(const ProcessSampler &sampler, std::int32_t pid) {
    for (const ProcessChange &change : sampler.delta().changed) {
        if (change.pid == pid)
            return change.fields;
    }
    return {};
}

bool isRoot() {
    return ::geteuid() == 0;
}

int openDescriptors() {
    return static_cast<int>(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size());
}

} // namespace

class ProcessSamplerTest : public QObject {
    Q_OBJECT

private slots:
    void firstSampleAddsEveryProcessInPidOrder() {
        ProcFixture proc;
        // Written out of order: a fixture directory lists in any order.
        for (const std::int32_t pid : {300, 2, 1000, 45}) {
            FakeProcess p;
            p.pid = pid;
            proc.writeProcess(p);
        }
        ProcessSampler sampler(fixtureOptions(proc));
        const auto result = sampler.sample();
        QVERIFY2(result, resultMessage(result).constData());
        const std::vector<std::int32_t> expected{2, 45, 300, 1000};
        QCOMPARE(pidsOf(sampler), expected);
        QCOMPARE(sampler.delta().added, expected);
        QVERIFY(sampler.delta().changed.empty());
        QVERIFY(sampler.delta().removed.empty());
        QVERIFY(sampler.find(45));
        QVERIFY(!sampler.find(46));
    }

    void readsTheFieldsOfAProcess() {
        ProcFixture proc;
        proc.setBootTime(1700000000);
        FakeProcess p;
        p.pid = 4321;
        p.comm = "python3";
        p.state = 'R';
        p.ppid = 4000;
        p.nice = -5;
        p.startTicks = 12345 * hz / 100; // 123.45 s after boot
        p.rssPages = 2500;
        p.cmdline = QByteArray("/usr/bin/python3\0-m\0http.server\0", 33);
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        const ProcessInfo *info = sampler.find(4321);
        QVERIFY(info);
        QCOMPARE(info->ppid, 4000);
        QCOMPARE(info->command, QStringLiteral("python3"));
        QCOMPARE(info->cmdline, QStringLiteral("/usr/bin/python3 -m http.server"));
        QCOMPARE(info->state, 'R');
        QCOMPARE(info->nice, -5);
        QCOMPARE(info->rss, 2500 * pageSize);
        QCOMPARE(info->startTime, 1700000000LL * 1000 + 123450);
        QCOMPARE(info->cpuPercent, 0.0);
        QCOMPARE(info->where, 0u);
    }

    void commWithSpacesAndParentheses() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 10;
        p.comm = "(a) b) c";
        proc.writeProcess(p);
        p.pid = 11;
        p.comm = "Web Content";
        proc.writeProcess(p);
        p.pid = 12;
        p.comm = ")";
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(10)->command, QStringLiteral("(a) b) c"));
        QCOMPARE(sampler.find(11)->command, QStringLiteral("Web Content"));
        QCOMPARE(sampler.find(12)->command, QStringLiteral(")"));
        QCOMPARE(sampler.find(10)->ppid, 1);
    }

    void zombieAndKernelThread() {
        ProcFixture proc;
        FakeProcess zombie;
        zombie.pid = 50;
        zombie.state = 'Z';
        zombie.comm = "defunct-child";
        zombie.cmdline.clear();
        zombie.rssPages = 0;
        proc.writeProcess(zombie);
        FakeProcess kthread;
        kthread.pid = 3;
        kthread.ppid = 2;
        kthread.comm = "kworker/0:1-events";
        kthread.state = 'I';
        kthread.flags = kernelThreadFlags;
        kthread.rssPages = 0;
        kthread.writeCmdline = false; // a kernel thread's argv is never read
        proc.writeProcess(kthread);

        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(50)->state, 'Z');
        QCOMPARE(sampler.find(50)->cmdline, QString());
        QCOMPARE(sampler.find(50)->command, QStringLiteral("defunct-child"));
        QCOMPARE(sampler.find(3)->command, QStringLiteral("kworker/0:1-events"));
        QCOMPARE(sampler.find(3)->cmdline, QString());
        QCOMPARE(sampler.find(3)->ppid, 2);
        QCOMPARE(sampler.find(3)->state, 'I');
        if (isRoot())
            QCOMPARE(sampler.find(3)->user, QStringLiteral("root"));
    }

    void aProcessThatBecomesAZombieKeepsItsCmdline() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 60;
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc, 1));
        QVERIFY(sampler.sample());
        p.state = 'Z';
        p.cmdline.clear();
        proc.writeProcess(p);
        QVERIFY(sampler.sample());
        QCOMPARE(changesOf(sampler, 60), ProcessFields(ProcessField::State));
        QCOMPARE(sampler.find(60)->cmdline, QStringLiteral("worker --run"));
    }

    void vanishedProcessesAreLeftOut() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 20;
        proc.writeProcess(p);
        // Gone between the listing and the reads: a directory with nothing in
        // it, and one whose stat was read but whose cmdline has gone.
        proc.write(QStringLiteral("21/.keep"), {});
        p.pid = 22;
        p.writeCmdline = false;
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc));
        const auto result = sampler.sample();
        QVERIFY2(result, resultMessage(result).constData());
        QCOMPARE(pidsOf(sampler), std::vector<std::int32_t>{20});
        QCOMPARE(sampler.delta().added, std::vector<std::int32_t>{20});

        // A known process that vanishes is removed, whether its directory is
        // gone or it vanishes while being read. A file kept open would still
        // read here, where procfs would answer ESRCH: this part reopens files.
        auto options = fixtureOptions(proc);
        options.keepStatFilesOpen = 0;
        ProcessSampler reopening(options);
        QVERIFY(reopening.sample());
        p = FakeProcess();
        p.pid = 30;
        proc.writeProcess(p);
        p.pid = 31;
        proc.writeProcess(p);
        QVERIFY(sampler.sample());
        QVERIFY(reopening.sample());
        QCOMPARE(pidsOf(sampler), (std::vector<std::int32_t>{20, 30, 31}));
        QCOMPARE(pidsOf(reopening), (std::vector<std::int32_t>{20, 30, 31}));
        proc.removeProcess(20);
        proc.remove(QStringLiteral("30/stat"));
        QVERIFY(reopening.sample());
        QCOMPARE(pidsOf(reopening), std::vector<std::int32_t>{31});
        QCOMPARE(reopening.delta().removed, (std::vector<std::int32_t>{20, 30}));
        QVERIFY(reopening.delta().added.empty());
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.delta().removed, std::vector<std::int32_t>{20});
    }

    void statFilesKeptOpenWithinTheBudget() {
        ProcFixture proc;
        for (std::int32_t pid = 100; pid < 110; ++pid) {
            FakeProcess p;
            p.pid = pid;
            proc.writeProcess(p);
        }
        const int before = openDescriptors();
        {
            auto options = fixtureOptions(proc);
            options.keepStatFilesOpen = 4;
            ProcessSampler sampler(options);
            QVERIFY(sampler.sample());
            QCOMPARE(openDescriptors(), before + 4);
            // Kept files are read again, not reopened; their processes' rows
            // follow the files' contents.
            FakeProcess p;
            p.pid = 100;
            p.state = 'R';
            proc.writeProcess(p);
            QVERIFY(sampler.sample());
            QCOMPARE(openDescriptors(), before + 4);
            QCOMPARE(sampler.find(100)->state, 'R');
            // A gone process's file is closed, and the room goes to another.
            proc.removeProcess(101);
            QVERIFY(sampler.sample());
            QCOMPARE(openDescriptors(), before + 4);
            QCOMPARE(sampler.table().size(), 9u);
            for (std::int32_t pid = 102; pid < 110; ++pid)
                proc.removeProcess(pid);
            QVERIFY(sampler.sample());
            QCOMPARE(openDescriptors(), before + 1);
            FakeProcess late;
            late.pid = 200;
            proc.writeProcess(late);
            QVERIFY(sampler.sample());
            QCOMPARE(openDescriptors(), before + 2);
            QCOMPARE(sampler.table().size(), 2u);
        }
        QCOMPARE(openDescriptors(), before);
        {
            auto options = fixtureOptions(proc);
            options.keepStatFilesOpen = 0;
            ProcessSampler sampler(options);
            QVERIFY(sampler.sample());
            QCOMPARE(openDescriptors(), before);
            QCOMPARE(sampler.table().size(), 2u);
        }
    }

    void malformedStatIsLeftOut() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 40;
        proc.writeProcess(p);
        proc.write(QStringLiteral("41/stat"), "41 (cut short) S 1 2\n");
        proc.write(QStringLiteral("41/cmdline"), "x");
        // A stat whose pid is not its directory's.
        proc.write(QStringLiteral("42/stat"), ProcFixture::statLine(p));
        proc.write(QStringLiteral("42/cmdline"), "x");
        ProcessSampler sampler(fixtureOptions(proc));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("left out 2 process.*/41: malformed")));
        QVERIFY(sampler.sample());
        QCOMPARE(pidsOf(sampler), std::vector<std::int32_t>{40});
    }

    void hugeCmdlineIsCut() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 70;
        // 4095 bytes of arguments, then a 3-byte character across the 4096
        // limit, then 200 kB more.
        QByteArray raw;
        while (raw.size() < 4095)
            raw += QByteArray("argument\0", 9);
        raw.truncate(4095);
        raw += "\xE2\x82\xAC";
        raw += QByteArray(200 * 1024, 'x');
        raw += '\0';
        p.cmdline = raw;
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        const QString cmdline = sampler.find(70)->cmdline;
        QString expected = QString::fromLatin1(raw.left(4095)).replace(QChar(0), QChar(u' '));
        expected += QChar(0x2026);
        QCOMPARE(cmdline.size(), expected.size());
        QCOMPARE(cmdline, expected);
        QVERIFY(cmdline.startsWith(QStringLiteral("argument argument ")));

        // The same cut of a changed tail is no change.
        ProcessSampler refreshing(fixtureOptions(proc, 1));
        QVERIFY(refreshing.sample());
        raw.replace(5000, 10, "yyyyyyyyyy");
        p.cmdline = raw;
        proc.writeProcess(p);
        QVERIFY(refreshing.sample());
        QVERIFY(!changesOf(refreshing, 70).testFlag(ProcessField::Cmdline));
    }

    void pidReuseIsANewProcess() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 500;
        p.startTicks = 1000;
        p.utime = 300;
        p.cmdline = QByteArray("old\0", 4);
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(500)->cmdline, QStringLiteral("old"));

        // Same pid and comm, a later start: another process.
        p.startTicks = 2000;
        p.utime = 10;
        p.cmdline = QByteArray("new\0", 4);
        proc.writeProcess(p);
        proc.setUptime(1001.0);
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.delta().added, std::vector<std::int32_t>{500});
        QVERIFY(sampler.delta().changed.empty());
        QVERIFY(sampler.delta().removed.empty());
        const ProcessInfo *info = sampler.find(500);
        QCOMPARE(info->cmdline, QStringLiteral("new"));
        QCOMPARE(info->startTime, 1700000000LL * 1000 + static_cast<qint64>(2000 * 1000 / hz));
        // Its ticks are not compared with the other process's.
        QCOMPARE(info->cpuPercent, 0.0);
    }

    void execChangesCommandAndCmdline() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 600;
        p.comm = "bash";
        p.cmdline = QByteArray("-bash\0", 6);
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc)); // no periodic re-reads
        QVERIFY(sampler.sample());
        p.comm = "make";
        p.cmdline = QByteArray("make\0-j2\0", 9);
        proc.writeProcess(p);
        QVERIFY(sampler.sample());
        QCOMPARE(changesOf(sampler, 600), ProcessField::Command | ProcessField::Cmdline);
        QCOMPARE(sampler.find(600)->command, QStringLiteral("make"));
        QCOMPARE(sampler.find(600)->cmdline, QStringLiteral("make -j2"));
    }

    void execWithTheSameCommIsNoticed() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 650;
        p.comm = "python3";
        p.cmdline = QByteArray("python3\0a.py\0", 13);
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc)); // no periodic re-reads
        QVERIFY(sampler.sample());
        // os.execv() of another script: a new address space, the same comm.
        p.argStart += 0x1000;
        p.cmdline = QByteArray("python3\0b.py\0", 13);
        proc.writeProcess(p);
        QVERIFY(sampler.sample());
        QCOMPARE(changesOf(sampler, 650), ProcessFields(ProcessField::Cmdline));
        QCOMPARE(sampler.find(650)->cmdline, QStringLiteral("python3 b.py"));
    }

    void cmdlineIsReReadOnlyWhenDue() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 700;
        proc.writeProcess(p);
        ProcessSampler never(fixtureOptions(proc, 0));
        ProcessSampler everyTime(fixtureOptions(proc, 1));
        ProcessSampler everyThird(fixtureOptions(proc, 3));
        // Past the second look every process gets.
        for (int i = 0; i < 2; ++i) {
            QVERIFY(never.sample());
            QVERIFY(everyTime.sample());
            QVERIFY(everyThird.sample());
        }

        // A program rewrites its argv: comm and start stay the same.
        p.cmdline = "worker: idle";
        proc.writeProcess(p);
        int thirdSawIt = 0;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(never.sample());
            QVERIFY(everyTime.sample());
            QVERIFY(everyThird.sample());
            QVERIFY(never.delta().isEmpty());
            QCOMPARE(changesOf(everyTime, 700),
                     i == 0 ? ProcessFields(ProcessField::Cmdline) : ProcessFields());
            if (changesOf(everyThird, 700).testFlag(ProcessField::Cmdline))
                ++thirdSawIt;
        }
        QCOMPARE(never.find(700)->cmdline, QStringLiteral("worker --run"));
        QCOMPARE(everyTime.find(700)->cmdline, QStringLiteral("worker: idle"));
        QCOMPARE(everyThird.find(700)->cmdline, QStringLiteral("worker: idle"));
        QCOMPARE(thirdSawIt, 1);
    }

    void aTitleSetRightAfterForkIsSeen() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 750;
        p.comm = "sshd";
        p.cmdline = QByteArray("/usr/sbin/sshd\0-D\0", 18);
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc, 0));
        QVERIFY(sampler.sample());
        // Forked, seen, then retitled: no exec, the same comm and argv address.
        p.cmdline = "sshd: alice [priv]";
        proc.writeProcess(p);
        QVERIFY(sampler.sample());
        QCOMPARE(changesOf(sampler, 750), ProcessFields(ProcessField::Cmdline));
        QCOMPARE(sampler.find(750)->cmdline, QStringLiteral("sshd: alice [priv]"));
        // Once: the next retitle waits for the periodic re-read.
        p.cmdline = "sshd: alice@pts/0";
        proc.writeProcess(p);
        QVERIFY(sampler.sample());
        QVERIFY(sampler.delta().isEmpty());
    }

    void terminalNames() {
        ProcFixture proc;
        const std::pair<std::int32_t, QString> cases[] = {
            {0, QString()},                          // none
            {(136 << 8) | 3, QStringLiteral("pts/3")},
            {(137 << 8) | 2, QStringLiteral("pts/258")},
            {(4 << 8) | 1, QStringLiteral("tty1")},
            {(4 << 8) | 65, QStringLiteral("ttyS1")},
            {(136 << 8) | (4096 << 12), QStringLiteral("pts/4096")}, // minor above 255
        };
        std::int32_t pid = 900;
        for (const auto &[nr, name] : cases) {
            FakeProcess p;
            p.pid = pid++;
            p.ttyNr = nr;
            proc.writeProcess(p);
        }
        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        pid = 900;
        for (const auto &[nr, name] : cases)
            QCOMPARE(sampler.find(pid++)->tty, name);

        // A process that gets a terminal later (setsid + open) shows the change.
        FakeProcess p;
        p.pid = 900;
        p.ttyNr = (136 << 8) | 7;
        proc.writeProcess(p);
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(900)->tty, QStringLiteral("pts/7"));
        QVERIFY(changesOf(sampler, 900).testFlag(ProcessField::Tty));
    }

    void cpuPercentOverTheInterval() {
        ProcFixture proc;
        FakeProcess busy;
        busy.pid = 800;
        busy.utime = 1000;
        busy.stime = 200;
        proc.writeProcess(busy);
        FakeProcess idle;
        idle.pid = 801;
        idle.utime = 50;
        proc.writeProcess(idle);
        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(800)->cpuPercent, 0.0); // no interval yet

        // 2 s pass; the busy one uses 1.5 s of CPU, three quarters of one CPU.
        busy.utime += hz;
        busy.stime += hz / 2;
        proc.writeProcess(busy);
        proc.setUptime(1002.0);
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(800)->cpuPercent, 75.0);
        QCOMPARE(sampler.find(801)->cpuPercent, 0.0);
        QCOMPARE(changesOf(sampler, 800),
                 ProcessFields(ProcessField::CpuPercent) | ProcessField::CpuTime);
        QCOMPARE(sampler.find(800)->cpuTimeMs, std::int64_t((1200 + hz + hz / 2) * 1000 / hz));
        QCOMPARE(changesOf(sampler, 801), ProcessFields());

        // A multi-threaded process may use more than one CPU.
        busy.utime += 3 * hz;
        proc.writeProcess(busy);
        proc.setUptime(1003.0);
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(800)->cpuPercent, 300.0);
    }

    void changeSetNamesTheChangedFields() {
        ProcFixture proc;
        FakeProcess a;
        a.pid = 900;
        proc.writeProcess(a);
        FakeProcess b;
        b.pid = 901;
        proc.writeProcess(b);
        FakeProcess c;
        c.pid = 902;
        proc.writeProcess(c);
        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        QVERIFY(sampler.sample());
        QVERIFY(sampler.delta().isEmpty());

        a.state = 'D';
        a.rssPages = 99;
        proc.writeProcess(a);
        b.nice = 10;
        b.ppid = 77;
        proc.writeProcess(b);
        proc.removeProcess(902);
        FakeProcess d;
        d.pid = 903;
        proc.writeProcess(d);
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.delta().added, std::vector<std::int32_t>{903});
        QCOMPARE(sampler.delta().removed, std::vector<std::int32_t>{902});
        const std::vector<ProcessChange> expected{
            {900, ProcessField::State | ProcessField::Rss},
            {901, ProcessField::Nice | ProcessField::Ppid},
        };
        QCOMPARE(sampler.delta().changed, expected);
        QCOMPARE(sampler.find(900)->rss, 99 * pageSize);
        QCOMPARE(sampler.find(901)->nice, 10);
    }

    void mergeHookChangesAreReported() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 1000;
        proc.writeProcess(p);
        p.pid = 1001;
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc));
        std::uint32_t where = 0;
        int calls = 0;
        sampler.setMergeHook([&](ProcessInfo &info) {
            ++calls;
            info.home = 4;
            if (info.pid == 1000) {
                info.where = where;
                info.locked = where != 0;
            }
        });
        QVERIFY(sampler.sample());
        QCOMPARE(calls, 2);
        QCOMPARE(sampler.find(1001)->home, 4u);

        where = 3;
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(1000)->where, 3u);
        QCOMPARE(sampler.delta().changed,
                 (std::vector<ProcessChange>{{1000, ProcessField::Where | ProcessField::Locked}}));
        QVERIFY(sampler.sample());
        QVERIFY(sampler.delta().isEmpty());
    }

    void uidIsTheOwnerOfTheDirectory() {
        if (!isRoot())
            QSKIP("the fixture needs root to give its directories owners");
        ProcFixture proc;
        FakeProcess owned;
        owned.pid = 1100;
        owned.dirOwner = 1000;
        proc.writeProcess(owned);
        FakeProcess nobody;
        nobody.pid = 1101;
        nobody.dirOwner = 65534;
        proc.writeProcess(nobody);
        FakeProcess rootOwned;
        rootOwned.pid = 1102;
        rootOwned.dirOwner = 0;
        proc.writeProcess(rootOwned);
        FakeProcess stranger;
        stranger.pid = 1103;
        stranger.dirOwner = 4000123; // no passwd entry
        proc.writeProcess(stranger);

        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.find(1100)->uid, 1000u);
        QCOMPARE(sampler.find(1101)->uid, 65534u);
        QCOMPARE(sampler.find(1101)->user, QStringLiteral("nobody"));
        QCOMPARE(sampler.find(1102)->uid, 0u);
        QCOMPARE(sampler.find(1102)->user, QStringLiteral("root"));
        QCOMPARE(sampler.find(1103)->uid, 4000123u);
        QCOMPARE(sampler.find(1103)->user, QStringLiteral("4000123"));

        // setuid() to another user.
        owned.dirOwner = 65534;
        proc.writeProcess(owned);
        QVERIFY(sampler.sample());
        QCOMPARE(changesOf(sampler, 1100), ProcessField::Uid | ProcessField::User);
        QCOMPARE(sampler.find(1100)->user, QStringLiteral("nobody"));
        // Users share one string per uid.
        QVERIFY(sampler.find(1100)->user.constData() == sampler.find(1101)->user.constData());
    }

    void errorsKeepThePreviousSample() {
        ProcFixture proc;
        FakeProcess p;
        p.pid = 1200;
        proc.writeProcess(p);
        ProcessSampler sampler(fixtureOptions(proc));
        QVERIFY(sampler.sample());
        p.pid = 1201;
        proc.writeProcess(p);
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.delta().added, std::vector<std::int32_t>{1201});

        proc.removeProcess(1200);
        proc.write(QStringLiteral("uptime"), "soon\n");
        auto result = sampler.sample();
        QVERIFY(!result);
        QCOMPARE(result.error(), QStringLiteral("malformed %1/uptime").arg(proc.root()));
        QCOMPARE(pidsOf(sampler), (std::vector<std::int32_t>{1200, 1201}));
        QCOMPARE(sampler.delta().added, std::vector<std::int32_t>{1201});

        proc.remove(QStringLiteral("uptime"));
        result = sampler.sample();
        QVERIFY(!result);
        QVERIFY2(
            result.error().startsWith(QStringLiteral("cannot read %1/uptime: ").arg(proc.root())),
            qPrintable(result.error()));

        proc.setUptime(1005.0);
        QVERIFY(sampler.sample());
        QCOMPARE(sampler.delta().removed, std::vector<std::int32_t>{1200});
    }

    void bootTimeIsNeededOnce() {
        ProcFixture proc;
        proc.write(QStringLiteral("stat"), "cpu  1 2 3\n");
        ProcessSampler sampler(fixtureOptions(proc));
        auto result = sampler.sample();
        QVERIFY(!result);
        QCOMPARE(result.error(), QStringLiteral("malformed %1/stat").arg(proc.root()));
        proc.setBootTime(1700000000);
        QVERIFY(sampler.sample());
        proc.remove(QStringLiteral("stat"));
        QVERIFY(sampler.sample());
    }

    void missingRoot() {
        ProcessSampler::Options options;
        options.procRoot = QStringLiteral("/nonexistent/proc");
        ProcessSampler sampler(options);
        const auto result = sampler.sample();
        QVERIFY(!result);
        QVERIFY2(result.error().startsWith(QStringLiteral("cannot open /nonexistent/proc: ")),
                 qPrintable(result.error()));
        QVERIFY(sampler.table().empty());
    }

    void invalidOptions() {
        ProcFixture proc;
        auto options = fixtureOptions(proc);
        options.cmdlineLimit = 3;
        auto result = ProcessSampler(options).sample();
        QVERIFY(!result);
        QVERIFY2(result.error().contains(QStringLiteral("cmdlineLimit")),
                 qPrintable(result.error()));
        options = fixtureOptions(proc, -1);
        result = ProcessSampler(options).sample();
        QVERIFY(!result);
        QVERIFY2(result.error().contains(QStringLiteral("cmdlineRefreshEvery")),
                 qPrintable(result.error()));
    }
};

QTEST_GUILESS_MAIN(ProcessSamplerTest)
#include "tst_processsampler.moc"
