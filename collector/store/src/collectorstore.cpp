#include "schemaimpl.h"
#include "sqlite.h"
#include "tierplan.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <algorithm>
#include <array>
#include <omview/store/collectorstore.h>
#include <omview/store/schema.h>
#include <string>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace omview::store {

std::int64_t gapThreshold(Tier tier) {
    return std::max<std::int64_t>(5, 2 * tierStep(tier));
}

namespace {

// Up to this many nodes, a node's raw rows are found by scanning the time
// range (every node's rows in it); above, by one primary-key seek per second.
constexpr std::int64_t ScanNodeLimit = 16;
// Times beyond this are certainly a mistake (year 36812).
constexpr std::int64_t MaxTime = std::int64_t{1} << 40;
constexpr int MaxPoints = 1000000;

StoreError invalid(const QString &message) {
    return StoreError{StoreError::Kind::InvalidArgument, message, 0};
}

std::optional<StoreError> checkRange(std::int64_t from, std::int64_t to) {
    if (from < 0 || to < 0 || from > MaxTime || to > MaxTime)
        return invalid(u"time %1..%2 is out of range"_s.arg(from).arg(to));
    if (to < from)
        return invalid(u"range ends (%1) before it starts (%2)"_s.arg(to).arg(from));
    return std::nullopt;
}

std::optional<StoreError> checkNode(std::optional<NodeId> node) {
    if (node && (*node < 1 || *node > 65535))
        return invalid(u"node ID %1 is not in 1..65535"_s.arg(*node));
    return std::nullopt;
}

const char *tierTable(Tier tier, bool cluster) {
    if (tier == Tier::Minute)
        return cluster ? "cluster_minute" : "node_minute";
    if (tier == Tier::Hour)
        return cluster ? "cluster_hour" : "node_hour";
    return cluster ? "cluster_raw" : "node_raw";
}

// A node's raw rows in [?1, ?2] (node ?3), as a query and the CTE it needs.
struct RowSource {
    std::string with; // "ts(t) AS (...)" or empty
    std::string rows; // SELECT of node_raw rows, all columns
};

RowSource nodeRawRows(bool seek) {
    if (seek) {
        return {"ts(t) AS (SELECT ?1 UNION ALL SELECT t + 1 FROM ts WHERE t < ?2)",
                "SELECT r.* FROM ts CROSS JOIN node_raw r ON r.t = ts.t AND r.node = ?3"};
    }
    return {"", "SELECT * FROM node_raw WHERE t BETWEEN ?1 AND ?2 AND node = ?3"};
}

// The rows of a segment as (t, v, lo, hi): v the value to draw, lo/hi its extremes.
RowSource valueRows(Tier tier, bool cluster, Metric metric, bool seek) {
    const std::string c = schema::column(metric);
    if (tier == Tier::Raw) {
        if (cluster) {
            return {"", "SELECT t, " + c + " AS v, " + c + " AS lo, " + c +
                            " AS hi FROM cluster_raw WHERE t BETWEEN ?1 AND ?2"};
        }
        RowSource raw = nodeRawRows(seek);
        raw.rows =
            "SELECT t, " + c + " AS v, " + c + " AS lo, " + c + " AS hi FROM (" + raw.rows + ")";
        return raw;
    }
    std::string rows = "SELECT t, " + c + "_sum * 1.0 / n AS v, " + c + "_min AS lo, " + c +
                       "_max AS hi FROM " + tierTable(tier, cluster) + " WHERE t BETWEEN ?1 AND ?2";
    if (!cluster)
        rows += " AND node = ?3";
    return {"", rows};
}

// The rows of a segment with several metrics at once, as the columns hold
// them: (t, value of each metric) for raw rows, (t, n, then sum, min and max
// of each metric) for minute and hour rows. The mean is divided out by the
// reader, as valueRows() does in SQL (the same double arithmetic).
RowSource valueRowsMany(Tier tier, bool cluster, const QList<Metric> &metrics, bool seek) {
    std::string columns = tier == Tier::Raw ? "t" : "t, n";
    for (Metric metric : metrics) {
        const std::string c = schema::column(metric);
        if (tier == Tier::Raw)
            columns += ", " + c;
        else
            columns += ", " + c + "_sum, " + c + "_min, " + c + "_max";
    }
    if (tier == Tier::Raw) {
        if (cluster)
            return {"", "SELECT " + columns + " FROM cluster_raw WHERE t BETWEEN ?1 AND ?2"};
        RowSource raw = nodeRawRows(seek);
        raw.rows = "SELECT " + columns + " FROM (" + raw.rows + ")";
        return raw;
    }
    std::string rows =
        "SELECT " + columns + " FROM " + tierTable(tier, cluster) + " WHERE t BETWEEN ?1 AND ?2";
    if (!cluster)
        rows += " AND node = ?3";
    return {"", rows};
}

// "WITH RECURSIVE <cte> " when there is one.
std::string withPrefix(const std::string &cte) {
    return cte.empty() ? std::string() : "WITH RECURSIVE " + cte + " ";
}

std::string withClause(const std::string &cte, const std::string &more) {
    std::string s = "WITH RECURSIVE ";
    if (!cte.empty())
        s += cte + ", ";
    return s + more + " ";
}

// The process columns every process query selects, in decodeProcess order.
constexpr char ProcessColumns[] =
    "s.proc, p.node, p.pid, p.ppid, p.uid, p.user, p.command, p.cmdline, p.tty, s.state, "
    "s.cpu_pct, s.cpu_ms, s.rss, s.nice, p.start_ms, s.where_node, p.home, s.locked, s.nmigs, "
    "s.cantmove, p.guest";

StoredProcess decodeProcess(const sql::Statement &q, int base = 0) {
    StoredProcess out;
    out.procId = q.int64(base + 0);
    out.node = static_cast<NodeId>(q.int64(base + 1));
    ProcessSample &p = out.sample;
    p.pid = static_cast<std::int32_t>(q.int64(base + 2));
    p.ppid = static_cast<std::int32_t>(q.int64(base + 3));
    p.uid = static_cast<std::uint32_t>(q.int64(base + 4));
    p.user = q.text(base + 5);
    p.command = q.text(base + 6);
    p.cmdline = q.text(base + 7);
    p.tty = q.text(base + 8);
    const QString state = q.text(base + 9);
    p.state = state.isEmpty() ? '?' : state.at(0).toLatin1();
    p.cpuPercent = q.real(base + 10);
    p.cpuTimeMs = q.int64(base + 11);
    p.rss = static_cast<std::uint64_t>(q.int64(base + 12));
    p.nice = static_cast<std::int32_t>(q.int64(base + 13));
    p.startTimeMs = q.int64(base + 14);
    p.where = static_cast<NodeId>(q.int64(base + 15));
    p.home = static_cast<NodeId>(q.int64(base + 16));
    p.locked = q.int64(base + 17) != 0;
    p.nmigs = static_cast<std::uint32_t>(q.int64(base + 18));
    p.cantmove = q.isNull(base + 19) ? QString() : q.text(base + 19);
    p.guest = q.int64(base + 20) != 0;
    return out;
}

// A point M4 found in a column, before the columns of all segments are merged.
struct Candidate {
    std::int64_t t;
    double value;
    int role; // 0 first, 1 min, 2 max, 3 last: the order of points at equal t
};

// In time order; at equal times in the order of the roles.
bool earlier(const Candidate &a, const Candidate &b) {
    return a.t != b.t ? a.t < b.t : a.role < b.role;
}

// By value; of equal values the earlier.
bool lower(const Candidate &a, const Candidate &b) {
    return a.value != b.value ? a.value < b.value : earlier(a, b);
}

// What a pixel column has of the candidates every segment found in it: the
// earliest, latest, lowest and highest. Of equal ones the first found stays,
// so merging as they arrive picks what choosing among all of them would.
struct ColumnPoints {
    std::int64_t column = 0;
    Candidate first{}, last{}, low{}, high{};
    int candidates = 0;

    void add(const Candidate &c) {
        if (candidates++ == 0) {
            first = last = low = high = c;
            return;
        }
        if (earlier(c, first))
            first = c;
        if (earlier(last, c))
            last = c;
        if (lower(c, low))
            low = c;
        if (lower(high, c))
            high = c;
    }
};

// Every segment's M4 points by pixel column, and the current segment's extent.
// Columns mostly arrive in order (segments and their rows are in time order),
// so a sorted vector grows at its end; only a column two segments share, or
// the SQL reduction's passes over the columns, look one up.
struct Columns {
    std::vector<ColumnPoints> columns;                          // by column
    std::vector<std::pair<std::int64_t, std::int64_t>> gapEnds; // column, time of a row after a gap
    std::optional<std::int64_t> segmentFirst, segmentLast;

    ColumnPoints &at(std::int64_t column) {
        if (columns.empty() || columns.back().column < column) {
            columns.push_back(ColumnPoints{column});
            return columns.back();
        }
        if (columns.back().column == column)
            return columns.back();
        const auto it = std::ranges::lower_bound(columns, column, {}, &ColumnPoints::column);
        if (it != columns.end() && it->column == column)
            return *it;
        return *columns.insert(it, ColumnPoints{column});
    }
    void addGap(std::int64_t column, std::int64_t t) { gapEnds.emplace_back(column, t); }
};

} // namespace

class CollectorStore::Impl {
public:
    sql::Database db;

    StoreResult<sql::Statement *> statement(const std::string &text) {
        auto it = m_cache.find(text);
        if (it == m_cache.end()) {
            auto stmt = db.prepare(text, true);
            if (!stmt)
                return std::unexpected(stmt.error());
            it = m_cache.emplace(text, std::move(*stmt)).first;
        }
        it->second.reset();
        it->second.clearBindings();
        return &it->second;
    }

    StoreResult<std::optional<std::int64_t>> single(const std::string &text,
                                                    std::initializer_list<std::int64_t> args = {}) {
        auto stmt = statement(text);
        if (!stmt)
            return std::unexpected(stmt.error());
        int i = 1;
        for (std::int64_t a : args)
            (*stmt)->bind(i++, a);
        auto row = (*stmt)->step();
        if (!row)
            return std::unexpected(row.error());
        std::optional<std::int64_t> value;
        if (*row && !(*stmt)->isNull(0))
            value = (*stmt)->int64(0);
        (*stmt)->reset();
        return value;
    }

    // What each tier holds, read with one cached statement.
    StoreResult<Coverages> coverage() {
        auto stmt = statement(CoverageQuery);
        if (!stmt)
            return std::unexpected(stmt.error());
        auto row = (*stmt)->step();
        if (!row)
            return std::unexpected(row.error());
        const Coverages cov = *row ? coverageFromRow(**stmt) : Coverages{};
        (*stmt)->reset();
        return cov;
    }

    StoreResult<bool> seekRawRows() {
        auto count = single("SELECT count(*) FROM nodes");
        if (!count)
            return std::unexpected(count.error());
        return count->value_or(0) > ScanNodeLimit;
    }

    // One consistent read of the tiers: the transaction holding it, what each tier covers,
    // and whether one node's raw rows are sought (many nodes) or scanned.
    struct TierRead {
        sql::Transaction tx;
        Coverages coverage;
        bool seek = false;
    };
    StoreResult<TierRead> beginTierRead(bool forOneNode) {
        auto tx = sql::Transaction::begin(db, sql::Transaction::Kind::Deferred);
        if (!tx)
            return std::unexpected(tx.error());
        auto cov = coverage();
        if (!cov)
            return std::unexpected(cov.error());
        bool seek = false;
        if (forOneNode) {
            auto s = seekRawRows();
            if (!s)
                return std::unexpected(s.error());
            seek = *s;
        }
        return TierRead{std::move(*tx), *cov, seek};
    }

    StoreResult<Series> series(const SeriesQuery &q);
    StoreResult<QList<Series>> series(const QList<SeriesQuery> &queries);
    StoreResult<std::optional<Stats>> stats(std::optional<NodeId> node, std::int64_t from,
                                            std::int64_t to);

private:
    // How a segment's rows are reduced to their columns' points: grouped in
    // SQL, or streamed in time order and reduced here (same columns, much less
    // work per row).
    enum class Reduction { Sql, Streamed };
    // Queries of one node over one range at one resolution (several metrics):
    // planned once; streamed, their rows are read in one pass.
    StoreResult<QList<Series>> plannedSeries(const QList<SeriesQuery> &group, const Coverages &cov,
                                             bool seek, Reduction reduction);
    StoreResult<void> m4(const SeriesQuery &q, const Segment &segment, bool seek,
                         std::int64_t columns, Columns &out);
    StoreResult<void> m4Streamed(const QList<SeriesQuery> &group, const Segment &segment, bool seek,
                                 std::int64_t columns, std::vector<Columns> &out);
    StoreResult<void> plain(const SeriesQuery &q, const Segment &segment, bool seek,
                            QList<SeriesPoint> &out);
    StoreResult<void> addStats(std::optional<NodeId> node, const Segment &segment, bool seek,
                               Stats &sum, std::array<double, MetricCount> &totals);

    std::unordered_map<std::string, sql::Statement> m_cache;
    // plannedSeries()' columns, one per line of a group; at most KeptColumns
    // columns' worth is kept between queries.
    static constexpr std::int64_t KeptColumns = 16384;
    std::vector<Columns> m_columns;
};

StoreResult<void> CollectorStore::Impl::plain(const SeriesQuery &q, const Segment &segment,
                                              bool seek, QList<SeriesPoint> &out) {
    const RowSource src = valueRows(segment.tier, !q.node, q.metric, seek);
    const std::string text =
        withClause(src.with, "src AS (SELECT t, v, t - lag(t) OVER (ORDER BY t) AS dt FROM (" +
                                 src.rows + "))") +
        "SELECT t, v, dt FROM src ORDER BY t";
    auto stmt = statement(text);
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    s.bind(1, segment.from).bind(2, segment.to);
    if (q.node)
        s.bind(3, *q.node);
    const std::int64_t threshold = gapThreshold(segment.tier);
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        out.append(SeriesPoint{s.int64(0), s.real(1), !s.isNull(2) && s.int64(2) > threshold});
    }
    s.reset();
    return {};
}

StoreResult<void> CollectorStore::Impl::m4(const SeriesQuery &q, const Segment &segment, bool seek,
                                           std::int64_t columns, Columns &out) {
    const RowSource src = valueRows(segment.tier, !q.node, q.metric, seek);
    // One pass numbers the rows into pixel columns; then per column: the
    // first and last row's value (bare columns beside min(t)/max(t) come from
    // that row in SQLite), the min and max with their times, and the longest
    // gap before a row.
    const std::string text =
        withClause(src.with, "src AS (SELECT t, v, lo, hi, t - lag(t) OVER (ORDER BY t) AS dt "
                             "FROM (" +
                                 src.rows +
                                 ")), b AS MATERIALIZED (SELECT max(0, (t - ?4) * ?5 / ?6) AS "
                                 "col, t, v, lo, hi, dt FROM src)") +
        "SELECT 0, col, min(t), v FROM b GROUP BY col "
        "UNION ALL SELECT 3, col, max(t), v FROM b GROUP BY col "
        "UNION ALL SELECT 1, col, t, min(lo) FROM b GROUP BY col "
        "UNION ALL SELECT 2, col, t, max(hi) FROM b GROUP BY col "
        "UNION ALL SELECT 4, col, t, max(dt) FROM b GROUP BY col";
    auto stmt = statement(text);
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    const std::int64_t step = tierStep(segment.tier);
    s.bind(1, floorTo(segment.from, step)).bind(2, segment.to);
    if (q.node)
        s.bind(3, *q.node);
    s.bind(4, q.from).bind(5, columns).bind(6, q.to - q.from + 1);

    const std::int64_t threshold = gapThreshold(segment.tier);
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const int role = static_cast<int>(s.int64(0));
        const std::int64_t column = std::min(s.int64(1), columns - 1);
        if (role == 4) {
            if (!s.isNull(3) && s.int64(3) > threshold)
                out.addGap(column, s.int64(2));
            continue;
        }
        const std::int64_t t = s.int64(2);
        out.at(column).add(Candidate{t, s.real(3), role});
        if (!out.segmentFirst || t < *out.segmentFirst)
            out.segmentFirst = t;
        if (!out.segmentLast || t > *out.segmentLast)
            out.segmentLast = t;
    }
    s.reset();
    return {};
}

StoreResult<void> CollectorStore::Impl::m4Streamed(const QList<SeriesQuery> &group,
                                                   const Segment &segment, bool seek,
                                                   std::int64_t columns,
                                                   std::vector<Columns> &out) {
    const SeriesQuery &q = group.first();
    QList<Metric> metrics;
    for (const SeriesQuery &one : group)
        metrics.append(one.metric);
    const RowSource src = valueRowsMany(segment.tier, !q.node, metrics, seek);
    const bool raw = segment.tier == Tier::Raw;
    const std::string text = withPrefix(src.with) + "SELECT * FROM (" + src.rows + ") ORDER BY t";
    auto stmt = statement(text);
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    const std::int64_t step = tierStep(segment.tier);
    s.bind(1, floorTo(segment.from, step)).bind(2, segment.to);
    if (q.node)
        s.bind(3, *q.node);

    // The column being reduced: what m4() groups per column, kept while the
    // rows arrive in time order. Ties keep the earliest row.
    struct Extremes {
        Candidate first{}, last{}, min{}, max{};
    };
    QList<Extremes> open(group.size());
    std::int64_t openCol = -1;
    std::int64_t gapEnd = 0;
    std::int64_t gapLength = -1;
    const std::int64_t span = q.to - q.from + 1;
    const std::int64_t threshold = gapThreshold(segment.tier);
    const auto close = [&] {
        if (openCol < 0)
            return;
        for (qsizetype k = 0; k < group.size(); ++k) {
            ColumnPoints &col = out[static_cast<size_t>(k)].at(openCol);
            const Extremes &e = open[k];
            for (const Candidate &c : {e.first, e.min, e.max, e.last})
                col.add(c);
            if (gapLength > threshold)
                out[static_cast<size_t>(k)].addGap(openCol, gapEnd);
        }
    };
    std::optional<std::int64_t> previous;
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const std::int64_t t = s.int64(0);
        const std::int64_t col =
            std::clamp<std::int64_t>((t - q.from) * columns / span, 0, columns - 1);
        const bool opening = col != openCol;
        if (opening) {
            close();
            openCol = col;
            gapEnd = 0;
            gapLength = -1;
        }
        const double n = raw ? 1 : s.real(1);
        for (qsizetype k = 0; k < group.size(); ++k) {
            double v, lo, hi;
            if (raw) {
                v = lo = hi = s.real(1 + static_cast<int>(k));
            } else {
                const int c = 2 + 3 * static_cast<int>(k);
                v = s.real(c) / n;
                lo = s.real(c + 1);
                hi = s.real(c + 2);
            }
            Extremes &e = open[k];
            if (opening) {
                e = Extremes{{t, v, 0}, {t, v, 3}, {t, lo, 1}, {t, hi, 2}};
                continue;
            }
            e.last = Candidate{t, v, 3};
            if (lo < e.min.value)
                e.min = Candidate{t, lo, 1};
            if (hi > e.max.value)
                e.max = Candidate{t, hi, 2};
        }
        if (previous && t - *previous > gapLength) {
            gapLength = t - *previous;
            gapEnd = t;
        }
        previous = t;
        for (Columns &c : out) {
            if (!c.segmentFirst || t < *c.segmentFirst)
                c.segmentFirst = t;
            if (!c.segmentLast || t > *c.segmentLast)
                c.segmentLast = t;
        }
    }
    close();
    s.reset();
    return {};
}

namespace {

// The columns' points in time order: each column's earliest, lowest,
// highest and latest candidate, with a break before the first point at or
// after each gap.
void emitColumns(Columns &columns, QList<SeriesPoint> &out, bool &reduced) {
    std::ranges::stable_sort(columns.gapEnds, {}, &std::pair<std::int64_t, std::int64_t>::first);
    auto gap = columns.gapEnds.cbegin();
    out.reserve(out.size() + 4 * static_cast<qsizetype>(columns.columns.size()));
    for (const ColumnPoints &col : columns.columns) {
        std::array<Candidate, 4> chosen = {col.first, col.low, col.high, col.last};
        // Insertion sort: stable, and no allocation for four elements.
        for (size_t i = 1; i < chosen.size(); ++i) {
            for (size_t j = i; j > 0 && earlier(chosen[j], chosen[j - 1]); --j)
                std::swap(chosen[j], chosen[j - 1]);
        }
        if (col.candidates > 1)
            reduced = true;
        const qsizetype first = out.size();
        for (const Candidate &c : chosen) {
            if (out.size() > first && out.last().t == c.t && out.last().value == c.value)
                continue;
            out.append(SeriesPoint{c.t, c.value, false});
        }
        for (; gap != columns.gapEnds.cend() && gap->first <= col.column; ++gap) {
            if (gap->first < col.column)
                continue; // a gap in a column without points: nothing to break
            for (qsizetype i = first; i < out.size(); ++i) {
                if (out[i].t >= gap->second) {
                    out[i].gapBefore = true;
                    break;
                }
            }
        }
    }
}

} // namespace

namespace {

std::optional<StoreError> checkSeriesQuery(const SeriesQuery &q) {
    if (auto bad = checkRange(q.from, q.to))
        return bad;
    if (auto bad = checkNode(q.node))
        return bad;
    if (q.maxPoints < 4 || q.maxPoints > MaxPoints)
        return invalid(u"maxPoints %1 is not in 4..%2"_s.arg(q.maxPoints).arg(MaxPoints));
    return std::nullopt;
}

} // namespace

StoreResult<Series> CollectorStore::Impl::series(const SeriesQuery &q) {
    if (auto bad = checkSeriesQuery(q))
        return std::unexpected(*bad);
    auto read = beginTierRead(q.node.has_value());
    if (!read)
        return std::unexpected(read.error());
    auto one = plannedSeries(QList<SeriesQuery>{q}, read->coverage, read->seek, Reduction::Sql);
    if (!one)
        return std::unexpected(one.error());
    return std::move(one->first());
}

StoreResult<QList<Series>> CollectorStore::Impl::series(const QList<SeriesQuery> &queries) {
    for (const SeriesQuery &q : queries) {
        if (auto bad = checkSeriesQuery(q))
            return std::unexpected(*bad);
    }
    auto read = beginTierRead(
        std::ranges::any_of(queries, [](const SeriesQuery &q) { return q.node.has_value(); }));
    if (!read)
        return std::unexpected(read.error());
    // Neighbours that differ only in the metric share their rows.
    const auto sameRows = [](const SeriesQuery &a, const SeriesQuery &b) {
        return a.node == b.node && a.from == b.from && a.to == b.to && a.maxPoints == b.maxPoints &&
               a.tier == b.tier;
    };
    QList<Series> out;
    out.reserve(queries.size());
    for (qsizetype i = 0; i < queries.size();) {
        qsizetype j = i + 1;
        while (j < queries.size() && sameRows(queries[i], queries[j]))
            ++j;
        auto group =
            plannedSeries(queries.mid(i, j - i), read->coverage, read->seek, Reduction::Streamed);
        if (!group)
            return std::unexpected(group.error());
        out.append(std::move(*group));
        i = j;
    }
    return out;
}

StoreResult<QList<Series>> CollectorStore::Impl::plannedSeries(const QList<SeriesQuery> &group,
                                                               const Coverages &coverage, bool seek,
                                                               Reduction reduction) {
    const SeriesQuery &q = group.first();
    const std::int64_t span = q.to - q.from + 1;
    const std::int64_t columns = std::max(1, q.maxPoints / 4);
    Tier preferred = Tier::Raw;
    if (q.tier) {
        preferred = *q.tier;
    } else {
        const std::int64_t width = span / columns;
        preferred = width >= 3600 ? Tier::Hour : width >= 60 ? Tier::Minute : Tier::Raw;
    }

    QList<Series> results(group.size());
    for (Series &result : results) {
        result.tier = preferred;
        result.gapThreshold = gapThreshold(preferred);
    }
    const QList<Segment> segments = planSeries(coverage, preferred, q.from, q.to);
    // Few enough raw rows for the whole range: every row as it is.
    if (segments.size() == 1 && segments.first().tier == Tier::Raw && span <= q.maxPoints) {
        for (qsizetype k = 0; k < group.size(); ++k) {
            if (auto done = plain(group[k], segments.first(), seek, results[k].points); !done)
                return std::unexpected(done.error());
        }
        return results;
    }
    // Reused between queries: a fresh vector per line would grow through
    // several reallocations (and fresh pages) every time.
    std::vector<Columns> &columnPoints = m_columns;
    columnPoints.resize(static_cast<size_t>(group.size()));
    for (Columns &c : columnPoints) {
        c.columns.clear();
        c.gapEnds.clear();
        c.columns.reserve(static_cast<size_t>(std::min<std::int64_t>(columns, KeptColumns)));
    }
    const auto release = qScopeGuard([&] {
        for (Columns &c : columnPoints) {
            if (c.columns.capacity() > KeptColumns)
                c.columns = {};
        }
    });
    std::optional<std::int64_t> previousLast;
    std::optional<Tier> previousTier;
    for (const Segment &segment : segments) {
        for (Columns &c : columnPoints) {
            c.segmentFirst.reset();
            c.segmentLast.reset();
        }
        if (reduction == Reduction::Streamed) {
            if (auto done = m4Streamed(group, segment, seek, columns, columnPoints); !done)
                return std::unexpected(done.error());
        } else {
            for (qsizetype k = 0; k < group.size(); ++k) {
                if (auto done =
                        m4(group[k], segment, seek, columns, columnPoints[static_cast<size_t>(k)]);
                    !done)
                    return std::unexpected(done.error());
            }
        }
        // Every metric of the group comes from the same rows.
        const Columns &rows = columnPoints.front();
        if (!rows.segmentFirst)
            continue;
        // A gap where one tier's rows end and the next one's begin: judged by
        // the coarser tier's threshold.
        if (previousLast && previousTier) {
            const std::int64_t threshold =
                std::max(gapThreshold(segment.tier), gapThreshold(*previousTier));
            if (*rows.segmentFirst - *previousLast > threshold) {
                const std::int64_t col = std::clamp<std::int64_t>(
                    (*rows.segmentFirst - q.from) * columns / span, 0, columns - 1);
                const std::int64_t at = *rows.segmentFirst;
                for (Columns &c : columnPoints)
                    c.addGap(col, at);
            }
        }
        previousLast = rows.segmentLast;
        previousTier = segment.tier;
    }
    for (qsizetype k = 0; k < group.size(); ++k)
        emitColumns(columnPoints[static_cast<size_t>(k)], results[k].points, results[k].reduced);
    return results;
}

StoreResult<void> CollectorStore::Impl::addStats(std::optional<NodeId> node, const Segment &segment,
                                                 bool seek, Stats &sum,
                                                 std::array<double, MetricCount> &totals) {
    std::string text;
    if (segment.tier == Tier::Raw) {
        std::string aggregates = "count(*)";
        for (Metric m : AllMetrics) {
            const std::string c = schema::column(m);
            aggregates += ", min(" + c + "), max(" + c + "), total(" + c + ")";
        }
        if (node) {
            const RowSource rows = nodeRawRows(seek);
            text = withPrefix(rows.with) + "SELECT " + aggregates + " FROM (" + rows.rows + ")";
        } else {
            text = "SELECT " + aggregates + " FROM cluster_raw WHERE t BETWEEN ?1 AND ?2";
        }
    } else {
        std::string aggregates = "total(n)";
        for (Metric m : AllMetrics) {
            const std::string c = schema::column(m);
            aggregates += ", min(" + c + "_min), max(" + c + "_max), total(" + c + "_sum)";
        }
        text = "SELECT " + aggregates + " FROM " + tierTable(segment.tier, !node) +
               " WHERE t BETWEEN ?1 AND ?2" + (node ? " AND node = ?3" : "");
    }
    auto stmt = statement(text);
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    s.bind(1, segment.from).bind(2, segment.to);
    if (node)
        s.bind(3, *node);
    auto row = s.step();
    if (!row)
        return std::unexpected(row.error());
    const auto samples = static_cast<std::int64_t>(s.real(0));
    if (*row && samples > 0) {
        const bool first = sum.samples == 0;
        sum.samples += samples;
        for (int i = 0; i < MetricCount; ++i) {
            MetricStats &m = sum.metrics[i];
            const double lo = s.real(1 + 3 * i);
            const double hi = s.real(2 + 3 * i);
            m.min = first ? lo : std::min(m.min, lo);
            m.max = first ? hi : std::max(m.max, hi);
            totals[i] += s.real(3 + 3 * i);
        }
    }
    s.reset();
    return {};
}

StoreResult<std::optional<Stats>> CollectorStore::Impl::stats(std::optional<NodeId> node,
                                                              std::int64_t from, std::int64_t to) {
    if (auto bad = checkRange(from, to))
        return std::unexpected(*bad);
    if (auto bad = checkNode(node))
        return std::unexpected(*bad);
    auto read = beginTierRead(node.has_value());
    if (!read)
        return std::unexpected(read.error());
    const QList<Segment> segments = planStats(read->coverage, from, to);
    Stats result;
    std::array<double, MetricCount> totals{};
    for (const Segment &segment : segments) {
        if (auto done = addStats(node, segment, read->seek, result, totals); !done)
            return std::unexpected(done.error());
    }
    if (result.samples == 0)
        return std::optional<Stats>{};
    for (int i = 0; i < MetricCount; ++i)
        result.metrics[i].avg = totals[i] / static_cast<double>(result.samples);
    return std::optional<Stats>{result};
}

CollectorStore::CollectorStore(std::unique_ptr<Impl> impl)
    : d(std::move(impl)) {}

CollectorStore::~CollectorStore() = default;

StoreResult<std::unique_ptr<CollectorStore>> CollectorStore::open(const QString &path,
                                                                  Access access) {
    if (!QFileInfo(path).isFile()) {
        return std::unexpected(
            StoreError{StoreError::Kind::NotFound, u"%1: no such file"_s.arg(path), 0});
    }
    auto db =
        sql::Database::open(path, access == Access::ReadOnly ? sql::Database::Mode::ReadOnly
                                                             : sql::Database::Mode::ReadWrite);
    if (!db)
        return std::unexpected(db.error());
    auto version = schema::check(*db);
    if (!version)
        return std::unexpected(version.error());
    if (*version == 0) {
        return std::unexpected(StoreError{StoreError::Kind::NotACollectorDatabase,
                                          u"%1: an empty database, not a collector's"_s.arg(path),
                                          0});
    }
    if (*version < SchemaVersion) {
        if (access == Access::ReadOnly) {
            return std::unexpected(StoreError{
                StoreError::Kind::SchemaTooOld,
                u"%1: schema version %2 needs upgrading to %3; open it for writing once"_s.arg(path)
                    .arg(*version)
                    .arg(SchemaVersion),
                0});
        }
        if (auto done = schema::ensure(*db, SchemaVersion); !done)
            return std::unexpected(done.error());
    }
    auto impl = std::make_unique<Impl>();
    impl->db = std::move(*db);
    return std::unique_ptr<CollectorStore>(new CollectorStore(std::move(impl)));
}

const QString &CollectorStore::path() const {
    return d->db.path();
}

StoreResult<std::optional<TimeRange>> CollectorStore::range() {
    auto tx = sql::Transaction::begin(d->db, sql::Transaction::Kind::Deferred);
    if (!tx)
        return std::unexpected(tx.error());
    // Each subquery is one b-tree seek (min/max of a key); nodes is small.
    auto stmt = d->statement(
        "SELECT (SELECT min(t) FROM cluster_raw), (SELECT min(t) FROM cluster_minute), "
        "(SELECT min(t) FROM cluster_hour), (SELECT min(first_t) FROM nodes), "
        "(SELECT min(t) FROM proc_snapshots), (SELECT max(t) FROM cluster_raw), "
        "(SELECT max(t) FROM cluster_minute), (SELECT max(t) FROM cluster_hour), "
        "(SELECT max(t) FROM proc_snapshots)");
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    auto row = s.step();
    if (!row)
        return std::unexpected(row.error());
    std::array<std::optional<std::int64_t>, 9> v;
    for (int i = 0; *row && i < 9; ++i) {
        if (!s.isNull(i))
            v[static_cast<size_t>(i)] = s.int64(i);
    }
    s.reset();
    const auto earliest = [](std::optional<std::int64_t> a, std::optional<std::int64_t> b) {
        return a && b ? std::min(*a, *b) : a ? a : b;
    };
    const auto latest = [](std::optional<std::int64_t> a, std::optional<std::int64_t> b) {
        return a && b ? std::max(*a, *b) : a ? a : b;
    };
    // The node samples begin in their earliest row. A minute or an hour row
    // starts at its minute or hour, before the first sample it holds; when
    // the first sample a node ever sent (nodes.first_t) lies inside that row,
    // it is where the samples begin. When it lies before, the rows that held
    // it were pruned, and the earliest row's start is all that is known.
    std::optional<std::int64_t> nodesFirst;
    std::int64_t rowEnd = INT64_MAX;
    for (const Tier tier : AllTiers) {
        const auto first = v[static_cast<size_t>(tier)];
        if (!first || (nodesFirst && *first > *nodesFirst))
            continue;
        const std::int64_t end = *first + tierStep(tier);
        rowEnd = nodesFirst && *first == *nodesFirst ? std::min(rowEnd, end) : end;
        nodesFirst = first;
    }
    if (const auto raw = v[0])
        rowEnd = std::min(rowEnd, *raw + 1);
    if (const auto seen = v[3]; nodesFirst && seen && *seen > *nodesFirst && *seen < rowEnd)
        nodesFirst = seen;
    const auto first = earliest(nodesFirst, v[4]);
    const auto last = latest(latest(v[5], v[6]), latest(v[7], v[8]));
    if (!first || !last)
        return std::optional<TimeRange>{};
    return std::optional<TimeRange>{TimeRange{*first, *last}};
}

StoreResult<QList<NodeInfo>> CollectorStore::nodes() {
    auto stmt =
        d->statement("SELECT node, hostname, address, first_t, last_t FROM nodes ORDER BY node");
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    QList<NodeInfo> out;
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        out.append(NodeInfo{static_cast<NodeId>(s.int64(0)), s.text(1), s.text(2), s.int64(3),
                            s.int64(4)});
    }
    s.reset();
    return out;
}

StoreResult<Series> CollectorStore::series(const SeriesQuery &query) {
    return d->series(query);
}

StoreResult<QList<Series>> CollectorStore::series(const QList<SeriesQuery> &queries) {
    return d->series(queries);
}

StoreResult<std::optional<Stats>> CollectorStore::stats(std::optional<NodeId> node,
                                                        std::int64_t from, std::int64_t to) {
    return d->stats(node, from, to);
}

StoreResult<QList<SampleRow>> CollectorStore::samples(NodeId node, std::int64_t from,
                                                      std::int64_t to) {
    if (auto bad = checkRange(from, to))
        return std::unexpected(*bad);
    if (auto bad = checkNode(node))
        return std::unexpected(*bad);
    auto tx = sql::Transaction::begin(d->db, sql::Transaction::Kind::Deferred);
    if (!tx)
        return std::unexpected(tx.error());
    auto seek = d->seekRawRows();
    if (!seek)
        return std::unexpected(seek.error());
    NodeSample base;
    base.node = node;
    {
        auto names = d->statement("SELECT hostname, address FROM nodes WHERE node = ?1");
        if (!names)
            return std::unexpected(names.error());
        (*names)->bind(1, node);
        auto row = (*names)->step();
        if (!row)
            return std::unexpected(row.error());
        if (*row) {
            base.hostname = (*names)->text(0);
            base.address = (*names)->text(1);
        }
        (*names)->reset();
    }
    const RowSource rows = nodeRawRows(*seek);
    auto stmt = d->statement(
        withPrefix(rows.with) +
        "SELECT t, status, load, util, mem_used, mem_free, mem_total, speed, cpus FROM (" +
        rows.rows + ") ORDER BY t");
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    s.bind(1, from).bind(2, to).bind(3, node);
    QList<SampleRow> out;
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        NodeSample sample = base;
        sample.status = static_cast<std::int32_t>(s.int64(1));
        sample.load = static_cast<std::uint32_t>(s.int64(2));
        sample.util = static_cast<std::uint32_t>(s.int64(3));
        sample.memUsed = static_cast<std::uint64_t>(s.int64(4));
        sample.memFree = static_cast<std::uint64_t>(s.int64(5));
        sample.memTotal = static_cast<std::uint64_t>(s.int64(6));
        sample.speed = static_cast<std::uint32_t>(s.int64(7));
        sample.cpus = static_cast<std::uint32_t>(s.int64(8));
        out.append(SampleRow{s.int64(0), sample});
    }
    s.reset();
    return out;
}

StoreResult<QList<Checkpoint>> CollectorStore::checkpoints(std::int64_t from, std::int64_t to) {
    if (auto bad = checkRange(from, to))
        return std::unexpected(*bad);
    auto stmt = d->statement(
        "SELECT id, t, label FROM checkpoints WHERE t BETWEEN ?1 AND ?2 ORDER BY t, id");
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    s.bind(1, from).bind(2, to);
    QList<Checkpoint> out;
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        out.append(Checkpoint{s.int64(0), s.int64(1), s.text(2)});
    }
    s.reset();
    return out;
}

StoreResult<QList<MigrationRecord>> CollectorStore::migrations(std::int64_t from, std::int64_t to,
                                                               std::optional<NodeId> node) {
    if (auto bad = checkRange(from, to))
        return std::unexpected(*bad);
    if (auto bad = checkNode(node))
        return std::unexpected(*bad);
    // ?3 = 0 (no node ID is 0) means every node.
    auto stmt = d->statement(
        "SELECT t, at_ms, id, pid, command, home, from_node, to_node, outcome, failure, message, "
        "bytes, freeze_ms, total_ms, reason FROM migrations WHERE t BETWEEN ?1 AND ?2 AND "
        "(?3 = 0 OR from_node = ?3 OR to_node = ?3) ORDER BY t, at_ms, id");
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    s.bind(1, from).bind(2, to).bind(3, node.value_or(0));
    QList<MigrationRecord> out;
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        MigrationRecord m;
        m.t = s.int64(0);
        m.atMs = s.int64(1);
        m.id = s.text(2);
        m.pid = static_cast<std::int32_t>(s.int64(3));
        m.command = s.text(4);
        m.home = static_cast<NodeId>(s.int64(5));
        m.from = static_cast<NodeId>(s.int64(6));
        m.to = static_cast<NodeId>(s.int64(7));
        // The table's CHECK admits these two only.
        m.outcome = outcomeFromName(s.text(8)).value_or(MigrationRecord::Outcome::Failed);
        m.failure = s.text(9);
        m.message = s.text(10);
        m.bytes = s.int64(11);
        m.freezeMs = s.int64(12);
        m.totalMs = s.int64(13);
        m.reason = s.text(14);
        out.append(std::move(m));
    }
    s.reset();
    return out;
}

StoreResult<ProcessSnapshot> CollectorStore::processSnapshot(std::optional<NodeId> node,
                                                             std::int64_t t) {
    if (auto bad = checkRange(t, t))
        return std::unexpected(*bad);
    if (auto bad = checkNode(node))
        return std::unexpected(*bad);
    auto tx = sql::Transaction::begin(d->db, sql::Transaction::Kind::Deferred);
    if (!tx)
        return std::unexpected(tx.error());
    const std::string scope = node ? " AND node = ?2" : "";
    auto at = [&](const std::string &text, std::int64_t time) {
        return node ? d->single(text + scope, {time, *node}) : d->single(text, {time});
    };
    ProcessSnapshot result;
    auto found = at("SELECT max(t) FROM proc_snapshots WHERE t <= ?1", t);
    if (!found)
        return std::unexpected(found.error());
    result.t = *found;
    const std::int64_t pivot = result.t.value_or(t);
    if (result.t) {
        auto previous = at("SELECT max(t) FROM proc_snapshots WHERE t < ?1", pivot);
        if (!previous)
            return std::unexpected(previous.error());
        result.previous = *previous;
    }
    auto next = at("SELECT min(t) FROM proc_snapshots WHERE t > ?1", pivot);
    if (!next)
        return std::unexpected(next.error());
    result.next = *next;
    if (!result.t)
        return result;

    auto stmt = d->statement(std::string("SELECT ") + ProcessColumns +
                             " FROM proc_snapshots ps JOIN proc_samples s ON s.snapshot = ps.id "
                             "JOIN procs p ON p.id = s.proc WHERE ps.t = ?1" +
                             (node ? " AND ps.node = ?2" : "") + " ORDER BY p.node, p.pid");
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    s.bind(1, *result.t);
    if (node)
        s.bind(2, *node);
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        result.processes.append(decodeProcess(s));
    }
    s.reset();
    return result;
}

StoreResult<QList<ProcessUsage>> CollectorStore::topCpu(std::optional<NodeId> node,
                                                        std::int64_t from, std::int64_t to,
                                                        int limit, bool includeGuests) {
    if (auto bad = checkRange(from, to))
        return std::unexpected(*bad);
    if (auto bad = checkNode(node))
        return std::unexpected(*bad);
    if (limit < 1 || limit > 10000)
        return std::unexpected(invalid(u"limit %1 is not in 1..10000"_s.arg(limit)));
    const std::string scope = node ? " AND node = ?4" : "";
    // CPU time is cumulative: what a process used in the interval is its last
    // value minus its value at the snapshot before the interval (or all of it
    // when it started inside the interval).
    const std::string text =
        "WITH lo AS (SELECT coalesce((SELECT max(t) FROM proc_snapshots WHERE t <= ?1" + scope +
        "), ?1) AS t), "
        "sn AS (SELECT id, t FROM proc_snapshots WHERE t >= (SELECT t FROM lo) AND t <= ?2" +
        scope +
        "), "
        "agg AS (SELECT s.proc AS proc, min(s.cpu_ms) AS cpu0, max(s.cpu_ms) AS cpu1, "
        "max(CASE WHEN sn.t >= ?1 THEN s.cpu_pct END) AS peak, "
        "max(CASE WHEN sn.t >= ?1 THEN s.rss END) AS rss, "
        "min(s.nmigs) AS m0, max(s.nmigs) AS m1, "
        "min(CASE WHEN sn.t >= ?1 THEN sn.t END) AS first, max(sn.t) AS last "
        "FROM sn JOIN proc_samples s ON s.snapshot = sn.id GROUP BY s.proc "
        "HAVING max(sn.t) >= ?1), "
        "ranked AS (SELECT a.proc, p.node, p.pid, p.user, p.command, p.cmdline, p.guest, "
        "CASE WHEN p.start_ms >= ?1 * 1000 THEN a.cpu1 ELSE a.cpu1 - a.cpu0 END AS used, "
        "a.peak, a.rss, a.m1 - a.m0 AS migrations, a.first, a.last "
        "FROM agg a JOIN procs p ON p.id = a.proc" +
        std::string(includeGuests ? "" : " WHERE p.guest = 0") +
        " ORDER BY used DESC, p.node, p.pid LIMIT ?3) "
        "SELECT r.*, (SELECT s2.where_node FROM proc_samples s2 JOIN proc_snapshots ps2 ON "
        "ps2.id = s2.snapshot WHERE s2.proc = r.proc AND ps2.t = r.last) FROM ranked r "
        "ORDER BY r.used DESC, r.node, r.pid";
    auto tx = sql::Transaction::begin(d->db, sql::Transaction::Kind::Deferred);
    if (!tx)
        return std::unexpected(tx.error());
    auto stmt = d->statement(text);
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    s.bind(1, from).bind(2, to).bind(3, limit);
    if (node)
        s.bind(4, *node);
    QList<ProcessUsage> out;
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        ProcessUsage u;
        u.procId = s.int64(0);
        u.node = static_cast<NodeId>(s.int64(1));
        u.pid = static_cast<std::int32_t>(s.int64(2));
        u.user = s.text(3);
        u.command = s.text(4);
        u.cmdline = s.text(5);
        u.guest = s.int64(6) != 0;
        u.cpuMs = s.int64(7);
        u.peakCpuPercent = s.real(8);
        u.peakRss = static_cast<std::uint64_t>(s.int64(9));
        u.migrations = static_cast<std::uint32_t>(s.int64(10));
        u.firstSeen = s.int64(11);
        u.lastSeen = s.int64(12);
        u.lastWhere = static_cast<NodeId>(s.int64(13));
        out.append(u);
    }
    s.reset();
    return out;
}

StoreResult<QList<ProcessHistoryPoint>>
CollectorStore::processHistory(std::int64_t procId, std::int64_t from, std::int64_t to) {
    if (auto bad = checkRange(from, to))
        return std::unexpected(*bad);
    auto stmt = d->statement(std::string("SELECT ps.t, ") + ProcessColumns +
                             " FROM proc_samples s JOIN proc_snapshots ps ON ps.id = s.snapshot "
                             "JOIN procs p ON p.id = s.proc WHERE s.proc = ?1 AND ps.t BETWEEN ?2 "
                             "AND ?3 ORDER BY ps.t");
    if (!stmt)
        return std::unexpected(stmt.error());
    sql::Statement &s = **stmt;
    s.bind(1, procId).bind(2, from).bind(3, to);
    QList<ProcessHistoryPoint> out;
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        out.append(ProcessHistoryPoint{s.int64(0), decodeProcess(s, 1).sample});
    }
    s.reset();
    return out;
}

} // namespace omview::store
