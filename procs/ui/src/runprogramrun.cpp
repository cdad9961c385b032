// The run-program wizard's last pages: the review (with the equivalent mosrun line) and the
// run itself, where the jobs' output and ends come in.
#include "runprogrampages.h"

#include <QClipboard>
#include <QColor>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextCursor>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <csignal>
#include <cstring>
#include <omview/procs/jobrunner.h>
#include <omview/procs/runprogramwizard.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

QString placementText(const RunRequest &r, NodeId home) {
    if (r.policy == MigrationPolicy::LockedHome || r.where == RunPlacement::Home)
        return home ? ReviewPage::tr("home (node %1)").arg(home) : ReviewPage::tr("home");
    switch (r.where) {
    case RunPlacement::Node:
        return ReviewPage::tr("node %1").arg(r.node);
    case RunPlacement::Nodes:
        return ReviewPage::tr("%n instance(s), one on each of nodes %1", nullptr,
                              int(r.nodes.size()))
            .arg(formatNodeList(r.nodes));
    case RunPlacement::Balance:
    case RunPlacement::Home:
        break;
    }
    return ReviewPage::tr("the least loaded node");
}

QString policyText(MigrationPolicy p) {
    switch (p) {
    case MigrationPolicy::MayMigrate:
        return ReviewPage::tr("may migrate");
    case MigrationPolicy::NeverMigrate:
        return ReviewPage::tr("never migrates");
    case MigrationPolicy::LockedHome:
        return ReviewPage::tr("locked to its home");
    case MigrationPolicy::StayOnNode:
        return ReviewPage::tr("stays on the node it starts on");
    }
    return {};
}

QString signalName(int signal) {
    const char *name = ::sigdescr_np(signal);
    return name ? QString::fromLocal8Bit(name) : RunPage::tr("signal %1").arg(signal);
}

QFont fixedFont() {
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

} // namespace

// --- Review ----------------------------------------------------------------------------------

ReviewPage::ReviewPage(RunProgramWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setTitle(tr("Review"));
    setSubTitle(tr("What will run. Run starts it; the wizard then shows its output."));
    // After this page the job runs: there is no going back to change it.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Run"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"summary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_command = new QPlainTextEdit(this);
    m_command->setObjectName(u"mosrunLine"_s);
    m_command->setReadOnly(true);
    m_command->setFont(fixedFont());
    m_command->setFixedHeight(m_command->fontMetrics().lineSpacing() * 4 +
                              2 * m_command->frameWidth() + 8);
    m_command->setWhatsThis(tr("The shell command that starts the same job with mosrun on the "
                               "home node, in the same directory and environment."));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(u"copyCommand"_s);
    m_copy->setWhatsThis(tr("Copies the mosrun command to the clipboard."));
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(commandLine()); });

    m_error = makeErrorLabel(this);

    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(m_copy, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("The same with mosrun:"), this));
    layout->addLayout(commandRow);
    layout->addStretch(1);
    layout->addWidget(m_error);
}

void ReviewPage::initializePage() {
    const RunRequest r = m_wizard->request();
    // Quoted as the shell would need them, so that the words' limits show.
    QStringList quoted;
    for (const QString &a : r.args)
        quoted.append(shellQuote(a));
    const QString args = r.args.isEmpty() ? tr("none") : quoted.join(u' ');
    QStringList envLines;
    for (const QString &e : r.env)
        envLines.append(e.toHtmlEscaped());
    const QString env = envLines.join(u"<br>"_s);
    const auto row = [](const QString &name, const QString &value) {
        return u"<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>"_s.arg(
            name.toHtmlEscaped(), value);
    };
    m_summary->setText(
        u"<table>"_s + row(tr("Program"), r.program.toHtmlEscaped()) +
        row(tr("Arguments"), args.toHtmlEscaped()) + row(tr("Directory"), r.cwd.toHtmlEscaped()) +
        row(tr("Environment"), env.isEmpty() ? tr("empty") : env) +
        row(tr("Starts on"), placementText(r, m_wizard->homeNode()).toHtmlEscaped()) +
        row(tr("Migration"), policyText(r.policy).toHtmlEscaped()) +
        row(tr("Profile"), profileName(r.profile)) + u"</table>"_s);
    m_command->setPlainText(r.mosrunCommandLine());
    showError(m_error, r.problem());
}

bool ReviewPage::isComplete() const {
    return m_wizard->request().problem().isEmpty();
}

QString ReviewPage::commandLine() const {
    return m_command->toPlainText();
}

// --- Run -------------------------------------------------------------------------------------

RunPage::RunPage(RunProgramWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setTitle(tr("Run"));
    setSubTitle(tr("Where each job started, what it writes and how it ends. Closing the "
                   "wizard leaves the jobs running."));

    m_instances = new QTreeWidget(this);
    m_instances->setObjectName(u"instances"_s);
    m_instances->setRootIsDecorated(false);
    m_instances->setHeaderLabels({tr("Node"), tr("PID"), tr("Job"), tr("Status")});
    m_instances->header()->setStretchLastSection(true);
    m_instances->setWhatsThis(tr("One row per job started: the node it runs on, its PID on its "
                                 "home node, its job ID, and how it is doing."));
    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(u"output"_s);
    m_output->setReadOnly(true);
    m_output->setFont(fixedFont());
    m_output->setMaximumBlockCount(100'000);
    m_output->setWhatsThis(tr("What the jobs write: standard error in another colour. With "
                              "several jobs each line starts with its node."));
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"runSummary"_s);
    m_summary->setWordWrap(true);
    m_stop = new QPushButton(tr("&Stop"), this);
    m_stop->setObjectName(u"stop"_s);
    m_stop->setEnabled(false);
    m_stop->setWhatsThis(tr("Sends SIGTERM to every job still running, wherever it runs."));
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_runner)
            m_runner->signalAll(SIGTERM);
    });

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_instances, 1);
    layout->addWidget(m_output, 3);
    layout->addLayout(bottom);
}

void RunPage::initializePage() {
    if (m_runner)
        return;
    const RunRequest r = m_wizard->request();
    m_wizard->rememberProgram(r.program);
    m_runner = new JobRunner(m_wizard->client(), this);
    const qsizetype count = r.instanceCount();
    m_streams.resize(std::size_t(count) * 2);
    for (qsizetype i = 0; i < count; ++i) {
        const NodeId target = r.instanceNode(i);
        const bool home = r.where == RunPlacement::Home || r.policy == MigrationPolicy::LockedHome;
        const NodeId homeNode = m_wizard->homeNode();
        auto *item = new QTreeWidgetItem(m_instances);
        item->setText(0, target     ? QString::number(target)
                         : !home    ? tr("best")
                         : homeNode ? QString::number(homeNode)
                                    : tr("home"));
        item->setText(3, tr("starting…"));
    }
    for (int c = 0; c < 3; ++c)
        m_instances->resizeColumnToContents(c);

    connect(m_runner, &JobRunner::started, this, [this](int i, const SpawnResult &job) {
        QTreeWidgetItem *item = m_instances->topLevelItem(i);
        item->setText(0, QString::number(job.node));
        item->setText(1, QString::number(job.pid));
        item->setText(2, job.job);
        item->setText(3, tr("running"));
        for (int c = 0; c < 3; ++c)
            m_instances->resizeColumnToContents(c);
        m_stop->setEnabled(true);
        updateSummary();
        emit m_wizard->jobStarted(job);
    });
    connect(m_runner, &JobRunner::moved, this, [this](int i, NodeId node) {
        m_instances->topLevelItem(i)->setText(0, QString::number(node));
        write(tr("[job %1 moved to node %2]").arg(i + 1).arg(node), false, true);
    });
    connect(m_runner, &JobRunner::output, this,
            [this](int i, const QByteArray &out, const QByteArray &err) {
                append(i, false, out);
                append(i, true, err);
            });
    connect(m_runner, &JobRunner::ended, this, [this](int i, int exitCode, int signal) {
        flush(i);
        const QString how = signal ? tr("ended by %1").arg(signalName(signal))
                                   : tr("exited with status %1").arg(exitCode);
        setStatus(i, how);
        const QString who = m_runner->instanceCount() > 1
                                ? tr("[node %1] ").arg(m_runner->instance(i).node)
                                : QString();
        write(who + u'[' + how + u']', false, true);
    });
    connect(m_runner, &JobRunner::failed, this, [this](int i, const QString &message) {
        flush(i);
        setStatus(i, tr("failed"));
        m_instances->topLevelItem(i)->setToolTip(3, message);
        const JobRunner::Instance &in = m_runner->instance(i);
        const QString who = m_runner->instanceCount() > 1
                                ? tr("[node %1] ").arg(in.node ? in.node : in.target)
                                : QString();
        write(who + message, true, true);
    });
    connect(m_runner, &JobRunner::finished, this, [this] {
        m_stop->setEnabled(false);
        updateSummary();
        emit completeChanged();
    });
    m_runner->start(r);
    updateSummary();
}

bool RunPage::isComplete() const {
    return m_runner && m_runner->isFinished();
}

QString RunPage::outputText() const {
    return m_output->toPlainText();
}

void RunPage::append(int instance, bool isError, const QByteArray &bytes) {
    if (bytes.isEmpty())
        return;
    Stream &s = m_streams[std::size_t(instance) * 2 + (isError ? 1 : 0)];
    QString text = s.decoder.decode(bytes);
    // A single run's output shows as it comes; interleaved runs' are cut into lines.
    if (m_runner->instanceCount() == 1) {
        write(text, isError);
        return;
    }
    text.prepend(std::exchange(s.partial, {}));
    const qsizetype end = text.lastIndexOf(u'\n');
    s.partial = text.mid(end + 1);
    if (end < 0)
        return;
    const QString prefix = tr("[node %1] ").arg(m_runner->instance(instance).node);
    QString lines;
    for (const QString &line : QStringView(text).left(end).toString().split(u'\n'))
        lines += prefix + line + u'\n';
    write(lines, isError);
}

void RunPage::flush(int instance) {
    for (int e = 0; e < 2; ++e) {
        Stream &s = m_streams[std::size_t(instance) * 2 + std::size_t(e)];
        if (!s.partial.isEmpty())
            append(instance, e == 1, "\n");
    }
}

// Notes (ends, moves, failures) go on their own line, in italics; output as it came.
void RunPage::write(const QString &text, bool isError, bool note) {
    QScrollBar *bar = m_output->verticalScrollBar();
    const bool following = bar->value() == bar->maximum();
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat format;
    if (isError)
        format.setForeground(QColor(0xda, 0x44, 0x53)); // as the pages show their errors
    if (note) {
        format.setFontItalic(true);
        if (!m_output->document()->isEmpty() && !m_output->toPlainText().endsWith(u'\n'))
            cursor.insertText(u"\n"_s);
    }
    cursor.insertText(note ? text + u'\n' : text, format);
    if (following)
        bar->setValue(bar->maximum());
}

void RunPage::setStatus(int instance, const QString &status) {
    m_instances->topLevelItem(instance)->setText(3, status);
    updateSummary();
}

void RunPage::updateSummary() {
    if (!m_runner)
        return;
    int running = 0, ended = 0, failed = 0;
    for (qsizetype i = 0; i < m_runner->instanceCount(); ++i) {
        switch (m_runner->instance(i).state) {
        case JobRunner::State::Waiting:
        case JobRunner::State::Starting:
        case JobRunner::State::Running:
            ++running;
            break;
        case JobRunner::State::Ended:
            ++ended;
            break;
        case JobRunner::State::Failed:
            ++failed;
            break;
        }
    }
    QStringList parts;
    if (running)
        parts.append(tr("%n job(s) running", nullptr, running));
    if (ended)
        parts.append(tr("%n ended", nullptr, ended));
    if (failed)
        parts.append(tr("%n failed", nullptr, failed));
    m_summary->setText(parts.join(u", "_s) + u'.');
}

} // namespace omview::procs
