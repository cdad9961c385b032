// The browser's tables as shown: sorted by the model's SortRole, filtered by
// user and command, guests shown or left out.
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace omview::history {

class ProcessFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    // The roles of the source model that hold the user name, the command and
    // whether a row is a guest, and the one to sort by.
    struct Roles {
        int user = 0;
        int command = 0;
        int commandLine = 0;
        int guest = 0;
        int sort = 0;
    };

    explicit ProcessFilterModel(Roles roles, QObject *parent = nullptr);

    // Rows whose user contains the text (any case); empty: every user.
    void setUserFilter(const QString &text);
    QString userFilter() const { return m_user; }
    // Rows whose command or command line contains the text (any case).
    void setCommandFilter(const QString &text);
    QString commandFilter() const { return m_command; }
    // A guest is a process that migrated in from its home node, which lists
    // it too: left out, every process appears once.
    void setShowGuests(bool show);
    bool showGuests() const { return m_showGuests; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Roles m_roles;
    QString m_user;
    QString m_command;
    bool m_showGuests = false;
};

} // namespace omview::history
