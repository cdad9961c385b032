// ProcessFilterProxyModel over the flattened cluster tree: no node rows, the user drop-down,
// the text filter, numeric and text sorting, and random updates of several nodes that the
// rows shown, their order and a selection follow.
#include <KDescendantsProxyModel>
#include <QAbstractItemModelTester>
#include <QCollator>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <algorithm>
#include <memory>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processfilterproxymodel.h>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/delta.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;

namespace {

ProcessInfo process(std::int32_t pid, const QString &user, const QString &command, double cpu) {
    ProcessInfo p;
    p.pid = pid;
    p.user = user;
    p.command = command;
    p.cmdline = u"/usr/bin/"_s + command + u" --flag"_s;
    p.cpuPercent = cpu;
    p.state = 'R';
    return p;
}

} // namespace

class ProcessFilterProxyModelTest : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_one = std::make_unique<ProcessListModel>();
        m_two = std::make_unique<ProcessListModel>();
        m_tree = std::make_unique<ClusterProcessModel>();
        m_flat = std::make_unique<KDescendantsProxyModel>();
        m_filter = std::make_unique<ProcessFilterProxyModel>();
        m_one->reset(
            {process(10, u"alice"_s, u"render"_s, 9.5), process(11, u"bob"_s, u"bash"_s, 100)});
        m_two->reset(
            {process(20, u"alice"_s, u"encode"_s, 12), process(21, u"root"_s, u"sshd"_s, 0)});
        QVERIFY(m_tree->addNode(1, m_one.get()));
        QVERIFY(m_tree->addNode(2, m_two.get()));
        m_flat->setDisplayAncestorData(false);
        m_flat->setSourceModel(m_tree.get());
        m_filter->setSourceModel(m_flat.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_filter.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    void cleanup() {
        // Views first, then what they show.
        m_tester.reset();
        m_filter.reset();
        m_flat.reset();
        m_tree.reset();
        m_two.reset();
        m_one.reset();
    }

    void onlyProcesses() {
        QCOMPARE(m_flat->rowCount(), 6); // two node rows among them
        QCOMPARE(pids(), (QList<int>{10, 11, 20, 21}));
    }

    void byUserAndText() {
        m_filter->setUser(u"alice"_s);
        QCOMPARE(pids(), (QList<int>{10, 20}));
        m_filter->setText(u"ENC"_s); // any case, the command
        QCOMPARE(pids(), QList<int>{20});
        m_filter->setUser(std::nullopt);
        m_filter->setText(u"--flag"_s); // the command line
        QCOMPARE(pids(), (QList<int>{10, 11, 20, 21}));
        m_filter->setText(u"21"_s); // the PID
        QCOMPARE(pids(), QList<int>{21});
        // A process that arrives and matches is shown at once.
        m_filter->setText(u"render"_s);
        ProcessListDelta delta;
        delta.added = {process(12, u"carol"_s, u"render"_s, 1)};
        m_one->apply({process(10, u"alice"_s, u"render"_s, 9.5),
                      process(11, u"bob"_s, u"bash"_s, 100),
                      process(12, u"carol"_s, u"render"_s, 1)},
                     delta);
        QCOMPARE(pids(), (QList<int>{10, 12}));
    }

    void guestsOnly() {
        ProcessInfo guest = process(22, u"alice"_s, u"render"_s, 50);
        guest.guest = true;
        guest.home = 1;
        ProcessListDelta delta;
        delta.added = {guest};
        m_two->apply(
            {process(20, u"alice"_s, u"encode"_s, 12), process(21, u"root"_s, u"sshd"_s, 0), guest},
            delta);
        m_filter->setGuestsOnly(true);
        QVERIFY(m_filter->guestsOnly());
        QCOMPARE(pids(), QList<int>{22});
        m_filter->setUser(u"bob"_s); // with the other filters
        QCOMPARE(pids(), QList<int>{});
        m_filter->setUser(std::nullopt);
        m_filter->setGuestsOnly(false);
        QCOMPARE(pids(), (QList<int>{10, 11, 20, 21, 22}));
    }

    void sortsNumbersAsNumbers() {
        m_filter->sort(ProcessListModel::CpuColumn, Qt::DescendingOrder);
        QCOMPARE(pids(), (QList<int>{11, 20, 10, 21})); // 100, 12, 9.5, 0 — not "9.5" > "12"
    }

    void sortsText() {
        m_filter->sort(ProcessListModel::CommandColumn, Qt::AscendingOrder);
        QCOMPARE(pids(), (QList<int>{11, 20, 10, 21})); // bash, encode, render, sshd
        m_filter->sort(ProcessListModel::CommandColumn, Qt::DescendingOrder);
        QCOMPARE(pids(), (QList<int>{21, 10, 20, 11}));
        m_filter->sort(-1);
        QCOMPARE(pids(), (QList<int>{10, 11, 20, 21}));
    }

    // Ticks of rows born, gone and changed on three nodes, the proxy checked after each
    // against the rows it should show, the model tester watching every signal.
    void randomTicks_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QString>("user");
        QTest::newRow("cpu") << int(ProcessListModel::CpuColumn) << Qt::DescendingOrder
                             << QString();
        QTest::newRow("command") << int(ProcessListModel::CommandColumn) << Qt::AscendingOrder
                                 << QString();
        QTest::newRow("cpu, one user")
            << int(ProcessListModel::CpuColumn) << Qt::AscendingOrder << u"alice"_s;
        QTest::newRow("unsorted") << -1 << Qt::AscendingOrder << QString();
    }

    void randomTicks() {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QString, user);
        const quint32 seed = qEnvironmentVariableIsSet("OMVIEW_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("OMVIEW_TEST_SEED"))
                                 : 20240917;
        QRandomGenerator random(seed);
        const QStringList users{u"alice"_s, u"bob"_s, u"Carol"_s, u"root"_s};
        const QStringList commands{u"bash"_s, u"Make"_s,  u"cc1plus"_s,
                                   u"ld"_s,   u"job10"_s, u"job9"_s};
        const auto born = [&](std::int32_t pid) {
            return process(pid, users[random.bounded(int(users.size()))],
                           commands[random.bounded(int(commands.size()))],
                           random.bounded(4) == 0 ? double(random.bounded(1000)) / 10 : 0);
        };
        ProcessListModel three;
        QList<ProcessListModel *> lists{m_one.get(), m_two.get(), &three};
        QVERIFY(m_tree->addNode(3, &three));
        QList<QList<ProcessInfo>> state;
        std::int32_t nextPid = 100;
        for (ProcessListModel *list : lists) {
            QList<ProcessInfo> processes;
            for (int i = 0; i < 60; ++i)
                processes.append(born(nextPid += 1 + random.bounded(3)));
            list->reset(processes);
            state.append(processes);
        }
        m_filter->sort(column, order);
        if (!user.isEmpty())
            m_filter->setUser(user);
        QItemSelectionModel selection(m_filter.get());

        for (int tick = 0; tick < 40; ++tick) {
            // A few rows selected: those still shown after the tick must still be.
            selection.clear();
            QSet<std::pair<uint, int>> selected;
            for (int i = 0; i < 5 && m_filter->rowCount() > 0; ++i) {
                const QModelIndex row = m_filter->index(random.bounded(m_filter->rowCount()), 0);
                selection.select(row, QItemSelectionModel::Select | QItemSelectionModel::Rows);
                selected.insert(identity(row));
            }
            for (qsizetype node = 0; node < lists.size(); ++node) {
                const QList<ProcessInfo> &before = state[node];
                QList<ProcessInfo> after;
                for (ProcessInfo p : before) {
                    const int dice = random.bounded(100);
                    if (dice < 8)
                        continue; // gone
                    if (dice < 30) {
                        p.cpuPercent =
                            random.bounded(3) == 0 ? 0 : double(random.bounded(1000)) / 10;
                        if (dice < 12)
                            p.command = commands[random.bounded(int(commands.size()))];
                        if (dice < 10)
                            p.user = users[random.bounded(int(users.size()))];
                    }
                    after.append(p);
                }
                // New pids anywhere: between the old ones as after a wrap, and above them.
                for (int i = random.bounded(8); i > 0; --i) {
                    const std::int32_t pid = 100 + random.bounded(nextPid - 100 + 20);
                    if (std::ranges::none_of(after,
                                             [pid](const ProcessInfo &p) { return p.pid == pid; }))
                        after.append(born(pid));
                }
                nextPid += 20;
                std::ranges::sort(after, {}, &ProcessInfo::pid);
                lists[node]->apply(after, makeDelta(before, after));
                state[node] = after;
            }
            // Half the ticks asked at once (the proxy settles then), half from the event loop.
            if (tick % 2)
                QCoreApplication::processEvents();
            QCOMPARE(shown(), expected(column, order, user));
            QSet<std::pair<uint, int>> stillSelected;
            for (const QModelIndex &row : selection.selectedRows())
                stillSelected.insert(identity(row));
            QSet<std::pair<uint, int>> stillShown;
            for (const auto &id : shown())
                stillShown.insert(id);
            QCOMPARE(stillSelected, selected & stillShown);
        }
        QVERIFY(m_tree->removeNode(3));
    }

private:
    static std::pair<uint, int> identity(const QModelIndex &row) {
        return {row.data(ProcessListModel::NodeIdRole).toUInt(),
                row.data(ProcessListModel::PidRole).toInt()};
    }

    QList<std::pair<uint, int>> shown() const {
        QList<std::pair<uint, int>> out;
        for (int row = 0; row < m_filter->rowCount(); ++row)
            out.append(identity(m_filter->index(row, 0)));
        return out;
    }

    // The processes of the flat source that pass, by the column's sort key (numbers as
    // numbers, text as the collator orders it), equal keys in source order.
    QList<std::pair<uint, int>> expected(int column, Qt::SortOrder order,
                                         const QString &user) const {
        struct Row {
            QModelIndex index;
            int sourceRow;
        };
        QList<Row> rows;
        for (int row = 0; row < m_flat->rowCount(); ++row) {
            const QModelIndex index = m_flat->index(row, 0);
            if (index.data(ClusterProcessModel::NodeRowRole).toBool())
                continue;
            if (!user.isEmpty() && index.data(ProcessListModel::UserNameRole).toString() != user)
                continue;
            rows.append({index, row});
        }
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        const auto compare = [&](const Row &a, const Row &b) {
            const QVariant x = a.index.siblingAtColumn(column).data(ProcessListModel::SortRole);
            const QVariant y = b.index.siblingAtColumn(column).data(ProcessListModel::SortRole);
            if (x.typeId() == QMetaType::QString)
                return collator.compare(x.toString(), y.toString());
            return x.toDouble() < y.toDouble() ? -1 : x.toDouble() > y.toDouble() ? 1 : 0;
        };
        if (column >= 0)
            std::ranges::stable_sort(rows, [&](const Row &a, const Row &b) {
                const int c = compare(a, b);
                return order == Qt::AscendingOrder ? c < 0 : c > 0;
            });
        QList<std::pair<uint, int>> out;
        for (const Row &row : std::as_const(rows))
            out.append(identity(row.index));
        return out;
    }

    QList<int> pids() const {
        QList<int> out;
        for (int row = 0; row < m_filter->rowCount(); ++row)
            out.append(m_filter->index(row, 0).data(ProcessListModel::PidRole).toInt());
        if (m_filter->sortColumn() < 0)
            std::ranges::sort(out);
        return out;
    }

    std::unique_ptr<ProcessListModel> m_one;
    std::unique_ptr<ProcessListModel> m_two;
    std::unique_ptr<ClusterProcessModel> m_tree;
    std::unique_ptr<KDescendantsProxyModel> m_flat;
    std::unique_ptr<ProcessFilterProxyModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(ProcessFilterProxyModelTest)
#include "tst_processfilterproxymodel.moc"
