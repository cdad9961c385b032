#include "logging.h"
#include "schemaimpl.h"
#include "sqlite.h"
#include "tierplan.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>
#include <QTimeZone>
#include <QUrl>
#include <omview/store/exporter.h>
#include <omview/store/schema.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace omview::store {

namespace {

constexpr std::int64_t MaxTime = std::int64_t{1} << 40;

StoreError error(StoreError::Kind kind, const QString &message) {
    return StoreError{kind, message, 0};
}

// Removes a half-written database and its side files unless released.
class PartialFile {
public:
    explicit PartialFile(QString path)
        : m_path(std::move(path)) {}
    ~PartialFile() {
        if (m_path.isEmpty())
            return;
        for (const char *suffix : {"", "-journal", "-wal", "-shm"})
            QFile::remove(m_path + QLatin1StringView(suffix));
    }
    const QString &path() const { return m_path; }
    void release() { m_path.clear(); }

private:
    QString m_path;
};

// A new empty file next to @p target with a unique name.
StoreResult<QString> makeTemporary(const QString &target) {
    const QFileInfo info(target);
    QTemporaryFile temp(info.absoluteDir().filePath(u".%1.XXXXXX"_s.arg(info.fileName())));
    temp.setAutoRemove(false);
    if (!temp.open()) {
        return std::unexpected(error(StoreError::Kind::ReadOnly,
                                     u"%1: cannot create a file in %2: %3"_s.arg(
                                         target, info.absolutePath(), temp.errorString())));
    }
    temp.close();
    return temp.fileName();
}

StoreResult<void> runBound(sql::Database &db, const char *text,
                           std::initializer_list<std::int64_t> args,
                           std::int64_t *changes = nullptr) {
    auto stmt = db.prepare(text);
    if (!stmt)
        return std::unexpected(stmt.error());
    const int count = sqlite3_bind_parameter_count(stmt->handle());
    int i = 1;
    for (std::int64_t a : args) {
        if (i <= count)
            stmt->bind(i, a);
        ++i;
    }
    if (auto done = stmt->run(); !done)
        return done;
    if (changes)
        *changes += sqlite3_changes(db.handle());
    return {};
}

StoreResult<std::int64_t> count(sql::Database &db, const char *table) {
    auto n = db.queryInt(std::string("SELECT count(*) FROM ") + table);
    if (!n)
        return std::unexpected(n.error());
    return n->value_or(0);
}

StoreResult<std::optional<TimeRange>> dataRange(sql::Database &db) {
    auto first = db.queryInt(
        "SELECT min(t) FROM (SELECT min(t) AS t FROM cluster_hour UNION ALL SELECT min(t) FROM "
        "cluster_minute UNION ALL SELECT min(t) FROM cluster_raw UNION ALL SELECT min(t) FROM "
        "proc_snapshots UNION ALL SELECT min(t) FROM checkpoints)");
    if (!first)
        return std::unexpected(first.error());
    auto last = db.queryInt(
        "SELECT max(t) FROM (SELECT max(t) AS t FROM cluster_hour UNION ALL SELECT max(t) FROM "
        "cluster_minute UNION ALL SELECT max(t) FROM cluster_raw UNION ALL SELECT max(t) FROM "
        "proc_snapshots UNION ALL SELECT max(t) FROM checkpoints)");
    if (!last)
        return std::unexpected(last.error());
    if (!*first || !*last)
        return std::optional<TimeRange>{};
    return std::optional<TimeRange>{TimeRange{**first, **last}};
}

// Standalone files use a rollback journal: one file to copy around.
StoreResult<void> finishCopy(sql::Database &copy, const ExportRequest &r, ExportResult &result) {
    if (auto done = runBound(copy,
                             "INSERT OR REPLACE INTO meta(key, value) VALUES ('export.from', ?1), "
                             "('export.to', ?2), ('export.at', unixepoch())",
                             {r.from, r.to});
        !done)
        return done;
    for (const char *table : {"node_raw", "node_minute", "node_hour"}) {
        auto n = count(copy, table);
        if (!n)
            return std::unexpected(n.error());
        result.nodeRows += *n;
    }
    auto samples = count(copy, "proc_samples");
    if (!samples)
        return std::unexpected(samples.error());
    result.processRows = *samples;
    return copy.exec("PRAGMA journal_mode = DELETE");
}

StoreResult<void> trimCopy(sql::Database &copy, const ExportRequest &r) {
    // Rows written after the range was checked (the collector kept going).
    static constexpr const char *trims[] = {
        "DELETE FROM node_raw WHERE t < ?1 OR t > ?2",
        "DELETE FROM cluster_raw WHERE t < ?1 OR t > ?2",
        "DELETE FROM node_minute WHERE (node, t) IN (SELECT m.node, m.t FROM nodes n "
        "CROSS JOIN node_minute m ON m.node = n.node AND (m.t < ?1 OR m.t > ?2))",
        "DELETE FROM node_hour WHERE (node, t) IN (SELECT h.node, h.t FROM nodes n "
        "CROSS JOIN node_hour h ON h.node = n.node AND (h.t < ?1 OR h.t > ?2))",
        "DELETE FROM cluster_minute WHERE t < ?1 OR t > ?2",
        "DELETE FROM cluster_hour WHERE t < ?1 OR t > ?2",
        "DELETE FROM proc_samples WHERE snapshot IN (SELECT id FROM proc_snapshots WHERE t > ?2)",
        "DELETE FROM proc_snapshots WHERE t > ?2",
        "DELETE FROM procs WHERE first_t > ?2",
        "DELETE FROM checkpoints WHERE t < ?1 OR t > ?2",
        "DELETE FROM migrations WHERE t < ?1 OR t > ?2",
    };
    auto tx = sql::Transaction::begin(copy, sql::Transaction::Kind::Immediate);
    if (!tx)
        return std::unexpected(tx.error());
    for (const char *text : trims) {
        if (auto done = runBound(copy, text, {r.from, r.to}); !done)
            return done;
    }
    return tx->commit();
}

StoreResult<void> copyRange(sql::Database &copy, const QString &source, const ExportRequest &r) {
    const QString uri =
        QUrl::fromLocalFile(QFileInfo(source).absoluteFilePath()).toString(QUrl::FullyEncoded) +
        u"?mode=ro"_s;
    auto attach = copy.prepare("ATTACH DATABASE ?1 AS src");
    if (!attach)
        return std::unexpected(attach.error());
    attach->bind(1, uri);
    if (auto done = attach->run(); !done)
        return done;

    // The rows whose time is in [?1, ?2], in every tier. One transaction: one
    // snapshot of the source.
    static constexpr const char *copies[] = {
        "INSERT INTO main.nodes SELECT * FROM src.nodes WHERE first_t <= ?2",
        "INSERT INTO main.node_raw SELECT * FROM src.node_raw WHERE t BETWEEN ?1 AND ?2",
        "INSERT INTO main.cluster_raw SELECT * FROM src.cluster_raw WHERE t BETWEEN ?1 AND ?2",
        "INSERT INTO main.node_minute SELECT m.* FROM src.nodes n CROSS JOIN src.node_minute m "
        "ON m.node = n.node AND m.t BETWEEN ?1 AND ?2",
        "INSERT INTO main.node_hour SELECT h.* FROM src.nodes n CROSS JOIN src.node_hour h "
        "ON h.node = n.node AND h.t BETWEEN ?1 AND ?2",
        "INSERT INTO main.cluster_minute SELECT * FROM src.cluster_minute WHERE t BETWEEN ?1 AND "
        "?2",
        "INSERT INTO main.cluster_hour SELECT * FROM src.cluster_hour WHERE t BETWEEN ?1 AND ?2",
        "INSERT INTO main.checkpoints SELECT * FROM src.checkpoints WHERE t BETWEEN ?1 AND ?2",
        "INSERT INTO main.migrations SELECT * FROM src.migrations WHERE t BETWEEN ?1 AND ?2",
        "INSERT INTO main.proc_snapshots SELECT * FROM src.proc_snapshots WHERE t BETWEEN ?1 AND "
        "?2",
        // Snapshot ids grow with time, so the range's snapshots are an id range.
        "INSERT INTO main.proc_samples SELECT * FROM src.proc_samples WHERE snapshot BETWEEN "
        "(SELECT min(id) FROM main.proc_snapshots) AND (SELECT max(id) FROM main.proc_snapshots)",
        "INSERT INTO main.procs SELECT * FROM src.procs WHERE id IN "
        "(SELECT DISTINCT proc FROM main.proc_samples)",
        "INSERT OR REPLACE INTO main.meta SELECT * FROM src.meta WHERE key LIKE 'rollup.%'",
    };
    {
        auto tx = sql::Transaction::begin(copy, sql::Transaction::Kind::Immediate);
        if (!tx)
            return std::unexpected(tx.error());
        for (const char *text : copies) {
            if (auto done = runBound(copy, text, {r.from, r.to}); !done)
                return done;
        }
        if (auto done = tx->commit(); !done)
            return done;
    }
    return copy.exec("DETACH DATABASE src");
}

StoreResult<ExportResult> exportSqlite(sql::Database &source, const QString &sourcePath,
                                       const ExportRequest &r) {
    auto range = dataRange(source);
    if (!range)
        return std::unexpected(range.error());
    auto tempPath = makeTemporary(r.target);
    if (!tempPath)
        return std::unexpected(tempPath.error());
    PartialFile partial(*tempPath);

    ExportResult result;
    result.wholeDatabase = *range && (*range)->first >= r.from && (*range)->last <= r.to;
    if (result.wholeDatabase) {
        // The whole file: VACUUM INTO writes a compact, consistent copy.
        auto vacuum = source.prepare("VACUUM INTO ?1");
        if (!vacuum)
            return std::unexpected(vacuum.error());
        vacuum->bind(1, partial.path());
        if (auto done = vacuum->run(); !done)
            return std::unexpected(done.error());
        auto copy = sql::Database::open(partial.path(), sql::Database::Mode::ReadWrite);
        if (!copy)
            return std::unexpected(copy.error());
        if (auto done = schema::ensure(*copy, SchemaVersion); !done)
            return std::unexpected(done.error());
        if (auto done = trimCopy(*copy, r); !done)
            return std::unexpected(done.error());
        if (auto done = finishCopy(*copy, r, result); !done)
            return std::unexpected(done.error());
    } else {
        // Part of it: a new file with the schema, filled from the attached source.
        source = sql::Database(); // the copy reads through its own attachment
        if (auto done = initializeDatabase(partial.path()); !done)
            return std::unexpected(done.error());
        auto copy = sql::Database::open(partial.path(), sql::Database::Mode::ReadWrite, true);
        if (!copy)
            return std::unexpected(copy.error());
        if (auto done = copyRange(*copy, sourcePath, r); !done)
            return std::unexpected(done.error());
        if (auto done = finishCopy(*copy, r, result); !done)
            return std::unexpected(done.error());
    }
    if (!QFile::rename(partial.path(), r.target)) {
        return std::unexpected(
            error(QFileInfo::exists(r.target) ? StoreError::Kind::Exists : StoreError::Kind::Io,
                  u"%1: cannot rename %2 to it"_s.arg(r.target, partial.path())));
    }
    partial.release();
    result.files = {r.target};
    return result;
}

// ---- CSV ----

QByteArray csvField(const QString &text) {
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') &&
        !utf8.contains('\r') && utf8.trimmed() == utf8)
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray isoTime(std::int64_t t) {
    return QDateTime::fromSecsSinceEpoch(t, QTimeZone::UTC).toString(Qt::ISODate).toLatin1();
}

QByteArray number(double v) {
    return QByteArray::number(v, 'g', 15);
}

// Writes the rows a statement yields through @p line, buffered.
class CsvFile {
public:
    explicit CsvFile(const QString &path)
        : m_file(path) {}
    bool open() { return m_file.open(QIODevice::WriteOnly); }
    void line(const QByteArray &text) {
        m_buffer += text;
        m_buffer += "\r\n";
        if (m_buffer.size() > (1 << 20))
            flush();
    }
    bool commit() {
        flush();
        return m_file.commit();
    }
    QString errorString() const { return m_file.errorString(); }
    QString fileName() const { return m_file.fileName(); }

private:
    void flush() {
        if (!m_buffer.isEmpty())
            m_file.write(m_buffer);
        m_buffer.clear();
    }
    QSaveFile m_file;
    QByteArray m_buffer;
};

StoreResult<std::int64_t> writeNodeRows(sql::Database &db, const ExportRequest &r, CsvFile &out) {
    out.line("time,t,node,hostname,tier,samples,status,load,util,mem_used,mem_free,mem_total,"
             "speed,cpus");
    auto cov = loadCoverage(db);
    if (!cov)
        return std::unexpected(cov.error());
    std::int64_t rows = 0;
    for (const Segment &segment : planSeries(*cov, Tier::Raw, r.from, r.to)) {
        std::string text;
        if (segment.tier == Tier::Raw) {
            text = "SELECT r.t, r.node, coalesce(n.hostname, ''), 1, r.status, r.load, r.util, "
                   "r.mem_used, r.mem_free, r.mem_total, r.speed, r.cpus FROM node_raw r "
                   "LEFT JOIN nodes n ON n.node = r.node WHERE r.t BETWEEN ?1 AND ?2 "
                   "ORDER BY r.t, r.node";
        } else {
            const char *table = segment.tier == Tier::Minute ? "node_minute" : "node_hour";
            text = std::string("SELECT m.t, m.node, n.hostname, m.n, NULL");
            for (Metric metric : AllMetrics)
                text += std::string(", m.") + schema::column(metric) + "_sum * 1.0 / m.n";
            text += std::string(" FROM nodes n CROSS JOIN ") + table +
                    " m ON m.node = n.node AND m.t BETWEEN ?1 AND ?2 ORDER BY m.t, m.node";
        }
        auto stmt = db.prepare(text);
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, segment.from).bind(2, segment.to);
        const QByteArray tier = tierName(segment.tier).toLatin1();
        for (;;) {
            auto row = stmt->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            QByteArray line = isoTime(stmt->int64(0)) + ',' + QByteArray::number(stmt->int64(0)) +
                              ',' + QByteArray::number(stmt->int64(1)) + ',' +
                              csvField(stmt->text(2)) + ',' + tier + ',' +
                              QByteArray::number(stmt->int64(3)) + ',';
            if (!stmt->isNull(4))
                line += QByteArray::number(stmt->int64(4));
            for (int i = 0; i < MetricCount; ++i) {
                line += ',';
                line += segment.tier == Tier::Raw ? QByteArray::number(stmt->int64(5 + i))
                                                  : number(stmt->real(5 + i));
            }
            out.line(line);
            ++rows;
        }
    }
    return rows;
}

StoreResult<std::int64_t> writeProcessRows(sql::Database &db, const ExportRequest &r,
                                           CsvFile &out) {
    out.line("time,t,node,pid,ppid,user,command,state,cpu_percent,cpu_time_ms,rss,nice,"
             "start_time,where,home,nmigs,locked,guest,cantmove,cmdline");
    auto stmt = db.prepare(
        "SELECT ps.t, p.node, p.pid, p.ppid, p.user, p.command, s.state, s.cpu_pct, s.cpu_ms, "
        "s.rss, s.nice, p.start_ms, s.where_node, p.home, s.nmigs, s.locked, p.guest, "
        "coalesce(s.cantmove, ''), p.cmdline FROM proc_snapshots ps "
        "JOIN proc_samples s ON s.snapshot = ps.id JOIN procs p ON p.id = s.proc "
        "WHERE ps.t BETWEEN ?1 AND ?2 ORDER BY ps.t, p.node, p.pid");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, r.from).bind(2, r.to);
    std::int64_t rows = 0;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const std::int64_t startMs = stmt->int64(11);
        QByteArray line = isoTime(stmt->int64(0)) + ',' + QByteArray::number(stmt->int64(0));
        for (int i : {1, 2, 3})
            line += ',' + QByteArray::number(stmt->int64(i));
        line += ',' + csvField(stmt->text(4)) + ',' + csvField(stmt->text(5)) + ',' +
                csvField(stmt->text(6)) + ',' + number(stmt->real(7));
        for (int i : {8, 9, 10})
            line += ',' + QByteArray::number(stmt->int64(i));
        line += ',' + QDateTime::fromMSecsSinceEpoch(startMs, QTimeZone::UTC)
                          .toString(Qt::ISODateWithMs)
                          .toLatin1();
        for (int i : {12, 13, 14, 15, 16})
            line += ',' + QByteArray::number(stmt->int64(i));
        line += ',' + csvField(stmt->text(17)) + ',' + csvField(stmt->text(18));
        out.line(line);
        ++rows;
    }
    return rows;
}

StoreResult<void> writeCheckpointRows(sql::Database &db, const ExportRequest &r, CsvFile &out) {
    out.line("time,t,label");
    auto stmt =
        db.prepare("SELECT t, label FROM checkpoints WHERE t BETWEEN ?1 AND ?2 ORDER BY t, id");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, r.from).bind(2, r.to);
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        out.line(isoTime(stmt->int64(0)) + ',' + QByteArray::number(stmt->int64(0)) + ',' +
                 csvField(stmt->text(1)));
    }
    return {};
}

StoreResult<ExportResult> exportCsv(sql::Database &db, const ExportRequest &r) {
    const QStringList paths = csvFiles(r.target);
    std::vector<std::unique_ptr<CsvFile>> files;
    for (const QString &path : paths) {
        files.push_back(std::make_unique<CsvFile>(path));
        if (!files.back()->open()) {
            return std::unexpected(
                error(StoreError::Kind::ReadOnly,
                      u"%1: cannot write: %2"_s.arg(path, files.back()->errorString())));
        }
    }
    ExportResult result;
    {
        auto tx = sql::Transaction::begin(db, sql::Transaction::Kind::Deferred);
        if (!tx)
            return std::unexpected(tx.error());
        auto nodes = writeNodeRows(db, r, *files[0]);
        if (!nodes)
            return std::unexpected(nodes.error());
        result.nodeRows = *nodes;
        auto procs = writeProcessRows(db, r, *files[1]);
        if (!procs)
            return std::unexpected(procs.error());
        result.processRows = *procs;
        if (auto done = writeCheckpointRows(db, r, *files[2]); !done)
            return std::unexpected(done.error());
    }
    // All three or none.
    QStringList committed;
    for (auto &file : files) {
        if (!file->commit()) {
            const QString why =
                u"%1: cannot write: %2"_s.arg(file->fileName(), file->errorString());
            for (const QString &path : committed)
                QFile::remove(path);
            return std::unexpected(error(StoreError::Kind::Io, why));
        }
        committed.append(file->fileName());
    }
    result.files = paths;
    return result;
}

} // namespace

QStringList csvFiles(const QString &target) {
    QString stem = target;
    if (stem.endsWith(u".csv"_s, Qt::CaseInsensitive))
        stem.chop(4);
    return {target, stem + u"-processes.csv"_s, stem + u"-checkpoints.csv"_s};
}

StoreResult<ExportResult> exportRange(const QString &database, const ExportRequest &r) {
    if (r.from < 0 || r.to < r.from || r.to > MaxTime) {
        return std::unexpected(
            error(StoreError::Kind::InvalidArgument,
                  u"export range %1..%2 is not a valid range"_s.arg(r.from).arg(r.to)));
    }
    if (r.target.isEmpty())
        return std::unexpected(error(StoreError::Kind::InvalidArgument, u"no export file given"_s));
    const QStringList targets =
        r.format == ExportFormat::Csv ? csvFiles(r.target) : QStringList{r.target};
    for (const QString &target : targets) {
        if (QFileInfo::exists(target)) {
            return std::unexpected(error(StoreError::Kind::Exists,
                                         u"%1: exists already; not overwritten"_s.arg(target)));
        }
    }
    const QFileInfo targetInfo(r.target);
    if (!targetInfo.absoluteDir().exists()) {
        return std::unexpected(error(
            StoreError::Kind::NotFound,
            u"%1: the directory %2 does not exist"_s.arg(r.target, targetInfo.absolutePath())));
    }
    if (!QFileInfo(database).isFile()) {
        return std::unexpected(
            error(StoreError::Kind::NotFound, u"%1: no such database"_s.arg(database)));
    }
    auto db = sql::Database::open(database, sql::Database::Mode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    auto version = schema::check(*db);
    if (!version)
        return std::unexpected(version.error());
    if (*version == 0) {
        return std::unexpected(error(StoreError::Kind::NotACollectorDatabase,
                                     u"%1: an empty database, not a collector's"_s.arg(database)));
    }
    auto result =
        r.format == ExportFormat::Csv ? exportCsv(*db, r) : exportSqlite(*db, database, r);
    if (result) {
        qCInfo(lcStore).noquote() << u"saved %1..%2 of %3 to %4"_s.arg(r.from).arg(r.to).arg(
            database, result->files.join(u", "_s));
    }
    return result;
}

} // namespace omview::store
