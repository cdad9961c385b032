// bench_store: what the collector's store costs.
//
//  1. Ingestion rate: node samples per second through StoreWriter (one
//     transaction per tick), with each durability setting, next to a bare
//     prepared-insert loop into the same table layout in one transaction.
//     Goal: at least 80 % of the bare loop.
//  2. CPU for 10 000 nodes at one sample a second: ten simulated minutes
//     (across an hour boundary, so minute and hour rollups and pruning all
//     run), CPU time of the store per simulated second, next to a bare loop
//     committing the same rows once a second. Goal: under 5 % of a core.
//
//   bench_store [--nodes N] [--seconds S] [--dir DIR]
#include <QDir>
#include <QString>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <omview/store/storewriter.h>
#include <sqlite3.h>
#include <string>
#include <vector>

using namespace omview::store;

namespace {

double cpuSeconds(clockid_t clock) {
    timespec t;
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double wallSeconds() {
    return cpuSeconds(CLOCK_MONOTONIC);
}

std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

// Nodes' samples at t; names shared between ticks as a real feed's are.
Tick makeTick(std::int64_t t, int nodes, const std::vector<QString> &names) {
    Tick tick;
    tick.t = t;
    tick.nodes.reserve(nodes);
    for (int n = 1; n <= nodes; ++n) {
        const std::uint64_t h =
            mix(static_cast<std::uint64_t>(t) * 65537 + static_cast<unsigned>(n));
        NodeSample s;
        s.node = static_cast<NodeId>(n);
        s.hostname = names[static_cast<size_t>(n)];
        s.address = names[static_cast<size_t>(n)];
        s.status = 3;
        s.load = static_cast<std::uint32_t>(h % 800);
        s.util = static_cast<std::uint32_t>((h >> 10) % 101);
        s.memTotal = std::uint64_t{64} << 30;
        s.memUsed = (h >> 20) % s.memTotal;
        s.memFree = s.memTotal - s.memUsed;
        s.speed = 10000;
        s.cpus = 32;
        tick.nodes.append(std::move(s));
    }
    return tick;
}

void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "bench_store: %s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

// The bare loop: node_raw's layout, one prepared INSERT, no store around it.
struct Bare {
    sqlite3 *db = nullptr;
    sqlite3_stmt *insert = nullptr;

    explicit Bare(const std::string &path) {
        check(sqlite3_open(path.c_str(), &db), db, "open");
        check(sqlite3_exec(db,
                           "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                           "PRAGMA cache_size = -32768; "
                           "CREATE TABLE node_raw(t INTEGER NOT NULL, node INTEGER NOT NULL, "
                           "status INTEGER NOT NULL, load INTEGER NOT NULL, util INTEGER NOT NULL, "
                           "mem_used INTEGER NOT NULL, mem_free INTEGER NOT NULL, "
                           "mem_total INTEGER NOT NULL, speed INTEGER NOT NULL, "
                           "cpus INTEGER NOT NULL, PRIMARY KEY (t, node)) STRICT, WITHOUT ROWID",
                           nullptr, nullptr, nullptr),
              db, "schema");
        check(sqlite3_prepare_v2(db,
                                 "INSERT INTO node_raw VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                 "?9, ?10)",
                                 -1, &insert, nullptr),
              db, "prepare");
    }
    ~Bare() {
        sqlite3_finalize(insert);
        sqlite3_close(db);
    }
    void exec(const char *sql) { check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql); }
    void write(const Tick &tick) {
        for (const NodeSample &s : tick.nodes) {
            sqlite3_bind_int64(insert, 1, tick.t);
            sqlite3_bind_int64(insert, 2, s.node);
            sqlite3_bind_int64(insert, 3, s.status);
            sqlite3_bind_int64(insert, 4, s.load);
            sqlite3_bind_int64(insert, 5, s.util);
            sqlite3_bind_int64(insert, 6, static_cast<sqlite3_int64>(s.memUsed));
            sqlite3_bind_int64(insert, 7, static_cast<sqlite3_int64>(s.memFree));
            sqlite3_bind_int64(insert, 8, static_cast<sqlite3_int64>(s.memTotal));
            sqlite3_bind_int64(insert, 9, s.speed);
            sqlite3_bind_int64(insert, 10, s.cpus);
            check(sqlite3_step(insert), db, "insert");
            sqlite3_reset(insert);
        }
    }
};

std::unique_ptr<StoreWriter> openWriter(const QString &path,
                                        Durability durability = Durability::Full) {
    WriterOptions options;
    options.path = path;
    options.durability = durability; // Full is the daemon's default
    // Short enough that pruning runs within the simulated minutes.
    options.retention.raw = std::chrono::seconds(120);
    options.retention.processes = std::chrono::seconds(120);
    auto writer = StoreWriter::open(options);
    if (!writer) {
        std::fprintf(stderr, "bench_store: %s\n", qPrintable(writer.error().message));
        std::exit(1);
    }
    return std::move(*writer);
}

void submit(StoreWriter &writer, Tick tick) {
    for (;;) {
        auto done = writer.submit(tick);
        if (done)
            return;
        if (done.error().kind != StoreError::Kind::Busy) {
            std::fprintf(stderr, "bench_store: %s\n", qPrintable(done.error().message));
            std::exit(1);
        }
        timespec pause{0, 1000000};
        nanosleep(&pause, nullptr);
    }
}

void wait(QFuture<StoreResult<void>> future) {
    future.waitForFinished();
    if (!future.result()) {
        std::fprintf(stderr, "bench_store: %s\n", qPrintable(future.result().error().message));
        std::exit(1);
    }
}

} // namespace

int main(int argc, char *argv[]) {
    int nodes = 10000;
    int seconds = 600;
    QString base;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--nodes"))
            nodes = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seconds"))
            seconds = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--dir"))
            base = QString::fromLocal8Bit(argv[i + 1]);
    }
    if (nodes < 1 || nodes > 65535 || seconds < 60) {
        std::fprintf(stderr,
                     "usage: bench_store [--nodes 1..65535] [--seconds >=60] [--dir DIR]\n");
        return 2;
    }
    QTemporaryDir dir(base.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_store-XXXXXX")
                                     : base + QStringLiteral("/bench_store-XXXXXX"));
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_store: cannot make a temporary directory\n");
        return 1;
    }
    std::vector<QString> names(static_cast<size_t>(nodes) + 1);
    for (int n = 1; n <= nodes; ++n)
        names[static_cast<size_t>(n)] = QStringLiteral("node%1").arg(n);

    // Starts five minutes before an hour boundary.
    const std::int64_t start = 1700002800 - 300;
    const int rateTicks = 60;
    std::vector<Tick> ticks;
    ticks.reserve(rateTicks);
    for (int i = 0; i < rateTicks; ++i)
        ticks.push_back(makeTick(start + i, nodes, names));
    const double rows = static_cast<double>(rateTicks) * nodes;

    std::printf("bench_store: %d nodes, files in %s\n", nodes, qPrintable(dir.path()));
#ifndef __OPTIMIZE__
    std::printf("warning: built without optimisation, the store's figures are pessimistic; "
                "configure with -DCMAKE_BUILD_TYPE=Release\n");
#endif
    std::printf("\n");

    // 1. Ingestion rate: the best of three runs each, interleaved, so that a
    // busy moment of the machine does not decide the comparison.
    double bareRate = 0;
    double storeRate[2] = {0, 0}; // durability full, normal
    for (int round = 0; round < 3; ++round) {
        {
            Bare bare((dir.path() + QStringLiteral("/bare-rate-%1.db").arg(round)).toStdString());
            const double w0 = wallSeconds();
            bare.exec("BEGIN");
            for (const Tick &tick : ticks)
                bare.write(tick);
            bare.exec("COMMIT");
            bareRate = std::max(bareRate, rows / (wallSeconds() - w0));
        }
        for (int mode = 0; mode < 2; ++mode) {
            auto writer =
                openWriter(dir.path() + QStringLiteral("/store-rate-%1-%2.db").arg(round).arg(mode),
                           mode == 0 ? Durability::Full : Durability::Normal);
            const double w0 = wallSeconds();
            for (const Tick &tick : ticks)
                submit(*writer, tick);
            wait(writer->flush());
            storeRate[mode] = std::max(storeRate[mode], rows / (wallSeconds() - w0));
            writer->close();
        }
    }
    std::printf("ingestion (%d ticks of %d node samples, best of 3)\n", rateTicks, nodes);
    std::printf("  %-48s %12.0f rows/s  %4.0f %%\n",
                "store, durability normal (a txn per tick):", storeRate[1],
                100.0 * storeRate[1] / bareRate);
    std::printf("  %-48s %12.0f rows/s  %4.0f %%\n",
                "store, durability full (+ an fsync per tick):", storeRate[0],
                100.0 * storeRate[0] / bareRate);
    std::printf("  %-48s %12.0f rows/s   100 %%  (goal: store >= 80 %%)\n\n",
                "baseline (bare prepared INSERT, one txn):", bareRate);

    // 2. CPU per simulated second.
    double storeCpu = 0;
    double storeWall = 0;
    {
        auto writer = openWriter(dir.path() + QStringLiteral("/store-cpu.db"));
        double generating = 0;
        const double c0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
        const double w0 = wallSeconds();
        for (int i = 0; i < seconds; ++i) {
            const double g0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
            Tick tick = makeTick(start + i, nodes, names);
            generating += cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - g0;
            submit(*writer, std::move(tick));
        }
        wait(writer->catchUp());
        storeCpu = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - c0 - generating;
        storeWall = wallSeconds() - w0;
        writer->close();
    }
    double bareCpu = 0;
    {
        Bare bare((dir.path() + QStringLiteral("/bare-cpu.db")).toStdString());
        double generating = 0;
        const double c0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
        for (int i = 0; i < seconds; ++i) {
            const double g0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
            Tick tick = makeTick(start + i, nodes, names);
            generating += cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - g0;
            bare.exec("BEGIN");
            bare.write(tick);
            bare.exec("COMMIT");
        }
        bareCpu = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - c0 - generating;
    }
    const double perSecond = 1000.0 * storeCpu / seconds;
    std::printf("CPU for %d nodes at one sample a second (%d simulated seconds, %.1f s wall)\n",
                nodes, seconds, storeWall);
    std::printf("  %-44s %9.1f ms = %5.2f %% of a core  (goal < 5 %%)\n",
                "store (ticks, rollups, pruning):", perSecond, perSecond / 10.0);
    std::printf("  %-44s %9.1f ms = %5.2f %% of a core\n",
                "baseline (bare INSERTs, a txn a second):", 1000.0 * bareCpu / seconds,
                100.0 * bareCpu / seconds);
    return 0;
}
