#include <omview/history/processfiltermodel.h>

namespace omview::history {

ProcessFilterModel::ProcessFilterModel(Roles roles, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_roles(roles) {
    setSortRole(roles.sort);
    setDynamicSortFilter(true);
}

void ProcessFilterModel::setUserFilter(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_user)
        return;
    m_user = trimmed;
    invalidateRowsFilter();
}

void ProcessFilterModel::setCommandFilter(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_command)
        return;
    m_command = trimmed;
    invalidateRowsFilter();
}

void ProcessFilterModel::setShowGuests(bool show) {
    if (show == m_showGuests)
        return;
    m_showGuests = show;
    invalidateRowsFilter();
}

bool ProcessFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_showGuests && index.data(m_roles.guest).toBool())
        return false;
    if (!m_user.isEmpty() &&
        !index.data(m_roles.user).toString().contains(m_user, Qt::CaseInsensitive))
        return false;
    if (!m_command.isEmpty() &&
        !index.data(m_roles.command).toString().contains(m_command, Qt::CaseInsensitive) &&
        !index.data(m_roles.commandLine).toString().contains(m_command, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace omview::history
