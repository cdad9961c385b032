// The remote processes manager: the guests of one node (processes from other nodes that run
// there) with their homes, and "send home" or "send to the best node" for the selected ones
// or for all of them.
#pragma once

#include <QDialog>
#include <omview/procs/processcommands.h>

class QLabel;
class QPushButton;
class QTreeView;

namespace omview::procs {

class ClusterProcessModel;
class ProcessFilterProxyModel;
class ProcessScope;

class RemoteProcessesDialog : public QDialog {
    Q_OBJECT

public:
    // Neither @processes nor @commands is owned.
    RemoteProcessesDialog(ClusterProcessModel *processes, ProcessCommands *commands, NodeId node,
                          QWidget *parent = nullptr);
    ~RemoteProcessesDialog() override;

    NodeId node() const { return m_node; }
    QTreeView *view() const { return m_view; }
    // What the last requests came to, one line each (the latest last).
    QString outcomeText() const;

private:
    // Sends the selected guests (or all) to @target.
    void send(const MigrateTarget &target, bool all);
    void updateButtons();

    ProcessCommands *m_commands;
    NodeId m_node;
    ProcessScope *m_scope;
    ProcessFilterProxyModel *m_guests;
    QTreeView *m_view;
    QLabel *m_count;
    QLabel *m_outcome;
    QPushButton *m_home;
    QPushButton *m_best;
    QPushButton *m_allHome;
    QPushButton *m_allBest;
    QStringList m_lines;
};

} // namespace omview::procs
