// bench_store: what the collector's store costs.
//
//  1. Ingestion rate: node samples per second through StoreWriter, next to a
//     bare loop writing the same rows. Goal: at least 80 % of the bare loop.
//     What is compared, for each durability setting:
//       - the store: StoreWriter, one transaction per tick (a tick is every
//         node's sample of one second, plus the cluster's row), its rollups
//         running between ticks as they do in the collector;
//       - the bare loop: the same rows -- each tick's node_raw rows and its
//         cluster_raw row -- inserted with prepared statements, one
//         transaction per tick, into a file made with the store's schema,
//         with the writer's settings (WAL, the same synchronous level, cache
//         and journal limits), on the same file system.
//     Both have written one tick before the clock starts (a running collector
//     knows its nodes). Best of three interleaved runs each.
//  2. CPU for 10 000 nodes at one sample a second: ten simulated minutes
//     (across an hour boundary, so minute and hour rollups and pruning all
//     run), CPU time of the store per simulated second with durability full
//     (the collector's default), next to the bare loop committing the same
//     rows once a second. Goal: under 5 % of a core.
//
// durability=full fsyncs every tick's commit, so the file system matters: on
// tmpfs an fsync costs nothing and the figures say nothing about a disk. The
// files go to the build tree's bench-cache/ by default (a disk), --dir DIR
// elsewhere; the file system is printed beside the figures.
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
#include <linux/magic.h>
#include <omview/store/schema.h>
#include <omview/store/storewriter.h>
#include <sqlite3.h>
#include <string>
#include <sys/vfs.h>
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

// The bare loop: a file with the store's schema, the writer's settings, and
// one prepared INSERT per table -- no store around it.
struct Bare {
    sqlite3 *db = nullptr;
    sqlite3_stmt *insert = nullptr;
    sqlite3_stmt *insertCluster = nullptr;

    Bare(const QString &path, Durability durability) {
        if (auto made = initializeDatabase(path); !made) {
            std::fprintf(stderr, "bench_store: %s\n", qPrintable(made.error().message));
            std::exit(1);
        }
        check(sqlite3_open(path.toUtf8().constData(), &db), db, "open");
        // As schema::configureWriter() sets up the collector's connection.
        const std::string setup =
            std::string("PRAGMA journal_mode = WAL; PRAGMA synchronous = ") +
            (durability == Durability::Full ? "FULL" : "NORMAL") +
            "; PRAGMA cache_size = -32768; PRAGMA journal_size_limit = 16777216; "
            "PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF";
        exec(setup.c_str());
        check(sqlite3_prepare_v2(db,
                                 "INSERT INTO node_raw(t, node, status, load, util, mem_used, "
                                 "mem_free, mem_total, speed, cpus) VALUES (?1, ?2, ?3, ?4, ?5, "
                                 "?6, ?7, ?8, ?9, ?10)",
                                 -1, &insert, nullptr),
              db, "prepare");
        check(sqlite3_prepare_v2(db,
                                 "INSERT INTO cluster_raw(t, nodes, load, util, mem_used, "
                                 "mem_free, mem_total, speed, cpus) VALUES (?1, ?2, ?3, ?4, ?5, "
                                 "?6, ?7, ?8, ?9)",
                                 -1, &insertCluster, nullptr),
              db, "prepare");
    }
    ~Bare() {
        sqlite3_finalize(insert);
        sqlite3_finalize(insertCluster);
        sqlite3_close(db);
    }
    void exec(const char *sql) { check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql); }
    // One tick in one transaction, as the store writes it.
    void write(const Tick &tick) {
        exec("BEGIN IMMEDIATE");
        double sum[7] = {};
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
            sum[0] += s.load;
            sum[1] += s.util;
            sum[2] += static_cast<double>(s.memUsed);
            sum[3] += static_cast<double>(s.memFree);
            sum[4] += static_cast<double>(s.memTotal);
            sum[5] += s.speed;
            sum[6] += s.cpus;
        }
        const auto n = static_cast<double>(tick.nodes.size());
        sqlite3_bind_int64(insertCluster, 1, tick.t);
        sqlite3_bind_int64(insertCluster, 2, tick.nodes.size());
        for (int i = 0; i < 7; ++i)
            sqlite3_bind_double(insertCluster, 3 + i, i < 2 ? sum[i] / n : sum[i]);
        check(sqlite3_step(insertCluster), db, "insert cluster");
        sqlite3_reset(insertCluster);
        exec("COMMIT");
    }
};

// What the directory's file system is, for reading the durability=full figures.
QString fileSystem(const QString &dir) {
    struct statfs fs;
    if (statfs(dir.toLocal8Bit().constData(), &fs) != 0)
        return QStringLiteral("unknown file system");
    switch (fs.f_type) {
    case TMPFS_MAGIC:
        return QStringLiteral("tmpfs: fsync is free, durability=full costs nothing here");
    case RAMFS_MAGIC:
        return QStringLiteral("ramfs: fsync is free, durability=full costs nothing here");
    case EXT4_SUPER_MAGIC:
        return QStringLiteral("ext2/3/4");
    case XFS_SUPER_MAGIC:
        return QStringLiteral("xfs");
    case BTRFS_SUPER_MAGIC:
        return QStringLiteral("btrfs");
    case OVERLAYFS_SUPER_MAGIC:
        return QStringLiteral("overlayfs");
    default:
        return QStringLiteral("file system type 0x%1")
            .arg(static_cast<qulonglong>(fs.f_type), 0, 16);
    }
}

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
    if (base.isEmpty())
        base = QStringLiteral(BENCH_STORE_DIR);
    QDir().mkpath(base);
    QTemporaryDir dir(base + QStringLiteral("/bench_store-XXXXXX"));
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_store: cannot make a temporary directory in %s\n",
                     qPrintable(base));
        return 1;
    }
    std::vector<QString> names(static_cast<size_t>(nodes) + 1);
    for (int n = 1; n <= nodes; ++n)
        names[static_cast<size_t>(n)] = QStringLiteral("node%1").arg(n);

    // Starts five minutes before an hour boundary: a tick of the minute
    // before, then a minute of ticks (whose first one has the writer roll
    // that minute up: one rollup per minute, as in a running collector).
    const std::int64_t start = 1700002800 - 300;
    const int rateTicks = 60;
    const Tick warmUp = makeTick(start - 1, nodes, names);
    std::vector<Tick> ticks;
    ticks.reserve(rateTicks);
    for (int i = 0; i < rateTicks; ++i)
        ticks.push_back(makeTick(start + i, nodes, names));
    const double rows = static_cast<double>(rateTicks) * nodes;

    std::printf("bench_store: %d nodes, files in %s\n  (%s)\n", nodes, qPrintable(dir.path()),
                qPrintable(fileSystem(dir.path())));
#ifndef __OPTIMIZE__
    std::printf("warning: built without optimisation, the store's figures are pessimistic; "
                "configure with -DCMAKE_BUILD_TYPE=Release\n");
#endif
    std::printf("\n");

    // 1. Ingestion rate: the best of three runs each, interleaved, so that a
    // busy moment of the machine does not decide the comparison.
    constexpr Durability Modes[2] = {Durability::Full, Durability::Normal};
    double bareRate[2] = {0, 0};
    double storeRate[2] = {0, 0};
    for (int round = 0; round < 3; ++round) {
        for (int mode = 0; mode < 2; ++mode) {
            {
                Bare bare(dir.filePath(QStringLiteral("bare-rate-%1-%2.db").arg(round).arg(mode)),
                          Modes[mode]);
                bare.write(warmUp);
                const double w0 = wallSeconds();
                for (const Tick &tick : ticks)
                    bare.write(tick);
                bareRate[mode] = std::max(bareRate[mode], rows / (wallSeconds() - w0));
            }
            auto writer =
                openWriter(dir.filePath(QStringLiteral("store-rate-%1-%2.db").arg(round).arg(mode)),
                           Modes[mode]);
            submit(*writer, warmUp);
            wait(writer->flush());
            const double w0 = wallSeconds();
            for (const Tick &tick : ticks)
                submit(*writer, tick);
            wait(writer->flush());
            storeRate[mode] = std::max(storeRate[mode], rows / (wallSeconds() - w0));
            writer->close();
        }
    }
    std::printf("ingestion: %d ticks of %d node samples, each tick one transaction, best of 3\n",
                rateTicks, nodes);
    std::printf("  %-44s %12s %12s %7s\n", "", "store", "bare loop", "store");
    const char *modeNames[2] = {"durability full (fsync per commit; default):",
                                "durability normal (fsync at checkpoints):"};
    for (int mode = 0; mode < 2; ++mode) {
        std::printf("  %-44s %8.0f k/s %8.0f k/s %6.0f %%\n", modeNames[mode],
                    storeRate[mode] / 1000.0, bareRate[mode] / 1000.0,
                    100.0 * storeRate[mode] / bareRate[mode]);
    }
    std::printf("  (rows per second; goal: the store at least 80 %% of the bare loop)\n\n");

    // 2. CPU per simulated second, durability full.
    double storeCpu = 0;
    double storeWall = 0;
    {
        auto writer = openWriter(dir.filePath(QStringLiteral("store-cpu.db")));
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
        Bare bare(dir.filePath(QStringLiteral("bare-cpu.db")), Durability::Full);
        double generating = 0;
        const double c0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
        for (int i = 0; i < seconds; ++i) {
            const double g0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
            Tick tick = makeTick(start + i, nodes, names);
            generating += cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - g0;
            bare.write(tick);
        }
        bareCpu = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - c0 - generating;
    }
    const double perSecond = 1000.0 * storeCpu / seconds;
    std::printf("CPU for %d nodes at one sample a second, durability full (%d simulated "
                "seconds, %.1f s wall)\n",
                nodes, seconds, storeWall);
    std::printf("  %-44s %9.1f ms = %5.2f %% of a core  (goal < 5 %%)\n",
                "store (ticks, rollups, pruning):", perSecond, perSecond / 10.0);
    std::printf("  %-44s %9.1f ms = %5.2f %% of a core\n",
                "bare loop (the same rows, a txn a second):", 1000.0 * bareCpu / seconds,
                100.0 * bareCpu / seconds);
    return 0;
}
