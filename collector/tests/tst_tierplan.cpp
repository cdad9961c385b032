// collector.tierplan: which tier answers which part of a range, read from a
// real store -- raw rows from their first second to their last, minute and
// hour rows up to their rollup markers -- and that a range reaching past the
// newest row plans nothing there.
#include "sqlite.h"
#include "storetestsupport.h"
#include "tierplan.h"

#include <QTemporaryDir>
#include <QTest>
#include <omview/store/collectorstore.h>
#include <omview/store/schema.h>
#include <omview/store/storewriter.h>

using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t Start = 1699999200; // an hour boundary
constexpr std::int64_t Last = Start + 2 * 3600 + 100;
// Above the store's limit for scanning a node's raw rows: they are found by
// one seek per second, which a plan reaching far past the rows would walk.
constexpr NodeId Nodes = 17;

} // namespace

class TierPlanTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void coverageOfAStore();
    void planEndsWithTheLastRow();
    void rangeAfterTheRowsPlansNothing();
    void seriesPastTheLastRow();

private:
    QTemporaryDir m_dir;
    QString m_path;
    Coverages m_cov{};
    std::int64_t m_rawFirst = 0;
    std::int64_t m_minuteMarker = 0;
};

void TierPlanTest::initTestCase() {
    m_path = m_dir.filePath(u"tierplan.db"_s);
    WriterOptions options = testOptions(m_path);
    options.retention.raw = std::chrono::seconds(1800); // raw rows start after the minute rows
    auto writer = StoreWriter::open(options);
    QVERIFY(writer);
    writeTicks(**writer, Start, Last - Start + 1, Nodes);
    QVERIFY(await((*writer)->catchUp()));
    (*writer)->close();

    RawDb raw(m_path);
    m_rawFirst = raw.integer("SELECT min(t) FROM cluster_raw").value_or(-1);
    m_minuteMarker = raw.integer("SELECT value FROM meta WHERE key = 'rollup.minute'").value_or(-1);
    QVERIFY(m_rawFirst > Start + 3600);
    QVERIFY(m_minuteMarker > Start + 7200 && m_minuteMarker <= Last);

    auto db = sql::Database::open(m_path, sql::Database::Mode::ReadOnly);
    QVERIFY(db);
    auto cov = loadCoverage(*db);
    QVERIFY2(cov, cov ? "" : qPrintable(cov.error().message));
    m_cov = *cov;
}

void TierPlanTest::coverageOfAStore() {
    const auto covers = [](const Coverage &c) {
        return std::pair{c.start, c.until};
    };
    QCOMPARE(covers(m_cov[0]), std::pair(m_rawFirst, Last + 1));
    QCOMPARE(covers(m_cov[1]), std::pair(Start, m_minuteMarker));
    QCOMPARE(covers(m_cov[2]), std::pair(Start, Start + 7200));
}

void TierPlanTest::planEndsWithTheLastRow() {
    // A chart of the last day, at any resolution: nothing is planned after
    // the newest row (the raw tier used to reach to the end of time).
    const std::int64_t to = Last + 86400;
    QCOMPARE(planSeries(m_cov, Tier::Raw, Last - 100, to),
             (QList<Segment>{{Tier::Raw, Last - 100, Last}}));
    QCOMPARE(planSeries(m_cov, Tier::Hour, Start, to),
             (QList<Segment>{{Tier::Hour, Start, Start + 7199},
                             {Tier::Minute, Start + 7200, m_minuteMarker - 1},
                             {Tier::Raw, m_minuteMarker, Last}}));
    QCOMPARE(
        planSeries(m_cov, Tier::Raw, Start, to),
        (QList<Segment>{{Tier::Minute, Start, m_rawFirst - 1}, {Tier::Raw, m_rawFirst, Last}}));
    // Statistics still take whole hours and minutes where those tiers hold them.
    QCOMPARE(planStats(m_cov, Start, Last),
             (QList<Segment>{{Tier::Hour, Start, Start + 7199},
                             {Tier::Minute, Start + 7200, m_minuteMarker - 1},
                             {Tier::Raw, m_minuteMarker, Last}}));
}

void TierPlanTest::rangeAfterTheRowsPlansNothing() {
    QVERIFY(planSeries(m_cov, Tier::Raw, Last + 1, Last + 3600).isEmpty());
    QVERIFY(planSeries(m_cov, Tier::Hour, Last + 10, Last + 30 * 86400).isEmpty());
    // An empty store covers nothing.
    const QString empty = m_dir.filePath(u"empty.db"_s);
    QVERIFY(initializeDatabase(empty));
    auto db = sql::Database::open(empty, sql::Database::Mode::ReadOnly);
    QVERIFY(db);
    auto cov = loadCoverage(*db);
    QVERIFY(cov);
    for (const Coverage &c : *cov)
        QVERIFY(!c.covers(Start, Start + 1));
    QVERIFY(planSeries(*cov, Tier::Raw, Start, Last).isEmpty());
}

void TierPlanTest::seriesPastTheLastRow() {
    // The last minute of raw rows in a range running 30 days past them: every
    // row lands in one column, whose first, lowest, highest and last come back.
    auto store = CollectorStore::open(m_path);
    QVERIFY(store);
    SeriesQuery q;
    q.node = 5;
    q.metric = Metric::Load;
    q.from = Last - 59;
    q.to = Last + 30 * 86400;
    q.tier = Tier::Raw;
    q.maxPoints = 400;
    auto series = (*store)->series(q);
    QVERIFY2(series, series ? "" : qPrintable(series.error().message));
    QList<double> loads;
    for (std::int64_t t = q.from; t <= Last; ++t)
        loads.append(static_cast<double>(sampleAt(t, 5).load));
    QVERIFY(!series->points.isEmpty());
    QCOMPARE(series->points.first().t, q.from);
    QCOMPARE(series->points.first().value, loads.first());
    QCOMPARE(series->points.last().t, Last);
    QCOMPARE(series->points.last().value, loads.last());
    QList<double> values;
    for (const SeriesPoint &p : series->points)
        values.append(p.value);
    QCOMPARE(std::ranges::min(values), std::ranges::min(loads));
    QCOMPARE(std::ranges::max(values), std::ranges::max(loads));
}

QTEST_GUILESS_MAIN(TierPlanTest)
#include "tst_tierplan.moc"
