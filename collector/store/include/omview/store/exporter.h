// "Save history": a time range of a collector database written out as a
// standalone database (same schema, opens with CollectorStore) or as CSV.
#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <omview/store/storeerror.h>

namespace omview::store {

enum class ExportFormat { Sqlite, Csv };

struct ExportRequest {
    std::int64_t from = 0; // closed range, seconds
    std::int64_t to = 0;
    // The file to create; it must not exist. For CSV it receives the node
    // samples, and two siblings (see csvFiles) the processes and checkpoints.
    QString target;
    ExportFormat format = ExportFormat::Sqlite;
};

struct ExportResult {
    QStringList files;            // what was written
    std::int64_t nodeRows = 0;    // rows of node samples (all tiers)
    std::int64_t processRows = 0; // process samples
    bool wholeDatabase = false;   // the range held everything: copied with VACUUM INTO
};

// The files a CSV export of @p target writes: target itself, then
// <stem>-processes.csv and <stem>-checkpoints.csv (stem = target without ".csv").
QStringList csvFiles(const QString &target);

// Exports [from, to] of the database at @p database, which a collector may be
// writing meanwhile: the copy is one consistent snapshot. Files appear only
// complete (written under a temporary name, then renamed); on any failure
// nothing is left behind. Blocks for as long as the copy takes: run it off the
// GUI thread. The SQLite copy holds every tier's rows whose time is in the
// range; the CSV the node rows of the finest tier holding each part of it.
StoreResult<ExportResult> exportRange(const QString &database, const ExportRequest &request);

} // namespace omview::store
