#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>
#include <omview/procs/processactions.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

QAction *makeAction(QWidget *owner, const QString &name, const QString &text,
                    const QString &whatsThis, const QKeySequence &shortcut = {}) {
    auto *action = new QAction(text, owner);
    action->setObjectName(name);
    action->setWhatsThis(whatsThis);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        // Only where the processes are: the nodes pane has keys of its own.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        owner->addAction(action);
    }
    return action;
}

} // namespace

ProcessActions::ProcessActions(ProcessCommands *commands, QWidget *owner)
    : QObject(owner)
    , m_commands(commands)
    , m_owner(owner)
    , m_menu(new QMenu(owner))
    , m_migrateTo(new QMenu(tr("&Migrate To"), owner)) {
    details = makeAction(owner, u"processDetails"_s, tr("&Details…"),
                         tr("<p>Everything known about the process, and what can be done "
                            "with it.</p>"),
                         Qt::Key_Return);
    migrateBest = makeAction(owner, u"processMigrateBest"_s, tr("&Best Node"),
                             tr("<p>Moves the processes to the node the balancer finds "
                                "best for them.</p>"),
                             Qt::CTRL | Qt::Key_B);
    migrateHome = makeAction(owner, u"processMigrateHome"_s, tr("&Home Node"),
                             tr("<p>Brings the processes back to the node they started "
                                "on.</p>"),
                             Qt::CTRL | Qt::SHIFT | Qt::Key_B);
    terminate = makeAction(owner, u"processTerminate"_s, tr("&Terminate…"),
                           tr("<p>Asks the processes to end (SIGTERM).</p>"), Qt::Key_Delete);
    kill = makeAction(owner, u"processKill"_s, tr("&Kill…"),
                      tr("<p>Ends the processes at once (SIGKILL); they cannot save "
                         "anything.</p>"),
                      Qt::SHIFT | Qt::Key_Delete);
    stop = makeAction(owner, u"processStop"_s, tr("&Stop…"),
                      tr("<p>Stops the processes (SIGSTOP) until they are continued.</p>"));
    resume = makeAction(owner, u"processContinue"_s, tr("&Continue"),
                        tr("<p>Lets stopped processes run again (SIGCONT).</p>"));
    renice = makeAction(owner, u"processRenice"_s, tr("&Renice…"),
                        tr("<p>Sets the nice value of the processes: from −20 (first in "
                           "line for the CPU) to 19 (last).</p>"));
    lock = makeAction(owner, u"processLock"_s, tr("&Lock to Node"),
                      tr("<p>Keeps the processes on the node they run on: the balancer "
                         "leaves them alone.</p>"));
    unlock = makeAction(owner, u"processUnlock"_s, tr("&Unlock"),
                        tr("<p>Lets the balancer move the processes again.</p>"));

    m_migrateTo->setObjectName(u"processMigrateTo"_s);
    m_menu->setObjectName(u"processMenu"_s);
    m_menu->addAction(details);
    m_menu->addSeparator();
    m_menu->addMenu(m_migrateTo);
    m_menu->addAction(lock);
    m_menu->addAction(unlock);
    m_menu->addSeparator();
    m_menu->addAction(terminate);
    m_menu->addAction(kill);
    m_menu->addAction(stop);
    m_menu->addAction(resume);
    m_menu->addSeparator();
    m_menu->addAction(renice);
    connect(m_migrateTo, &QMenu::aboutToShow, this, &ProcessActions::fillMigrateMenu);
    fillMigrateMenu();

    connect(details, &QAction::triggered, this, [this] {
        if (!m_selection.isEmpty())
            emit detailsRequested(m_selection.first());
    });
    connect(migrateBest, &QAction::triggered, this,
            [this] { migrateAll(MigrateTarget{MigrateTarget::Kind::Balance, 0}); });
    connect(migrateHome, &QAction::triggered, this,
            [this] { migrateAll(MigrateTarget{MigrateTarget::Kind::Home, 0}); });
    connect(terminate, &QAction::triggered, this, [this] { signalAll(ProcessSignal::Term); });
    connect(kill, &QAction::triggered, this, [this] { signalAll(ProcessSignal::Kill); });
    connect(stop, &QAction::triggered, this, [this] { signalAll(ProcessSignal::Stop); });
    connect(resume, &QAction::triggered, this, [this] { signalAll(ProcessSignal::Cont); });
    connect(renice, &QAction::triggered, this, &ProcessActions::reniceAll);
    connect(lock, &QAction::triggered, this, [this] { lockAll(true); });
    connect(unlock, &QAction::triggered, this, [this] { lockAll(false); });
    setSelection({});
}

ProcessActions::~ProcessActions() = default;

void ProcessActions::setSelection(const QList<ProcessRef> &processes) {
    m_selection = processes;
    const bool any = !processes.isEmpty();
    bool someAway = false, someLocked = false, someUnlocked = false;
    for (const ProcessRef &p : processes) {
        someAway = someAway || p.away || p.guest;
        someLocked = someLocked || p.locked;
        someUnlocked = someUnlocked || !p.locked;
    }
    details->setEnabled(processes.size() == 1);
    m_migrateTo->setEnabled(any);
    migrateBest->setEnabled(any);
    migrateHome->setEnabled(someAway);
    for (QAction *a : {terminate, kill, stop, resume, renice})
        a->setEnabled(any);
    lock->setEnabled(someUnlocked);
    unlock->setEnabled(someLocked);
}

void ProcessActions::setNodes(const QList<NodeId> &nodes) {
    m_nodes = nodes;
}

void ProcessActions::fillMigrateMenu() {
    m_migrateTo->clear();
    m_migrateTo->addAction(migrateBest);
    m_migrateTo->addAction(migrateHome);
    m_migrateTo->addSeparator();
    // One process: the node it runs on is no target.
    const NodeId on = m_selection.size() == 1 ? m_selection.first().runsOn() : 0;
    for (const NodeId node : m_nodes) {
        QAction *to = m_migrateTo->addAction(tr("Node %1").arg(node));
        to->setObjectName(u"processMigrateToNode%1"_s.arg(node));
        to->setEnabled(node != on && !m_selection.isEmpty());
        connect(to, &QAction::triggered, this,
                [this, node] { migrateAll(MigrateTarget{MigrateTarget::Kind::Node, node}); });
    }
}

bool ProcessActions::confirm(QWidget *parent, ProcessSignal signal,
                             const QList<ProcessRef> &processes) {
    if (signal == ProcessSignal::Cont || processes.isEmpty())
        return !processes.isEmpty();
    QString question;
    const QString which = processes.size() == 1
                              ? ProcessCommands::describe(processes.first())
                              : tr("%n processes", nullptr, int(processes.size()));
    switch (signal) {
    case ProcessSignal::Term:
        question = tr("Terminate %1?").arg(which);
        break;
    case ProcessSignal::Kill:
        question = tr("Kill %1? It ends at once and cannot save its work.").arg(which);
        break;
    case ProcessSignal::Stop:
        question = tr("Stop %1? It does nothing until it is continued.").arg(which);
        break;
    case ProcessSignal::Cont:
        break;
    }
    QMessageBox box(QMessageBox::Question, ProcessCommands::signalAction(signal), question,
                    QMessageBox::Cancel, parent);
    box.setObjectName(u"confirmSignal"_s);
    box.setTextFormat(Qt::PlainText); // command names are the processes' own
    QPushButton *go = box.addButton(ProcessCommands::signalAction(signal), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == static_cast<QAbstractButton *>(go);
}

void ProcessActions::migrateAll(const MigrateTarget &target) {
    for (const ProcessRef &p : m_selection)
        m_commands->migrate(p, target);
}

void ProcessActions::signalAll(ProcessSignal signal) {
    const QList<ProcessRef> chosen = m_selection;
    if (!confirm(m_owner, signal, chosen))
        return;
    for (const ProcessRef &p : chosen)
        m_commands->sendSignal(p, signal);
}

void ProcessActions::reniceAll() {
    const QList<ProcessRef> chosen = m_selection;
    if (chosen.isEmpty())
        return;
    bool ok = false;
    const int nice = QInputDialog::getInt(
        m_owner, tr("Renice"),
        tr("Nice value for %1 (−20 … 19):")
            .arg(chosen.size() == 1 ? ProcessCommands::describe(chosen.first())
                                    : tr("%n processes", nullptr, int(chosen.size()))),
        chosen.first().nice, -20, 19, 1, &ok);
    if (!ok)
        return;
    for (const ProcessRef &p : chosen)
        m_commands->renice(p, nice);
}

void ProcessActions::lockAll(bool locked) {
    for (const ProcessRef &p : m_selection)
        if (p.locked != locked)
            m_commands->setLocked(p, locked);
}

} // namespace omview::procs
