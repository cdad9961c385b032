// analyzer.seriesbuilder: the points a chart draws, from a real collector
// database -- the grid and tier per range, the M4 envelope against the values
// written, the split at gaps and at the threshold, the checkpoints, tail
// updates as new rows arrive, and bad requests.
#include "analyzertestsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <omview/analyzer/seriesbuilder.h>
#include <omview/store/collectorstore.h>

using namespace omview::analyzer;
using namespace analyzertest;
using namespace Qt::StringLiterals;

namespace {

// The values written for a node in [from, to], by grid column.
std::map<std::int64_t, std::pair<double, double>> columnExtremes(NodeId node, Metric metric,
                                                                 const ColumnGrid &grid,
                                                                 std::int64_t from,
                                                                 std::int64_t to) {
    std::map<std::int64_t, std::pair<double, double>> out;
    for (std::int64_t t = from; t <= to; ++t) {
        if (node != 0 && !present(t, node))
            continue;
        const Expected e = expected(node, metric, t, t);
        if (e.samples == 0)
            continue;
        const std::int64_t col = (t - grid.first) / grid.columnSeconds;
        auto it = out.find(col);
        if (it == out.end())
            out[col] = {e.min, e.max};
        else
            it->second = {std::min(it->second.first, e.min), std::max(it->second.second, e.max)};
    }
    return out;
}

std::map<std::int64_t, std::pair<double, double>> drawnExtremes(const QList<SeriesPoint> &points,
                                                                const ColumnGrid &grid) {
    std::map<std::int64_t, std::pair<double, double>> out;
    for (const SeriesPoint &p : points) {
        const std::int64_t col = (p.t - grid.first) / grid.columnSeconds;
        auto it = out.find(col);
        if (it == out.end())
            out[col] = {p.value, p.value};
        else
            it->second = {std::min(it->second.first, p.value),
                          std::max(it->second.second, p.value)};
    }
    return out;
}

} // namespace

class SeriesBuilderTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void plansGridAndTier_data();
    void plansGridAndTier();
    void rawRangeKeepsEveryColumnsExtremes();
    void clusterLineIsTheMeanOfTheNodes();
    void coarseTiersKeepTheEnvelope_data();
    void coarseTiersKeepTheEnvelope();
    void gapsSplitTheLine();
    void splitsAtTheThreshold();
    void spikeIsAboveTheThreshold();
    void checkpointsInTheRange();
    void memoryInGiB();
    void snapsToNearPoints();
    void advanceQueriesTheTail();
    void advanceRefusesAnotherGrid();
    void refusesBadRequests();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CollectorStore> m_store;
};

void SeriesBuilderTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"history.db"_s);
    QVERIFY(fillStandard(m_path));
    auto store = CollectorStore::open(m_path);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
}

void SeriesBuilderTest::plansGridAndTier_data() {
    QTest::addColumn<std::int64_t>("span");
    QTest::addColumn<int>("width");
    QTest::addColumn<std::int64_t>("columnSeconds");
    QTest::addColumn<Tier>("tier");
    QTest::newRow("10 minutes, 900 px: single seconds")
        << std::int64_t{600} << 900 << std::int64_t{1} << Tier::Raw;
    QTest::newRow("hour, 900 px") << std::int64_t{3600} << 900 << std::int64_t{4} << Tier::Raw;
    QTest::newRow("day, 900 px") << std::int64_t{86400} << 900 << std::int64_t{96} << Tier::Minute;
    QTest::newRow("week, 900 px") << std::int64_t{604800} << 900 << std::int64_t{672}
                                  << Tier::Minute;
    QTest::newRow("day, 2900 px: 30 s, minute rows span two columns")
        << std::int64_t{86400} << 2900 << std::int64_t{30} << Tier::Minute;
    QTest::newRow("day, 3000 px: 29 s, per-second rows")
        << std::int64_t{86400} << 3000 << std::int64_t{29} << Tier::Raw;
    QTest::newRow("30 days, 1000 px: hour rows over 1.4 columns")
        << std::int64_t{30 * 86400} << 1000 << std::int64_t{2592} << Tier::Hour;
    QTest::newRow("30 days, 1500 px")
        << std::int64_t{30 * 86400} << 1500 << std::int64_t{1728} << Tier::Minute;
}

void SeriesBuilderTest::plansGridAndTier() {
    QFETCH(std::int64_t, span);
    QFETCH(int, width);
    QFETCH(std::int64_t, columnSeconds);
    QFETCH(Tier, tier);
    const TimeRange range{Start + 17, Start + 17 + span - 1};
    const ColumnGrid grid = SeriesBuilder::plan(range, width);
    QCOMPARE(grid.columnSeconds, columnSeconds);
    QCOMPARE(grid.tier, tier);
    // Whole columns that end with the range and cover it.
    QCOMPARE(grid.last(), range.last);
    QVERIFY(grid.first <= range.first);
    QVERIFY(grid.first > range.first - grid.columnSeconds);
    QVERIFY(grid.columns <= width);
    QCOMPARE(grid.alignDown(grid.first + 2 * grid.columnSeconds - 1),
             grid.first + grid.columnSeconds);
    QCOMPARE(grid.alignDown(grid.first - 1), grid.first - grid.columnSeconds);
}

void SeriesBuilderTest::rawRangeKeepsEveryColumnsExtremes() {
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = 2;
    request.range = {SpikeFrom - 1800, SpikeFrom + 1799}; // an hour around the spike
    request.widthPx = 600;
    auto data = builder.build(request);
    QVERIFY2(data, data ? "" : qPrintable(data.error().message));
    QCOMPARE(data->grid.tier, Tier::Raw);
    QCOMPARE(data->grid.columnSeconds, 6);
    QVERIFY(data->reduced);
    QVERIFY(data->load.size() <= 4 * data->grid.columns);
    for (Metric metric : {Metric::Load, Metric::MemUsed}) {
        const auto &points = metric == Metric::Load ? data->load : data->memory;
        const auto want =
            columnExtremes(2, metric, data->grid, data->grid.first, data->grid.last());
        const auto got = drawnExtremes(points, data->grid);
        QCOMPARE(got.size(), want.size());
        QVERIFY(got == want);
    }
}

void SeriesBuilderTest::clusterLineIsTheMeanOfTheNodes() {
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = ClusterNode;
    request.range = {GapFrom - 300, GapFrom + 899}; // across node 3's absence
    request.widthPx = 300;
    auto data = builder.build(request);
    QVERIFY(data);
    const auto want =
        columnExtremes(0, Metric::Load, data->grid, data->grid.first, data->grid.last());
    const auto got = drawnExtremes(data->load, data->grid);
    QCOMPARE(got.size(), want.size());
    for (const auto &[col, extremes] : want) {
        QVERIFY(got.contains(col));
        QCOMPARE(got.at(col).first, extremes.first);
        QCOMPARE(got.at(col).second, extremes.second);
    }
    // The cluster has a sample every second: one unbroken line.
    QCOMPARE(data->loadRuns.size(), 1);
}

void SeriesBuilderTest::coarseTiersKeepTheEnvelope_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<Tier>("tier");
    QTest::newRow("minute rows") << 120 << Tier::Minute; // 180 s columns
    QTest::newRow("hour rows") << 6 << Tier::Hour;       // a column an hour
}

void SeriesBuilderTest::coarseTiersKeepTheEnvelope() {
    QFETCH(int, width);
    QFETCH(Tier, tier);
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = 2;
    request.range = {Start, Start + Length - 1};
    request.widthPx = width;
    auto data = builder.build(request);
    QVERIFY(data);
    QCOMPARE(data->grid.tier, tier);
    // The whole range's extremes survive the rollups: the spike is there.
    const Expected load = expected(2, Metric::Load, Start, Start + Length - 1);
    double lo = 1e18, hi = -1;
    for (const SeriesPoint &p : data->load) {
        lo = std::min(lo, p.value);
        hi = std::max(hi, p.value);
    }
    QCOMPARE(lo, load.min);
    QCOMPARE(hi, load.max);
    QVERIFY(data->loadPeak >= 130);
    QVERIFY(!data->abovePieces.isEmpty());
}

void SeriesBuilderTest::gapsSplitTheLine() {
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = 3;
    request.range = {GapFrom - 1200, GapTo + 1199};
    request.widthPx = 800;
    auto data = builder.build(request);
    QVERIFY(data);
    QCOMPARE(data->loadRuns.size(), 2);
    QCOMPARE(data->memoryRuns.size(), 2);
    // The first run ends before the gap, the second starts after it.
    QVERIFY(data->loadRuns[0].last().x() < static_cast<double>(GapFrom) * 1000);
    QVERIFY(data->loadRuns[1].first().x() >= static_cast<double>(GapTo) * 1000);
    QCOMPARE(data->loadRuns[1].first().x(), static_cast<double>(GapTo) * 1000);
}

void SeriesBuilderTest::splitsAtTheThreshold() {
    // Runs of (x, y): crossings are interpolated; values equal to the
    // threshold are not above it; a run may start or end above it.
    const QList<Polyline> runs = {
        {{0, 50}, {10, 100}, {20, 100}, {30, 50}, {40, 75}, {50, 90}},
        {{100, 80}, {110, 60}},
        {{200, 75}, {210, 75}},
        {{300, 90}},
    };
    const QList<Polyline> pieces = SeriesBuilder::piecesAbove(runs, 75);
    QCOMPARE(pieces.size(), 4);
    QCOMPARE(pieces[0], (Polyline{{5, 75}, {10, 100}, {20, 100}, {25, 75}}));
    QCOMPARE(pieces[1], (Polyline{{40, 75}, {50, 90}}));
    QCOMPARE(pieces[2], (Polyline{{100, 80}, {102.5, 75}}));
    QCOMPARE(pieces[3], (Polyline{{300, 90}}));
    for (const Polyline &piece : pieces) {
        for (const QPointF &p : piece)
            QVERIFY(p.y() >= 75);
    }
    QVERIFY(SeriesBuilder::piecesAbove(runs, 1000).isEmpty());
    QCOMPARE(SeriesBuilder::piecesAbove(runs, 0).size(), runs.size());
}

void SeriesBuilderTest::spikeIsAboveTheThreshold() {
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = 2;
    request.range = {SpikeFrom - 600, SpikeTo + 599};
    request.widthPx = 1200; // single seconds: every row
    request.threshold = 75;
    auto data = builder.build(request);
    QVERIFY(data);
    QVERIFY(!data->reduced);
    QCOMPARE(data->abovePieces.size(), 1);
    const Polyline &spike = data->abovePieces.first();
    // It starts between the last second below and the first above, and ends
    // between the last above and the first below.
    QVERIFY(spike.first().x() > static_cast<double>(SpikeFrom - 1) * 1000);
    QVERIFY(spike.first().x() < static_cast<double>(SpikeFrom) * 1000);
    QVERIFY(spike.last().x() > static_cast<double>(SpikeTo - 1) * 1000);
    QVERIFY(spike.last().x() < static_cast<double>(SpikeTo) * 1000);
    QCOMPARE(spike.first().y(), 75.0);
    QCOMPARE(spike.size(), 300 + 2);

    // A higher threshold: nothing above it, without querying again.
    data->threshold = 200;
    SeriesBuilder::derive(*data);
    QVERIFY(data->abovePieces.isEmpty());
    data->threshold = 10; // everything above it
    SeriesBuilder::derive(*data);
    QCOMPARE(data->abovePieces.size(), data->loadRuns.size());
}

void SeriesBuilderTest::checkpointsInTheRange() {
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = 1;
    request.range = {CheckpointAt - 60, CheckpointAt + 60};
    request.widthPx = 400;
    auto data = builder.build(request);
    QVERIFY(data);
    QCOMPARE(data->checkpoints.size(), 1);
    QCOMPARE(data->checkpoints.first().t, CheckpointAt);
    QCOMPARE(data->checkpoints.first().label, u"deploy v2"_s);
    request.range = {Start, Start + Length - 1};
    data = builder.build(request);
    QVERIFY(data);
    QCOMPARE(data->checkpoints.size(), 2);
    request.range = {CheckpointAt + 1, CheckpointAt + 600};
    data = builder.build(request);
    QVERIFY(data);
    QVERIFY(data->checkpoints.isEmpty());
}

void SeriesBuilderTest::memoryInGiB() {
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = 3;
    request.range = {Start, Start + 3599};
    request.widthPx = 500;
    auto data = builder.build(request);
    QVERIFY(data);
    QCOMPARE(data->memoryTotal, 12.0); // 12 GiB, though away at the end of the range
    const Expected used = expected(3, Metric::MemUsed, Start, Start + 3599);
    QCOMPARE(data->memoryPeak, used.max / omview::analyzer::GiB);
    for (const Polyline &run : data->memoryRuns) {
        for (const QPointF &p : run)
            QVERIFY(p.y() > 0 && p.y() <= 12);
    }
}

void SeriesBuilderTest::snapsToNearPoints() {
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = 3;
    request.range = {GapFrom - 100, GapTo + 99};
    request.widthPx = 2000; // every second
    auto data = builder.build(request);
    QVERIFY(data);
    QCOMPARE(data->snap(GapFrom - 50, 0), GapFrom - 50);
    // In the gap: the nearest sample if close enough, else the time itself.
    QCOMPARE(data->snap(GapFrom + 2, 5), GapFrom - 1);
    QCOMPARE(data->snap(GapTo - 3, 5), GapTo);
    QCOMPARE(data->snap(GapFrom + 300, 5), GapFrom + 300);
}

void SeriesBuilderTest::advanceQueriesTheTail() {
    // A store that keeps growing while a chart shows its last 20 minutes.
    const QString path = m_dir.filePath(u"growing.db"_s);
    auto writer = StoreWriter::open(writerOptions(path));
    QVERIFY(writer);
    QVERIFY(writeTicks(**writer, Start, Start + 3600));
    QVERIFY(await((*writer)->flush()));
    auto store = CollectorStore::open(path);
    QVERIFY(store);
    SeriesBuilder builder(**store);
    ChartRequest request;
    request.node = 2;
    request.range = {Start + 3600 - 1200, Start + 3599};
    request.widthPx = 200; // 6 s columns: reduced
    auto data = builder.build(request);
    QVERIFY(data);
    QVERIFY(data->reduced);
    const ColumnGrid before = data->grid;

    QVERIFY(writeTicks(**writer, Start + 3600, Start + 3600 + 90));
    QVERIFY(await((*writer)->flush()));
    const TimeRange moved{request.range.first + 90, request.range.last + 90};
    auto advanced = builder.advance(*data, moved, Start + 3599);
    QVERIFY2(advanced, advanced ? "" : qPrintable(advanced.error().message));
    QVERIFY(*advanced);
    QCOMPARE(data->grid.columnSeconds, before.columnSeconds);
    QCOMPARE(data->range, moved);

    // The same as building the moved range from scratch.
    request.range = moved;
    auto fresh = builder.build(request);
    QVERIFY(fresh);
    QCOMPARE(data->grid, fresh->grid);
    QCOMPARE(data->load, fresh->load);
    QCOMPARE(data->memory, fresh->memory);
    QCOMPARE(data->loadRuns, fresh->loadRuns);
    QCOMPARE(data->abovePieces, fresh->abovePieces);
    (*writer)->close();
}

void SeriesBuilderTest::advanceRefusesAnotherGrid() {
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = 1;
    request.range = {Start, Start + 3599};
    request.widthPx = 300;
    auto data = builder.build(request);
    QVERIFY(data);
    const ChartData before = *data;
    // Twice the span: other columns; the caller must build anew.
    auto advanced = builder.advance(*data, {Start, Start + 7199}, Start + 3599);
    QVERIFY(advanced);
    QVERIFY(!*advanced);
    QCOMPARE(data->load, before.load);
    QCOMPARE(data->range, before.range);
}

void SeriesBuilderTest::refusesBadRequests() {
    SeriesBuilder builder(*m_store);
    ChartRequest request;
    request.node = 1;
    request.range = {Start + 100, Start};
    auto bad = builder.build(request);
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, StoreError::Kind::InvalidArgument);
    request.range = {Start, Start + 100};
    request.widthPx = 2;
    QCOMPARE(builder.build(request).error().kind, StoreError::Kind::InvalidArgument);
    request.widthPx = 400;
    request.node = 70000;
    bad = builder.build(request);
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains(u"70000"_s));
    // A node the store never saw, or a range without data: empty lines.
    request.node = 42;
    auto empty = builder.build(request);
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
    QVERIFY(empty->loadRuns.isEmpty());
}

QTEST_GUILESS_MAIN(SeriesBuilderTest)
#include "tst_seriesbuilder.moc"
