#include "logging.h"

#include <QLocale>
#include <algorithm>
#include <bit>
#include <cmath>
#include <omview/console/clustercommands.h>
#include <omview/console/clustersession.h>
#include <omview/console/nodetablemodel.h>
#include <omview/protocol/memorytext.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace omview {

namespace {

// Index ids: the cluster row's cells and the nodes' cells (children of the cluster row).
constexpr quintptr ClusterLevel = 0;
constexpr quintptr NodeLevel = 1;

constexpr unsigned AllColumns = (1u << NodeTableModel::ColumnCount) - 1;
constexpr unsigned bit(int column) {
    return 1u << column;
}

// How long a speed the agent accepted is shown before the node's own value is
// trusted again, in case the table never shows it (another console changed it meanwhile).
constexpr auto PendingSpeedGrace = 10s;

// Above this many exact ranges in one update, one range covers them (emitRowChanges()).
constexpr qsizetype MaxRangesPerUpdate = 32;

constexpr std::uint32_t MinSpeed = 1;
constexpr std::uint32_t MaxSpeed = 1000000;

double fraction(double part, double whole) {
    return whole > 0 ? part / whole : 0.0;
}

QString percentText(double f) {
    return NodeTableModel::tr("%1 %").arg(std::lround(f * 100.0));
}

// What a bar and a percentage show of a fraction: whole percents (the text) and tenths of
// a percent (a bar would need a thousand pixels to show less).
std::pair<long, long> shownFraction(double f) {
    return {std::lround(f * 100.0), std::lround(f * 1000.0)};
}

} // namespace

NodeTableModel::NodeTableModel(QObject *parent)
    : QAbstractItemModel(parent) {}

NodeTableModel::~NodeTableModel() = default;

NodeTableModel::NodeState NodeTableModel::stateOf(const NodeRecord &r) {
    if (r.alive && r.node.status >= 0 && (r.node.status & StatusUp))
        return NodeState::Up;
    if (!r.alive && r.ageMs < 0 && r.node.status >= 0)
        return NodeState::Unknown; // never heard from
    return NodeState::Down;
}

unsigned NodeTableModel::changedColumns(const Node &a, const Node &b) {
    // A changed state recolours the whole row (lamp, bars drawn greyed).
    if (a.state != b.state)
        return AllColumns;
    const NodeStatus &x = a.record.node;
    const NodeStatus &y = b.record.node;
    unsigned mask = 0;
    if (x.status != y.status || x.id != y.id || a.record.alive != b.record.alive)
        mask |= bit(IdColumn);
    if (x.address != y.address || x.hostname != y.hostname)
        mask |= bit(AddressColumn);
    if (x.speed != y.speed || a.pendingSpeed != b.pendingSpeed)
        mask |= bit(SpeedColumn);
    // Load and memory move a little with every sample; a cell changes when what it shows
    // does (its text, or its bar by a tenth of a percent), so a quiet cluster repaints
    // nothing and a busy one only the rows that moved.
    if (x.cpus != y.cpus || shownFraction(fraction(x.load, 100.0 * x.cpus)) !=
                                shownFraction(fraction(y.load, 100.0 * y.cpus)))
        mask |= bit(LoadColumn);
    if (x.memTotal != y.memTotal || memoryFigure(x.memUsed) != memoryFigure(y.memUsed) ||
        shownFraction(fraction(double(x.memUsed), double(x.memTotal))) !=
            shownFraction(fraction(double(y.memUsed), double(y.memTotal))))
        mask |= bit(MemUsedColumn);
    if (x.memTotal != y.memTotal)
        mask |= bit(MemTotalColumn);
    if (x.cpus != y.cpus)
        mask |= bit(CpusColumn);
    // ageMs, sampledAt, loadAvg and the like change with every sample but only show in
    // tooltips, which views read when they show them: not signalled, or every row of
    // every update would be repainted for nothing.
    return mask;
}

int NodeTableModel::rowOf(NodeId node) const {
    const auto it =
        std::ranges::lower_bound(m_nodes, node, {}, [](const Node &n) { return n.record.node.id; });
    if (it == m_nodes.end() || it->record.node.id != node)
        return -1;
    return int(it - m_nodes.begin());
}

void NodeTableModel::applyRecords(const QList<NodeRecord> &records) {
    // Sorted by ID, a repeated ID counting once (the last).
    QList<NodeRecord> incoming = records;
    const auto byId = [](const NodeRecord &r) {
        return r.node.id;
    };
    if (!std::ranges::is_sorted(incoming, {}, byId))
        std::ranges::stable_sort(incoming, {}, byId);
    for (qsizetype i = incoming.size() - 1; i > 0; --i) {
        if (incoming.at(i - 1).node.id == incoming.at(i).node.id)
            incoming.removeAt(i - 1);
    }

    const bool wasConnected = m_connected;
    m_connected = true;
    const QModelIndex cluster = clusterIndex();

    // Rows that went, in runs from the bottom so the rows above keep their numbers.
    {
        int end = int(m_nodes.size()) - 1;
        while (end >= 0) {
            const auto present = [&](int row) {
                return std::ranges::binary_search(incoming, m_nodes.at(row).record.node.id, {},
                                                  byId);
            };
            if (present(end)) {
                --end;
                continue;
            }
            int first = end;
            while (first > 0 && !present(first - 1))
                --first;
            beginRemoveRows(cluster, first, end);
            m_nodes.remove(first, end - first + 1);
            endRemoveRows();
            end = first - 1;
        }
    }

    // New rows in runs, changed cells collected as (row, columns).
    QList<std::pair<int, unsigned>> changes;
    qsizetype in = 0;
    int row = 0;
    while (in < incoming.size()) {
        if (row < m_nodes.size() && m_nodes.at(row).record.node.id == incoming.at(in).node.id) {
            Node &node = m_nodes[row];
            Node next = node;
            next.record = incoming.at(in);
            next.state = stateOf(next.record);
            if (next.pendingSpeed && (next.record.node.speed == *next.pendingSpeed ||
                                      (next.pendingExpiry && next.pendingExpiry->hasExpired()))) {
                next.pendingSpeed.reset();
                next.pendingExpiry.reset();
            }
            const unsigned mask = changedColumns(node, next);
            node = std::move(next);
            if (mask != 0 || !wasConnected)
                changes.append({row, wasConnected ? mask : AllColumns});
            ++row;
            ++in;
            continue;
        }
        // incoming[in] is not at `row`: it and the following absent IDs go in before `row`.
        const NodeId limit = row < m_nodes.size() ? m_nodes.at(row).record.node.id
                                                  : std::numeric_limits<NodeId>::max();
        qsizetype last = in;
        while (last + 1 < incoming.size() && incoming.at(last + 1).node.id < limit)
            ++last;
        if (incoming.at(last).node.id == limit) // cannot happen: limit is present at `row`
            --last;
        const int count = int(last - in + 1);
        beginInsertRows(cluster, row, row + count - 1);
        QList<Node> added;
        added.reserve(count);
        for (qsizetype i = in; i <= last; ++i)
            added.append(Node{incoming.at(i), stateOf(incoming.at(i)), std::nullopt, std::nullopt});
        m_nodes.insert(row, count, Node{});
        std::ranges::move(added, m_nodes.begin() + row);
        endInsertRows();
        row += count;
        in = last + 1;
    }
    emitRowChanges(changes);
    updateCluster();
}

void NodeTableModel::setDisconnected() {
    if (!m_connected)
        return;
    m_connected = false;
    QList<std::pair<int, unsigned>> changes;
    for (int row = 0; row < m_nodes.size(); ++row) {
        Node &node = m_nodes[row];
        if (node.state != NodeState::Unknown) {
            node.state = NodeState::Unknown;
            changes.append({row, AllColumns});
        }
    }
    emitRowChanges(changes);
    updateCluster();
}

void NodeTableModel::setPendingSpeed(NodeId id, std::optional<std::uint32_t> speed) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    Node &node = m_nodes[row];
    node.pendingExpiry.reset();
    if (node.pendingSpeed == speed)
        return;
    node.pendingSpeed = speed;
    emitRowChanges({{row, bit(SpeedColumn)}});
}

void NodeTableModel::settlePendingSpeed(NodeId id, bool applied) {
    const int row = rowOf(id);
    if (row < 0 || !m_nodes.at(row).pendingSpeed)
        return;
    if (!applied) {
        setPendingSpeed(id, std::nullopt);
        return;
    }
    Node &node = m_nodes[row];
    if (node.record.node.speed == *node.pendingSpeed)
        setPendingSpeed(id, std::nullopt);
    else
        node.pendingExpiry = QDeadlineTimer(PendingSpeedGrace);
}

void NodeTableModel::follow(ClusterSession *session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (!session)
        return;
    connect(session, &ClusterSession::clusterUpdated, this,
            [this](const QList<NodeRecord> &nodes) { applyRecords(nodes); });
    connect(session, &ClusterSession::stateChanged, this, [this](ClusterSession::State state) {
        if (state != ClusterSession::State::Connected)
            setDisconnected();
    });
    if (session->state() == ClusterSession::State::Connected && !session->nodes().isEmpty())
        applyRecords(session->nodes());
    else if (!session->nodes().isEmpty()) {
        applyRecords(session->nodes());
        setDisconnected();
    }
}

void NodeTableModel::trackSpeedChanges(ClusterCommands *commands) {
    connect(commands, &ClusterCommands::speedPending, this,
            [this](NodeId node, std::uint32_t speed) { setPendingSpeed(node, speed); });
    connect(commands, &ClusterCommands::speedSettled, this, &NodeTableModel::settlePendingSpeed);
    connect(this, &NodeTableModel::speedChangeRequested, commands,
            [commands](NodeId node, std::uint32_t speed) {
                SettingsChange change;
                change.speed = speed;
                commands->apply({node}, change);
            });
}

void NodeTableModel::emitRowChanges(const QList<std::pair<int, unsigned>> &changes) {
    if (changes.isEmpty())
        return;
    const QModelIndex cluster = clusterIndex();
    struct Range {
        int top, bottom, left, right;
    };
    QList<Range> ranges;
    qsizetype i = 0;
    while (i < changes.size()) {
        // Consecutive rows with the same columns go in one signal.
        qsizetype j = i;
        while (j + 1 < changes.size() && changes.at(j + 1).first == changes.at(j).first + 1 &&
               changes.at(j + 1).second == changes.at(i).second)
            ++j;
        unsigned mask = changes.at(i).second;
        // One signal per run of adjacent columns: only cells that changed.
        while (mask != 0) {
            const int first = std::countr_zero(mask);
            int last = first;
            while (last + 1 < ColumnCount && (mask & bit(last + 1)))
                ++last;
            ranges.append({changes.at(i).first, changes.at(j).first, first, last});
            for (int c = first; c <= last; ++c)
                mask &= ~bit(c);
        }
        i = j + 1;
    }
    if (ranges.size() > MaxRangesPerUpdate) {
        // Changes scattered over a large cluster: one range around them all. A sorting
        // proxy re-sorts (and emits layoutChanged) once per range, so ten thousand exact
        // ranges would cost it ten thousand passes where one does; views repaint the same.
        Range box = ranges.first();
        for (const Range &r : ranges) {
            box.top = std::min(box.top, r.top);
            box.bottom = std::max(box.bottom, r.bottom);
            box.left = std::min(box.left, r.left);
            box.right = std::max(box.right, r.right);
        }
        ranges = {box};
    }
    for (const Range &r : ranges)
        emit dataChanged(index(r.top, r.left, cluster), index(r.bottom, r.right, cluster));
}

void NodeTableModel::updateCluster() {
    Totals t;
    double maxLoad = 0;
    double sumLoad = 0;
    int loaded = 0;
    for (const Node &n : m_nodes) {
        switch (n.state) {
        case NodeState::Up: {
            ++t.up;
            t.load += n.record.node.load;
            t.cpus += n.record.node.cpus;
            t.memUsed += n.record.node.memUsed;
            t.memTotal += n.record.node.memTotal;
            t.speed += n.record.node.speed;
            if (n.record.node.cpus > 0) {
                const double perCpu = double(n.record.node.load) / n.record.node.cpus;
                maxLoad = std::max(maxLoad, perCpu);
                sumLoad += perCpu;
                ++loaded;
            }
            break;
        }
        case NodeState::Down:
            ++t.down;
            break;
        case NodeState::Unknown:
            ++t.unknown;
            break;
        }
    }
    // Load-balancing efficiency: the mean of the up nodes' loads per CPU over the largest
    // (openMosix loads are already scaled to a standard CPU's speed) — how much of the
    // busiest node's load the others carry on average. Not 1 − (max−min)/max: one idle
    // node would read 0 % however well the rest share. 1 when every node is idle or
    // none is up — nothing is out of balance then.
    const double efficiency = maxLoad > 0 ? sumLoad / loaded / maxLoad : 1.0;

    // As for the nodes: a cell changes when what it shows does.
    unsigned mask = 0;
    const Totals &o = m_totals;
    const auto loadShown = [](const Totals &x) {
        return shownFraction(fraction(double(x.load), 100.0 * double(x.cpus)));
    };
    const auto memShown = [](const Totals &x) {
        return std::pair(memoryFigure(x.memUsed),
                         shownFraction(fraction(double(x.memUsed), double(x.memTotal))));
    };
    if (t.up != o.up || t.down != o.down || t.unknown != o.unknown)
        mask |= bit(IdColumn) | bit(AddressColumn);
    if (shownFraction(efficiency) != shownFraction(m_efficiency))
        mask |= bit(SpeedColumn);
    if (loadShown(t) != loadShown(o) || t.cpus != o.cpus)
        mask |= bit(LoadColumn);
    if (memShown(t) != memShown(o) || memoryFigure(t.memTotal) != memoryFigure(o.memTotal))
        mask |= bit(MemUsedColumn);
    if (memoryFigure(t.memTotal) != memoryFigure(o.memTotal))
        mask |= bit(MemTotalColumn);
    if (t.cpus != o.cpus)
        mask |= bit(CpusColumn);
    // With no node up the row has no figures to show, and gets them back with the first.
    if ((t.up > 0) != (o.up > 0))
        mask |= bit(SpeedColumn) | bit(LoadColumn) | bit(MemUsedColumn) | bit(MemTotalColumn) |
                bit(CpusColumn);
    m_totals = t;
    m_efficiency = efficiency;
    while (mask != 0) {
        const int first = std::countr_zero(mask);
        int last = first;
        while (last + 1 < ColumnCount && (mask & bit(last + 1)))
            ++last;
        emit dataChanged(index(0, first), index(0, last));
        for (int c = first; c <= last; ++c)
            mask &= ~bit(c);
    }
}

QModelIndex NodeTableModel::clusterIndex(int column) const {
    if (column < 0 || column >= ColumnCount)
        return {};
    return createIndex(0, column, ClusterLevel);
}

QModelIndex NodeTableModel::indexOfNode(NodeId node, int column) const {
    const int row = rowOf(node);
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, NodeLevel);
}

QList<NodeId> NodeTableModel::nodeIds() const {
    QList<NodeId> ids;
    ids.reserve(m_nodes.size());
    for (const Node &n : m_nodes)
        ids.append(n.record.node.id);
    return ids;
}

QHash<int, QByteArray> NodeTableModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert({{NodeIdRole, "nodeId"},
                  {IsClusterRole, "isCluster"},
                  {NodeStateRole, "nodeState"},
                  {StatusBitsRole, "statusBits"},
                  {AddressRole, "address"},
                  {HostnameRole, "hostname"},
                  {LoadRole, "load"},
                  {LoadFractionRole, "loadFraction"},
                  {MemUsedRole, "memUsed"},
                  {MemTotalRole, "memTotal"},
                  {MemFractionRole, "memFraction"},
                  {SpeedRole, "speed"},
                  {CpusRole, "cpus"},
                  {EfficiencyRole, "efficiency"},
                  {AgeMsRole, "ageMs"},
                  {PendingSpeedRole, "pendingSpeed"},
                  {SortRole, "sortKey"}});
    return names;
}

QModelIndex NodeTableModel::index(int row, int column, const QModelIndex &parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, column, ClusterLevel) : QModelIndex();
    if (parent.internalId() == ClusterLevel && parent.column() == 0 && row < m_nodes.size())
        return createIndex(row, column, NodeLevel);
    return {};
}

QModelIndex NodeTableModel::parent(const QModelIndex &child) const {
    if (child.isValid() && child.internalId() == NodeLevel)
        return createIndex(0, 0, ClusterLevel);
    return {};
}

int NodeTableModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return 1;
    if (parent.internalId() == ClusterLevel && parent.column() == 0)
        return int(m_nodes.size());
    return 0;
}

int NodeTableModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

bool NodeTableModel::hasChildren(const QModelIndex &parent) const {
    return rowCount(parent) > 0;
}

Qt::ItemFlags NodeTableModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() == NodeLevel)
        f |= Qt::ItemNeverHasChildren;
    if (index.internalId() == NodeLevel && index.column() == SpeedColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool NodeTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole ||
        index.internalId() != NodeLevel || index.column() != SpeedColumn)
        return false;
    bool ok = false;
    const qulonglong speed = value.toULongLong(&ok);
    if (!ok || speed < MinSpeed || speed > MaxSpeed) {
        qCInfo(lcModel).noquote() << "refusing speed" << value.toString() << "for node"
                                  << m_nodes.at(index.row()).record.node.id << "(must be"
                                  << MinSpeed << ".." << MaxSpeed << ")";
        return false;
    }
    emit speedChangeRequested(m_nodes.at(index.row()).record.node.id, std::uint32_t(speed));
    return true;
}

QVariant NodeTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == ClusterLevel)
        return clusterData(index.column(), role);
    return nodeData(m_nodes.at(index.row()), index.column(), role);
}

QVariant NodeTableModel::nodeData(const Node &n, int column, int role) const {
    const NodeStatus &s = n.record.node;
    const std::uint32_t speed = n.pendingSpeed.value_or(s.speed);
    const double loadFraction = fraction(s.load, 100.0 * s.cpus);
    const double memFraction = fraction(double(s.memUsed), double(s.memTotal));
    switch (role) {
    case NodeIdRole:
        return s.id;
    case IsClusterRole:
        return false;
    case NodeStateRole:
        return QVariant::fromValue(n.state);
    case StatusBitsRole:
        return s.status;
    case AddressRole:
        return s.address;
    case HostnameRole:
        return s.hostname;
    case LoadRole:
        return s.load;
    case LoadFractionRole:
        return loadFraction;
    case MemUsedRole:
        return qulonglong(s.memUsed);
    case MemTotalRole:
        return qulonglong(s.memTotal);
    case MemFractionRole:
        return memFraction;
    case SpeedRole:
        return speed;
    case CpusRole:
        return s.cpus;
    case AgeMsRole:
        return qlonglong(n.record.ageMs);
    case PendingSpeedRole:
        return n.pendingSpeed ? QVariant(*n.pendingSpeed) : QVariant();
    case EfficiencyRole:
        return {};
    case SortRole:
        switch (column) {
        case IdColumn:
            return s.id;
        case AddressColumn:
            return s.address.isEmpty() ? s.hostname : s.address;
        case SpeedColumn:
            return speed;
        case LoadColumn:
            return loadFraction;
        case MemUsedColumn:
            return memFraction;
        case MemTotalColumn:
            return qulonglong(s.memTotal);
        case CpusColumn:
            return s.cpus;
        }
        return {};
    case Qt::EditRole:
        if (column == SpeedColumn)
            return speed;
        return {};
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == AddressColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return QString::number(s.id);
        case AddressColumn:
            if (!s.address.isEmpty())
                return s.address;
            if (!s.hostname.isEmpty())
                return s.hostname;
            return tr("node %1").arg(s.id);
        case SpeedColumn:
            return QString::number(speed);
        case LoadColumn:
            return percentText(loadFraction);
        case MemUsedColumn:
            return memoryText(s.memUsed);
        case MemTotalColumn:
            return memoryText(s.memTotal);
        case CpusColumn:
            return QString::number(s.cpus);
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case IdColumn: {
            QString state;
            if (n.state == NodeState::Up)
                state = tr("up");
            else if (n.state == NodeState::Down)
                state =
                    s.status < 0 ? tr("down (unreachable, error %1)").arg(-s.status) : tr("down");
            else
                state = m_connected ? tr("state unknown: never heard from")
                                    : tr("state unknown: the console is not connected");
            if (n.record.ageMs >= 0)
                return tr("Node %1: %2; last heard from %3 s ago")
                    .arg(s.id)
                    .arg(state)
                    .arg(QLocale().toString(double(n.record.ageMs) / 1000.0, 'f', 1));
            return tr("Node %1: %2").arg(s.id).arg(state);
        }
        case AddressColumn:
            return s.hostname.isEmpty() || s.hostname == s.address
                       ? tr("%1 — open this node's settings").arg(s.address)
                       : tr("%1 (%2) — open this node's settings").arg(s.address, s.hostname);
        case SpeedColumn:
            if (n.pendingSpeed)
                return tr("Speed %1, being set to %2").arg(s.speed).arg(*n.pendingSpeed);
            return tr("Speed %1 (relative CPU speed; 10000 = a standard CPU)").arg(s.speed);
        case LoadColumn:
            return tr("Load %1 on %n CPU(s) (100 = one standard CPU busy): %2 of the node", nullptr,
                      int(s.cpus))
                .arg(s.load)
                .arg(percentText(loadFraction));
        case MemUsedColumn:
            return tr("%1 of %2 memory in use (%3)")
                .arg(memoryText(s.memUsed), memoryText(s.memTotal), percentText(memFraction));
        case MemTotalColumn:
            return tr("%1 memory in total, %2 available")
                .arg(memoryText(s.memTotal), memoryText(s.memAvailable));
        case CpusColumn:
            return tr("%n online CPU(s)", nullptr, int(s.cpus));
        }
        return {};
    default:
        return {};
    }
}

QVariant NodeTableModel::clusterData(int column, int role) const {
    const Totals &t = m_totals;
    const double loadFraction = fraction(double(t.load), 100.0 * double(t.cpus));
    const double memFraction = fraction(double(t.memUsed), double(t.memTotal));
    const int nodes = int(m_nodes.size());
    NodeState state = NodeState::Unknown;
    if (m_connected && nodes > 0)
        state = t.down > 0 ? NodeState::Down : (t.up > 0 ? NodeState::Up : NodeState::Unknown);
    // The cluster's figures are the up nodes' sums: with none up (not connected, or every
    // node down or unknown) there are none, rather than zeros and a perfect balance.
    if (t.up == 0 && column != IdColumn && column != AddressColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return tr("—", "no value");
        case Qt::ToolTipRole:
            return m_connected ? tr("No node is up: the cluster has no figures to show")
                               : tr("The console is not connected: no figures to show");
        case Qt::TextAlignmentRole:
        case NodeIdRole:
        case IsClusterRole:
        case NodeStateRole:
        case SortRole:
            break;
        default:
            return {};
        }
    }
    switch (role) {
    case NodeIdRole:
        return 0u;
    case IsClusterRole:
        return true;
    case NodeStateRole:
        return QVariant::fromValue(state);
    case LoadRole:
        return qulonglong(t.load);
    case LoadFractionRole:
        return loadFraction;
    case MemUsedRole:
        return qulonglong(t.memUsed);
    case MemTotalRole:
        return qulonglong(t.memTotal);
    case MemFractionRole:
        return memFraction;
    case CpusRole:
        return qulonglong(t.cpus);
    case EfficiencyRole:
        return m_efficiency;
    case SortRole:
        return 0; // one row at its level
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == AddressColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return tr("Cluster");
        case AddressColumn:
            return tr("All nodes");
        case SpeedColumn:
            return percentText(m_efficiency);
        case LoadColumn:
            return percentText(loadFraction);
        case MemUsedColumn:
            return memoryText(t.memUsed);
        case MemTotalColumn:
            return memoryText(t.memTotal);
        case CpusColumn:
            return QString::number(t.cpus);
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case IdColumn:
            if (!m_connected)
                return tr("The console is not connected: states unknown");
            return tr("%n node(s): %1 up, %2 down, %3 unknown", nullptr, nodes)
                .arg(t.up)
                .arg(t.down)
                .arg(t.unknown);
        case AddressColumn:
            return tr("Settings of all nodes");
        case SpeedColumn:
            return tr("Load-balancing efficiency %1: 100 % when the up nodes' loads per CPU "
                      "are equal (or all are idle), less as they drift apart")
                .arg(percentText(m_efficiency));
        case LoadColumn:
            return tr("Load of the up nodes: %1 on %n CPU(s) (%2)", nullptr, int(t.cpus))
                .arg(t.load)
                .arg(percentText(loadFraction));
        case MemUsedColumn:
            return tr("%1 of %2 memory in use on the up nodes (%3)")
                .arg(memoryText(t.memUsed), memoryText(t.memTotal), percentText(memFraction));
        case MemTotalColumn:
            return tr("%1 memory on the up nodes").arg(memoryText(t.memTotal));
        case CpusColumn:
            return tr("%n CPU(s) on the up nodes", nullptr, int(t.cpus));
        }
        return {};
    default:
        return {};
    }
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("ID");
        case AddressColumn:
            return tr("Node");
        case SpeedColumn:
            return tr("Speed");
        case LoadColumn:
            return tr("Load");
        case MemUsedColumn:
            return tr("Memory used");
        case MemTotalColumn:
            return tr("Memory");
        case CpusColumn:
            return tr("CPUs");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn:
            return tr("openMosix node ID and state: green up, red down, grey unknown");
        case AddressColumn:
            return tr("The node's address; click for its settings");
        case SpeedColumn:
            return tr("The node's speed (slider), or the cluster's load-balancing efficiency");
        case LoadColumn:
            return tr("Load as a share of the node's CPUs");
        case MemUsedColumn:
            return tr("Memory in use");
        case MemTotalColumn:
            return tr("Total memory");
        case CpusColumn:
            return tr("Online CPUs");
        }
    }
    return {};
}

} // namespace omview
