// collector.tiers: the minute and hour rows hold exactly the min, max, sum
// and count of the seconds they cover, for each node and for the cluster.
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>
#include <omview/store/storewriter.h>

using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

struct Expected {
    std::int64_t n = 0;
    std::array<std::int64_t, MetricCount> min{}, max{}, sum{};
    void add(const NodeSample &s) {
        for (int i = 0; i < MetricCount; ++i) {
            const auto v = static_cast<std::int64_t>(s.value(AllMetrics[i]));
            min[i] = n ? std::min(min[i], v) : v;
            max[i] = n ? std::max(max[i], v) : v;
            sum[i] += v;
        }
        ++n;
    }
};

struct ExpectedCluster {
    std::int64_t n = 0;
    std::array<double, MetricCount> min{}, max{}, sum{};
    void add(const QList<NodeSample> &samples) {
        for (int i = 0; i < MetricCount; ++i) {
            const double v = clusterValue(samples, AllMetrics[i]);
            min[i] = n ? std::min(min[i], v) : v;
            max[i] = n ? std::max(max[i], v) : v;
            sum[i] += v;
        }
        ++n;
    }
};

constexpr std::int64_t Hour0 = 1699999200; // an hour boundary
constexpr NodeId Nodes = 3;

bool present(std::int64_t t, NodeId node) {
    if (node == 3 && t >= Hour0 + 3200 && t < Hour0 + 3500)
        return false; // node 3 down for five minutes
    if (node == 2 && t % 7 == 0)
        return false; // node 2 misses a second now and then
    return true;
}

std::string tierColumns() {
    std::string s = "node, t, n";
    for (const char *c : {"load", "util", "mem_used", "mem_free", "mem_total", "speed", "cpus"})
        s += std::string(", ") + c + "_min, " + c + "_max, " + c + "_sum";
    return s;
}

} // namespace

class TiersTest : public QObject {
    Q_OBJECT

private slots:
    void rollupsAreExact_data();
    void rollupsAreExact();
    void idleRollupIsRedoneWhenTheMinuteContinues();
    void ticksListNodesInAnyOrder();

private:
    QTemporaryDir m_dir;
};

void TiersTest::rollupsAreExact_data() {
    QTest::addColumn<int>("restartEvery"); // 0: one writer throughout
    // From the writer's own running sums...
    QTest::newRow("one writer") << 0;
    // ...and from the raw rows, for minutes another writer began.
    QTest::newRow("a new writer every 97 s") << 97;
}

void TiersTest::rollupsAreExact() {
    QFETCH(int, restartEvery);
    const QString path = m_dir.filePath(u"tiers-%1.db"_s.arg(restartEvery));
    WriterOptions options = testOptions(path);
    options.batchRows = 100; // one node per raw rollup step: exercises the batching
    const std::int64_t start = Hour0 + 1234;
    const std::int64_t count = 9000; // 2.5 hours
    const std::int64_t last = start + count - 1;
    const std::int64_t slice = restartEvery ? restartEvery : count;
    for (std::int64_t from = start; from <= last; from += slice) {
        auto writer = StoreWriter::open(options);
        QVERIFY(writer);
        writeTicks(**writer, from, std::min(slice, last - from + 1), Nodes, present);
        QVERIFY(await((*writer)->flush()));
        QVERIFY(await((*writer)->catchUp()));
    }

    // What the tiers must hold, computed from the samples themselves.
    std::map<std::pair<NodeId, std::int64_t>, Expected> minutes, hours;
    std::map<std::int64_t, ExpectedCluster> clusterMinutes, clusterHours;
    const std::int64_t minuteMarker = last / 60 * 60; // minutes before it are complete
    const std::int64_t hourMarker = minuteMarker / 3600 * 3600;
    for (std::int64_t t = start; t <= last; ++t) {
        QList<NodeSample> tick;
        for (NodeId n = 1; n <= Nodes; ++n) {
            if (!present(t, n))
                continue;
            tick.append(sampleAt(t, n));
            if (t < minuteMarker)
                minutes[{n, t / 60 * 60}].add(tick.last());
            if (t < hourMarker)
                hours[{n, t / 3600 * 3600}].add(tick.last());
        }
        if (t < minuteMarker)
            clusterMinutes[t / 60 * 60].add(tick);
        if (t < hourMarker)
            clusterHours[t / 3600 * 3600].add(tick);
    }

    RawDb db(path);
    QCOMPARE(db.integer("SELECT value FROM meta WHERE key = 'rollup.minute'"), minuteMarker);
    QCOMPARE(db.integer("SELECT value FROM meta WHERE key = 'rollup.hour'"), hourMarker);

    for (auto [table, expected] :
         {std::pair{"node_minute", &minutes}, std::pair{"node_hour", &hours}}) {
        const auto rows =
            db.rows("SELECT " + tierColumns() + " FROM " + table + " ORDER BY node, t");
        QCOMPARE(rows.size(), static_cast<qsizetype>(expected->size()));
        auto it = expected->begin();
        for (const QList<double> &row : rows) {
            QCOMPARE(static_cast<NodeId>(row[0]), it->first.first);
            QCOMPARE(static_cast<std::int64_t>(row[1]), it->first.second);
            QCOMPARE(static_cast<std::int64_t>(row[2]), it->second.n);
            for (int i = 0; i < MetricCount; ++i) {
                // Read as doubles: exact for these magnitudes (< 2^53).
                QCOMPARE(static_cast<std::int64_t>(row[3 + 3 * i]), it->second.min[i]);
                QCOMPARE(static_cast<std::int64_t>(row[4 + 3 * i]), it->second.max[i]);
                QCOMPARE(static_cast<std::int64_t>(row[5 + 3 * i]), it->second.sum[i]);
            }
            ++it;
        }
    }
    // The integer sums exactly, checked in SQL where doubles would round.
    QCOMPARE(db.integer("SELECT sum(mem_used_sum) FROM node_minute WHERE node = 3"), [&] {
        std::int64_t s = 0;
        for (const auto &[key, e] : minutes)
            if (key.first == 3)
                s += e.sum[2];
        return s;
    }());

    for (auto [table, expected] :
         {std::pair{"cluster_minute", &clusterMinutes}, std::pair{"cluster_hour", &clusterHours}}) {
        const auto rows = db.rows(std::string("SELECT t, n, load_min, load_max, load_sum, "
                                              "util_min, util_max, util_sum, mem_used_min, "
                                              "mem_used_max, mem_used_sum, mem_free_min, "
                                              "mem_free_max, mem_free_sum, mem_total_min, "
                                              "mem_total_max, mem_total_sum, speed_min, "
                                              "speed_max, speed_sum, cpus_min, cpus_max, "
                                              "cpus_sum FROM ") +
                                  table + " ORDER BY t");
        QCOMPARE(rows.size(), static_cast<qsizetype>(expected->size()));
        auto it = expected->begin();
        for (const QList<double> &row : rows) {
            QCOMPARE(static_cast<std::int64_t>(row[0]), it->first);
            QCOMPARE(static_cast<std::int64_t>(row[1]), it->second.n);
            for (int i = 0; i < MetricCount; ++i) {
                QCOMPARE(row[2 + 3 * i], it->second.min[i]);
                QCOMPARE(row[3 + 3 * i], it->second.max[i]);
                QVERIFY(qAbs(row[4 + 3 * i] - it->second.sum[i]) <=
                        1e-12 * qAbs(it->second.sum[i]));
            }
            ++it;
        }
    }
    // The node that was down has fewer seconds in those minutes, and no
    // minute row for the minutes it missed entirely.
    QCOMPARE(db.integer("SELECT count(*) FROM node_minute WHERE node = 3 AND t >= " +
                        std::to_string(Hour0 + 3240) + " AND t < " + std::to_string(Hour0 + 3480)),
             0);
    QCOMPARE(db.integrity(), u"ok"_s);
}

void TiersTest::idleRollupIsRedoneWhenTheMinuteContinues() {
    const QString path = m_dir.filePath(u"idle.db"_s);
    WriterOptions options = testOptions(path);
    options.idleRollup = std::chrono::milliseconds(200);
    auto writer = StoreWriter::open(options);
    QVERIFY(writer);
    const std::int64_t base = Hour0;
    writeTicks(**writer, base, 30, 1);
    QVERIFY(await((*writer)->flush()));
    QThread::msleep(400);
    QVERIFY(await((*writer)->catchUp()));
    {
        RawDb db(path);
        // Idle: the half minute is rolled up as it is.
        QCOMPARE(
            db.integer("SELECT n FROM node_minute WHERE node = 1 AND t = " + std::to_string(base)),
            30);
        QCOMPARE(db.integer("SELECT n FROM cluster_minute WHERE t = " + std::to_string(base)), 30);
    }
    // The collector comes back within the same minute: the minute is redone.
    writeTicks(**writer, base + 30, 60, 1);
    QVERIFY(await((*writer)->flush()));
    QVERIFY(await((*writer)->catchUp()));
    RawDb db(path);
    QCOMPARE(db.integer("SELECT n FROM node_minute WHERE node = 1 AND t = " + std::to_string(base)),
             60);
    QCOMPARE(db.integer("SELECT n FROM cluster_minute WHERE t = " + std::to_string(base)), 60);
    Expected e;
    for (std::int64_t t = base; t < base + 60; ++t)
        e.add(sampleAt(t, 1));
    QCOMPARE(db.integer("SELECT load_sum FROM node_minute WHERE node = 1 AND t = " +
                        std::to_string(base)),
             e.sum[0]);
}

// The writer walks its nodes in the order ticks usually list them; ticks that
// list them otherwise, nodes that join, miss seconds or change their names
// are written and rolled up all the same.
void TiersTest::ticksListNodesInAnyOrder() {
    const QString path = m_dir.filePath(u"order.db"_s);
    const std::int64_t start = Hour0;
    const std::int64_t count = 180;
    const auto present = [&](std::int64_t t, NodeId n) {
        return !(n == 6 && t < start + 70) && !(n == 2 && t % 5 == 0);
    };
    const auto hostname = [&](std::int64_t t, NodeId n) {
        return n == 4 && t >= start + 100 ? u"renamed4"_s : u"n%1"_s.arg(n);
    };
    std::map<std::pair<NodeId, std::int64_t>, Expected> minutes;
    {
        auto writer = StoreWriter::open(testOptions(path));
        QVERIFY(writer);
        for (std::int64_t t = start; t < start + count; ++t) {
            QList<NodeId> order = {1, 2, 3, 4, 5, 6};
            if (t % 3 == 1)
                std::ranges::reverse(order);
            else if (t % 3 == 2)
                std::ranges::rotate(order, order.begin() + 4);
            Tick tick;
            tick.t = t;
            for (NodeId n : order) {
                if (!present(t, n))
                    continue;
                NodeSample sample = sampleAt(t, n);
                sample.hostname = hostname(t, n);
                tick.nodes.append(sample);
                minutes[{n, t / 60 * 60}].add(sample);
            }
            submit(**writer, std::move(tick));
        }
        QVERIFY(await((*writer)->catchUp()));
    }
    RawDb db(path);
    QCOMPARE(db.integer("SELECT count(*) FROM node_raw"), [&] {
        std::int64_t n = 0;
        for (const auto &[key, e] : minutes)
            n += e.n;
        return n;
    }());
    const std::int64_t marker = (start + count - 1) / 60 * 60;
    const auto rows = db.rows("SELECT " + tierColumns() + " FROM node_minute ORDER BY node, t");
    qsizetype checked = 0;
    for (const auto &[key, e] : minutes) {
        if (key.second >= marker)
            continue;
        QVERIFY(checked < rows.size());
        const QList<double> &row = rows[checked++];
        QCOMPARE(static_cast<NodeId>(row[0]), key.first);
        QCOMPARE(static_cast<std::int64_t>(row[1]), key.second);
        QCOMPARE(static_cast<std::int64_t>(row[2]), e.n);
        for (int i = 0; i < MetricCount; ++i) {
            QCOMPARE(static_cast<std::int64_t>(row[3 + 3 * i]), e.min[i]);
            QCOMPARE(static_cast<std::int64_t>(row[4 + 3 * i]), e.max[i]);
            QCOMPARE(static_cast<std::int64_t>(row[5 + 3 * i]), e.sum[i]);
        }
    }
    QCOMPARE(checked, rows.size());
    QCOMPARE(db.integer("SELECT count(*) FROM nodes"), 6);
    QCOMPARE(db.text("SELECT hostname FROM nodes WHERE node = 4"), u"renamed4"_s);
    QCOMPARE(db.text("SELECT hostname FROM nodes WHERE node = 5"), u"n5"_s);
    QCOMPARE(db.integer("SELECT first_t FROM nodes WHERE node = 6"), start + 70);
    QCOMPARE(db.integrity(), u"ok"_s);
}

QTEST_GUILESS_MAIN(TiersTest)
#include "tst_tiers.moc"
