#include <KSelectionProxyModel>
#include <QItemSelectionModel>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processscope.h>

namespace omview::procs {

ProcessScope::ProcessScope(ClusterProcessModel *processes, QObject *parent)
    : QObject(parent)
    , m_processes(processes)
    , m_selection(new QItemSelectionModel(processes, this))
    , m_model(new KSelectionProxyModel(m_selection, this)) {
    m_model->setFilterBehavior(KSelectionProxyModel::ChildrenOfExactSelection);
    m_model->setSourceModel(processes);
    // A node that joins the tree is selected when it is in scope; a node that leaves takes
    // its selection with it.
    connect(processes, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &under, int first, int last) {
                if (under.isValid())
                    return;
                QItemSelection joined;
                for (int row = first; row <= last; ++row) {
                    const QModelIndex node = m_processes->index(row, 0);
                    if (inScope(node.data(ProcessListModel::NodeIdRole).toUInt()))
                        joined.select(node, node);
                }
                if (!joined.isEmpty())
                    m_selection->select(joined, QItemSelectionModel::Select);
            });
    connect(processes, &QAbstractItemModel::modelReset, this, &ProcessScope::select);
    select();
}

ProcessScope::~ProcessScope() = default;

QAbstractItemModel *ProcessScope::model() const {
    return m_model;
}

bool ProcessScope::inScope(NodeId node) const {
    return !m_chosen || m_chosen->contains(node);
}

void ProcessScope::showAll() {
    if (!m_chosen)
        return;
    m_chosen.reset();
    select();
}

void ProcessScope::showNodes(const QList<NodeId> &nodes) {
    if (m_chosen == nodes)
        return;
    m_chosen = nodes;
    select();
}

void ProcessScope::select() {
    QItemSelection scope;
    for (const NodeId node : m_processes->nodeIds())
        if (inScope(node)) {
            const QModelIndex row = m_processes->indexOfNode(node);
            scope.select(row, row);
        }
    m_selection->select(scope, QItemSelectionModel::ClearAndSelect);
    emit changed();
}

} // namespace omview::procs
