// Writes one tick's rows with prepared statements inside the caller's
// transaction, keeping what it knows of nodes and live processes so a tick
// costs one insert per row (private to the writer thread).
#pragma once

#include "sqlite.h"

#include <QHash>
#include <array>
#include <omview/store/types.h>
#include <vector>

namespace omview::store {

class TickWriter {
public:
    static StoreResult<TickWriter> prepare(sql::Database &db);

    // Writes the tick's node rows, its cluster row, its process snapshots and migrations.
    // The caller owns the transaction; after a rollback it calls forget().
    StoreResult<void> write(const Tick &tick);

    // Drops what it remembers (after a rollback, or after rows it remembers
    // were pruned); the next tick reloads from the database.
    void forget();
    void forgetProcesses() { m_procs.clear(); }

    // Nodes known to the database.
    StoreResult<qsizetype> nodeCount();

    // The cluster row's values of the last tick written (load, util, ... in
    // AllMetrics order).
    const std::array<double, MetricCount> &lastCluster() const { return m_lastCluster; }

private:
    struct KnownNode {
        NodeId node = 0;
        QString hostname;
        QString address;
        bool stored = false; // in the nodes table with these names
    };
    struct ProcKey {
        std::int32_t pid;
        std::int64_t startMs;
        bool operator==(const ProcKey &) const = default;
    };
    friend size_t qHash(const ProcKey &key, size_t seed) {
        return qHashMulti(seed, key.pid, key.startMs);
    }
    // The fields a process keeps across samples (procs row).
    struct KnownProc {
        std::int64_t id = 0;
        std::int32_t ppid = 0;
        std::uint32_t uid = 0;
        QString user, command, cmdline, tty;
        NodeId home = 0;
        bool guest = false;
        bool sameAs(const ProcessSample &p) const;
    };

    TickWriter() = default;
    StoreResult<void> loadNodes();
    StoreResult<void> writeNode(std::int64_t t, const NodeSample &sample);
    StoreResult<void> writeCluster(std::int64_t t, const QList<NodeSample> &nodes);
    StoreResult<void> writeSnapshot(std::int64_t t, const NodeProcesses &snapshot);
    StoreResult<void> writeMigration(std::int64_t t, const MigrationRecord &m);
    StoreResult<KnownProc> resolve(std::int64_t t, NodeId node, const ProcessSample &p);

    sql::Database *m_db = nullptr;
    sql::Statement m_upsertNode, m_insertRaw, m_insertCluster;
    sql::Statement m_insertSnapshot, m_findProc, m_insertProc, m_updateProc, m_insertSample;
    sql::Statement m_insertMigration;
    bool m_nodesLoaded = false;
    // By node. Ticks list their nodes in order, so a tick walks it front to
    // back (m_nextNode), where a hash costs a cache miss per node.
    std::vector<KnownNode> m_nodes;
    size_t m_nextNode = 0;
    QHash<NodeId, QHash<ProcKey, KnownProc>> m_procs; // each node's processes at its last snapshot
    std::array<double, MetricCount> m_lastCluster{};
};

} // namespace omview::store
