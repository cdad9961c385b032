#include "schemaimpl.h"

#include <QFileInfo>
#include <QStringList>
#include <omview/store/schema.h>

using namespace Qt::StringLiterals;

namespace omview::store {

namespace schema {

namespace {

// Version 1. Kept verbatim: files created by it are upgraded by the steps below.
//
// node_raw is clustered by (t, node): every tick appends at the end of the
// b-tree, so a tick of 10 000 nodes dirties about a hundred pages. Clustered
// by (node, t), or with a (node, t) index, the same tick dirties a page per
// node (measured while designing: about 220 ms of CPU per tick against 20).
// A node's rows are found with one primary-key seek per second (or a range
// scan for small clusters); ranges longer than a few hours are answered from
// node_minute and node_hour, clustered by (node, t), which take one insert
// per node per minute or hour.
//
// cluster_* hold the cluster's value per second (see clusterAverages()) so
// cluster series never aggregate across nodes at query time. They are REAL:
// the sums of a large cluster's memory over an hour exceed 64-bit integers.
constexpr char Version1[] = R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY NOT NULL,
  value ANY
) STRICT, WITHOUT ROWID;

CREATE TABLE nodes(
  node INTEGER PRIMARY KEY,
  hostname TEXT NOT NULL,
  address TEXT NOT NULL,
  first_t INTEGER NOT NULL,
  last_t INTEGER NOT NULL
) STRICT;

CREATE TABLE node_raw(
  t INTEGER NOT NULL,
  node INTEGER NOT NULL,
  status INTEGER NOT NULL,
  load INTEGER NOT NULL,
  util INTEGER NOT NULL,
  mem_used INTEGER NOT NULL,
  mem_free INTEGER NOT NULL,
  mem_total INTEGER NOT NULL,
  speed INTEGER NOT NULL,
  cpus INTEGER NOT NULL,
  PRIMARY KEY (t, node)
) STRICT, WITHOUT ROWID;

CREATE TABLE node_minute(
  node INTEGER NOT NULL,
  t INTEGER NOT NULL,
  n INTEGER NOT NULL,
  load_min INTEGER NOT NULL, load_max INTEGER NOT NULL, load_sum INTEGER NOT NULL,
  util_min INTEGER NOT NULL, util_max INTEGER NOT NULL, util_sum INTEGER NOT NULL,
  mem_used_min INTEGER NOT NULL, mem_used_max INTEGER NOT NULL, mem_used_sum INTEGER NOT NULL,
  mem_free_min INTEGER NOT NULL, mem_free_max INTEGER NOT NULL, mem_free_sum INTEGER NOT NULL,
  mem_total_min INTEGER NOT NULL, mem_total_max INTEGER NOT NULL, mem_total_sum INTEGER NOT NULL,
  speed_min INTEGER NOT NULL, speed_max INTEGER NOT NULL, speed_sum INTEGER NOT NULL,
  cpus_min INTEGER NOT NULL, cpus_max INTEGER NOT NULL, cpus_sum INTEGER NOT NULL,
  PRIMARY KEY (node, t)
) STRICT, WITHOUT ROWID;

CREATE TABLE node_hour(
  node INTEGER NOT NULL,
  t INTEGER NOT NULL,
  n INTEGER NOT NULL,
  load_min INTEGER NOT NULL, load_max INTEGER NOT NULL, load_sum INTEGER NOT NULL,
  util_min INTEGER NOT NULL, util_max INTEGER NOT NULL, util_sum INTEGER NOT NULL,
  mem_used_min INTEGER NOT NULL, mem_used_max INTEGER NOT NULL, mem_used_sum INTEGER NOT NULL,
  mem_free_min INTEGER NOT NULL, mem_free_max INTEGER NOT NULL, mem_free_sum INTEGER NOT NULL,
  mem_total_min INTEGER NOT NULL, mem_total_max INTEGER NOT NULL, mem_total_sum INTEGER NOT NULL,
  speed_min INTEGER NOT NULL, speed_max INTEGER NOT NULL, speed_sum INTEGER NOT NULL,
  cpus_min INTEGER NOT NULL, cpus_max INTEGER NOT NULL, cpus_sum INTEGER NOT NULL,
  PRIMARY KEY (node, t)
) STRICT, WITHOUT ROWID;

CREATE TABLE cluster_raw(
  t INTEGER PRIMARY KEY,
  nodes INTEGER NOT NULL,
  load REAL NOT NULL,
  util REAL NOT NULL,
  mem_used REAL NOT NULL,
  mem_free REAL NOT NULL,
  mem_total REAL NOT NULL,
  speed REAL NOT NULL,
  cpus REAL NOT NULL
) STRICT;

CREATE TABLE cluster_minute(
  t INTEGER PRIMARY KEY,
  n INTEGER NOT NULL,
  load_min REAL NOT NULL, load_max REAL NOT NULL, load_sum REAL NOT NULL,
  util_min REAL NOT NULL, util_max REAL NOT NULL, util_sum REAL NOT NULL,
  mem_used_min REAL NOT NULL, mem_used_max REAL NOT NULL, mem_used_sum REAL NOT NULL,
  mem_free_min REAL NOT NULL, mem_free_max REAL NOT NULL, mem_free_sum REAL NOT NULL,
  mem_total_min REAL NOT NULL, mem_total_max REAL NOT NULL, mem_total_sum REAL NOT NULL,
  speed_min REAL NOT NULL, speed_max REAL NOT NULL, speed_sum REAL NOT NULL,
  cpus_min REAL NOT NULL, cpus_max REAL NOT NULL, cpus_sum REAL NOT NULL
) STRICT;

CREATE TABLE cluster_hour(
  t INTEGER PRIMARY KEY,
  n INTEGER NOT NULL,
  load_min REAL NOT NULL, load_max REAL NOT NULL, load_sum REAL NOT NULL,
  util_min REAL NOT NULL, util_max REAL NOT NULL, util_sum REAL NOT NULL,
  mem_used_min REAL NOT NULL, mem_used_max REAL NOT NULL, mem_used_sum REAL NOT NULL,
  mem_free_min REAL NOT NULL, mem_free_max REAL NOT NULL, mem_free_sum REAL NOT NULL,
  mem_total_min REAL NOT NULL, mem_total_max REAL NOT NULL, mem_total_sum REAL NOT NULL,
  speed_min REAL NOT NULL, speed_max REAL NOT NULL, speed_sum REAL NOT NULL,
  cpus_min REAL NOT NULL, cpus_max REAL NOT NULL, cpus_sum REAL NOT NULL
) STRICT;

CREATE TABLE checkpoints(
  id INTEGER PRIMARY KEY,
  t INTEGER NOT NULL,
  label TEXT NOT NULL
) STRICT;
CREATE INDEX checkpoints_by_t ON checkpoints(t);

-- A process instance: what stays the same while it lives. Samples refer to it.
CREATE TABLE procs(
  id INTEGER PRIMARY KEY,
  node INTEGER NOT NULL,
  pid INTEGER NOT NULL,
  start_ms INTEGER NOT NULL,
  ppid INTEGER NOT NULL,
  uid INTEGER NOT NULL,
  user TEXT NOT NULL,
  command TEXT NOT NULL,
  cmdline TEXT NOT NULL,
  tty TEXT NOT NULL,
  home INTEGER NOT NULL,
  guest INTEGER NOT NULL,
  first_t INTEGER NOT NULL,
  UNIQUE (node, pid, start_ms)
) STRICT;

-- One node's process list at one tick. Ids grow with t.
CREATE TABLE proc_snapshots(
  id INTEGER PRIMARY KEY,
  t INTEGER NOT NULL,
  node INTEGER NOT NULL,
  processes INTEGER NOT NULL
) STRICT;
CREATE INDEX proc_snapshots_by_t ON proc_snapshots(t);

CREATE TABLE proc_samples(
  snapshot INTEGER NOT NULL,
  proc INTEGER NOT NULL,
  state TEXT NOT NULL,
  cpu_pct REAL NOT NULL,
  cpu_ms INTEGER NOT NULL,
  rss INTEGER NOT NULL,
  nice INTEGER NOT NULL,
  where_node INTEGER NOT NULL,
  nmigs INTEGER NOT NULL,
  locked INTEGER NOT NULL,
  cantmove TEXT,
  PRIMARY KEY (snapshot, proc)
) STRICT, WITHOUT ROWID;

INSERT INTO meta(key, value) VALUES ('application', 'omview-collector');
INSERT INTO meta(key, value) VALUES ('created', unixepoch());
)sql";

// Version 2: the history browser's queries. A node's snapshots by time, and
// one process's samples (its history, and finding processes no sample refers
// to any more when pruning).
constexpr char Version2[] = R"sql(
CREATE INDEX proc_snapshots_by_node ON proc_snapshots(node, t);
CREATE INDEX proc_samples_by_proc ON proc_samples(proc, snapshot);
)sql";

// Version 3: finished process migrations, one row per move, written from the
// sources' "done" and "failed" events. The move's ID is its key, so an event that
// reaches the collector twice is one row. t is the collector's second (the tick it
// came with), like every other row, so retention and ranges use one clock; at_ms is
// the source's. Kept as long as process history (Retention::processes).
constexpr char Version3[] = R"sql(
CREATE TABLE migrations(
  id TEXT PRIMARY KEY NOT NULL,
  t INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  pid INTEGER NOT NULL,
  command TEXT NOT NULL,
  home INTEGER NOT NULL,
  from_node INTEGER NOT NULL,
  to_node INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'failed')),
  failure TEXT NOT NULL,
  message TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  freeze_ms INTEGER NOT NULL,
  total_ms INTEGER NOT NULL,
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX migrations_by_t ON migrations(t);
)sql";

// Migration i brings a database from version i to i + 1.
constexpr const char *Migrations[] = {Version1, Version2, Version3};
static_assert(std::size(Migrations) == SchemaVersion);

StoreResult<int> userVersion(sql::Database &db) {
    auto v = db.queryInt("PRAGMA user_version");
    if (!v)
        return std::unexpected(v.error());
    return static_cast<int>(v->value_or(0));
}

} // namespace

const char *column(Metric metric) {
    switch (metric) {
    case Metric::Load:
        return "load";
    case Metric::Util:
        return "util";
    case Metric::MemUsed:
        return "mem_used";
    case Metric::MemFree:
        return "mem_free";
    case Metric::MemTotal:
        return "mem_total";
    case Metric::Speed:
        return "speed";
    case Metric::Cpus:
        return "cpus";
    }
    return "load";
}

StoreResult<int> check(sql::Database &db) {
    // The first read of a file that is not SQLite fails here with SQLITE_NOTADB.
    auto version = userVersion(db);
    if (!version) {
        StoreError error = version.error();
        if (error.kind == StoreError::Kind::NotACollectorDatabase)
            error.message = u"%1: not an SQLite database"_s.arg(db.path());
        return std::unexpected(error);
    }
    if (*version > SchemaVersion) {
        return std::unexpected(
            StoreError{StoreError::Kind::SchemaTooNew,
                       u"%1: the store's schema version %2 is newer than this program's %3; "
                       u"use a newer omview"_s.arg(db.path())
                           .arg(*version)
                           .arg(SchemaVersion),
                       0});
    }
    if (*version == 0) {
        auto tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                 "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
        if (!tables)
            return std::unexpected(tables.error());
        QStringList names;
        while (true) {
            auto row = tables->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            names.append(tables->text(0));
        }
        if (!names.isEmpty()) {
            return std::unexpected(
                StoreError{StoreError::Kind::NotACollectorDatabase,
                           u"%1: an SQLite database of another program (tables: %2)"_s.arg(
                               db.path(), names.mid(0, 5).join(u", "_s)),
                           0});
        }
        return 0;
    }
    auto app = db.prepare("SELECT value FROM meta WHERE key = 'application'");
    auto row = app ? app->step() : StoreResult<bool>(std::unexpected(app.error()));
    if (!row || !*row || app->text(0) != QLatin1StringView(Application)) {
        return std::unexpected(StoreError{
            StoreError::Kind::NotACollectorDatabase,
            u"%1: user_version is %2 but this is not an omview collector database"_s.arg(db.path())
                .arg(*version),
            0});
    }
    return *version;
}

StoreResult<void> ensure(sql::Database &db, int target) {
    if (target < 1 || target > SchemaVersion) {
        return std::unexpected(StoreError{
            StoreError::Kind::InvalidArgument,
            u"schema version %1 does not exist (1..%2)"_s.arg(target).arg(SchemaVersion), 0});
    }
    auto current = check(db);
    if (!current)
        return std::unexpected(current.error());
    if (*current >= target) {
        if (*current > target) {
            return std::unexpected(StoreError{
                StoreError::Kind::SchemaTooNew,
                u"%1: schema version %2 is newer than %3; versions are never downgraded"_s
                    .arg(db.path())
                    .arg(*current)
                    .arg(target),
                0});
        }
        return {};
    }
    auto tx = sql::Transaction::begin(db, sql::Transaction::Kind::Immediate);
    if (!tx)
        return std::unexpected(tx.error());
    // Another connection may have migrated while this one waited for the lock.
    current = check(db);
    if (!current)
        return std::unexpected(current.error());
    for (int v = *current; v < target; ++v) {
        if (auto done = db.exec(Migrations[v]); !done)
            return std::unexpected(done.error());
    }
    if (auto done = db.exec("PRAGMA user_version = " + std::to_string(target)); !done)
        return std::unexpected(done.error());
    if (*current > 0) {
        auto note = db.prepare("INSERT OR REPLACE INTO meta(key, value) "
                               "VALUES ('migrated.' || ?1, unixepoch())");
        if (!note)
            return std::unexpected(note.error());
        note->bind(1, target);
        if (auto done = note->run(); !done)
            return std::unexpected(done.error());
    }
    return tx->commit();
}

StoreResult<void> configureWriter(sql::Database &db, bool fullSync) {
    // WAL: readers (the console) never block the writer and a crash leaves
    // the database as of the last commit. The mode is stored in the file.
    auto mode = db.prepare("PRAGMA journal_mode = WAL");
    if (!mode)
        return std::unexpected(mode.error());
    auto row = mode->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row || mode->text(0).compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        return std::unexpected(
            StoreError{StoreError::Kind::Io,
                       u"%1: cannot switch to WAL mode (journal mode is %2)"_s.arg(
                           db.path(), *row ? mode->text(0) : u"unknown"_s),
                       0});
    }
    // FULL: each commit (one per tick) is fsynced, so a power cut loses at most
    // the tick being written. NORMAL would sync only at checkpoints and could
    // lose every tick since the last one; both keep the file consistent.
    const char *sync = fullSync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
    if (auto done = db.exec(sync); !done)
        return done;
    // Enough cache for the pages a tick of a large cluster and a rollup touch,
    // and a WAL that is truncated back after checkpoints instead of staying
    // at its largest size.
    return db.exec("PRAGMA cache_size = -32768; PRAGMA journal_size_limit = 16777216; "
                   "PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF");
}

} // namespace schema

StoreResult<void> initializeDatabase(const QString &path, int version) {
    if (version < 1 || version > SchemaVersion) {
        return std::unexpected(StoreError{
            StoreError::Kind::InvalidArgument,
            u"schema version %1 does not exist (1..%2)"_s.arg(version).arg(SchemaVersion), 0});
    }
    auto db = sql::Database::open(path, sql::Database::Mode::ReadWriteCreate);
    if (!db)
        return std::unexpected(db.error());
    if (auto done = schema::ensure(*db, version); !done)
        return done;
    return {};
}

StoreResult<int> databaseVersion(const QString &path) {
    if (!QFileInfo::exists(path)) {
        return std::unexpected(
            StoreError{StoreError::Kind::NotFound, u"%1: no such file"_s.arg(path), 0});
    }
    auto db = sql::Database::open(path, sql::Database::Mode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    return schema::check(*db);
}

} // namespace omview::store
