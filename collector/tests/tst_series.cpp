// collector.series: the M4-reduced line keeps, in every pixel column, the
// first, last, min and max of the raw data; tiers are chosen by range and
// stitched where one ends; gaps come back as breaks.
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <omview/store/collectorstore.h>
#include <omview/store/storewriter.h>

using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t Start = 1699999200; // an hour boundary
constexpr std::int64_t Length = 6 * 3600;
constexpr NodeId Nodes = 20; // more than the scan limit: rows are found by seeks

bool outage(std::int64_t t) {
    return t >= Start + 8000 && t < Start + 8200; // the collector was down
}

bool present(std::int64_t t, NodeId node) {
    if (outage(t))
        return false;
    if (node == 1 && t >= Start + 5000 && t < Start + 5100)
        return false; // node 1 down for 100 s: a gap
    if (node == 1 && t >= Start + 12000 && t < Start + 12003)
        return false; // three missed seconds: not a gap (threshold 5 s)
    if (node == 2 && t % 3 == 0)
        return false;
    return true;
}

struct Row {
    std::int64_t t;
    double v;
};

QList<Row> nodeRows(NodeId node, Metric m, std::int64_t from, std::int64_t to,
                    const std::function<bool(std::int64_t, NodeId)> &has) {
    QList<Row> rows;
    for (std::int64_t t = from; t <= to; ++t) {
        if (has(t, node))
            rows.append(Row{t, static_cast<double>(sampleAt(t, node).value(m))});
    }
    return rows;
}

QList<Row> clusterRows(Metric m, std::int64_t from, std::int64_t to, NodeId nodes,
                       const std::function<bool(std::int64_t, NodeId)> &has) {
    QList<Row> rows;
    for (std::int64_t t = from; t <= to; ++t) {
        QList<NodeSample> tick;
        for (NodeId n = 1; n <= nodes; ++n) {
            if (has(t, n))
                tick.append(sampleAt(t, n));
        }
        if (!tick.isEmpty())
            rows.append(Row{t, clusterValue(tick, m)});
    }
    return rows;
}

// Checks the M4 property column by column: the points of a column are rows of
// the data, and its first, last, min and max are the data's.
void verifyM4(const Series &series, const QList<Row> &rows, std::int64_t from, std::int64_t to,
              int maxPoints, bool checkFirstLast = true) {
    const std::int64_t cols = maxPoints / 4;
    const std::int64_t span = to - from + 1;
    auto column = [&](std::int64_t t) {
        return (t - from) * cols / span;
    };
    std::map<std::int64_t, QList<Row>> data, drawn;
    for (const Row &r : rows)
        data[column(r.t)].append(r);
    for (const SeriesPoint &p : series.points)
        drawn[column(p.t)].append(Row{p.t, p.value});
    QVERIFY(series.points.size() <= maxPoints);
    QCOMPARE(drawn.size(), data.size());
    for (const auto &[c, expected] : data) {
        QVERIFY2(drawn.contains(c), qPrintable(u"column %1 missing"_s.arg(c)));
        const QList<Row> &got = drawn[c];
        auto byValue = [](const Row &a, const Row &b) {
            return a.v < b.v;
        };
        QCOMPARE(std::ranges::min(got, byValue).v, std::ranges::min(expected, byValue).v);
        QCOMPARE(std::ranges::max(got, byValue).v, std::ranges::max(expected, byValue).v);
        if (checkFirstLast) {
            QCOMPARE(got.first().t, expected.first().t);
            QCOMPARE(got.first().v, expected.first().v);
            QCOMPARE(got.last().t, expected.last().t);
            QCOMPARE(got.last().v, expected.last().v);
            for (const Row &r : got) {
                const auto it = std::ranges::find(expected, r.t, &Row::t);
                QVERIFY2(it != expected.end() && it->v == r.v, "a point that is not a row");
            }
        }
    }
    for (qsizetype i = 1; i < series.points.size(); ++i)
        QVERIFY(series.points[i].t >= series.points[i - 1].t);
}

QList<std::int64_t> gapTimes(const Series &series) {
    QList<std::int64_t> out;
    for (const SeriesPoint &p : series.points) {
        if (p.gapBefore)
            out.append(p.t);
    }
    return out;
}

} // namespace

class SeriesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void rawLineIsM4Exact();
    void fewRowsComeBackUnreduced();
    void clusterLineIsM4Exact_data();
    void clusterLineIsM4Exact();
    void minuteTierKeepsTheEnvelope();
    void hourTierKeepsTheEnvelope();
    void olderPartsComeFromCoarserTiers();
    void smallClusterScansRows();
    void refusesBadQueries();
    void batchReducesLikeSeries_data();
    void batchReducesLikeSeries();
    void batchStitchesTiers();
    void batchRefusesBadQueries();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CollectorStore> m_store;
};

void SeriesTest::initTestCase() {
    m_path = m_dir.filePath(u"series.db"_s);
    auto writer = StoreWriter::open(testOptions(m_path));
    QVERIFY(writer);
    writeTicks(**writer, Start, Length, Nodes, present);
    QVERIFY(await((*writer)->catchUp()));
    (*writer)->close();
    auto store = CollectorStore::open(m_path);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
}

void SeriesTest::rawLineIsM4Exact() {
    SeriesQuery q;
    q.node = 1;
    q.metric = Metric::Load;
    q.from = Start + 1000;
    q.to = Start + 20999; // 20 000 s over 1000 columns: 20 s each, raw tier
    q.maxPoints = 4000;
    auto series = m_store->series(q);
    QVERIFY2(series, series ? "" : qPrintable(series.error().message));
    QCOMPARE(series->tier, Tier::Raw);
    QVERIFY(series->reduced);
    verifyM4(*series, nodeRows(1, Metric::Load, q.from, q.to, present), q.from, q.to, q.maxPoints);
    // The node's 100 s outage and the collector's 200 s outage are breaks; the
    // three missed seconds are not.
    QCOMPARE(gapTimes(*series), (QList<std::int64_t>{Start + 5100, Start + 8200}));

    q.metric = Metric::MemUsed;
    series = m_store->series(q);
    QVERIFY(series);
    verifyM4(*series, nodeRows(1, Metric::MemUsed, q.from, q.to, present), q.from, q.to,
             q.maxPoints);
}

void SeriesTest::fewRowsComeBackUnreduced() {
    SeriesQuery q;
    q.node = 1;
    q.metric = Metric::Util;
    q.from = Start + 4900;
    q.to = Start + 5299;
    q.maxPoints = 1000;
    auto series = m_store->series(q);
    QVERIFY(series);
    QVERIFY(!series->reduced);
    const QList<Row> rows = nodeRows(1, Metric::Util, q.from, q.to, present);
    QCOMPARE(series->points.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(series->points[i].t, rows[i].t);
        QCOMPARE(series->points[i].value, rows[i].v);
    }
    QCOMPARE(gapTimes(*series), QList<std::int64_t>{Start + 5100});
}

void SeriesTest::clusterLineIsM4Exact_data() {
    QTest::addColumn<Metric>("metric");
    QTest::newRow("load (mean)") << Metric::Load;
    QTest::newRow("memUsed (sum)") << Metric::MemUsed;
    QTest::newRow("cpus (sum)") << Metric::Cpus;
}

void SeriesTest::clusterLineIsM4Exact() {
    QFETCH(Metric, metric);
    SeriesQuery q;
    q.metric = metric;
    q.from = Start + 7000;
    q.to = Start + 10999;
    q.maxPoints = 800; // 200 columns of 20 s
    auto series = m_store->series(q);
    QVERIFY(series);
    QCOMPARE(series->tier, Tier::Raw);
    verifyM4(*series, clusterRows(metric, q.from, q.to, Nodes, present), q.from, q.to, q.maxPoints);
    QCOMPARE(gapTimes(*series), QList<std::int64_t>{Start + 8200});
}

void SeriesTest::minuteTierKeepsTheEnvelope() {
    SeriesQuery q;
    q.node = 1;
    q.metric = Metric::Load;
    q.from = Start;
    q.to = Start + Length - 1;
    q.maxPoints = 360; // 90 columns of 240 s: whole minutes each
    auto series = m_store->series(q);
    QVERIFY(series);
    QCOMPARE(series->tier, Tier::Minute);
    QVERIFY(series->reduced);
    // Means of minutes are not rows, so only the extremes are compared.
    verifyM4(*series, nodeRows(1, Metric::Load, q.from, q.to, present), q.from, q.to, q.maxPoints,
             false);
    // The outages are longer than two minutes... the node's 100 s one is not.
    QCOMPARE(gapTimes(*series).size(), 1);

    q.node.reset();
    q.metric = Metric::MemUsed;
    series = m_store->series(q);
    QVERIFY(series);
    verifyM4(*series, clusterRows(Metric::MemUsed, q.from, q.to, Nodes, present), q.from, q.to,
             q.maxPoints, false);
}

void SeriesTest::hourTierKeepsTheEnvelope() {
    SeriesQuery q;
    q.node = 2;
    q.metric = Metric::Util;
    q.from = Start;
    q.to = Start + Length - 1;
    q.maxPoints = 24; // six columns of an hour
    auto series = m_store->series(q);
    QVERIFY(series);
    QCOMPARE(series->tier, Tier::Hour);
    verifyM4(*series, nodeRows(2, Metric::Util, q.from, q.to, present), q.from, q.to, q.maxPoints,
             false);
}

void SeriesTest::olderPartsComeFromCoarserTiers() {
    // A store whose raw rows are kept two minutes only.
    const QString path = m_dir.filePath(u"short.db"_s);
    WriterOptions options = testOptions(path);
    options.retention.raw = std::chrono::seconds(120);
    auto writer = StoreWriter::open(options);
    QVERIFY(writer);
    const auto all = [](std::int64_t, NodeId) {
        return true;
    };
    writeTicks(**writer, Start, 3000, 2, all);
    QVERIFY(await((*writer)->catchUp()));
    (*writer)->close();
    auto store = CollectorStore::open(path);
    QVERIFY(store);

    SeriesQuery q;
    q.node = 1;
    q.metric = Metric::Load;
    q.from = Start;
    q.to = Start + 2999;
    q.maxPoints = 40000; // raw resolution wanted
    auto series = (*store)->series(q);
    QVERIFY(series);
    QCOMPARE(series->tier, Tier::Raw);
    // The whole range has points: minutes where the seconds are gone, and no
    // break where the tiers meet.
    QCOMPARE(series->points.first().t, Start);
    QCOMPARE(series->points.last().t, Start + 2999);
    QVERIFY(gapTimes(*series).isEmpty());
    const auto raw = std::ranges::count_if(
        series->points, [](const SeriesPoint &p) { return p.t >= Start + 2999 - 120; });
    QVERIFY(raw >= 120);
    // Min and max over the whole range are still exact.
    const QList<Row> rows = nodeRows(1, Metric::Load, q.from, q.to, all);
    auto byValue = [](const Row &a, const Row &b) {
        return a.v < b.v;
    };
    const auto values = [&] {
        QList<double> v;
        for (const SeriesPoint &p : series->points)
            v.append(p.value);
        return v;
    }();
    QCOMPARE(std::ranges::min(values), std::ranges::min(rows, byValue).v);
    QCOMPARE(std::ranges::max(values), std::ranges::max(rows, byValue).v);
}

void SeriesTest::smallClusterScansRows() {
    const QString path = m_dir.filePath(u"small.db"_s);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY(writer);
    writeTicks(**writer, Start, 4000, 3, present);
    QVERIFY(await((*writer)->catchUp()));
    (*writer)->close();
    auto store = CollectorStore::open(path);
    QVERIFY(store);
    SeriesQuery q;
    q.node = 1;
    q.metric = Metric::Load;
    q.from = Start;
    q.to = Start + 3999;
    q.maxPoints = 400; // 100 columns of 40 s
    auto series = (*store)->series(q);
    QVERIFY(series);
    verifyM4(*series, nodeRows(1, Metric::Load, q.from, q.to, present), q.from, q.to, q.maxPoints);
}

void SeriesTest::refusesBadQueries() {
    SeriesQuery q;
    q.node = 1;
    q.from = Start + 10;
    q.to = Start;
    QCOMPARE(m_store->series(q).error().kind, StoreError::Kind::InvalidArgument);
    q.to = Start + 100;
    q.maxPoints = 3;
    QCOMPARE(m_store->series(q).error().kind, StoreError::Kind::InvalidArgument);
    q.maxPoints = 100;
    q.node = 0;
    QCOMPARE(m_store->series(q).error().kind, StoreError::Kind::InvalidArgument);
    q.node = 70000;
    auto bad = m_store->series(q);
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains(u"70000"_s));
    // A range without data is an empty line, not an error.
    q.node = 1;
    q.from = 1000;
    q.to = 2000;
    auto empty = m_store->series(q);
    QVERIFY(empty);
    QVERIFY(empty->points.isEmpty());
}

// series(QList) reduces while streaming the rows: the same columns, breaks
// and tier as series() for each query, in one call.
void SeriesTest::batchReducesLikeSeries_data() {
    QTest::addColumn<std::optional<NodeId>>("node");
    QTest::addColumn<Metric>("metric");
    QTest::addColumn<std::int64_t>("from");
    QTest::addColumn<std::int64_t>("to");
    QTest::addColumn<int>("maxPoints");
    QTest::addColumn<bool>("exactFirstLast"); // raw rows: first and last are rows
    using N = std::optional<NodeId>;
    QTest::newRow("raw, node 1, gaps")
        << N(1) << Metric::Load << Start + 1000 << Start + 20999 << 4000 << true;
    QTest::newRow("raw, node 2, every third second missing")
        << N(2) << Metric::MemUsed << Start << Start + 9999 << 800 << true;
    QTest::newRow("raw, cluster, outage")
        << N() << Metric::Load << Start + 7000 << Start + 10999 << 800 << true;
    QTest::newRow("minute, node 1")
        << N(1) << Metric::Load << Start << Start + Length - 1 << 360 << false;
    QTest::newRow("minute, cluster")
        << N() << Metric::MemUsed << Start << Start + Length - 1 << 360 << false;
    QTest::newRow("hour, node 2") << N(2) << Metric::Util << Start << Start + Length - 1 << 24
                                  << false;
    QTest::newRow("raw, unaligned columns")
        << N(3) << Metric::Load << Start + 17 << Start + 3016 << 400 << true;
    QTest::newRow("minute, unaligned columns, constant values")
        << N(3) << Metric::Cpus << Start + 17 << Start + 5003 << 52 << false;
}

void SeriesTest::batchReducesLikeSeries() {
    QFETCH(std::optional<NodeId>, node);
    QFETCH(Metric, metric);
    QFETCH(std::int64_t, from);
    QFETCH(std::int64_t, to);
    QFETCH(int, maxPoints);
    QFETCH(bool, exactFirstLast);
    SeriesQuery q;
    q.node = node;
    q.metric = metric;
    q.from = from;
    q.to = to;
    q.maxPoints = maxPoints;
    SeriesQuery other = q; // a second line in the same call
    // Minute rows straddle unaligned columns: only constant values compare.
    other.metric = metric == Metric::Cpus ? Metric::Speed : Metric::MemFree;
    auto batch = m_store->series(QList<SeriesQuery>{q, other});
    QVERIFY2(batch, batch ? "" : qPrintable(batch.error().message));
    QCOMPARE(batch->size(), 2);
    auto single = m_store->series(q);
    QVERIFY(single);
    const Series &got = batch->first();
    QCOMPARE(got.tier, single->tier);
    QCOMPARE(got.reduced, single->reduced);
    QCOMPARE(got.gapThreshold, single->gapThreshold);
    QCOMPARE(gapTimes(got), gapTimes(*single));
    const QList<Row> rows = node ? nodeRows(*node, metric, from, to, present)
                                 : clusterRows(metric, from, to, Nodes, present);
    verifyM4(got, rows, from, to, maxPoints, exactFirstLast);
    verifyM4(*single, rows, from, to, maxPoints, exactFirstLast);
    // (Where two rows of a column share its extreme, either may be the point.)
    auto second = m_store->series(other);
    QVERIFY(second);
    QCOMPARE(gapTimes(batch->at(1)), gapTimes(*second));
    const QList<Row> otherRows = node ? nodeRows(*node, other.metric, from, to, present)
                                      : clusterRows(other.metric, from, to, Nodes, present);
    verifyM4(batch->at(1), otherRows, from, to, maxPoints, exactFirstLast);
}

void SeriesTest::batchStitchesTiers() {
    // Raw rows kept two minutes: the older part comes from minute rows.
    const QString path = m_dir.filePath(u"batchshort.db"_s);
    WriterOptions options = testOptions(path);
    options.retention.raw = std::chrono::seconds(120);
    auto writer = StoreWriter::open(options);
    QVERIFY(writer);
    const auto all = [](std::int64_t, NodeId) {
        return true;
    };
    writeTicks(**writer, Start, 3000, 2, all);
    QVERIFY(await((*writer)->catchUp()));
    (*writer)->close();
    auto store = CollectorStore::open(path);
    QVERIFY(store);
    SeriesQuery q;
    q.node = 1;
    q.metric = Metric::Load;
    q.from = Start;
    q.to = Start + 2999;
    q.maxPoints = 40000;
    SeriesQuery memory = q; // read in the same pass
    memory.metric = Metric::MemUsed;
    auto batch = (*store)->series(QList<SeriesQuery>{q, memory});
    QVERIFY(batch);
    auto single = (*store)->series(q);
    QVERIFY(single);
    QCOMPARE(batch->first().points, single->points);
    QCOMPARE(batch->first().tier, Tier::Raw);
    auto singleMemory = (*store)->series(memory);
    QVERIFY(singleMemory);
    QCOMPARE(batch->at(1).points, singleMemory->points);
}

void SeriesTest::batchRefusesBadQueries() {
    SeriesQuery good;
    good.node = 1;
    good.from = Start;
    good.to = Start + 100;
    SeriesQuery bad = good;
    bad.maxPoints = 3;
    auto refused = m_store->series(QList<SeriesQuery>{good, bad});
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, StoreError::Kind::InvalidArgument);
    bad = good;
    bad.node = 70000;
    refused = m_store->series(QList<SeriesQuery>{good, bad});
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(u"70000"_s));
    auto none = m_store->series(QList<SeriesQuery>{});
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

QTEST_GUILESS_MAIN(SeriesTest)
#include "tst_series.moc"
