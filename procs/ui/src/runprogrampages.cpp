// The run-program wizard's first pages: the program, where it starts, and its policy.
#include "runprogrampages.h"

#include <QButtonGroup>
#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>
#include <algorithm>
#include <omview/procs/runprogramwizard.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

QLabel *makeErrorLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(u"errorLabel"_s);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    // White on the desktops' "negative" red, as the node settings dialog shows its errors:
    // it reads on light and dark themes alike.
    QPalette p = label->palette();
    p.setColor(QPalette::Window, QColor(0xda, 0x44, 0x53));
    p.setColor(QPalette::WindowText, Qt::white);
    label->setPalette(p);
    label->setAutoFillBackground(true);
    label->setMargin(6);
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &message) {
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

// --- Program ---------------------------------------------------------------------------------

ProgramPage::ProgramPage(QWidget *parent)
    : QWizardPage(parent) {
    setTitle(tr("Program"));
    setSubTitle(tr("What to run, with which arguments, in which directory and environment. "
                   "The job's home is the node the console is connected to."));

    m_program = new QComboBox(this);
    m_program->setObjectName(u"program"_s);
    m_program->setEditable(true);
    m_program->setInsertPolicy(QComboBox::NoInsert);
    m_program->addItems(QSettings()
                            .value(QString(RunProgramWizard::RecentKey))
                            .toStringList()
                            .mid(0, RunProgramWizard::RecentLimit));
    m_program->setCurrentIndex(-1);
    m_program->setEditText({});
    m_program->lineEdit()->setPlaceholderText(tr("/usr/bin/povray, or a name found in PATH"));
    m_program->setWhatsThis(tr("The program to run: a path on the home node, or a name that "
                               "the PATH below finds. The list holds the programs run last."));
    auto *browseProgram = new QPushButton(tr("Browse…"), this);
    browseProgram->setObjectName(u"browseProgram"_s);
    browseProgram->setWhatsThis(tr("Chooses the program among this computer's files."));
    auto *programRow = new QHBoxLayout;
    programRow->addWidget(m_program, 1);
    programRow->addWidget(browseProgram);

    m_args = new QLineEdit(this);
    m_args->setObjectName(u"arguments"_s);
    m_args->setPlaceholderText(tr("-o \"frame 1.png\" scene.pov"));
    m_args->setWhatsThis(tr("The program's arguments on one line, split into words as a shell "
                            "would, with nothing expanded: quote an argument that holds "
                            "spaces with ' or \"."));

    m_cwd = new QLineEdit(QDir::homePath(), this);
    m_cwd->setObjectName(u"directory"_s);
    m_cwd->setWhatsThis(tr("The directory the job starts in: an absolute path that exists on "
                           "the node it starts on."));
    auto *browseDir = new QPushButton(tr("Browse…"), this);
    browseDir->setObjectName(u"browseDirectory"_s);
    browseDir->setWhatsThis(tr("Chooses the directory among this computer's directories."));
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_cwd, 1);
    dirRow->addWidget(browseDir);

    m_env = new QPlainTextEdit(this);
    m_env->setObjectName(u"environment"_s);
    m_env->setTabChangesFocus(true);
    m_env->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_env->setPlainText(defaultEnvironment().join(u'\n'));
    m_env->setFixedHeight(m_env->fontMetrics().lineSpacing() * 5 + 2 * m_env->frameWidth() + 8);
    m_env->setWhatsThis(tr("The job's whole environment, one NAME=value per line. The console's "
                           "own environment is not passed on: it belongs to this desktop, not "
                           "to the node the job runs on."));
    auto *resetEnv = new QPushButton(tr("Inherit PATH, HOME, LANG"), this);
    resetEnv->setObjectName(u"resetEnvironment"_s);
    resetEnv->setWhatsThis(tr("Sets the environment to the console's PATH, HOME and LANG."));
    auto *envColumn = new QVBoxLayout;
    envColumn->addWidget(m_env);
    envColumn->addWidget(resetEnv, 0, Qt::AlignLeft);

    m_error = makeErrorLabel(this);

    // Rows that are layouts get no buddy from QFormLayout: their labels are made here.
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto *form = new QFormLayout;
    form->addRow(label(tr("&Program:"), m_program), programRow);
    form->addRow(tr("&Arguments:"), m_args);
    form->addRow(label(tr("&Directory:"), m_cwd), dirRow);
    form->addRow(label(tr("&Environment:"), m_env), envColumn);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_error);

    connect(browseProgram, &QPushButton::clicked, this, &ProgramPage::browseProgram);
    connect(browseDir, &QPushButton::clicked, this, &ProgramPage::browseDirectory);
    connect(resetEnv, &QPushButton::clicked, this,
            [this] { m_env->setPlainText(defaultEnvironment().join(u'\n')); });
    auto edited = [this] {
        showError(m_error, {});
        emit completeChanged();
    };
    connect(m_program, &QComboBox::editTextChanged, this, edited);
    connect(m_args, &QLineEdit::textEdited, this, edited);
    connect(m_cwd, &QLineEdit::textChanged, this, edited);
    connect(m_env, &QPlainTextEdit::textChanged, this, edited);
}

bool ProgramPage::isComplete() const {
    return !m_program->currentText().trimmed().isEmpty() && !m_cwd->text().trimmed().isEmpty();
}

bool ProgramPage::validatePage() {
    RunRequest r;
    fill(r);
    const auto args = splitArguments(m_args->text());
    const QString problem = args ? r.problem() : args.error();
    showError(m_error, problem);
    return problem.isEmpty();
}

void ProgramPage::fill(RunRequest &r) const {
    r.program = m_program->currentText().trimmed();
    r.args = splitArguments(m_args->text()).value_or(QStringList());
    r.cwd = m_cwd->text().trimmed();
    r.env = environment();
}

QStringList ProgramPage::environment() const {
    QStringList env;
    for (const QString &line : m_env->toPlainText().split(u'\n'))
        if (!line.trimmed().isEmpty())
            env.append(line);
    return env;
}

// Non-native dialogs: the platform's own may not be there on a cluster node's desktop, and
// the tests drive Qt's. The files are this computer's: the path means the same on the home
// node when the console runs there or the cluster shares the file system.
void ProgramPage::browseProgram() {
    const QString start = QFileInfo(m_program->currentText()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Program to Run"), start, {},
                                                      nullptr, QFileDialog::DontUseNativeDialog);
    if (!file.isEmpty())
        m_program->setEditText(file);
}

void ProgramPage::browseDirectory() {
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Working Directory"), m_cwd->text(),
        QFileDialog::ShowDirsOnly | QFileDialog::DontUseNativeDialog);
    if (!dir.isEmpty())
        m_cwd->setText(dir);
}

// --- Where -----------------------------------------------------------------------------------

WherePage::WherePage(RunProgramWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setTitle(tr("Where"));
    setSubTitle(tr("The node the job starts on. Unless it is locked (next page), the "
                   "balancer may move it later."));

    auto *balance = new QRadioButton(tr("The &best node: the least loaded that takes guests"));
    balance->setObjectName(u"whereBalance"_s);
    balance->setWhatsThis(tr("The agents start the job on the least loaded node."));
    auto *node = new QRadioButton(tr("A &chosen node:"));
    node->setObjectName(u"whereNode"_s);
    node->setWhatsThis(tr("Starts the job on the node chosen."));
    m_node = new QComboBox(this);
    m_node->setObjectName(u"node"_s);
    m_node->setWhatsThis(tr("The node to start the job on."));
    m_home = new QRadioButton;
    m_home->setObjectName(u"whereHome"_s);
    m_home->setWhatsThis(tr("Starts the job on its home: the node the console is connected to."));
    auto *nodes = new QRadioButton(tr("One instance on &each of these nodes:"));
    nodes->setObjectName(u"whereNodes"_s);
    nodes->setWhatsThis(tr("Starts the program once per node listed: a parallel run."));
    m_list = new QLineEdit(this);
    m_list->setObjectName(u"nodeList"_s);
    m_list->setPlaceholderText(tr("2-4,7"));
    m_list->setWhatsThis(tr("Node IDs and ranges of them, commas between: 2-4,7 starts four "
                            "instances, on nodes 2, 3, 4 and 7."));

    m_group = new QButtonGroup(this);
    m_group->addButton(balance, int(RunPlacement::Balance));
    m_group->addButton(node, int(RunPlacement::Node));
    m_group->addButton(m_home, int(RunPlacement::Home));
    m_group->addButton(nodes, int(RunPlacement::Nodes));
    balance->setChecked(true);

    m_error = makeErrorLabel(this);

    auto *grid = new QGridLayout;
    grid->addWidget(balance, 0, 0, 1, 2);
    grid->addWidget(node, 1, 0);
    grid->addWidget(m_node, 1, 1);
    grid->addWidget(m_home, 2, 0, 1, 2);
    grid->addWidget(nodes, 3, 0);
    grid->addWidget(m_list, 3, 1);
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addStretch(1);
    layout->addWidget(m_error);

    // The fields stay enabled: typing in one, or picking from it, chooses its option.
    auto changed = [this] {
        showError(m_error, {});
        emit completeChanged();
    };
    connect(m_group, &QButtonGroup::idToggled, this, changed);
    connect(m_list, &QLineEdit::textChanged, this, changed);
    connect(m_node, &QComboBox::currentIndexChanged, this, changed);
    // Typing in a field picks its choice.
    connect(m_list, &QLineEdit::textEdited, nodes, [nodes] { nodes->setChecked(true); });
    connect(m_node, &QComboBox::activated, node, [node] { node->setChecked(true); });
    connect(wizard, &RunProgramWizard::nodesChanged, this, &WherePage::refreshNodes);
    changed();
    refreshNodes();
}

void WherePage::initializePage() {
    refreshNodes();
}

RunPlacement WherePage::placement() const {
    return RunPlacement(m_group->checkedId());
}

void WherePage::refreshNodes() {
    const NodeId home = m_wizard->homeNode();
    m_home->setText(home ? tr("&Home: node %1, the node the console is connected to").arg(home)
                         : tr("&Home: the node the console is connected to"));
    const NodeId chosen = m_node->currentData().value<NodeId>();
    m_node->clear();
    for (const NodeRecord &r : m_wizard->nodes()) {
        QString text = r.node.hostname.isEmpty()
                           ? tr("node %1").arg(r.node.id)
                           : tr("node %1 (%2)").arg(r.node.id).arg(r.node.hostname);
        if (!r.alive)
            text = tr("%1, down").arg(text);
        m_node->addItem(text, QVariant::fromValue(r.node.id));
    }
    const int again = m_node->findData(QVariant::fromValue(chosen));
    m_node->setCurrentIndex(again >= 0 ? again : (m_node->count() ? 0 : -1));
}

std::expected<QList<NodeId>, QString> WherePage::chosenNodes() const {
    if (placement() == RunPlacement::Node) {
        if (m_node->currentIndex() < 0)
            return std::unexpected(tr("No node is known to choose from: choose another option."));
        return QList<NodeId>{m_node->currentData().value<NodeId>()};
    }
    auto list = parseNodeList(m_list->text());
    if (!list)
        return list;
    // Only nodes the cluster has: a typo would otherwise be the agent's error, pages later.
    if (const QList<NodeRecord> known = m_wizard->nodes(); !known.isEmpty()) {
        QList<NodeId> unknown;
        for (NodeId n : std::as_const(*list))
            if (std::ranges::none_of(known, [n](const NodeRecord &r) { return r.node.id == n; }))
                unknown.append(n);
        if (!unknown.isEmpty())
            return std::unexpected(tr("Not in the cluster: %1.").arg(formatNodeList(unknown)));
    }
    return list;
}

bool WherePage::isComplete() const {
    switch (placement()) {
    case RunPlacement::Node:
        return m_node->currentIndex() >= 0;
    case RunPlacement::Nodes:
        return !m_list->text().trimmed().isEmpty();
    case RunPlacement::Balance:
    case RunPlacement::Home:
        break;
    }
    return true;
}

bool WherePage::validatePage() {
    if (placement() != RunPlacement::Node && placement() != RunPlacement::Nodes)
        return true;
    const auto nodes = chosenNodes();
    showError(m_error, nodes ? QString() : nodes.error());
    return bool(nodes);
}

void WherePage::fill(RunRequest &r) const {
    r.where = placement();
    r.node = 0;
    r.nodes.clear();
    const auto nodes = chosenNodes();
    if (r.where == RunPlacement::Node && nodes)
        r.node = nodes->value(0);
    else if (r.where == RunPlacement::Nodes && nodes)
        r.nodes = *nodes;
}

// --- Migration policy ------------------------------------------------------------------------

PolicyPage::PolicyPage(RunProgramWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setTitle(tr("Migration"));
    setSubTitle(tr("Whether the balancer may move the job, and how it weighs it."));

    struct Choice {
        MigrationPolicy policy;
        const char *name;
        QString text;
        QString help;
    };
    const Choice choices[] = {
        {MigrationPolicy::MayMigrate, "mayMigrate",
         tr("&May migrate: the balancer moves it "
            "where it runs best"),
         tr("The job is unlocked (mosrun -l).")},
        {MigrationPolicy::NeverMigrate, "neverMigrate",
         tr("&Never migrate: it stays where it starts"), tr("The job is locked (mosrun -L).")},
        {MigrationPolicy::LockedHome, "lockedHome",
         tr("Locked to its &home: it starts and stays here"),
         tr("The job starts on its home node and is locked there (runhome).")},
        {MigrationPolicy::StayOnNode, "stayOnNode", tr("Run on the chosen node and &stay there"),
         tr("The job starts on the node chosen on the Where page and is locked there (runon).")},
    };
    m_group = new QButtonGroup(this);
    auto *layout = new QVBoxLayout(this);
    for (const Choice &c : choices) {
        auto *button = new QRadioButton(c.text, this);
        button->setObjectName(QString::fromLatin1(c.name));
        button->setWhatsThis(c.help);
        m_group->addButton(button, int(c.policy));
        layout->addWidget(button);
    }
    m_group->button(int(MigrationPolicy::MayMigrate))->setChecked(true);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setEnabled(false); // a hint, drawn as such
    layout->addWidget(m_note);

    m_profile = new QComboBox(this);
    m_profile->setObjectName(u"profile"_s);
    m_profile->addItem(tr("None: the node's own decay"), int(JobProfile::None));
    m_profile->addItem(tr("CPU-bound job (cpujob)"), int(JobProfile::CpuJob));
    m_profile->addItem(tr("I/O-bound job (iojob)"), int(JobProfile::IoJob));
    m_profile->addItem(tr("No decay (nodecay)"), int(JobProfile::NoDecay));
    m_profile->addItem(tr("Slow decay (slowdecay)"), int(JobProfile::SlowDecay));
    m_profile->addItem(tr("Fast decay (fastdecay)"), int(JobProfile::FastDecay));
    m_profile->setWhatsThis(tr("How the balancer weighs the job's use of the CPU over time "
                               "(/proc/hpc/decay; mosrun -c, -i, -n, -s, -f)."));
    auto *form = new QFormLayout;
    form->addRow(tr("Job &profile:"), m_profile);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addStretch(1);
}

// The choices that contradict the Where page are off: "stay" needs a node chosen, and a job
// locked to its home cannot start on the nodes listed.
void PolicyPage::initializePage() {
    const RunRequest r = m_wizard->request();
    const bool onNodes = r.where == RunPlacement::Node || r.where == RunPlacement::Nodes;
    m_group->button(int(MigrationPolicy::StayOnNode))->setEnabled(onNodes);
    m_group->button(int(MigrationPolicy::LockedHome))->setEnabled(!onNodes);
    if (!m_group->checkedButton() || !m_group->checkedButton()->isEnabled())
        m_group->button(int(MigrationPolicy::MayMigrate))->setChecked(true);
    m_note->setText(onNodes ? tr("To lock the job to its home, choose Home on the Where page.")
                            : tr("To run on a node and stay there, choose the node on the Where "
                                 "page."));
}

void PolicyPage::fill(RunRequest &r) const {
    r.policy = MigrationPolicy(m_group->checkedId());
    r.profile = JobProfile(m_profile->currentData().toInt());
}

} // namespace omview::procs
