#include <QTimer>
#include <algorithm>
#include <omview/procs/clusterguests.h>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processlistmodel.h>

namespace omview::procs {

namespace {

using List = ProcessListModel;

QList<GuestProcess> readNode(const ClusterProcessModel &model, NodeId node) {
    QList<GuestProcess> out;
    const QModelIndex parent = model.indexOfNode(node);
    const int rows = model.rowCount(parent);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex i = model.index(row, 0, parent);
        const bool guest = i.data(List::GuestRole).toBool();
        if (!guest && !i.data(List::AwayRole).toBool())
            continue;
        GuestProcess g;
        g.reporting = node;
        g.pid = i.data(List::PidRole).toInt();
        g.on = guest ? node : NodeId(i.data(List::WhereRole).toUInt());
        g.home = guest ? NodeId(i.data(List::HomeRole).toUInt()) : node;
        const auto process = i.data(List::ProcessRole).value<ProcessInfo>();
        g.command = process.command;
        g.commandLine = process.cmdline;
        if (g.on != 0 && g.home != 0 && g.on != g.home)
            out.append(std::move(g));
    }
    return out;
}

} // namespace

ClusterGuests::ClusterGuests(ClusterProcessModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model) {
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parentIndex) { markDirty(parentIndex); });
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &parentIndex) { markDirty(parentIndex); });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // CPU and memory change on every node every second; only the columns of where
                // a process runs, its home and its name matter here.
                const auto shown = [&](int column) {
                    return topLeft.column() <= column && column <= bottomRight.column();
                };
                if (!topLeft.parent().isValid() || shown(List::PidColumn) ||
                    shown(List::CommandColumn) || shown(List::NodeColumn) ||
                    shown(List::HomeColumn))
                    markDirty(topLeft.parent());
            });
    connect(model, &QAbstractItemModel::rowsMoved, this, &ClusterGuests::markAllDirty);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ClusterGuests::markAllDirty);
    connect(model, &QAbstractItemModel::modelReset, this, &ClusterGuests::markAllDirty);
}

ClusterGuests::~ClusterGuests() = default;

void ClusterGuests::markDirty(const QModelIndex &parent) {
    if (!parent.isValid()) {
        // Nodes came or went (or a node row changed): which nodes there are is read again.
        markAllDirty();
        return;
    }
    m_dirty.insert(NodeId(parent.data(List::NodeIdRole).toUInt()));
    m_mergeNeeded = true;
    scheduleSignal();
}

void ClusterGuests::markAllDirty() {
    m_allDirty = true;
    m_mergeNeeded = true;
    scheduleSignal();
}

void ClusterGuests::scheduleSignal() {
    if (m_signalPending)
        return;
    m_signalPending = true;
    QTimer::singleShot(0, this, [this] {
        m_signalPending = false;
        const auto before = m_byNode;
        const bool nodesChanged = m_allDirty;
        refresh();
        if (nodesChanged || before != m_byNode)
            emit changed();
    });
}

void ClusterGuests::refresh() const {
    if (!m_mergeNeeded)
        return;
    if (!m_model) {
        m_reported.clear();
        m_byNode.clear();
        m_mergeNeeded = false;
        return;
    }
    const QList<NodeId> ids = m_model->nodeIds();
    if (m_allDirty) {
        m_reported.clear();
        for (const NodeId node : ids)
            m_reported[node] = readNode(*m_model, node);
    } else {
        for (const NodeId node : std::as_const(m_dirty)) {
            if (ids.contains(node))
                m_reported[node] = readNode(*m_model, node);
            else
                m_reported.erase(node);
        }
    }
    m_allDirty = false;
    m_dirty.clear();
    m_mergeNeeded = false;

    // The reports of the node a guest runs on first; a home's report of it only when that
    // node did not list it (not in the tree, or its list not in yet).
    m_byNode.clear();
    QSet<std::pair<NodeId, std::int32_t>> seen;
    for (const auto &[node, list] : m_reported)
        for (const GuestProcess &g : list)
            if (g.reporting == g.on) {
                seen.insert({g.home, g.pid});
                m_byNode[g.on].append(g);
            }
    for (const auto &[node, list] : m_reported)
        for (const GuestProcess &g : list)
            if (g.reporting != g.on && !seen.contains({g.home, g.pid}))
                m_byNode[g.on].append(g);
    for (auto &[node, list] : m_byNode)
        std::ranges::sort(list, [](const GuestProcess &a, const GuestProcess &b) {
            return std::tie(a.home, a.pid) < std::tie(b.home, b.pid);
        });
}

QList<NodeId> ClusterGuests::nodes() const {
    return m_model ? m_model->nodeIds() : QList<NodeId>();
}

QList<GuestProcess> ClusterGuests::guestsOn(NodeId node) const {
    refresh();
    const auto it = m_byNode.find(node);
    return it == m_byNode.end() ? QList<GuestProcess>() : it->second;
}

QList<GuestProcess> ClusterGuests::all() const {
    refresh();
    QList<GuestProcess> out;
    for (const auto &[node, list] : m_byNode)
        out.append(list);
    return out;
}

} // namespace omview::procs
