#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processactions.h>
#include <omview/procs/processdetailsdialog.h>
#include <omview/procs/processformat.h>
#include <omview/procs/processlistmodel.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

QLabel *valueLabel(QWidget *parent, Qt::TextFormat format = Qt::PlainText) {
    auto *label = new QLabel(parent);
    // Commands, command lines and users are the processes' own: never markup, except the
    // explanations, which ProcessFormat escapes.
    label->setTextFormat(format);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(format == Qt::RichText);
    return label;
}

} // namespace

ProcessDetailsDialog::ProcessDetailsDialog(ClusterProcessModel *processes,
                                           ProcessCommands *commands, const ProcessRef &process,
                                           QWidget *parent)
    : QDialog(parent)
    , m_processes(processes)
    , m_commands(commands)
    , m_process(process)
    , m_row(processes->indexOfProcess(process.node, process.pid))
    , m_form(new QFormLayout)
    , m_commandLine(valueLabel(this))
    , m_parent(valueLabel(this))
    , m_terminal(valueLabel(this))
    , m_started(valueLabel(this))
    , m_cpuTime(valueLabel(this))
    , m_whereText(valueLabel(this, Qt::RichText))
    , m_moveText(valueLabel(this, Qt::RichText))
    , m_target(new QComboBox(this))
    , m_migrate(new QPushButton(tr("&Migrate"), this))
    , m_nice(new QSpinBox(this))
    , m_renice(new QPushButton(tr("&Renice"), this))
    , m_lock(new QPushButton(this))
    , m_outcome(valueLabel(this)) {
    setObjectName(u"processDetails"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    m_commandLine->setWordWrap(true);

    for (int column = 0; column < ProcessListModel::ColumnCount; ++column) {
        QLabel *value = valueLabel(this);
        value->setObjectName(u"detail%1"_s.arg(column));
        m_values.append(value);
        const QString title =
            ProcessFormat::header(column, Qt::DisplayRole).toString();
        m_form->addRow(tr("%1:").arg(title), value);
        if (column == ProcessListModel::PidColumn)
            m_form->addRow(tr("Parent PID:"), m_parent);
        if (column == ProcessListModel::CommandColumn)
            m_form->addRow(tr("Command line:"), m_commandLine);
        if (column == ProcessListModel::CpuColumn)
            m_form->addRow(tr("CPU time:"), m_cpuTime);
    }
    m_form->addRow(tr("Terminal:"), m_terminal);
    m_form->addRow(tr("Started:"), m_started);
    m_form->addRow(tr("Where:"), m_whereText);
    m_form->addRow(tr("Migration:"), m_moveText);

    m_target->setObjectName(u"migrateTarget"_s);
    m_target->setWhatsThis(tr("<p>Where <b>Migrate</b> moves the process: the node the "
                              "balancer finds best, its home node, or a node of your "
                              "choice.</p>"));
    m_migrate->setObjectName(u"migrate"_s);
    m_migrate->setWhatsThis(tr("<p>Moves the process to the node chosen next to it. It stops "
                               "for the move and runs on there; if the move fails it runs on "
                               "where it was, and the reason is shown below.</p>"));
    m_nice->setObjectName(u"nice"_s);
    m_nice->setRange(-20, 19);
    m_nice->setWhatsThis(tr("<p>The nice value to give the process: −20 puts it first in "
                            "line for the CPU, 19 last. Lowering it needs root.</p>"));
    m_renice->setObjectName(u"renice"_s);
    m_renice->setWhatsThis(tr("<p>Gives the process the nice value next to it.</p>"));
    m_lock->setObjectName(u"lock"_s);
    m_lock->setWhatsThis(tr("<p>Locks the process to the node it runs on, so that the "
                            "balancer leaves it there, or unlocks it.</p>"));
    m_outcome->setObjectName(u"outcome"_s);
    m_outcome->setWordWrap(true);

    auto *actions = new QGroupBox(tr("Actions"), this);
    auto *grid = new QFormLayout(actions);
    auto *moveRow = new QHBoxLayout;
    moveRow->addWidget(m_target, 1);
    moveRow->addWidget(m_migrate);
    moveRow->addWidget(m_lock);
    grid->addRow(tr("Migrate to:"), moveRow);
    auto *signalRow = new QHBoxLayout;
    for (const ProcessSignal s : {ProcessSignal::Term, ProcessSignal::Kill, ProcessSignal::Stop,
                                  ProcessSignal::Cont}) {
        auto *button = new QPushButton(ProcessCommands::signalAction(s), this);
        button->setObjectName(u"signal%1"_s.arg(signalName(s)));
        button->setWhatsThis(tr("<p>Sends the process SIG%1. Terminate asks it to end, Kill "
                                "ends it at once, Stop halts it until Continue.</p>")
                                 .arg(signalName(s)));
        connect(button, &QPushButton::clicked, this, [this, s] { signalProcess(s); });
        signalRow->addWidget(button);
        m_signals.append(button);
    }
    grid->addRow(tr("Signal:"), signalRow);
    auto *niceRow = new QHBoxLayout;
    niceRow->addWidget(m_nice);
    niceRow->addWidget(m_renice);
    niceRow->addStretch(1);
    grid->addRow(tr("Nice value:"), niceRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Close)
        ->setWhatsThis(tr("<p>Closes this window. The process is not touched.</p>"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(actions);
    layout->addWidget(m_outcome);
    layout->addWidget(buttons);

    connect(m_migrate, &QPushButton::clicked, this, &ProcessDetailsDialog::migrateChosen);
    connect(m_renice, &QPushButton::clicked, this, [this] {
        m_commands->renice(m_process, m_nice->value())
            .then(this, [this](const ProcessCommands::Outcome &o) { showOutcome(o); });
    });
    connect(m_lock, &QPushButton::clicked, this, [this] {
        m_commands->setLocked(m_process, !m_process.locked)
            .then(this, [this](const ProcessCommands::Outcome &o) { showOutcome(o); });
    });
    // The row's own changes, and its end: nothing else of the tree matters here.
    connect(m_processes, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                if (m_row.isValid() && from.parent() == m_row.parent() &&
                    from.row() <= m_row.row() && m_row.row() <= to.row())
                    refresh();
            });
    const auto lost = [this] {
        if (!m_row.isValid())
            findAgain();
    };
    for (const auto signal : {&QAbstractItemModel::rowsRemoved, &QAbstractItemModel::rowsInserted})
        connect(m_processes, signal, this, lost);
    connect(m_processes, &QAbstractItemModel::modelReset, this, lost);
    fillTargets();
    refresh();
    m_nice->setValue(m_process.nice);
}

ProcessDetailsDialog::~ProcessDetailsDialog() = default;

QString ProcessDetailsDialog::outcomeText() const {
    return m_outcome->text();
}

void ProcessDetailsDialog::fillTargets() {
    m_target->clear();
    m_target->addItem(tr("Best node"), QVariant::fromValue(int(MigrateTarget::Kind::Balance)));
    m_target->addItem(tr("Home node"), QVariant::fromValue(int(MigrateTarget::Kind::Home)));
    for (const NodeId node : m_processes->nodeIds())
        m_target->addItem(tr("Node %1").arg(node), QVariant::fromValue(qint64(node) + 10));
}

void ProcessDetailsDialog::refresh() {
    if (m_row.isValid()) {
        if (const auto now = ProcessRef::fromIndex(m_row))
            m_process = *now;
    }
    const bool alive = m_row.isValid();
    setWindowTitle(tr("%1 — Process Details").arg(ProcessCommands::describe(m_process)));
    if (!alive) {
        if (!m_ended)
            m_outcome->setText(m_outcome->text().isEmpty()
                                   ? tr("The process has ended.")
                                   : m_outcome->text() + u'\n' + tr("The process has ended."));
        m_ended = true;
        for (QWidget *w : std::initializer_list<QWidget *>{m_target, m_migrate, m_nice, m_renice,
                                                            m_lock})
            w->setEnabled(false);
        for (QPushButton *b : m_signals)
            b->setEnabled(false);
        return;
    }
    for (int column = 0; column < ProcessListModel::ColumnCount; ++column)
        m_values.at(column)->setText(m_row.sibling(m_row.row(), column).data().toString());
    const auto info = m_row.data(ProcessListModel::ProcessRole).value<ProcessInfo>();
    m_values.at(ProcessListModel::StateColumn)
        ->setText(tr("%1 (%2)").arg(QString(QLatin1Char(info.state)),
                                    ProcessFormat::stateWord(info.state)));
    m_commandLine->setText(info.cmdline.isEmpty() ? tr("(none)") : info.cmdline);
    m_parent->setText(QString::number(info.ppid));
    m_terminal->setText(info.tty.isEmpty() ? tr("none") : info.tty);
    m_started->setText(info.startTime > 0
                           ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(info.startTime),
                                                QLocale::LongFormat)
                           : tr("unknown"));
    m_cpuTime->setText(ProcessFormat::cpuTimeText(info.cpuTimeMs));
    m_whereText->setText(m_row.sibling(m_row.row(), ProcessListModel::NodeColumn)
                             .data(Qt::ToolTipRole)
                             .toString());
    m_moveText->setText(m_row.sibling(m_row.row(), ProcessListModel::CantMoveColumn)
                            .data(Qt::ToolTipRole)
                            .toString());
    m_lock->setText(m_process.locked ? tr("&Unlock") : tr("&Lock to Node"));
}

void ProcessDetailsDialog::findAgain() {
    // A guest that moved on is listed by its new host; a process that came home by its
    // home; one that left home stays in its home's list as away.
    for (const NodeId node : {m_movedTo, m_process.home, m_process.node}) {
        const QModelIndex there =
            node == 0 ? QModelIndex() : m_processes->indexOfProcess(node, m_process.pid);
        if (there.isValid()) {
            m_row = there;
            m_movedTo = 0;
            m_ended = false;
            for (QWidget *w : std::initializer_list<QWidget *>{m_target, m_migrate, m_nice,
                                                                m_renice, m_lock})
                w->setEnabled(true);
            for (QPushButton *b : m_signals)
                b->setEnabled(true);
            refresh();
            return;
        }
    }
    // Between leaving one list and appearing in another, a moved process is not ended.
    if (m_movedTo == 0 && !m_moving)
        refresh();
}

void ProcessDetailsDialog::showOutcome(const ProcessCommands::Outcome &outcome) {
    QPalette palette = this->palette();
    if (!outcome.result)
        // A red that reads on light and dark windows alike.
        palette.setColor(QPalette::WindowText, QColor(0xe0, 0x3e, 0x36));
    m_outcome->setPalette(palette);
    m_outcome->setText(outcome.result ? *outcome.result : outcome.result.error());
}

void ProcessDetailsDialog::migrateChosen() {
    const qint64 choice = m_target->currentData().toLongLong();
    MigrateTarget target;
    if (choice >= 10)
        target = MigrateTarget{MigrateTarget::Kind::Node, NodeId(choice - 10)};
    else
        target = MigrateTarget{MigrateTarget::Kind(choice), 0};
    m_outcome->setPalette(palette());
    m_outcome->setText(tr("Moving %1 to %2…")
                           .arg(ProcessCommands::describe(m_process),
                                ProcessCommands::targetText(target)));
    m_migrate->setEnabled(false);
    m_moving = true;
    m_commands->migrate(m_process, target).then(this, [this](const ProcessCommands::Outcome &o) {
        m_moving = false;
        m_migrate->setEnabled(true);
        showOutcome(o);
        // The rows follow at the nodes' next updates: the dialog looks for the process
        // where it went when its row goes.
        if (o.result)
            m_movedTo = o.nowOn;
        if (!m_row.isValid())
            findAgain();
    });
}

void ProcessDetailsDialog::signalProcess(ProcessSignal signal) {
    if (!ProcessActions::confirm(this, signal, {m_process}))
        return;
    m_commands->sendSignal(m_process, signal)
        .then(this, [this](const ProcessCommands::Outcome &o) { showOutcome(o); });
}

} // namespace omview::procs
