// The pieces under the backends: map, settings checks and write order, request queue, the
// text of /proc/hpc, the host /proc parsers, the runnable-task count, the peer table; the
// backends' failures where there is nothing to read (no module, no /proc); and the emulation's
// load inside a PID namespace of its own, as lab/cluster/omcluster runs it.
#include "childprocess.h"
#include "hpctext.h"
#include "nodeload.h"
#include "nodemap.h"
#include "peertable.h"
#include "procfs.h"
#include "requestqueue.h"
#include "runnabletasks.h"
#include "settingscheck.h"
#include "sysfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <omview/hpc/emulatedhpc.h>
#include <omview/hpc/prochpc.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern "C" {
#include <hpc/load.h>
}

extern "C" {
#include <hpc/tune.h>
}

using namespace omview;
using namespace omview::hpc;

class HpcPartsTest : public QObject {
    Q_OBJECT
private slots:
    void nodeMapParsesAndPrints();
    void nodeMapRefusesOversizedText();
    void settingsWritesKeepDecayValid_data();
    void settingsWritesKeepDecayValid();
    void settingsWritesOnlyChanges();
    void requestQueueRules();
    void writeTexts();
    void requestLines();
    void procsTable();
    void numbers();
    void loadsSplitAtLines();
    void pidStatParsing();
    void memInfoAndStatParsing();
    void hostProcFs();
    void statHeadParsing();
    void runnableTasksWalk();
    void runnableTasksWholeHost();
    void sampleRateFollowsCost();
    void emulationCountsItsPidNamespace();
    void peerTableAges();
    void procHpcWithoutModule();
    void backendChoice();
    void emulationWithoutProc();
};

void HpcPartsTest::nodeMapParsesAndPrints() {
    const auto map = NodeMap::parse("1 10.0.0.250 8\n3 192.168.0.3 ALIAS\n");
    QVERIFY(map);
    QCOMPARE(map->ids(), (QList<NodeId>{1, 2, 3, 4, 5, 6, 7, 8}));
    QCOMPARE(map->address(8), QStringLiteral("10.0.1.1")); // the last byte carries
    QVERIFY(map->contains(8));
    QVERIFY(!map->contains(9));
    QCOMPARE(map->address(9), QString());
    QCOMPARE(map->text(), QStringLiteral("1 10.0.0.250 8\n3 192.168.0.3 ALIAS\n"));
    const NodeMap empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.text(), QString());
    const auto bad = NodeMap::parse("1 10.0.0.1 2\n2 10.0.0.7 1\n");
    QVERIFY(!bad);
    QCOMPARE(bad.error().line, 2u);
    QCOMPARE(bad.error().errnum, EINVAL);
}

void HpcPartsTest::nodeMapRefusesOversizedText() {
    QByteArray text(NodeMap::maxTextBytes, '\n');
    QVERIFY(NodeMap::parse(text));
    text.append('\n');
    const auto r = NodeMap::parse(text);
    QVERIFY(!r);
    QCOMPARE(r.error().errnum, EINVAL);
    QCOMPARE(r.error().line, 0u);
}

void HpcPartsTest::settingsWritesKeepDecayValid_data() {
    QTest::addColumn<uint>("fromSlow");
    QTest::addColumn<uint>("fromFast");
    QTest::addColumn<uint>("toSlow");
    QTest::addColumn<uint>("toFast");
    QTest::newRow("both up past slow") << 975u << 926u << 999u << 998u;
    QTest::newRow("both down past fast") << 975u << 926u << 100u << 50u;
    QTest::newRow("narrow") << 975u << 926u << 950u << 950u;
    QTest::newRow("widen") << 500u << 400u << 900u << 10u;
    QTest::newRow("swap sides") << 600u << 500u << 450u << 440u;
}

// Every prefix of the writes, and every undo of a prefix in reverse, leaves a valid state.
void HpcPartsTest::settingsWritesKeepDecayValid() {
    QFETCH(uint, fromSlow);
    QFETCH(uint, fromFast);
    QFETCH(uint, toSlow);
    QFETCH(uint, toFast);
    Settings from, to;
    from.slowDecay = fromSlow;
    from.fastDecay = fromFast;
    to.slowDecay = toSlow;
    to.fastDecay = toFast;
    const QList<SettingsWrite> writes = settingsWrites(from, to);
    const auto applyText = [](Settings &s, const SettingsWrite &w, bool undo) {
        const std::uint32_t v = (undo ? w.undo : w.text).trimmed().toUInt();
        (w.file == u"admin/slowdecay" ? s.slowDecay : s.fastDecay) = v;
        const hpc_decay_params d{s.decayInterval, s.slowDecay, s.fastDecay};
        return hpc_check_decay(&d) == 0;
    };
    for (qsizetype failAt = 0; failAt <= writes.size(); ++failAt) {
        Settings s = from;
        for (qsizetype i = 0; i < failAt; ++i)
            QVERIFY(applyText(s, writes[i], false));
        if (failAt == writes.size()) {
            QCOMPARE(s, to);
            continue;
        }
        for (qsizetype i = failAt - 1; i >= 0; --i)
            QVERIFY(applyText(s, writes[i], true));
        QCOMPARE(s, from);
    }
}

void HpcPartsTest::settingsWritesOnlyChanges() {
    Settings from, to;
    QVERIFY(settingsWrites(from, to).isEmpty());
    to.stay = true;
    to.overheads[3] = 200;
    const QList<SettingsWrite> w = settingsWrites(from, to);
    QCOMPARE(w.size(), 2);
    QCOMPARE(w[0].file, QStringLiteral("admin/stay"));
    QCOMPARE(w[0].text, QByteArray("1\n"));
    QCOMPARE(w[0].undo, QByteArray("0\n"));
    QCOMPARE(w[1].file, QStringLiteral("admin/overheads"));
    QCOMPARE(w[1].text, QByteArray("1300 10 50 200\n"));
    QCOMPARE(w[1].undo, QByteArray("1300 10 50 100\n"));
}

void HpcPartsTest::requestQueueRules() {
    RequestQueue q(3);
    const auto req = [](Pid pid, NodeId node) {
        return HpcRequest{pid, HpcTarget::toNode(node), HpcReason::Balance};
    };
    QCOMPARE(q.push(req(10, 2)), RequestQueue::Push::Queued);
    QCOMPARE(q.push(req(11, 2)), RequestQueue::Push::Queued);
    QCOMPARE(q.push(req(12, 2)), RequestQueue::Push::Queued);
    QCOMPARE(q.push(req(13, 2)), RequestQueue::Push::Full);
    QCOMPARE(q.push(req(11, 5)), RequestQueue::Push::Replaced);
    QVERIFY(q.contains(12));
    QVERIFY(!q.contains(13));
    QCOMPARE(q.takeAll(), (QList<HpcRequest>{req(10, 2), req(11, 5), req(12, 2)}));
    QVERIFY(q.isEmpty());
}

void HpcPartsTest::writeTexts() {
    QCOMPARE(migrateText(12, HpcTarget::toNode(3)), QByteArray("12 3\n"));
    QCOMPARE(migrateText(12, HpcTarget::home()), QByteArray("12 home\n"));
    QCOMPARE(migrateText(12, HpcTarget::balance()), QByteArray("12 balance\n"));
    QCOMPARE(lockText(7, true), QByteArray("7 1\n"));
    QCOMPARE(whereText(7, 0), QByteArray("7 0\n"));
    QCOMPARE(exitedText(7), QByteArray("7 exited\n"));
    QCOMPARE(guestAddText(7, 2, 99), QByteArray("add 7 2 99\n"));
    QCOMPARE(guestDelText(7), QByteArray("del 7\n"));
    HpcPeerRecord r{3, 2, 40, 20000, 4, 100, 90, 400, 7};
    QCOMPARE(peerRecordLine(r), QByteArray("3 2 40 20000 4 100 90 400 7\n"));
    QCOMPARE(peerRecordLine(HpcPeerRecord::unreachable(4, ETIMEDOUT)), QByteArray("4 -110\n"));
}

void HpcPartsTest::requestLines() {
    QCOMPARE(parseRequestLine("1234 3 balance"),
             (HpcRequest{1234, HpcTarget::toNode(3), HpcReason::Balance}));
    QCOMPARE(parseRequestLine("77 home bring"),
             (HpcRequest{77, HpcTarget::home(), HpcReason::Bring}));
    QCOMPARE(parseRequestLine("5 2 memory")->reason, HpcReason::Memory);
    QCOMPARE(parseRequestLine("5 2 expel")->reason, HpcReason::Expel);
    QCOMPARE(parseRequestLine("5 2 user")->reason, HpcReason::User);
    for (const char *bad : {"", "5 2", "5 2 user extra", "0 2 user", "x 2 user", "5 0 user",
                            "5 -2 user", "5 2 whim", "5 balance user"})
        QVERIFY2(!parseRequestLine(bad), bad);
}

void HpcPartsTest::procsTable() {
    const auto t = parseProcsTable("# PID WHERE LOCK NMIGS USAGE DECAY JOB CANTMOVE\n"
                                   "1234 0 0 0 812 slow cpu -\n"
                                   "1301 3 1 2 0 fast any clone_vm,mem_lock\n"
                                   "1400 0 0 0 5 nodecay io system\n");
    QVERIFY(t);
    QCOMPARE(t->size(), 3);
    QCOMPARE(t->at(0), (HpcProcEntry{1234, 0, false, 0, 812, HpcDecayClass::Slow, HpcJobKind::Cpu,
                                     QString()}));
    QCOMPARE(t->at(1), (HpcProcEntry{1301, 3, true, 2, 0, HpcDecayClass::Fast, HpcJobKind::Any,
                                     QStringLiteral("clone_vm,mem_lock")}));
    QCOMPARE(t->at(2).decay, HpcDecayClass::NoDecay);
    QCOMPARE(t->at(2).job, HpcJobKind::Io);
    QVERIFY(parseProcsTable("# header only\n")->isEmpty());
    const auto bad = parseProcsTable("# h\n1 0 0 0 0 slow cpu -\n2 0 2 0 0 slow cpu -\n");
    QVERIFY(!bad);
    QVERIFY(bad.error().contains(u"line 3"));
    QVERIFY(!parseProcsTable("1 0 0 0 0 slow cpu\n"));
    QVERIFY(!parseProcsTable("1 0 0 0 0 sometimes cpu -\n"));
}

void HpcPartsTest::numbers() {
    QCOMPARE(parseNumber("42\n"), 42);
    QCOMPARE(parseNumber("-110\n"), -110);
    QCOMPARE(parseNumber("0"), 0);
    QVERIFY(!parseNumber(""));
    QVERIFY(!parseNumber("\n"));
    QVERIFY(!parseNumber("12abc\n"));
}

void HpcPartsTest::loadsSplitAtLines() {
    QList<HpcPeerRecord> records;
    for (NodeId id = 1; id <= 100; ++id)
        records.append(HpcPeerRecord{id, 3, 50, 10000, 2, 1000, 900, 2000, 10});
    const QList<QByteArray> one = loadsWrites(records, 64 * 1024);
    QCOMPARE(one.size(), 1);
    const QList<QByteArray> many = loadsWrites(records, 100);
    QVERIFY(many.size() > 1);
    QByteArray joined;
    for (const QByteArray &w : many) {
        QVERIFY(w.size() <= 100);
        QVERIFY(w.endsWith('\n'));
        joined += w;
    }
    QCOMPARE(joined, one.front());
    QVERIFY(loadsWrites({}, 100).isEmpty());
}

void HpcPartsTest::pidStatParsing() {
    // A command with blanks and parentheses; fields 3.. after the last ')'.
    QByteArray text = "4242 (a (b) c) S 17 4242 4242 0 -1 4194560 1 0 0 0 250 50 0 0 20 0 3 0 "
                      "987654 12345678 200 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 "
                      "0 1 0 0 0\n";
    const auto s = ProcFs::parsePidStat(text, 4096);
    QVERIFY(s);
    QCOMPARE(s->state, 'S');
    QCOMPARE(s->ppid, 17);
    QCOMPARE(s->cpuTicks, 300u);
    QCOMPARE(s->threads, 3u);
    QCOMPARE(s->startTime, 987654u);
    QCOMPARE(s->rssPages, 200u);
    QCOMPARE(s->policy, 1u);
    QVERIFY(s->realTime());
    QVERIFY(!s->kernelThread());
    QVERIFY(s->userProcess());
    QCOMPARE(ProcFs::parsePidStat(text, 16384)->rssPages, 800u); // 16 KiB pages
    text.replace(" S 17 ", " Z 17 ");
    QVERIFY(!ProcFs::parsePidStat(text, 4096)->userProcess());
    QVERIFY(!ProcFs::parsePidStat("4242 (short) S 1 2 3\n", 4096));
    QVERIFY(!ProcFs::parsePidStat("no parenthesis", 4096));
}

void HpcPartsTest::memInfoAndStatParsing() {
    const auto m = ProcFs::parseMemInfo("MemTotal:       16384000 kB\n"
                                        "MemFree:         4096000 kB\n"
                                        "MemAvailable:    8192000 kB\n"
                                        "Buffers:          100 kB\n");
    QVERIFY(m);
    QCOMPARE(m->totalPages, 4096000u);
    QCOMPARE(m->freePages, 1024000u);
    QCOMPARE(m->availablePages, 2048000u);
    QVERIFY(!ProcFs::parseMemInfo("Buffers: 1 kB\n"));
    const auto s = ProcFs::parseSystemStat("cpu  100 5 50 800 40 3 2 0 0 0\n"
                                           "cpu0 50 2 25 400 20 1 1 0 0 0\n"
                                           "intr 1\nprocs_running 4\nprocs_blocked 0\n");
    QVERIFY(s);
    QCOMPARE(s->procsRunning, 4u);
    QCOMPARE(s->cpuTotal, 1000u);
    QCOMPARE(s->cpuBusy, 160u); // all but idle and iowait
    QVERIFY(!ProcFs::parseSystemStat("cpu  1 1 1 1\n"));
}

void HpcPartsTest::hostProcFs() {
    const ProcFs fs(QStringLiteral("/proc"));
    QVERIFY(fs.memInfo());
    QVERIFY(fs.systemStat()->procsRunning >= 1); // this test, reading
    QVERIFY(fs.pids().contains(::getpid()));
    const auto self = fs.pidStat(::getpid());
    QVERIFY(self);
    QCOMPARE(self->ppid, ::getppid());
    QVERIFY(self->userProcess());
    ChildProcess locked = ChildProcess::start(ChildProcess::Kind::MemLock);
    QVERIFY(locked.valid());
    QVERIFY(fs.lockedKb(locked.pid()).value_or(0) >= 4);
    QCOMPARE(fs.lockedKb(::getpid()).value_or(1), 0u);
    ChildProcess threads = ChildProcess::start(ChildProcess::Kind::Threads);
    QVERIFY(threads.valid());
    QCOMPARE(fs.pidStat(threads.pid())->threads, 2u);
    QVERIFY(!fs.pidStat(0x7ffffff0));
    if (const auto kthreadd = fs.pidStat(2))
        QVERIFY(kthreadd->kernelThread() || kthreadd->ppid != 0); // pid 2 is kthreadd on a host
}

void HpcPartsTest::statHeadParsing() {
    const auto head = [](const QByteArray &text) {
        return RunnableTasks::parseStatHead(text.constData(), std::size_t(text.size()));
    };
    const QByteArray full = "4242 (a (b) c) R 17 4242 4242 0 -1 4194560 1 0 0 0 250 50 0 0 20 0 "
                            "3 0 987654 12345678 200\n";
    const auto h = head(full);
    QVERIFY(h);
    QCOMPARE(h->state, 'R');
    QCOMPARE(h->threads, 3u);
    QCOMPARE(head("1 (x) S 0 1 1 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 5 0 0\n")->threads, 1u);
    // Cut short at or before num_threads, or not a stat line: nothing.
    for (const char *bad : {"", "no parenthesis", "1 (x)", "1 (x) ", "1 (x) S",
                            "1 (x) S 0 1 1 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1",
                            "1 (x) S 0 1 1 0 -1 4194560 1 0 0 0 0 0 0 0 20 0\n1 0",
                            "1 (x) SS 0 1 1 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 5",
                            "1 (x)  S 0 1 1 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 5",
                            "1 (x) S 0 1 1 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 -1 0 5",
                            "1 (x) S 0 1 1 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 4294967296 0 5"})
        QVERIFY2(!head(bad), bad);
    // The head of this very process, as the kernel writes it.
    const auto self = readWholeFile(QStringLiteral("/proc/self/stat"));
    QVERIFY(self);
    const auto mine = head(*self);
    QVERIFY(mine);
    QCOMPARE(mine->state, 'R');
    QVERIFY(mine->threads >= 1);
}

namespace {

// A /proc root made of plain files: each task a stat line with @state and @threads.
struct FakeProc {
    QTemporaryDir dir;

    void write(const QString &rel, const QByteArray &text) {
        QVERIFY(QDir(dir.path()).mkpath(QFileInfo(rel).path()));
        QFile f(dir.filePath(rel));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(text), text.size());
    }
    void task(const QString &rel, char state, int threads) {
        write(rel, QStringLiteral("7 (w) %1 1 7 7 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 %2 0 5 0 0\n")
                       .arg(QLatin1Char(state))
                       .arg(threads)
                       .toLatin1());
    }
    void link(const QString &rel, const QString &target) {
        QVERIFY(QDir(dir.path()).mkpath(QFileInfo(rel).path()));
        QVERIFY(QFile::link(target, dir.filePath(rel)));
    }
};

} // namespace

void HpcPartsTest::runnableTasksWalk() {
    FakeProc root;
    QVERIFY(root.dir.isValid());
    root.task(QStringLiteral("10/stat"), 'R', 1); // counts
    root.task(QStringLiteral("11/stat"), 'S', 1);
    root.task(QStringLiteral("12/stat"), 'D', 1);
    // A process with threads: its own stat shows the leader; each thread counts by itself.
    root.task(QStringLiteral("20/stat"), 'S', 4);
    root.task(QStringLiteral("20/task/20/stat"), 'S', 4);
    root.task(QStringLiteral("20/task/21/stat"), 'R', 4); // counts
    root.task(QStringLiteral("20/task/22/stat"), 'R', 4); // counts
    root.task(QStringLiteral("20/task/23/stat"), 'Z', 4);
    root.task(QStringLiteral("30/stat"), 'R', 2);
    root.task(QStringLiteral("30/task/30/stat"), 'R', 2); // counts
    root.task(QStringLiteral("30/task/31/stat"), 'R', 2); // the reading thread: never
    root.link(QStringLiteral("thread-self"), QStringLiteral("30/task/31"));
    root.task(QStringLiteral("40/stat"), 'R', 1);
    root.link(QStringLiteral("self"), QStringLiteral("40")); // not a number: skipped
    root.write(QStringLiteral("50/stat"), "garbage\n");      // unreadable: skipped
    root.task(QStringLiteral("60/stat"), 'R', 3);            // its threads went away
    root.task(QStringLiteral("0123/stat"), 'R', 1);          // not a PID
    root.write(QStringLiteral("stat"), "cpu  1 1 1 1 1 1 1 1\nprocs_running 99\n");
    const ProcFs fs(root.dir.path());
    const RunnableTasks tasks(fs);
    QVERIFY(!tasks.wholeHost());
    const auto n = tasks.count();
    QVERIFY(n);
    QCOMPARE(*n, 5u); // 10, 20/21, 20/22, 30/30 and 40: procs_running is not read
    const ProcFs missing(root.dir.filePath(QStringLiteral("missing")));
    const auto none = RunnableTasks(missing).count();
    QVERIFY(!none);
    QCOMPARE(none.error(), ENOENT);
}

void HpcPartsTest::runnableTasksWholeHost() {
    // The initial PID namespace: procs_running counts every task, the reader among them.
    FakeProc root;
    QVERIFY(root.dir.isValid());
    root.write(QStringLiteral("2/stat"), "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 "
                                         "1 0 31 0 0 18446744073709551615 0 0 0 0 0 0 0 "
                                         "2147483647 0 0 0 0 17 1 0 0 0 0 0\n");
    root.task(QStringLiteral("10/stat"), 'R', 1);
    root.write(QStringLiteral("stat"), "cpu  1 1 1 1 1 1 1 1\nprocs_running 7\n");
    const ProcFs fs(root.dir.path());
    RunnableTasks tasks(fs);
    QVERIFY(tasks.wholeHost());
    QCOMPARE(tasks.count().value_or(0), 6u);
    root.write(QStringLiteral("stat"), "cpu  1 1 1 1 1 1 1 1\n");
    QCOMPARE(tasks.count().error_or(0), EINVAL);
    // In another namespace PID 2 is a user process: walked.
    FakeProc other;
    QVERIFY(other.dir.isValid());
    other.task(QStringLiteral("2/stat"), 'S', 1);
    other.task(QStringLiteral("10/stat"), 'R', 1);
    const ProcFs otherFs(other.dir.path());
    QVERIFY(!RunnableTasks(otherFs).wholeHost());
    QCOMPARE(RunnableTasks(otherFs).count().value_or(0), 1u);
}

// Counting may take about 1 % of one CPU: 1 ms a count at 10 Hz, more on fewer ticks.
void HpcPartsTest::sampleRateFollowsCost() {
    constexpr std::int64_t ms = 1000000;
    QCOMPARE(NodeLoad::ticksPerSampleFor(-1), 1);
    QCOMPARE(NodeLoad::ticksPerSampleFor(0), 1);
    QCOMPARE(NodeLoad::ticksPerSampleFor(ms / 2), 1);
    QCOMPARE(NodeLoad::ticksPerSampleFor(ms), 1);
    QCOMPARE(NodeLoad::ticksPerSampleFor(ms + 1), 2);
    QCOMPARE(NodeLoad::ticksPerSampleFor(5 * ms), 5);
    QCOMPARE(NodeLoad::ticksPerSampleFor(9 * ms), 9);
    QCOMPARE(NodeLoad::ticksPerSampleFor(13 * ms), 10); // ~1000 threads: once a second
    QCOMPARE(NodeLoad::ticksPerSampleFor(1000 * ms), 10);
}

namespace {

// Run as PID 1 of a new PID namespace with its own /proc (--pidns-node): an emulated backend
// on that /proc, idle and then with two CPU-bound processes of the namespace, prints what it
// saw as "key value" lines for the test to judge.
int runPidNamespaceNode(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const ProcFs fs(QStringLiteral("/proc"));
    std::printf("walks %d\n", RunnableTasks(fs).wholeHost() ? 0 : 1);
    std::printf("pid %d\n", int(::getpid()));
    EmulatedHpc hpc(QStringLiteral("/proc"));
    const auto load = [&hpc] {
        return hpc.info().transform([](const HpcNodeValues &v) { return v.load; }).value_or(~0u);
    };
    const auto highest = [&](int ms) {
        std::uint32_t top = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            QTest::qWait(100);
            top = std::max(top, load());
        }
        return top;
    };
    std::printf("cpus %u\n",
                hpc.info().transform([](const HpcNodeValues &v) { return v.cpus; }).value_or(0));
    std::printf("idle %u\n", highest(3500));
    std::fflush(stdout);
    pid_t spinners[2];
    for (pid_t &pid : spinners) {
        pid = ::fork();
        if (pid == 0) {
            volatile unsigned long n = 0;
            for (;;)
                n = n + 1;
        }
    }
    // The mean rises by 3/8 of the gap each second: within a few seconds of the target.
    QElapsedTimer rising;
    rising.start();
    std::uint32_t target = hpc_load_units(
        2 * HPC_LOAD_SCALE, 10000, 10000,
        hpc.info().transform([](const HpcNodeValues &v) { return v.cpus; }).value_or(1));
    while (rising.elapsed() < 12000 && load() < target * 3 / 4)
        QTest::qWait(100);
    std::printf("busy %u\n", load());
    std::printf("busy-max %u\n", highest(2000));
    for (const pid_t pid : spinners) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    std::fflush(stdout);
    return 0;
}

// --pidns-node: becomes PID 1 of a new PID and mount namespace with /proc mounted for it.
std::optional<int> runIfPidNamespaceNode(int argc, char **argv) {
    if (argc < 2 || std::strcmp(argv[1], "--pidns-node") != 0)
        return std::nullopt;
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::unshare(CLONE_NEWPID | CLONE_NEWNS) != 0) {
        std::printf("error unshare %d\n", errno);
        return 2;
    }
    const pid_t init = ::fork();
    if (init < 0)
        return 2;
    if (init > 0) {
        int status = 0;
        while (::waitpid(init, &status, 0) < 0 && errno == EINTR) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : 3;
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The new /proc's parent mount is the old /proc: private, nothing of it reaches the host.
    if (::mount(nullptr, "/proc", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        ::mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0) {
        std::printf("error mount %d\n", errno);
        std::fflush(stdout);
        ::_exit(2);
    }
    std::fflush(stdout);
    ::_exit(runPidNamespaceNode(argc, argv));
}

} // namespace

// The emulation's node is its PID namespace: lab/cluster/omcluster gives each node one, with
// its own /proc, and the load must be that node's, not the host's.
void HpcPartsTest::emulationCountsItsPidNamespace() {
    if (::geteuid() != 0)
        QSKIP("a PID namespace and a /proc mount need root");
    // Busy outside the namespace: the node must not count it.
    ChildProcess outside = ChildProcess::start(ChildProcess::Kind::Spin);
    QVERIFY(outside.valid());
    QProcess node;
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--pidns-node")});
    QVERIFY(node.waitForStarted());
    QVERIFY(node.waitForFinished(60000));
    const QByteArray out = node.readAllStandardOutput();
    qInfo("namespace node:\n%s", out.constData());
    if (out.startsWith("error unshare"))
        QSKIP("no PID namespaces here");
    QCOMPARE(node.exitCode(), 0);
    std::map<QByteArray, long> seen;
    for (const QByteArray &line : out.split('\n'))
        if (const qsizetype sp = line.indexOf(' '); sp > 0)
            seen[line.left(sp)] = line.mid(sp + 1).toLong();
    QCOMPARE(seen["pid"], 1);   // it ran as the namespace's init
    QCOMPARE(seen["walks"], 1); // and counted by the walk, not procs_running
    const long cpus = seen["cpus"];
    QVERIFY(cpus >= 1);
    const long perSpinner = long(hpc_load_units(HPC_LOAD_SCALE, 10000, 10000, std::uint32_t(cpus)));
    const long twoSpinners =
        long(hpc_load_units(2 * HPC_LOAD_SCALE, 10000, 10000, std::uint32_t(cpus)));
    // Idle inside while a process spins outside: well under one process's load.
    QVERIFY2(seen["idle"] < perSpinner / 2, qPrintable(QString::number(seen["idle"])));
    // Two spinners inside: their load, and not the outside one's on top.
    QVERIFY2(seen["busy"] >= twoSpinners * 3 / 4, qPrintable(QString::number(seen["busy"])));
    QVERIFY2(seen["busy-max"] < twoSpinners + perSpinner / 2,
             qPrintable(QString::number(seen["busy-max"])));
}

void HpcPartsTest::peerTableAges() {
    PeerTable t;
    const std::int64_t t0 = 5000000;
    QCOMPARE(t.state(2, t0).errnum, ENETUNREACH);
    QCOMPARE(t.state(2, t0).status, std::uint32_t(StatusConfigured));
    t.store(HpcPeerRecord{2, StatusUp | StatusLstay, 10, 10000, 1, 1, 1, 2, 0}, t0);
    QCOMPARE(t.state(2, t0 + PeerTable::staleAfterMs).errnum, 0);
    QCOMPARE(t.state(2, t0).status, std::uint32_t(StatusConfigured | StatusUp | StatusLstay));
    const PeerState stale = t.state(2, t0 + PeerTable::staleAfterMs + 1);
    QCOMPARE(stale.errnum, ETIMEDOUT);
    QCOMPARE(stale.status, std::uint32_t(StatusConfigured | StatusLstay));
    // A reported error is what the node shows, stale or not.
    t.store(HpcPeerRecord::unreachable(2, EHOSTUNREACH), t0);
    QCOMPARE(t.state(2, t0 + 1000000).errnum, EHOSTUNREACH);
    QCOMPARE(t.state(2, t0).status, std::uint32_t(StatusConfigured));
    t.retain(*NodeMap::parse("3 10.0.0.3 1\n"));
    QCOMPARE(t.state(2, t0).errnum, ENETUNREACH);
}

// No module here: ProcHpc must say so, not pretend.
void HpcPartsTest::procHpcWithoutModule() {
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    for (const QString &root : {empty.path(), empty.path() + QStringLiteral("/missing")}) {
        const auto proc = ProcHpc::open(root);
        QVERIFY(!proc);
        QCOMPARE(proc.error().errnum, ENOENT);
        QCOMPARE(proc.error().file, QStringLiteral("admin/version"));
        QVERIFY2(proc.error().message.contains(root), qPrintable(proc.error().message));
    }
}

void HpcPartsTest::backendChoice() {
    QCOMPARE(*parseHpcMode(QStringLiteral("auto")), HpcMode::Auto);
    QCOMPARE(*parseHpcMode(QStringLiteral("proc")), HpcMode::Proc);
    QCOMPARE(*parseHpcMode(QStringLiteral("emulated")), HpcMode::Emulated);
    QVERIFY(!parseHpcMode(QStringLiteral("kernel")));
    const QString missing = QStringLiteral("/nonexistent/hpc");
    const auto chosen = makeHpcBackend(HpcMode::Auto, missing);
    QVERIFY(chosen);
    QCOMPARE((*chosen)->kind(), QStringLiteral("emulated"));
    const auto forced = makeHpcBackend(HpcMode::Proc, missing);
    QVERIFY(!forced);
    QCOMPARE(forced.error().errnum, ENOENT);
}

void HpcPartsTest::emulationWithoutProc() {
    EmulatedHpc hpc(QStringLiteral("/nonexistent/proc"));
    const auto info = hpc.info();
    QVERIFY(!info);
    QCOMPARE(info.error().errnum, ENOENT);
    QCOMPARE(info.error().file, QStringLiteral("info/mem"));
    QVERIFY(hpc.procs()->isEmpty());
    const auto lock = hpc.setLock(1, true);
    QVERIFY(!lock);
    QCOMPARE(lock.error().errnum, ESRCH);
}

int main(int argc, char **argv) {
    if (const auto status = runIfPidNamespaceNode(argc, argv))
        return *status;
    if (const auto status = ChildProcess::runIfChild(argc, argv))
        return *status;
    QCoreApplication app(argc, argv);
    HpcPartsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hpcparts.moc"
