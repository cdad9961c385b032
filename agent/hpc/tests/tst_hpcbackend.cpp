// The conformance suite of the /proc/hpc backends: one set of expectations, run against the
// emulation (CTest) or against hpc.ko in a guest:
//   tst_hpcbackend --backend=emulated [--proc-root=/proc]
//   tst_hpcbackend --backend=proc [--root=/proc/hpc] [--slow]
// (or OMVIEW_HPC_BACKEND / OMVIEW_HPC_ROOT / OMVIEW_HPC_SLOW=1). --slow runs the parts that
// need real minutes on the module (record staleness). Needs root for the proc backend.
#include "childprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <cerrno>
#include <expected>
#include <functional>
#include <memory>
#include <omview/hpc/emulatedhpc.h>
#include <omview/hpc/prochpc.h>
#include <unistd.h>
#include <vector>

using namespace omview;
using namespace omview::hpc;

Q_DECLARE_METATYPE(omview::SettingsChange)

namespace {

struct Options {
    HpcMode mode = HpcMode::Emulated;
    QString root = QStringLiteral("/proc/hpc");
    QString procRoot = QStringLiteral("/proc");
    bool slow = false;
};

constexpr Pid noSuchPid = 0x7ffffff0;

// A change of the fields @set sets.
SettingsChange changed(const std::function<void(SettingsChange &)> &set) {
    SettingsChange c;
    set(c);
    return c;
}

const QString twoNodes = QStringLiteral("1 10.0.0.1 2\n");
const QString fourNodes = QStringLiteral("1 10.0.0.1 4\n");

HpcPeerRecord peer(NodeId id, std::uint32_t load = 0, std::uint32_t speed = 10000,
                   std::uint32_t cpus = 1) {
    HpcPeerRecord r;
    r.id = id;
    r.status = StatusUp;
    r.load = load;
    r.speed = speed;
    r.cpus = cpus;
    r.mem = 1000000;
    r.rmem = 900000;
    r.tmem = 2000000;
    r.util = 5;
    return r;
}

} // namespace

// Fails the test with the error unless result @r (an HpcResult) holds a value.
#define VERIFY_RESULT(r)                                                                           \
    do {                                                                                           \
        if (!(r).has_value())                                                                      \
            QFAIL(qPrintable((r).error().toString()));                                             \
    } while (false)

// Expects @expr (an HpcResult) to have succeeded, printing the error otherwise.
#define EXPECT_OK(expr)                                                                            \
    do {                                                                                           \
        const auto r_ = (expr);                                                                    \
        VERIFY_RESULT(r_);                                                                         \
    } while (false)

// Expects @expr to have failed with @err on @path.
#define EXPECT_REFUSED(expr, err, path)                                                            \
    do {                                                                                           \
        const auto r_ = (expr);                                                                    \
        QVERIFY2(!r_.has_value(), "accepted: " #expr);                                             \
        QCOMPARE(r_.error().errnum, (err));                                                        \
        QCOMPARE(r_.error().file, QStringLiteral(path));                                           \
    } while (false)

class HpcBackendTest : public QObject {
    Q_OBJECT
public:
    explicit HpcBackendTest(Options options)
        : m_options(std::move(options)) {}

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void settingsRoundTrip();
    void settingsRefusesInvalid_data();
    void settingsRefusesInvalid();
    void settingsChangeIsWhole();
    void settingsDecayOrder();
    void mospeNeedsMap();
    void mapCanonical();
    void mapErrorsNameTheLine_data();
    void mapErrorsNameTheLine();
    void mapTooLong();
    void mapChangeDropsMospe();
    void infoFollowsSettings();
    void infoLoadRises();
    void nodeTableFeeding();
    void nodeTableRefusesWholeBatch();
    void nodeTableUnreachable();
    void nodeTableStaleness();
    void nodeTableLargeFeed();
    void nodeTableFollowsMap();
    void procsTrackChildren();
    void lockAndCantmove();
    void lockInherited();
    void cantmoveReasons();
    void whereCountsMigrations();
    void guestsRegistry();
    void migrateQueuesUserRequest();
    void migrateRefusals();
    void migrateBalanceResolves();
    void queueHolds256();
    void expelQueuesGuests();
    void bringQueuesAwayProcesses();
    void balancerMovesCpuHog();
    void holdDownStartsWhenTaken();
    void decayOptions();

private:
    bool emulated() const { return m_options.mode == HpcMode::Emulated; }
    void openBackend();
    void resetBackend();
    void advanceClock(std::int64_t ms) { *m_now += ms; }
    std::optional<HpcProcEntry> procEntry(Pid pid) const;
    std::optional<HpcNodeEntry> nodeEntry(NodeId id) const;
    QList<HpcRequest> collectRequests(int ms, const std::function<void()> &eachSecond = {});
    // Lets @ms pass on the backend's clock with the event loop running and nothing taken.
    void passWithoutTaking(int ms, const std::function<void()> &eachSecond);

    Options m_options;
    std::unique_ptr<HpcBackend> m_backend;
    std::shared_ptr<std::int64_t> m_now = std::make_shared<std::int64_t>(1000000);
    std::optional<Settings> m_original;
    QString m_originalMap;
};

void HpcBackendTest::openBackend() {
    m_backend.reset();
    if (emulated()) {
        auto now = m_now;
        m_backend = std::make_unique<EmulatedHpc>(m_options.procRoot, [now] { return *now; });
        return;
    }
    auto proc = ProcHpc::open(m_options.root);
    VERIFY_RESULT(proc);
    m_backend = std::move(*proc);
}

// Every test starts from the defaults with an empty map, and with stay set so that the
// balancer keeps quiet unless a test wants it.
void HpcBackendTest::resetBackend() {
    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.mospe = 0u; })));
    EXPECT_OK(m_backend->setMap(QString()));
    SettingsChange defaults;
    defaults.block = false;
    defaults.stay = true;
    defaults.lstay = false;
    defaults.quiet = false;
    defaults.speed = 10000;
    defaults.sspeed = 10000;
    defaults.decayInterval = 1;
    defaults.slowDecay = 975;
    defaults.fastDecay = 926;
    defaults.overheads = QList<std::uint32_t>{1300, 10, 50, 100};
    EXPECT_OK(m_backend->apply(defaults));
    m_backend->takeRequests();
}

void HpcBackendTest::initTestCase() {
    if (m_options.mode == HpcMode::Proc && ::geteuid() != 0)
        QSKIP("the proc backend needs root (requests is mode 0400, admin/ needs CAP_SYS_ADMIN)");
    openBackend();
    if (!m_backend)
        return;
    qInfo("backend: %s", qPrintable(m_backend->kind()));
    if (emulated())
        return;
    const auto s = m_backend->settings();
    const auto map = m_backend->map();
    QVERIFY(s && map);
    m_original = *s;
    m_originalMap = *map;
}

void HpcBackendTest::init() {
    if (emulated())
        openBackend();
    QVERIFY(m_backend);
    resetBackend();
}

void HpcBackendTest::cleanup() {
    if (m_backend)
        m_backend->takeRequests();
}

void HpcBackendTest::cleanupTestCase() {
    if (!m_original || !m_backend)
        return;
    // Put the module back as the suite found it.
    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.mospe = 0u; })));
    EXPECT_OK(m_backend->setMap(m_originalMap));
    const Settings &o = *m_original;
    SettingsChange back;
    back.mospe = o.mospe;
    back.block = o.block;
    back.stay = o.stay;
    back.lstay = o.lstay;
    back.quiet = o.quiet;
    back.speed = o.speed;
    back.sspeed = o.sspeed;
    back.decayInterval = o.decayInterval;
    back.slowDecay = o.slowDecay;
    back.fastDecay = o.fastDecay;
    back.overheads = QList<std::uint32_t>(std::begin(o.overheads), std::end(o.overheads));
    EXPECT_OK(m_backend->apply(back));
}

std::optional<HpcProcEntry> HpcBackendTest::procEntry(Pid pid) const {
    const auto procs = m_backend->procs();
    if (!procs)
        return std::nullopt;
    for (const HpcProcEntry &e : *procs)
        if (e.pid == pid)
            return e;
    return std::nullopt;
}

std::optional<HpcNodeEntry> HpcBackendTest::nodeEntry(NodeId id) const {
    const auto nodes = m_backend->nodes();
    if (!nodes)
        return std::nullopt;
    for (const HpcNodeEntry &e : *nodes)
        if (e.id == id)
            return e;
    return std::nullopt;
}

// Requests arriving within @ms, running the event loop; @eachSecond keeps peers fresh.
QList<HpcRequest> HpcBackendTest::collectRequests(int ms, const std::function<void()> &eachSecond) {
    QList<HpcRequest> out;
    QElapsedTimer t;
    t.start();
    qint64 nextSecond = 0;
    while (t.elapsed() < ms) {
        if (eachSecond && t.elapsed() >= nextSecond) {
            eachSecond();
            nextSecond += 1000;
        }
        QTest::qWait(100);
        out += m_backend->takeRequests();
    }
    return out;
}

void HpcBackendTest::passWithoutTaking(int ms, const std::function<void()> &eachSecond) {
    if (emulated()) {
        // The balancer runs on real seconds, the hold-down on the backend's clock.
        advanceClock(ms);
        eachSecond();
        QTest::qWait(1500);
        return;
    }
    // Without the event loop, so that ProcHpc does not read the requests file: what waits,
    // waits in the module's queue.
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        eachSecond();
        QThread::msleep(1000);
    }
}

// ---- settings ----

void HpcBackendTest::settingsRoundTrip() {
    EXPECT_OK(m_backend->setMap(QStringLiteral("1 10.0.0.1 3\n")));
    SettingsChange c;
    c.mospe = 3;
    c.block = true;
    c.stay = false;
    c.lstay = true;
    c.quiet = true;
    c.speed = 12345;
    c.sspeed = 5000;
    c.decayInterval = 7;
    c.slowDecay = 990;
    c.fastDecay = 950;
    c.overheads = QList<std::uint32_t>{2000, 20, 100, 200};
    const auto applied = m_backend->apply(c);
    VERIFY_RESULT(applied);
    const auto read = m_backend->settings();
    QVERIFY(read);
    QCOMPARE(*read, *applied);
    QCOMPARE(read->mospe, 3u);
    QVERIFY(read->block && !read->stay && read->lstay && read->quiet);
    QCOMPARE(read->speed, 12345u);
    QCOMPARE(read->sspeed, 5000u);
    QCOMPARE(read->decayInterval, 7u);
    QCOMPARE(read->slowDecay, 990u);
    QCOMPARE(read->fastDecay, 950u);
    QCOMPARE(QList<std::uint32_t>(std::begin(read->overheads), std::end(read->overheads)),
             (QList<std::uint32_t>{2000, 20, 100, 200}));
    QCOMPARE(read->version, QStringLiteral("hpc 1.0.0"));
    const auto id = m_backend->nodeId();
    QVERIFY(id);
    QCOMPARE(*id, 3u);
}

void HpcBackendTest::settingsRefusesInvalid_data() {
    QTest::addColumn<SettingsChange>("change");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, SettingsChange c, const char *file, const char *msg) {
        QTest::newRow(name) << c << QString::fromLatin1(file) << QString::fromLatin1(msg);
    };
    row("speed 0", changed([](SettingsChange &s) { s.speed = 0u; }), "admin/speed",
        "speed: 0 out of range 1..1000000");
    row("speed too high", changed([](SettingsChange &s) { s.speed = 1000001u; }), "admin/speed",
        "speed: 1000001 out of range 1..1000000");
    row("sspeed 0", changed([](SettingsChange &s) { s.sspeed = 0u; }), "admin/sspeed",
        "sspeed: 0 out of range 1..1000000");
    row("interval 0", changed([](SettingsChange &s) { s.decayInterval = 0u; }),
        "admin/decayinterval", "decayinterval: 0 out of range 1..65535");
    row("interval too long", changed([](SettingsChange &s) { s.decayInterval = 65536u; }),
        "admin/decayinterval", "decayinterval: 65536 out of range 1..65535");
    row("slow 0", changed([](SettingsChange &s) { s.slowDecay = 0u; }), "admin/slowdecay",
        "slowdecay: 0 out of range 1..1000");
    row("slow 1001", changed([](SettingsChange &s) { s.slowDecay = 1001u; }), "admin/slowdecay",
        "slowdecay: 1001 out of range 1..1000");
    row("fast 0", changed([](SettingsChange &s) { s.fastDecay = 0u; }), "admin/fastdecay",
        "fastdecay: 0 out of range 1..1000");
    row("slow below fast", changed([](SettingsChange &s) { s.slowDecay = 900u; }),
        "admin/slowdecay", "slowdecay: 900 below fastdecay 926");
    row("fast above slow", changed([](SettingsChange &s) { s.fastDecay = 980u; }),
        "admin/fastdecay", "fastdecay: 980 above slowdecay 975");
    row("overheads short",
        changed([](SettingsChange &s) { s.overheads = QList<std::uint32_t>{1300, 10, 50}; }),
        "admin/overheads", "overheads: 3 values, need STAB MIGCOST MEMLOW MINUSE");
    row("stab low",
        changed([](SettingsChange &s) { s.overheads = QList<std::uint32_t>{999, 10, 50, 100}; }),
        "admin/overheads", "overheads: STAB 999 out of range 1000..10000");
    row("migcost high", changed([](SettingsChange &c) {
            c.overheads = QList<std::uint32_t>{1300, 10001, 50, 100};
        }),
        "admin/overheads", "overheads: MIGCOST 10001 out of range 0..10000");
    row("memlow high",
        changed([](SettingsChange &s) { s.overheads = QList<std::uint32_t>{1300, 10, 1001, 100}; }),
        "admin/overheads", "overheads: MEMLOW 1001 out of range 0..1000");
    row("minuse high",
        changed([](SettingsChange &s) { s.overheads = QList<std::uint32_t>{1300, 10, 50, 1001}; }),
        "admin/overheads", "overheads: MINUSE 1001 out of range 0..1000");
    row("mospe out of range", changed([](SettingsChange &s) { s.mospe = 70000u; }), "admin/mospe",
        "mospe: 70000 out of range 0..65535");
    row("mospe unmapped", changed([](SettingsChange &s) { s.mospe = 7u; }), "admin/mospe",
        "mospe: node 7 is not in the map");
}

void HpcBackendTest::settingsRefusesInvalid() {
    QFETCH(SettingsChange, change);
    QFETCH(QString, file);
    QFETCH(QString, message);
    EXPECT_OK(m_backend->setMap(twoNodes));
    const auto before = m_backend->settings();
    QVERIFY(before);
    const auto r = m_backend->apply(change);
    QVERIFY(!r);
    QCOMPARE(r.error().errnum, EINVAL);
    QCOMPARE(r.error().file, file);
    QCOMPARE(r.error().message, message);
    QCOMPARE(*m_backend->settings(), *before);
}

void HpcBackendTest::settingsChangeIsWhole() {
    const auto before = m_backend->settings();
    QVERIFY(before);
    SettingsChange c;
    c.speed = 20000;
    c.block = true;
    c.fastDecay = 1001;
    EXPECT_REFUSED(m_backend->apply(c), EINVAL, "admin/fastdecay");
    QCOMPARE(*m_backend->settings(), *before);
}

// slowdecay >= fastdecay must hold after every single write the change makes.
void HpcBackendTest::settingsDecayOrder() {
    SettingsChange up;
    up.slowDecay = 999;
    up.fastDecay = 998; // above the old slowdecay: slow must go first
    const auto a = m_backend->apply(up);
    VERIFY_RESULT(a);
    QCOMPARE(a->slowDecay, 999u);
    QCOMPARE(a->fastDecay, 998u);
    SettingsChange down;
    down.slowDecay = 100; // below the old fastdecay: fast must go first
    down.fastDecay = 50;
    const auto b = m_backend->apply(down);
    VERIFY_RESULT(b);
    QCOMPARE(b->slowDecay, 100u);
    QCOMPARE(b->fastDecay, 50u);
}

void HpcBackendTest::mospeNeedsMap() {
    EXPECT_REFUSED(m_backend->apply(changed([](SettingsChange &s) { s.mospe = 1u; })), EINVAL,
                   "admin/mospe");
    EXPECT_OK(m_backend->setMap(twoNodes));
    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.mospe = 2u; })));
    QCOMPARE(*m_backend->nodeId(), 2u);
    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.mospe = 0u; })));
    QCOMPARE(*m_backend->nodeId(), 0u);
}

// ---- map ----

void HpcBackendTest::mapCanonical() {
    EXPECT_OK(m_backend->setMap(QStringLiteral("# the lab\n"
                                               "1  192.168.1.1  4      # four in a row\n"
                                               "\n"
                                               "4\t10.0.0.4\tALIAS\n"
                                               "10 fd00::a 1\n")));
    QCOMPARE(*m_backend->map(),
             QStringLiteral("1 192.168.1.1 4\n4 10.0.0.4 ALIAS\n10 fd00::a 1\n"));
    const auto nodes = m_backend->nodes();
    QVERIFY(nodes);
    QList<NodeId> ids;
    for (const HpcNodeEntry &e : *nodes)
        ids.append(e.id);
    QCOMPARE(ids, (QList<NodeId>{1, 2, 3, 4, 10}));
    QCOMPARE(nodeEntry(3)->address, QStringLiteral("192.168.1.3"));
    QCOMPARE(nodeEntry(10)->address, QStringLiteral("fd00::a"));
    EXPECT_OK(m_backend->setMap(QStringLiteral("# nothing\n")));
    QCOMPARE(*m_backend->map(), QString());
    QVERIFY(m_backend->nodes()->isEmpty());
}

void HpcBackendTest::mapErrorsNameTheLine_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<uint>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("two fields") << QStringLiteral("1 10.0.0.1 2\n3 10.0.0.3\n") << 2u
                                << QStringLiteral("not three fields");
    QTest::newRow("id 0") << QStringLiteral("# c\n0 10.0.0.1 1\n") << 2u
                          << QStringLiteral("ID not a number in 1..65535");
    QTest::newRow("hostname") << QStringLiteral("1 node1 1\n") << 1u
                              << QStringLiteral("not a numeric IPv4 or IPv6 address");
    QTest::newRow("count 0") << QStringLiteral("1 10.0.0.1 0\n") << 1u
                             << QStringLiteral("count not a number >= 1 nor ALIAS");
    QTest::newRow("past 65535") << QStringLiteral("65535 10.0.0.1 2\n") << 1u
                                << QStringLiteral(
                                       "ID range past 65535 or address range past its end");
    QTest::newRow("id twice") << QStringLiteral("1 10.0.0.1 2\n\n2 10.0.0.9 1\n") << 3u
                              << QStringLiteral("an ID or address mapped twice");
    QTest::newRow("alias unmapped") << QStringLiteral("1 10.0.0.1 1\n5 10.0.0.5 ALIAS\n") << 2u
                                    << QStringLiteral("ALIAS for an ID no earlier line maps");
}

void HpcBackendTest::mapErrorsNameTheLine() {
    QFETCH(QString, text);
    QFETCH(uint, line);
    QFETCH(QString, reason);
    EXPECT_OK(m_backend->setMap(fourNodes));
    const auto r = m_backend->setMap(text);
    QVERIFY(!r);
    QCOMPARE(r.error().errnum, EINVAL);
    QCOMPARE(r.error().file, QStringLiteral("admin/config"));
    QCOMPARE(r.error().line, line);
    QCOMPARE(r.error().message, QStringLiteral("config line %1: %2").arg(line).arg(reason));
    QCOMPARE(*m_backend->map(), fourNodes);
}

void HpcBackendTest::mapTooLong() {
    EXPECT_OK(m_backend->setMap(twoNodes));
    QString text = twoNodes;
    while (text.size() <= 64 * 1024)
        text += QStringLiteral("# padding\n");
    EXPECT_REFUSED(m_backend->setMap(text), EINVAL, "admin/config");
    QCOMPARE(*m_backend->map(), twoNodes);
}

void HpcBackendTest::mapChangeDropsMospe() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.mospe = 4u; })));
    EXPECT_OK(m_backend->setMap(QStringLiteral("1 10.0.0.1 4\n"))); // still there
    QCOMPARE(*m_backend->nodeId(), 4u);
    EXPECT_OK(m_backend->setMap(twoNodes));
    QCOMPARE(*m_backend->nodeId(), 0u);
}

// ---- info and the node table ----

void HpcBackendTest::infoFollowsSettings() {
    auto v = m_backend->info();
    VERIFY_RESULT(v);
    QVERIFY(v->cpus >= 1);
    QVERIFY(v->tmem > 0);
    QVERIFY(v->mem <= v->tmem);
    QVERIFY(v->rmem <= v->tmem);
    QVERIFY(v->util <= 100);
    QCOMPARE(v->speed, 10000u);
    QCOMPARE(v->status, std::uint32_t(StatusStay)); // mospe 0: not configured
    EXPECT_OK(m_backend->setMap(twoNodes));
    SettingsChange c;
    c.mospe = 1;
    c.stay = false;
    c.block = true;
    c.quiet = true;
    c.speed = 12345;
    EXPECT_OK(m_backend->apply(c));
    v = m_backend->info();
    QVERIFY(v);
    QCOMPARE(v->speed, 12345u);
    QCOMPARE(v->status, std::uint32_t(StatusConfigured | StatusUp | StatusBlock | StatusQuiet));
    // This node's own directory shows what info/ shows.
    const auto self = nodeEntry(1);
    QVERIFY(self);
    QCOMPARE(self->errnum, 0);
    QCOMPARE(self->values.speed, 12345u);
    QCOMPARE(self->values.status, v->status);
    QCOMPARE(self->values.cpus, v->cpus);
    QCOMPARE(self->values.tmem, v->tmem);
}

void HpcBackendTest::infoLoadRises() {
    // A slow node makes one busy process a large load on any number of CPUs.
    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.speed = 100u; })));
    ChildProcess spinner = ChildProcess::start(ChildProcess::Kind::Spin);
    QVERIFY(spinner.valid());
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->info()->load > 0, 8000);
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->info()->exportLoad > 0, 8000);
}

void HpcBackendTest::nodeTableFeeding() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.mospe = 1u; })));
    auto nodes = m_backend->nodes();
    QVERIFY(nodes);
    QCOMPARE(nodes->size(), 4);
    for (const HpcNodeEntry &e : *nodes) {
        QCOMPARE(e.address, QStringLiteral("10.0.0.%1").arg(e.id));
        if (e.id == 1)
            continue;
        QCOMPARE(e.errnum, ENETUNREACH); // never heard from
        QCOMPARE(e.values.status, std::uint32_t(StatusConfigured));
    }
    HpcPeerRecord r = peer(2, 37, 20000, 4);
    r.status = StatusUp | StatusBlock;
    r.mem = 1000;
    r.rmem = 900;
    r.tmem = 4000;
    r.util = 12;
    EXPECT_OK(m_backend->feedLoads({r}));
    const auto e = nodeEntry(2);
    QVERIFY(e);
    QCOMPARE(e->errnum, 0);
    QCOMPARE(e->values, (HpcNodeValues{4, 37, 0, 1000, 900, 4000, 20000,
                                       StatusConfigured | StatusUp | StatusBlock, 12}));
    QCOMPARE(nodeEntry(3)->errnum, ENETUNREACH);
    EXPECT_OK(m_backend->feedLoads({})); // nothing to say is not an error
}

void HpcBackendTest::nodeTableRefusesWholeBatch() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    EXPECT_OK(m_backend->feedLoads({peer(2, 37)}));
    const auto refusedWith = [this](QList<HpcPeerRecord> batch, int err) {
        const auto r = m_backend->feedLoads(batch);
        if (r || r.error().errnum != err || r.error().file != u"admin/loads")
            return false;
        const auto e = nodeEntry(2);
        return e && e->errnum == 0 && e->values.load == 37 && nodeEntry(3)->errnum == ENETUNREACH;
    };
    QVERIFY(refusedWith({peer(3, 99), peer(9, 1)}, ENOENT));    // node 9 is not in the map
    QVERIFY(refusedWith({peer(2, 99), peer(3, 1, 0)}, EINVAL)); // speed 0
    HpcPeerRecord noCpus = peer(3);
    noCpus.cpus = 0;
    QVERIFY(refusedWith({peer(2, 99), noCpus}, EINVAL));
    HpcPeerRecord busy = peer(3);
    busy.util = 101;
    QVERIFY(refusedWith({busy}, EINVAL));
    HpcPeerRecord badStatus = peer(3);
    badStatus.status = 64;
    QVERIFY(refusedWith({badStatus}, EINVAL));
}

void HpcBackendTest::nodeTableUnreachable() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    EXPECT_OK(m_backend->feedLoads({peer(3, 50)}));
    EXPECT_OK(m_backend->feedLoads({HpcPeerRecord::unreachable(3, EHOSTUNREACH)}));
    const auto e = nodeEntry(3);
    QVERIFY(e);
    QCOMPARE(e->errnum, EHOSTUNREACH);
    QCOMPARE(e->values.status, std::uint32_t(StatusConfigured));
    EXPECT_OK(m_backend->feedLoads({peer(3, 51)}));
    QCOMPARE(nodeEntry(3)->errnum, 0);
    QCOMPARE(nodeEntry(3)->values.load, 51u);
}

void HpcBackendTest::nodeTableStaleness() {
    if (!emulated() && !m_options.slow)
        QSKIP("needs a minute of real time on the module: run with --slow");
    EXPECT_OK(m_backend->setMap(fourNodes));
    HpcPeerRecord r = peer(2, 40);
    r.status = StatusUp | StatusStay;
    EXPECT_OK(m_backend->feedLoads({r}));
    if (emulated())
        advanceClock(59000);
    else
        QTest::qWait(55000);
    QCOMPARE(nodeEntry(2)->errnum, 0);
    if (emulated())
        advanceClock(2000);
    else
        QTRY_COMPARE_WITH_TIMEOUT(nodeEntry(2)->errnum, ETIMEDOUT, 10000);
    const auto e = nodeEntry(2);
    QCOMPARE(e->errnum, ETIMEDOUT);
    // A stale record keeps its bits but loses "up".
    QCOMPARE(e->values.status, std::uint32_t(StatusConfigured | StatusStay));
    EXPECT_OK(m_backend->feedLoads({r}));
    QCOMPARE(nodeEntry(2)->errnum, 0);
}

// More records than one write to admin/loads may carry: still all or nothing.
void HpcBackendTest::nodeTableLargeFeed() {
    EXPECT_OK(m_backend->setMap(QStringLiteral("1 10.0.0.1 1024\n")));
    QList<HpcPeerRecord> records;
    for (NodeId id = 1; id <= 1024; ++id)
        records.append(HpcPeerRecord{id, 63, 4000000000u, 1000000, 4000000000u,
                                     std::uint64_t(1) << 40, std::uint64_t(1) << 39,
                                     std::uint64_t(1) << 41, 100});
    QList<HpcPeerRecord> withStranger = records;
    withStranger.append(peer(1025));
    EXPECT_REFUSED(m_backend->feedLoads(withStranger), ENOENT, "admin/loads");
    auto nodes = m_backend->nodes();
    VERIFY_RESULT(nodes);
    QCOMPARE(nodes->size(), 1024);
    for (const HpcNodeEntry &e : *nodes)
        QCOMPARE(e.errnum, ENETUNREACH);
    EXPECT_OK(m_backend->feedLoads(records));
    nodes = m_backend->nodes();
    VERIFY_RESULT(nodes);
    for (const HpcNodeEntry &e : *nodes) {
        QCOMPARE(e.errnum, 0);
        QCOMPARE(e.values.mem, std::uint64_t(1) << 40);
        QCOMPARE(e.values.load, 4000000000u);
    }
}

void HpcBackendTest::nodeTableFollowsMap() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    EXPECT_OK(m_backend->feedLoads({peer(2, 21), peer(4, 44)}));
    EXPECT_OK(m_backend->setMap(QStringLiteral("1 10.0.0.1 3\n"))); // 2 stays, 4 goes
    QCOMPARE(nodeEntry(2)->values.load, 21u);
    QVERIFY(!nodeEntry(4));
    EXPECT_OK(m_backend->setMap(fourNodes));
    QCOMPARE(nodeEntry(4)->errnum, ENETUNREACH); // its record went with it
    QCOMPARE(nodeEntry(2)->values.load, 21u);
}

// ---- processes ----

void HpcBackendTest::procsTrackChildren() {
    ChildProcess child = ChildProcess::start(ChildProcess::Kind::Sleep);
    QVERIFY(child.valid());
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(child.pid()).has_value(), 5000);
    const HpcProcEntry e = *procEntry(child.pid());
    QCOMPARE(e.where, 0u);
    QVERIFY(!e.locked);
    QCOMPARE(e.nmigs, 0u);
    QCOMPARE(e.cantmove, QString());
    QVERIFY(e.usage <= 1000);
    const Pid gone = child.pid();
    child.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!procEntry(gone).has_value(), 5000);
    // Our own process is tracked too.
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(::getpid()).has_value(), 5000);
}

void HpcBackendTest::lockAndCantmove() {
    ChildProcess child = ChildProcess::start(ChildProcess::Kind::Sleep);
    QVERIFY(child.valid());
    EXPECT_OK(m_backend->setLock(child.pid(), true));
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(child.pid()).has_value(), 5000);
    QVERIFY(procEntry(child.pid())->locked);
    QCOMPARE(procEntry(child.pid())->cantmove, QStringLiteral("user_lock"));
    EXPECT_OK(m_backend->setLock(child.pid(), false));
    QVERIFY(!procEntry(child.pid())->locked);
    QCOMPARE(procEntry(child.pid())->cantmove, QString());
    EXPECT_REFUSED(m_backend->setLock(noSuchPid, true), ESRCH, "admin/lock");
    EXPECT_REFUSED(m_backend->setLock(-1, true), EINVAL, "admin/lock");
    EXPECT_REFUSED(m_backend->setLock(0, true), EINVAL, "admin/lock");
}

void HpcBackendTest::lockInherited() {
    ChildProcess forker = ChildProcess::start(ChildProcess::Kind::Forker);
    QVERIFY(forker.valid());
    EXPECT_OK(m_backend->setLock(forker.pid(), true));
    const pid_t grandchild = forker.forkGrandchild();
    QVERIFY(grandchild > 0);
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(grandchild).has_value(), 5000);
    QVERIFY(procEntry(grandchild)->locked);
}

void HpcBackendTest::cantmoveReasons() {
    ChildProcess threads = ChildProcess::start(ChildProcess::Kind::Threads);
    ChildProcess locked = ChildProcess::start(ChildProcess::Kind::MemLock);
    QVERIFY(threads.valid());
    QVERIFY(locked.valid());
    QTRY_COMPARE_WITH_TIMEOUT(procEntry(threads.pid()).value_or(HpcProcEntry{}).cantmove,
                              QStringLiteral("clone_vm"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(procEntry(locked.pid()).value_or(HpcProcEntry{}).cantmove,
                              QStringLiteral("mem_lock"), 5000);
    EXPECT_OK(m_backend->setLock(locked.pid(), true));
    QCOMPARE(procEntry(locked.pid())->cantmove, QStringLiteral("mem_lock,user_lock"));
    if (const auto init = procEntry(1))
        QVERIFY2(init->cantmove.startsWith(u"system"), qPrintable(init->cantmove));
    ChildProcess rt = ChildProcess::start(ChildProcess::Kind::RealTime);
    if (!rt.valid())
        QSKIP("cannot start a SCHED_FIFO process here");
    QTRY_COMPARE_WITH_TIMEOUT(procEntry(rt.pid()).value_or(HpcProcEntry{}).cantmove,
                              QStringLiteral("rt_sched"), 5000);
}

void HpcBackendTest::whereCountsMigrations() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    ChildProcess child = ChildProcess::start(ChildProcess::Kind::Sleep);
    QVERIFY(child.valid());
    const Pid pid = child.pid();
    EXPECT_OK(m_backend->reportWhere(pid, 3));
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(pid).has_value(), 5000);
    QCOMPARE(procEntry(pid)->where, 3u);
    QCOMPARE(procEntry(pid)->nmigs, 1u);
    EXPECT_OK(m_backend->reportWhere(pid, 3)); // no move, no count
    QCOMPARE(procEntry(pid)->nmigs, 1u);
    EXPECT_OK(m_backend->reportWhere(pid, 2));
    EXPECT_OK(m_backend->reportWhere(pid, 0));
    QCOMPARE(procEntry(pid)->where, 0u);
    QCOMPARE(procEntry(pid)->nmigs, 3u);
    // This node's own ID means here, as 0 does.
    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.mospe = 1u; })));
    EXPECT_OK(m_backend->reportWhere(pid, 1));
    QCOMPARE(procEntry(pid)->where, 0u);
    QCOMPARE(procEntry(pid)->nmigs, 3u);
    EXPECT_OK(m_backend->reportWhere(pid, 2));
    EXPECT_OK(m_backend->reportWhere(pid, 1));
    QCOMPARE(procEntry(pid)->where, 0u);
    QCOMPARE(procEntry(pid)->nmigs, 5u);
    EXPECT_REFUSED(m_backend->reportWhere(pid, 9), ENOENT, "admin/where");
    EXPECT_REFUSED(m_backend->reportWhere(noSuchPid, 2), ESRCH, "admin/where");
    EXPECT_REFUSED(m_backend->reportWhere(-3, 2), EINVAL, "admin/where");
    EXPECT_REFUSED(m_backend->reportWhere(pid, 70000), EINVAL, "admin/where");
    // An away process whose process here is gone stays until it is reported to have exited.
    EXPECT_OK(m_backend->reportWhere(pid, 4));
    child.kill();
    QTest::qWait(2500);
    QVERIFY(procEntry(pid).has_value());
    QCOMPARE(procEntry(pid)->where, 4u);
    EXPECT_OK(m_backend->reportExited(pid));
    QVERIFY(!procEntry(pid).has_value());
    EXPECT_REFUSED(m_backend->reportExited(pid), ESRCH, "admin/where");
}

void HpcBackendTest::guestsRegistry() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    ChildProcess child = ChildProcess::start(ChildProcess::Kind::Sleep);
    QVERIFY(child.valid());
    EXPECT_OK(m_backend->addGuest(child.pid(), 2, 4242));
    auto guests = m_backend->guests();
    VERIFY_RESULT(guests);
    QCOMPARE(*guests, (QList<HpcGuest>{{child.pid(), 2, QStringLiteral("10.0.0.2"), 4242}}));
    EXPECT_REFUSED(m_backend->addGuest(child.pid(), 9, 1), ENOENT, "admin/guests");
    EXPECT_REFUSED(m_backend->addGuest(noSuchPid, 2, 1), ESRCH, "admin/guests");
    EXPECT_REFUSED(m_backend->addGuest(child.pid(), 2, 0), EINVAL, "admin/guests");
    EXPECT_REFUSED(m_backend->addGuest(child.pid(), 3, 1), EEXIST, "admin/guests");
    EXPECT_OK(m_backend->delGuest(child.pid()));
    // Nothing comes from this node as a guest, nor is an away process one.
    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.mospe = 1u; })));
    EXPECT_REFUSED(m_backend->addGuest(child.pid(), 1, 5), EINVAL, "admin/guests");
    EXPECT_OK(m_backend->reportWhere(child.pid(), 4));
    EXPECT_REFUSED(m_backend->addGuest(child.pid(), 2, 5), ESRCH, "admin/guests");
    EXPECT_OK(m_backend->reportWhere(child.pid(), 0));
    QVERIFY(m_backend->guests()->isEmpty());
    EXPECT_REFUSED(m_backend->delGuest(child.pid()), ESRCH, "admin/guests");
    // A guest that exits leaves the registry.
    EXPECT_OK(m_backend->addGuest(child.pid(), 3, 77));
    child.kill();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->guests()->isEmpty(), 5000);
}

// ---- the request queue ----

void HpcBackendTest::migrateQueuesUserRequest() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    ChildProcess child = ChildProcess::start(ChildProcess::Kind::Sleep);
    QVERIFY(child.valid());
    QSignalSpy queued(m_backend.get(), &HpcBackend::requestQueued);
    EXPECT_OK(m_backend->migrate(child.pid(), HpcTarget::toNode(2)));
    QVERIFY(queued.wait(3000));
    QCOMPARE(m_backend->takeRequests(),
             (QList<HpcRequest>{{child.pid(), HpcTarget::toNode(2), HpcReason::User}}));
    QVERIFY(m_backend->takeRequests().isEmpty()); // taken means gone
    // A newer request for the same process replaces the waiting one.
    EXPECT_OK(m_backend->migrate(child.pid(), HpcTarget::toNode(3)));
    EXPECT_OK(m_backend->migrate(child.pid(), HpcTarget::home()));
    QCOMPARE(m_backend->takeRequests(),
             (QList<HpcRequest>{{child.pid(), HpcTarget::home(), HpcReason::User}}));
}

void HpcBackendTest::migrateRefusals() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    ChildProcess child = ChildProcess::start(ChildProcess::Kind::Sleep);
    QVERIFY(child.valid());
    EXPECT_REFUSED(m_backend->migrate(noSuchPid, HpcTarget::toNode(2)), ESRCH, "admin/migrate");
    EXPECT_REFUSED(m_backend->migrate(child.pid(), HpcTarget::toNode(9)), ENOENT, "admin/migrate");
    EXPECT_REFUSED(m_backend->migrate(child.pid(), HpcTarget::toNode(0)), EINVAL, "admin/migrate");
    EXPECT_REFUSED(m_backend->migrate(child.pid(), HpcTarget::toNode(70000)), EINVAL,
                   "admin/migrate");
    EXPECT_REFUSED(m_backend->migrate(0, HpcTarget::home()), EINVAL, "admin/migrate");
    EXPECT_REFUSED(m_backend->migrate(-4, HpcTarget::home()), EINVAL, "admin/migrate");
    QVERIFY(m_backend->takeRequests().isEmpty());
}

void HpcBackendTest::migrateBalanceResolves() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    SettingsChange c;
    c.mospe = 1;
    c.speed = 1000;
    // Usage follows the CPU share within seconds; a little of it is enough to be moved.
    c.slowDecay = 700;
    c.fastDecay = 600;
    c.overheads = QList<std::uint32_t>{1000, 0, 0, 20};
    EXPECT_OK(m_backend->apply(c));
    EXPECT_OK(m_backend->feedLoads({peer(3, 0, 1000000, 8)}));
    ChildProcess spinner = ChildProcess::start(ChildProcess::Kind::Spin);
    QVERIFY(spinner.valid());
    // Once it uses some CPU on a busy slow node, the fast idle node 3 is where it belongs.
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(spinner.pid()).value_or(HpcProcEntry{}).usage >= 50, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->info()->load >= 200, 10000);
    // stay keeps everything here, asked for or not.
    EXPECT_REFUSED(m_backend->migrate(spinner.pid(), HpcTarget::balance()), EAGAIN,
                   "admin/migrate");
    // quiet stops the balancer on its own but leaves this decision to be made.
    SettingsChange quiet;
    quiet.stay = false;
    quiet.quiet = true;
    EXPECT_OK(m_backend->apply(quiet));
    EXPECT_OK(m_backend->migrate(spinner.pid(), HpcTarget::balance()));
    QCOMPARE(m_backend->takeRequests(),
             (QList<HpcRequest>{{spinner.pid(), HpcTarget::toNode(3), HpcReason::User}}));
}

void HpcBackendTest::queueHolds256() {
    EXPECT_OK(m_backend->setMap(twoNodes));
    std::vector<ChildProcess> children;
    for (int i = 0; i < 257; ++i) {
        children.push_back(ChildProcess::forkSleeper());
        QVERIFY(children.back().valid());
    }
    for (int i = 0; i < 256; ++i) {
        const auto r = m_backend->migrate(children[size_t(i)].pid(), HpcTarget::toNode(2));
        VERIFY_RESULT(r);
    }
    EXPECT_REFUSED(m_backend->migrate(children[256].pid(), HpcTarget::toNode(2)), EBUSY,
                   "admin/migrate");
    // Replacing a waiting request needs no room.
    EXPECT_OK(m_backend->migrate(children[0].pid(), HpcTarget::home()));
    const QList<HpcRequest> taken = m_backend->takeRequests();
    QCOMPARE(taken.size(), 256);
    QCOMPARE(taken.front(), (HpcRequest{children[0].pid(), HpcTarget::home(), HpcReason::User}));
    EXPECT_OK(m_backend->migrate(children[256].pid(), HpcTarget::toNode(2)));
}

void HpcBackendTest::expelQueuesGuests() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    ChildProcess guest = ChildProcess::start(ChildProcess::Kind::Sleep);
    ChildProcess local = ChildProcess::start(ChildProcess::Kind::Sleep);
    QVERIFY(guest.valid() && local.valid());
    EXPECT_OK(m_backend->addGuest(guest.pid(), 2, 999));
    EXPECT_OK(m_backend->expel());
    QVERIFY(m_backend->settings()->block);
    const QList<HpcRequest> taken = m_backend->takeRequests();
    QCOMPARE(taken, (QList<HpcRequest>{{guest.pid(), HpcTarget::home(), HpcReason::Expel}}));
}

void HpcBackendTest::bringQueuesAwayProcesses() {
    EXPECT_OK(m_backend->setMap(fourNodes));
    ChildProcess away = ChildProcess::start(ChildProcess::Kind::Sleep);
    ChildProcess here = ChildProcess::start(ChildProcess::Kind::Sleep);
    QVERIFY(away.valid() && here.valid());
    EXPECT_OK(m_backend->reportWhere(away.pid(), 3));
    EXPECT_OK(m_backend->bring());
    QVERIFY(m_backend->settings()->lstay);
    const QList<HpcRequest> taken = m_backend->takeRequests();
    QCOMPARE(taken, (QList<HpcRequest>{{away.pid(), HpcTarget::home(), HpcReason::Bring}}));
    EXPECT_OK(m_backend->reportWhere(away.pid(), 0));
}

// A CPU-bound process on a slow busy node and an idle fast peer: the balancer asks for a
// move within seconds, and never while stay is set.
void HpcBackendTest::balancerMovesCpuHog() {
    EXPECT_OK(m_backend->setMap(twoNodes));
    SettingsChange c;
    c.mospe = 1;
    c.stay = true;
    c.speed = 1000;
    c.slowDecay = 700;
    c.fastDecay = 600;
    c.overheads = QList<std::uint32_t>{1000, 0, 0, 20};
    EXPECT_OK(m_backend->apply(c));
    const auto feed = [this] {
        QVERIFY(m_backend->feedLoads({peer(2, 0, 1000000, 8)}));
    };
    feed();
    ChildProcess spinner = ChildProcess::start(ChildProcess::Kind::Spin);
    QVERIFY(spinner.valid());
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(spinner.pid()).value_or(HpcProcEntry{}).usage >= 50, 10000);
    const QList<HpcRequest> whileStay = collectRequests(4000, feed);
    QVERIFY2(whileStay.isEmpty(), "the balancer asked for a move while stay was set");

    EXPECT_OK(m_backend->apply(changed([](SettingsChange &s) { s.stay = false; })));
    QList<HpcRequest> asked;
    QElapsedTimer t;
    t.start();
    while (asked.isEmpty() && t.elapsed() < 15000)
        asked = collectRequests(1000, feed);
    QVERIFY2(!asked.isEmpty(), "no request from the balancer within 15 s");
    const HpcRequest &r = asked.front();
    QVERIFY(r.reason == HpcReason::Balance || r.reason == HpcReason::Memory);
    QCOMPARE(r.target, HpcTarget::toNode(2));
    qInfo("balancer asked to move %d (%s)", r.pid,
          r.pid == spinner.pid() ? "the spinner" : "another busy process");
    // The process asked for is not asked for again while the agent would still be moving it.
    const QList<HpcRequest> again = collectRequests(4000, feed);
    for (const HpcRequest &a : again)
        QVERIFY2(a.pid != r.pid, "asked again within the hold-down");
}

// The hold-down starts when the agent takes a balancer request, not when it is queued: a
// request that waited longer than the hold-down still keeps its process from being asked for
// again for the whole hold-down after it is taken.
void HpcBackendTest::holdDownStartsWhenTaken() {
    EXPECT_OK(m_backend->setMap(twoNodes));
    SettingsChange c;
    c.mospe = 1;
    c.stay = false;
    c.speed = 1000;
    c.slowDecay = 700;
    c.fastDecay = 600;
    c.overheads = QList<std::uint32_t>{1000, 0, 0, 20};
    const auto feed = [this] {
        QVERIFY(m_backend->feedLoads({peer(2, 0, 1000000, 8)}));
    };
    feed();
    QSignalSpy queued(m_backend.get(), &HpcBackend::requestQueued);
    ChildProcess spinner = ChildProcess::start(ChildProcess::Kind::Spin);
    QVERIFY(spinner.valid());
    EXPECT_OK(m_backend->apply(c));
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(spinner.pid()).value_or(HpcProcEntry{}).usage >= 50, 10000);
    QElapsedTimer t;
    t.start();
    while (queued.isEmpty() && t.elapsed() < 15000) {
        feed();
        queued.wait(1000);
    }
    QVERIFY2(!queued.isEmpty(), "no request from the balancer within 15 s");

    // Left in the queue for longer than the hold-down; while it waits it is not asked for again
    // (a request for the same process would replace it).
    passWithoutTaking(11000, feed);
    // Other busy processes on the machine may have been asked for as well.
    const QList<HpcRequest> taken = m_backend->takeRequests();
    QVERIFY(!taken.isEmpty());
    for (const HpcRequest &r : taken) {
        QVERIFY(r.reason == HpcReason::Balance || r.reason == HpcReason::Memory);
        QCOMPARE(r.target, HpcTarget::toNode(2));
    }

    // Taken now: held from now, although queued more than the hold-down ago.
    const QList<HpcRequest> again = collectRequests(4000, feed);
    for (const HpcRequest &a : again)
        for (const HpcRequest &r : taken)
            QVERIFY2(a.pid != r.pid, qPrintable(QStringLiteral("process %1 was asked for again "
                                                               "within the hold-down")
                                                    .arg(r.pid)));
}

// ---- decay/ ----

void HpcBackendTest::decayOptions() {
    const Pid self = ::getpid();
    EXPECT_OK(m_backend->setDecayOption(self, HpcDecayOption::Fast));
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(self).has_value(), 5000);
    QCOMPARE(procEntry(self)->decay, HpcDecayClass::Fast);
    EXPECT_OK(m_backend->setDecayOption(self, HpcDecayOption::NoDecay));
    QCOMPARE(procEntry(self)->decay, HpcDecayClass::NoDecay);
    EXPECT_OK(m_backend->setDecayOption(self, HpcDecayOption::Clear));
    EXPECT_OK(m_backend->setDecayOption(self, HpcDecayOption::Slow));
    QCOMPARE(procEntry(self)->decay, HpcDecayClass::Slow);

    ChildProcess spinner = ChildProcess::start(ChildProcess::Kind::Spin);
    QVERIFY(spinner.valid());
    const auto r = m_backend->setDecayOption(spinner.pid(), HpcDecayOption::CpuJob);
    if (!emulated()) {
        // The module's decay/ files act on the writer alone.
        QVERIFY(!r);
        QCOMPARE(r.error().errnum, EOPNOTSUPP);
        QCOMPARE(r.error().file, QStringLiteral("decay/cpujob"));
        return;
    }
    QVERIFY(r);
    QTRY_VERIFY_WITH_TIMEOUT(procEntry(spinner.pid()).value_or(HpcProcEntry{}).usage > 0, 5000);
    QCOMPARE(procEntry(spinner.pid())->job, HpcJobKind::Cpu);
    EXPECT_OK(m_backend->setDecayOption(spinner.pid(), HpcDecayOption::IoJob));
    QCOMPARE(procEntry(spinner.pid())->job, HpcJobKind::Io);
    EXPECT_OK(m_backend->setDecayOption(spinner.pid(), HpcDecayOption::Clear));
    QCOMPARE(procEntry(spinner.pid())->usage, 0u);
    EXPECT_REFUSED(m_backend->setDecayOption(noSuchPid, HpcDecayOption::Fast), ESRCH, "decay/fast");
}

namespace {

// Takes --backend=, --root=, --proc-root= and --slow out of the arguments QtTest sees.
std::expected<Options, QString> parseOptions(QStringList &args) {
    Options o;
    QString mode = qEnvironmentVariable("OMVIEW_HPC_BACKEND", QStringLiteral("emulated"));
    o.root = qEnvironmentVariable("OMVIEW_HPC_ROOT", o.root);
    o.slow = qEnvironmentVariableIntValue("OMVIEW_HPC_SLOW") != 0;
    for (auto it = args.begin(); it != args.end();) {
        if (it->startsWith(u"--backend="))
            mode = it->mid(10);
        else if (it->startsWith(u"--root="))
            o.root = it->mid(7);
        else if (it->startsWith(u"--proc-root="))
            o.procRoot = it->mid(12);
        else if (*it == u"--slow")
            o.slow = true;
        else {
            ++it;
            continue;
        }
        it = args.erase(it);
    }
    const auto parsed = parseHpcMode(mode);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (*parsed == HpcMode::Auto)
        return std::unexpected(QStringLiteral("--backend must be proc or emulated"));
    o.mode = *parsed;
    return o;
}

} // namespace

int main(int argc, char **argv) {
    if (const auto status = ChildProcess::runIfChild(argc, argv))
        return *status;
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const auto options = parseOptions(args);
    if (!options) {
        qCritical("%s", qPrintable(options.error()));
        return 2;
    }
    HpcBackendTest test(*options);
    return QTest::qExec(&test, args);
}

#include "tst_hpcbackend.moc"
