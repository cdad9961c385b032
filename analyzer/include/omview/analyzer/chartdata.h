// What one analyzer chart shows, as plain values: the lines to draw (split at
// gaps, the load's parts above the threshold), the checkpoints, and the pixel
// grid the store reduced the data to. SeriesBuilder makes it; AnalyzerChart
// draws it; the CSV export writes it.
//
// Units: x of every QPointF is milliseconds since the Unix epoch (what
// QDateTimeAxis takes); load is in openMosix units (100 = every CPU of the node
// busy, see docs/proc-hpc.md); memory points are in GiB, SeriesPoints in bytes.
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <cstdint>
#include <omview/store/types.h>
#include <optional>

namespace omview::analyzer {

using store::NodeId;

// The cluster's "node": charts, models and historyRequested use 0 for it.
inline constexpr NodeId ClusterNode = 0;

// The pixel columns a chart's range is reduced to. A new grid's last column
// ends with its range; when the range then slides forward with new rows the
// columns stay where they were, so only the newest ones need querying again.
struct ColumnGrid {
    std::int64_t first = 0; // start of column 0
    std::int64_t columnSeconds = 1;
    std::int64_t columns = 0;
    store::Tier tier = store::Tier::Raw; // the tier asked for

    std::int64_t last() const { return first + columns * columnSeconds - 1; }
    // The start of the column (of this grid, extended either way) holding t.
    std::int64_t alignDown(std::int64_t t) const;
    bool operator==(const ColumnGrid &) const = default;
};

// A vertical marker: a checkpoint the collector recorded.
struct CheckpointMarker {
    std::int64_t t = 0; // seconds
    QString label;
    bool operator==(const CheckpointMarker &) const = default;
};

// One continuous stretch of a line: no gap inside it.
using Polyline = QList<QPointF>;

struct ChartData {
    NodeId node = ClusterNode;
    QString title;
    store::TimeRange range; // what the chart shows, seconds, closed
    int widthPx = 0;        // the width the grid was planned for
    ColumnGrid grid;
    double threshold = 75; // load units

    // As the store returned them; kept for tail updates and the CSV export.
    QList<store::SeriesPoint> load;
    QList<store::SeriesPoint> memory; // memUsed, bytes
    store::Tier loadTier = store::Tier::Raw;
    bool reduced = false;

    // Derived from the above (SeriesBuilder::derive).
    QList<Polyline> loadRuns;
    // The load's parts strictly above the threshold, each starting and ending
    // where the line crosses it (or where a run ends): drawn red over the line.
    QList<Polyline> abovePieces;
    QList<Polyline> memoryRuns; // GiB
    double loadPeak = 0;        // highest load point
    double memoryTotal = 0;     // GiB: the total at the range's end, at least the peak (axis top)
    double memoryPeak = 0;      // GiB

    QList<CheckpointMarker> checkpoints;

    bool isEmpty() const { return load.isEmpty() && memory.isEmpty(); }
    // The time of the load or memory point nearest to @p t (seconds) if one is
    // within @p tolerance seconds; otherwise t itself.
    std::int64_t snap(std::int64_t t, std::int64_t tolerance) const;
};

} // namespace omview::analyzer
