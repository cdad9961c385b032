// The processes panes' filter and sort over a flat list of processes (a flattened cluster
// tree, or the processes of the nodes in scope): node rows out, processes of one user
// (openMosixprocs' drop-down) and matching a text, sorted by any column as people expect
// (numbers as numbers, text in the language's order).
#pragma once

#include <QAbstractProxyModel>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

namespace omview::procs {

// A proxy for 10⁵ processes that change every second. QSortFilterProxyModel re-sorts and
// remaps all its rows for each dataChanged range; this one remembers each row's sort key and
// whether it passes the filter, and after a source update (any number of signals) puts the
// rows whose key or filter outcome changed back in place in one pass and one layout change,
// from the event loop — or at once when rowCount() is asked before. Rows that go are removed
// at once; rows that come are shown at that pass. Between them the rows shown keep their
// places (their data is current). Equal keys keep the source's order, so that rows do not
// jump between updates.
//
// The source must be flat (rows without children, as KDescendantsProxyModel and
// KSelectionProxyModel give them) with ProcessListModel's columns and roles: a changed
// cell's column says which keys and filters it touches (ProcessListModel's class comment).
class ProcessFilterProxyModel : public QAbstractProxyModel {
    Q_OBJECT

public:
    explicit ProcessFilterProxyModel(QObject *parent = nullptr);
    ~ProcessFilterProxyModel() override;

    // Only this user's processes (by name, as UserNameRole gives it); nullopt: everyone's.
    void setUser(std::optional<QString> user);
    const std::optional<QString> &user() const { return m_user; }
    // Only processes whose PID, user, command or command line contains @text (any case);
    // "" matches all.
    void setText(const QString &text);
    const QString &text() const { return m_text; }
    // Only guests: processes from other nodes that run on the node listing them (the remote
    // processes manager).
    void setGuestsOnly(bool guestsOnly);
    bool guestsOnly() const { return m_guestsOnly; }

    // By ProcessListModel::SortRole of @column (DisplayRole where it has none); -1: in the
    // source's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void setSourceModel(QAbstractItemModel *source) override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // A row's flags in the first column are the source's when the row came (or the source
    // was reset or laid out again): a tree view asks for them for every row each time it
    // lays out, through the whole chain of models below. The other columns ask the source.
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Rows;
    struct Key;

    bool acceptsRow(int sourceRow) const;
    Key keyOf(int sourceRow);
    bool touchesFilter(int left, int right) const;
    void refilter();
    void rebuild();
    void schedule();
    void settle();
    void relayout(std::span<const std::uint32_t> order, bool sameRows);
    void settleIfIdle() const;
    void emitChanges();

    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void sourceLayoutAboutToBeChanged();
    void sourceLayoutChanged();

    std::unique_ptr<Rows> d;
    // sourceModel() and its column count, which are not cheap enough to ask for each row
    // (nor index() for each row a view lays out). Columns come and go by a reset here.
    QAbstractItemModel *m_source = nullptr;
    mutable int m_columns = 0;
    std::optional<QString> m_user;
    QString m_text;
    bool m_guestsOnly = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace omview::procs
