// The cluster as a tree: one top-level "cluster" row, each node a child row under it, updated in
// place.
#pragma once

#include <QAbstractItemModel>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <cstdint>
#include <omview/protocol/types.h>
#include <optional>

namespace omview {

class ClusterSession;
class ClusterCommands;

// The nodes pane's model. Rows of nodes are kept sorted by node ID; an update
// inserts and removes only the rows that came and went and emits dataChanged
// only for the cells whose shown value changed (contiguous rows with the same
// changed columns in one signal; when an update changes rows scattered over a
// large cluster, one signal spans them), never a reset or layoutChanged. The
// cluster row carries the sums and the load-balancing efficiency.
class NodeTableModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        AddressColumn,
        SpeedColumn, // efficiency on the cluster row
        LoadColumn,
        MemUsedColumn,
        MemTotalColumn,
        CpusColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        NodeIdRole = Qt::UserRole + 1, // NodeId (uint); 0 on the cluster row
        IsClusterRole,                 // bool
        NodeStateRole,                 // NodeState
        StatusBitsRole,                // int: NodeStatusBit mask or -errno
        AddressRole,                   // QString
        HostnameRole,                  // QString
        LoadRole,                      // uint, 100 = one standard CPU
        LoadFractionRole,              // double: load / (100*cpus)
        MemUsedRole,                   // qulonglong bytes
        MemTotalRole,                  // qulonglong bytes
        MemFractionRole,               // double: used / total
        SpeedRole,                     // uint: the pending speed while one is set, else the node's
        CpusRole,                      // uint
        EfficiencyRole,                // double 0..1, cluster row
        AgeMsRole,                     // qlonglong, -1 = never heard from
        PendingSpeedRole,              // uint: optimistic value, or invalid
        SortRole                       // a number (or text) per column that sorts as people expect
    };
    Q_ENUM(Role)

    enum class NodeState { Unknown, Up, Down };
    Q_ENUM(NodeState)

    explicit NodeTableModel(QObject *parent = nullptr);
    ~NodeTableModel() override;

    // Adds/removes/updates rows to match `nodes` (any order; a repeated ID counts once, the
    // last); dataChanged only for cells that changed.
    void applyRecords(const QList<NodeRecord> &nodes);
    // Connection lost: every node Unknown, values kept.
    void setDisconnected();
    // The speed slider's optimistic value (nullopt: show the node's own again).
    void setPendingSpeed(NodeId node, std::optional<std::uint32_t> speed);
    // The agent answered a speed change: refused drops the pending value at once;
    // applied keeps it until the node's record shows it (or a few updates went by).
    void settlePendingSpeed(NodeId node, bool applied);

    // Follows a session: its updates, and Unknown for every node while it is not connected.
    void follow(ClusterSession *session);
    // Shows the pending speeds of a commands object (speedPending/speedSettled) and sends
    // the speeds set through setData() to it (apply()).
    void trackSpeedChanges(ClusterCommands *commands);

    QModelIndex clusterIndex(int column = 0) const;
    QModelIndex indexOfNode(NodeId node, int column = 0) const;
    QList<NodeId> nodeIds() const;
    // 1 − (max−min)/max over the up nodes' loads per CPU; 1 when all are idle or none is up.
    double efficiency() const { return m_efficiency; }

    QHash<int, QByteArray> roleNames() const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    // Qt::DisplayRole gives formatted text (tr'd units: "1.2 GiB", load as a percentage of
    // the node's CPUs as openMosixview showed it); Qt::ToolTipRole explains the cell;
    // Qt::DecorationRole none (delegates draw).
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // A node row's SpeedColumn (Qt::EditRole, 1..1000000) asks for that speed:
    // speedChangeRequested() is emitted and the shown data is left to the pending value.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // The user set a node's speed in the view (setData); the owner applies it.
    void speedChangeRequested(omview::NodeId node, std::uint32_t speed);

private:
    struct Node {
        NodeRecord record;
        NodeState state = NodeState::Unknown;
        std::optional<std::uint32_t> pendingSpeed;
        // Armed when the agent accepted the pending speed: drop it after this even if the
        // table never shows the value (another console changed it meanwhile).
        std::optional<QDeadlineTimer> pendingExpiry;
    };
    struct Totals {
        std::uint64_t load = 0;
        std::uint64_t memUsed = 0;
        std::uint64_t memTotal = 0;
        std::uint64_t cpus = 0;
        std::uint64_t speed = 0;
        int up = 0;
        int down = 0;
        int unknown = 0;
        bool operator==(const Totals &) const = default;
    };

    static NodeState stateOf(const NodeRecord &record);
    // Bit per column whose shown value differs between the two.
    static unsigned changedColumns(const Node &before, const Node &after);
    int rowOf(NodeId node) const;
    QVariant nodeData(const Node &node, int column, int role) const;
    QVariant clusterData(int column, int role) const;
    void updateCluster();
    void emitRowChanges(const QList<std::pair<int, unsigned>> &changes);
    void expirePendingSpeeds();

    QList<Node> m_nodes; // sorted by ID
    Totals m_totals;
    double m_efficiency = 1.0;
    bool m_connected = false;
    QPointer<ClusterSession> m_session;
};

} // namespace omview
