#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <QItemSelectionModel>
#include <QMenu>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processactions.h>
#include <omview/procs/processcommands.h>
#include <omview/procs/processdetailsdialog.h>
#include <omview/procs/processespane.h>
#include <omview/procs/processfilterproxymodel.h>
#include <omview/procs/processlistmodel.h>
#include <omview/procs/processmarkdelegate.h>
#include <omview/procs/processscope.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

ProcessesPane::ProcessesPane(ClusterProcessModel *processes, QWidget *parent)
    : QWidget(parent)
    , m_processes(processes)
    , m_scope(new ProcessScope(processes, this))
    , m_filter(new ProcessFilterProxyModel(this))
    , m_text(new QLineEdit(this))
    , m_user(new QComboBox(this))
    , m_nodes(new QComboBox(this))
    , m_view(new QTreeView(this)) {
    setObjectName(u"processesPane"_s);
    m_filter->setSourceModel(m_scope->model());
    m_nodes->setObjectName(u"processNodes"_s);
    m_nodes->setWhatsThis(tr("<p>Lists the processes of every node, of the nodes selected in "
                             "the nodes pane, or of one node.</p>"));
    m_nodes->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    refreshNodes();

    m_text->setObjectName(u"processFilter"_s);
    m_text->setPlaceholderText(tr("Filter processes"));
    m_text->setClearButtonEnabled(true);
    m_text->setWhatsThis(tr("<p>Keeps only the processes whose PID, user, command or command "
                            "line contains this text.</p>"));
    m_user->setObjectName(u"processUser"_s);
    m_user->setWhatsThis(tr("<p>Shows the processes of every user, or of the one chosen.</p>"));
    m_user->addItem(tr("All users"));
    m_view->setObjectName(u"processesView"_s);
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    // Onto a node of the nodes pane: migrated there.
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setItemDelegateForColumn(ProcessListModel::PidColumn, new ProcessMarkDelegate(this));
    m_view->sortByColumn(ProcessListModel::CpuColumn, Qt::DescendingOrder);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setWhatsThis(tr("<p>The columns of the processes pane. Click a header to "
                                      "sort the processes by it, drag it to move the column, "
                                      "drag its edge to resize it; its context menu shows and "
                                      "hides columns.</p>"));
    m_view->header()->setSectionsMovable(true);
    m_view->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->header(), &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        columnsMenu()->popup(m_view->header()->mapToGlobal(at));
    });
    // Wide enough for every title, in any language, before there is a row.
    for (int column = 0; column < m_view->header()->count(); ++column)
        m_view->header()->resizeSection(
            column, std::max(m_view->header()->sectionSize(column),
                             m_view->header()->sectionSizeHint(column)));
    m_view->setWhatsThis(tr("<p>The processes of the cluster, one row each. <b>Node</b> says "
                            "where a process runs: <i>home</i> on the node it started on, "
                            "else the node it migrated to. A guest is listed by the node it "
                            "runs on, with its home node.</p><p>Marks beside the PID: an arrow "
                            "leaving for a process that migrated away, an arrow arriving for a "
                            "guest, a padlock for a process locked to its node, a barred circle "
                            "for one that cannot migrate (the Can't move column says why).</p>"
                            "<p>Double-click a process for its details; the context menu "
                            "migrates, signals, renices and locks the selected ones; drag them "
                            "onto a node above to migrate them there.</p>"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    auto *title = new QLabel(tr("Processes"), this);
    bar->addWidget(title);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_nodes);
    bar->addWidget(m_user);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_text, &QLineEdit::textChanged, m_filter, &ProcessFilterProxyModel::setText);
    connect(m_user, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setUser(index <= 0 ? std::nullopt
                                     : std::optional<QString>(m_user->itemText(index)));
    });
    // Users come and go with their processes. An update inserts and removes rows in many
    // runs: the drop-down is brought up to date once, after them.
    const auto later = [this] {
        if (m_usersPending)
            return;
        m_usersPending = true;
        QMetaObject::invokeMethod(this, &ProcessesPane::refreshUsers, Qt::QueuedConnection);
    };
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_scope->model(), signal, this, later);
    connect(m_scope->model(), &QAbstractItemModel::modelReset, this, later);
    // Nodes come and go with the cluster: the drop-down offers those there are.
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(processes, signal, this, [this](const QModelIndex &under) {
            if (!under.isValid())
                refreshNodes();
        });
    connect(processes, &QAbstractItemModel::modelReset, this, &ProcessesPane::refreshNodes);
    connect(m_nodes, &QComboBox::currentIndexChanged, this, &ProcessesPane::applyScope);
}

// The drop-down's entries: All nodes, Selected nodes (when there is a nodes pane), then one
// per node, each carrying the node's ID (0 for all, −1 for the selected ones).
void ProcessesPane::refreshNodes() {
    const QVariant chosen = m_nodes->currentData();
    const QSignalBlocker block(m_nodes);
    m_nodes->clear();
    m_nodes->addItem(tr("All nodes"), 0);
    if (m_followsSelection)
        m_nodes->addItem(tr("Selected nodes"), -1);
    for (const NodeId node : m_processes->nodeIds())
        m_nodes->addItem(tr("Node %1").arg(node), qint64(node));
    const int again = chosen.isValid() ? m_nodes->findData(chosen) : 0;
    // A chosen node that left stays chosen, shown as such, until it comes back.
    if (again < 0) {
        m_nodes->addItem(tr("Node %1").arg(chosen.toLongLong()), chosen);
        m_nodes->setCurrentIndex(m_nodes->count() - 1);
    } else {
        m_nodes->setCurrentIndex(again);
    }
}

void ProcessesPane::applyScope() {
    const qint64 chosen = m_nodes->currentData().toLongLong();
    if (chosen == 0)
        m_scope->showAll();
    else if (chosen < 0)
        m_scope->showNodes(m_selectedNodes);
    else
        m_scope->showNodes({NodeId(chosen)});
}

void ProcessesPane::setSelectedNodes(const QList<NodeId> &nodes) {
    m_selectedNodes = nodes;
    if (!m_followsSelection) {
        m_followsSelection = true;
        refreshNodes();
    }
    if (m_nodes->currentData().toLongLong() < 0)
        applyScope();
}

ProcessesPane::~ProcessesPane() {
    for (const auto &dialog : std::as_const(m_details))
        delete dialog.data();
}

void ProcessesPane::setCommands(ProcessCommands *commands) {
    if (m_commands || !commands)
        return;
    m_commands = commands;
    m_actions = new ProcessActions(commands, m_view);
    m_actions->setNodes(m_processes->nodeIds());
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (!m_view->indexAt(at).isValid())
            return;
        m_actions->setNodes(m_processes->nodeIds());
        m_actions->menu()->popup(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const auto process = ProcessRef::fromIndex(index))
            openDetails(*process);
    });
    connect(m_actions, &ProcessActions::detailsRequested, this, &ProcessesPane::openDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProcessesPane::selectionChanged);
    // A selected row whose lock or node changed: the actions follow.
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &ProcessesPane::selectionChanged);
    selectionChanged();
}

QMenu *ProcessesPane::columnsMenu() {
    if (!m_columns) {
        m_columns = new QMenu(this);
        m_columns->setObjectName(u"processColumns"_s);
    }
    m_columns->clear();
    QHeaderView *header = m_view->header();
    int shown = 0;
    for (int column = 0; column < header->count(); ++column)
        shown += header->isSectionHidden(column) ? 0 : 1;
    // In the order the user arranged them.
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        const QString title =
            m_filter->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        QAction *toggle = m_columns->addAction(title);
        toggle->setObjectName(u"processColumn%1"_s.arg(column));
        toggle->setWhatsThis(tr("<p>Shows or hides the column %1.</p>").arg(title));
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(column));
        toggle->setEnabled(header->isSectionHidden(column) || shown > 1);
        connect(toggle, &QAction::toggled, this, [header, column](bool on) {
            header->setSectionHidden(column, !on);
        });
    }
    return m_columns;
}

QList<ProcessRef> ProcessesPane::selectedProcesses() const {
    QList<ProcessRef> out;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::ranges::sort(rows, [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    for (const QModelIndex &row : rows)
        if (const auto process = ProcessRef::fromIndex(row))
            out.append(*process);
    return out;
}

void ProcessesPane::selectionChanged() {
    if (m_actions)
        m_actions->setSelection(selectedProcesses());
}

ProcessDetailsDialog *ProcessesPane::openDetails(const ProcessRef &process) {
    if (!m_commands)
        return nullptr;
    m_details.removeAll(nullptr);
    for (const auto &open : std::as_const(m_details))
        if (open->process().node == process.node && open->process().pid == process.pid) {
            open->show();
            open->raise();
            open->activateWindow();
            return open;
        }
    // A window of its own (not a child of the pane) that closes with it.
    auto *dialog = new ProcessDetailsDialog(m_processes, m_commands, process, window());
    m_details.append(dialog);
    dialog->show();
    return dialog;
}

void ProcessesPane::refreshUsers() {
    m_usersPending = false;
    // Straight from the nodes' lists: through the proxies, 100 000 rows cost tens of ms.
    QSet<QString> users;
    const QList<NodeId> inScope =
        m_scope->showsAll() ? m_processes->nodeIds() : m_scope->chosenNodes();
    for (const NodeId node : inScope)
        if (const ProcessListModel *list = m_processes->processModel(node))
            for (const ProcessInfo &p : list->processes())
                if (!p.user.isEmpty())
                    users.insert(p.user);
    QStringList sorted(users.begin(), users.end());
    sorted.sort();
    QStringList shown;
    for (int i = 1; i < m_user->count(); ++i)
        shown.append(m_user->itemText(i));
    // The one chosen stays while it has no process, so that the choice is not lost.
    if (m_user->currentIndex() > 0 && !sorted.contains(m_user->currentText())) {
        sorted.append(m_user->currentText());
        sorted.sort();
    }
    if (shown == sorted)
        return;
    const QString chosen = m_user->currentIndex() > 0 ? m_user->currentText() : QString();
    const QSignalBlocker block(m_user);
    while (m_user->count() > 1)
        m_user->removeItem(1);
    m_user->addItems(sorted);
    m_user->setCurrentIndex(chosen.isEmpty() ? 0 : m_user->findText(chosen));
}

} // namespace omview::procs
