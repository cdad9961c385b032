// history.session: the browser's logic on a real collector database —
// snapshots as written, stepping, node scopes, the ranking against CPU totals
// computed by hand, the notices for gaps, empty and missing databases, and
// the timeline under the slider.
#include "historytestsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <omview/history/cpurankingmodel.h>
#include <omview/history/historysession.h>
#include <omview/history/processsnapshotmodel.h>
#include <omview/history/snapshotcursor.h>
#include <omview/history/textformat.h>
#include <omview/history/timeline.h>

using namespace omview::history;
using namespace historytest;
using Situation = SnapshotCursor::Situation;

namespace {

// The model's rows without procIds, in key order, to compare with what was written.
QList<StoredProcess> withoutIds(QList<StoredProcess> rows) {
    for (StoredProcess &row : rows)
        row.procId = 0;
    std::sort(rows.begin(), rows.end(), [](const StoredProcess &a, const StoredProcess &b) {
        return ProcessSnapshotModel::keyOf(a) < ProcessSnapshotModel::keyOf(b);
    });
    return rows;
}

} // namespace

class SessionTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void timelineMapsTheRange();
    void opensAtTheNewestSnapshot();
    void snapshotsAreWhatWasWritten_data();
    void snapshotsAreWhatWasWritten();
    void stepsThroughSnapshots();
    void nodeScope();
    void momentPicksTheSnapshotAtOrBefore();
    void gapsAreExplained();
    void rankingMatchesHandComputedTotals();
    void rankingOfEveryInterval_data();
    void rankingOfEveryInterval();
    void rankingOutsideTheRangeChangesNothing();
    void loadCurveIsReducedAndBroken();
    void refreshFollowsTheNewestSnapshot();
    void emptyDatabase();
    void missingAndForeignFilesChangeNothing();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void SessionTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("cluster.db"));
    QVERIFY(writeCluster(m_path));
}

void SessionTest::timelineMapsTheRange() {
    const Timeline empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.sliderMaximum(), 0);
    QVERIFY(!empty.interval(1, 2));
    QVERIFY(!empty.defaultInterval());

    const Timeline line(TimeRange{S, End - 1});
    QCOMPARE(line.sliderMaximum(), End - 1 - S);
    QCOMPARE(line.position(S + 305), 305);
    QCOMPARE(line.time(305), S + 305);
    QCOMPARE(line.position(S - 100), 0);
    QCOMPARE(line.position(End + 100), line.sliderMaximum());
    QCOMPARE(line.interval(S + 400, S + 200), (TimeRange{S + 200, S + 400}));
    QCOMPARE(line.interval(S - 50, S + 10), (TimeRange{S, S + 10}));
    QVERIFY(!line.interval(End + 10, End + 20));
    // Shorter than an hour: all of it; longer: its last hour.
    QCOMPARE(line.defaultInterval(), (TimeRange{S, End - 1}));
    QCOMPARE(Timeline(TimeRange{S, S + 86400}).defaultInterval(),
             (TimeRange{S + 86400 - 3599, S + 86400}));

    // Decades of seconds still fit an int slider.
    const Timeline long_(TimeRange{0, std::int64_t{1} << 36});
    QVERIFY(long_.sliderMaximum() > 0);
    QCOMPARE(long_.time(long_.sliderMaximum()), std::int64_t{1} << 36);
    QVERIFY(std::abs(long_.time(long_.position(std::int64_t{1} << 35)) - (std::int64_t{1} << 35)) <=
            64);
}

void SessionTest::opensAtTheNewestSnapshot() {
    HistorySession session;
    QSignalSpy opened(&session, &HistorySession::opened);
    auto result = session.open(m_path);
    QVERIFY2(result, result ? "" : qPrintable(result.error()));
    QCOMPARE(opened.size(), 1);
    // The store's range starts with the first hour row, at or before the first sample.
    QVERIFY(session.timeline().range()->first <= S);
    QVERIFY(session.timeline().range()->first > S - 3600);
    QCOMPARE(session.timeline().range()->last, End - 1);
    QCOMPARE(session.nodes().size(), 3);
    QCOMPARE(session.nodeName(2), QStringLiteral("beta"));
    QCOMPARE(session.checkpoints().size(), checkpointSpecs().size());
    QVERIFY(!session.scope());
    const std::int64_t newest = End - Interval;
    QCOMPARE(session.cursor().snapshot().t, newest);
    QCOMPARE(withoutIds(session.processes()->processes()), expectedAt(std::nullopt, newest));
    QVERIFY(session.notice().isEmpty());
    // The last hour is ranked from the start.
    QCOMPARE(session.interval(), session.timeline().defaultInterval());
    QVERIFY(session.ranking()->rowCount() > 0);
}

void SessionTest::snapshotsAreWhatWasWritten_data() {
    QTest::addColumn<int>("node");
    QTest::addColumn<std::int64_t>("at");
    QTest::addColumn<std::int64_t>("snapshot");
    QTest::newRow("all, first") << 0 << S << S;
    QTest::newRow("all, between") << 0 << S + 305 << S + 300;
    QTest::newRow("node 1, render migrated") << 1 << S + 450 << S + 450;
    QTest::newRow("node 2, the guest") << 2 << S + 455 << S + 450;
    QTest::newRow("node 2, pid 200 reused") << 2 << S + 800 << S + 800;
    QTest::newRow("node 1, render back home") << 1 << S + 890 << S + 890;
    QTest::newRow("node 3, its last") << 3 << S + 1699 << S + 1690;
    QTest::newRow("all, after the gap") << 0 << S + 1600 << S + 1600;
}

void SessionTest::snapshotsAreWhatWasWritten() {
    QFETCH(int, node);
    QFETCH(std::int64_t, at);
    QFETCH(std::int64_t, snapshot);
    HistorySession session;
    QVERIFY(session.open(m_path));
    const std::optional<NodeId> scope = node ? std::optional<NodeId>(node) : std::nullopt;
    session.setScope(scope);
    session.moveTo(at);
    QCOMPARE(session.cursor().asked(), at);
    QCOMPARE(session.cursor().snapshot().t, snapshot);
    const QList<StoredProcess> expected = expectedAt(scope, snapshot);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(withoutIds(session.processes()->processes()), expected);

    // And through the model's roles, as a view reads it.
    ProcessSnapshotModel *model = session.processes();
    QCOMPARE(model->rowCount(), expected.size());
    for (int row = 0; row < model->rowCount(); ++row) {
        const StoredProcess &want = expected[row];
        auto value = [&](int role) {
            return model->index(row, 0).data(role);
        };
        QCOMPARE(value(ProcessSnapshotModel::NodeRole).toUInt(), want.node);
        QCOMPARE(value(ProcessSnapshotModel::PidRole).toInt(), want.sample.pid);
        QCOMPARE(value(ProcessSnapshotModel::CommandRole).toString(), want.sample.command);
        QCOMPARE(value(ProcessSnapshotModel::UserNameRole).toString(), want.sample.user);
        QCOMPARE(value(ProcessSnapshotModel::CpuPercentRole).toDouble(), want.sample.cpuPercent);
        QCOMPARE(value(ProcessSnapshotModel::CpuTimeRole).toLongLong(), want.sample.cpuTimeMs);
        QCOMPARE(value(ProcessSnapshotModel::RssRole).toULongLong(), want.sample.rss);
        QCOMPARE(value(ProcessSnapshotModel::WhereRole).toUInt(),
                 want.sample.where ? want.sample.where : want.node);
        QCOMPARE(value(ProcessSnapshotModel::HomeRole).toUInt(),
                 want.sample.home ? want.sample.home : want.node);
        QCOMPARE(value(ProcessSnapshotModel::MigrationsRole).toUInt(), want.sample.nmigs);
        QCOMPARE(value(ProcessSnapshotModel::GuestRole).toBool(), want.sample.guest);
        QCOMPARE(value(ProcessSnapshotModel::StartTimeRole).toLongLong(), want.sample.startTimeMs);
    }
}

void SessionTest::stepsThroughSnapshots() {
    HistorySession session;
    QVERIFY(session.open(m_path));
    session.setScope(1);
    QVERIFY(session.moveToFirst());
    QCOMPARE(session.cursor().snapshot().t, S);
    QVERIFY(!session.cursor().canStepPrevious());
    QVERIFY(!session.stepPrevious());
    QCOMPARE(session.cursor().snapshot().t, S);

    QSignalSpy moved(&session, &HistorySession::positionChanged);
    for (std::int64_t t = S + Interval; t <= S + 200; t += Interval) {
        QVERIFY(session.stepNext());
        QCOMPARE(session.cursor().snapshot().t, t);
        QCOMPARE(withoutIds(session.processes()->processes()), expectedAt(1, t));
    }
    QCOMPARE(moved.size(), 20);
    QVERIFY(session.stepPrevious());
    QCOMPARE(session.cursor().snapshot().t, S + 190);

    // Across the collector's outage: from the last before to the first after.
    session.moveTo(S + 990);
    QVERIFY(session.stepNext());
    QCOMPARE(session.cursor().snapshot().t, GapTo);
    QVERIFY(session.stepPrevious());
    QCOMPARE(session.cursor().snapshot().t, GapFrom - Interval);

    QVERIFY(session.moveToLast());
    QCOMPARE(session.cursor().snapshot().t, End - Interval);
    QVERIFY(!session.cursor().canStepNext());
    QVERIFY(!session.stepNext());
}

void SessionTest::nodeScope() {
    HistorySession session;
    QVERIFY(session.open(m_path));
    session.moveTo(S + 455);
    QSignalSpy scopeChanged(&session, &HistorySession::scopeChanged);
    for (NodeId node = 1; node <= Nodes; ++node) {
        session.setScope(node);
        QCOMPARE(session.scope(), node);
        // The same moment, the node's own snapshot.
        QCOMPARE(session.cursor().asked(), S + 455);
        QCOMPARE(withoutIds(session.processes()->processes()), expectedAt(node, S + 450));
        for (const StoredProcess &p : session.processes()->processes())
            QCOMPARE(p.node, node);
        QCOMPARE(session.ranking()->rowCount() > 0, true);
        for (const ProcessUsage &u : session.ranking()->rows())
            QCOMPARE(u.node, node);
    }
    QCOMPARE(scopeChanged.size(), 3);
    session.setScope(std::nullopt);
    QCOMPARE(withoutIds(session.processes()->processes()), expectedAt(std::nullopt, S + 450));
    QCOMPARE(session.processes()->rowCount(), expectedAt(1, S + 450).size() +
                                                  expectedAt(2, S + 450).size() +
                                                  expectedAt(3, S + 450).size());

    // Node 3 left: after it, its last snapshot with a notice saying how old it is.
    session.setScope(3);
    session.moveTo(End - 1);
    QCOMPARE(session.cursor().snapshot().t, Node3Leaves - Interval);
    QCOMPARE(session.cursor().situation(), Situation::AfterLast);
    QVERIFY2(session.notice().contains(QStringLiteral("gamma")), qPrintable(session.notice()));
}

void SessionTest::momentPicksTheSnapshotAtOrBefore() {
    HistorySession session;
    QVERIFY(session.open(m_path));
    session.setScope(2);
    const std::pair<std::int64_t, std::int64_t> cases[] = {
        {S + 347, S + 340}, {S + 340, S + 340}, {S + 349, S + 340}, {S + 350, S + 350}, {S, S}};
    for (auto [at, snapshot] : cases) {
        session.moveTo(at);
        QCOMPARE(session.cursor().snapshot().t, snapshot);
        QCOMPARE(session.cursor().situation(), Situation::AtSnapshot);
        QVERIFY(session.notice().isEmpty());
    }
    // Before the history begins: its first second, which has the first snapshot.
    session.moveTo(S - 5000);
    QCOMPARE(session.cursor().snapshot().t, S);
    QCOMPARE(session.cursor().situation(), Situation::AtSnapshot);

    // A collector that started between two snapshots: its first seconds have
    // node samples only. There, nothing is shown, and the notice says when the
    // first snapshot was.
    const QString late = m_dir.filePath(QStringLiteral("late.db"));
    {
        WriterOptions options;
        options.path = late;
        options.durability = Durability::Normal;
        auto writer = StoreWriter::open(options);
        QVERIFY(writer);
        for (std::int64_t t = S + 3; t <= S + 30; ++t) {
            Tick tick;
            tick.t = t;
            for (NodeId node = 1; node <= Nodes; ++node)
                tick.nodes.append(nodeSampleAt(t, node));
            if (t % Interval == 0)
                tick.processes = processesAt(t);
            QVERIFY((*writer)->submit(std::move(tick)));
        }
        auto done = (*writer)->catchUp();
        done.waitForFinished();
        QVERIFY(done.result());
        (*writer)->close();
    }
    HistorySession started;
    QVERIFY(started.open(late));
    QCOMPARE(started.timeline().range()->first, S + 3);
    started.setScope(2);
    started.moveTo(S + 5);
    QVERIFY(!started.cursor().snapshot().t);
    QCOMPARE(started.cursor().snapshot().next, S + 10);
    QCOMPARE(started.cursor().situation(), Situation::BeforeFirst);
    QCOMPARE(started.processes()->rowCount(), 0);
    QVERIFY2(started.notice().contains(timeText(S + 10)), qPrintable(started.notice()));
    QVERIFY(started.stepNext());
    QCOMPARE(started.cursor().snapshot().t, S + 10);
}

void SessionTest::gapsAreExplained() {
    HistorySession session;
    QVERIFY(session.open(m_path));
    // Just after the last snapshot before the outage: nothing to say yet.
    session.moveTo(GapFrom - Interval + 5);
    QCOMPARE(session.cursor().situation(), Situation::AtSnapshot);
    // Well inside it: the snapshot before, and a notice naming the gap.
    QSignalSpy notices(&session, &HistorySession::noticeChanged);
    session.moveTo(S + 1300);
    QCOMPARE(session.cursor().snapshot().t, GapFrom - Interval);
    QCOMPARE(session.cursor().snapshot().next, GapTo);
    QCOMPARE(session.cursor().situation(), Situation::InGap);
    QVERIFY(notices.size() >= 1);
    const QString notice = session.notice();
    QVERIFY2(notice.contains(timeText(GapFrom - Interval)), qPrintable(notice));
    QVERIFY2(notice.contains(timeText(GapTo)), qPrintable(notice));
    QVERIFY2(notice.contains(spanText(GapTo - GapFrom + Interval)), qPrintable(notice));
    QCOMPARE(withoutIds(session.processes()->processes()),
             expectedAt(std::nullopt, GapFrom - Interval));
    // Out of the gap, the notice goes.
    session.moveTo(GapTo + 3);
    QCOMPARE(session.cursor().situation(), Situation::AtSnapshot);
    QVERIFY(session.notice().isEmpty());
}

void SessionTest::rankingMatchesHandComputedTotals() {
    HistorySession session;
    QVERIFY(session.open(m_path));
    session.setScope(std::nullopt);
    session.setInterval(S + 200, S + 400);
    QCOMPARE(session.interval(), (TimeRange{S + 200, S + 400}));
    const QList<ProcessUsage> rows = session.ranking()->rows();
    auto usage = [&](NodeId node, std::int32_t pid) -> std::optional<ProcessUsage> {
        for (const ProcessUsage &u : rows) {
            if (u.node == node && u.pid == pid)
                return u;
        }
        return std::nullopt;
    };
    // compile started at S+120: 1000 ms/s from S+200 to S+400.
    QCOMPARE(usage(2, 200)->cpuMs, 200000);
    // render: 900 ms/s, wherever it ran; it migrated once in the interval.
    QCOMPARE(usage(1, 100)->cpuMs, 180000);
    QCOMPARE(usage(1, 100)->migrations, 1u);
    QCOMPARE(usage(1, 100)->lastWhere, 2u);
    QCOMPARE(usage(1, 50)->cpuMs, 1000);   // sshd, 5 ms/s
    QCOMPARE(usage(3, 300)->cpuMs, 200);   // sleep, 1 ms/s
    QCOMPARE(usage(1, 1000)->cpuMs, 4000); // worker-0, 20 ms/s, ran until S+405
    QVERIFY(!usage(2, 4100));              // the guest is counted at its home
    // Ranked by CPU time: compile first, render second.
    auto rankOf = [&](NodeId node, std::int32_t pid) {
        for (int row = 0; row < session.ranking()->rowCount(); ++row) {
            const QModelIndex index = session.ranking()->index(row, 0);
            if (index.data(CpuRankingModel::NodeRole).toUInt() == node &&
                index.data(CpuRankingModel::PidRole).toInt() == pid)
                return index.data(CpuRankingModel::RankRole).toInt();
        }
        return -1;
    };
    QCOMPARE(rankOf(2, 200), 1);
    QCOMPARE(rankOf(1, 100), 2);

    // With guests: the guest's 100 s on node 2 at 900 ms/s.
    session.setIncludeGuests(true);
    session.setScope(2);
    const QList<ProcessUsage> node2 = session.ranking()->rows();
    QCOMPARE(node2.size(), 2);
    for (const ProcessUsage &u : node2) {
        QCOMPARE(u.node, 2u);
        QCOMPARE(u.cpuMs, u.pid == 4100 ? 90000 : 200000);
    }
    QCOMPARE(session.rankedCpuMs(), 290000);
    QVERIFY(session.rankingNotice().isEmpty());
}

void SessionTest::rankingOfEveryInterval_data() {
    QTest::addColumn<std::int64_t>("from");
    QTest::addColumn<std::int64_t>("to");
    QTest::addColumn<bool>("guests");
    QTest::newRow("between snapshots") << S + 205 << S + 395 << false;
    QTest::newRow("a worker starts inside") << S + 101 << S + 160 << false;
    QTest::newRow("across the outage") << S + 900 << S + 1700 << false;
    QTest::newRow("the whole range, guests") << S << End - 1 << true;
    QTest::newRow("render's return, guests") << S + 550 << S + 650 << true;
}

void SessionTest::rankingOfEveryInterval() {
    QFETCH(std::int64_t, from);
    QFETCH(std::int64_t, to);
    QFETCH(bool, guests);
    HistorySession session;
    QVERIFY(session.open(m_path));
    session.setIncludeGuests(guests);
    session.setInterval(from, to);
    QList<ProcessUsage> rows = session.ranking()->rows();
    int expectedRows = 0;
    for (const ProcessSpec &spec : specs()) {
        if (spec.guest && !guests)
            continue;
        const std::int64_t cpu = cpuWithin(spec, from, to);
        if (cpu < 0)
            continue;
        ++expectedRows;
        const auto found = std::ranges::find_if(rows, [&](const ProcessUsage &u) {
            return u.node == spec.node && u.pid == spec.pid && u.command == spec.command;
        });
        QVERIFY2(found != rows.end(), qPrintable(spec.command));
        QCOMPARE(found->cpuMs, cpu);
    }
    QCOMPARE(rows.size(), expectedRows);
}

void SessionTest::rankingOutsideTheRangeChangesNothing() {
    HistorySession session;
    QVERIFY(session.open(m_path));
    session.setInterval(S + 200, S + 400);
    const QList<ProcessUsage> before = session.ranking()->rows();
    session.setInterval(End + 100, End + 200);
    QCOMPARE(session.interval(), (TimeRange{S + 200, S + 400}));
    QCOMPARE(session.ranking()->rows(), before);
    QVERIFY2(session.rankingNotice().contains(QStringLiteral("outside")),
             qPrintable(session.rankingNotice()));
    // Inside the outage: no snapshot in it, but the one before counts.
    session.setInterval(S + 1100, S + 1200);
    QVERIFY(session.ranking()->rowCount() == 0);
    QVERIFY(!session.rankingNotice().isEmpty());
}

void SessionTest::loadCurveIsReducedAndBroken() {
    HistorySession session;
    QVERIFY(session.open(m_path));
    auto curve = session.loadCurve(100);
    QVERIFY(curve);
    qsizetype points = 0;
    for (const auto &run : curve->runs)
        points += run.size();
    QVERIFY2(points <= 400, qPrintable(QString::number(points)));
    // The outage breaks the line.
    QVERIFY2(curve->runs.size() >= 2, qPrintable(QString::number(curve->runs.size())));
    QVERIFY(curve->maxValue > 100);
    const double gapStart = static_cast<double>(GapFrom) * 1000;
    const double gapEnd = static_cast<double>(GapTo) * 1000;
    for (const auto &run : curve->runs) {
        for (qsizetype i = 1; i < run.size(); ++i)
            QVERIFY(!(run[i - 1].x() < gapStart && run[i].x() >= gapEnd));
    }
}

void SessionTest::refreshFollowsTheNewestSnapshot() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("growing.db"));
    WriterOptions options;
    options.path = path;
    options.durability = Durability::Normal;
    auto writer = StoreWriter::open(options);
    QVERIFY(writer);
    auto write = [&](std::int64_t from, std::int64_t to) {
        for (std::int64_t t = from; t < to; ++t) {
            Tick tick;
            tick.t = t;
            tick.nodes.append(nodeSampleAt(t, 1));
            if (t % Interval == 0)
                tick.processes = {processesAt(t).first()};
            QVERIFY((*writer)->submit(tick));
        }
        auto done = (*writer)->flush();
        done.waitForFinished();
        QVERIFY(done.result());
    };
    write(S, S + 100);
    HistorySession session;
    QVERIFY(session.open(path));
    QCOMPARE(session.cursor().snapshot().t, S + 90);
    QSignalSpy rangeChanged(&session, &HistorySession::rangeChanged);
    write(S + 100, S + 200);
    session.refresh();
    QCOMPARE(rangeChanged.size(), 1);
    QCOMPARE(session.timeline().range()->last, S + 199);
    QCOMPARE(session.cursor().snapshot().t, S + 190);
    // Not at the newest: the moment stays, its next snapshot appears.
    session.moveTo(S + 150);
    write(S + 200, S + 300);
    session.refresh();
    QCOMPARE(session.cursor().snapshot().t, S + 150);
    QCOMPARE(session.timeline().range()->last, S + 299);
    (*writer)->close();
}

void SessionTest::emptyDatabase() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.db"));
    QVERIFY(writeEmpty(path));
    HistorySession session;
    QVERIFY(session.open(path));
    QVERIFY(session.timeline().isEmpty());
    QCOMPARE(session.processes()->rowCount(), 0);
    QCOMPARE(session.ranking()->rowCount(), 0);
    QVERIFY2(session.notice().contains(QStringLiteral("no data yet")),
             qPrintable(session.notice()));
    QVERIFY(session.notice().contains(path));
    QVERIFY(!session.stepNext());
    QVERIFY(!session.moveToFirst());
    QVERIFY(!session.moveToLast());
    session.moveTo(S);
    session.setInterval(S, S + 10);
    QVERIFY(!session.rankingNotice().isEmpty());
    auto curve = session.loadCurve(100);
    QVERIFY(curve);
    QVERIFY(curve->isEmpty());

    // Load but no process snapshots: said so.
    const QString loadOnly = dir.filePath(QStringLiteral("loadonly.db"));
    {
        WriterOptions options;
        options.path = loadOnly;
        options.durability = Durability::Normal;
        auto writer = StoreWriter::open(options);
        QVERIFY(writer);
        for (std::int64_t t = S; t < S + 30; ++t)
            QVERIFY((*writer)->submit(Tick{t, {nodeSampleAt(t, 1)}, {}, {}}));
        (*writer)->close();
    }
    QVERIFY(session.open(loadOnly));
    QCOMPARE(session.cursor().situation(), Situation::NoSnapshots);
    QVERIFY2(session.notice().contains(QStringLiteral("no process snapshots")),
             qPrintable(session.notice()));
}

void SessionTest::missingAndForeignFilesChangeNothing() {
    HistorySession session;
    QVERIFY(session.open(m_path));
    session.moveTo(S + 305);
    QSignalSpy opened(&session, &HistorySession::opened);
    const QString missing = m_dir.filePath(QStringLiteral("nope/missing.db"));
    auto failed = session.open(missing);
    QVERIFY(!failed);
    QVERIFY2(failed.error().contains(QStringLiteral("missing.db")), qPrintable(failed.error()));
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a database, just notes\n");
    }
    auto foreign = session.open(text);
    QVERIFY(!foreign);
    QVERIFY2(foreign.error().contains(QStringLiteral("notes.txt")), qPrintable(foreign.error()));
    QCOMPARE(opened.size(), 0);
    QCOMPARE(session.path(), m_path);
    QCOMPARE(session.cursor().snapshot().t, S + 300);
    QCOMPARE(withoutIds(session.processes()->processes()), expectedAt(std::nullopt, S + 300));
}

QTEST_GUILESS_MAIN(SessionTest)
#include "tst_session.moc"
