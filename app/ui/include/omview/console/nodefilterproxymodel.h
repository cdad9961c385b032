// The nodes pane's sorting and filtering over NodeTableModel.
#pragma once

#include <QSortFilterProxyModel>

namespace omview {

// Keeps the nodes whose ID, address or host name contain a text and that are in a chosen
// state, sorted by the column's value (numbers as numbers, addresses in natural order). The
// cluster row always stays, as the single top-level row, so sorting only orders the nodes under
// it. It also gives each column's What's This text, and marks node rows' speed cells editable
// so that the view's delegate can offer a spin box for typing a speed (the value goes to the
// delegate's signal, never into the model).
class NodeFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class StateFilter { Any, Up, Down, Unknown };
    Q_ENUM(StateFilter)

    explicit NodeFilterProxyModel(QObject *parent = nullptr);

    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);
    StateFilter stateFilter() const { return m_state; }
    void setStateFilter(StateFilter state);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The What's This text of a column (NodeTableModel::Column).
    static QString whatsThis(int column);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    StateFilter m_state = StateFilter::Any;
};

} // namespace omview
