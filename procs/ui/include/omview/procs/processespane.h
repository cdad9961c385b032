// The processes pane: the cluster's processes in one sortable list (NODE tells where each
// runs), with openMosixprocs' user drop-down and a text filter. The models do the work
// (ClusterProcessModel → KDescendantsProxyModel → ProcessFilterProxyModel); the pane only
// shows them.
#pragma once

#include <QWidget>

class KDescendantsProxyModel;
class QComboBox;
class QLineEdit;
class QTreeView;

namespace omview::procs {

class ClusterProcessModel;
class ProcessFilterProxyModel;

class ProcessesPane : public QWidget {
    Q_OBJECT

public:
    explicit ProcessesPane(ClusterProcessModel *processes, QWidget *parent = nullptr);
    ~ProcessesPane() override;

    QTreeView *view() const { return m_view; }
    ProcessFilterProxyModel *filterModel() const { return m_filter; }
    QLineEdit *filterEdit() const { return m_text; }
    QComboBox *userBox() const { return m_user; }

private:
    // The users of the processes listed, for the drop-down (the choice kept).
    void refreshUsers();

    KDescendantsProxyModel *m_flat;
    ProcessFilterProxyModel *m_filter;
    QLineEdit *m_text;
    QComboBox *m_user;
    QTreeView *m_view;
    bool m_usersPending = false;
};

} // namespace omview::procs
