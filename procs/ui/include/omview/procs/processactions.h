// The actions on the processes selected in a pane, for its context menu, its keys and the
// details dialog: migrate, signal, renice, lock. The pane says what they act on
// (setSelection()); ProcessCommands carries them out and reports how it went.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <omview/procs/processcommands.h>

class QAction;
class QMenu;
class QWidget;

namespace omview::procs {

class ProcessActions : public QObject {
    Q_OBJECT

public:
    // The actions' shortcuts work in @owner (a pane's view); dialogs asking for a value or a
    // confirmation open over it.
    ProcessActions(ProcessCommands *commands, QWidget *owner);
    ~ProcessActions() override;

    // The processes the actions act on; the actions that make no sense for them are off.
    void setSelection(const QList<ProcessRef> &processes);
    const QList<ProcessRef> &selection() const { return m_selection; }
    // The nodes offered under Migrate To.
    void setNodes(const QList<NodeId> &nodes);

    // Details, Migrate To ▸, the signals, Renice…, Lock/Unlock.
    QMenu *menu() const { return m_menu; }

    // Asks before a signal that ends or stops processes (Terminate, Kill, Stop); true to go
    // ahead. The box is named "confirmSignal".
    static bool confirm(QWidget *parent, ProcessSignal signal, const QList<ProcessRef> &processes);

    QAction *details;
    QAction *migrateBest;
    QAction *migrateHome;
    QAction *terminate;
    QAction *kill;
    QAction *stop;
    QAction *resume;
    QAction *renice;
    QAction *lock;
    QAction *unlock;

signals:
    void detailsRequested(const omview::procs::ProcessRef &process);

private:
    void migrateAll(const MigrateTarget &target);
    void signalAll(ProcessSignal signal);
    void reniceAll();
    void lockAll(bool locked);
    void fillMigrateMenu();

    ProcessCommands *m_commands;
    QWidget *m_owner;
    QMenu *m_menu;
    QMenu *m_migrateTo;
    QList<ProcessRef> m_selection;
    QList<NodeId> m_nodes;
};

} // namespace omview::procs
