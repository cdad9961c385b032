#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processfilterproxymodel.h>
#include <omview/procs/processlistmodel.h>
#include <omview/procs/processmarkdelegate.h>
#include <omview/procs/processscope.h>
#include <omview/procs/remoteprocessesdialog.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

// The last outcomes shown: enough to read what a "send all" did, not a log.
constexpr int OutcomeLines = 4;

} // namespace

RemoteProcessesDialog::RemoteProcessesDialog(ClusterProcessModel *processes,
                                             ProcessCommands *commands, NodeId node,
                                             QWidget *parent)
    : QDialog(parent)
    , m_commands(commands)
    , m_node(node)
    , m_scope(new ProcessScope(processes, this))
    , m_guests(new ProcessFilterProxyModel(this))
    , m_view(new QTreeView(this))
    , m_count(new QLabel(this))
    , m_outcome(new QLabel(this))
    , m_home(new QPushButton(tr("Send &Home"), this))
    , m_best(new QPushButton(tr("Send to &Best Node"), this))
    , m_allHome(new QPushButton(tr("&All Home"), this))
    , m_allBest(new QPushButton(tr("All to B&est Nodes"), this)) {
    setObjectName(u"remoteProcesses"_s);
    setWindowTitle(tr("Remote Processes on Node %1").arg(node));
    m_scope->showNodes({node});
    m_guests->setSourceModel(m_scope->model());
    m_guests->setGuestsOnly(true);

    m_view->setObjectName(u"guestsView"_s);
    m_view->setModel(m_guests);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setItemDelegateForColumn(ProcessListModel::PidColumn, new ProcessMarkDelegate(this));
    m_view->sortByColumn(ProcessListModel::HomeColumn, Qt::AscendingOrder);
    // Every row runs here: where it runs says nothing; its home says everything.
    m_view->header()->hideSection(ProcessListModel::NodeColumn);
    // Home next to the command: it is what this list is about.
    m_view->header()->moveSection(m_view->header()->visualIndex(ProcessListModel::HomeColumn),
                                  m_view->header()->visualIndex(ProcessListModel::CommandColumn) +
                                      1);
    m_view->setWhatsThis(tr("<p>The guests of node %1: processes whose home is another node "
                            "and that migrated here. <b>Home</b> is the node they came "
                            "from.</p>")
                             .arg(node));
    m_home->setObjectName(u"sendHome"_s);
    m_home->setWhatsThis(tr("<p>Sends the selected guests back to their home nodes.</p>"));
    m_best->setObjectName(u"sendBest"_s);
    m_best->setWhatsThis(
        tr("<p>Moves the selected guests to the node the balancer finds best for each.</p>"));
    m_allHome->setObjectName(u"sendAllHome"_s);
    m_allHome->setWhatsThis(tr("<p>Sends every guest of this node back to its home node.</p>"));
    m_allBest->setObjectName(u"sendAllBest"_s);
    m_allBest->setWhatsThis(
        tr("<p>Moves every guest of this node to the node the balancer finds best for it.</p>"));
    m_outcome->setObjectName(u"outcome"_s);
    m_outcome->setTextFormat(Qt::PlainText); // commands are the processes' own
    m_outcome->setWordWrap(true);
    // Room for the lines it keeps, so that a "send all" does not push the list around.
    m_outcome->setMinimumHeight(m_outcome->fontMetrics().lineSpacing() * OutcomeLines + 4);
    m_outcome->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_home);
    buttons->addWidget(m_best);
    buttons->addStretch(1);
    buttons->addWidget(m_allHome);
    buttons->addWidget(m_allBest);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)
        ->setWhatsThis(tr("<p>Closes this window. The guests are not touched.</p>"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_outcome);
    layout->addWidget(close);
    resize(900, 460);

    const auto home = MigrateTarget{MigrateTarget::Kind::Home, 0};
    const auto best = MigrateTarget{MigrateTarget::Kind::Balance, 0};
    connect(m_home, &QPushButton::clicked, this, [this, home] { send(home, false); });
    connect(m_best, &QPushButton::clicked, this, [this, best] { send(best, false); });
    connect(m_allHome, &QPushButton::clicked, this, [this, home] { send(home, true); });
    connect(m_allBest, &QPushButton::clicked, this, [this, best] { send(best, true); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RemoteProcessesDialog::updateButtons);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_guests, signal, this, &RemoteProcessesDialog::updateButtons);
    // A sorting proxy may also bring rows in and out as one layout change.
    connect(m_guests, &QAbstractItemModel::modelReset, this,
            &RemoteProcessesDialog::updateButtons);
    connect(m_guests, &QAbstractItemModel::layoutChanged, this,
            &RemoteProcessesDialog::updateButtons);
    updateButtons();
}

RemoteProcessesDialog::~RemoteProcessesDialog() = default;

QString RemoteProcessesDialog::outcomeText() const {
    return m_outcome->text();
}

void RemoteProcessesDialog::updateButtons() {
    const int guests = m_guests->rowCount();
    m_count->setText(guests == 0 ? tr("Node %1 runs no guest.").arg(m_node)
                                 : tr("Node %1 runs %n guest(s).", nullptr, guests).arg(m_node));
    const bool selected = m_view->selectionModel()->hasSelection();
    m_home->setEnabled(selected);
    m_best->setEnabled(selected);
    m_allHome->setEnabled(guests > 0);
    m_allBest->setEnabled(guests > 0);
}

void RemoteProcessesDialog::send(const MigrateTarget &target, bool all) {
    QList<ProcessRef> chosen;
    if (all) {
        for (int row = 0; row < m_guests->rowCount(); ++row)
            if (const auto p = ProcessRef::fromIndex(m_guests->index(row, 0)))
                chosen.append(*p);
    } else {
        for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
            if (const auto p = ProcessRef::fromIndex(row))
                chosen.append(*p);
    }
    for (const ProcessRef &p : chosen)
        m_commands->migrate(p, target).then(this, [this](const ProcessCommands::Outcome &o) {
            m_lines.append(o.result ? *o.result : o.result.error());
            while (m_lines.size() > OutcomeLines)
                m_lines.removeFirst();
            m_outcome->setText(m_lines.join(u'\n'));
        });
}

} // namespace omview::procs
