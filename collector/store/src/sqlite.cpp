#include "sqlite.h"

using namespace Qt::StringLiterals;

namespace omview::store {

QString kindName(StoreError::Kind kind) {
    switch (kind) {
    case StoreError::Kind::InvalidArgument:
        return u"invalid-argument"_s;
    case StoreError::Kind::Exists:
        return u"exists"_s;
    case StoreError::Kind::NotFound:
        return u"not-found"_s;
    case StoreError::Kind::NotACollectorDatabase:
        return u"not-a-collector-database"_s;
    case StoreError::Kind::SchemaTooNew:
        return u"schema-too-new"_s;
    case StoreError::Kind::SchemaTooOld:
        return u"schema-too-old"_s;
    case StoreError::Kind::DiskFull:
        return u"disk-full"_s;
    case StoreError::Kind::ReadOnly:
        return u"read-only"_s;
    case StoreError::Kind::Busy:
        return u"busy"_s;
    case StoreError::Kind::Corrupt:
        return u"corrupt"_s;
    case StoreError::Kind::Io:
        return u"io"_s;
    case StoreError::Kind::Internal:
        return u"internal"_s;
    }
    return u"internal"_s;
}

namespace sql {

namespace {

StoreError::Kind kindOf(int code) {
    switch (code & 0xff) {
    case SQLITE_FULL:
        return StoreError::Kind::DiskFull;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return StoreError::Kind::ReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StoreError::Kind::Busy;
    case SQLITE_CORRUPT:
        return StoreError::Kind::Corrupt;
    case SQLITE_NOTADB:
        return StoreError::Kind::NotACollectorDatabase;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
        return StoreError::Kind::Io;
    default:
        return StoreError::Kind::Internal;
    }
}

QString describe(int code, const char *detail) {
    const QString text = detail ? QString::fromUtf8(detail) : QString();
    const QString name = QString::fromUtf8(sqlite3_errstr(code));
    if (text.isEmpty() || text == name)
        return name;
    return u"%1 (%2)"_s.arg(text, name);
}

// The file a connection has open, for messages; ":memory:" when it has none.
QString fileOf(sqlite3 *db) {
    const char *name = db ? sqlite3_db_filename(db, "main") : nullptr;
    return name && *name ? QString::fromUtf8(name) : u":memory:"_s;
}

QString shortSql(sqlite3_stmt *stmt) {
    QString text = QString::fromUtf8(sqlite3_sql(stmt)).simplified();
    if (text.size() > 60)
        text = text.left(57) + u"..."_s;
    return text;
}

} // namespace

StoreError makeError(int code, const QString &path, const QString &what, const char *detail) {
    StoreError error;
    error.kind = kindOf(code);
    error.sqliteCode = code;
    if (error.kind == StoreError::Kind::DiskFull)
        error.message = u"%1: %2: disk full: %3"_s.arg(path, what, describe(code, detail));
    else
        error.message = u"%1: %2: %3"_s.arg(path, what, describe(code, detail));
    return error;
}

Statement &Statement::bind(int index, const QString &value) {
    return bind(index, value.toUtf8());
}

Statement &Statement::bind(int index, const QByteArray &utf8) {
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

StoreResult<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const int code = sqlite3_extended_errcode(m_db);
    StoreError error = makeError(code, fileOf(m_db), shortSql(m_stmt), sqlite3_errmsg(m_db));
    sqlite3_reset(m_stmt);
    return std::unexpected(std::move(error));
}

StoreResult<void> Statement::run() {
    for (;;) {
        auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
    }
    reset();
    return {};
}

QString Statement::text(int column) const {
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QString::fromUtf8(data, size) : QString();
}

Database::~Database() {
    // Statements are finalized by their owners first; close_v2 defers the
    // close until the last one is gone should any remain.
    sqlite3_close_v2(m_db);
}

StoreResult<Database> Database::open(const QString &path, Mode mode, bool uri) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | (uri ? SQLITE_OPEN_URI : 0);
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    Database db;
    db.m_path = path;
    const QByteArray name = path.toUtf8();
    const int rc = sqlite3_open_v2(name.constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        StoreError error =
            makeError(rc, path, u"cannot open"_s, db.m_db ? sqlite3_errmsg(db.m_db) : nullptr);
        return std::unexpected(std::move(error));
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    // Readers and the writer wait for each other's short locks instead of failing.
    sqlite3_busy_timeout(db.m_db, 5000);
    return db;
}

StoreResult<void> Database::exec(std::string_view sql) {
    const std::string text(sql);
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    QString what = QString::fromUtf8(text).simplified();
    if (what.size() > 60)
        what = what.left(57) + u"..."_s;
    StoreError error = makeError(sqlite3_extended_errcode(m_db), m_path, what, message);
    sqlite3_free(message);
    return std::unexpected(std::move(error));
}

StoreResult<Statement> Database::prepare(std::string_view sql, bool persistent) {
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                                      persistent ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        QString what = u"preparing \"%1\""_s.arg(
            QString::fromUtf8(sql.data(), static_cast<qsizetype>(sql.size()))
                .simplified()
                .left(60));
        return std::unexpected(
            makeError(sqlite3_extended_errcode(m_db), m_path, what, sqlite3_errmsg(m_db)));
    }
    return Statement(stmt, m_db);
}

StoreResult<std::optional<std::int64_t>> Database::queryInt(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row || stmt->isNull(0))
        return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{stmt->int64(0)};
}

StoreError Database::lastError(int code, const QString &what) const {
    return makeError(code, m_path, what, m_db ? sqlite3_errmsg(m_db) : nullptr);
}

StoreResult<Transaction> Transaction::begin(Database &db, Kind kind) {
    auto begun = db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    if (!begun)
        return std::unexpected(begun.error());
    return Transaction(&db);
}

StoreResult<void> Transaction::commit() {
    if (!m_db)
        return {};
    auto done = m_db->exec("COMMIT");
    if (!done) {
        // A failed COMMIT (SQLITE_FULL, SQLITE_IOERR) may leave the transaction
        // open; roll it back so the connection is usable for the retry.
        rollback();
        return std::unexpected(done.error());
    }
    m_db = nullptr;
    return {};
}

void Transaction::rollback() {
    if (!m_db)
        return;
    if (m_db->inTransaction())
        (void)m_db->exec("ROLLBACK");
    m_db = nullptr;
}

} // namespace sql
} // namespace omview::store
