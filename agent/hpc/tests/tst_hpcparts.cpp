// The pieces under the backends: map, settings checks and write order, request queue, the
// text of /proc/hpc, the host /proc parsers, the peer table; and the backends' failures where
// there is nothing to read (no module, no /proc).
#include "childprocess.h"
#include "hpctext.h"
#include "nodemap.h"
#include "peertable.h"
#include "procfs.h"
#include "requestqueue.h"
#include "settingscheck.h"

#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <omview/hpc/emulatedhpc.h>
#include <omview/hpc/prochpc.h>
#include <unistd.h>

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
    if (const auto status = ChildProcess::runIfChild(argc, argv))
        return *status;
    QCoreApplication app(argc, argv);
    HpcPartsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hpcparts.moc"
