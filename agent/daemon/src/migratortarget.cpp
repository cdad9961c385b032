#include "migratorparts.h"
#include "omview/agent/agentlog.h"
#include "omview/agent/heaprelease.h"
#include "omview/agent/jobhost.h"
#include "omview/agent/localnode.h"
#include "omview/agent/migrator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>
#include <omview/hpc/hpcbackend.h>
#include <omview/migration/criu.h>
#include <omview/migration/movability.h>

using namespace Qt::StringLiterals;
using omview::migration::Criu;

namespace omview::agent {

using namespace moves;

// ---- the target's half -------------------------------------------------------------

void Migrator::handlePeer(NodeId from, const QString &method, const QJsonObject &p,
                          const QByteArray &data, Completion done) {
    const QString id = p.value(u"id"_s).toString();
    if (method != migrationMethods::start && method != migrationMethods::where &&
        !migration::ImageStore::validId(id))
        return done(std::unexpected(RpcError(ErrorCode::InvalidParams, u"id: bad move ID"_s)));
    if (method == migrationMethods::start) {
        pid_t pid = pid_t(p.value(u"pid"_s).toInteger());
        // The home names its process by its home PID; a job runs here under another.
        if (auto guests = m_backend.guests())
            for (const hpc::HpcGuest &g : std::as_const(*guests))
                if (g.home == from && g.homePid == pid)
                    pid = pid_t(g.pid);
        const NodeId target = NodeId(p.value(u"target"_s).toInteger());
        MoveOrigin origin;
        if (from == NodeId(p.value(u"home"_s).toInteger()))
            origin = MoveOrigin{from, pid_t(p.value(u"homePid"_s).toInteger())};
        move(
            pid, target, hpc::HpcReason::User,
            [done, pid](MoveOutcome r) {
                if (!r)
                    return done(std::unexpected(toRpcError(r.error(), pid)));
                done(QJsonObject{{u"node"_s, qint64(r->node)},
                                 {u"bytes"_s, r->bytes},
                                 {u"totalMs"_s, r->totalMs}});
            },
            origin);
        return;
    }
    if (method == migrationMethods::prepare)
        return prepareWhenFree(from, p, std::move(done), 0);
    if (method == migrationMethods::put)
        return done(put(p, data));
    if (method == migrationMethods::restore)
        return restoreHere(p, std::move(done));
    if (method == migrationMethods::commit)
        return done(commitHere(p));
    if (method == migrationMethods::abort)
        return done(abortHere(p));
    if (method == migrationMethods::where)
        return done(whereHere(from, p));
    if (method == migrationMethods::status)
        return done(statusHere(p));
    done(std::unexpected(
        RpcError(ErrorCode::MethodNotFound, u"method not found: %1"_s.arg(method))));
}

bool Migrator::readIncoming(const QString &id, Incoming &in) const {
    QFile f(m_store.dirOf(id) + u"/move.incoming"_s);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    in.from = NodeId(o.value(u"from"_s).toInteger());
    in.home = NodeId(o.value(u"home"_s).toInteger());
    in.homePid = pid_t(o.value(u"homePid"_s).toInteger());
    in.tree = pidList(o.value(u"tree"_s));
    in.job = o.value(u"job"_s).toString();
    return in.from != 0 && !in.tree.isEmpty();
}

void Migrator::writeIncoming(const QString &id, const Incoming &in, const QByteArray &state) const {
    QFile f(m_store.dirOf(id) + u"/move.incoming"_s);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(QJsonDocument(QJsonObject{{u"from"_s, qint64(in.from)},
                                          {u"home"_s, qint64(in.home)},
                                          {u"homePid"_s, qint64(in.homePid)},
                                          {u"tree"_s, pidArray(in.tree)},
                                          {u"job"_s, in.job}})
                    .toJson(QJsonDocument::Compact));
    m_store.setState(id, state);
}

// A process killed here a moment ago (the copy a move away left) holds its PID while it
// dies, which takes a while for a big one, and then as a zombie until its parent reaps it:
// a move straight back waits for that, a few seconds at most, before calling the PID taken.
void Migrator::prepareWhenFree(NodeId from, const QJsonObject &p, Completion done, int attempt) {
    constexpr int Attempts = 30;
    constexpr int PollMs = 100;
    bool dying = false;
    const qint64 now = m_clock.elapsed();
    for (const pid_t pid : pidList(p.value(u"tree"_s))) {
        const auto killed = m_killedAt.constFind(pid);
        const bool killedHere = killed != m_killedAt.cend() && now - *killed <= DyingMs;
        dying = dying || stateOf(pid) == 'Z' || (killedHere && running(pid));
    }
    if (dying && attempt < Attempts) {
        QTimer::singleShot(PollMs, this,
                           [this, from, p, done = std::move(done), attempt]() mutable {
                               prepareWhenFree(from, p, std::move(done), attempt + 1);
                           });
        return;
    }
    done(prepare(from, p));
}

Result<QJsonValue> Migrator::prepare(NodeId from, const QJsonObject &p) {
    const QString id = p.value(u"id"_s).toString();
    Incoming in;
    in.from = from;
    in.home = NodeId(p.value(u"home"_s).toInteger());
    in.homePid = pid_t(p.value(u"homePid"_s).toInteger());
    in.tree = pidList(p.value(u"tree"_s));
    if (in.tree.isEmpty() || in.home == 0)
        return std::unexpected(RpcError(ErrorCode::InvalidParams, u"tree, home: missing"_s));
    const NodeId self = m_local.id();
    // A node that blocks guests still takes its own processes back.
    if (in.home != self) {
        if (auto s = m_backend.settings(); s && s->block)
            return std::unexpected(
                refusal(Reason::TargetRefused, u"node %1 takes no guests (block)"_s.arg(self)));
    }
    for (const QJsonValue &file : p.value(u"files"_s).toArray())
        if (!QFileInfo::exists(file.toString()))
            return std::unexpected(
                refusal(Reason::CantMove,
                        u"node %1 has no %2, which the process holds open"_s.arg(self).arg(
                            file.toString())));
    // A job's PIDs are those of its own namespace, free on every node.
    const bool job = p.value(u"job"_s).toBool();
    for (pid_t pid : in.tree)
        if (!job && running(pid))
            return std::unexpected(
                refusal(Reason::PidTaken,
                        u"node %1 runs another process with PID %2"_s.arg(self).arg(pid)));
    if (job && !m_jobs)
        return std::unexpected(
            refusal(Reason::TargetRefused, u"node %1 does not run jobs"_s.arg(self)));
    auto dir = m_store.create(id);
    if (!dir)
        return std::unexpected(toRpcError(dir.error(), 0));
    writeIncoming(id, in, "receiving");
    return QJsonObject();
}

// A chunk comes as the bytes of a data request (docs/peers.md), never inside the JSON.
Result<QJsonValue> Migrator::put(const QJsonObject &p, const QByteArray &data) {
    const QString id = p.value(u"id"_s).toString();
    auto written =
        m_store.write(id, p.value(u"file"_s).toString(), p.value(u"offset"_s).toInteger(-1), data);
    if (!written)
        return std::unexpected(toRpcError(written.error(), 0));
    return QJsonObject();
}

void Migrator::restoreHere(const QJsonObject &p, Completion done) {
    const QString id = p.value(u"id"_s).toString();
    Incoming in;
    if (!readIncoming(id, in))
        return done(std::unexpected(refusal(Reason::RestoreFailed, u"no such move"_s)));
    if (const QList<pid_t> dumped = pidList(p.value(u"tree"_s)); !dumped.isEmpty())
        in.tree = dumped;
    const QJsonObject job = p.value(u"job"_s).toObject();
    in.job = job.value(u"job"_s).toString();
    for (pid_t pid : in.tree)
        if (in.job.isEmpty() && running(pid)) {
            m_store.remove(id);
            return done(std::unexpected(
                refusal(Reason::PidTaken,
                        u"node %1 runs another process with PID %2"_s.arg(m_local.id()).arg(pid))));
        }
    QList<migration::InheritedPipe> pipes;
    if (!in.job.isEmpty()) {
        auto arrival = m_jobs ? m_jobs->prepareArrival(job)
                              : std::unexpected(u"this node does not run jobs"_s);
        if (!arrival) {
            m_store.remove(id);
            return done(std::unexpected(refusal(Reason::RestoreFailed, arrival.error())));
        }
        pipes = *arrival;
    }
    const QString dir = m_store.dirOf(id);
    Criu::restore(
        dir, this,
        [this, id, in, dir, done](migration::CriuOutcome restored) mutable {
            releaseFreedHeapSoon(); // the transfer is over: its buffers go back
            if (!restored.ok) {
                const bool taken = restored.error.contains(u"File exists"_s);
                qCInfo(lcAgent).noquote() << "restore of move" << id << "failed:" << restored.error;
                if (!in.job.isEmpty())
                    m_jobs->abandon(in.job);
                m_store.remove(id);
                return done(std::unexpected(refusal(
                    taken ? Reason::PidTaken : Reason::RestoreFailed,
                    u"criu restore on node %1: %2"_s.arg(m_local.id()).arg(restored.error))));
            }
            const pid_t root = Criu::readPidFile(dir);
            qCInfo(lcAgent).noquote() << "move" << id << "restored as PID" << root;
            if (!in.job.isEmpty()) {
                // A job's namespace got PIDs of this node's choosing: its tree is read again.
                m_jobs->arrived(in.job, root);
                const migration::Movability now = migration::checkMovability(root, m_procRoot);
                in.tree = now.tree.isEmpty() ? QList<pid_t>{root} : now.tree;
            }
            // Images are not needed any more; the record of the move stays until commit.
            for (const QString &name : m_store.images(id))
                QFile::remove(dir + u'/' + name);
            writeIncoming(id, in, "restored");
            done(QJsonObject{{u"pid"_s, qint64(root)}});
        },
        pipes);
}

Result<QJsonValue> Migrator::commitHere(const QJsonObject &p) {
    const QString id = p.value(u"id"_s).toString();
    Incoming in;
    if (!readIncoming(id, in) || m_store.state(id) != "restored")
        return std::unexpected(refusal(Reason::Internal, u"no restored move %1"_s.arg(id)));
    const NodeId self = m_local.id();
    const pid_t pid = in.tree.first();
    if (in.home == self) {
        // Home again: the process runs here once it is let go. A job comes back under
        // another PID (its namespace's outer PID is this node's choice): the record of the
        // old one goes, and the process is this node's own under the new one.
        resumeTree(in.tree);
        const bool renamed = !in.job.isEmpty() && pid != in.homePid;
        if (auto w =
                renamed ? m_backend.reportExited(in.homePid) : m_backend.reportWhere(in.homePid, 0);
            !w)
            qCWarning(lcAgent).noquote() << "admin/where:" << w.error().toString();
    } else {
        if (auto g = m_backend.addGuest(pid, in.home, in.homePid); !g)
            qCWarning(lcAgent).noquote() << "admin/guests:" << g.error().toString();
        resumeTree(in.tree);
    }
    if (!in.job.isEmpty() && m_jobs)
        m_jobs->start(in.job);
    m_store.remove(id);
    return QJsonObject{{u"pid"_s, qint64(pid)}};
}

Result<QJsonValue> Migrator::abortHere(const QJsonObject &p) {
    const QString id = p.value(u"id"_s).toString();
    Incoming in;
    if (readIncoming(id, in) && m_store.state(id) == "restored")
        killTree(in.tree); // restored but never let run: the source keeps it
    if (!in.job.isEmpty() && m_jobs)
        m_jobs->abandon(in.job);
    m_store.remove(id);
    releaseFreedHeapSoon();
    return QJsonObject();
}

Result<QJsonValue> Migrator::whereHere(NodeId, const QJsonObject &p) {
    const pid_t pid = pid_t(p.value(u"pid"_s).toInteger());
    const NodeId node = NodeId(p.value(u"node"_s).toInteger());
    if (auto w = m_backend.reportWhere(pid, node == m_local.id() ? 0 : node); !w)
        return std::unexpected(RpcError(ErrorCode::HpcRefused, w.error().toString()));
    return QJsonObject();
}

Result<QJsonValue> Migrator::statusHere(const QJsonObject &p) {
    const QString id = p.value(u"id"_s).toString();
    const QByteArray state = m_store.state(id);
    return QJsonObject{
        {u"state"_s, state.isEmpty() ? u"unknown"_s : QString::fromUtf8(state.split(' ').first())}};
}

} // namespace omview::agent
