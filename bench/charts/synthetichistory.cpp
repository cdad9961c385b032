#include "synthetichistory.h"

#include <QFileInfo>
#include <array>
#include <cmath>
#include <numbers>
#include <omview/store/schema.h>
#include <sqlite3.h>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using omview::store::Metric;
using omview::store::MetricCount;
using omview::store::NodeSample;

namespace benchcharts {

namespace {

std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb3f97f4a7c15ULL;
    x ^= x >> 33;
    return x;
}

constexpr std::uint64_t GiB = std::uint64_t{1} << 30;

// The slow parts of a node's signals, the same for a whole minute.
struct MinuteShape {
    double load;
    double memFraction;
};

MinuteShape minuteShape(std::int64_t t, int node, int nodes) {
    const std::int64_t minute = t - t % 60;
    const double day = static_cast<double>(minute % 86400) / 86400.0;
    const double phase = static_cast<double>(node) / static_cast<double>(nodes);
    const double wave = std::sin(2 * std::numbers::pi * (day + phase));
    const double slow = std::sin(2 * std::numbers::pi * static_cast<double>(minute) / 259200.0 +
                                 static_cast<double>(node));
    return {45 + 25 * wave, 0.35 + 0.15 * slow};
}

NodeSample sample(std::int64_t t, int node, const MinuteShape &shape) {
    const std::uint64_t h =
        mix(static_cast<std::uint64_t>(t) * 65537 + static_cast<unsigned>(node));
    NodeSample s;
    s.node = static_cast<omview::store::NodeId>(node);
    s.status = 3;
    double load = shape.load + static_cast<double>(h % 21) - 10;
    // A tenth of an hour in forty is a burst of work: well above 75.
    const std::uint64_t block =
        mix(static_cast<std::uint64_t>(t / 600) * 131 + static_cast<unsigned>(node));
    if (block % 40 == 0)
        load += 90 + static_cast<double>((block >> 8) % 80);
    s.load = static_cast<std::uint32_t>(std::max(0.0, load));
    s.util = std::min<std::uint32_t>(100, s.load * 9 / 10);
    s.memTotal = (std::uint64_t{16} * GiB) << (node % 3);
    s.memUsed = static_cast<std::uint64_t>(static_cast<double>(s.memTotal) * shape.memFraction) +
                ((h >> 16) % 512) * (std::uint64_t{1} << 20);
    s.memFree = s.memTotal - s.memUsed - s.memTotal / 10;
    s.speed = 10000;
    s.cpus = 4u << (node % 3);
    return s;
}

std::array<double, MetricCount> values(const NodeSample &s) {
    std::array<double, MetricCount> v{};
    for (int m = 0; m < MetricCount; ++m)
        v[m] = static_cast<double>(s.value(omview::store::AllMetrics[m]));
    return v;
}

struct Aggregate {
    std::int64_t n = 0;
    std::array<double, MetricCount> min{}, max{}, sum{};

    void add(const std::array<double, MetricCount> &v) {
        for (int m = 0; m < MetricCount; ++m) {
            min[m] = n == 0 ? v[m] : std::min(min[m], v[m]);
            max[m] = n == 0 ? v[m] : std::max(max[m], v[m]);
            sum[m] += v[m];
        }
        ++n;
    }
};

class Db {
public:
    explicit Db(const QString &path) {
        m_rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
    }
    ~Db() { sqlite3_close_v2(m_db); }
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;

    bool ok() const { return m_rc == SQLITE_OK; }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
    bool exec(const char *sql) {
        m_rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
        return ok();
    }
    sqlite3_stmt *prepare(const std::string &sql) {
        sqlite3_stmt *stmt = nullptr;
        m_rc = sqlite3_prepare_v3(m_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (m_rc == SQLITE_OK)
            m_statements.push_back(stmt);
        return stmt;
    }
    bool run(sqlite3_stmt *stmt) {
        m_rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        if (m_rc == SQLITE_DONE)
            m_rc = SQLITE_OK;
        return ok();
    }
    void finalize() {
        for (sqlite3_stmt *s : m_statements)
            sqlite3_finalize(s);
        m_statements.clear();
    }

private:
    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_OK;
    std::vector<sqlite3_stmt *> m_statements;
};

std::string placeholders(int count) {
    std::string s;
    for (int i = 1; i <= count; ++i)
        s += (i > 1 ? ",?" : "?") + std::to_string(i);
    return s;
}

void bindAggregate(sqlite3_stmt *stmt, int first, const Aggregate &a, bool integers) {
    for (int m = 0; m < MetricCount; ++m) {
        if (integers) {
            sqlite3_bind_int64(stmt, first + 3 * m, static_cast<std::int64_t>(a.min[m]));
            sqlite3_bind_int64(stmt, first + 3 * m + 1, static_cast<std::int64_t>(a.max[m]));
            sqlite3_bind_int64(stmt, first + 3 * m + 2, static_cast<std::int64_t>(a.sum[m]));
        } else {
            sqlite3_bind_double(stmt, first + 3 * m, a.min[m]);
            sqlite3_bind_double(stmt, first + 3 * m + 1, a.max[m]);
            sqlite3_bind_double(stmt, first + 3 * m + 2, a.sum[m]);
        }
    }
}

// The hour tiers from the minute rows, aggregated as the store's rollup does.
std::string hourRollup(bool cluster) {
    std::string s = cluster ? "INSERT INTO cluster_hour SELECT t / 3600 * 3600, sum(n)"
                            : "INSERT INTO node_hour SELECT node, t / 3600 * 3600, sum(n)";
    for (Metric m : omview::store::AllMetrics) {
        std::string c = omview::store::metricName(m).toStdString();
        // metricName is camelCase; the columns are snake_case.
        std::string col;
        for (char ch : c) {
            if (ch >= 'A' && ch <= 'Z') {
                col += '_';
                col += static_cast<char>(ch - 'A' + 'a');
            } else {
                col += ch;
            }
        }
        s += ", min(" + col + "_min), max(" + col + "_max), " + (cluster ? "total" : "sum") + "(" +
             col + "_sum)";
    }
    s += cluster ? " FROM cluster_minute GROUP BY t / 3600"
                 : " FROM node_minute GROUP BY node, t / 3600";
    return s;
}

} // namespace

NodeSample sampleAt(std::int64_t t, int node, int nodes) {
    return sample(t, node, minuteShape(t, node, nodes));
}

std::expected<void, QString> writeHistory(const QString &path, const HistoryShape &shape) {
    if (QFileInfo::exists(path))
        return std::unexpected(u"%1 exists already"_s.arg(path));
    if (shape.start % 3600 != 0 || shape.seconds % 3600 != 0 || shape.seconds <= 0 ||
        shape.rawSeconds > shape.seconds || shape.nodes < 1)
        return std::unexpected(u"a history of whole hours, from an hour boundary"_s);
    if (auto init = omview::store::initializeDatabase(path); !init)
        return std::unexpected(init.error().message);
    Db db(path);
    const auto fail = [&](const char *what) {
        return std::unexpected(u"%1: %2: %3"_s.arg(path, QString::fromUtf8(what), db.error()));
    };
    if (!db.ok() || !db.exec("PRAGMA synchronous = OFF") ||
        !db.exec("PRAGMA cache_size = -262144") || !db.exec("BEGIN"))
        return fail("setting up");

    const int nodes = shape.nodes;
    const std::int64_t end = shape.start + shape.seconds;
    const std::int64_t rawFrom = end - shape.rawSeconds;
    auto *insertNode = db.prepare("INSERT INTO nodes VALUES (?1, ?2, ?3, ?4, ?5)");
    auto *insertMinute =
        db.prepare("INSERT INTO node_minute VALUES (" + placeholders(3 + 3 * MetricCount) + ")");
    auto *insertClusterMinute =
        db.prepare("INSERT INTO cluster_minute VALUES (" + placeholders(2 + 3 * MetricCount) + ")");
    auto *insertRaw = db.prepare("INSERT INTO node_raw VALUES (" + placeholders(10) + ")");
    auto *insertClusterRaw = db.prepare("INSERT INTO cluster_raw VALUES (" + placeholders(9) + ")");
    if (!insertNode || !insertMinute || !insertClusterMinute || !insertRaw || !insertClusterRaw)
        return fail("preparing");

    // The cluster's value each second needs every node's: summed here while
    // the nodes are generated one after the other.
    const auto seconds = static_cast<size_t>(shape.seconds);
    std::vector<std::array<double, MetricCount>> cluster(seconds);
    for (int node = 1; node <= nodes; ++node) {
        const QByteArray name = u"n%1"_s.arg(node).toUtf8();
        const QByteArray address = u"10.1.%1.%2"_s.arg(node / 256).arg(node % 256).toUtf8();
        sqlite3_bind_int(insertNode, 1, node);
        sqlite3_bind_text(insertNode, 2, name.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insertNode, 3, address.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(insertNode, 4, shape.start);
        sqlite3_bind_int64(insertNode, 5, end - 1);
        if (!db.run(insertNode))
            return fail("nodes");
        for (std::int64_t minute = shape.start; minute < end; minute += 60) {
            const MinuteShape slow = minuteShape(minute, node, nodes);
            Aggregate a;
            for (std::int64_t t = minute; t < minute + 60; ++t) {
                const auto v = values(sample(t, node, slow));
                a.add(v);
                auto &c = cluster[static_cast<size_t>(t - shape.start)];
                for (int m = 0; m < MetricCount; ++m)
                    c[m] += v[m];
            }
            sqlite3_bind_int(insertMinute, 1, node);
            sqlite3_bind_int64(insertMinute, 2, minute);
            sqlite3_bind_int64(insertMinute, 3, a.n);
            bindAggregate(insertMinute, 4, a, true);
            if (!db.run(insertMinute))
                return fail("node_minute");
        }
    }
    for (auto &c : cluster) {
        // clusterAverages(): the mean for load and util, the sum for the rest.
        c[static_cast<int>(Metric::Load)] /= nodes;
        c[static_cast<int>(Metric::Util)] /= nodes;
    }
    for (std::int64_t minute = shape.start; minute < end; minute += 60) {
        Aggregate a;
        for (std::int64_t t = minute; t < minute + 60; ++t)
            a.add(cluster[static_cast<size_t>(t - shape.start)]);
        sqlite3_bind_int64(insertClusterMinute, 1, minute);
        sqlite3_bind_int64(insertClusterMinute, 2, a.n);
        bindAggregate(insertClusterMinute, 3, a, false);
        if (!db.run(insertClusterMinute))
            return fail("cluster_minute");
    }
    for (std::int64_t t = rawFrom; t < end; ++t) {
        for (int node = 1; node <= nodes; ++node) {
            const NodeSample s = sampleAt(t, node, nodes);
            sqlite3_bind_int64(insertRaw, 1, t);
            sqlite3_bind_int(insertRaw, 2, node);
            sqlite3_bind_int(insertRaw, 3, s.status);
            sqlite3_bind_int64(insertRaw, 4, s.load);
            sqlite3_bind_int64(insertRaw, 5, s.util);
            sqlite3_bind_int64(insertRaw, 6, static_cast<std::int64_t>(s.memUsed));
            sqlite3_bind_int64(insertRaw, 7, static_cast<std::int64_t>(s.memFree));
            sqlite3_bind_int64(insertRaw, 8, static_cast<std::int64_t>(s.memTotal));
            sqlite3_bind_int64(insertRaw, 9, s.speed);
            sqlite3_bind_int64(insertRaw, 10, s.cpus);
            if (!db.run(insertRaw))
                return fail("node_raw");
        }
        const auto &c = cluster[static_cast<size_t>(t - shape.start)];
        sqlite3_bind_int64(insertClusterRaw, 1, t);
        sqlite3_bind_int(insertClusterRaw, 2, nodes);
        for (int m = 0; m < MetricCount; ++m)
            sqlite3_bind_double(insertClusterRaw, 3 + m, c[m]);
        if (!db.run(insertClusterRaw))
            return fail("cluster_raw");
    }
    db.finalize();
    const std::string markers =
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('rollup.minute', " + std::to_string(end) +
        "), ('rollup.hour', " + std::to_string(end) + ")";
    if (!db.exec(hourRollup(false).c_str()) || !db.exec(hourRollup(true).c_str()) ||
        !db.exec(markers.c_str()))
        return fail("rolling up hours");
    // Checkpoints as an operator would leave them.
    const std::string checkpoints =
        "INSERT INTO checkpoints(t, label) VALUES (" + std::to_string(shape.start + 3 * 86400) +
        ", 'kernel update'), (" + std::to_string(end - 86400 / 2) + ", 'benchmark run')";
    if (!db.exec(checkpoints.c_str()) || !db.exec("COMMIT") || !db.exec("PRAGMA optimize"))
        return fail("committing");
    return {};
}

} // namespace benchcharts
