// The store's on-disk format: its version (PRAGMA user_version) and the
// migrations between versions. Opening a store upgrades it; these functions are
// for tools and tests that need a file at a given version.
//
// Version history:
//   1  node tiers (raw, minute, hour), cluster tiers, nodes, checkpoints,
//      process snapshots indexed by time only
//   2  indexes for process history: snapshots by (node, t), samples by process
//   3  migrations: one row per finished move between nodes
#pragma once

#include <QString>
#include <omview/store/storeerror.h>

namespace omview::store {

inline constexpr int SchemaVersion = 3;

// Creates the file when missing and brings it to @p version (1..SchemaVersion)
// by running each migration in turn, all in one transaction. Refuses files of
// other programs and files newer than @p version; never downgrades.
StoreResult<void> initializeDatabase(const QString &path, int version = SchemaVersion);

// The schema version of an existing collector database; 0 for an empty file.
// NotACollectorDatabase for other SQLite files and for non-SQLite files.
StoreResult<int> databaseVersion(const QString &path);

} // namespace omview::store
