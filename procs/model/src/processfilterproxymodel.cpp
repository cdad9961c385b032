#include "processfilterrows.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processfilterproxymodel.h>
#include <omview/procs/processlistmodel.h>
#include <vector>

namespace omview::procs {

using namespace filterproxy;

namespace {

class Busy {
public:
    explicit Busy(int &busy)
        : m_busy(busy) {
        ++m_busy;
    }
    ~Busy() { --m_busy; }
    Busy(const Busy &) = delete;
    Busy &operator=(const Busy &) = delete;

private:
    int &m_busy;
};

} // namespace

ProcessFilterProxyModel::ProcessFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
    , d(std::make_unique<Rows>()) {}

ProcessFilterProxyModel::~ProcessFilterProxyModel() = default;

void ProcessFilterProxyModel::setUser(std::optional<QString> user) {
    if (user == m_user)
        return;
    m_user = std::move(user);
    refilter();
}

void ProcessFilterProxyModel::setText(const QString &text) {
    if (text == m_text)
        return;
    m_text = text;
    refilter();
}

void ProcessFilterProxyModel::setGuestsOnly(bool guestsOnly) {
    if (guestsOnly == m_guestsOnly)
        return;
    m_guestsOnly = guestsOnly;
    refilter();
}

bool ProcessFilterProxyModel::acceptsRow(int sourceRow) const {
    const QModelIndex row = m_source->index(sourceRow, 0);
    // The flattened tree keeps the nodes' own rows; a list of processes shows none.
    if (row.data(ClusterProcessModel::NodeRowRole).toBool())
        return false;
    if (m_guestsOnly && !row.data(ProcessListModel::GuestRole).toBool())
        return false;
    if (m_user && row.data(ProcessListModel::UserNameRole).toString() != *m_user)
        return false;
    if (m_text.isEmpty())
        return true;
    for (const int role : {int(ProcessListModel::PidRole), int(ProcessListModel::UserNameRole),
                           int(ProcessListModel::CommandLineRole)})
        if (row.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    return row.siblingAtColumn(ProcessListModel::CommandColumn)
        .data()
        .toString()
        .contains(m_text, Qt::CaseInsensitive);
}

bool ProcessFilterProxyModel::touchesFilter(int left, int right) const {
    if (!m_user && m_text.isEmpty() && !m_guestsOnly)
        return false;
    for (int column = std::max(left, 0); column <= std::min(right, 31); ++column)
        if (FilterColumns & (1u << column))
            return true;
    return false;
}

ProcessFilterProxyModel::Key ProcessFilterProxyModel::keyOf(int sourceRow) {
    if (m_sortColumn < 0)
        return {};
    const QModelIndex index = m_source->index(sourceRow, m_sortColumn);
    QVariant value = index.data(ProcessListModel::SortRole);
    if (!value.isValid())
        value = index.data();
    if (value.typeId() != QMetaType::QString) {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (ok)
            return {std::isnan(number) ? -std::numeric_limits<double>::infinity() : number};
    }
    return {0, d->intern(value.toString())};
}

void ProcessFilterProxyModel::schedule() {
    d->pending = true;
    if (d->scheduled)
        return;
    d->scheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            d->scheduled = false;
            settle();
        },
        Qt::QueuedConnection);
}

void ProcessFilterProxyModel::settleIfIdle() const {
    if (d->pending && !d->busy)
        const_cast<ProcessFilterProxyModel *>(this)->settle();
}

// The rows in @order, the persistent indexes following their rows (or invalid when a row is
// no longer shown): one layout change.
void ProcessFilterProxyModel::relayout(std::span<const Id> order, bool sameRows) {
    const auto hint =
        sameRows ? QAbstractItemModel::VerticalSortHint : QAbstractItemModel::NoLayoutChangeHint;
    emit layoutAboutToBeChanged({}, hint);
    const QModelIndexList from = persistentIndexList();
    std::vector<Id> ids;
    ids.reserve(std::size_t(from.size()));
    for (const QModelIndex &index : from)
        ids.push_back(d->shown.at(index.row()));
    d->shown.assign(order);
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const qsizetype row = d->shown.indexOf(ids[std::size_t(i)]);
        to.append(row < 0 ? QModelIndex() : createIndex(int(row), from[i].column()));
    }
    changePersistentIndexList(from, to);
    emit layoutChanged({}, hint);
}

void ProcessFilterProxyModel::settle() {
    if (!d->pending || d->busy)
        return;
    d->pending = false;
    const Busy busy(d->busy);
    if (!d->moved.empty()) {
        // The rows that stay put are still in order: only those that moved are sorted, then
        // merged in, in one pass.
        const std::vector<Id> old = d->shown.toVector();
        std::vector<Id> stay;
        stay.reserve(old.size());
        bool sameRows = true;
        for (const Id id : old) {
            if (!(d->flags[id] & Moved))
                stay.push_back(id);
            else if (!(d->flags[id] & Accepted))
                sameRows = false;
        }
        std::vector<Id> movers;
        for (const Id id : d->moved) {
            if (!(d->flags[id] & Moved))
                continue; // twice in the list, or its row went
            d->flags[id] &= ~Moved;
            if (!(d->flags[id] & Accepted))
                continue;
            movers.push_back(id);
            if (!d->shown.contains(id))
                sameRows = false;
        }
        d->moved.clear();
        if (!movers.empty() || !sameRows) {
            d->compactTexts();
            d->rank();
            d->locate();
            const bool descending = m_sortOrder == Qt::DescendingOrder;
            const auto before = [this, descending](Id a, Id b) {
                return d->before(a, b, descending);
            };
            std::ranges::sort(movers, before);
            std::vector<Id> order(stay.size() + movers.size());
            std::ranges::merge(stay, movers, order.begin(), before);
            if (order != old)
                relayout(order, sameRows);
        }
    }
    emitChanges();
}

void ProcessFilterProxyModel::emitChanges() {
    std::vector<int> rows;
    for (const Id id : d->changed) {
        if (!(d->flags[id] & Changed))
            continue;
        d->flags[id] &= ~Changed;
        if (const qsizetype row = d->shown.indexOf(id); row >= 0)
            rows.push_back(int(row));
    }
    d->changed.clear();
    const int left = std::max(d->changedLeft, 0);
    const int right = std::min(d->changedRight, columnCount() - 1);
    d->changedLeft = INT_MAX;
    d->changedRight = -1;
    if (rows.empty() || left > right)
        return;
    if (qsizetype(rows.size()) > MaxChangedRanges) {
        const auto [top, bottom] = std::ranges::minmax(rows);
        emit dataChanged(index(top, left), index(bottom, right));
        return;
    }
    std::ranges::sort(rows);
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        emit dataChanged(index(rows[i], left), index(rows[j], right));
        i = j + 1;
    }
}

void ProcessFilterProxyModel::rebuild() {
    Rows &r = *d;
    r.source.clear();
    r.shown.clear();
    r.keys.clear();
    r.flags.clear();
    r.itemFlags.clear();
    r.freeIds.clear();
    r.moved.clear();
    r.changed.clear();
    r.changedLeft = INT_MAX;
    r.changedRight = -1;
    r.clearTexts();
    r.pending = false;
    m_columns = 0;
    if (!m_source)
        return;
    const int count = m_source->rowCount();
    auto ids = std::vector<Id>(std::size_t(count));
    std::iota(ids.begin(), ids.end(), Id(0));
    r.keys.resize(ids.size());
    r.flags.resize(ids.size());
    r.itemFlags.resize(ids.size());
    r.source.assign(ids);
    std::vector<Id> accepted;
    for (int row = 0; row < count; ++row) {
        r.keys[std::size_t(row)] = keyOf(row);
        r.itemFlags[std::size_t(row)] = m_source->flags(m_source->index(row, 0)).toInt();
        if (acceptsRow(row)) {
            r.flags[std::size_t(row)] = Accepted;
            accepted.push_back(Id(row));
        }
    }
    r.rank();
    r.locate();
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::ranges::sort(accepted,
                      [this, descending](Id a, Id b) { return d->before(a, b, descending); });
    r.shown.assign(accepted);
}

void ProcessFilterProxyModel::refilter() {
    if (!m_source)
        return;
    {
        const Busy busy(d->busy);
        int row = 0;
        d->source.forEach(0, d->source.size(), [&](Id id) {
            const bool accepted = acceptsRow(row++);
            if (accepted == bool(d->flags[id] & Accepted))
                return;
            d->flags[id] ^= Accepted;
            d->mark(id, Moved);
        });
    }
    schedule();
    settle();
}

void ProcessFilterProxyModel::sort(int column, Qt::SortOrder order) {
    column = std::max(column, -1);
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    const bool rekey = column != m_sortColumn;
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_source)
        return;
    {
        const Busy busy(d->busy);
        if (rekey)
            d->clearTexts();
        int row = 0;
        d->source.forEach(0, d->source.size(), [&](Id id) {
            if (rekey)
                d->keys[id] = keyOf(row);
            ++row;
            d->mark(id, Moved);
        });
    }
    schedule();
    settle();
}

void ProcessFilterProxyModel::setSourceModel(QAbstractItemModel *source) {
    if (source == m_source)
        return;
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(d->connections))
        disconnect(c);
    d->connections.clear();
    QAbstractProxyModel::setSourceModel(source);
    m_source = source;
    if (source) {
        using M = QAbstractItemModel;
        using P = ProcessFilterProxyModel;
        const auto reset = [this] {
            beginResetModel();
        };
        const auto resetDone = [this] {
            rebuild();
            endResetModel();
        };
        d->connections = {
            connect(source, &M::rowsInserted, this, &P::sourceRowsInserted),
            connect(source, &M::rowsAboutToBeRemoved, this, &P::sourceRowsAboutToBeRemoved),
            connect(source, &M::rowsRemoved, this, &P::sourceRowsRemoved),
            connect(source, &M::dataChanged, this, &P::sourceDataChanged),
            connect(source, &M::layoutAboutToBeChanged, this, &P::sourceLayoutAboutToBeChanged),
            connect(source, &M::layoutChanged, this, &P::sourceLayoutChanged),
            connect(source, &M::rowsAboutToBeMoved, this, &P::sourceLayoutAboutToBeChanged),
            connect(source, &M::rowsMoved, this, &P::sourceLayoutChanged),
            connect(source, &M::modelAboutToBeReset, this, reset),
            connect(source, &M::modelReset, this, resetDone),
            connect(source, &M::columnsAboutToBeInserted, this, reset),
            connect(source, &M::columnsInserted, this, resetDone),
            connect(source, &M::columnsAboutToBeRemoved, this, reset),
            connect(source, &M::columnsRemoved, this, resetDone),
            connect(source, &M::columnsAboutToBeMoved, this, reset),
            connect(source, &M::columnsMoved, this, resetDone),
            connect(source, &M::headerDataChanged, this,
                    [this](Qt::Orientation orientation, int first, int last) {
                        if (orientation == Qt::Horizontal)
                            emit headerDataChanged(orientation, first, last);
                    }),
            connect(source, &QObject::destroyed, this,
                    [this] {
                        m_source = nullptr;
                        beginResetModel();
                        rebuild();
                        endResetModel();
                    }),
        };
    }
    rebuild();
    endResetModel();
}

void ProcessFilterProxyModel::sourceRowsInserted(const QModelIndex &parent, int first, int last) {
    if (parent.isValid())
        return;
    const Busy busy(d->busy);
    std::vector<Id> ids(std::size_t(last - first + 1));
    for (Id &id : ids)
        id = d->newId();
    d->source.insert(first, ids);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const int row = first + int(i);
        const Id id = ids[i];
        d->keys[id] = keyOf(row);
        d->itemFlags[id] = m_source->flags(m_source->index(row, 0)).toInt();
        d->flags[id] = acceptsRow(row) ? Accepted : 0;
        if (d->flags[id] & Accepted)
            d->mark(id, Moved);
    }
    schedule();
}

void ProcessFilterProxyModel::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first,
                                                         int last) {
    if (parent.isValid())
        return;
    const Busy busy(d->busy);
    std::vector<int> rows;
    d->source.forEach(first, last - first + 1, [&](Id id) {
        // Neither shown nor placed by a settle before the source has let go of it.
        d->flags[id] = Leaving;
        if (const qsizetype row = d->shown.indexOf(id); row >= 0)
            rows.push_back(int(row));
    });
    // From the bottom, so that the rows above keep their numbers.
    std::ranges::sort(rows, std::greater{});
    std::vector<std::pair<int, int>> runs;
    for (const int row : rows) {
        if (!runs.empty() && runs.back().first == row + 1)
            runs.back().first = row;
        else
            runs.push_back({row, row});
    }
    if (qsizetype(runs.size()) > MaxRemovedRuns) {
        std::vector<Id> order;
        order.reserve(std::size_t(d->shown.size()) - rows.size());
        d->shown.forEach(0, d->shown.size(), [&](Id id) {
            if (!(d->flags[id] & Leaving))
                order.push_back(id);
        });
        relayout(order, false);
        return;
    }
    for (const auto &[top, bottom] : runs) {
        beginRemoveRows({}, top, bottom);
        d->shown.remove(top, bottom - top + 1);
        endRemoveRows();
    }
}

void ProcessFilterProxyModel::sourceRowsRemoved(const QModelIndex &parent, int first, int last) {
    if (parent.isValid())
        return;
    const Busy busy(d->busy);
    d->source.forEach(first, last - first + 1, [this](Id id) {
        // Still listed in `moved` or `changed` perhaps: without its flags, skipped there.
        d->flags[id] = 0;
        d->freeIds.push_back(id);
    });
    d->source.remove(first, last - first + 1);
    if (d->source.blockCount() > d->source.size() / 256 + 16)
        d->source.assign(d->source.toVector());
}

void ProcessFilterProxyModel::sourceDataChanged(const QModelIndex &topLeft,
                                                const QModelIndex &bottomRight) {
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const Busy busy(d->busy);
    const int left = topLeft.column();
    const int right = bottomRight.column();
    const bool rekey = m_sortColumn >= left && m_sortColumn <= right;
    const bool refilter = touchesFilter(left, right);
    d->changedLeft = std::min(d->changedLeft, left);
    d->changedRight = std::max(d->changedRight, right);
    int row = topLeft.row();
    d->source.forEach(row, bottomRight.row() - row + 1, [&](Id id) {
        d->mark(id, Changed);
        if (rekey) {
            if (const Key key = keyOf(row); key != d->keys[id]) {
                d->keys[id] = key;
                d->mark(id, Moved);
            }
        }
        if (refilter && acceptsRow(row) != bool(d->flags[id] & Accepted)) {
            d->flags[id] ^= Accepted;
            d->mark(id, Moved);
        }
        ++row;
    });
    schedule();
}

void ProcessFilterProxyModel::sourceLayoutAboutToBeChanged() {
    const Busy busy(d->busy);
    emit layoutAboutToBeChanged();
    d->layoutFrom = persistentIndexList();
    d->layoutSources.clear();
    for (const QModelIndex &index : std::as_const(d->layoutFrom))
        d->layoutSources.append(mapToSource(index));
}

void ProcessFilterProxyModel::sourceLayoutChanged() {
    const Busy busy(d->busy);
    rebuild();
    QModelIndexList to;
    to.reserve(d->layoutSources.size());
    for (const QPersistentModelIndex &source : std::as_const(d->layoutSources))
        to.append(mapFromSource(source));
    changePersistentIndexList(d->layoutFrom, to);
    d->layoutFrom.clear();
    d->layoutSources.clear();
    emit layoutChanged();
}

QModelIndex ProcessFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const {
    if (!proxyIndex.isValid() || proxyIndex.model() != this || !m_source ||
        proxyIndex.row() >= d->shown.size())
        return {};
    const qsizetype row = d->source.indexOf(d->shown.at(proxyIndex.row()));
    return row < 0 ? QModelIndex() : m_source->index(int(row), proxyIndex.column());
}

QModelIndex ProcessFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const {
    if (!sourceIndex.isValid() || sourceIndex.model() != m_source || sourceIndex.parent().isValid())
        return {};
    settleIfIdle();
    if (sourceIndex.row() >= d->source.size())
        return {};
    const qsizetype row = d->shown.indexOf(d->source.at(sourceIndex.row()));
    return row < 0 ? QModelIndex() : createIndex(int(row), sourceIndex.column());
}

QModelIndex ProcessFilterProxyModel::index(int row, int column, const QModelIndex &parent) const {
    if (parent.isValid() || row < 0 || column < 0 || row >= d->shown.size() ||
        column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ProcessFilterProxyModel::parent(const QModelIndex &) const {
    return {};
}

QModelIndex ProcessFilterProxyModel::sibling(int row, int column, const QModelIndex &) const {
    return index(row, column);
}

int ProcessFilterProxyModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    settleIfIdle();
    return int(d->shown.size());
}

int ProcessFilterProxyModel::columnCount(const QModelIndex &parent) const {
    if (parent.isValid() || !m_source)
        return 0;
    // A source may have none while it resets (KSelectionProxyModel): asked again then.
    if (m_columns == 0)
        m_columns = m_source->columnCount();
    return m_columns;
}

bool ProcessFilterProxyModel::hasChildren(const QModelIndex &parent) const {
    return !parent.isValid() && rowCount() > 0;
}

Qt::ItemFlags ProcessFilterProxyModel::flags(const QModelIndex &index) const {
    if (index.column() != 0 || !index.isValid() || index.model() != this ||
        index.row() >= d->shown.size())
        return QAbstractProxyModel::flags(index);
    return Qt::ItemFlags::fromInt(d->itemFlags[d->shown.at(index.row())]);
}

QVariant ProcessFilterProxyModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const {
    if (orientation == Qt::Vertical || !m_source)
        return QAbstractItemModel::headerData(section, orientation, role);
    return m_source->headerData(section, orientation, role);
}

} // namespace omview::procs
