#include "tickwriter.h"

#include "schemaimpl.h"

#include <algorithm>

namespace omview::store {

namespace {

template<class T> StoreResult<void> fail(const StoreResult<T> &r) {
    return std::unexpected(r.error());
}

QString stateText(char state) {
    return QString(QChar::fromLatin1(state ? state : '?'));
}

} // namespace

bool TickWriter::KnownProc::sameAs(const ProcessSample &p) const {
    return ppid == p.ppid && uid == p.uid && user == p.user && command == p.command &&
           cmdline == p.cmdline && tty == p.tty && home == p.home && guest == p.guest;
}

StoreResult<TickWriter> TickWriter::prepare(sql::Database &db) {
    TickWriter w;
    w.m_db = &db;
    struct Spec {
        sql::Statement *target;
        const char *text;
    };
    const Spec specs[] = {
        {&w.m_upsertNode,
         "INSERT INTO nodes(node, hostname, address, first_t, last_t) VALUES (?1, ?2, ?3, ?4, ?4) "
         "ON CONFLICT(node) DO UPDATE SET hostname = excluded.hostname, "
         "address = excluded.address"},
        {&w.m_insertRaw,
         "INSERT INTO node_raw(t, node, status, load, util, mem_used, mem_free, mem_total, speed, "
         "cpus) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
        {&w.m_insertCluster,
         "INSERT INTO cluster_raw(t, nodes, load, util, mem_used, mem_free, mem_total, speed, "
         "cpus) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
        {&w.m_insertSnapshot, "INSERT INTO proc_snapshots(t, node, processes) VALUES (?1, ?2, ?3)"},
        {&w.m_findProc, "SELECT id, ppid, uid, user, command, cmdline, tty, home, guest FROM procs "
                        "WHERE node = ?1 AND pid = ?2 AND start_ms = ?3"},
        {&w.m_insertProc,
         "INSERT INTO procs(node, pid, start_ms, ppid, uid, user, command, cmdline, tty, home, "
         "guest, first_t) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"},
        {&w.m_updateProc, "UPDATE procs SET ppid = ?2, uid = ?3, user = ?4, command = ?5, "
                          "cmdline = ?6, tty = ?7, home = ?8, guest = ?9 WHERE id = ?1"},
        {&w.m_insertSample,
         "INSERT INTO proc_samples(snapshot, proc, state, cpu_pct, cpu_ms, rss, nice, where_node, "
         "nmigs, locked, cantmove) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
        // A move already recorded (its event came twice) stays as first written.
        {&w.m_insertMigration,
         "INSERT OR IGNORE INTO migrations(id, t, at_ms, pid, command, home, from_node, to_node, "
         "outcome, failure, message, bytes, freeze_ms, total_ms, reason) VALUES (?1, ?2, ?3, ?4, "
         "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"},
    };
    for (const Spec &spec : specs) {
        auto stmt = db.prepare(spec.text, true);
        if (!stmt)
            return std::unexpected(stmt.error());
        *spec.target = std::move(*stmt);
    }
    return w;
}

void TickWriter::forget() {
    m_nodesLoaded = false;
    m_nodes.clear();
    m_procs.clear();
}

StoreResult<void> TickWriter::loadNodes() {
    auto all = m_db->prepare("SELECT node, hostname, address FROM nodes ORDER BY node");
    if (!all)
        return fail(all);
    m_nodes.clear();
    for (;;) {
        auto row = all->step();
        if (!row)
            return fail(row);
        if (!*row)
            break;
        m_nodes.push_back(
            KnownNode{static_cast<NodeId>(all->int64(0)), all->text(1), all->text(2), true});
    }
    m_nodesLoaded = true;
    return {};
}

StoreResult<qsizetype> TickWriter::nodeCount() {
    if (!m_nodesLoaded) {
        if (auto loaded = loadNodes(); !loaded)
            return std::unexpected(loaded.error());
    }
    return static_cast<qsizetype>(m_nodes.size());
}

StoreResult<void> TickWriter::write(const Tick &tick) {
    if (!m_nodesLoaded) {
        if (auto loaded = loadNodes(); !loaded)
            return loaded;
    }
    m_nextNode = 0;
    for (const NodeSample &sample : tick.nodes) {
        if (auto done = writeNode(tick.t, sample); !done)
            return done;
    }
    if (!tick.nodes.isEmpty()) {
        if (auto done = writeCluster(tick.t, tick.nodes); !done)
            return done;
    }
    for (const NodeProcesses &snapshot : tick.processes) {
        if (auto done = writeSnapshot(tick.t, snapshot); !done)
            return done;
    }
    for (const MigrationRecord &m : tick.migrations) {
        if (auto done = writeMigration(tick.t, m); !done)
            return done;
    }
    return {};
}

StoreResult<void> TickWriter::writeMigration(std::int64_t t, const MigrationRecord &m) {
    m_insertMigration.bind(1, m.id)
        .bind(2, t)
        .bind(3, m.atMs)
        .bind(4, m.pid)
        .bind(5, m.command)
        .bind(6, m.home)
        .bind(7, m.from)
        .bind(8, m.to)
        .bind(9, outcomeName(m.outcome))
        .bind(10, m.failure)
        .bind(11, m.message)
        .bind(12, m.bytes)
        .bind(13, m.freezeMs)
        .bind(14, m.totalMs)
        .bind(15, m.reason);
    return m_insertMigration.run();
}

StoreResult<void> TickWriter::writeNode(std::int64_t t, const NodeSample &s) {
    if (m_nextNode >= m_nodes.size() || m_nodes[m_nextNode].node != s.node) {
        const auto it = std::ranges::lower_bound(m_nodes, s.node, {}, &KnownNode::node);
        m_nextNode = static_cast<size_t>(it - m_nodes.begin());
        if (it == m_nodes.end() || it->node != s.node)
            m_nodes.insert(it, KnownNode{s.node, {}, {}, false});
    }
    KnownNode &known = m_nodes[m_nextNode++];
    // A feed that keeps its names shares them from tick to tick.
    const auto same = [](const QString &a, const QString &b) {
        return a.isSharedWith(b) || a == b;
    };
    if (!known.stored || !same(known.hostname, s.hostname) || !same(known.address, s.address)) {
        m_upsertNode.bind(1, s.node).bind(2, s.hostname).bind(3, s.address).bind(4, t);
        // On failure the caller rolls back and calls forget().
        if (auto done = m_upsertNode.run(); !done)
            return done;
        known.hostname = s.hostname;
        known.address = s.address;
        known.stored = true;
    }
    m_insertRaw.bind(1, t)
        .bind(2, s.node)
        .bind(3, std::int64_t{s.status})
        .bind(4, s.load)
        .bind(5, s.util)
        .bind(6, s.memUsed)
        .bind(7, s.memFree)
        .bind(8, s.memTotal)
        .bind(9, s.speed)
        .bind(10, s.cpus);
    return m_insertRaw.run();
}

StoreResult<void> TickWriter::writeCluster(std::int64_t t, const QList<NodeSample> &nodes) {
    std::array<double, MetricCount> sum{};
    for (const NodeSample &s : nodes) {
        sum[0] += s.load;
        sum[1] += s.util;
        sum[2] += static_cast<double>(s.memUsed);
        sum[3] += static_cast<double>(s.memFree);
        sum[4] += static_cast<double>(s.memTotal);
        sum[5] += s.speed;
        sum[6] += s.cpus;
    }
    static_assert(AllMetrics[0] == Metric::Load && AllMetrics[6] == Metric::Cpus);
    const double count = static_cast<double>(nodes.size());
    m_insertCluster.bind(1, t).bind(2, static_cast<std::int64_t>(nodes.size()));
    for (int i = 0; i < MetricCount; ++i) {
        m_lastCluster[i] = clusterAverages(AllMetrics[i]) ? sum[i] / count : sum[i];
        m_insertCluster.bind(3 + i, m_lastCluster[i]);
    }
    return m_insertCluster.run();
}

StoreResult<TickWriter::KnownProc> TickWriter::resolve(std::int64_t t, NodeId node,
                                                       const ProcessSample &p) {
    KnownProc known;
    m_findProc.bind(1, node).bind(2, std::int64_t{p.pid}).bind(3, p.startTimeMs);
    auto row = m_findProc.step();
    if (!row)
        return std::unexpected(row.error());
    if (*row) {
        known.id = m_findProc.int64(0);
        known.ppid = static_cast<std::int32_t>(m_findProc.int64(1));
        known.uid = static_cast<std::uint32_t>(m_findProc.int64(2));
        known.user = m_findProc.text(3);
        known.command = m_findProc.text(4);
        known.cmdline = m_findProc.text(5);
        known.tty = m_findProc.text(6);
        known.home = static_cast<NodeId>(m_findProc.int64(7));
        known.guest = m_findProc.int64(8) != 0;
        m_findProc.reset();
        return known;
    }
    m_findProc.reset();
    m_insertProc.bind(1, node)
        .bind(2, std::int64_t{p.pid})
        .bind(3, p.startTimeMs)
        .bind(4, std::int64_t{p.ppid})
        .bind(5, p.uid)
        .bind(6, p.user)
        .bind(7, p.command)
        .bind(8, p.cmdline)
        .bind(9, p.tty)
        .bind(10, p.home)
        .bind(11, p.guest)
        .bind(12, t);
    if (auto done = m_insertProc.run(); !done)
        return std::unexpected(done.error());
    known.id = sqlite3_last_insert_rowid(m_db->handle());
    known.ppid = p.ppid;
    known.uid = p.uid;
    known.user = p.user;
    known.command = p.command;
    known.cmdline = p.cmdline;
    known.tty = p.tty;
    known.home = p.home;
    known.guest = p.guest;
    return known;
}

StoreResult<void> TickWriter::writeSnapshot(std::int64_t t, const NodeProcesses &snapshot) {
    m_insertSnapshot.bind(1, t)
        .bind(2, snapshot.node)
        .bind(3, static_cast<std::int64_t>(snapshot.processes.size()));
    if (auto done = m_insertSnapshot.run(); !done)
        return done;
    const std::int64_t snapshotId = sqlite3_last_insert_rowid(m_db->handle());

    QHash<ProcKey, KnownProc> &before = m_procs[snapshot.node];
    QHash<ProcKey, KnownProc> now;
    now.reserve(snapshot.processes.size());
    for (const ProcessSample &p : snapshot.processes) {
        const ProcKey key{p.pid, p.startTimeMs};
        KnownProc known;
        if (const auto it = before.constFind(key); it != before.cend()) {
            known = *it;
        } else {
            auto resolved = resolve(t, snapshot.node, p);
            if (!resolved)
                return fail(resolved);
            known = std::move(*resolved);
        }
        // An exec changes the command line under the same pid and start time.
        if (!known.sameAs(p)) {
            m_updateProc.bind(1, known.id)
                .bind(2, std::int64_t{p.ppid})
                .bind(3, p.uid)
                .bind(4, p.user)
                .bind(5, p.command)
                .bind(6, p.cmdline)
                .bind(7, p.tty)
                .bind(8, p.home)
                .bind(9, p.guest);
            if (auto done = m_updateProc.run(); !done)
                return done;
            known.ppid = p.ppid;
            known.uid = p.uid;
            known.user = p.user;
            known.command = p.command;
            known.cmdline = p.cmdline;
            known.tty = p.tty;
            known.home = p.home;
            known.guest = p.guest;
        }
        m_insertSample.bind(1, snapshotId)
            .bind(2, known.id)
            .bind(3, stateText(p.state))
            .bind(4, p.cpuPercent)
            .bind(5, p.cpuTimeMs)
            .bind(6, p.rss)
            .bind(7, std::int64_t{p.nice})
            .bind(8, p.where)
            .bind(9, p.nmigs)
            .bind(10, p.locked);
        if (p.cantmove.isEmpty())
            m_insertSample.bindNull(11);
        else
            m_insertSample.bind(11, p.cantmove);
        if (auto done = m_insertSample.run(); !done)
            return done;
        now.insert(key, std::move(known));
    }
    before = std::move(now);
    return {};
}

} // namespace omview::store
