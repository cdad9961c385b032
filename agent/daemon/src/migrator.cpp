#include "omview/agent/migrator.h"

#include "migratorparts.h"
#include "omview/agent/agentlog.h"
#include "omview/agent/heaprelease.h"
#include "omview/agent/jobhost.h"
#include "omview/agent/localnode.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <csignal>
#include <omview/hpc/hpcbackend.h>
#include <omview/migration/criu.h>
#include <omview/migration/movability.h>
#include <optional>
#include <sys/wait.h>

using namespace Qt::StringLiterals;
using omview::migration::Criu;
using omview::migration::MigrationError;
using omview::migration::Reason;

namespace omview::agent {

using namespace moves;

namespace {

// A chunk of an image per data request, raw beside the request line (docs/peers.md).
// Far below the size from which the agent maps buffers afresh (MappedBytes), so that the
// heap reuses a chunk's buffers for the next, where a fresh mapping would fault in every
// page of every copy, which costs more than the cipher. Enough in flight to keep the link
// busy while each end works.
constexpr qint64 ChunkBytes = 128 * 1024;
static_assert(ChunkBytes + 4096 < MappedBytes);
constexpr int ChunksInFlight = 16;
// A chunk crosses a LAN in well under a second; a link that carries nothing for this long
// is broken, and the process must not stay stopped waiting for it.
constexpr int PutTimeoutMs = 15'000;

QString newId(NodeId self, pid_t pid) {
    return u"m%1-%2-%3"_s.arg(self).arg(pid).arg(QRandomGenerator::system()->generate64(), 16, 16,
                                                 QChar(u'0'));
}

} // namespace

QString requestReason(hpc::HpcReason r) {
    switch (r) {
    case hpc::HpcReason::User:
        return u"user"_s;
    case hpc::HpcReason::Balance:
        return u"balance"_s;
    case hpc::HpcReason::Memory:
        return u"memory"_s;
    case hpc::HpcReason::Expel:
        return u"expel"_s;
    case hpc::HpcReason::Bring:
        break;
    }
    return u"bring"_s;
}

RpcError toRpcError(const MigrationError &e, pid_t pid) {
    QJsonObject data{{u"reason"_s, QString(MigrationError::name(e.reason))}};
    if (pid > 0)
        data.insert(u"pid"_s, qint64(pid));
    const ErrorCode code =
        e.reason == Reason::NoSuchProcess ? ErrorCode::NoSuchProcess : ErrorCode::MigrationFailed;
    return RpcError(code, e.message, data);
}

struct Migrator::Move {
    QString id;
    pid_t pid = 0;
    NodeId target = 0;
    NodeId home = 0;
    pid_t homePid = 0;
    hpc::HpcReason reason = hpc::HpcReason::User;
    QList<pid_t> tree;
    QString dir;
    bool stopped = false; // dumped and left stopped here
    qint64 bytes = 0;
    QElapsedTimer total;
    QElapsedTimer freeze;
    qint64 freezeMs = 0;
    QString command;
    bool isJob = false;
    QJsonObject job; // what the target needs of a job's pipes (JobHost::freeze)
    struct Chunk {
        QString file;
        qint64 offset = 0;
    };
    QList<Chunk> chunks; // still to send
    int inFlight = 0;
    std::optional<MigrationError> transferError;
    MoveDone done;

    // What recover() needs after a crash: the target and the processes.
    QByteArray record() const {
        QByteArray r = QByteArray::number(target);
        for (pid_t p : tree)
            r += ' ' + QByteArray::number(p);
        return r;
    }
};

Migrator::Migrator(LocalNode &local, hpc::HpcBackend &backend, PeerLink &peers,
                   const QString &imageRoot, const QString &procRoot, QObject *parent)
    : QObject(parent)
    , m_local(local)
    , m_backend(backend)
    , m_peers(peers)
    , m_store(imageRoot)
    , m_procRoot(procRoot) {
    connect(&m_backend, &hpc::HpcBackend::requestQueued, this, &Migrator::takeRequests,
            Qt::QueuedConnection);
    // A process restored here waits, stopped, for its source's commit. When that does not
    // come (the source crashed, or the link broke after the restore) this asks the source
    // what became of the move, until it answers.
    m_clock.start();
    m_settle.setInterval(SettleIntervalMs);
    connect(&m_settle, &QTimer::timeout, this, &Migrator::settleWaiting);
    m_settle.start();
}

Migrator::~Migrator() {
    // Moves still in flight end here: whatever was stopped runs again where it was.
    const auto active = m_active.values();
    for (Move *m : active) {
        if (m->stopped)
            resumeTree(m->tree);
        m_store.remove(m->id);
        delete m;
    }
}

void Migrator::takeRequests() {
    const QList<hpc::HpcRequest> requests = m_backend.takeRequests();
    for (const hpc::HpcRequest &r : requests) {
        const NodeId target = r.target.kind == hpc::HpcTarget::Kind::Node ? r.target.node : 0;
        const pid_t pid = pid_t(r.pid);
        auto answer = [this, pid](MoveOutcome outcome) {
            const QList<MoveDone> waiters = m_waiters.take(pid);
            for (const MoveDone &w : waiters)
                w(outcome);
        };
        moveOwn(pid, target, answer, r.reason);
    }
}

void Migrator::moveOwn(pid_t pid, NodeId target, MoveDone done, hpc::HpcReason reason) {
    const NodeId self = m_local.id();
    auto procs = m_backend.procs();
    if (procs) {
        for (const hpc::HpcProcEntry &e : std::as_const(*procs)) {
            if (e.pid != pid || e.where == 0 || e.where == self)
                continue;
            // It runs elsewhere: that node moves it (target 0 = home = here).
            const NodeId to = target == 0 ? self : target;
            if (to == e.where)
                return done(std::unexpected(
                    MigrationError{Reason::AlreadyThere,
                                   u"process %1 runs on node %2 already"_s.arg(pid).arg(to)}));
            // The home says it is the home: the node the process runs on may have lost its
            // guest record (an emulated /proc/hpc does not outlive its agent).
            m_peers.forward(
                e.where, migrationMethods::start,
                QJsonObject{{u"pid"_s, qint64(pid)},
                            {u"target"_s, qint64(to)},
                            {u"home"_s, qint64(self)},
                            {u"homePid"_s, qint64(pid)}},
                [done, where = e.where](Result<QJsonValue> r) {
                    if (!r)
                        return done(std::unexpected(fromRpc(r.error(), Reason::Unreachable)));
                    const QJsonObject o = r->toObject();
                    done(MoveResult{NodeId(o.value(u"node"_s).toInteger(where)),
                                    o.value(u"bytes"_s).toInteger(),
                                    o.value(u"freezeMs"_s).toInteger(),
                                    o.value(u"totalMs"_s).toInteger()});
                },
                RestoreTimeoutMs);
            return;
        }
    }
    move(pid, target, reason, std::move(done));
}

void Migrator::move(pid_t pid, NodeId target, hpc::HpcReason reason, MoveDone done,
                    MoveOrigin origin) {
    const NodeId self = m_local.id();
    auto later = [this, done](MigrationError e) {
        QTimer::singleShot(0, this, [done, e] { done(std::unexpected(e)); });
    };
    // A process of a job moves with its job: the namespace goes whole, from its init.
    if (const pid_t root = m_jobs ? m_jobs->rootOf(pid, m_procRoot) : 0; root > 0 && root != pid) {
        if (reason != hpc::HpcReason::User && lockedHere(root))
            return later({Reason::CantMove,
                          u"process %1 belongs to job %2, which is locked"_s.arg(pid).arg(root)});
        pid = root;
    }
    if (m_active.contains(pid))
        return later({Reason::Busy, u"process %1 is being moved already"_s.arg(pid)});

    auto *m = new Move;
    m->pid = pid;
    m->reason = reason;
    m->home = self;
    m->homePid = pid;
    if (origin.home != 0 && origin.home != self) {
        m->home = origin.home;
        m->homePid = origin.homePid;
    }
    if (auto guests = m_backend.guests()) {
        for (const hpc::HpcGuest &g : std::as_const(*guests))
            if (g.pid == pid) {
                m->home = g.home;
                m->homePid = g.homePid;
            }
    }
    m->target = target == 0 ? m->home : target;
    m->done = std::move(done);
    m->total.start();

    auto refuse = [&](Reason r, const QString &text) {
        const MigrationError e{r, text};
        delete m;
        later(e);
    };
    // The process first: a PID that is not here is the answer, whatever the target.
    const migration::Movability movable = migration::checkMovability(pid, m_procRoot);
    if (!movable.exists)
        return refuse(Reason::NoSuchProcess, u"no process %1 on node %2"_s.arg(pid).arg(self));
    if (self == 0)
        return refuse(Reason::TargetRefused, u"this node takes part in no cluster"_s);
    if (m->target == self)
        return refuse(Reason::AlreadyThere,
                      u"process %1 runs on node %2 already"_s.arg(pid).arg(self));
    bool known = false, alive = false;
    for (const NodeRecord &n : m_peers.clusterTable())
        if (n.node.id == m->target) {
            known = true;
            alive = n.alive;
        }
    if (!known)
        return refuse(Reason::TargetRefused, u"node %1 is not in the cluster"_s.arg(m->target));
    if (!alive)
        return refuse(Reason::Unreachable, u"node %1 is down"_s.arg(m->target));
    if (!movable.movable())
        return refuse(Reason::CantMove,
                      u"process %1 cannot move: %2"_s.arg(pid).arg(movable.reasonText()));
    m->tree = movable.tree;
    m->isJob = m_jobs && m_jobs->hosts(pid);
    m->id = newId(self, pid);
    if (const ProcessInfo *row = m_local.process(pid))
        m->command = row->command;
    m_active.insert(pid, m);
    report(m, u"started"_s);

    qCInfo(lcAgent).noquote() << u"moving process %1 (%2 processes) to node %3, move %4"_s.arg(pid)
                                     .arg(m->tree.size())
                                     .arg(m->target)
                                     .arg(m->id);
    const QJsonObject prepare{{u"id"_s, m->id},
                              {u"pid"_s, qint64(pid)},
                              {u"tree"_s, pidArray(m->tree)},
                              {u"home"_s, qint64(m->home)},
                              {u"homePid"_s, qint64(m->homePid)},
                              {u"files"_s, QJsonArray::fromStringList(movable.files)},
                              {u"job"_s, m->isJob}};
    m_peers.forward(m->target, migrationMethods::prepare, prepare, [this, m](Result<QJsonValue> r) {
        if (!r)
            return fail(m, fromRpc(r.error(), Reason::TargetRefused), false);
        auto dir = m_store.create(m->id);
        if (!dir)
            return fail(m, dir.error(), false);
        m->dir = *dir;
        m_store.setState(m->id, "dumping " + m->record());
        m->freeze.start();
        Criu::dump(m->pid, m->dir, this, [this, m](migration::CriuOutcome dumped) {
            if (!dumped.ok) {
                // criu resumes what it stopped when a dump fails.
                return fail(m, {Reason::DumpFailed, u"criu dump: %1"_s.arg(dumped.error)}, true);
            }
            m->stopped = true;
            // The job is stopped: what it wrote is read here to the end and sent home from
            // here, and the target reads on from there. (criu does not put a pipe's data
            // into a pipe it is given with --inherit-fd.)
            if (m->isJob)
                m->job = m_jobs->freeze(m->pid);
            // The tree as criu took it: it was stopped whole, so no child came or went since.
            // (The one checked before the dump may have had a short-lived child more or less.)
            const migration::Movability now = migration::checkMovability(m->pid, m_procRoot);
            if (!now.tree.isEmpty())
                m->tree = now.tree;
            m_store.setState(m->id, "dumped " + m->record());
            report(m, u"dumped"_s);
            sendImages(m);
        });
    });
}

// What the home lists while the process is away: its last sampled row, or (a process that
// came and went between two samples, as a job that came home under a new PID and left again
// at once) what /proc says of it now; running, not stopped as criu left it.
ProcessInfo Migrator::awayRow(pid_t pid) const {
    ProcessInfo row;
    if (const ProcessInfo *sampled = m_local.process(pid)) {
        row = *sampled;
    } else {
        const QString dir = m_procRoot + u'/' + QString::number(pid);
        row.pid = pid;
        QFile comm(dir + u"/comm"_s);
        if (comm.open(QIODevice::ReadOnly))
            row.command = QString::fromLocal8Bit(comm.readAll().trimmed());
        QFile cmdline(dir + u"/cmdline"_s);
        if (cmdline.open(QIODevice::ReadOnly))
            row.cmdline = QString::fromLocal8Bit(cmdline.readAll().replace('\0', ' ').trimmed());
        const QFileInfo info(dir);
        row.uid = info.ownerId();
        row.user = info.owner();
    }
    row.state = 'R';
    return row;
}

bool Migrator::lockedHere(pid_t pid) const {
    if (auto procs = m_backend.procs())
        for (const hpc::HpcProcEntry &e : std::as_const(*procs))
            if (e.pid == pid)
                return e.locked;
    return false;
}

void Migrator::sendImages(Move *m) {
    for (const QString &name : m_store.images(m->id)) {
        const qint64 size = QFileInfo(m->dir + u'/' + name).size();
        for (qint64 offset = 0; offset < size || (size == 0 && offset == 0); offset += ChunkBytes) {
            m->chunks.append({name, offset});
            if (size == 0)
                break;
        }
    }
    pumpImages(m);
}

// Keeps a few chunks in flight: a round trip per chunk would leave the link idle while
// each end parses and writes; the target writes each chunk at its offset, in any order.
void Migrator::pumpImages(Move *m) {
    while (!m->transferError && m->inFlight < ChunksInFlight && !m->chunks.isEmpty()) {
        const auto [name, offset] = m->chunks.takeFirst();
        QFile f(m->dir + u'/' + name);
        if (!f.open(QIODevice::ReadOnly) || !f.seek(offset)) {
            m->transferError =
                MigrationError{Reason::TransferFailed, u"cannot read image %1"_s.arg(name)};
            break;
        }
        const QByteArray chunk = f.read(ChunkBytes);
        m->bytes += chunk.size();
        ++m->inFlight;
        const QJsonObject put{{u"id"_s, m->id}, {u"file"_s, name}, {u"offset"_s, offset}};
        m_peers.forwardData(
            m->target, migrationMethods::put, put, chunk,
            [this, m](Result<QJsonValue> r) {
                --m->inFlight;
                if (!r && !m->transferError)
                    m->transferError = fromRpc(r.error(), Reason::TransferFailed);
                pumpImages(m);
            },
            PutTimeoutMs);
    }
    if (m->inFlight > 0)
        return; // the last answer comes back here
    if (m->transferError)
        return fail(m, *m->transferError, true);
    // The images went over: they have no business on this disk any more.
    for (const QString &name : m_store.images(m->id))
        QFile::remove(m->dir + u'/' + name);
    restoreThere(m);
}

void Migrator::restoreThere(Move *m) {
    report(m, u"transferred"_s);
    m_peers.forward(
        m->target, migrationMethods::restore,
        QJsonObject{{u"id"_s, m->id}, {u"tree"_s, pidArray(m->tree)}, {u"job"_s, m->job}},
        [this, m](Result<QJsonValue> r) {
            if (!r)
                return fail(m, fromRpc(r.error(), Reason::RestoreFailed), true);
            report(m, u"restored"_s);
            commit(m);
        },
        RestoreTimeoutMs);
}

void Migrator::commit(Move *m) {
    // The target holds the process, stopped. From here on the move happens: the record
    // says so first, so that a crash from now on settles it the same way (recover()).
    m_store.setState(m->id, "committed " + m->record());
    const NodeId self = m_local.id();
    if (m->home == self) {
        m_local.rememberAway(awayRow(m->pid));
        // Before the local copy goes: an entry at home whose process is gone is dropped.
        if (auto w = m_backend.reportWhere(m->pid, m->target); !w)
            qCWarning(lcAgent).noquote() << "admin/where:" << w.error().toString();
    }
    if (m->isJob)
        m_jobs->release(m->pid);
    killTree(m->tree);
    m->stopped = false;
    if (m->home != self) {
        (void)m_backend.delGuest(m->pid);
        if (m->target != m->home)
            m_peers.forward(
                m->home, migrationMethods::where,
                QJsonObject{{u"pid"_s, qint64(m->homePid)}, {u"node"_s, qint64(m->target)}},
                [](Result<QJsonValue> r) {
                    if (!r)
                        qCWarning(lcAgent).noquote()
                            << "telling the home node:" << r.error().toString();
                });
    }
    m_peers.forward(m->target, migrationMethods::commit, QJsonObject{{u"id"_s, m->id}},
                    [this, m](Result<QJsonValue> r) {
                        m->freezeMs = m->freeze.elapsed();
                        m->freeze.invalidate();
                        if (!r) {
                            // The target restored it and will ask us when it is back
                            // (migration.status): the state file stays to answer.
                            qCWarning(lcAgent).noquote()
                                << "move" << m->id
                                << "commit not confirmed:" << r.error().toString();
                        } else {
                            m_store.remove(m->id);
                        }
                        finish(m, MoveResult{m->target, m->bytes, m->freezeMs, m->total.elapsed()});
                    });
}

void Migrator::fail(Move *m, MigrationError error, bool resume) {
    if (resume && m->stopped)
        resumeTree(m->tree);
    if (m->isJob)
        m_jobs->thaw(m->pid);
    if (m->freeze.isValid())
        m->freezeMs = m->freeze.elapsed();
    m->stopped = false;
    if (!m->dir.isEmpty())
        m_store.remove(m->id);
    m_peers.forward(m->target, migrationMethods::abort, QJsonObject{{u"id"_s, m->id}},
                    [](Result<QJsonValue>) {});
    qCInfo(lcAgent).noquote() << u"move %1 of process %2 to node %3 failed: %4"_s.arg(m->id)
                                     .arg(m->pid)
                                     .arg(m->target)
                                     .arg(error.message);
    finish(m, std::unexpected(error));
}

void Migrator::finish(Move *m, MoveOutcome outcome) {
    m_active.remove(m->pid);
    if (outcome)
        qCInfo(lcAgent).noquote() << u"moved process %1 to node %2 in %3 ms (%4 bytes)"_s
                                         .arg(m->pid)
                                         .arg(outcome->node)
                                         .arg(outcome->totalMs)
                                         .arg(outcome->bytes);
    if (outcome)
        report(m, u"done"_s);
    else
        report(m, u"failed"_s, &outcome.error());
    MoveDone done = std::move(m->done);
    delete m;
    releaseFreedHeapSoon(); // what the chunks' buffers left at the heap's top
    if (done)
        done(std::move(outcome));
}

void Migrator::report(const Move *m, const QString &phase, const MigrationError *error) {
    MigrationEvent e;
    e.id = m->id;
    e.pid = m->pid;
    e.home = m->home;
    e.from = m_local.id();
    e.to = m->target;
    e.phase = phase;
    e.reason = requestReason(m->reason);
    if (error) {
        e.failure = QString(MigrationError::name(error->reason));
        e.message = error->message;
    }
    e.command = m->command;
    e.bytes = m->bytes;
    e.freezeMs = m->freeze.isValid() ? m->freeze.elapsed() : m->freezeMs;
    e.totalMs = m->total.elapsed();
    e.at = QDateTime::currentMSecsSinceEpoch();
    qCDebug(lcAgent).noquote() << u"move %1 of %2: %3 after %4 ms, %5 bytes sent"_s.arg(e.id)
                                      .arg(e.pid)
                                      .arg(e.phase)
                                      .arg(e.totalMs)
                                      .arg(e.bytes);
    emit migrationEvent(e);
}

void Migrator::resumeTree(const QList<pid_t> &tree) const {
    for (pid_t p : tree)
        ::kill(p, SIGCONT);
}

void Migrator::killTree(const QList<pid_t> &tree) {
    const qint64 now = m_clock.elapsed();
    m_killedAt.removeIf([now](auto it) { return now - it.value() > DyingMs; });
    for (pid_t p : tree) {
        ::kill(p, SIGKILL);
        m_killedAt.insert(p, now);
    }
    // Those that are this agent's children (restored here earlier, or orphans it took as
    // subreaper) are reaped here, so that their PIDs are free for a move back; the others'
    // parents reap them.
    for (int delay : {20, 100, 500, 2000})
        QTimer::singleShot(delay, this, [tree] {
            for (pid_t p : tree)
                ::waitpid(p, nullptr, WNOHANG);
        });
}

} // namespace omview::agent
