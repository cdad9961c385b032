// The per-row state of ProcessFilterProxyModel: what it remembers of each source row so
// that an update touches only the rows it names.
#pragma once

#include "rowsequence.h"

#include <QCollator>
#include <QHash>
#include <QList>
#include <QPersistentModelIndex>
#include <algorithm>
#include <climits>
#include <cstdint>
#include <numeric>
#include <omview/procs/processfilterproxymodel.h>
#include <omview/procs/processlistmodel.h>
#include <vector>

namespace omview::procs {

namespace filterproxy {

using Id = RowSequence::Id;

// More changed rows than this make one dataChanged around them all: views repaint the same,
// and listeners (the pane's actions) run once instead of once per row.
inline constexpr qsizetype MaxChangedRanges = 32;
// A removal of rows scattered over more runs than this is one layout change: a node leaving
// the scope takes a thousand rows from all over a sorted list.
inline constexpr qsizetype MaxRemovedRuns = 32;

enum Flag : std::uint8_t {
    Accepted = 1, // passes the filter
    Moved = 2,    // its key or filter outcome changed: placed again when settling (in `moved`)
    Changed = 4,  // its data changed: in a dataChanged when settling (in `changed`)
    Leaving = 8,  // its source row is about to go
};

// The columns whose cells the filters read (ProcessListModel's class comment: GuestRole is
// signalled on NodeColumn).
inline constexpr unsigned FilterColumns =
    1u << ProcessListModel::PidColumn | 1u << ProcessListModel::UserColumn |
    1u << ProcessListModel::CommandColumn | 1u << ProcessListModel::NodeColumn;

} // namespace filterproxy

struct ProcessFilterProxyModel::Key {
    double number = 0;
    qint32 text = -1; // into Rows::texts; -1: the key is `number`
    bool operator==(const Key &) const = default;
};

// Every source row has an id for as long as it lives; the per-row state is indexed by it, so
// that rows coming and going do not renumber it.
struct ProcessFilterProxyModel::Rows {
    using Id = RowSequence::Id;
    using Flag = filterproxy::Flag;
    using enum filterproxy::Flag;

    RowSequence source; // every source row's id, in the source's order
    RowSequence shown;  // the rows shown, in the proxy's order
    std::vector<Key> keys;
    std::vector<std::uint8_t> flags;
    std::vector<Qt::ItemFlags::Int> itemFlags; // the first column's
    std::vector<Id> freeIds;
    std::vector<Id> moved;
    std::vector<Id> changed;
    int changedLeft = INT_MAX;
    int changedRight = -1;
    // Each distinct text key once, compared by its rank in the collator's order: collating
    // ten thousand times per update would cost more than the rest of it.
    QHash<QString, qint32> textIds;
    std::vector<QString> texts;
    std::vector<qint32> ranks;
    bool ranksStale = false;
    QCollator collator;
    std::vector<qint32> position; // per id, while settling: its source row
    QList<QMetaObject::Connection> connections;
    QModelIndexList layoutFrom;
    QList<QPersistentModelIndex> layoutSources;
    int busy = 0; // in a source's signal or emitting one: no settling now
    bool scheduled = false;
    bool pending = false;

    Rows() {
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
    }

    Id newId() {
        if (!freeIds.empty()) {
            const Id id = freeIds.back();
            freeIds.pop_back();
            return id;
        }
        keys.emplace_back();
        flags.push_back(0);
        itemFlags.push_back(0);
        return Id(keys.size() - 1);
    }

    void mark(Id id, Flag flag) {
        if (flags[id] & flag)
            return;
        flags[id] |= flag;
        (flag == Moved ? moved : changed).push_back(id);
    }

    qint32 intern(const QString &text) {
        if (const auto it = textIds.constFind(text); it != textIds.cend())
            return *it;
        const auto id = qint32(texts.size());
        texts.push_back(text);
        textIds.insert(text, id);
        ranksStale = true;
        return id;
    }

    void clearTexts() {
        textIds.clear();
        texts.clear();
        ranks.clear();
        ranksStale = false;
    }

    // Texts no row has any more go (a long session sees many commands come and go).
    void compactTexts() {
        if (texts.size() < 1024 || qsizetype(texts.size()) < 2 * source.size())
            return;
        std::vector<qint32> renumbered(texts.size(), -1);
        std::vector<QString> kept;
        source.forEach(0, source.size(), [&](Id id) {
            qint32 &text = keys[id].text;
            if (text < 0)
                return;
            if (renumbered[std::size_t(text)] < 0) {
                renumbered[std::size_t(text)] = qint32(kept.size());
                kept.push_back(texts[std::size_t(text)]);
            }
            text = renumbered[std::size_t(text)];
        });
        texts = std::move(kept);
        textIds.clear();
        for (std::size_t i = 0; i < texts.size(); ++i)
            textIds.insert(texts[i], qint32(i));
        ranksStale = true;
    }

    void rank() {
        if (!ranksStale)
            return;
        ranksStale = false;
        std::vector<qint32> order(texts.size());
        std::iota(order.begin(), order.end(), 0);
        std::ranges::sort(order, [this](qint32 a, qint32 b) {
            return collator.compare(texts[std::size_t(a)], texts[std::size_t(b)]) < 0;
        });
        ranks.assign(texts.size(), 0);
        // Texts the collator finds equal share a rank: their rows keep the source's order.
        qint32 rank = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (i > 0 && collator.compare(texts[std::size_t(order[i - 1])],
                                          texts[std::size_t(order[i])]) != 0)
                ++rank;
            ranks[std::size_t(order[i])] = rank;
        }
    }

    void locate() {
        position.resize(keys.size());
        qint32 row = 0;
        source.forEach(0, source.size(), [&](Id id) { position[id] = row++; });
    }

    // Numbers before texts, then by source row: a total order, stable across updates.
    bool before(Id a, Id b, bool descending) const {
        const Key &x = keys[a];
        const Key &y = keys[b];
        int c = 0;
        if (x.text < 0 && y.text < 0)
            c = x.number < y.number ? -1 : x.number > y.number ? 1 : 0;
        else if (x.text >= 0 && y.text >= 0)
            c = ranks[std::size_t(x.text)] - ranks[std::size_t(y.text)];
        else
            c = x.text < 0 ? -1 : 1;
        if (c != 0)
            return descending ? c > 0 : c < 0;
        return position[a] < position[b];
    }
};

} // namespace omview::procs
