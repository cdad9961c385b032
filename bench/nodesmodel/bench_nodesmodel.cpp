// bench_nodesmodel: the GUI-thread time the nodes pane spends per cluster update (one a
// second) at 1 000 and 10 000 nodes — NodeTableModel updated in place and shown in the
// console's NodesView with its delegates (as the tree, flattened by KDescendantsProxyModel,
// and sorted/filtered by a QSortFilterProxyModel), each update followed by processEvents()
// so the view repaints — beside the baseline: a QStandardItemModel rebuilt each update with
// the same cells and roles, shown in the same view. Goal: under 5 ms per update at 1 000 nodes.
#include <KDescendantsProxyModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <omview/console/nodesview.h>
#include <omview/console/nodetablemodel.h>
#include <vector>

using omview::NodeRecord;
using omview::NodeTableModel;

namespace {

constexpr std::uint64_t MiB = 1024ull * 1024;
constexpr double GoalMs = 5.0;
constexpr int GoalNodes = 1000;

// CPU time of this thread: what the GUI thread spends, whatever else the machine runs.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// One second of a busy cluster: every node's sample is newer (sampledAt, age, memory in
// bytes); about half the loads move; now and then a node goes down or comes back.
std::vector<QList<NodeRecord>> makeUpdates(int nodes, int updates) {
    QRandomGenerator random(20240601);
    QList<NodeRecord> table;
    for (int i = 0; i < nodes; ++i) {
        NodeRecord r;
        r.node.id = omview::NodeId(i + 1);
        r.node.address =
            QStringLiteral("10.%1.%2.%3").arg((i >> 16) & 255).arg((i >> 8) & 255).arg(i & 255);
        r.node.hostname = QStringLiteral("node%1").arg(i + 1);
        r.node.status = omview::StatusConfigured | omview::StatusUp;
        r.node.cpus = 1u << random.bounded(4);
        r.node.speed = 10000;
        r.node.load = random.bounded(100 * r.node.cpus);
        r.node.memTotal = (4ull << random.bounded(4)) * 1024 * MiB;
        r.node.memUsed = r.node.memTotal / 4;
        r.node.sampledAt = 1718000000000;
        r.ageMs = 400;
        r.alive = true;
        table.append(r);
    }
    std::vector<QList<NodeRecord>> out{table};
    for (int u = 1; u <= updates; ++u) {
        for (NodeRecord &r : table) {
            r.node.sampledAt += 1000;
            r.ageMs = 100 + random.bounded(900);
            r.node.memUsed = std::min(
                r.node.memTotal,
                r.node.memUsed + std::uint64_t(random.bounded(quint32(8 * MiB))) - 4 * MiB);
            r.node.memAvailable = r.node.memTotal - r.node.memUsed;
            if (random.bounded(2) == 0)
                r.node.load = random.bounded(100 * r.node.cpus + 1);
            if (random.bounded(500) == 0) {
                r.alive = !r.alive;
                r.node.status = r.alive ? omview::StatusConfigured | omview::StatusUp : -101;
            }
        }
        out.push_back(table);
    }
    return out;
}

// The roles the nodes pane's delegates and header read.
constexpr int PaneRoles[] = {Qt::DisplayRole,
                             Qt::TextAlignmentRole,
                             Qt::ToolTipRole,
                             Qt::ForegroundRole,
                             Qt::FontRole,
                             NodeTableModel::NodeIdRole,
                             NodeTableModel::IsClusterRole,
                             NodeTableModel::NodeStateRole,
                             NodeTableModel::StatusBitsRole,
                             NodeTableModel::AddressRole,
                             NodeTableModel::HostnameRole,
                             NodeTableModel::LoadRole,
                             NodeTableModel::LoadFractionRole,
                             NodeTableModel::MemUsedRole,
                             NodeTableModel::MemTotalRole,
                             NodeTableModel::MemFractionRole,
                             NodeTableModel::SpeedRole,
                             NodeTableModel::CpusRole,
                             NodeTableModel::EfficiencyRole,
                             NodeTableModel::AgeMsRole,
                             NodeTableModel::SortRole};

// One update's cells with every role the pane shows: what a naive pane would compute
// from the records before rebuilding its items (computed outside the timing).
struct PaneSnapshot {
    QStringList headers;
    QList<QMap<int, QVariant>> cluster;     // one per column
    QList<QList<QMap<int, QVariant>>> rows; // node rows under it
};

QMap<int, QVariant> cellData(const QModelIndex &index) {
    QMap<int, QVariant> data;
    for (const int role : PaneRoles) {
        const QVariant v = index.data(role);
        if (v.isValid())
            data.insert(role, v);
    }
    return data;
}

PaneSnapshot snapshotOf(const QList<NodeRecord> &records) {
    NodeTableModel model;
    model.applyRecords(records);
    PaneSnapshot s;
    const int columns = model.columnCount();
    for (int c = 0; c < columns; ++c)
        s.headers.append(model.headerData(c, Qt::Horizontal).toString());
    const QModelIndex clusterRow = model.index(0, 0);
    for (int c = 0; c < columns; ++c)
        s.cluster.append(cellData(model.index(0, c)));
    for (int r = 0; r < model.rowCount(clusterRow); ++r) {
        QList<QMap<int, QVariant>> row;
        for (int c = 0; c < columns; ++c)
            row.append(cellData(model.index(r, c, clusterRow)));
        s.rows.append(row);
    }
    return s;
}

QStandardItem *itemOf(const QMap<int, QVariant> &data) {
    auto *item = new QStandardItem;
    for (auto it = data.cbegin(); it != data.cend(); ++it)
        item->setData(it.value(), it.key());
    return item;
}

// What the naive pane does each second: every item made anew.
void rebuild(QStandardItemModel &model, const PaneSnapshot &snapshot) {
    model.clear();
    model.setHorizontalHeaderLabels(snapshot.headers);
    QList<QStandardItem *> clusterRow;
    for (const auto &cell : snapshot.cluster)
        clusterRow.append(itemOf(cell));
    for (const auto &cells : snapshot.rows) {
        QList<QStandardItem *> row;
        for (const auto &cell : cells)
            row.append(itemOf(cell));
        clusterRow.first()->appendRow(row);
    }
    model.appendRow(clusterRow);
}

struct Figures {
    double medianWall = 0, p95Wall = 0, medianCpu = 0, maxCpu = 0;
};

double percentile(std::vector<double> v, double p) {
    std::ranges::sort(v);
    const auto i = std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5));
    return v.at(i);
}

// Runs `update(i)` for every update after the first (the initial fill is not counted),
// each followed by processEvents() so the view lays out and repaints.
Figures measure(int updates, const std::function<void(int)> &update) {
    update(0);
    QCoreApplication::processEvents();
    std::vector<double> wall, cpu;
    for (int u = 1; u <= updates; ++u) {
        QElapsedTimer t;
        const double c0 = threadCpuMs();
        t.start();
        update(u);
        QCoreApplication::processEvents();
        cpu.push_back(threadCpuMs() - c0);
        wall.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return {percentile(wall, 0.5), percentile(wall, 0.95), percentile(cpu, 0.5),
            *std::ranges::max_element(cpu)};
}

void print(const char *name, const Figures &f) {
    std::printf("  %-44s %9.2f %9.2f %9.2f %9.2f\n", name, f.medianCpu, f.maxCpu, f.medianWall,
                f.p95Wall);
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The nodes pane's time per cluster update."));
    parser.addHelpOption();
    const QCommandLineOption nodesOption(QStringLiteral("nodes"),
                                         QStringLiteral("Cluster sizes (default 1000,10000)."),
                                         QStringLiteral("n,..."), QStringLiteral("1000,10000"));
    const QCommandLineOption updatesOption(QStringLiteral("updates"),
                                           QStringLiteral("Updates per size (default 30)."),
                                           QStringLiteral("n"), QStringLiteral("30"));
    const QCommandLineOption smokeOption(QStringLiteral("smoke"),
                                         QStringLiteral("A tiny run that checks it works."));
    parser.addOptions({nodesOption, updatesOption, smokeOption});
    parser.process(app);
    QList<int> sizes;
    for (const QString &n : parser.value(nodesOption).split(u',')) {
        bool ok = false;
        const int v = n.toInt(&ok);
        if (!ok || v < 1 || v > 65535) {
            std::fprintf(stderr,
                         "bench_nodesmodel: --nodes: '%s' is not a node count in 1..65535\n",
                         qPrintable(n));
            return 2;
        }
        sizes.append(v);
    }
    bool ok = false;
    int updates = parser.value(updatesOption).toInt(&ok);
    if (!ok || updates < 1) {
        std::fprintf(stderr, "bench_nodesmodel: --updates: a positive number, please\n");
        return 2;
    }
    if (parser.isSet(smokeOption)) {
        sizes = {40};
        updates = 3;
    }

    // The console's own nodes pane: its delegates draw lamps, buttons, sliders and bars.
    omview::NodesView view;
    view.resize(1100, 750);
    view.show();
#ifndef NDEBUG
    std::printf("warning: built without NDEBUG; the figures are pessimistic\n");
#endif
    std::printf("bench_nodesmodel: GUI-thread time per update of the nodes pane (NodesView and "
                "its delegates;\none update = one second of a busy cluster: every sample newer, "
                "half the loads moving),\n%d updates per size, view %dx%d on %s\n",
                updates, view.width(), view.height(), qPrintable(QGuiApplication::platformName()));

    for (const int nodes : sizes) {
        const auto data = makeUpdates(nodes, updates);
        std::printf("\n%d nodes                                        cpu ms    cpu ms   wall ms  "
                    " wall ms\n"
                    "                                                median       max    median    "
                    "   p95\n",
                    nodes);

        NodeTableModel alone;
        const Figures modelOnly =
            measure(updates, [&](int u) { alone.applyRecords(data.at(std::size_t(u))); });
        print("NodeTableModel alone (no view)", modelOnly);

        NodeTableModel model;
        view.setModel(&model);
        view.expandAll();
        const Figures tree =
            measure(updates, [&](int u) { model.applyRecords(data.at(std::size_t(u))); });
        print("NodeTableModel, tree", tree);
        // The floor: the same view repainting the same rows with nothing changed.
        const Figures repaint = measure(updates, [&](int) { view.viewport()->update(); });
        print("  (repainting that view, nothing changed)", repaint);
        view.setModel(nullptr);

        NodeTableModel flatModel;
        KDescendantsProxyModel flat;
        flat.setSourceModel(&flatModel);
        view.setModel(&flat);
        const Figures flattened =
            measure(updates, [&](int u) { flatModel.applyRecords(data.at(std::size_t(u))); });
        print("NodeTableModel, KDescendantsProxyModel", flattened);
        view.setModel(nullptr);

        NodeTableModel sortedModel;
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&sortedModel);
        sorted.setRecursiveFilteringEnabled(true);
        sorted.setDynamicSortFilter(true);
        sorted.setSortRole(NodeTableModel::SortRole);
        sorted.sort(NodeTableModel::LoadColumn, Qt::DescendingOrder);
        view.setModel(&sorted);
        const Figures bySort = measure(updates, [&](int u) {
            sortedModel.applyRecords(data.at(std::size_t(u)));
            if (u == 0)
                view.expandAll();
        });
        print("NodeTableModel, sorted by load (QSFPM)", bySort);
        view.setModel(nullptr);

        std::vector<PaneSnapshot> snapshots;
        for (const auto &records : data)
            snapshots.push_back(snapshotOf(records));
        QStandardItemModel baseline;
        view.setModel(&baseline);
        const Figures rebuilt = measure(updates, [&](int u) {
            rebuild(baseline, snapshots.at(std::size_t(u)));
            view.expandAll(); // a rebuilt tree comes back collapsed
        });
        print("baseline: QStandardItemModel rebuilt", rebuilt);
        const Figures baselineRepaint = measure(updates, [&](int) { view.viewport()->update(); });
        print("  (repainting that view, nothing changed)", baselineRepaint);
        view.setModel(nullptr);

        std::printf("  in place vs rebuilt (tree, cpu median): %.1fx less\n",
                    tree.medianCpu > 0 ? rebuilt.medianCpu / tree.medianCpu : 0.0);
        if (nodes == GoalNodes) {
            const bool met = tree.medianCpu < GoalMs && flattened.medianCpu < GoalMs;
            std::printf("  goal: under %.0f ms per update at %d nodes: %s (tree %.2f ms, flattened "
                        "%.2f ms;\n        of which %.2f ms the view repainting unchanged rows, "
                        "%.2f ms the model)\n",
                        GoalMs, GoalNodes, met ? "met" : "NOT met", tree.medianCpu,
                        flattened.medianCpu, repaint.medianCpu, modelOnly.medianCpu);
        }
    }
    return 0;
}
