#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processfilterproxymodel.h>
#include <omview/procs/processlistmodel.h>

namespace omview::procs {

ProcessFilterProxyModel::ProcessFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(ProcessListModel::SortRole);
    setDynamicSortFilter(true);
}

void ProcessFilterProxyModel::setUser(std::optional<QString> user) {
    if (user == m_user)
        return;
    m_user = std::move(user);
    invalidateRowsFilter();
}

void ProcessFilterProxyModel::setText(const QString &text) {
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void ProcessFilterProxyModel::setGuestsOnly(bool guestsOnly) {
    if (guestsOnly == m_guestsOnly)
        return;
    m_guestsOnly = guestsOnly;
    invalidateRowsFilter();
}

bool ProcessFilterProxyModel::filterAcceptsRow(int sourceRow,
                                               const QModelIndex &sourceParent) const {
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
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

} // namespace omview::procs
