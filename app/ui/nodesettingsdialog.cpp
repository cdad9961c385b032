#include "logging.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <algorithm>
#include <omview/console/nodesettingsdialog.h>
#include <omview/console/settingseditor.h>
#include <omview/protocol/settingschange.h>
#include <omview/resources/icons.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

// Around an error message, inside its red box.
constexpr int ErrorMargin = 6;

} // namespace

NodeSettingsDialog::NodeSettingsDialog(Scope scope, QList<NodeId> nodes, const QString &title,
                                       ClusterCommands *commands, QWidget *parent)
    : QDialog(parent)
    , m_scope(scope)
    , m_nodes(std::move(nodes))
    , m_commands(commands)
    , m_editor(new SettingsEditor(this))
    , m_participation(new QLabel(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this))
    , m_expel(new QPushButton(tr("E&xpel Guests"), this))
    , m_bring(new QPushButton(tr("B&ring Processes Home"), this))
    , m_start(new QPushButton(tr("Start o&penMosix"), this))
    , m_stop(new QPushButton(tr("Stop openMosi&x"), this))
    , m_reload(new QPushButton(themedIcon(u"view-refresh"_s), tr("Re&load"), this)) {
    setWindowTitle(tr("%1 — Settings").arg(title));
    setObjectName(u"nodeSettingsDialog"_s);

    auto *heading = new QLabel(u"<b>%1</b>"_s.arg(title.toHtmlEscaped()), this);
    heading->setObjectName(u"heading"_s);
    m_participation->setObjectName(u"participation"_s);
    m_participation->setWordWrap(true);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Two lines of an error kept free, so that the buttons do not jump when one shows.
    m_message->setMinimumHeight(fontMetrics().height() * 2 + 2 * ErrorMargin);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_expel->setObjectName(u"expel"_s);
    m_bring->setObjectName(u"bring"_s);
    m_start->setObjectName(u"start"_s);
    m_stop->setObjectName(u"stop"_s);
    m_reload->setObjectName(u"reload"_s);
    m_expel->setWhatsThis(tr("<p><b>Expel guests.</b> Sends the processes of other nodes that "
                             "run here back to their home nodes, and blocks new ones.</p>"));
    m_bring->setWhatsThis(tr("<p><b>Bring processes home.</b> Brings this node's processes "
                             "that run elsewhere back, and keeps new ones local.</p>"));
    m_start->setWhatsThis(tr("<p><b>Start openMosix.</b> The node takes part in the cluster "
                             "again, with the cluster's node map (as <i>setpe -w</i>).</p>"));
    m_stop->setWhatsThis(tr("<p><b>Stop openMosix.</b> The node leaves the cluster: its "
                            "guests go home and no load is exchanged (as <i>setpe -off</i>).</p>"));
    m_reload->setWhatsThis(tr("<p>Reads the current settings from the nodes again, dropping "
                              "what you changed but did not apply.</p>"));

    auto *actions = new QGroupBox(tr("Actions"), this);
    auto *grid = new QGridLayout(actions);
    grid->addWidget(m_expel, 0, 0);
    grid->addWidget(m_bring, 0, 1);
    grid->addWidget(m_start, 1, 0);
    grid->addWidget(m_stop, 1, 1);
    if (scope == Scope::Node) {
        m_terminal =
            new QPushButton(themedIcon(u"utilities-terminal"_s), tr("Open &Terminal"), this);
        m_terminal->setObjectName(u"terminal"_s);
        m_terminal->setWhatsThis(tr("<p>Opens your terminal with an SSH session on this node, "
                                    "as the user, port and key of the connection.</p>"));
        grid->addWidget(m_terminal, 2, 0);
        connect(m_terminal, &QPushButton::clicked, this,
                [this] { emit terminalRequested(m_nodes.value(0)); });
    }

    m_buttons->addButton(m_reload, QDialogButtonBox::ResetRole);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"ok"_s);
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(u"apply"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancel"_s);
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setWhatsThis(tr("<p>Closes the dialog without writing what you changed.</p>"));
    m_buttons->button(QDialogButtonBox::Apply)
        ->setWhatsThis(tr("<p>Writes what you changed to the nodes, and reads them back.</p>"));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setWhatsThis(tr("<p>Writes what you changed to the nodes and closes the dialog.</p>"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_participation);
    layout->addWidget(m_editor);
    layout->addWidget(actions);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Ok), &QPushButton::clicked, this,
            [this] { apply(true); });
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { apply(false); });
    connect(m_reload, &QPushButton::clicked, this, &NodeSettingsDialog::reload);
    connect(m_editor, &SettingsEditor::changed, this, &NodeSettingsDialog::validate);
    connect(m_expel, &QPushButton::clicked, this, [this] {
        if (m_commands)
            runAction(tr("Expel guests"), m_commands->expel(readNodes()));
    });
    connect(m_bring, &QPushButton::clicked, this, [this] {
        if (m_commands)
            runAction(tr("Bring processes home"), m_commands->bring(readNodes()));
    });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (m_commands)
            runAction(tr("Start openMosix"), m_commands->setParticipating(readNodes(), true));
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_commands)
            runAction(tr("Stop openMosix"), m_commands->setParticipating(readNodes(), false));
    });
    reload();
}

NodeSettingsDialog::~NodeSettingsDialog() = default;

QPushButton *NodeSettingsDialog::button(const QString &objectName) const {
    return findChild<QPushButton *>(objectName);
}

QString NodeSettingsDialog::messageText() const {
    return m_message->text();
}

QList<NodeId> NodeSettingsDialog::readNodes() const {
    QList<NodeId> nodes;
    for (const auto &[node, settings] : m_read)
        nodes.append(node);
    return nodes;
}

QString NodeSettingsDialog::nodeName(NodeId node) const {
    return tr("Node %1").arg(node);
}

void NodeSettingsDialog::setBusy(bool busy, const QString &text) {
    m_busy = busy;
    const bool usable = !busy && !m_read.isEmpty() && m_commands;
    m_editor->setEnabled(usable);
    for (QPushButton *b : {m_expel, m_bring})
        b->setEnabled(usable);
    m_start->setEnabled(usable && m_running < m_read.size());
    m_stop->setEnabled(usable && m_running > 0);
    if (m_terminal)
        m_terminal->setEnabled(!busy);
    m_reload->setEnabled(!busy && m_commands);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && !m_invalid);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(usable && !m_invalid);
    if (!text.isEmpty())
        showMessage(text, false);
}

void NodeSettingsDialog::showMessage(const QString &text, bool error) {
    m_error = error;
    m_message->setText(text);
    // The palette's own colours for the error, so it reads on dark themes too.
    m_message->setForegroundRole(error ? QPalette::BrightText : QPalette::WindowText);
    m_message->setAutoFillBackground(error);
    QPalette p = palette();
    if (error) {
        p.setColor(QPalette::Window, QColor(0xda, 0x44, 0x53));
        p.setColor(QPalette::BrightText, Qt::white);
    }
    m_message->setPalette(p);
    m_message->setMargin(error ? ErrorMargin : 0);
    // A longer text makes the dialog taller rather than losing its last lines.
    const int reserved = fontMetrics().height() * 2 + 2 * ErrorMargin;
    m_message->setMinimumHeight(
        m_message->isVisible() ? std::max(reserved, m_message->heightForWidth(m_message->width()))
                               : reserved);
}

void NodeSettingsDialog::showResult(const QString &text, bool error) {
    // What the operation did, and why the read that followed it failed, if it did.
    if (m_readError.isEmpty())
        showMessage(text, error);
    else
        showMessage(text + u'\n' + m_readError, true);
}

void NodeSettingsDialog::reload() {
    if (!m_commands) {
        showMessage(tr("Not connected to the cluster."), true);
        return;
    }
    m_invalid = false;
    setBusy(true, m_nodes.size() == 1
                      ? tr("Reading the node's settings…")
                      : tr("Reading the settings of %n nodes…", nullptr, int(m_nodes.size())));
    m_commands->settingsOf(m_nodes).then(
        this,
        [this](const QList<std::pair<NodeId, Result<Settings>>> &results) { onRead(results); });
}

void NodeSettingsDialog::onRead(const QList<std::pair<NodeId, Result<Settings>>> &results) {
    m_read.clear();
    QStringList failures;
    QList<Settings> all;
    for (const auto &[node, result] : results) {
        if (result) {
            m_read.append({node, *result});
            all.append(*result);
        } else {
            failures.append(tr("%1: %2").arg(nodeName(node), result.error().message));
        }
    }
    m_aggregate = SettingsAggregate::of(all);
    m_editor->setAggregate(m_aggregate);

    const Merged<bool> &on = m_aggregate.participating;
    int running = 0;
    for (const auto &[node, settings] : m_read)
        running += settings.mospe != 0 ? 1 : 0;
    m_running = running;
    QString state;
    if (m_read.isEmpty())
        state = tr("No settings could be read.");
    else if (m_read.size() == 1)
        state =
            running
                ? tr("openMosix is running on this node (ID %1); %2.")
                      .arg(m_read.first().second.mospe)
                      .arg(m_read.first().second.version)
                : tr("openMosix is stopped on this node; %1.").arg(m_read.first().second.version);
    else if (on.mixed)
        state =
            tr("openMosix is running on %1 of %n nodes.", nullptr, int(m_read.size())).arg(running);
    else
        state = running ? tr("openMosix is running on all %n nodes.", nullptr, int(m_read.size()))
                        : tr("openMosix is stopped on all %n nodes.", nullptr, int(m_read.size()));
    m_participation->setText(state);

    setBusy(false);
    m_readError = failures.isEmpty()
                      ? QString()
                      : tr("Could not read: %1. Those nodes are not shown and will not be changed.")
                            .arg(failures.join(u"; "_s));
    if (!m_readError.isEmpty())
        showMessage(m_readError, true);
    else
        showMessage(m_read.size() == 1 ? tr("Showing the node's current settings.")
                                       : tr("Showing the current settings of %n nodes.", nullptr,
                                            int(m_read.size())),
                    false);
    emit operationFinished();
}

QString NodeSettingsDialog::describe(const ProtocolError &error) {
    // The module's fields as the form labels them, and as a sentence names them: in German
    // a noun keeps its capital there, so a label in lower case will not do.
    struct Field {
        QString name;
        QString label;
        QString inSentence;
    };
    const Field fields[] = {{u"decayInterval"_s, tr("Decay interval"), tr("the decay interval")},
                            {u"slowDecay"_s, tr("Slow decay"), tr("the slow decay")},
                            {u"fastDecay"_s, tr("Fast decay"), tr("the fast decay")},
                            {u"speed"_s, tr("Speed"), tr("the speed")},
                            {u"stay"_s, tr("Automatic migration"), {}},
                            {u"quiet"_s, tr("Talk to other nodes"), {}},
                            {u"lstay"_s, tr("Local processes stay"), {}},
                            {u"block"_s, tr("Block guest processes"), {}}};
    const auto fieldNamed = [&](QStringView name) -> const Field * {
        const auto it = std::ranges::find(fields, name, &Field::name);
        return it != std::end(fields) ? it : nullptr;
    };
    const Field *field = fieldNamed(error.field);
    const QString label = field ? field->label : error.field;

    // The refusals the form can meet, in the words of settingschange.cpp, said in the
    // user's language.
    static const QRegularExpression range(u"^must be (\\d+)\\.\\.(\\d+), got (\\d+)$"_s);
    static const QRegularExpression order(
        u"^must be at (least|most) (\\w+) \\((\\d+)\\), got (\\d+)$"_s);
    QString reason;
    if (const auto m = range.match(error.message); m.hasMatch()) {
        reason = tr("must be between %1 and %2, not %3")
                     .arg(m.captured(1), m.captured(2), m.captured(3));
    } else if (const auto o = order.match(error.message); o.hasMatch()) {
        if (const Field *other = fieldNamed(o.capturedView(2));
            other && !other->inSentence.isEmpty())
            reason = (o.capturedView(1) == u"least" ? tr("must be at least %1 (%2), not %3")
                                                    : tr("must be at most %1 (%2), not %3"))
                         .arg(other->inSentence, o.captured(3), o.captured(4));
    }
    if (reason.isEmpty()) {
        // Another refusal: the module's words, with the fields named as in a sentence.
        reason = error.message;
        for (const Field &f : fields) {
            if (!f.inSentence.isEmpty())
                reason.replace(QRegularExpression(u"\\b%1\\b"_s.arg(f.name)), f.inSentence);
        }
    }
    return label.isEmpty() ? reason : tr("%1: %2").arg(label, reason);
}

void NodeSettingsDialog::validate() {
    const SettingsChange change = m_aggregate.changeTo(m_editor->edited());
    QString problem;
    for (const auto &[node, settings] : m_read) {
        if (const auto after = applyChange(settings, change); !after) {
            problem = m_read.size() == 1
                          ? describe(after.error())
                          : tr("%1: %2").arg(nodeName(node), describe(after.error()));
            break;
        }
    }
    m_invalid = !problem.isEmpty();
    if (m_invalid)
        showMessage(tr("Not valid — %1").arg(problem), true);
    else if (m_error)
        showMessage(QString(), false);
    setBusy(m_busy);
}

void NodeSettingsDialog::apply(bool thenClose) {
    if (m_busy)
        return;
    const SettingsChange change = m_aggregate.changeTo(m_editor->edited());
    if (change == SettingsChange{}) {
        if (thenClose)
            accept();
        else
            showMessage(tr("Nothing changed."), false);
        return;
    }
    validate();
    if (m_invalid || !m_commands)
        return;
    setBusy(true, tr("Writing…"));
    m_commands->apply(readNodes(), change)
        .then(this, [this, thenClose](const QList<ClusterCommands::NodeResult> &results) {
            QStringList failures;
            for (const auto &r : results) {
                if (!r.result)
                    failures.append(r.result.error());
            }
            if (failures.isEmpty() && thenClose) {
                setBusy(false);
                emit operationFinished();
                accept();
                return;
            }
            reload();
            if (!failures.isEmpty()) {
                // Shown once the nodes were read again; the read replaces the busy text only.
                connect(
                    this, &NodeSettingsDialog::operationFinished, this,
                    [this, failures] { showResult(failures.join(u'\n'), true); },
                    Qt::SingleShotConnection);
            } else {
                connect(
                    this, &NodeSettingsDialog::operationFinished, this,
                    [this, n = results.size()] {
                        showResult(n == 1 ? tr("Settings written.")
                                          : tr("Settings written to %n nodes.", nullptr, int(n)),
                                   false);
                    },
                    Qt::SingleShotConnection);
            }
        });
}

void NodeSettingsDialog::runAction(const QString &what,
                                   QFuture<QList<ClusterCommands::NodeResult>> future) {
    setBusy(true, tr("%1…").arg(what));
    future.then(this, [this, what](const QList<ClusterCommands::NodeResult> &results) {
        const QString summary = ClusterCommands::summarize(what, results);
        bool failed = false;
        for (const auto &r : results)
            failed = failed || !r.result;
        reload();
        connect(
            this, &NodeSettingsDialog::operationFinished, this,
            [this, summary, failed, what] {
                showResult(summary.isEmpty() ? tr("%1: done.").arg(what) : summary, failed);
            },
            Qt::SingleShotConnection);
    });
}

} // namespace omview
