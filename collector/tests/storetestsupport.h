// Helpers shared by the store tests: deterministic samples, writing ticks,
// reading a database file directly with SQLite.
#pragma once

#include <QFuture>
#include <QString>
#include <QTest>
#include <QThread>
#include <functional>
#include <omview/store/storewriter.h>
#include <optional>
#include <sqlite3.h>
#include <string>

namespace storetest {

using namespace omview::store;

inline std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb3f97f4a7c15ULL;
    x ^= x >> 33;
    return x;
}

// A node's sample at second t: the same values every time it is asked.
inline NodeSample sampleAt(std::int64_t t, NodeId node) {
    const std::uint64_t h = mix(static_cast<std::uint64_t>(t) * 65537 + node);
    NodeSample s;
    s.node = node;
    s.hostname = QStringLiteral("n%1").arg(node);
    s.address = QStringLiteral("10.0.0.%1").arg(node);
    s.status = 3;
    s.load = static_cast<std::uint32_t>(h % 1000);
    s.util = static_cast<std::uint32_t>((h >> 10) % 101);
    s.memTotal = (std::uint64_t{8} << 30) * node;
    s.memUsed = (h >> 20) % s.memTotal;
    s.memFree = s.memTotal - s.memUsed;
    s.speed = 10000 + node;
    s.cpus = 1 + node % 8;
    return s;
}

// The cluster value of a metric at t over the given samples (clusterAverages()).
inline double clusterValue(const QList<NodeSample> &samples, Metric m) {
    double sum = 0;
    for (const NodeSample &s : samples)
        sum += static_cast<double>(s.value(m));
    return clusterAverages(m) ? sum / static_cast<double>(samples.size()) : sum;
}

template<class T> T await(QFuture<T> future) {
    future.waitForFinished();
    return future.result();
}

// Submits, waiting while the writer's queue is full.
inline void submit(StoreWriter &writer, Tick tick) {
    for (int attempt = 0; attempt < 20000; ++attempt) {
        auto done = writer.submit(tick);
        if (done)
            return;
        if (done.error().kind != StoreError::Kind::Busy)
            QFAIL(qPrintable(done.error().message));
        QThread::msleep(1);
    }
    QFAIL("the writer's queue stayed full");
}

// Writes ticks [from, from + count) for nodes 1..nodes, skipping the (t, node)
// pairs @p present rejects.
inline void writeTicks(StoreWriter &writer, std::int64_t from, std::int64_t count, NodeId nodes,
                       const std::function<bool(std::int64_t, NodeId)> &present = {}) {
    for (std::int64_t t = from; t < from + count; ++t) {
        Tick tick;
        tick.t = t;
        for (NodeId n = 1; n <= nodes; ++n) {
            if (!present || present(t, n))
                tick.nodes.append(sampleAt(t, n));
        }
        submit(writer, std::move(tick));
    }
}

inline WriterOptions testOptions(const QString &path) {
    WriterOptions o;
    o.path = path;
    // Tests write hours of ticks in seconds; an fsync each would take minutes.
    o.durability = Durability::Normal;
    o.idleRollup = std::chrono::hours(1);
    return o;
}

// Direct read access to a database file, for checking what the store wrote.
class RawDb {
public:
    explicit RawDb(const QString &path, bool writable = false) {
        const QByteArray name = path.toUtf8();
        sqlite3_open_v2(name.constData(), &m_db,
                        writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, nullptr);
    }
    ~RawDb() { sqlite3_close_v2(m_db); }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    // The first column of the first row as an integer; nullopt for no row / NULL / error.
    std::optional<std::int64_t> integer(const std::string &sql) {
        sqlite3_stmt *stmt = nullptr;
        std::optional<std::int64_t> value;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return value;
    }
    QString text(const std::string &sql) {
        sqlite3_stmt *stmt = nullptr;
        QString value;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return value;
    }
    // Every row, each as its columns' values.
    QList<QList<double>> rows(const std::string &sql) {
        sqlite3_stmt *stmt = nullptr;
        QList<QList<double>> out;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            qWarning("%s: %s", sql.c_str(), sqlite3_errmsg(m_db));
            return out;
        }
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            QList<double> row;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i)
                row.append(sqlite3_column_double(stmt, i));
            out.append(row);
        }
        sqlite3_finalize(stmt);
        return out;
    }
    bool exec(const std::string &sql) {
        char *message = nullptr;
        const bool ok = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK;
        if (!ok)
            qWarning("%s: %s", sql.c_str(), message);
        sqlite3_free(message);
        return ok;
    }
    QString integrity() { return text("PRAGMA integrity_check"); }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace storetest
