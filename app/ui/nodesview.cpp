#include "nodeindex.h"

#include <KSelectionProxyModel>
#include <QHeaderView>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <omview/console/nodedelegates.h>
#include <omview/console/nodesview.h>
#include <omview/console/nodetablemodel.h>
#include <omview/procs/processmime.h>

namespace omview {

NodesView::NodesView(QWidget *parent)
    : QTreeView(parent)
    , m_button(new NodeButtonDelegate(this))
    , m_speed(new SpeedDelegate(this))
    , m_load(new UsageBarDelegate(NodeTableModel::LoadFractionRole, this))
    , m_memory(new UsageBarDelegate(NodeTableModel::MemFractionRole, this)) {
    setItemDelegate(new NodeCellDelegate(this));
    setItemDelegateForColumn(NodeTableModel::IdColumn, new StatusLampDelegate(this));
    setItemDelegateForColumn(NodeTableModel::AddressColumn, m_button);
    setItemDelegateForColumn(NodeTableModel::SpeedColumn, m_speed);
    setItemDelegateForColumn(NodeTableModel::LoadColumn, m_load);
    setItemDelegateForColumn(NodeTableModel::MemUsedColumn, m_memory);

    // One top-level row, always open: no expander, no indentation for its children.
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setIndentation(0);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    setSortingEnabled(true);
    setMouseTracking(true);
    setAllColumnsShowFocus(true);
    header()->setSectionsMovable(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setContextMenuPolicy(Qt::CustomContextMenu);
    // Processes dragged from the processes pane, to migrate them to the node they land on.
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);
    header()->setWhatsThis(tr("<p>The columns of the nodes pane. Click a header to sort the "
                              "nodes by it (the cluster row stays first), drag it to move the "
                              "column, drag its edge to resize it; right-click to hide or show "
                              "columns.</p>"));
    setWhatsThis(tr("<p><b>The nodes pane.</b> The first row is the whole cluster, the others "
                    "one node each. Use What's This on a column for what it shows. Select "
                    "several nodes with Ctrl or Shift to change their settings together.</p>"));

    connect(m_button, &NodeButtonDelegate::clicked, this, &NodesView::onButton);
    connect(m_speed, &SpeedDelegate::speedChosen, this, &NodesView::speedChosen);
}

NodesView::~NodesView() = default;

void NodesView::setModel(QAbstractItemModel *model) {
    if (QAbstractItemModel *old = this->model())
        old->disconnect(this);
    QTreeView::setModel(model);
    delete m_selected;
    m_selected = nullptr;
    if (!model)
        return;
    m_selected = new KSelectionProxyModel(selectionModel(), this);
    m_selected->setFilterBehavior(KSelectionProxyModel::ExactSelection);
    m_selected->setSourceModel(model);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NodesView::selectionChanged);
    connect(model, &QAbstractItemModel::rowsInserted, this, &NodesView::keepClusterExpanded);
    connect(model, &QAbstractItemModel::rowsMoved, this, &NodesView::keepClusterExpanded);
    connect(model, &QAbstractItemModel::modelReset, this, &NodesView::keepClusterExpanded);
    connect(model, &QAbstractItemModel::layoutChanged, this, &NodesView::keepClusterExpanded);
    keepClusterExpanded();
}

void NodesView::keepClusterExpanded() {
    const QAbstractItemModel *m = model();
    if (!m)
        return;
    for (int row = 0; row < m->rowCount(); ++row) {
        const QModelIndex top = m->index(row, 0);
        if (!isExpanded(top))
            expand(top);
    }
}

NodesView::Selection NodesView::selection() const {
    Selection s;
    if (!m_selected)
        return s;
    for (int row = 0; row < m_selected->rowCount(); ++row) {
        const QModelIndex index = m_selected->index(row, 0);
        if (nodeindex::isCluster(index)) {
            s.cluster = true;
            continue;
        }
        const NodeId node = nodeindex::nodeId(index);
        if (!s.nodes.contains(node))
            s.nodes.append(node);
    }
    return s;
}

std::optional<NodeId> NodesView::currentNode() const {
    const QModelIndex current = currentIndex();
    if (!current.isValid() || nodeindex::isCluster(current))
        return std::nullopt;
    return nodeindex::nodeId(current);
}

int NodesView::warningThreshold() const {
    return m_load->threshold();
}

void NodesView::setWarningThreshold(int percent) {
    m_load->setThreshold(percent);
    m_memory->setThreshold(percent);
    viewport()->update();
}

QModelIndex NodesView::indexOfNode(NodeId node, int column) const {
    const QAbstractItemModel *m = model();
    if (!m)
        return {};
    for (int top = 0; top < m->rowCount(); ++top) {
        const QModelIndex cluster = m->index(top, 0);
        for (int row = 0; row < m->rowCount(cluster); ++row) {
            const QModelIndex index = m->index(row, column, cluster);
            if (nodeindex::nodeId(index) == node)
                return index;
        }
    }
    return {};
}

QRect NodesView::buttonRect(NodeId node) const {
    return visualRect(indexOfNode(node, NodeTableModel::AddressColumn)).adjusted(2, 2, -2, -2);
}

QRect NodesView::clusterButtonRect() const {
    if (!model() || model()->rowCount() == 0)
        return {};
    return visualRect(model()->index(0, NodeTableModel::AddressColumn)).adjusted(2, 2, -2, -2);
}

QRect NodesView::sliderRect(NodeId node) const {
    const QModelIndex index = indexOfNode(node, NodeTableModel::SpeedColumn);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_speed->sliderRect(option);
}

void NodesView::onButton(const QModelIndex &index) {
    if (nodeindex::isCluster(index))
        emit allNodesSettingsRequested();
    else
        emit nodeSettingsRequested(nodeindex::nodeId(index));
}

void NodesView::keyPressEvent(QKeyEvent *event) {
    // Rows are selected whole, so the keys act on the current row whatever its column:
    // Enter and Space press its node button, F2 edits its speed.
    const QModelIndex current = currentIndex();
    if (current.isValid() && state() != EditingState && event->modifiers() == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Space:
            onButton(current);
            event->accept();
            return;
        case Qt::Key_F2:
            if (!nodeindex::isCluster(current)) {
                const QModelIndex speed = current.siblingAtColumn(NodeTableModel::SpeedColumn);
                selectionModel()->setCurrentIndex(speed, QItemSelectionModel::NoUpdate);
                edit(speed);
            }
            event->accept();
            return;
        default:
            break;
        }
    }
    QTreeView::keyPressEvent(event);
}

NodeId NodesView::dropNode(const QPoint &pos) const {
    const QModelIndex at = indexAt(pos);
    return at.isValid() && !nodeindex::isCluster(at) ? nodeindex::nodeId(at) : 0;
}

void NodesView::dragEnterEvent(QDragEnterEvent *event) {
    if (!event->mimeData()->hasFormat(procs::ProcessMime::type())) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
}

void NodesView::dragMoveEvent(QDragMoveEvent *event) {
    const NodeId node = dropNode(event->position().toPoint());
    if (node == 0 || !event->mimeData()->hasFormat(procs::ProcessMime::type())) {
        event->ignore();
        return;
    }
    // The row it would land on is shown as the current one.
    setCurrentIndex(indexAt(event->position().toPoint()));
    event->setDropAction(Qt::MoveAction);
    event->accept();
}

void NodesView::dropEvent(QDropEvent *event) {
    const NodeId node = dropNode(event->position().toPoint());
    const QList<procs::ProcessRef> processes = procs::ProcessMime::decode(event->mimeData());
    if (node == 0 || processes.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::MoveAction);
    event->accept();
    emit processesDropped(node, processes);
}

} // namespace omview
