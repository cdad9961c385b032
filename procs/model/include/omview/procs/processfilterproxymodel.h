// The processes panes' filter and sort over the flattened cluster tree: node rows out,
// processes of one user (openMosixprocs' drop-down) and matching a text, sorted by any
// column as people expect (numbers as numbers).
#pragma once

#include <QSortFilterProxyModel>
#include <optional>

namespace omview::procs {

class ProcessFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ProcessFilterProxyModel(QObject *parent = nullptr);

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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<QString> m_user;
    QString m_text;
    bool m_guestsOnly = false;
};

} // namespace omview::procs
