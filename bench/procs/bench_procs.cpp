// bench_procs: the GUI-thread time of one processes tick — 100 000 processes over 100 nodes,
// 5 % of them changed, 1 % born, 1 % gone — through the processes pane's whole chain
// (ProcessListModel per node → ClusterProcessModel → KDescendantsProxyModel →
// ProcessFilterProxyModel sorted by CPU → the pane's visible QTreeView, laid out and painted),
// beside the baseline: a QStandardItemModel with the same cells rebuilt each tick behind a
// QSortFilterProxyModel sorted the same way, in a visible QTreeView. Goal: under 20 ms per
// tick and at least 10 times faster than the baseline.
#include <KDescendantsProxyModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processespane.h>
#include <omview/procs/processfilterproxymodel.h>
#include <omview/procs/processformat.h>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/delta.h>
#include <vector>

using namespace Qt::StringLiterals;
using omview::NodeId;
using omview::ProcessInfo;
using omview::ProcessListDelta;
using omview::procs::ClusterProcessModel;
using omview::procs::ProcessesPane;
using omview::procs::ProcessFilterProxyModel;
using omview::procs::ProcessFormat;
using omview::procs::ProcessListModel;

namespace {

constexpr double GoalMs = 20.0;
constexpr double GoalSpeedUp = 10.0;
constexpr int Columns = ProcessListModel::ColumnCount;
// The baseline sorts by this role, so that CPU is compared as a number, as the pane does.
constexpr int BaselineSortRole = Qt::UserRole + 1;

// CPU time of this thread: what the GUI thread spends, whatever else the machine runs.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// A cluster's processes as their agents report them, tick after tick. Every instance makes
// the same ticks, so each configuration measured sees the same data.
class Cluster {
public:
    // What one node's subscription hands its model per tick (ProcessSubscription::updated()).
    struct Update {
        QList<ProcessInfo> after;
        ProcessListDelta delta;
    };

    Cluster(int processes, int nodes) {
        m_nodes.resize(std::size_t(nodes));
        m_nextPid.assign(std::size_t(nodes), 300);
        for (int i = 0; i < processes; ++i) {
            const int node = i % nodes;
            m_nodes[std::size_t(node)].append(born(node));
        }
    }

    int nodes() const { return int(m_nodes.size()); }
    NodeId nodeId(int node) const { return NodeId(node + 1); }
    const QList<ProcessInfo> &processesOf(int node) const { return m_nodes.at(std::size_t(node)); }

    // The next tick on every node, with the deltas the agents send (makeDelta(), as the agent
    // does), so `changed` holds exactly the fields that moved.
    std::vector<Update> tick() {
        std::vector<Update> out;
        out.reserve(m_nodes.size());
        for (int node = 0; node < nodes(); ++node) {
            const QList<ProcessInfo> &before = m_nodes[std::size_t(node)];
            QList<ProcessInfo> after;
            after.reserve(before.size() + before.size() / 50 + 1);
            int births = 0;
            for (const ProcessInfo &p : before) {
                const quint32 dice = m_random.bounded(100u);
                if (dice == 0) // gone
                    continue;
                if (dice == 1)
                    ++births;
                ProcessInfo q = p;
                if (dice >= 2 && dice < 7)
                    change(q);
                after.append(q);
            }
            // New pids are above the old ones, as on a node whose pids have not wrapped.
            for (int b = 0; b < births; ++b)
                after.append(born(node));
            out.push_back({after, omview::makeDelta(before, after)});
            m_nodes[std::size_t(node)] = std::move(after);
        }
        return out;
    }

private:
    ProcessInfo born(int node) {
        static const QString users[] = {u"root"_s,  u"daemon"_s,   u"alice"_s,    u"bob"_s,
                                        u"carol"_s, u"www-data"_s, u"postgres"_s, u"mosix"_s};
        static const QString commands[] = {u"bash"_s,    u"sshd"_s, u"python3"_s,  u"make"_s,
                                           u"cc1plus"_s, u"ld"_s,   u"postgres"_s, u"nginx"_s,
                                           u"sleep"_s,   u"java"_s, u"mosrun"_s,   u"rsync"_s};
        ProcessInfo p;
        std::int32_t &next = m_nextPid[std::size_t(node)];
        next += 1 + std::int32_t(m_random.bounded(3u));
        p.pid = next;
        p.ppid = 1 + std::int32_t(m_random.bounded(std::uint32_t(next)));
        const quint32 u = m_random.bounded(8u);
        p.uid = u == 0 ? 0 : 1000 + u;
        p.user = users[u];
        p.command = commands[m_random.bounded(12u)];
        p.cmdline = p.command + u" --job "_s + QString::number(p.pid);
        p.tty = m_random.bounded(4u) == 0 ? u"pts/%1"_s.arg(m_random.bounded(20u)) : QString();
        p.state = m_random.bounded(5u) == 0 ? 'R' : 'S';
        // Most processes idle, a few busy: the sorted column has many ties, as in life.
        p.cpuPercent = m_random.bounded(5u) == 0 ? double(m_random.bounded(10000u)) / 100 : 0.0;
        p.cpuTimeMs = std::int64_t(m_random.bounded(10'000'000u));
        p.rss = std::uint64_t(1 + m_random.bounded(500'000u)) * 1024;
        p.nice = m_random.bounded(10u) == 0 ? 10 : 0;
        p.startTime = 1'726'000'000'000 + std::int64_t(p.pid) * 1000;
        // A guest now and then: its home is another node.
        if (m_random.bounded(100u) == 0) {
            p.guest = true;
            p.home = NodeId(1 + (node + 1) % int(m_nodes.size()));
            p.nmigs = 1;
        }
        if (m_random.bounded(50u) == 0)
            p.cantmove = u"mem_lock"_s;
        return p;
    }

    // What an agent sees move between two samples of a live process.
    void change(ProcessInfo &p) {
        p.cpuPercent = double(m_random.bounded(10000u)) / 100;
        p.cpuTimeMs += 1 + std::int64_t(m_random.bounded(1000u));
        const std::int64_t step = std::int64_t(m_random.bounded(2u << 20)) - (1 << 20);
        p.rss = std::uint64_t(std::max<std::int64_t>(4096, std::int64_t(p.rss) + step));
        if (m_random.bounded(5u) == 0)
            p.state = p.state == 'R' ? 'S' : 'R';
    }

    QRandomGenerator m_random{20240917};
    std::vector<QList<ProcessInfo>> m_nodes;
    std::vector<std::int32_t> m_nextPid;
};

struct Figures {
    int ticks = 0;
    double medianCpu = 0, worstCpu = 0, medianWall = 0, worstWall = 0;
};

double median(std::vector<double> v) {
    std::ranges::sort(v);
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Each tick: `prepare` (the agents' side, not timed), then `apply` and the event loop until
// the view has laid out and painted the result — processEvents() runs the delayed layout and
// the queued work the pane does after an update, repaint() makes sure a paint is included.
Figures measure(int ticks, const std::function<void()> &prepare, const std::function<void()> &apply,
                QWidget *viewport) {
    std::vector<double> wall, cpu;
    for (int t = 0; t < ticks; ++t) {
        prepare();
        QElapsedTimer timer;
        const double c0 = threadCpuMs();
        timer.start();
        apply();
        QCoreApplication::processEvents();
        if (viewport)
            viewport->repaint();
        cpu.push_back(threadCpuMs() - c0);
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return {ticks, median(cpu), *std::ranges::max_element(cpu), median(wall),
            *std::ranges::max_element(wall)};
}

void print(const char *name, const Figures &f) {
    std::printf("  %-52s %9.2f %9.2f %9.2f %9.2f\n", name, f.medianCpu, f.worstCpu, f.medianWall,
                f.worstWall);
    std::fflush(stdout);
}

// The processes of a cluster, one ProcessListModel per node, under a ClusterProcessModel.
// Declared in this order so the tree lets go of the list models before they go.
struct ProcessTree {
    std::vector<std::unique_ptr<ProcessListModel>> lists;
    ClusterProcessModel tree;

    explicit ProcessTree(const Cluster &cluster) {
        for (int node = 0; node < cluster.nodes(); ++node) {
            auto list = std::make_unique<ProcessListModel>();
            list->setNode(cluster.nodeId(node));
            list->reset(cluster.processesOf(node));
            tree.addNode(cluster.nodeId(node), list.get());
            lists.push_back(std::move(list));
        }
    }

    void apply(const std::vector<Cluster::Update> &updates) {
        for (std::size_t node = 0; node < updates.size(); ++node)
            lists[node]->apply(updates[node].after, updates[node].delta);
    }
};

void showLike(QTreeView &view) {
    // As the processes pane sets up its view, so the baseline pays the same view costs.
    view.setRootIsDecorated(false);
    view.setUniformRowHeights(true);
    view.setSortingEnabled(true);
    view.setSelectionMode(QAbstractItemView::ExtendedSelection);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setAllColumnsShowFocus(true);
    view.header()->setStretchLastSection(true);
}

// One tick's cells for the baseline, made from the cluster's state outside the timing: the
// text the pane shows in each column and the CPU figure it sorts by.
struct Row {
    std::array<QString, Columns> text;
    double cpu = 0;
};

std::vector<Row> rowsOf(const Cluster &cluster) {
    std::vector<Row> rows;
    for (int node = 0; node < cluster.nodes(); ++node)
        for (const ProcessInfo &p : cluster.processesOf(node)) {
            Row row;
            for (int c = 0; c < Columns; ++c)
                row.text[std::size_t(c)] = ProcessFormat::display(p, cluster.nodeId(node), c);
            row.cpu = p.cpuPercent;
            rows.push_back(std::move(row));
        }
    return rows;
}

// What a naive pane does each tick: every item made anew, in a model that is cleared and
// filled again. By default the proxy is detached while the rows go in, so the proxy and view
// see one reset and sort once: the strongest rebuild, so the speed-up is not flattered. With
// it attached (`attached`) each appended row is one insertion into the sorting proxy, three
// to four times slower at 100 000 rows.
void rebuild(QStandardItemModel &model, QSortFilterProxyModel &proxy, const std::vector<Row> &rows,
             const QStringList &headers, bool attached = false) {
    if (!attached)
        proxy.setSourceModel(nullptr);
    model.clear();
    model.setHorizontalHeaderLabels(headers);
    for (const Row &row : rows) {
        QList<QStandardItem *> items;
        items.reserve(Columns);
        for (const QString &text : row.text) {
            auto *item = new QStandardItem(text);
            item->setEditable(false);
            items.append(item);
        }
        items[ProcessListModel::CpuColumn]->setData(row.cpu, BaselineSortRole);
        model.appendRow(items);
    }
    if (!attached)
        proxy.setSourceModel(&model);
}

bool parsePositive(const QCommandLineParser &parser, const QCommandLineOption &option, int &out) {
    bool ok = false;
    out = parser.value(option).toInt(&ok);
    if (!ok || out < 1) {
        std::fprintf(stderr, "bench_procs: --%s: a positive number, please\n",
                     qPrintable(option.names().constFirst()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The processes pane's time per tick of the cluster's processes."));
    parser.addHelpOption();
    const QCommandLineOption processesOption(QStringLiteral("processes"),
                                             QStringLiteral("Processes (default 100000)."),
                                             QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption nodesOption(QStringLiteral("nodes"),
                                         QStringLiteral("Nodes they run on (default 100)."),
                                         QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption ticksOption(QStringLiteral("ticks"),
                                         QStringLiteral("Ticks measured (default 20)."),
                                         QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption smokeOption(QStringLiteral("smoke"),
                                         QStringLiteral("A tiny run that checks it works."));
    const QCommandLineOption attachedOption(
        QStringLiteral("attached-baseline"),
        QStringLiteral("Also time one tick of the baseline filled with its proxy attached."));
    parser.addOptions({processesOption, nodesOption, ticksOption, smokeOption, attachedOption});
    parser.process(app);
    int processes = 0, nodes = 0, ticks = 0;
    if (!parsePositive(parser, processesOption, processes) ||
        !parsePositive(parser, nodesOption, nodes) || !parsePositive(parser, ticksOption, ticks))
        return 2;
    if (parser.isSet(smokeOption)) {
        processes = 2000;
        nodes = 10;
        ticks = 3;
    }
    nodes = std::min(nodes, processes);

#ifndef NDEBUG
    std::printf("warning: built without NDEBUG; the figures are pessimistic\n");
#endif
    std::printf("bench_procs: GUI-thread time per tick of %d processes on %d nodes (each tick "
                "5 %% changed,\n1 %% born, 1 %% gone), %d ticks, on %s; a tick ends when the "
                "view has laid out and painted\n\n",
                processes, nodes, ticks, qPrintable(QGuiApplication::platformName()));
    std::printf("                                                         cpu ms    cpu ms   "
                "wall ms   wall ms\n"
                "                                                         median     worst    "
                "median     worst\n");

    const QSize viewSize(1200, 800);
    std::vector<Cluster::Update> updates;

    {
        // What the list models cost by themselves, without anyone listening.
        Cluster cluster(processes, nodes);
        std::vector<std::unique_ptr<ProcessListModel>> lists;
        for (int node = 0; node < cluster.nodes(); ++node) {
            lists.push_back(std::make_unique<ProcessListModel>());
            lists.back()->setNode(cluster.nodeId(node));
            lists.back()->reset(cluster.processesOf(node));
        }
        print("ProcessListModel x nodes alone (no tree, no view)",
              measure(
                  ticks, [&] { updates = cluster.tick(); },
                  [&] {
                      for (std::size_t n = 0; n < updates.size(); ++n)
                          lists[n]->apply(updates[n].after, updates[n].delta);
                  },
                  nullptr));
    }
    {
        // The pane's models without its view: what the proxies cost.
        Cluster cluster(processes, nodes);
        ProcessTree tree(cluster);
        KDescendantsProxyModel flat;
        flat.setDisplayAncestorData(false);
        flat.setSourceModel(&tree.tree);
        ProcessFilterProxyModel filter;
        filter.setSourceModel(&flat);
        filter.sort(ProcessListModel::CpuColumn, Qt::DescendingOrder);
        // A proxy maps a parent's rows only once asked about them, as a view does at once;
        // unasked, it would skip the work the pane pays for.
        filter.rowCount();
        print("  + ClusterProcessModel, KDescendants, filter/sort",
              measure(
                  ticks, [&] { updates = cluster.tick(); }, [&] { tree.apply(updates); }, nullptr));
    }

    Figures chain;
    {
        // The goal's figure: the console's own processes pane, shown.
        Cluster cluster(processes, nodes);
        ProcessTree tree(cluster);
        ProcessesPane pane(&tree.tree);
        pane.resize(viewSize);
        pane.show();
        QCoreApplication::processEvents();
        pane.view()->viewport()->repaint();
        chain = measure(
            ticks, [&] { updates = cluster.tick(); }, [&] { tree.apply(updates); },
            pane.view()->viewport());
        print("  + ProcessesPane shown (the whole chain)", chain);
        // The floor: the same view painting the same rows with nothing changed.
        print("    (repainting that view, nothing changed)",
              measure(ticks, [] {}, [] {}, pane.view()->viewport()));
    }

    Figures baseline;
    {
        Cluster cluster(processes, nodes);
        QStringList headers;
        for (int c = 0; c < Columns; ++c)
            headers.append(ProcessFormat::header(c, Qt::DisplayRole).toString());
        QStandardItemModel model;
        QSortFilterProxyModel proxy;
        proxy.setSortRole(BaselineSortRole);
        proxy.setDynamicSortFilter(true);
        proxy.setSourceModel(&model);
        QTreeView view;
        showLike(view);
        view.setModel(&proxy);
        view.sortByColumn(ProcessListModel::CpuColumn, Qt::DescendingOrder);
        view.resize(viewSize);
        view.show();
        rebuild(model, proxy, rowsOf(cluster), headers);
        QCoreApplication::processEvents();
        view.viewport()->repaint();
        std::vector<Row> rows;
        baseline = measure(
            ticks,
            [&] {
                cluster.tick();
                rows = rowsOf(cluster);
            },
            [&] { rebuild(model, proxy, rows, headers); }, view.viewport());
        print("baseline: QStandardItemModel rebuilt, QSFPM, view", baseline);
        if (parser.isSet(attachedOption))
            print("  (filled with the proxy attached, one tick)",
                  measure(
                      1,
                      [&] {
                          cluster.tick();
                          rows = rowsOf(cluster);
                      },
                      [&] { rebuild(model, proxy, rows, headers, true); }, view.viewport()));
    }

    const double speedUp = chain.medianCpu > 0 ? baseline.medianCpu / chain.medianCpu : 0.0;
    const double worstSpeedUp = chain.worstCpu > 0 ? baseline.worstCpu / chain.worstCpu : 0.0;
    std::printf("\n  speed-up of the chain over the baseline: %.1fx (cpu median), %.1fx (cpu "
                "worst)\n",
                speedUp, worstSpeedUp);
    std::printf("  goal: under %.0f ms per tick on the GUI thread: %s (median %.2f ms, worst "
                "%.2f ms)\n",
                GoalMs, chain.medianCpu < GoalMs ? "met" : "NOT met", chain.medianCpu,
                chain.worstCpu);
    std::printf("  goal: at least %.0fx faster than the baseline: %s (%.1fx)\n", GoalSpeedUp,
                speedUp >= GoalSpeedUp ? "met" : "NOT met", speedUp);
    return 0;
}
