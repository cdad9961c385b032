// The edit that turns one key-sorted list of rows into another, as runs of
// removed, inserted and changed rows a model signals one by one, so views keep
// their selection and scroll position across it.
#pragma once

#include <QList>
#include <algorithm>
#include <concepts>

namespace omview::history {

// Rows first..last, both included.
struct RowRun {
    int first = 0;
    int last = 0;
    int count() const { return last - first + 1; }
    bool operator==(const RowRun &) const = default;
};

struct RowDiff {
    // Apply in this order: removed (old indices, last run first, so earlier
    // runs keep their indices), then inserted (new indices, first run first),
    // then changed (new indices).
    QList<RowRun> removed;
    QList<RowRun> inserted;
    QList<RowRun> changed;

    bool isEmpty() const { return removed.isEmpty() && inserted.isEmpty() && changed.isEmpty(); }
};

namespace detail {
inline QList<RowRun> runsOf(const QList<int> &indices) {
    QList<RowRun> runs;
    for (int i : indices) {
        if (!runs.isEmpty() && runs.last().last + 1 == i)
            runs.last().last = i;
        else
            runs.append(RowRun{i, i});
    }
    return runs;
}
} // namespace detail

// Both lists must be sorted by strictly increasing key. Rows whose keys are
// equal are the same row; `same` says whether its values are unchanged.
template<class Row, class KeyOf, class Same>
    requires std::invocable<KeyOf, const Row &> && std::predicate<Same, const Row &, const Row &>
RowDiff diffRows(const QList<Row> &before, const QList<Row> &after, KeyOf keyOf, Same same) {
    QList<int> removed, inserted, changed;
    qsizetype i = 0, j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && keyOf(before[i]) < keyOf(after[j]))) {
            removed.append(static_cast<int>(i++));
        } else if (i == before.size() || keyOf(after[j]) < keyOf(before[i])) {
            inserted.append(static_cast<int>(j++));
        } else {
            if (!same(before[i], after[j]))
                changed.append(static_cast<int>(j));
            ++i;
            ++j;
        }
    }
    RowDiff diff;
    diff.removed = detail::runsOf(removed);
    std::reverse(diff.removed.begin(), diff.removed.end());
    diff.inserted = detail::runsOf(inserted);
    diff.changed = detail::runsOf(changed);
    return diff;
}

} // namespace omview::history
