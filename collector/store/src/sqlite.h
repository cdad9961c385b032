// A thin C++ layer over SQLite's C API for omstore (private): connections,
// prepared statements and transactions as RAII types, failures as StoreError.
#pragma once

#include <QByteArray>
#include <QString>
#include <algorithm>
#include <cstdint>
#include <omview/store/storeerror.h>
#include <optional>
#include <sqlite3.h>
#include <string_view>
#include <utility>

namespace omview::store::sql {

// Maps an SQLite result code to an error naming @p path and what was being done.
StoreError makeError(int code, const QString &path, const QString &what, const char *detail);

// One prepared statement. Binds and reads by 1-based parameter / 0-based column.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3_stmt *stmt, sqlite3 *db)
        : m_stmt(stmt)
        , m_db(db) {}
    Statement(Statement &&other) noexcept { *this = std::move(other); }
    Statement &operator=(Statement &&other) noexcept {
        std::swap(m_stmt, other.m_stmt);
        std::swap(m_db, other.m_db);
        return *this;
    }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement() { sqlite3_finalize(m_stmt); }

    bool isValid() const { return m_stmt != nullptr; }

    Statement &bind(int index, std::int64_t value) {
        sqlite3_bind_int64(m_stmt, index, value);
        return *this;
    }
    Statement &bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement &bind(int index, std::uint32_t value) { return bind(index, std::int64_t{value}); }
    // Values above INT64_MAX are stored as INT64_MAX (no memory is that large).
    Statement &bind(int index, std::uint64_t value) {
        return bind(index, static_cast<std::int64_t>(
                               std::min<std::uint64_t>(value, std::uint64_t{INT64_MAX})));
    }
    Statement &bind(int index, double value) {
        sqlite3_bind_double(m_stmt, index, value);
        return *this;
    }
    Statement &bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &utf8);
    Statement &bindNull(int index) {
        sqlite3_bind_null(m_stmt, index);
        return *this;
    }

    // Runs one step: true when a row is ready, false when done.
    StoreResult<bool> step();
    // Runs to completion, for statements that return no rows.
    StoreResult<void> run();
    // Ready for the next execution; bindings are kept unless cleared.
    void reset() { sqlite3_reset(m_stmt); }
    void clearBindings() { sqlite3_clear_bindings(m_stmt); }

    std::int64_t int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    QString text(int column) const;

    sqlite3_stmt *handle() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

// One connection. Not thread-safe: each thread uses its own.
class Database {
public:
    Database() = default;
    Database(Database &&other) noexcept
        : m_db(std::exchange(other.m_db, nullptr))
        , m_path(std::move(other.m_path)) {}
    Database &operator=(Database &&other) noexcept {
        std::swap(m_db, other.m_db);
        std::swap(m_path, other.m_path);
        return *this;
    }
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };
    // @p uri: the connection accepts file: URIs (in ATTACH, for read-only attaching).
    static StoreResult<Database> open(const QString &path, Mode mode, bool uri = false);

    bool isOpen() const { return m_db != nullptr; }
    const QString &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    // Runs one or more statements without results.
    StoreResult<void> exec(std::string_view sql);
    StoreResult<Statement> prepare(std::string_view sql, bool persistent = false);
    // The single integer the query returns, or nullopt when it returns no row or NULL.
    StoreResult<std::optional<std::int64_t>> queryInt(std::string_view sql);

    bool inTransaction() const { return m_db && !sqlite3_get_autocommit(m_db); }
    // The error SQLite reports for the last call, described as @p what.
    StoreError lastError(int code, const QString &what) const;

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

// A transaction that rolls back unless committed. Immediate takes the write
// lock at once (writers); Deferred is a consistent read snapshot (readers).
class Transaction {
public:
    enum class Kind { Deferred, Immediate };
    static StoreResult<Transaction> begin(Database &db, Kind kind);

    Transaction(Transaction &&other) noexcept
        : m_db(std::exchange(other.m_db, nullptr)) {}
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    ~Transaction() { rollback(); }

    StoreResult<void> commit();
    void rollback();

private:
    explicit Transaction(Database *db)
        : m_db(db) {}
    Database *m_db = nullptr;
};

} // namespace omview::store::sql
