// ProcessFilterProxyModel over the flattened cluster tree: no node rows, the user drop-down,
// the text filter, and numeric sorting.
#include <KDescendantsProxyModel>
#include <QAbstractItemModelTester>
#include <QTest>
#include <algorithm>
#include <memory>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processfilterproxymodel.h>
#include <omview/procs/processlistmodel.h>

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
        m_one->reset({process(10, u"alice"_s, u"render"_s, 9.5),
                      process(11, u"bob"_s, u"bash"_s, 100)});
        m_two->reset({process(20, u"alice"_s, u"encode"_s, 12), process(21, u"root"_s, u"sshd"_s, 0)});
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
        m_one->apply({process(10, u"alice"_s, u"render"_s, 9.5), process(11, u"bob"_s, u"bash"_s, 100),
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
        m_two->apply({process(20, u"alice"_s, u"encode"_s, 12), process(21, u"root"_s, u"sshd"_s, 0),
                      guest},
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

private:
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
