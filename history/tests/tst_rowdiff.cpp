// history.rowdiff: the edit between two key-sorted row lists, checked by
// applying it as a model does.
#include <QRandomGenerator>
#include <QTest>
#include <omview/history/rowdiff.h>

using namespace omview::history;

namespace {

struct Row {
    int key = 0;
    int value = 0;
    bool operator==(const Row &) const = default;
};

RowDiff diff(const QList<Row> &a, const QList<Row> &b) {
    return diffRows(
        a, b, [](const Row &r) { return r.key; },
        [](const Row &x, const Row &y) { return x.value == y.value; });
}

// Applies the diff in the documented order, as ProcessSnapshotModel does.
QList<Row> apply(QList<Row> rows, const QList<Row> &after, const RowDiff &d) {
    for (const RowRun &run : d.removed)
        rows.remove(run.first, run.count());
    for (const RowRun &run : d.inserted) {
        for (int i = run.first; i <= run.last; ++i)
            rows.insert(i, after[i]);
    }
    for (const RowRun &run : d.changed) {
        for (int i = run.first; i <= run.last; ++i)
            rows[i] = after[i];
    }
    return rows;
}

QList<Row> rows(std::initializer_list<std::pair<int, int>> list) {
    QList<Row> out;
    for (auto [k, v] : list)
        out.append({k, v});
    return out;
}

} // namespace

class RowDiffTest : public QObject {
    Q_OBJECT

private slots:
    void identicalListsNeedNothing() {
        const auto a = rows({{1, 1}, {2, 2}});
        QVERIFY(diff(a, a).isEmpty());
        QVERIFY(diff({}, {}).isEmpty());
    }

    void runsAreContiguousAndOrdered() {
        const auto before = rows({{1, 0}, {2, 0}, {3, 0}, {5, 0}, {6, 0}, {9, 0}});
        const auto after = rows({{0, 0}, {2, 1}, {3, 1}, {4, 0}, {6, 0}, {7, 0}, {8, 0}});
        const RowDiff d = diff(before, after);
        // 1 (old 0) and 5 (old 3) and 9 (old 5) go, the last run first.
        QCOMPARE(d.removed, (QList<RowRun>{{5, 5}, {3, 3}, {0, 0}}));
        // 0 (new 0), 4 (new 3), 7 and 8 (new 5..6) come.
        QCOMPARE(d.inserted, (QList<RowRun>{{0, 0}, {3, 3}, {5, 6}}));
        // 2 and 3 changed value: new rows 1..2.
        QCOMPARE(d.changed, (QList<RowRun>{{1, 2}}));
        QCOMPARE(apply(before, after, d), after);
    }

    void fromAndToNothing() {
        const auto some = rows({{1, 0}, {2, 0}, {3, 0}});
        QCOMPARE(diff({}, some).inserted, (QList<RowRun>{{0, 2}}));
        QCOMPARE(diff(some, {}).removed, (QList<RowRun>{{0, 2}}));
        QVERIFY(diff(some, {}).inserted.isEmpty());
    }

    // Any two sorted lists: applying the diff gives the second one.
    void randomListsRoundTrip() {
        QRandomGenerator random(20240610);
        for (int round = 0; round < 2000; ++round) {
            auto make = [&] {
                QList<Row> out;
                for (int key = 0; key < 40; ++key) {
                    if (random.bounded(3) == 0)
                        out.append({key, static_cast<int>(random.bounded(3))});
                }
                return out;
            };
            const QList<Row> a = make();
            const QList<Row> b = make();
            const RowDiff d = diff(a, b);
            QCOMPARE(apply(a, b, d), b);
            for (qsizetype i = 1; i < d.removed.size(); ++i)
                QVERIFY(d.removed[i].last < d.removed[i - 1].first);
        }
    }
};

QTEST_GUILESS_MAIN(RowDiffTest)
#include "tst_rowdiff.moc"
