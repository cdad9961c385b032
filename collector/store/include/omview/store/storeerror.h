// Why a store operation failed: a kind a program can act on and a message for
// people that names the file and, for SQLite failures, SQLite's own words.
#pragma once

#include <QString>
#include <expected>

namespace omview::store {

struct StoreError {
    enum class Kind {
        InvalidArgument,       // a parameter is wrong; nothing was done
        Exists,                // the export target exists already
        NotFound,              // a file or directory is missing
        NotACollectorDatabase, // an SQLite file of some other program, or not SQLite at all
        SchemaTooNew,          // written by a newer omstore
        SchemaTooOld,          // needs upgrading and was opened read-only
        DiskFull,              // SQLITE_FULL: no space left on the file system
        ReadOnly,              // the file or its directory cannot be written
        Busy,                  // another connection held a lock too long
        Corrupt,               // SQLITE_CORRUPT / SQLITE_NOTADB
        Io,                    // any other I/O failure
        Internal,              // a bug: SQLite refused SQL this library generated
    };

    Kind kind = Kind::Internal;
    QString message;
    int sqliteCode = 0; // extended result code, 0 when not from SQLite

    QString toString() const { return message; }
    bool operator==(const StoreError &) const = default;
};

// "disk-full", "schema-too-new", ... (for logs and the control protocol).
QString kindName(StoreError::Kind kind);

template<class T> using StoreResult = std::expected<T, StoreError>;

} // namespace omview::store
