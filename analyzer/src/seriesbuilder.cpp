#include "analyzerlog.h"

#include <algorithm>
#include <cmath>
#include <omview/analyzer/seriesbuilder.h>

namespace omview::analyzer {

using store::Metric;
using store::SeriesPoint;
using store::StoreError;
using store::StoreResult;
using store::Tier;

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return floorDiv(a + b - 1, b);
}

std::optional<NodeId> storeNode(NodeId node) {
    return node == ClusterNode ? std::nullopt : std::optional<NodeId>(node);
}

double maxValue(const QList<SeriesPoint> &points) {
    double top = 0;
    for (const SeriesPoint &p : points)
        top = std::max(top, p.value);
    return top;
}

StoreError invalid(const QString &message) {
    return StoreError{StoreError::Kind::InvalidArgument, message, 0};
}

} // namespace

std::int64_t ColumnGrid::alignDown(std::int64_t t) const {
    return first + floorDiv(t - first, columnSeconds) * columnSeconds;
}

std::int64_t ChartData::snap(std::int64_t t, std::int64_t tolerance) const {
    std::optional<std::int64_t> best;
    const auto consider = [&](const QList<SeriesPoint> &points) {
        const auto it = std::ranges::lower_bound(points, t, {}, &SeriesPoint::t);
        for (auto candidate : {it, it == points.begin() ? it : std::prev(it)}) {
            if (candidate == points.end())
                continue;
            const std::int64_t distance = std::abs(candidate->t - t);
            if (distance <= tolerance && (!best || distance < std::abs(*best - t)))
                best = candidate->t;
        }
    };
    consider(load);
    consider(memory);
    return best.value_or(t);
}

ColumnGrid SeriesBuilder::plan(const store::TimeRange &range, int widthPx) {
    ColumnGrid grid;
    const std::int64_t span = std::max<std::int64_t>(1, range.last - range.first + 1);
    const std::int64_t width = std::max(1, widthPx);
    grid.columnSeconds = std::max<std::int64_t>(1, ceilDiv(span, width));
    grid.columns = ceilDiv(span, grid.columnSeconds);
    // The last column ends with the range: a range that ends at the newest
    // row has no empty seconds after it to look through.
    grid.first = range.last + 1 - grid.columns * grid.columnSeconds;
    // The coarsest tier whose rows are at most TierRowColumns columns wide: a
    // minute or an hour row carries its min and max, so the envelope stays
    // exact; only the order of extremes within one row's pixels is lost. A
    // month 1000 pixels wide is 720 hour rows instead of 43 200 minute rows.
    const auto fits = [&](Tier tier) {
        return store::tierStep(tier) <= TierRowColumns * grid.columnSeconds;
    };
    grid.tier = fits(Tier::Hour) ? Tier::Hour : fits(Tier::Minute) ? Tier::Minute : Tier::Raw;
    return grid;
}

store::SeriesQuery SeriesBuilder::lineQuery(NodeId node, Metric metric, const ColumnGrid &grid,
                                            std::int64_t from, std::int64_t to) {
    store::SeriesQuery q;
    q.node = storeNode(node);
    q.metric = metric;
    q.from = from;
    q.to = to;
    q.tier = grid.tier;
    // The store numbers columns from q.from in steps of (to - from + 1) /
    // (maxPoints / 4): with whole columns of the grid they are the grid's.
    const std::int64_t columns = std::max<std::int64_t>(1, (to - from + 1) / grid.columnSeconds);
    q.maxPoints = static_cast<int>(std::max<std::int64_t>(4, 4 * columns));
    return q;
}

store::SeriesQuery SeriesBuilder::totalQuery(NodeId node, const ColumnGrid &grid) {
    // The total of the range's last column: memory is rarely added or taken
    // away, and reading one column instead of all of them is a third of the
    // chart's query. (derive() keeps the axis above the used peak anyway.)
    store::SeriesQuery q;
    q.node = storeNode(node);
    q.metric = Metric::MemTotal;
    q.from = grid.last() - grid.columnSeconds + 1;
    q.to = grid.last();
    q.maxPoints = 4;
    q.tier = grid.tier;
    return q;
}

StoreResult<double> SeriesBuilder::memoryTotal(NodeId node, const ColumnGrid &grid,
                                               const store::Series &lastColumn, bool anyMemory) {
    if (!lastColumn.points.isEmpty() || !anyMemory)
        return maxValue(lastColumn.points) / GiB;
    // The node was away at the end of the range: its largest total in it.
    store::SeriesQuery q = totalQuery(node, grid);
    q.from = grid.first;
    q.tier = Tier::Hour;
    auto whole = m_store.series(q);
    if (!whole)
        return std::unexpected(whole.error());
    return maxValue(whole->points) / GiB;
}

StoreResult<QList<CheckpointMarker>> SeriesBuilder::checkpoints(const store::TimeRange &range) {
    auto stored = m_store.checkpoints(range.first, range.last);
    if (!stored)
        return std::unexpected(stored.error());
    QList<CheckpointMarker> out;
    out.reserve(stored->size());
    for (const store::Checkpoint &c : *stored)
        out.append(CheckpointMarker{c.t, c.label});
    return out;
}

StoreResult<ChartData> SeriesBuilder::build(const ChartRequest &request) {
    if (request.range.last < request.range.first) {
        return std::unexpected(invalid(tr("the range ends (%1) before it starts (%2)")
                                           .arg(request.range.last)
                                           .arg(request.range.first)));
    }
    if (request.widthPx < 4)
        return std::unexpected(
            invalid(tr("a chart must be at least 4 pixels wide, not %1").arg(request.widthPx)));
    ChartData data;
    data.node = request.node;
    data.title = request.title;
    data.range = request.range;
    data.widthPx = request.widthPx;
    data.threshold = request.threshold;
    data.grid = plan(request.range, request.widthPx);
    data.loadTier = data.grid.tier;
    // One read transaction: load and memory from the same state of the file.
    auto lines = m_store.series(QList<store::SeriesQuery>{
        lineQuery(request.node, Metric::Load, data.grid, data.grid.first, data.grid.last()),
        lineQuery(request.node, Metric::MemUsed, data.grid, data.grid.first, data.grid.last()),
        totalQuery(request.node, data.grid)});
    if (!lines)
        return std::unexpected(lines.error());
    auto marks = checkpoints(request.range);
    if (!marks)
        return std::unexpected(marks.error());
    data.reduced = (*lines)[0].reduced || (*lines)[1].reduced;
    data.load = std::move((*lines)[0].points);
    data.memory = std::move((*lines)[1].points);
    auto total = memoryTotal(request.node, data.grid, (*lines)[2], !data.memory.isEmpty());
    if (!total)
        return std::unexpected(total.error());
    data.memoryTotal = *total;
    data.checkpoints = std::move(*marks);
    derive(data);
    qCDebug(lcAnalyzer) << "chart of node" << request.node << "from" << request.range.first << "to"
                        << request.range.last << ":" << data.load.size() << "load points,"
                        << data.grid.columns << "columns of" << data.grid.columnSeconds << "s";
    return data;
}

StoreResult<bool> SeriesBuilder::advance(ChartData &data, const store::TimeRange &range,
                                         std::int64_t previousNewest) {
    if (range.last < range.first)
        return std::unexpected(invalid(tr("the range ends before it starts")));
    const ColumnGrid planned = plan(range, data.widthPx);
    if (planned.columnSeconds != data.grid.columnSeconds || planned.tier != data.grid.tier ||
        range.first < data.range.first)
        return false;
    // The same columns as before, as many as the moved range needs.
    ColumnGrid grid = data.grid;
    grid.first = data.grid.alignDown(range.first);
    grid.columns = ceilDiv(range.last + 1 - grid.first, grid.columnSeconds);

    const std::int64_t tailFrom = std::clamp(
        grid.alignDown(previousNewest - store::tierStep(grid.tier)), grid.first, grid.last() + 1);
    QList<store::SeriesQuery> queries = {totalQuery(data.node, grid)};
    if (tailFrom <= grid.last()) {
        queries.append(lineQuery(data.node, Metric::Load, grid, tailFrom, grid.last()));
        queries.append(lineQuery(data.node, Metric::MemUsed, grid, tailFrom, grid.last()));
    }
    auto lines = m_store.series(queries);
    if (!lines)
        return std::unexpected(lines.error());
    bool reduced = false;
    QList<SeriesPoint> loadTail, memoryTail;
    if (lines->size() == 3) {
        reduced = (*lines)[1].reduced || (*lines)[2].reduced;
        loadTail = std::move((*lines)[1].points);
        memoryTail = std::move((*lines)[2].points);
    }
    auto marks = checkpoints(range);
    if (!marks)
        return std::unexpected(marks.error());

    const std::int64_t gap = store::gapThreshold(grid.tier);
    const auto splice = [&](QList<SeriesPoint> &points, QList<SeriesPoint> &tail) {
        points.removeIf([&](const SeriesPoint &p) { return p.t < grid.first || p.t >= tailFrom; });
        if (!points.isEmpty())
            points.first().gapBefore = false;
        if (!tail.isEmpty() && !points.isEmpty() && tail.first().t - points.last().t > gap)
            tail.first().gapBefore = true;
        points.append(std::move(tail));
    };
    splice(data.load, loadTail);
    splice(data.memory, memoryTail);
    data.range = range;
    data.grid = grid;
    data.reduced = data.reduced || reduced;
    auto total = memoryTotal(data.node, grid, lines->first(), !data.memory.isEmpty());
    if (!total)
        return std::unexpected(total.error());
    data.memoryTotal = *total;
    data.checkpoints = std::move(*marks);
    derive(data);
    return true;
}

QList<Polyline> SeriesBuilder::splitRuns(const QList<SeriesPoint> &points, double scale) {
    QList<Polyline> runs;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const SeriesPoint &p = points[i];
        if (runs.isEmpty() || p.gapBefore) {
            runs.append(Polyline{});
            runs.last().reserve(points.size() - i); // growing it costs more than the slack
        }
        runs.last().append(QPointF(static_cast<double>(p.t) * 1000.0, p.value * scale));
    }
    return runs;
}

QList<Polyline> SeriesBuilder::piecesAbove(const QList<Polyline> &runs, double threshold) {
    QList<Polyline> pieces;
    const auto crossing = [threshold](const QPointF &a, const QPointF &b) {
        const double f = (threshold - a.y()) / (b.y() - a.y());
        return QPointF(a.x() + f * (b.x() - a.x()), threshold);
    };
    for (const Polyline &run : runs) {
        std::optional<Polyline> piece;
        for (qsizetype i = 0; i < run.size(); ++i) {
            const QPointF &p = run[i];
            const bool above = p.y() > threshold;
            if (i > 0 && above != (run[i - 1].y() > threshold)) {
                const QPointF c = crossing(run[i - 1], p);
                if (above) {
                    piece = Polyline{c};
                } else if (piece) {
                    piece->append(c);
                    pieces.append(std::move(*piece));
                    piece.reset();
                }
            }
            if (above) {
                if (!piece)
                    piece = Polyline{};
                piece->append(p);
            }
        }
        if (piece)
            pieces.append(std::move(*piece));
    }
    return pieces;
}

void SeriesBuilder::derive(ChartData &data) {
    data.loadRuns = splitRuns(data.load);
    data.memoryRuns = splitRuns(data.memory, 1.0 / GiB);
    data.abovePieces = piecesAbove(data.loadRuns, data.threshold);
    data.loadPeak = 0;
    for (const SeriesPoint &p : data.load)
        data.loadPeak = std::max(data.loadPeak, p.value);
    data.memoryPeak = 0;
    for (const SeriesPoint &p : data.memory)
        data.memoryPeak = std::max(data.memoryPeak, p.value / GiB);
    data.memoryTotal = std::max(data.memoryTotal, data.memoryPeak);
}

} // namespace omview::analyzer
