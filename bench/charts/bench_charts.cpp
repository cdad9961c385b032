// bench_charts: time to draw 30 days of per-second load and memory for 64
// nodes, as the analyzer draws them, next to plotting every raw point in a
// QLineSeries. Goal: under 200 ms, and at least 100 times faster.
//
//  - The store: 64 nodes x 30 days of per-second samples, made once and cached
//    (see synthetichistory.h for how, and why not through StoreWriter).
//  - The analyzer's path: one chart per node plus the cluster's, already on
//    screen (created once, as the open window has them). Timed: for each, the
//    SeriesBuilder query (the tier for the width, M4-reduced to a column per
//    pixel), handing the lines to the chart, and rendering it into an image.
//  - The baseline: a QChart with a QLineSeries for load and one for memory,
//    given every raw row of a node (CollectorStore::samples) and rendered the
//    same way. Plotting 2.6 million points per line for 64 nodes would take
//    hours, so it is measured on fewer nodes and hours and scaled linearly
//    (which flatters it: QLineSeries costs grow faster than linearly).
//
//   bench_charts [--nodes 64] [--days 30] [--width 1000] [--height 240]
//                [--baseline-nodes 2] [--baseline-hours 4] [--repeat 5]
//                [--cache DIR]   (default $OMVIEW_BENCH_CACHE, else the build's bench-cache/)
#include "synthetichistory.h"

#include <QApplication>
#include <QChart>
#include <QDateTimeAxis>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QThread>
#include <QValueAxis>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <omview/analyzer/analyzerchart.h>
#include <omview/analyzer/seriesbuilder.h>
#include <omview/store/collectorstore.h>
#include <vector>

using namespace omview;
using namespace Qt::StringLiterals;

namespace {

struct Options {
    int nodes = 64;
    int days = 30;
    int width = 1000;
    int height = 240;
    int baselineNodes = 2;
    int baselineHours = 4;
    int repeat = 5;
    QString cache;
};

double cpuMs() {
    timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_charts: %s\n", qPrintable(message));
    std::exit(1);
}

Options parse(const QStringList &args) {
    Options o;
    o.cache = qEnvironmentVariable("OMVIEW_BENCH_CACHE", QStringLiteral(BENCH_CHARTS_CACHE_DIR));
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        if (i + 1 >= args.size())
            die(u"%1 needs a value"_s.arg(a));
        const QString v = args[++i];
        bool ok = true;
        if (a == u"--nodes")
            o.nodes = v.toInt(&ok);
        else if (a == u"--days")
            o.days = v.toInt(&ok);
        else if (a == u"--width")
            o.width = v.toInt(&ok);
        else if (a == u"--height")
            o.height = v.toInt(&ok);
        else if (a == u"--baseline-nodes")
            o.baselineNodes = v.toInt(&ok);
        else if (a == u"--baseline-hours")
            o.baselineHours = v.toInt(&ok);
        else if (a == u"--repeat")
            o.repeat = v.toInt(&ok);
        else if (a == u"--cache")
            o.cache = v;
        else
            die(u"unknown option %1"_s.arg(a));
        if (!ok)
            die(u"%1 %2: not a number"_s.arg(a, v));
    }
    if (o.nodes < 1 || o.days < 1 || o.width < 200 || o.height < 150 || o.repeat < 1 ||
        o.baselineNodes < 1 || o.baselineNodes > o.nodes || o.baselineHours < 1 ||
        o.baselineHours > 24 || o.baselineHours > o.days * 24)
        die(u"options out of range"_s);
    return o;
}

// One chart as the analyzer window holds it: its own scene, sized, styled.
struct Shown {
    std::unique_ptr<QGraphicsScene> scene;
    analyzer::AnalyzerChart *chart = nullptr;
    analyzer::NodeId node = 0;
};

void render(QGraphicsScene &scene, QGraphicsWidget *chart, QImage &image) {
    chart->layout()->activate();
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(image.rect()), chart->geometry());
}

struct Timing {
    double wall = 0, cpu = 0, query = 0, show = 0, draw = 0;
    qsizetype points = 0;
};

Timing drawReduced(store::CollectorStore &store, std::vector<Shown> &charts,
                   const store::TimeRange &range, QImage &image) {
    analyzer::SeriesBuilder builder(store);
    Timing t;
    QElapsedTimer wall;
    wall.start();
    const double cpu0 = cpuMs();
    for (Shown &s : charts) {
        QElapsedTimer step;
        step.start();
        analyzer::ChartRequest request;
        request.node = s.node;
        request.title = s.node ? u"n%1 (node %1)"_s.arg(s.node) : u"Cluster"_s;
        request.range = range;
        request.widthPx = static_cast<int>(s.chart->plotArea().width());
        auto data = builder.build(request);
        if (!data)
            die(data.error().message);
        t.points += data->load.size() + data->memory.size();
        t.query += static_cast<double>(step.nsecsElapsed()) / 1e6;
        step.restart();
        s.chart->setData(*data);
        t.show += static_cast<double>(step.nsecsElapsed()) / 1e6;
        step.restart();
        render(*s.scene, s.chart, image);
        t.draw += static_cast<double>(step.nsecsElapsed()) / 1e6;
    }
    t.wall = static_cast<double>(wall.nsecsElapsed()) / 1e6;
    t.cpu = cpuMs() - cpu0;
    return t;
}

// Every raw row of a node over [from, to] in QLineSeries, rendered.
Timing drawBaseline(store::CollectorStore &store, analyzer::NodeId node, std::int64_t from,
                    std::int64_t to, int width, int height, QImage &image) {
    QGraphicsScene scene;
    auto *chart = new QChart;
    scene.addItem(chart);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->resize(width, height);
    auto *time = new QDateTimeAxis;
    auto *loadAxis = new QValueAxis;
    auto *memoryAxis = new QValueAxis;
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(loadAxis, Qt::AlignLeft);
    chart->addAxis(memoryAxis, Qt::AlignRight);
    auto *load = new QLineSeries;
    auto *memory = new QLineSeries;
    chart->addSeries(load);
    chart->addSeries(memory);
    load->attachAxis(time);
    load->attachAxis(loadAxis);
    memory->attachAxis(time);
    memory->attachAxis(memoryAxis);
    chart->layout()->activate();

    Timing t;
    QElapsedTimer wall;
    wall.start();
    const double cpu0 = cpuMs();
    QElapsedTimer step;
    step.start();
    auto rows = store.samples(node, from, to);
    if (!rows)
        die(rows.error().message);
    QList<QPointF> loads, used;
    loads.reserve(rows->size());
    used.reserve(rows->size());
    double top = 0, memTop = 0;
    for (const store::SampleRow &r : *rows) {
        const double x = static_cast<double>(r.t) * 1000.0;
        loads.append({x, static_cast<double>(r.sample.load)});
        used.append({x, static_cast<double>(r.sample.memUsed) / analyzer::GiB});
        top = std::max(top, static_cast<double>(r.sample.load));
        memTop = std::max(memTop, static_cast<double>(r.sample.memTotal) / analyzer::GiB);
    }
    t.query = static_cast<double>(step.nsecsElapsed()) / 1e6;
    step.restart();
    time->setRange(QDateTime::fromSecsSinceEpoch(from), QDateTime::fromSecsSinceEpoch(to));
    loadAxis->setRange(0, std::max(100.0, top));
    memoryAxis->setRange(0, memTop);
    load->replace(loads);
    memory->replace(used);
    t.show = static_cast<double>(step.nsecsElapsed()) / 1e6;
    step.restart();
    render(scene, chart, image);
    t.draw = static_cast<double>(step.nsecsElapsed()) / 1e6;
    t.wall = static_cast<double>(wall.nsecsElapsed()) / 1e6;
    t.cpu = cpuMs() - cpu0;
    t.points = loads.size() + used.size();
    return t;
}

// The machine's load, for reading the figures: they are wall times.
QString loadAverage() {
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

double median(std::vector<double> v) {
    std::ranges::sort(v);
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options o = parse(app.arguments());

    // The store, made once.
    benchcharts::HistoryShape shape;
    shape.nodes = o.nodes;
    shape.start = 1717200000; // 2024-06-01 00:00 UTC
    shape.seconds = std::int64_t{o.days} * 86400;
    shape.rawSeconds = std::min<std::int64_t>(86400, shape.seconds);
    QDir().mkpath(o.cache);
    const QString path = QDir(o.cache).filePath(u"charts-%1n-%2d-v1.db"_s.arg(o.nodes).arg(o.days));
    std::printf("bench_charts: %d days of per-second load and memory, %d nodes and the cluster, "
                "charts %dx%d\n",
                o.days, o.nodes, o.width, o.height);
    if (!QFileInfo::exists(path)) {
        QElapsedTimer fill;
        fill.start();
        const QString partial = path + u".partial"_s;
        QFile::remove(partial);
        if (auto done = benchcharts::writeHistory(partial, shape); !done)
            die(done.error());
        QFile::remove(path);
        if (!QFile::rename(partial, path))
            die(u"cannot rename %1"_s.arg(partial));
        std::printf("store: filled %s in %.1f s\n", qPrintable(path),
                    static_cast<double>(fill.elapsed()) / 1000.0);
    } else {
        std::printf("store: %s (cached)\n", qPrintable(path));
    }
    std::printf("  made directly, not through StoreWriter (one transaction per second, %lld "
                "of them): each of the %lld\n  per-second samples generated and folded into "
                "node_minute and cluster_minute rows (min, max, sum,\n  count) as the rollup "
                "does, node_hour and cluster_hour rolled up from those with the store's own\n  "
                "aggregation, the newest %lld h kept as raw rows.\n",
                static_cast<long long>(shape.seconds),
                static_cast<long long>(o.nodes) * shape.seconds,
                static_cast<long long>(shape.rawSeconds / 3600));
    auto store = store::CollectorStore::open(path);
    if (!store)
        die(store.error().message);
    auto held = (*store)->range();
    if (!held || !*held)
        die(u"%1 holds nothing"_s.arg(path));
    const store::TimeRange range = **held;

    // The analyzer's charts, as the open window has them.
    std::vector<Shown> charts;
    for (int node = 0; node <= o.nodes; ++node) {
        Shown s;
        s.scene = std::make_unique<QGraphicsScene>();
        s.chart = new analyzer::AnalyzerChart;
        s.scene->addItem(s.chart);
        s.chart->setStyle(analyzer::ChartStyle::paper());
        s.chart->setGeometry(QRectF(0, 0, o.width, o.height));
        s.chart->layout()->activate();
        s.node = static_cast<analyzer::NodeId>(node);
        charts.push_back(std::move(s));
    }
    QImage image(o.width, o.height, QImage::Format_ARGB32_Premultiplied);

    std::vector<double> walls, cpus;
    Timing first, last;
    for (int i = 0; i < o.repeat; ++i) {
        // Alternate between two ranges a second apart, so no run finds the
        // lines of the previous one. With the cached store (it ends at
        // midnight on a Monday, a tick of the weekly time axis) the newer
        // range also has one more axis label: each run lays the time axis out
        // anew, as choosing another range does.
        const store::TimeRange r{range.first + (i % 2), range.last - ((i + 1) % 2)};
        last = drawReduced(**store, charts, r, image);
        if (i == 0)
            first = last;
        walls.push_back(last.wall);
        cpus.push_back(last.cpu);
    }
    image.save(QDir(o.cache).filePath(u"charts-last.png"_s));
    const double reduced = median(walls);
    std::printf("\nanalyzer (SeriesBuilder + AnalyzerChart), %d charts, %lld points drawn:\n"
                "  median %.1f ms wall, %.1f ms CPU over %d runs (first %.1f ms; last run: query "
                "%.1f, lines %.1f, render %.1f ms)\n  tier: %s rows, one column per %lld s\n",
                o.nodes + 1, static_cast<long long>(last.points), reduced, median(cpus), o.repeat,
                first.wall, last.query, last.show, last.draw,
                qPrintable(store::tierName(charts.back().chart->chartData().grid.tier)),
                static_cast<long long>(charts.back().chart->chartData().grid.columnSeconds));

    // The baseline, on the newest hours (raw rows), scaled to the whole.
    const std::int64_t baselineSeconds = std::int64_t{o.baselineHours} * 3600;
    Timing base;
    for (int n = 1; n <= o.baselineNodes; ++n) {
        const Timing t =
            drawBaseline(**store, static_cast<analyzer::NodeId>(n),
                         range.last - baselineSeconds + 1, range.last, o.width, o.height, image);
        base.wall += t.wall;
        base.cpu += t.cpu;
        base.query += t.query;
        base.show += t.show;
        base.draw += t.draw;
        base.points += t.points;
    }
    const double scale =
        (static_cast<double>(o.nodes) / o.baselineNodes) *
        (static_cast<double>(o.days) * 86400.0 / static_cast<double>(baselineSeconds));
    const double baseline = base.wall * scale;
    std::printf("\nbaseline (QLineSeries with every raw point): measured %d node(s) x %d h, "
                "%lld points: %.0f ms wall, %.0f ms CPU\n  (rows %.0f, replace %.0f, render %.0f "
                "ms); scaled x%.0f to %d nodes x %d days: %.1f s\n",
                o.baselineNodes, o.baselineHours, static_cast<long long>(base.points), base.wall,
                base.cpu, base.query, base.show, base.draw, scale, o.nodes, o.days,
                baseline / 1000.0);

    const double speedup = baseline / reduced;
    const QByteArray what = u"draw %1 days x %2 nodes"_s.arg(o.days).arg(o.nodes).toUtf8();
    std::printf("\n%-44s %12s %14s\n", what.constData(), "analyzer", "baseline");
    std::printf("%-44s %9.1f ms %11.1f s\n", "time (wall, median)", reduced, baseline / 1000.0);
    std::printf("%-44s %11.0fx\n", "faster by", speedup);
    std::printf("goal (30 days x 64 nodes): under 200 ms and at least 100x faster: %s\n",
                reduced < 200 && speedup >= 100 ? "met" : "NOT met");
    std::printf("(load average %s on %d CPUs while measuring)\n", qPrintable(loadAverage()),
                QThread::idealThreadCount());
    return 0;
}
