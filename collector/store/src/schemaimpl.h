// The schema's DDL and migrations, and the SQL names of metrics (private).
#pragma once

#include "sqlite.h"

#include <omview/store/types.h>

namespace omview::store::schema {

inline constexpr char Application[] = "omview-collector";

// The column of a metric in node_raw and cluster_raw ("mem_used"); the tier
// tables add _min, _max and _sum to it.
const char *column(Metric metric);

// The version of the open database after checking that it is a collector
// database (or empty: 0). Refuses newer versions.
StoreResult<int> check(sql::Database &db);

// Migrates the open database to @p target in one immediate transaction.
StoreResult<void> ensure(sql::Database &db, int target);

// The connection settings every writer uses: WAL, the synchronous level, a
// page cache large enough for a tick of a big cluster.
StoreResult<void> configureWriter(sql::Database &db, bool fullSync);

} // namespace omview::store::schema
