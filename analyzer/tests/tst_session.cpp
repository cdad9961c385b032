// analyzer.session: what the analyzer shows, without widgets -- range
// selections (parsing, validation, resolution), zoom, the threshold, live
// follow of a database a writer keeps filling, and the statistics computed on
// the worker thread; bad input is refused and changes nothing.
#include "analyzertestsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <omview/analyzer/analyzersession.h>
#include <omview/analyzer/nodelistmodel.h>
#include <omview/analyzer/statisticsmodel.h>

using namespace omview::analyzer;
using namespace analyzertest;
using namespace Qt::StringLiterals;

class SessionTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void parsesRanges_data();
    void parsesRanges();
    void refusesBadRanges_data();
    void refusesBadRanges();
    void resolvesAgainstTheData();
    void refusesBadFiles();
    void selectionAndZoom();
    void threshold();
    void pollWithoutNewRowsDoesNothing();
    void followsAWriter();
    void statisticsOfTheVisibleRange();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void SessionTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"history.db"_s);
    QVERIFY(fillStandard(m_path));
}

void SessionTest::parsesRanges_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<RangeSelection>("want");
    const std::int64_t now = Start + Length - 1;
    QTest::newRow("hour") << u"hour"_s << RangeSelection::last(3600);
    QTest::newRow("day") << u" day "_s << RangeSelection::last(86400);
    QTest::newRow("week") << u"week"_s << RangeSelection::last(7 * 86400);
    QTest::newRow("all") << u"all"_s << RangeSelection::all();
    QTest::newRow("duration") << u"6h"_s << RangeSelection::last(6 * 3600);
    QTest::newRow("from..to, epoch seconds")
        << u"@%1..@%2"_s.arg(Start).arg(Start + 600) << RangeSelection::between(Start, Start + 600);
    QTest::newRow("relative") << u"-2h..now"_s << RangeSelection::between(now - 7200, now);
    Q_UNUSED(now);
}

void SessionTest::parsesRanges() {
    QFETCH(QString, text);
    QFETCH(RangeSelection, want);
    auto got = RangeSelection::parse(text, Start + Length - 1);
    QVERIFY2(got, got ? "" : qPrintable(got.error()));
    QCOMPARE(*got, want);
}

void SessionTest::refusesBadRanges_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("word") << u"fortnight"_s << u"fortnight"_s;
    QTest::newRow("too short") << u"30s"_s << u"minute"_s;
    QTest::newRow("bad start") << u"yesterday..now"_s << u"yesterday"_s;
    QTest::newRow("bad end") << u"-2h..later"_s << u"later"_s;
    QTest::newRow("inverted") << u"now..-2h"_s << u"before it starts"_s;
}

void SessionTest::refusesBadRanges() {
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    auto got = RangeSelection::parse(text, Start);
    QVERIFY(!got);
    QVERIFY2(got.error().contains(mentions), qPrintable(got.error()));
}

void SessionTest::resolvesAgainstTheData() {
    const TimeRange data{Start, Start + Length - 1};
    QCOMPARE(RangeSelection::last(3600).resolve(data, 0), (TimeRange{data.last - 3599, data.last}));
    QCOMPARE(RangeSelection::all().resolve(data, 0), data);
    QCOMPARE(RangeSelection::between(5, 500).resolve(data, 0), (TimeRange{5, 500}));
    // An empty store: "last" counts back from now.
    QCOMPARE(RangeSelection::last(60).resolve(std::nullopt, 1000), (TimeRange{941, 1000}));
    QCOMPARE(RangeSelection::last(3600).describe(), u"last hour"_s);
    QCOMPARE(RangeSelection::last(6 * 3600).describe(), u"last 6 hours"_s);
    QCOMPARE(RangeSelection::all().describe(), u"everything"_s);
    QVERIFY(RangeSelection::last(3600).follows());
    QVERIFY(!RangeSelection::between(1, 100).follows());
}

void SessionTest::refusesBadFiles() {
    auto missing = AnalyzerSession::open(m_dir.filePath(u"missing.db"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, StoreError::Kind::NotFound);
    QVERIFY(missing.error().message.contains(u"missing.db"_s));
    const QString text = m_dir.filePath(u"notes.txt"_s);
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a database, just some words that are long enough to have a header\n");
    file.close();
    auto other = AnalyzerSession::open(text);
    QVERIFY(!other);
    QVERIFY(other.error().message.contains(u"notes.txt"_s));
}

void SessionTest::selectionAndZoom() {
    auto session = AnalyzerSession::open(m_path);
    QVERIFY(session);
    AnalyzerSession &s = **session;
    QCOMPARE(s.dataRange(), (std::optional<TimeRange>{TimeRange{Start, Start + Length - 1}}));
    QCOMPARE(s.visibleRange(), (TimeRange{Start + Length - 3600, Start + Length - 1}));
    QSignalSpy ranges(&s, &AnalyzerSession::rangeChanged);

    QVERIFY(!s.setSelection(RangeSelection::last(10)));
    QVERIFY(!s.setSelection(RangeSelection::between(500, 100)));
    QCOMPARE(ranges.size(), 0);
    QCOMPARE(s.selection(), RangeSelection::last(3600));

    QVERIFY(s.setSelection(RangeSelection::all()));
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(ranges.last().first().value<TimeRange>(), (TimeRange{Start, Start + Length - 1}));
    QVERIFY(s.setSelection(RangeSelection::all())); // the same: no signal
    QCOMPARE(ranges.size(), 1);

    QVERIFY(!s.zoomTo({Start + 100, Start}));
    QVERIFY(!s.zoomTo({Start, Start + 5}));
    QCOMPARE(ranges.size(), 1);
    QVERIFY(s.zoomTo({Start + 600, Start + 1199}));
    QCOMPARE(ranges.size(), 2);
    QCOMPARE(s.visibleRange(), (TimeRange{Start + 600, Start + 1199}));
    QVERIFY(s.zoom());
    s.resetZoom();
    QCOMPARE(ranges.size(), 3);
    QCOMPARE(s.visibleRange(), (TimeRange{Start, Start + Length - 1}));
    s.resetZoom(); // not zoomed: nothing
    QCOMPARE(ranges.size(), 3);
    // A new selection ends the zoom.
    QVERIFY(s.zoomTo({Start + 600, Start + 1199}));
    QVERIFY(s.setSelection(RangeSelection::last(7200)));
    QVERIFY(!s.zoom());
    QCOMPARE(s.visibleRange(), (TimeRange{Start + Length - 7200, Start + Length - 1}));

    const ChartRequest request = s.chartRequest(2, 640);
    QCOMPARE(request.node, 2u);
    QCOMPARE(request.title, u"n2 (node 2)"_s);
    QCOMPARE(request.range, s.visibleRange());
    QCOMPARE(request.widthPx, 640);
    QCOMPARE(request.threshold, 75.0);
}

void SessionTest::threshold() {
    auto session = AnalyzerSession::open(m_path);
    QVERIFY(session);
    QSignalSpy changed(session->get(), &AnalyzerSession::thresholdChanged);
    for (double bad : {0.0, -5.0, 20000.0, std::nan("")}) {
        auto refused = (*session)->setThreshold(bad);
        QVERIFY(!refused);
    }
    QCOMPARE((*session)->threshold(), 75.0);
    QCOMPARE(changed.size(), 0);
    QVERIFY((*session)->setThreshold(90));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toDouble(), 90.0);
    QVERIFY((*session)->setThreshold(90));
    QCOMPARE(changed.size(), 1);
}

void SessionTest::pollWithoutNewRowsDoesNothing() {
    auto session = AnalyzerSession::open(m_path);
    QVERIFY(session);
    QSignalSpy appended(session->get(), &AnalyzerSession::dataAppended);
    QSignalSpy ranges(session->get(), &AnalyzerSession::rangeChanged);
    QSignalSpy inserted((*session)->nodes(), &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 3; ++i) {
        auto polled = (*session)->poll();
        QVERIFY(polled);
        QVERIFY(!*polled);
    }
    QCOMPARE(appended.size(), 0);
    QCOMPARE(ranges.size(), 0);
    QCOMPARE(inserted.size(), 0);
}

void SessionTest::followsAWriter() {
    const QString path = m_dir.filePath(u"live.db"_s);
    auto writer = StoreWriter::open(writerOptions(path));
    QVERIFY(writer);
    QVERIFY(writeTicks(**writer, Start, Start + 1800, 2));
    QVERIFY(await((*writer)->flush()));
    auto session = AnalyzerSession::open(path);
    QVERIFY(session);
    AnalyzerSession &s = **session;
    QCOMPARE(s.nodes()->rowCount(), 3);
    QVERIFY(s.isFollowing());
    QSignalSpy appended(&s, &AnalyzerSession::dataAppended);
    QSignalSpy inserted(s.nodes(), &QAbstractItemModel::rowsInserted);
    s.setPollInterval(std::chrono::milliseconds(100));
    s.setFollowing(false);
    s.setFollowing(true);

    // A third node joins with the next rows.
    QVERIFY(writeTicks(**writer, Start + 1800, Start + 1860, 3));
    QVERIFY(await((*writer)->flush()));
    QTRY_VERIFY_WITH_TIMEOUT(appended.size() >= 1, 20000);
    const TimeRange moved = appended.last().at(0).value<TimeRange>();
    QCOMPARE(appended.first().at(1).value<std::int64_t>(), Start + 1799);
    QCOMPARE(moved.last, Start + 1859);
    QCOMPARE(moved.last - moved.first + 1, 3600);
    QCOMPARE(s.dataRange()->last, Start + 1859);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(s.nodes()->nodeIds(), (QList<NodeId>{0, 1, 2, 3}));

    // Zoomed in, the range stays put: no polling.
    QVERIFY(s.zoomTo({Start, Start + 599}));
    const qsizetype seen = appended.size();
    QVERIFY(writeTicks(**writer, Start + 1860, Start + 1870, 3));
    QVERIFY(await((*writer)->flush()));
    auto polled = s.poll(); // by hand it still reads them
    QVERIFY(polled && *polled);
    QCOMPARE(appended.size(), seen + 1);
    QCOMPARE(appended.last().at(0).value<TimeRange>(), (TimeRange{Start, Start + 599}));
    (*writer)->close();
}

void SessionTest::statisticsOfTheVisibleRange() {
    auto session = AnalyzerSession::open(m_path);
    QVERIFY(session);
    AnalyzerSession &s = **session;
    QSignalSpy ready(&s, &AnalyzerSession::statisticsReady);
    QVERIFY(s.setSelection(RangeSelection::between(Start + 1000, Start + 9999)));
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 1 && !s.statisticsPending(), 30000);
    for (NodeId node : s.nodes()->nodeIds()) {
        const auto stats = s.statistics()->statistics(node);
        QVERIFY(stats);
        const Expected load = expected(node, Metric::Load, Start + 1000, Start + 9999);
        QCOMPARE(stats->samples, load.samples);
        QCOMPARE((*stats)[Metric::Load].max, load.max);
        QCOMPARE((*stats)[Metric::Load].avg, load.avg());
    }
    // Several requests at once: the last one wins.
    QVERIFY(s.setSelection(RangeSelection::between(Start, Start + 599)));
    QVERIFY(s.setSelection(RangeSelection::between(Start + 600, Start + 1199)));
    QTRY_VERIFY_WITH_TIMEOUT(!s.statisticsPending(), 30000);
    const auto stats = s.statistics()->statistics(1);
    QVERIFY(stats);
    QCOMPARE((*stats)[Metric::Load].max, expected(1, Metric::Load, Start + 600, Start + 1199).max);
}

QTEST_GUILESS_MAIN(SessionTest)
#include "tst_session.moc"
