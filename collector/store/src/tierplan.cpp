#include "tierplan.h"

#include <algorithm>
#include <vector>

namespace omview::store {

std::int64_t floorTo(std::int64_t t, std::int64_t step) {
    return t >= 0 ? t / step * step : -((-t + step - 1) / step) * step;
}

std::int64_t ceilTo(std::int64_t t, std::int64_t step) {
    return floorTo(t + step - 1, step);
}

Coverages coverageFromRow(const sql::Statement &row) {
    const auto value = [&](int column) {
        return row.isNull(column) ? std::nullopt : std::optional<std::int64_t>(row.int64(column));
    };
    Coverages cov{};
    if (const auto first = value(0), last = value(1); first && last)
        cov[0] = Coverage{*first, *last + 1};
    for (int tier = 1; tier < 3; ++tier) {
        const auto first = value(2 * tier);
        const auto marker = value(2 * tier + 1);
        if (first && marker)
            cov[tier] = Coverage{*first, *marker};
    }
    return cov;
}

StoreResult<Coverages> loadCoverage(sql::Database &db) {
    auto stmt = db.prepare(CoverageQuery);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return Coverages{};
    return coverageFromRow(*stmt);
}

QList<Segment> planSeries(const Coverages &cov, Tier preferred, std::int64_t from,
                          std::int64_t to) {
    // Every coverage bound cuts the range, so within a piece a tier holds all
    // of it or none of it.
    std::vector<std::int64_t> cuts = {from, to + 1};
    for (const Coverage &c : cov) {
        for (std::int64_t b : {c.start, c.until}) {
            if (b > from && b <= to)
                cuts.push_back(b);
        }
    }
    std::ranges::sort(cuts);
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    const int want = static_cast<int>(preferred);
    QList<Segment> out;
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
        const std::int64_t a = cuts[i];
        const std::int64_t b = cuts[i + 1];
        int best = -1;
        for (int tier = 0; tier < 3; ++tier) {
            if (!cov[tier].covers(a, b))
                continue;
            if (best < 0 || std::abs(tier - want) < std::abs(best - want))
                best = tier;
        }
        if (best < 0)
            continue;
        const Tier tier = static_cast<Tier>(best);
        if (!out.isEmpty() && out.last().tier == tier && out.last().to == a - 1)
            out.last().to = b - 1;
        else
            out.append(Segment{tier, a, b - 1});
    }
    return out;
}

namespace {

void planStatsLevel(const Coverages &cov, int level, std::int64_t from, std::int64_t to,
                    QList<Segment> &out) {
    if (from > to)
        return;
    if (level == 0) {
        out.append(Segment{Tier::Raw, from, to});
        return;
    }
    const std::int64_t step = tierStep(static_cast<Tier>(level));
    const Coverage &c = cov[level];
    const Coverage &finer = cov[level - 1];
    const bool finerHoldsStart = finer.start < finer.until && finer.start <= from;
    std::int64_t a = finerHoldsStart ? ceilTo(from, step) : floorTo(from, step);
    std::int64_t b = floorTo(to + 1, step) - 1;
    if (c.start < c.until) {
        a = std::max(a, c.start);
        b = std::min(b, c.until - 1);
    } else {
        b = a - 1;
    }
    if (a > b) {
        planStatsLevel(cov, level - 1, from, to, out);
        return;
    }
    planStatsLevel(cov, level - 1, from, std::min(to, a - 1), out);
    out.append(Segment{static_cast<Tier>(level), a, b});
    planStatsLevel(cov, level - 1, std::max(from, b + 1), to, out);
}

} // namespace

QList<Segment> planStats(const Coverages &coverage, std::int64_t from, std::int64_t to) {
    QList<Segment> out;
    planStatsLevel(coverage, 2, from, to, out);
    return out;
}

} // namespace omview::store
