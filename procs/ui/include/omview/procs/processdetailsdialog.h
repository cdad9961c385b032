// One process in full, kept up to date as its node reports it, with everything that can be
// done to it: migrate, signal, renice, lock. Opened by double-click or Enter on a row.
#pragma once

#include <QDialog>
#include <QPersistentModelIndex>
#include <omview/procs/processcommands.h>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace omview::procs {

class ClusterProcessModel;

class ProcessDetailsDialog : public QDialog {
    Q_OBJECT

public:
    // @process: a row of @processes; requests go through @commands (neither owned).
    ProcessDetailsDialog(ClusterProcessModel *processes, ProcessCommands *commands,
                         const ProcessRef &process, QWidget *parent = nullptr);
    ~ProcessDetailsDialog() override;

    // The process shown, as its row says now.
    const ProcessRef &process() const { return m_process; }
    // The last outcome shown ("" before any).
    QString outcomeText() const;
    // The row followed; invalid once the process has ended (or left the lists).
    QModelIndex row() const { return m_row; }

private:
    void refresh();
    // The row gone: the process where it moved to, or its home's record; else it ended.
    void findAgain();
    void showOutcome(const ProcessCommands::Outcome &outcome);
    void fillTargets();
    void migrateChosen();
    void signalProcess(ProcessSignal signal);

    ClusterProcessModel *m_processes;
    ProcessCommands *m_commands;
    ProcessRef m_process;
    QPersistentModelIndex m_row;
    QFormLayout *m_form;
    QList<QLabel *> m_values; // one per ProcessListModel column
    QLabel *m_commandLine;
    QLabel *m_parent;
    QLabel *m_terminal;
    QLabel *m_started;
    QLabel *m_cpuTime;
    QLabel *m_whereText;
    QLabel *m_moveText;
    QComboBox *m_target;
    QPushButton *m_migrate;
    QList<QPushButton *> m_signals;
    QSpinBox *m_nice;
    QPushButton *m_renice;
    QPushButton *m_lock;
    QLabel *m_outcome;
    bool m_ended = false;
    NodeId m_movedTo = 0; // a move done, its row not found yet where it went
    bool m_moving = false; // a move asked for, no answer yet
};

} // namespace omview::procs
