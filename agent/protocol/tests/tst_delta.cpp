// Deltas of process lists, cluster tables and node status: property-tested
// round trips (apply(x, diff(x, y)) == y, also through JSON text), the shape
// of what is sent, and refusal of deltas that do not fit.
#include "samples.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <omview/protocol/delta.h>
#include <set>

using namespace omview;
using namespace omview::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class Random {
public:
    explicit Random(quint32 seed)
        : m_gen(seed) {}
    int upTo(int n) { return int(m_gen.bounded(n)); } // 0..n-1
    bool chance(int percent) { return upTo(100) < percent; }
    QString text() {
        static const QString alphabet = u"abc xyz-_.\"\\\n\tüéß"_s;
        QString s;
        const int n = upTo(12);
        for (int i = 0; i < n; ++i)
            s.append(alphabet.at(upTo(int(alphabet.size()))));
        return s;
    }
    std::uint64_t big() { return m_gen.generate64() >> upTo(64); }
    double fraction() { return upTo(100000) / 7.0; }

private:
    QRandomGenerator m_gen;
};

void mutate(ProcessInfo &p, Random &r) {
    // Each field changes with some probability, so deltas touch varied subsets.
    if (r.chance(20))
        p.ppid = r.upTo(100000);
    if (r.chance(10))
        p.uid = std::uint32_t(r.big());
    if (r.chance(10))
        p.user = r.text();
    if (r.chance(10))
        p.command = r.text();
    if (r.chance(10))
        p.cmdline = r.text();
    if (r.chance(5))
        p.tty = r.text();
    if (r.chance(30))
        p.state = "RSDZTI"[r.upTo(6)];
    if (r.chance(50))
        p.cpuTimeMs += r.upTo(2000);
    if (r.chance(60))
        p.cpuPercent = r.fraction();
    if (r.chance(40))
        p.rss = r.big() & 0x7fffffffffffffff;
    if (r.chance(10))
        p.nice = r.upTo(40) - 20;
    if (r.chance(5))
        p.startTime = std::int64_t(r.big() & 0x7fffffffffff);
    if (r.chance(10))
        p.where = r.upTo(5);
    if (r.chance(5))
        p.home = r.upTo(5);
    if (r.chance(10))
        p.locked = !p.locked;
    if (r.chance(10))
        p.nmigs = r.upTo(50);
    if (r.chance(10))
        p.cantmove = r.text();
    if (r.chance(5))
        p.guest = !p.guest;
}

void mutate(NodeStatus &s, Random &r) {
    if (r.chance(5))
        s.address = r.text();
    if (r.chance(5))
        s.hostname = r.text();
    if (r.chance(20))
        s.status = r.chance(20) ? -110 : r.upTo(64);
    if (r.chance(50))
        s.load = r.upTo(1000);
    if (r.chance(50))
        s.exportLoad = r.upTo(1000);
    if (r.chance(30))
        s.loadAvg[r.upTo(3)] = r.fraction();
    if (r.chance(5))
        s.speed = r.upTo(1000000);
    if (r.chance(5))
        s.cpus = r.upTo(256);
    if (r.chance(30))
        s.memTotal = r.big() & 0x7fffffffffffffff;
    if (r.chance(30))
        s.memUsed = r.big() & 0x7fffffffffffffff;
    if (r.chance(30))
        s.memFree = r.big() & 0x7fffffffffffffff;
    if (r.chance(30))
        s.memAvailable = r.big() & 0x7fffffffffffffff;
    if (r.chance(40))
        s.util = r.upTo(101);
    if (r.chance(80))
        s.sampledAt = std::int64_t(r.big() & 0xffffffffffff);
}

void mutate(NodeRecord &n, Random &r) {
    mutate(n.node, r);
    if (r.chance(50))
        n.ageMs = r.upTo(100000) - 1;
    if (r.chance(10))
        n.alive = !n.alive;
}

ProcessInfo make(std::int32_t key, Random &r, const ProcessInfo *) {
    ProcessInfo p;
    p.pid = key;
    mutate(p, r);
    return p;
}

NodeRecord make(std::int32_t key, Random &r, const NodeRecord *) {
    NodeRecord n;
    n.node.id = NodeId(key);
    mutate(n, r);
    return n;
}

std::int64_t keyOf(const ProcessInfo &p) {
    return p.pid;
}
std::int64_t keyOf(const NodeRecord &n) {
    return n.node.id;
}

template<class T> QList<T> sortedByKey(QList<T> list) {
    std::ranges::sort(list, {}, [](const T &v) { return keyOf(v); });
    return list;
}

// A random list with unique keys in random order.
template<class T> QList<T> randomList(Random &r, int maxKey) {
    QList<T> list;
    for (int key = 1; key <= maxKey; ++key) {
        if (r.chance(40))
            list.append(make(key, r, static_cast<const T *>(nullptr)));
    }
    for (qsizetype i = list.size() - 1; i > 0; --i)
        list.swapItemsAt(i, r.upTo(int(i + 1)));
    return list;
}

// `before` with some entries removed, some mutated, some new keys added.
template<class T> QList<T> evolve(const QList<T> &before, Random &r, int maxKey) {
    QList<T> after;
    std::set<std::int64_t> used;
    for (const T &v : before) {
        used.insert(keyOf(v));
        if (r.chance(15))
            continue;
        T changed = v;
        if (r.chance(50))
            mutate(changed, r);
        after.append(changed);
    }
    for (int key = 1; key <= maxKey; ++key) {
        if (!used.contains(key) && r.chance(10))
            after.append(make(key, r, static_cast<const T *>(nullptr)));
    }
    for (qsizetype i = after.size() - 1; i > 0; --i)
        after.swapItemsAt(i, r.upTo(int(i + 1)));
    return after;
}

template<class D> D throughText(const D &delta) {
    const QByteArray text = QJsonDocument(toJson(delta)).toJson(QJsonDocument::Compact);
    auto back = fromJson<D>(QJsonDocument::fromJson(text).object());
    if (!back)
        qFatal("delta does not decode: %s", qPrintable(back.error().toString()));
    return *back;
}

template<class T> void checkListProperty(quint32 seed) {
    Random r(seed);
    QList<T> state = randomList<T>(r, 200);
    QList<T> applied = sortedByKey(state);
    for (int step = 0; step < 30; ++step) {
        const QList<T> next = evolve(state, r, 200);
        const auto delta = makeDelta(state, next);
        auto direct = applyDelta(state, delta);
        QVERIFY2(direct, qPrintable(direct ? QString() : direct.error().toString()));
        QCOMPARE(*direct, sortedByKey(next));
        // As a subscriber sees it: the chain of deltas through the wire form.
        const auto received = throughText(delta);
        QCOMPARE(received, delta);
        auto chained = applyDelta(applied, received);
        QVERIFY2(chained, qPrintable(chained ? QString() : chained.error().toString()));
        applied = *chained;
        QCOMPARE(applied, sortedByKey(next));
        state = next;
    }
}

} // namespace

class TestDelta : public QObject {
    Q_OBJECT

private slots:
    void processListRoundTripProperty() {
        for (quint32 seed = 1; seed <= 8; ++seed) {
            checkListProperty<ProcessInfo>(seed);
            if (QTest::currentTestFailed()) {
                qWarning("failing seed: %u", seed);
                return;
            }
        }
    }

    void nodeRecordListRoundTripProperty() {
        for (quint32 seed = 1; seed <= 8; ++seed) {
            checkListProperty<NodeRecord>(seed);
            if (QTest::currentTestFailed()) {
                qWarning("failing seed: %u", seed);
                return;
            }
        }
    }

    void nodeStatusRoundTripProperty() {
        Random r(7);
        NodeStatus state;   // what the agent sampled last
        NodeStatus applied; // what the subscriber holds, starting empty
        for (int step = 0; step < 2000; ++step) {
            NodeStatus next = state;
            mutate(next, r);
            const QJsonObject delta = makeDelta(state, next);
            const QByteArray text = QJsonDocument(delta).toJson(QJsonDocument::Compact);
            auto result = applyDelta(applied, QJsonDocument::fromJson(text).object());
            QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
            applied = *result;
            QCOMPARE(applied, next);
            state = next;
        }
    }

    void firstUpdateCarriesEverything() {
        const QList<ProcessInfo> now{sampleProcess(5), sampleProcess(2)};
        const ProcessListDelta d = makeDelta(QList<ProcessInfo>{}, now);
        QCOMPARE(d.added, (QList<ProcessInfo>{sampleProcess(2), sampleProcess(5)}));
        QVERIFY(d.changed.isEmpty());
        QVERIFY(d.removed.isEmpty());
        const QJsonObject all = makeDelta(NodeStatus{}, sampleStatus());
        QCOMPARE(*applyDelta(NodeStatus{}, all), sampleStatus());
    }

    void changedEntriesHoldOnlyChangedFields() {
        ProcessInfo a = sampleProcess(10);
        ProcessInfo b = a;
        b.cpuPercent = 12.5;
        b.rss = 1;
        const ProcessListDelta d = makeDelta(QList<ProcessInfo>{a, sampleProcess(11)},
                                             QList<ProcessInfo>{b, sampleProcess(12)});
        QCOMPARE(d.added, QList<ProcessInfo>{sampleProcess(12)});
        QCOMPARE(d.removed, QList<std::int32_t>{11});
        QCOMPARE(d.changed.size(), 1);
        QCOMPARE(d.changed[0],
                 (QJsonObject{{u"pid"_s, 10}, {u"cpuPercent"_s, 12.5}, {u"rss"_s, 1}}));
        QCOMPARE(d.changedPids(), QList<std::int32_t>{10});
        QVERIFY(makeDelta(QList<ProcessInfo>{a}, QList<ProcessInfo>{a}).isEmpty());
        QVERIFY(makeDelta(sampleStatus(), sampleStatus()).isEmpty());

        NodeRecord r1 = sampleRecord(4);
        NodeRecord r2 = r1;
        r2.ageMs = 900;
        r2.node.load = 7;
        const NodeRecordListDelta nd = makeDelta(QList<NodeRecord>{r1}, QList<NodeRecord>{r2});
        QCOMPARE(nd.changed, (QList<QJsonObject>{
                                 QJsonObject{{u"id"_s, 4}, {u"ageMs"_s, 900}, {u"load"_s, 7}}}));
        QCOMPARE(nd.changedIds(), QList<NodeId>{4});
    }

    void aReusedPidIsAChange() {
        ProcessInfo old = sampleProcess(300);
        ProcessInfo reused = old;
        reused.startTime += 5000;
        reused.command = u"other"_s;
        const ProcessListDelta d = makeDelta(QList<ProcessInfo>{old}, QList<ProcessInfo>{reused});
        QCOMPARE(d.changed.size(), 1);
        QVERIFY(d.changed[0].contains("startTime"_L1));
    }

    void laterDuplicatesWin() {
        ProcessInfo first = sampleProcess(1);
        ProcessInfo second = first;
        second.nice = 10;
        const ProcessListDelta d =
            makeDelta(QList<ProcessInfo>{}, QList<ProcessInfo>{first, second});
        QCOMPARE(d.added, QList<ProcessInfo>{second});
    }

    void deltasThatDoNotFitAreRefused_data() {
        QTest::addColumn<QByteArray>("delta");
        QTest::addColumn<QString>("error");
        QTest::newRow("remove absent") << QByteArray(R"({"added":[],"changed":[],"removed":[9]})")
                                       << u"removed[0]: no process 9"_s;
        QTest::newRow("change absent")
            << QByteArray(R"({"added":[],"changed":[{"pid":9,"nice":1}],"removed":[]})")
            << u"changed[0]: no process 9"_s;
        QTest::newRow("change without key")
            << QByteArray(R"({"added":[],"changed":[{"nice":1}],"removed":[]})")
            << u"changed[0].pid: missing"_s;
        QTest::newRow("change mistyped")
            << QByteArray(R"({"added":[],"changed":[{"pid":1},{"pid":2,"nice":"x"}],"removed":[]})")
            << u"changed[1].nice: must be an integer, got a string"_s;
        QTest::newRow("change after remove")
            << QByteArray(R"({"added":[],"changed":[{"pid":1,"nice":3}],"removed":[1]})")
            << u"changed[0]: no process 1"_s;
    }

    void deltasThatDoNotFitAreRefused() {
        QFETCH(QByteArray, delta);
        QFETCH(QString, error);
        const QList<ProcessInfo> state{sampleProcess(1), sampleProcess(2)};
        auto d = fromJson<ProcessListDelta>(QJsonDocument::fromJson(delta).object());
        QVERIFY(d);
        auto r = applyDelta(state, *d);
        QVERIFY(!r);
        QCOMPARE(r.error().toString(), error);
    }

    void addingAPresentKeyIsRefused() {
        ProcessListDelta d;
        d.added = {sampleProcess(3), sampleProcess(2)};
        auto r = applyDelta(QList<ProcessInfo>{sampleProcess(2)}, d);
        QVERIFY(!r);
        QCOMPARE(r.error().toString(), u"added[1]: process 2 is already present"_s);

        NodeRecordListDelta nd;
        nd.removed = {8};
        QCOMPARE(applyDelta(QList<NodeRecord>{sampleRecord(1)}, nd).error().toString(),
                 u"removed[0]: no node 8"_s);
    }

    void malformedDeltasAreRefused() {
        auto decode = [](const char *json) {
            return fromJson<ProcessListDelta>(QJsonDocument::fromJson(json).object()).error();
        };
        QCOMPARE(decode(R"({"added":[],"changed":[]})").toString(), u"removed: missing"_s);
        QCOMPARE(decode(R"({"added":[{"pid":1}],"changed":[],"removed":[]})").toString(),
                 u"added[0].ppid: missing"_s);
        QCOMPARE(decode(R"({"added":[],"changed":[5],"removed":[]})").toString(),
                 u"changed[0]: must be an object, got 5"_s);
        QCOMPARE(decode(R"({"added":[],"changed":[],"removed":["1"]})").toString(),
                 u"removed: element 0 must be an integer, got a string"_s);
        QCOMPARE(fromJson<ProcessListDelta>(QJsonArray()).error().toString(),
                 u"must be an object, got an array"_s);
        auto status = applyDelta(sampleStatus(), QJsonObject{{u"load"_s, -1}});
        QVERIFY(!status);
        QCOMPARE(status.error().toString(), u"load: must be 0..4294967295, got -1"_s);
    }

    void unknownFieldsInChangesAreIgnored() {
        ProcessListDelta d;
        d.changed = {QJsonObject{{u"pid"_s, 1}, {u"nice"_s, 4}, {u"futureField"_s, true}}};
        auto r = applyDelta(QList<ProcessInfo>{sampleProcess(1)}, d);
        QVERIFY(r);
        QCOMPARE(r->at(0).nice, 4);
    }
};

QTEST_GUILESS_MAIN(TestDelta)
#include "tst_delta.moc"
