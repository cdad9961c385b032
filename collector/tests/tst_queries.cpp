// collector.queries: stats, checkpoints, process snapshots, topCpu, process
// history, range, nodes and raw samples, and the errors for bad arguments.
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <omview/store/collectorstore.h>
#include <omview/store/schema.h>
#include <omview/store/storewriter.h>

using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t S = 1699999200;
constexpr std::int64_t Length = 7200;
constexpr NodeId Nodes = 3;

ProcessSample process(std::int32_t pid, const QString &command, std::int64_t cpuMs,
                      std::int64_t startMs) {
    ProcessSample p;
    p.pid = pid;
    p.ppid = 1;
    p.uid = 1000;
    p.user = u"ada"_s;
    p.command = command;
    p.cmdline = command + u" --run"_s;
    p.state = 'R';
    p.cpuTimeMs = cpuMs;
    p.cpuPercent = 50;
    p.rss = 4096 * static_cast<std::uint64_t>(pid);
    p.startTimeMs = startMs;
    return p;
}

// Node 1: a hog (1000 ms of CPU a second, migrates to node 2 at S+1500) and an
// idler (10 ms/s). Node 2: a job started at S+3000 (500 ms/s) and a guest
// (2000 ms/s) that its home node reports too.
QList<NodeProcesses> processesAt(std::int64_t t) {
    NodeProcesses one{1, {}};
    ProcessSample hog = process(10, u"hog"_s, (t - S) * 1000, (S - 10) * 1000);
    if (t >= S + 1500) {
        hog.nmigs = 1;
        hog.where = 2;
    }
    one.processes.append(hog);
    one.processes.append(process(11, u"idle"_s, (t - S) * 10, (S - 10) * 1000));
    NodeProcesses two{2, {}};
    if (t >= S + 3000)
        two.processes.append(process(20, u"mid"_s, (t - S - 3000) * 500, (S + 3000) * 1000));
    ProcessSample guest = process(21, u"guest"_s, (t - S) * 2000, (S - 10) * 1000);
    guest.guest = true;
    guest.home = 3;
    two.processes.append(guest);
    return {one, two};
}

} // namespace

class QueriesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void statsMatchTheSamples_data();
    void statsMatchTheSamples();
    void statsOfEmptyRangeAndBadArguments();
    void checkpoints();
    void processSnapshots();
    void topCpu();
    void processHistory();
    void rangeNodesAndSamples();
    void rangeStartsAtTheFirstSample_data();
    void rangeStartsAtTheFirstSample();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<CollectorStore> m_store;
};

void QueriesTest::initTestCase() {
    m_path = m_dir.filePath(u"queries.db"_s);
    auto writer = StoreWriter::open(testOptions(m_path));
    QVERIFY(writer);
    m_writer = std::move(*writer);
    for (std::int64_t t = S; t < S + Length; ++t) {
        Tick tick;
        tick.t = t;
        for (NodeId n = 1; n <= Nodes; ++n) {
            if (!(n == 3 && t >= S + 2000 && t < S + 2600))
                tick.nodes.append(sampleAt(t, n));
        }
        if (t % 10 == 0)
            tick.processes = processesAt(t);
        submit(*m_writer, std::move(tick));
    }
    QVERIFY(await(m_writer->catchUp()));
    auto store = CollectorStore::open(m_path);
    QVERIFY(store);
    m_store = std::move(*store);
}

void QueriesTest::statsMatchTheSamples_data() {
    QTest::addColumn<int>("node"); // 0 = the cluster
    QTest::addColumn<std::int64_t>("from");
    QTest::addColumn<std::int64_t>("to");
    QTest::newRow("node 1, whole hours") << 1 << S << S + 3599;
    QTest::newRow("node 1, ragged") << 1 << S + 1234 << S + 6001;
    QTest::newRow("node 3, across its outage") << 3 << S + 1900 << S + 2700;
    QTest::newRow("node 2, inside a minute") << 2 << S + 61 << S + 65;
    QTest::newRow("node 1, past the last rollup") << 1 << S + 7000 << S + Length - 1;
    QTest::newRow("cluster, ragged") << 0 << S + 59 << S + 5000;
}

void QueriesTest::statsMatchTheSamples() {
    QFETCH(int, node);
    QFETCH(std::int64_t, from);
    QFETCH(std::int64_t, to);
    const auto has = [](std::int64_t t, NodeId n) {
        return !(n == 3 && t >= S + 2000 && t < S + 2600);
    };
    std::int64_t samples = 0;
    std::array<double, MetricCount> lo{}, hi{}, sum{};
    for (std::int64_t t = std::max(from, S); t <= std::min(to, S + Length - 1); ++t) {
        QList<NodeSample> tick;
        for (NodeId n = 1; n <= Nodes; ++n) {
            if (has(t, n))
                tick.append(sampleAt(t, n));
        }
        if (node && !has(t, static_cast<NodeId>(node)))
            continue;
        for (int i = 0; i < MetricCount; ++i) {
            const double v = node ? static_cast<double>(
                                        sampleAt(t, static_cast<NodeId>(node)).value(AllMetrics[i]))
                                  : clusterValue(tick, AllMetrics[i]);
            lo[i] = samples ? std::min(lo[i], v) : v;
            hi[i] = samples ? std::max(hi[i], v) : v;
            sum[i] += v;
        }
        ++samples;
    }
    auto stats = m_store->stats(node ? std::optional<NodeId>(node) : std::nullopt, from, to);
    QVERIFY2(stats, stats ? "" : qPrintable(stats.error().message));
    QVERIFY(stats->has_value());
    QCOMPARE((*stats)->samples, samples);
    for (int i = 0; i < MetricCount; ++i) {
        const MetricStats &m = (**stats)[AllMetrics[i]];
        QCOMPARE(m.min, lo[i]);
        QCOMPARE(m.max, hi[i]);
        QVERIFY2(qAbs(m.avg - sum[i] / static_cast<double>(samples)) <= 1e-9 * qAbs(m.avg),
                 qPrintable(metricName(AllMetrics[i])));
    }
}

void QueriesTest::statsOfEmptyRangeAndBadArguments() {
    auto none = m_store->stats(1, 1000, 2000);
    QVERIFY(none);
    QVERIFY(!none->has_value());
    // Node 3 was down for these seconds.
    auto down = m_store->stats(3, S + 2100, S + 2200);
    QVERIFY(down);
    QVERIFY(!down->has_value());
    QCOMPARE(m_store->stats(1, S + 10, S).error().kind, StoreError::Kind::InvalidArgument);
    QCOMPARE(m_store->stats(0, S, S + 10).error().kind, StoreError::Kind::InvalidArgument);
    QCOMPARE(m_store->stats(1, -5, S).error().kind, StoreError::Kind::InvalidArgument);
}

void QueriesTest::checkpoints() {
    auto a = await(m_writer->addCheckpoint(S + 100, u"rendering starts"_s));
    QVERIFY2(a, a ? "" : qPrintable(a.error().message));
    auto b = await(m_writer->addCheckpoint(S + 50, u"before, added later"_s));
    QVERIFY(b);
    auto c = await(m_writer->addCheckpoint(S + 5000, u"done"_s));
    QVERIFY(c);
    QCOMPARE(c->label, u"done"_s);

    auto all = m_store->checkpoints(S, S + Length);
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).label, u"before, added later"_s);
    QCOMPARE(all->at(0).t, S + 50);
    QCOMPARE(all->at(1).label, u"rendering starts"_s);
    QCOMPARE(all->at(2).id, c->id);
    auto some = m_store->checkpoints(S + 60, S + 4000);
    QVERIFY(some);
    QCOMPARE(some->size(), 1);

    // Bad labels and times: refused, nothing written.
    for (const QString &label : {QString(), u"   "_s, u"tab\there"_s, QString(201, u'x')}) {
        auto refused = await(m_writer->addCheckpoint(S + 200, label));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, StoreError::Kind::InvalidArgument);
    }
    QCOMPARE(await(m_writer->addCheckpoint(0, u"epoch"_s)).error().kind,
             StoreError::Kind::InvalidArgument);
    QCOMPARE(m_store->checkpoints(S, S + Length)->size(), 3);
    QCOMPARE(m_store->checkpoints(S + 1, S).error().kind, StoreError::Kind::InvalidArgument);
}

void QueriesTest::processSnapshots() {
    // Between snapshots: the one before, with its neighbours.
    auto one = m_store->processSnapshot(1, S + 1234);
    QVERIFY(one);
    QCOMPARE(one->t, S + 1230);
    QCOMPARE(one->previous, S + 1220);
    QCOMPARE(one->next, S + 1240);
    QCOMPARE(one->processes.size(), 2);
    QCOMPARE(one->processes[0].sample.pid, 10);
    QCOMPARE(one->processes[0].node, 1u);
    QCOMPARE(one->processes[0].sample.cpuTimeMs, 1230 * 1000);
    QCOMPARE(one->processes[0].sample.command, u"hog"_s);
    QCOMPARE(one->processes[0].sample.cmdline, u"hog --run"_s);
    QCOMPARE(one->processes[0].sample.state, 'R');
    QCOMPARE(one->processes[1].sample.pid, 11);

    // Every node's processes at one tick.
    auto all = m_store->processSnapshot(std::nullopt, S + 3005);
    QVERIFY(all);
    QCOMPARE(all->t, S + 3000);
    QCOMPARE(all->processes.size(), 4);
    QCOMPARE(all->processes[2].node, 2u);
    QCOMPARE(all->processes[2].sample.pid, 20);
    QCOMPARE(all->processes[3].sample.guest, true);
    QCOMPARE(all->processes[3].sample.home, 3u);

    // Exactly at a snapshot; the first; before any; after the last.
    QCOMPARE(m_store->processSnapshot(2, S + 3000)->t, S + 3000);
    auto first = m_store->processSnapshot(1, S);
    QCOMPARE(first->t, S);
    QVERIFY(!first->previous);
    auto before = m_store->processSnapshot(1, S - 100);
    QVERIFY(before);
    QVERIFY(!before->t);
    QCOMPARE(before->next, S);
    QVERIFY(before->processes.isEmpty());
    auto after = m_store->processSnapshot(1, S + 100000);
    QCOMPARE(after->t, S + Length - 10);
    QVERIFY(!after->next);
    // A node that never reported processes.
    auto three = m_store->processSnapshot(3, S + 100);
    QVERIFY(three);
    QVERIFY(!three->t);
    QCOMPARE(m_store->processSnapshot(0, S).error().kind, StoreError::Kind::InvalidArgument);
}

void QueriesTest::topCpu() {
    auto top = m_store->topCpu(std::nullopt, S + 1000, S + 2000, 10);
    QVERIFY2(top, top ? "" : qPrintable(top.error().message));
    QCOMPARE(top->size(), 2); // the guest is left out, the job has not started
    QCOMPARE(top->at(0).command, u"hog"_s);
    QCOMPARE(top->at(0).cpuMs, 1000 * 1000);
    QCOMPARE(top->at(0).migrations, 1u);
    QCOMPARE(top->at(0).lastWhere, 2u);
    QCOMPARE(top->at(0).firstSeen, S + 1000);
    QCOMPARE(top->at(0).lastSeen, S + 2000);
    QCOMPARE(top->at(0).peakRss, 4096u * 10);
    QCOMPARE(top->at(1).command, u"idle"_s);
    QCOMPARE(top->at(1).cpuMs, 10 * 1000);
    QCOMPARE(top->at(1).migrations, 0u);

    auto withGuests = m_store->topCpu(std::nullopt, S + 1000, S + 2000, 10, true);
    QVERIFY(withGuests);
    QCOMPARE(withGuests->size(), 3);
    QCOMPARE(withGuests->at(0).command, u"guest"_s);
    QVERIFY(withGuests->at(0).guest);
    QCOMPARE(withGuests->at(0).cpuMs, 2000 * 1000);

    // Between snapshots, and a process that starts inside the interval: it
    // gets all of its CPU time, the others theirs since the snapshot before.
    auto later = m_store->topCpu(std::nullopt, S + 2995, S + 4000, 10);
    QVERIFY(later);
    QCOMPARE(later->size(), 3);
    QCOMPARE(later->at(0).command, u"hog"_s);
    QCOMPARE(later->at(0).cpuMs, (4000 - 2990) * 1000);
    QCOMPARE(later->at(1).command, u"mid"_s);
    QCOMPARE(later->at(1).cpuMs, 1000 * 500);
    QCOMPARE(later->at(1).firstSeen, S + 3000);

    auto node2 = m_store->topCpu(2, S + 2995, S + 4000, 1);
    QVERIFY(node2);
    QCOMPARE(node2->size(), 1);
    QCOMPARE(node2->at(0).command, u"mid"_s);

    QCOMPARE(m_store->topCpu(1, S, S + 10, 0).error().kind, StoreError::Kind::InvalidArgument);
    QCOMPARE(m_store->topCpu(1, S + 10, S, 5).error().kind, StoreError::Kind::InvalidArgument);
    auto nothing = m_store->topCpu(1, 100, 200, 5);
    QVERIFY(nothing);
    QVERIFY(nothing->isEmpty());
}

void QueriesTest::processHistory() {
    auto snapshot = m_store->processSnapshot(1, S + 100);
    QVERIFY(snapshot);
    const std::int64_t hog = snapshot->processes[0].procId;
    auto history = m_store->processHistory(hog, S + 100, S + 200);
    QVERIFY(history);
    QCOMPARE(history->size(), 11);
    for (qsizetype i = 0; i < history->size(); ++i) {
        QCOMPARE(history->at(i).t, S + 100 + 10 * i);
        QCOMPARE(history->at(i).sample.cpuTimeMs, (100 + 10 * i) * 1000);
    }
    // The same process before and after its migration.
    auto across = m_store->processHistory(hog, S + 1490, S + 1510);
    QVERIFY(across);
    QCOMPARE(across->size(), 3);
    QCOMPARE(across->at(0).sample.where, 0u);
    QCOMPARE(across->at(1).sample.where, 2u);
    QCOMPARE(across->at(1).sample.nmigs, 1u);
    QVERIFY(m_store->processHistory(999999, S, S + 100)->isEmpty());
}

void QueriesTest::rangeNodesAndSamples() {
    auto range = m_store->range();
    QVERIFY(range);
    QVERIFY(range->has_value());
    QCOMPARE((*range)->first, S);
    QCOMPARE((*range)->last, S + Length - 1);

    auto nodes = m_store->nodes();
    QVERIFY(nodes);
    QCOMPARE(nodes->size(), 3);
    QCOMPARE(nodes->at(1).node, 2u);
    QCOMPARE(nodes->at(1).hostname, u"n2"_s);
    QCOMPARE(nodes->at(1).address, u"10.0.0.2"_s);
    QCOMPARE(nodes->at(1).firstSeen, S);
    // Updated at each minute's rollup.
    QVERIFY(nodes->at(1).lastSeen >= S + Length - 121);

    auto samples = m_store->samples(2, S + 10, S + 19);
    QVERIFY(samples);
    QCOMPARE(samples->size(), 10);
    for (qsizetype i = 0; i < 10; ++i) {
        QCOMPARE(samples->at(i).t, S + 10 + i);
        QCOMPARE(samples->at(i).sample, sampleAt(S + 10 + i, 2));
    }
    auto gap = m_store->samples(3, S + 1995, S + 2004);
    QVERIFY(gap);
    QCOMPARE(gap->size(), 5);
    QCOMPARE(m_store->samples(0, S, S + 1).error().kind, StoreError::Kind::InvalidArgument);

    // An empty store has no range.
    const QString emptyPath = m_dir.filePath(u"empty.db"_s);
    QVERIFY(initializeDatabase(emptyPath));
    auto empty = CollectorStore::open(emptyPath);
    QVERIFY(empty);
    auto emptyRange = (*empty)->range();
    QVERIFY(emptyRange);
    QVERIFY(!emptyRange->has_value());
}

void QueriesTest::rangeStartsAtTheFirstSample_data() {
    QTest::addColumn<std::int64_t>("first");  // the first tick with node samples
    QTest::addColumn<bool>("pruneRaw");       // raw rows kept two minutes only
    QTest::addColumn<bool>("processesFirst"); // a snapshot 5 s before the first sample
    // The hour and minute rows start up to an hour before the first sample.
    QTest::newRow("mid-hour") << S + 1234 << false << false;
    QTest::newRow("on the hour") << S << false << false;
    // Only minute and hour rows hold the start; the node's first_t places it.
    QTest::newRow("raw rows pruned") << S + 1234 << true << false;
    QTest::newRow("raw rows pruned, last second of a minute") << S + 59 << true << false;
    QTest::newRow("processes before the samples") << S + 1234 << false << true;
}

void QueriesTest::rangeStartsAtTheFirstSample() {
    QFETCH(std::int64_t, first);
    QFETCH(bool, pruneRaw);
    QFETCH(bool, processesFirst);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"range.db"_s);
    WriterOptions options = testOptions(path);
    if (pruneRaw)
        options.retention.raw = std::chrono::seconds(120);
    const std::int64_t last = S + 3 * 3600 + 17;
    {
        auto writer = StoreWriter::open(options);
        QVERIFY(writer);
        if (processesFirst) {
            Tick tick;
            tick.t = first - 5;
            tick.processes = {NodeProcesses{1, {process(10, u"early"_s, 0, (first - 6) * 1000)}}};
            submit(**writer, std::move(tick));
        }
        writeTicks(**writer, first, last - first + 1, 2);
        QVERIFY(await((*writer)->catchUp()));
        (*writer)->close();
    }
    RawDb raw(path);
    // What the case is about: rows of a coarser tier begin before the first sample.
    QCOMPARE(raw.integer("SELECT min(t) FROM cluster_hour").value_or(-1), S);
    if (pruneRaw)
        QVERIFY(raw.integer("SELECT min(t) FROM cluster_raw").value_or(0) > first + 3600);
    auto store = CollectorStore::open(path);
    QVERIFY(store);
    auto range = (*store)->range();
    QVERIFY(range);
    QVERIFY(range->has_value());
    QCOMPARE((*range)->first, processesFirst ? first - 5 : first);
    QCOMPARE((*range)->last, last);
}

QTEST_GUILESS_MAIN(QueriesTest)
#include "tst_queries.moc"
