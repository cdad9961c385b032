// What the analyzer tests share: a collector database filled through the
// store's own writer with a few nodes' deterministic history (a node with a
// gap, a node with a load spike, checkpoints), the expected values computed
// from the same generator, and where screenshots go.
#pragma once

#include <QDir>
#include <QFuture>
#include <QString>
#include <QTest>
#include <QThread>
#include <cmath>
#include <functional>
#include <omview/store/storewriter.h>

namespace analyzertest {

using namespace omview::store;

constexpr std::int64_t Start = 1700002800; // an hour boundary
constexpr std::int64_t Hours = 6;
constexpr std::int64_t Length = Hours * 3600;
constexpr NodeId Nodes = 4;
constexpr std::int64_t SpikeFrom = Start + 2 * 3600;   // node 2 above 100 for 5 minutes
constexpr std::int64_t SpikeTo = SpikeFrom + 300;      // exclusive
constexpr std::int64_t GapFrom = Start + 3000;         // node 3 away for 10 minutes
constexpr std::int64_t GapTo = GapFrom + 600;          // exclusive
constexpr std::int64_t CheckpointAt = SpikeFrom - 120; // "deploy" just before the spike
constexpr std::uint64_t GiB = std::uint64_t{1} << 30;

inline std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb3f97f4a7c15ULL;
    x ^= x >> 33;
    return x;
}

inline bool present(std::int64_t t, NodeId node) {
    return !(node == 3 && t >= GapFrom && t < GapTo);
}

// A node's sample at second t: the same every time it is asked.
inline NodeSample sampleAt(std::int64_t t, NodeId node) {
    const std::uint64_t h = mix(static_cast<std::uint64_t>(t) * 65537 + node);
    NodeSample s;
    s.node = node;
    s.hostname = QStringLiteral("n%1").arg(node);
    s.address = QStringLiteral("10.0.0.%1").arg(node);
    s.status = 3;
    // A slow wave per node, noise, and node 2's spike.
    const double wave = 12 * std::sin(static_cast<double>(t - Start) / 1800.0 + node);
    double load = 20 + 10 * node + wave + static_cast<double>(h % 9);
    if (node == 2 && t >= SpikeFrom && t < SpikeTo)
        load = 130 + static_cast<double>(h % 40);
    s.load = static_cast<std::uint32_t>(load);
    s.util = std::min<std::uint32_t>(100, s.load);
    s.memTotal = GiB * 4 * node;
    s.memUsed = s.memTotal / 4 + (static_cast<std::uint64_t>((t - Start) / 600) % 4) * (GiB / 4) +
                (h >> 20) % (64u << 20);
    s.memFree = s.memTotal - s.memUsed;
    s.speed = 10000;
    s.cpus = 4;
    return s;
}

template<class T> T await(QFuture<T> future) {
    future.waitForFinished();
    return future.result();
}

inline WriterOptions writerOptions(const QString &path) {
    WriterOptions o;
    o.path = path;
    o.durability = Durability::Normal; // hours of ticks in seconds
    o.idleRollup = std::chrono::hours(1);
    return o;
}

// Ticks [from, to) for nodes 1..Nodes, waiting while the writer's queue is full.
inline bool writeTicks(StoreWriter &writer, std::int64_t from, std::int64_t to,
                       NodeId nodes = Nodes) {
    for (std::int64_t t = from; t < to; ++t) {
        Tick tick;
        tick.t = t;
        for (NodeId n = 1; n <= nodes; ++n) {
            if (present(t, n))
                tick.nodes.append(sampleAt(t, n));
        }
        for (int attempt = 0;; ++attempt) {
            auto done = writer.submit(tick);
            if (done)
                break;
            if (done.error().kind != StoreError::Kind::Busy || attempt > 20000) {
                qWarning("submit at %lld: %s", static_cast<long long>(t),
                         qPrintable(done.error().message));
                return false;
            }
            QThread::msleep(1);
        }
    }
    return true;
}

// The standard history: Hours of Nodes nodes, rolled up, two checkpoints.
inline bool fillStandard(const QString &path) {
    auto writer = StoreWriter::open(writerOptions(path));
    if (!writer)
        return false;
    if (!writeTicks(**writer, Start, Start + Length))
        return false;
    if (!await((*writer)->addCheckpoint(CheckpointAt, QStringLiteral("deploy v2"))))
        return false;
    if (!await((*writer)->addCheckpoint(GapFrom + 60, QStringLiteral("n3 rebooted"))))
        return false;
    if (!await((*writer)->catchUp()))
        return false;
    (*writer)->close();
    return true;
}

struct Expected {
    std::int64_t samples = 0;
    double min = 0, max = 0, sum = 0;
    double avg() const { return samples ? sum / static_cast<double>(samples) : 0; }
};

// A metric of a node (0: the cluster, as the store makes it) over [from, to].
inline Expected expected(NodeId node, Metric metric, std::int64_t from, std::int64_t to) {
    Expected e;
    for (std::int64_t t = from; t <= to; ++t) {
        double v = 0;
        if (node == 0) {
            double sum = 0;
            int count = 0;
            for (NodeId n = 1; n <= Nodes; ++n) {
                if (present(t, n)) {
                    sum += static_cast<double>(sampleAt(t, n).value(metric));
                    ++count;
                }
            }
            if (count == 0)
                continue;
            v = clusterAverages(metric) ? sum / count : sum;
        } else {
            if (!present(t, node))
                continue;
            v = static_cast<double>(sampleAt(t, node).value(metric));
        }
        e.min = e.samples ? std::min(e.min, v) : v;
        e.max = e.samples ? std::max(e.max, v) : v;
        e.sum += v;
        ++e.samples;
    }
    return e;
}

// Where review screenshots go: $OMVIEW_SCREENSHOT_DIR, else the build's.
inline QString screenshotPath(const QString &name) {
    QString dir = qEnvironmentVariable("OMVIEW_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(OMVIEW_SCREENSHOT_DEFAULT_DIR);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

} // namespace analyzertest
