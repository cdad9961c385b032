// Turns the store's history into what a chart draws: picks the pixel grid and
// the tier for a range and a width, asks the store for M4-reduced load and
// memory lines (about one column per pixel, each column's first, last, min and
// max), splits them at gaps and at the load threshold, and fetches the
// checkpoints. No widgets: tests and the benchmark use it directly.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <omview/analyzer/chartdata.h>
#include <omview/store/collectorstore.h>

namespace omview::analyzer {

struct ChartRequest {
    NodeId node = ClusterNode;
    QString title;
    store::TimeRange range;
    int widthPx = 800; // the plot area's width: one column per pixel
    double threshold = 75;
};

class SeriesBuilder {
    Q_DECLARE_TR_FUNCTIONS(omview::analyzer::SeriesBuilder)

public:
    explicit SeriesBuilder(store::CollectorStore &store)
        : m_store(store) {}

    // The grid for a range drawn @p widthPx pixels wide: columns of a whole
    // number of seconds, at least one pixel each, aligned to their width; the
    // tier is the coarsest one whose rows span at most TierRowColumns columns
    // (about a point per pixel column, each row with its min and max).
    static ColumnGrid plan(const store::TimeRange &range, int widthPx);
    static constexpr std::int64_t TierRowColumns = 2;

    // Everything the chart shows. InvalidArgument for an empty or inverted
    // range, a width below 4 or a node outside 1..65535.
    store::StoreResult<ChartData> build(const ChartRequest &request);

    // New rows were written after @p previousNewest and the chart now shows
    // @p range (moved forward, same span): drops what slid out, queries again
    // only the columns from the one holding previousNewest (less a row of the
    // tier, which may have been rolled up since) to the end, and derives the
    // lines again. Returns false, changing nothing, when the grid cannot be
    // kept (the span changed): the caller builds the chart anew.
    store::StoreResult<bool> advance(ChartData &data, const store::TimeRange &range,
                                     std::int64_t previousNewest);

    // The lines, the pieces above the threshold and the axis figures, from
    // data.load and data.memory.
    static void derive(ChartData &data);

    // Splits a series into stretches without gaps; x in ms, y scaled by @p scale.
    static QList<Polyline> splitRuns(const QList<store::SeriesPoint> &points, double scale = 1);

    // The parts of the runs strictly above @p threshold, with the crossing
    // points interpolated.
    static QList<Polyline> piecesAbove(const QList<Polyline> &runs, double threshold);

private:
    static store::SeriesQuery lineQuery(NodeId node, store::Metric metric, const ColumnGrid &grid,
                                        std::int64_t from, std::int64_t to);
    static store::SeriesQuery totalQuery(NodeId node, const ColumnGrid &grid);
    store::StoreResult<double> memoryTotal(NodeId node, const ColumnGrid &grid,
                                           const store::Series &lastColumn, bool anyMemory);
    store::StoreResult<QList<CheckpointMarker>> checkpoints(const store::TimeRange &range);

    store::CollectorStore &m_store;
};

// Bytes in a GiB, for memory lines and axes.
inline constexpr double GiB = 1024.0 * 1024.0 * 1024.0;

} // namespace omview::analyzer
