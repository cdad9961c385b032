// Which tier answers which part of a time range (private): what each tier
// holds, and the plans for drawing (closest resolution) and for statistics
// (whole hours and minutes from the coarse tiers).
#pragma once

#include "sqlite.h"

#include <QList>
#include <array>
#include <omview/store/types.h>

namespace omview::store {

std::int64_t floorTo(std::int64_t t, std::int64_t step);
std::int64_t ceilTo(std::int64_t t, std::int64_t step);

// [start, until): the times a tier answers for.
struct Coverage {
    std::int64_t start = 0;
    std::int64_t until = 0;
    bool covers(std::int64_t from, std::int64_t toExclusive) const {
        return start < until && from >= start && toExclusive <= until;
    }
};
using Coverages = std::array<Coverage, 3>; // indexed by Tier

// A closed time range [from, to] answered by one tier.
struct Segment {
    Tier tier = Tier::Raw;
    std::int64_t from = 0;
    std::int64_t to = 0;
    bool operator==(const Segment &) const = default;
};

// Raw rows answer from their first row to their last (after it no tier holds
// anything, and planning a raw segment there would make a seeking query walk
// every second up to the range's end); minute and hour rows from their first
// row up to their rollup marker (later rows of theirs are incomplete).
// CoverageQuery is the one statement that reads all of it: min and max of
// cluster_raw, then first row and marker of the minute and the hour tier.
inline constexpr char CoverageQuery[] =
    "SELECT (SELECT min(t) FROM cluster_raw), (SELECT max(t) FROM cluster_raw), "
    "(SELECT min(t) FROM cluster_minute), (SELECT value FROM meta WHERE key = 'rollup.minute'), "
    "(SELECT min(t) FROM cluster_hour), (SELECT value FROM meta WHERE key = 'rollup.hour')";
// Coverages from a row of CoverageQuery (the statement stays as it is).
Coverages coverageFromRow(const sql::Statement &row);
StoreResult<Coverages> loadCoverage(sql::Database &db);

// Each part of [from, to] from the tier that holds it with the resolution
// closest to @p preferred (the finer on a tie).
QList<Segment> planSeries(const Coverages &coverage, Tier preferred, std::int64_t from,
                          std::int64_t to);

// Whole hours from the hour tier, whole minutes from the minute tier, the rest
// from raw rows, wherever those tiers hold the time. Where the finer tier no
// longer holds an edge, the coarser row that contains it is used.
QList<Segment> planStats(const Coverages &coverage, std::int64_t from, std::int64_t to);

} // namespace omview::store
