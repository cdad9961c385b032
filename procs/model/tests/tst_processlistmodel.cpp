// ProcessListModel under QAbstractItemModelTester (fatal): a reset; the exact signals of an
// update (one per run of inserted or removed rows, dataChanged over the changed rows and the
// columns of their changed fields, never a reset or a layout change); 1 000-process updates
// with random births, deaths and changes checked against the expected list and against a
// mirror kept by the signals alone; the cells, roles and headers; escaped tooltips.
#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QTextFormat>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/delta.h>
#include <omview/protocol/memorytext.h>

using namespace Qt::StringLiterals;
using omview::ProcessInfo;
using omview::ProcessListDelta;
using omview::procs::ProcessListModel;
using Fatal = QAbstractItemModelTester::FailureReportingMode;

namespace {

ProcessInfo process(std::int32_t pid) {
    ProcessInfo p;
    p.pid = pid;
    p.ppid = 1;
    p.uid = 1000;
    p.user = u"ada"_s;
    p.command = u"job%1"_s.arg(pid);
    p.cmdline = u"/usr/bin/job%1 --frames 100"_s.arg(pid);
    p.state = 'S';
    p.cpuPercent = 1.5;
    p.cpuTimeMs = 1000;
    p.rss = 4 << 20;
    p.startTime = 1718000000000 + pid;
    p.home = 2;
    return p;
}

QList<ProcessInfo> processes(std::initializer_list<std::int32_t> pids) {
    QList<ProcessInfo> out;
    for (const std::int32_t pid : pids)
        out.append(process(pid));
    return out;
}

QList<std::int32_t> pidsOf(const QList<ProcessInfo> &list) {
    QList<std::int32_t> pids;
    for (const ProcessInfo &p : list)
        pids.append(p.pid);
    return pids;
}

QList<std::int32_t> pidsOf(const ProcessListModel &model) {
    QList<std::int32_t> pids;
    for (int row = 0; row < model.rowCount(); ++row)
        pids.append(model.index(row, 0).data(ProcessListModel::PidRole).toInt());
    return pids;
}

// (first, last) of each rows signal, (top, bottom, left, right) of each dataChanged.
using Rows = QList<std::pair<int, int>>;
using Cells = QList<std::tuple<int, int, int, int>>;

Rows rowsOf(const QSignalSpy &spy) {
    Rows rows;
    for (const auto &args : spy)
        rows.append({args.at(1).toInt(), args.at(2).toInt()});
    return rows;
}

Cells cellsOf(const QSignalSpy &spy) {
    Cells cells;
    for (const auto &args : spy) {
        const auto tl = args.at(0).value<QModelIndex>();
        const auto br = args.at(1).value<QModelIndex>();
        cells.append({tl.row(), br.row(), tl.column(), br.column()});
    }
    return cells;
}

struct Spies {
    explicit Spies(QAbstractItemModel *m)
        : inserted(m, &QAbstractItemModel::rowsInserted)
        , removed(m, &QAbstractItemModel::rowsRemoved)
        , changed(m, &QAbstractItemModel::dataChanged)
        , reset(m, &QAbstractItemModel::modelReset)
        , layout(m, &QAbstractItemModel::layoutChanged)
        , moved(m, &QAbstractItemModel::rowsMoved) {}
    QSignalSpy inserted, removed, changed, reset, layout, moved;
};

// The columns ProcessListModel documents for each field of a `changed` entry.
QList<int> columnsOfField(const QString &field) {
    using M = ProcessListModel;
    static const QHash<QString, QList<int>> columns = {
        {u"ppid"_s, {M::PidColumn}},
        {u"tty"_s, {M::PidColumn}},
        {u"startTime"_s, {M::PidColumn}},
        {u"uid"_s, {M::UserColumn}},
        {u"user"_s, {M::UserColumn}},
        {u"command"_s, {M::CommandColumn}},
        {u"cmdline"_s, {M::CommandColumn}},
        {u"state"_s, {M::StateColumn}},
        {u"cpuPercent"_s, {M::CpuColumn}},
        {u"cpuTimeMs"_s, {M::CpuColumn}},
        {u"rss"_s, {M::MemoryColumn}},
        {u"nice"_s, {M::NiceColumn}},
        {u"where"_s, {M::NodeColumn}},
        {u"guest"_s, {M::NodeColumn}},
        {u"home"_s, {M::NodeColumn, M::HomeColumn}},
        {u"nmigs"_s, {M::MigrationsColumn}},
        {u"locked"_s, {M::LockColumn}},
        {u"cantmove"_s, {M::CantMoveColumn}},
    };
    return columns.value(field);
}

// One random field of `p` changed to a value it did not have.
void mutate(ProcessInfo &p, QRandomGenerator &rng) {
    switch (rng.bounded(18)) {
    case 0:
        p.ppid += 1;
        break;
    case 1:
        p.uid += 1;
        break;
    case 2:
        p.user = p.user + u'x';
        break;
    case 3:
        p.command = p.command + u'x';
        break;
    case 4:
        p.cmdline = p.cmdline + u" -v"_s;
        break;
    case 5:
        p.tty = p.tty.isEmpty() ? u"pts/1"_s : QString();
        break;
    case 6:
        p.state = p.state == 'R' ? 'S' : 'R';
        break;
    case 7:
        p.cpuPercent += 0.5 + rng.bounded(50.0);
        break;
    case 8:
        p.cpuTimeMs += 10;
        break;
    case 9:
        p.rss += 4096;
        break;
    case 10:
        p.nice = p.nice == 19 ? 0 : p.nice + 1;
        break;
    case 11:
        p.startTime += 1;
        break;
    case 12:
        p.where = p.where == 0 ? 1 + rng.bounded(9u) + 3 : 0;
        break;
    case 13:
        p.home += 1;
        break;
    case 14:
        p.locked = !p.locked;
        break;
    case 15:
        p.nmigs += 1;
        break;
    case 16:
        p.cantmove = p.cantmove.isEmpty() ? u"socket"_s : QString();
        break;
    default:
        p.guest = !p.guest;
        break;
    }
}

} // namespace

class TestProcessListModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void resetAndShape() {
        ProcessListModel model;
        const QAbstractItemModelTester tester(&model, Fatal::Fatal);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(ProcessListModel::ColumnCount));
        model.setNode(2);
        const Spies spies(&model);
        // Out of order, 7 twice: sorted by pid, the later 7 counts.
        auto list = processes({30, 7, 12, 7});
        list[3].command = u"later"_s;
        model.reset(list);
        QCOMPARE(spies.reset.size(), 1);
        QCOMPARE(pidsOf(model), (QList<std::int32_t>{7, 12, 30}));
        QCOMPARE(model.processes().at(0).command, u"later"_s);
        QCOMPARE(model.rowOfPid(12), 1);
        QCOMPARE(model.rowOfPid(13), -1);
        QCOMPARE(model.indexOfPid(30, ProcessListModel::CpuColumn),
                 model.index(2, ProcessListModel::CpuColumn));
        QVERIFY(!model.indexOfPid(31).isValid());
        QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemNeverHasChildren);
        QCOMPARE(model.roleNames().value(ProcessListModel::PidRole), QByteArray("pid"));
        for (int column = 0; column < ProcessListModel::ColumnCount; ++column) {
            QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
            QVERIFY(
                !model.headerData(column, Qt::Horizontal, Qt::WhatsThisRole).toString().isEmpty());
        }
        QCOMPARE(model.headerData(ProcessListModel::NodeColumn, Qt::Horizontal).toString(),
                 u"Node"_s);
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
        model.reset({});
        QCOMPARE(model.rowCount(), 0);
    }

    void cellsAndRoles() {
        ProcessListModel model;
        const QAbstractItemModelTester tester(&model, Fatal::Fatal);
        model.setNode(2);
        auto list = processes({10, 11, 12, 13});
        list[0].cpuPercent = 12.5;
        list[0].rss = 3 * (1ull << 29); // 1.5 GiB
        list[0].state = 'R';
        list[1].where = 5; // migrated away
        list[1].nmigs = 1;
        list[2].guest = true; // from node 7, running here on 2
        list[2].home = 7;
        list[3].locked = true;
        list[3].cantmove = u"clone_vm,mem_lock"_s;
        model.reset(list);
        using M = ProcessListModel;
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(0, M::CpuColumn).toString(), u"12.5 %"_s);
        QCOMPARE(cell(0, M::MemoryColumn).toString(), u"1.5 GiB"_s);
        QCOMPARE(cell(0, M::MemoryColumn).toString(), omview::memoryText(list[0].rss));
        QCOMPARE(cell(0, M::StateColumn).toString(), u"R"_s);
        QVERIFY(cell(0, M::StateColumn, Qt::ToolTipRole).toString().contains(u"running"));
        QCOMPARE(cell(0, M::NodeColumn).toString(), u"home"_s);
        QCOMPARE(cell(0, M::HomeColumn).toString(), u"2"_s);
        QCOMPARE(cell(0, M::CpuColumn, M::SortRole).toDouble(), 12.5);
        QCOMPARE(cell(0, M::PidColumn, M::SortRole).toInt(), 10);
        QCOMPARE(cell(0, M::PidColumn, M::NodeIdRole).toUInt(), 2u);
        QCOMPARE(cell(0, M::CommandColumn, M::CommandLineRole).toString(), list[0].cmdline);
        QCOMPARE(cell(0, M::PidColumn, M::ProcessRole).value<ProcessInfo>(), list[0]);
        QCOMPARE(cell(1, M::NodeColumn).toString(), u"5"_s);
        QCOMPARE(cell(1, M::NodeColumn, M::WhereRole).toUInt(), 5u);
        QCOMPARE(cell(1, M::PidColumn, M::AwayRole).toBool(), true);
        QCOMPARE(cell(1, M::MigrationsColumn).toString(), u"1"_s);
        QCOMPARE(cell(2, M::NodeColumn).toString(), u"2"_s);
        QCOMPARE(cell(2, M::HomeColumn).toString(), u"7"_s);
        QCOMPARE(cell(2, M::PidColumn, M::GuestRole).toBool(), true);
        QCOMPARE(cell(2, M::PidColumn, M::AwayRole).toBool(), false);
        QCOMPARE(cell(2, M::PidColumn, M::HomeRole).toUInt(), 7u);
        QCOMPARE(cell(3, M::LockColumn).toString(), u"locked"_s);
        QCOMPARE(cell(3, M::PidColumn, M::LockedRole).toBool(), true);
        QCOMPARE(cell(3, M::CantMoveColumn).toString(), u"clone_vm,mem_lock"_s);
        QCOMPARE(cell(3, M::PidColumn, M::CantMoveRole).toString(), u"clone_vm,mem_lock"_s);
        QTextDocument tip;
        tip.setHtml(cell(3, M::CantMoveColumn, Qt::ToolTipRole).toString());
        QCOMPARE(tip.toPlainText(), u"job13 (PID 13) cannot migrate:\n"
                                    u"• clone_vm: it shares its memory with other tasks (threads)\n"
                                    u"• mem_lock: it has locked memory (mlock)"_s);
        QCOMPARE(cell(1, M::CpuColumn, Qt::TextAlignmentRole).value<Qt::Alignment>(),
                 Qt::AlignRight | Qt::AlignVCenter);

        // Another node: every cell may read differently, so every cell is signalled.
        const Spies spies(&model);
        model.setNode(7);
        QCOMPARE(cellsOf(spies.changed), (Cells{{0, 3, 0, M::ColumnCount - 1}}));
        QCOMPARE(cell(0, M::PidColumn, M::NodeIdRole).toUInt(), 7u);
        model.setNode(7);
        QCOMPARE(spies.changed.size(), 1);
    }

    // Rows come and go in runs: removals from the bottom, then insertions from the top.
    void insertsAndRemovals() {
        ProcessListModel model;
        const QAbstractItemModelTester tester(&model, Fatal::Fatal);
        model.reset(processes({10, 20, 30, 40}));
        Spies spies(&model);
        const QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
        const auto next = processes({5, 10, 15, 16, 20, 50});
        model.apply(next, omview::makeDelta(model.processes(), next));
        QCOMPARE(rowsOf(spies.removed), (Rows{{2, 3}}));
        QCOMPARE(rowsOf(spies.inserted), (Rows{{0, 0}, {2, 3}, {5, 5}}));
        QCOMPARE(rowsOf(aboutToInsert), rowsOf(spies.inserted));
        QVERIFY(spies.changed.isEmpty() && spies.reset.isEmpty() && spies.layout.isEmpty() &&
                spies.moved.isEmpty());
        QCOMPARE(model.processes(), next);

        model.reset(processes({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        spies.removed.clear();
        spies.inserted.clear();
        const auto fewer = processes({1, 4, 5, 6, 8, 9, 10});
        model.apply(fewer, omview::makeDelta(model.processes(), fewer));
        QCOMPARE(rowsOf(spies.removed), (Rows{{6, 6}, {1, 2}}));
        QVERIFY(spies.inserted.isEmpty());
        QCOMPARE(model.processes(), fewer);

        // Everything goes, then everything comes: one run each.
        spies.removed.clear();
        model.apply({}, omview::makeDelta(fewer, {}));
        QCOMPARE(rowsOf(spies.removed), (Rows{{0, 6}}));
        model.apply(fewer, omview::makeDelta({}, fewer));
        QCOMPARE(rowsOf(spies.inserted), (Rows{{0, 6}}));
        QCOMPARE(spies.reset.size(), 1); // reset() above, none by apply()
    }

    // dataChanged covers each changed row from the first to the last column of its
    // changed fields; neighbours with the same columns share one signal.
    void changes() {
        using M = ProcessListModel;
        ProcessListModel model;
        const QAbstractItemModelTester tester(&model, Fatal::Fatal);
        model.setNode(2);
        const auto before = processes({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        model.reset(before);
        auto after = before;
        after[1].cpuPercent = 50;
        after[2].cpuPercent = 60;
        after[4].user = u"bob"_s;
        after[4].rss = 1 << 30;
        after[6].where = 4;
        after[7].home = 9;
        after[8].ppid = 77;
        after[8].cantmove = u"socket"_s;
        const ProcessListDelta delta = omview::makeDelta(before, after);
        QCOMPARE(delta.changed.size(), 6);
        ProcessListDelta withStrays = delta;
        withStrays.changed.append(QJsonObject{{u"pid"_s, 10}, {u"someNewField"_s, 1}});
        withStrays.changed.append(QJsonObject{{u"pid"_s, 99}, {u"cpuPercent"_s, 1}});
        Spies spies(&model);
        model.apply(after, withStrays);
        QCOMPARE(cellsOf(spies.changed), (Cells{{1, 2, M::CpuColumn, M::CpuColumn},
                                                {4, 4, M::UserColumn, M::MemoryColumn},
                                                {6, 6, M::NodeColumn, M::NodeColumn},
                                                {7, 7, M::NodeColumn, M::HomeColumn},
                                                {8, 8, M::PidColumn, M::CantMoveColumn}}));
        QVERIFY(spies.inserted.isEmpty() && spies.removed.isEmpty() && spies.reset.isEmpty() &&
                spies.layout.isEmpty());
        QCOMPARE(model.processes(), after);
        QCOMPARE(model.index(1, M::CpuColumn).data().toString(), u"50.0 %"_s);
        QCOMPARE(model.index(6, M::NodeColumn).data().toString(), u"4"_s);
        QCOMPARE(model.index(7, M::HomeColumn).data().toString(), u"9"_s);

        // A delta of nothing signals nothing.
        spies.changed.clear();
        model.apply(after, {});
        QVERIFY(spies.changed.isEmpty());
    }

    // Changes scattered over many rows: one signal around them.
    void scatteredChanges() {
        using M = ProcessListModel;
        QList<ProcessInfo> before;
        for (int pid = 1; pid <= 200; ++pid)
            before.append(process(pid));
        ProcessListModel model;
        const QAbstractItemModelTester tester(&model, Fatal::Fatal);
        model.reset(before);
        auto after = before;
        for (int row = 3; row < 180; row += 2)
            after[row].cpuPercent = 90;
        after[100].nice = 5;
        const Spies spies(&model);
        model.apply(after, omview::makeDelta(before, after));
        QCOMPARE(cellsOf(spies.changed), (Cells{{3, 179, M::CpuColumn, M::NiceColumn}}));
        QCOMPARE(model.processes(), after);
    }

    // The rows follow `processes` even when the delta missed something (an update lost).
    void rowsFollowTheProcesses() {
        ProcessListModel model;
        const QAbstractItemModelTester tester(&model, Fatal::Fatal);
        model.reset(processes({1, 2, 3}));
        ProcessListDelta delta;
        delta.added = processes({4});
        model.apply(processes({4, 3, 2}), delta); // unsorted too
        QCOMPARE(pidsOf(model), (QList<std::int32_t>{2, 3, 4}));
    }

    void randomUpdates() {
        using M = ProcessListModel;
        const quint32 seed = qEnvironmentVariableIsSet("OMVIEW_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("OMVIEW_TEST_SEED"))
                                 : QRandomGenerator::global()->generate();
        qInfo("seed %u (set OMVIEW_TEST_SEED to repeat)", seed);
        QRandomGenerator rng(seed);

        QList<ProcessInfo> current;
        std::int32_t nextPid = 100;
        for (int i = 0; i < 1000; ++i) {
            current.append(process(nextPid));
            nextPid += 1 + int(rng.bounded(3u));
        }
        ProcessListModel model;
        model.setNode(2);
        const QAbstractItemModelTester tester(&model, Fatal::Fatal);
        model.reset(current);

        // The pids as the signals alone tell them.
        QList<std::int32_t> mirror = pidsOf(current);
        connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [&](const QModelIndex &, int first, int last) {
                    mirror.remove(first, last - first + 1);
                });
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first, int last) {
                    for (int row = first; row <= last; ++row)
                        mirror.insert(row, model.index(row, 0).data(M::PidRole).toInt());
                });
        Spies spies(&model);

        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < 30; ++round) {
            QList<ProcessInfo> next = current;
            // Deaths, now and then a large share at once.
            const int deaths =
                round % 10 == 9 ? 200 + int(rng.bounded(200u)) : int(rng.bounded(30u));
            for (int i = 0; i < deaths && !next.isEmpty(); ++i)
                next.removeAt(rng.bounded(int(next.size())));
            // Births: new pids above and between the others, from a space that stays
            // mostly free.
            const int births = round % 10 == 4 ? 300 : int(rng.bounded(30u));
            for (int i = 0; i < births; ++i) {
                std::int32_t pid = 0;
                do {
                    pid = 1 + std::int32_t(rng.bounded(nextPid + 3000));
                } while (std::ranges::binary_search(next, pid, {}, &ProcessInfo::pid));
                next.insert(std::ranges::lower_bound(next, pid, {}, &ProcessInfo::pid) -
                                next.begin(),
                            process(pid));
            }
            // Changes: few (exact ranges) or many (one range around them).
            const int changes = round % 2 == 0 ? int(rng.bounded(20u)) : int(rng.bounded(400u));
            for (int i = 0; i < changes && !next.isEmpty(); ++i) {
                ProcessInfo &p = next[rng.bounded(int(next.size()))];
                for (int f = 0, n = 1 + int(rng.bounded(3u)); f < n; ++f)
                    mutate(p, rng);
            }
            const ProcessListDelta delta = omview::makeDelta(current, next);
            QCOMPARE(omview::applyDelta(current, delta).value(), next);

            spies.changed.clear();
            model.apply(next, delta);
            QCOMPARE(model.processes(), next);
            QCOMPARE(mirror, pidsOf(next));
            QCOMPARE(pidsOf(model), pidsOf(next));
            QVERIFY(spies.reset.isEmpty() && spies.layout.isEmpty() && spies.moved.isEmpty());

            // Every changed field's cell is covered; with few changes, nothing else is.
            const Cells cells = cellsOf(spies.changed);
            const auto covered = [&](int row, int column) {
                return std::ranges::any_of(cells, [&](const auto &c) {
                    const auto [top, bottom, left, right] = c;
                    return top <= row && row <= bottom && left <= column && column <= right;
                });
            };
            QHash<int, std::pair<int, int>> changedRows; // row → its columns, first and last
            for (const QJsonObject &entry : delta.changed) {
                const int row = model.rowOfPid(entry.value("pid"_L1).toInt());
                QVERIFY(row >= 0);
                std::pair<int, int> span{M::ColumnCount, -1};
                for (auto it = entry.begin(); it != entry.end(); ++it) {
                    for (const int column : columnsOfField(it.key())) {
                        QVERIFY2(covered(row, column),
                                 qPrintable(u"round %1: %2 of pid %3"_s.arg(round).arg(
                                     it.key(), entry.value("pid"_L1).toVariant().toString())));
                        span = {std::min(span.first, column), std::max(span.second, column)};
                    }
                }
                changedRows.insert(row, span);
            }
            if (changedRows.size() <= 32) {
                for (const auto &[top, bottom, left, right] : cells) {
                    for (int row = top; row <= bottom; ++row) {
                        QVERIFY(changedRows.contains(row));
                        QCOMPARE(left, changedRows.value(row).first);
                        QCOMPARE(right, changedRows.value(row).second);
                    }
                }
            }
            current = next;
        }
        qInfo("30 updates in %lld ms", qlonglong(timer.elapsed()));
        // The cells read from the last state.
        for (int row = 0; row < model.rowCount(); row += 97)
            QCOMPARE(model.index(row, M::PidColumn).data(M::ProcessRole).value<ProcessInfo>(),
                     current.at(row));
    }

    // The tooltips of every cell of a process named as markup, as QToolTip lays them out:
    // the text as written, no image loaded.
    void escapedToolTips() {
        ProcessListModel model;
        const QAbstractItemModelTester tester(&model, Fatal::Fatal);
        model.setNode(2);
        auto list = processes({1, 2});
        list[0].command = u"<img src=\"/dev/zero\">"_s;
        list[0].cmdline = u"<img src=\"/dev/zero\"> <b>x</b>"_s;
        list[0].where = 3;
        list[0].locked = true;
        list[1].command = u"<b>x</b>"_s;
        list[1].guest = true;
        list[1].home = 5;
        list[1].cantmove = u"<b>socket</b>"_s;
        model.reset(list);
        for (int row = 0; row < 2; ++row) {
            for (int column = 0; column < ProcessListModel::ColumnCount; ++column) {
                const QString tip = model.index(row, column).data(Qt::ToolTipRole).toString();
                QVERIFY(!tip.isEmpty());
                QVERIFY2(!tip.contains(u"<img") && !tip.contains(u"<b>"), qPrintable(tip));
                QTextDocument document;
                document.setHtml(tip);
                QVERIFY(!document.allFormats().isEmpty());
                for (const QTextFormat &format : document.allFormats())
                    QVERIFY2(!format.isImageFormat(), qPrintable(tip));
            }
        }
        QTextDocument command;
        command.setHtml(
            model.index(0, ProcessListModel::CommandColumn).data(Qt::ToolTipRole).toString());
        QCOMPARE(command.toPlainText(), u"<img src=\"/dev/zero\"> (PID 1)\n"
                                        u"Command line: <img src=\"/dev/zero\"> <b>x</b>"_s);
        QTextDocument node;
        node.setHtml(model.index(1, ProcessListModel::NodeColumn).data(Qt::ToolTipRole).toString());
        QCOMPARE(node.toPlainText(),
                 u"<b>x</b> (PID 2) is a guest: it runs here, on node 2; its home is node 5"_s);
    }
};

QTEST_MAIN(TestProcessListModel)
#include "tst_processlistmodel.moc"
