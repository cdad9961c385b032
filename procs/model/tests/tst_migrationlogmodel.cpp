// MigrationLogModel under QAbstractItemModelTester (fatal): a move's steps change its one row
// in place (dataChanged over the columns that step altered, no insertion), a new move is a row
// appended, the capacity drops the oldest rows with a removal, an ended move keeps its outcome,
// and the cells, roles and headers.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <omview/procs/migrationlogmodel.h>

using namespace Qt::StringLiterals;
using omview::MigrationEvent;
using omview::procs::MigrationLogModel;
using Fatal = QAbstractItemModelTester::FailureReportingMode;

namespace {

MigrationEvent step(const QString &id, const QString &phase, std::int32_t pid = 4242) {
    MigrationEvent e;
    e.id = id;
    e.pid = pid;
    e.home = 3;
    e.from = 3;
    e.to = 5;
    e.phase = phase;
    e.reason = u"user"_s;
    e.command = u"povray"_s;
    e.at = 1718000007000;
    return e;
}

struct Range {
    int top, left, bottom, right;
    bool operator==(const Range &) const = default;
};

Range rangeOf(const QList<QVariant> &args) {
    const auto tl = args.at(0).toModelIndex();
    const auto br = args.at(1).toModelIndex();
    return {tl.row(), tl.column(), br.row(), br.column()};
}

} // namespace

class TestMigrationLogModel : public QObject {
    Q_OBJECT

private slots:
    void stepsOfOneMoveChangeOneRow() {
        MigrationLogModel model;
        QAbstractItemModelTester tester(&model, Fatal::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy added(&model, &MigrationLogModel::eventsAdded);

        model.add({step(u"m1"_s, u"started"_s)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(added.size(), 1);
        QCOMPARE(model.rowOfMove(u"m1"_s), 0);

        // Another move in between: the first keeps row 0.
        model.add({step(u"m2"_s, u"started"_s, 77)});
        QCOMPARE(model.rowCount(), 2);

        MigrationEvent dumped = step(u"m1"_s, u"dumped"_s);
        dumped.freezeMs = 300;
        dumped.totalMs = 310;
        dumped.at += 310;
        inserted.clear();
        model.add({dumped});
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 1);
        // Outcome, duration and freeze: one range over them, on row 0 only.
        QCOMPARE(rangeOf(changed.takeFirst()),
                 (Range{0, MigrationLogModel::OutcomeColumn, 0, MigrationLogModel::FreezeColumn}));

        MigrationEvent done = dumped;
        done.phase = u"done"_s;
        done.bytes = 73924608;
        done.freezeMs = 790;
        done.totalMs = 812;
        model.add({done});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(rangeOf(changed.takeFirst()),
                 (Range{0, MigrationLogModel::OutcomeColumn, 0, MigrationLogModel::BytesColumn}));

        const auto cell = [&](int column, int role = Qt::DisplayRole) {
            return model.data(model.index(0, column), role);
        };
        QCOMPARE(cell(MigrationLogModel::ProcessColumn).toString(), u"4242 povray"_s);
        QCOMPARE(cell(MigrationLogModel::MoveColumn).toString(), u"3 → 5"_s);
        QCOMPARE(cell(MigrationLogModel::OutcomeColumn).toString(), u"done"_s);
        QCOMPARE(cell(MigrationLogModel::ReasonColumn).toString(), u"asked for"_s);
        QCOMPARE(cell(MigrationLogModel::DurationColumn).toString(), u"812 ms"_s);
        QCOMPARE(cell(MigrationLogModel::FreezeColumn).toString(), u"790 ms"_s);
        QVERIFY(cell(MigrationLogModel::BytesColumn).toString().contains(u"MiB"_s));
        QCOMPARE(cell(MigrationLogModel::BytesColumn, MigrationLogModel::SortRole).toLongLong(),
                 73924608);
        QCOMPARE(cell(0, MigrationLogModel::FinishedRole).toBool(), true);
        QCOMPARE(cell(0, MigrationLogModel::FailedRole).toBool(), false);
        QCOMPARE(cell(0, MigrationLogModel::ToRole).toUInt(), 5u);
        QCOMPARE(cell(0, MigrationLogModel::EventRole).value<MigrationEvent>(), done);
        // The start time stays that of the first step.
        QCOMPARE(cell(MigrationLogModel::TimeColumn, MigrationLogModel::SortRole).toLongLong(),
                 1718000007000);

        // An older step replayed after the end changes nothing; the same step again neither.
        model.add({dumped, done});
        QCOMPARE(changed.size(), 0);
        QCOMPARE(cell(MigrationLogModel::OutcomeColumn).toString(), u"done"_s);
        QCOMPARE(model.lastMoveOf(3, 4242)->phase, u"done"_s);
        QCOMPARE(model.lastMoveOf(3, 1), nullptr);
    }

    void stepsInOneBatch() {
        MigrationLogModel model;
        QAbstractItemModelTester tester(&model, Fatal::QtTest);
        model.add({step(u"a"_s, u"started"_s), step(u"b"_s, u"started"_s, 7)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Two steps of b and a new move with its steps: one dataChanged for b, one insertion.
        MigrationEvent bDumped = step(u"b"_s, u"dumped"_s, 7);
        bDumped.freezeMs = 5;
        model.add({bDumped, step(u"b"_s, u"transferred"_s, 7), step(u"c"_s, u"started"_s, 9),
                   step(u"c"_s, u"restored"_s, 9)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(rangeOf(changed.first()).top, 1);
        QCOMPARE(rangeOf(changed.first()).bottom, 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(2, MigrationLogModel::OutcomeColumn)).toString(),
                 u"restored"_s);
        QCOMPARE(model.data(model.index(1, MigrationLogModel::OutcomeColumn)).toString(),
                 u"sent"_s);
    }

    void failedMoveExplainsItself() {
        MigrationLogModel model;
        MigrationEvent failed = step(u"f"_s, u"failed"_s);
        failed.failure = u"pid-taken"_s;
        failed.message = u"node 5 runs another process with PID 4242 <b>"_s;
        model.add({failed});
        const QModelIndex outcome = model.index(0, MigrationLogModel::OutcomeColumn);
        QCOMPARE(model.data(outcome).toString(), u"failed: pid-taken"_s);
        QCOMPARE(model.data(outcome, MigrationLogModel::FailedRole).toBool(), true);
        const QString tip = model.data(outcome, Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(u"PID 4242"_s));
        QVERIFY2(!tip.contains(u"<b>"_s), "the agent's message is escaped");
    }

    void capacityDropsTheOldest() {
        MigrationLogModel model;
        QAbstractItemModelTester tester(&model, Fatal::QtTest);
        model.setCapacity(3);
        for (int i = 0; i < 3; ++i)
            model.add({step(u"m%1"_s.arg(i), u"started"_s, 100 + i)});
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.add({step(u"m3"_s, u"started"_s, 103), step(u"m4"_s, u"started"_s, 104)});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(removed.first().at(2).toInt(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOfMove(u"m0"_s), -1);
        QCOMPARE(model.rowOfMove(u"m1"_s), -1);
        QCOMPARE(model.rowOfMove(u"m2"_s), 0);
        QCOMPARE(model.rowOfMove(u"m4"_s), 2);
        QCOMPARE(model.data(model.index(0, 0), MigrationLogModel::PidRole).toInt(), 102);

        // A step of a listed move still finds its row after the drop.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.add({step(u"m3"_s, u"done"_s, 103)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(rangeOf(changed.first()).top, 1);

        // More new moves in one batch than the log holds: the newest stay.
        model.add({step(u"x1"_s, u"started"_s), step(u"x2"_s, u"started"_s),
                   step(u"x3"_s, u"started"_s), step(u"x4"_s, u"started"_s)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOfMove(u"x1"_s), -1);
        QCOMPARE(model.rowOfMove(u"x2"_s), 0);

        model.setCapacity(1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOfMove(u"x4"_s), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOfMove(u"x4"_s), -1);
    }

    void headers() {
        MigrationLogModel model;
        for (int c = 0; c < MigrationLogModel::ColumnCount; ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        QVERIFY(model.roleNames().contains(MigrationLogModel::EventRole));
    }
};

QTEST_GUILESS_MAIN(TestMigrationLogModel)
#include "tst_migrationlogmodel.moc"
