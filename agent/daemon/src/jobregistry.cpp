#include "omview/agent/jobregistry.h"

#include "omview/agent/agentlog.h"
#include "omview/agent/jobhost.h"
#include "omview/agent/localnode.h"
#include "omview/agent/migrator.h"

#include <QMap>
#include <QRandomGenerator>
#include <algorithm>
#include <csignal>
#include <omview/hpc/hpcbackend.h>
#include <omview/migration/movability.h>

using namespace Qt::StringLiterals;

namespace omview::agent {

namespace {

constexpr qsizetype MaxAnswerBytes = 1 << 20;
constexpr int ForgetAfterMs = 60'000;
constexpr int SignalRetryMs = 200;
constexpr int SignalAttempts = 100; // 20 s: longer than a move of any job
constexpr int StopWaitMs = 5'000;

RpcError noSuchJob(const QString &id) {
    return RpcError(ErrorCode::NoSuchJob, u"no job %1 on this node"_s.arg(id),
                    QJsonObject{{u"job"_s, id}});
}

RpcError spawnFailed(const QString &message, const QString &reason = QString()) {
    QJsonObject data;
    if (!reason.isEmpty())
        data.insert(u"reason"_s, reason);
    return RpcError(ErrorCode::SpawnFailed, message, data);
}

// Whether the job's init leads its own session: from then on criu can take it.
bool leadsSession(pid_t pid) {
    const auto stat = migration::readTaskStat(pid);
    return stat && stat->session == pid;
}

std::optional<hpc::HpcDecayOption> decayOption(const QString &profile) {
    if (profile == u"cpujob")
        return hpc::HpcDecayOption::CpuJob;
    if (profile == u"iojob")
        return hpc::HpcDecayOption::IoJob;
    if (profile == u"nodecay")
        return hpc::HpcDecayOption::NoDecay;
    if (profile == u"slowdecay")
        return hpc::HpcDecayOption::Slow;
    if (profile == u"fastdecay")
        return hpc::HpcDecayOption::Fast;
    return std::nullopt;
}

QString nodeList(const QList<NodeId> &nodes) {
    QStringList s;
    for (NodeId n : nodes)
        s.append(QString::number(n));
    return s.join(u", "_s);
}

} // namespace

std::optional<NodeId> choosePlacement(const JobPlacement &where, bool anywhere, NodeId self,
                                      const QList<NodeRecord> &cluster) {
    auto usable = [&](const NodeRecord &r) {
        return r.node.id == self ||
               (r.alive && r.node.status >= 0 && !(r.node.status & StatusBlock));
    };
    auto best = [&](auto allowed) -> std::optional<NodeId> {
        const NodeRecord *pick = nullptr;
        for (const NodeRecord &r : cluster) {
            if (!allowed(r.node.id) || !usable(r))
                continue;
            // Equal loads: the lower ID, so that a choice is the same on every try.
            if (!pick || r.node.load < pick->node.load)
                pick = &r;
        }
        return pick ? std::optional(pick->node.id) : std::nullopt;
    };
    std::optional<NodeId> chosen;
    switch (where.kind) {
    case JobPlacement::Kind::Home:
        return self;
    case JobPlacement::Kind::Balance:
        chosen = best([](NodeId) { return true; });
        break;
    case JobPlacement::Kind::Node:
    case JobPlacement::Kind::Nodes:
        chosen = best([&](NodeId id) { return where.nodes.contains(id); });
        break;
    }
    if (!chosen && anywhere)
        chosen = best([](NodeId) { return true; });
    if (!chosen && anywhere)
        chosen = self;
    return chosen;
}

struct JobRegistry::Stream {
    qint64 base = 0;                // stream offset of data[0]
    QByteArray data;                // what the reader has not taken yet
    QMap<qint64, QByteArray> early; // pieces from a node ahead of one still sending
    qint64 end = -1;                // known once the job ended

    qint64 top() const { return base + data.size(); }
    void add(qint64 offset, const QByteArray &bytes) {
        early.insert(offset, bytes);
        while (!early.isEmpty() && early.firstKey() <= top()) {
            const qint64 at = early.firstKey();
            const QByteArray piece = early.take(at);
            if (at + piece.size() > top())
                data.append(piece.mid(top() - at)); // what was had already is not had twice
        }
    }
    void take(qint64 offset) {
        const qint64 cut = std::clamp<qint64>(offset - base, 0, data.size());
        data.remove(0, cut);
        base += cut;
    }
    void discard() { take(top()); }
    bool complete() const { return end >= 0 && top() >= end && early.isEmpty(); }
};

struct JobRegistry::Job {
    QString id;
    QString program;
    uid_t uid = 0;
    pid_t pid = 0;      // on this node when it started: the job's home PID
    pid_t localPid = 0; // on this node now, when it runs here
    NodeId node = 0;
    int moves = 0;
    Stream out, err;
    bool endKnown = false;
    int exitCode = 0;
    int signal = 0;
    bool detached = false;
    bool endRead = false;
    QElapsedTimer lastRead;
    struct Reader {
        qint64 out = 0, err = 0;
        Completion done;
        QTimer *timer = nullptr;
    };
    QList<Reader *> readers;
    QList<std::function<void(bool)>> held; // hosts waiting for room
};

JobRegistry::JobRegistry(LocalNode &local, hpc::HpcBackend &backend, PeerLink &peers, JobHost &host,
                         Migrator &migrator, QObject *parent)
    : QObject(parent)
    , m_local(local)
    , m_backend(backend)
    , m_peers(peers)
    , m_host(host)
    , m_migrator(migrator) {
    // Jobs whose reader went away keep running; their output is not kept for nobody.
    auto *detach = new QTimer(this);
    detach->setInterval(5'000);
    connect(detach, &QTimer::timeout, this, [this] {
        for (Job *j : std::as_const(m_jobs)) {
            if (j->detached || j->endKnown || !j->readers.isEmpty() ||
                j->lastRead.elapsed() < DetachAfterMs)
                continue;
            qCInfo(lcAgent).noquote() << "job" << j->id << "has no reader: its output is dropped";
            j->detached = true;
            release(j);
        }
    });
    detach->start();
}

JobRegistry::~JobRegistry() {
    for (Job *j : std::as_const(m_jobs)) {
        for (Job::Reader *r : std::as_const(j->readers))
            delete r;
        delete j;
    }
}

std::optional<uid_t> JobRegistry::ownerOf(pid_t pid) const {
    for (const Job *j : m_jobs)
        if (j->pid == pid)
            return j->uid;
    return std::nullopt;
}

void JobRegistry::spawn(const PeerIdentity &caller, const ProcSpawnParams &p, Completion done) {
    const NodeId self = m_local.id();
    const auto target = choosePlacement(p.where, p.anywhere, self, m_peers.clusterTable());
    if (!target)
        return done(std::unexpected(spawnFailed(
            p.where.kind == JobPlacement::Kind::Node
                ? u"node %1 cannot take the job (down, unknown, or blocking guests)"_s.arg(
                      p.where.nodes.value(0))
                : u"none of the nodes %1 can take the job"_s.arg(nodeList(p.where.nodes)),
            u"target-refused"_s)));
    JobLaunch launch;
    launch.id = u"j%1-%2-%3"_s.arg(self).arg(m_next++).arg(QRandomGenerator::system()->generate(),
                                                           8, 16, QChar(u'0'));
    launch.program = p.program;
    launch.argv = QStringList{p.argv0.value_or(p.program)} + p.args;
    launch.cwd = p.cwd;
    launch.env = p.env;
    launch.uid = caller.uid;
    launch.gid = caller.gid;
    launch.stopped = *target != self;
    auto pid = m_host.spawn(self, launch);
    if (!pid)
        return done(std::unexpected(spawnFailed(pid.error())));

    auto *job = new Job;
    job->id = launch.id;
    job->program = p.program;
    job->uid = caller.uid;
    job->pid = job->localPid = *pid;
    job->node = self;
    job->lastRead.start();
    m_jobs.insert(job->id, job);

    // mosrun's defaults: locked where it is put, unless told otherwise; "keep" is the
    // caller's own state.
    bool locked = p.lock == u"lock";
    if (p.lock == u"keep" && p.caller) {
        if (auto procs = m_backend.procs())
            for (const hpc::HpcProcEntry &e : std::as_const(*procs))
                if (e.pid == *p.caller)
                    locked = e.locked;
    }
    // The sampler has not seen the new PID yet: the emulation learns it here first.
    m_local.sample();
    if (auto l = m_backend.setLock(*pid, locked); !l)
        qCWarning(lcAgent).noquote() << "job" << job->id << "lock:" << l.error().toString();
    if (const auto option = decayOption(p.profile))
        if (auto d = m_backend.setDecayOption(*pid, *option); !d)
            qCWarning(lcAgent).noquote() << "job" << job->id << "decay:" << d.error().toString();

    if (*target == self)
        return done(toJson(SpawnResult{job->id, job->pid, self}));
    place(job->id, *target, p.anywhere, std::move(done));
}

// The job waits, before its program started, and moves to where it is to run; the commit's
// SIGCONT there lets it start.
void JobRegistry::place(const QString &id, NodeId target, bool anywhere, Completion done,
                        qint64 waitedMs) {
    constexpr int PollMs = 10;
    Job *j = m_jobs.value(id);
    if (!j)
        return done(std::unexpected(spawnFailed(u"the job ended before it started"_s)));
    if (!leadsSession(j->pid) && waitedMs < StopWaitMs) {
        QTimer::singleShot(PollMs, this, [this, id, target, anywhere, done, waitedMs] {
            place(id, target, anywhere, done, waitedMs + PollMs);
        });
        return;
    }
    m_migrator.move(
        j->pid, target, hpc::HpcReason::User, [this, id, target, anywhere, done](MoveOutcome r) {
            Job *placed = m_jobs.value(id);
            if (!placed)
                return done(std::unexpected(spawnFailed(u"the job ended before it started"_s)));
            if (r)
                return done(toJson(SpawnResult{placed->id, placed->pid, r->node}));
            if (anywhere) {
                // -F: where it could not go, it runs here.
                ::kill(placed->pid, SIGCONT);
                return done(toJson(SpawnResult{placed->id, placed->pid, m_local.id()}));
            }
            ::kill(placed->pid, SIGKILL);
            ::kill(placed->pid, SIGCONT);
            forget(id);
            done(std::unexpected(spawnFailed(
                u"the job could not start on node %1: %2"_s.arg(target).arg(r.error().message),
                QString(migration::MigrationError::name(r.error().reason)))));
        });
}

JobRegistry::Job *JobRegistry::find(const PeerIdentity &caller, const QString &id,
                                    Completion &done) {
    Job *j = m_jobs.value(id);
    if (!j) {
        done(std::unexpected(noSuchJob(id)));
        return nullptr;
    }
    if (caller.uid != 0 && caller.uid != j->uid) {
        done(std::unexpected(
            RpcError(ErrorCode::PermissionDenied, u"job %1 belongs to another user"_s.arg(id))));
        return nullptr;
    }
    return j;
}

void JobRegistry::read(const PeerIdentity &caller, const JobReadParams &p, Completion done) {
    Job *j = find(caller, p.job, done);
    if (!j)
        return;
    j->lastRead.restart();
    j->detached = false;
    j->out.take(p.stdoutOffset);
    j->err.take(p.stderrOffset);
    release(j);
    const bool news = j->out.top() > p.stdoutOffset || j->err.top() > p.stderrOffset ||
                      (j->out.complete() && j->err.complete() && j->endKnown);
    if (news || p.waitMs == 0)
        return done(output(j, p.stdoutOffset, p.stderrOffset));
    auto *r = new Job::Reader{p.stdoutOffset, p.stderrOffset, std::move(done), new QTimer(this)};
    r->timer->setSingleShot(true);
    connect(r->timer, &QTimer::timeout, this, [this, id = j->id, r] {
        Job *waiting = m_jobs.value(id);
        if (!waiting || !waiting->readers.removeOne(r))
            return;
        r->timer->deleteLater();
        r->done(output(waiting, r->out, r->err));
        delete r;
    });
    j->readers.append(r);
    r->timer->start(int(p.waitMs));
}

QJsonObject JobRegistry::output(Job *j, qint64 outOffset, qint64 errOffset) {
    auto from = [](const Stream &s, qint64 offset) {
        return s.data.mid(std::max<qint64>(offset - s.base, 0), MaxAnswerBytes);
    };
    const QByteArray out = from(j->out, outOffset);
    const QByteArray err = from(j->err, errOffset);
    JobOutput o;
    o.out = QString::fromLatin1(out.toBase64());
    o.err = QString::fromLatin1(err.toBase64());
    o.runsOn = j->node;
    o.pid = j->pid;
    o.moves = j->moves;
    o.ended = j->endKnown && j->out.complete() && j->err.complete() &&
              outOffset + out.size() >= j->out.end && errOffset + err.size() >= j->err.end;
    o.exitCode = j->exitCode;
    o.signal = j->signal;
    if (o.ended && !j->endRead) {
        j->endRead = true;
        // Kept a while, so that a reader that lost the answer can ask again.
        QTimer::singleShot(ForgetAfterMs, this, [this, id = j->id] { forget(id); });
    }
    return toJson(o);
}

void JobRegistry::answerReaders(Job *j) {
    const QList<Job::Reader *> readers = std::exchange(j->readers, {});
    for (Job::Reader *r : readers) {
        r->timer->stop();
        r->timer->deleteLater();
        r->done(output(j, r->out, r->err));
        delete r;
    }
}

// Room again: the hosts held back send on.
void JobRegistry::release(Job *j) {
    if (j->detached) {
        j->out.discard();
        j->err.discard();
    }
    if (j->out.data.size() > BufferLimit || j->err.data.size() > BufferLimit)
        return;
    const auto held = std::exchange(j->held, {});
    for (const auto &taken : held)
        taken(true);
}

void JobRegistry::deliver(NodeId from, const QJsonObject &m, std::function<void(bool)> taken) {
    Job *j = m_jobs.value(m.value(u"job"_s).toString());
    if (!j)
        return taken(true); // a job this node forgot: nothing to keep it for
    const NodeId node = NodeId(m.value(u"node"_s).toInteger(from));
    const pid_t pid = pid_t(m.value(u"pid"_s).toInteger());
    const bool arrival = !m.contains(u"stream"_s) && !m.contains(u"ended"_s);
    if (arrival && node != j->node) {
        j->node = node;
        ++j->moves;
        qCInfo(lcAgent).noquote() << "job" << j->id << "runs on node" << node;
    }
    // Back home, a job runs under a new PID: the one the home lists it by from now on.
    if (node == m_local.id() && pid > 0)
        j->pid = j->localPid = pid;
    if (const QString stream = m.value(u"stream"_s).toString(); !stream.isEmpty()) {
        Stream &s = stream == u"stderr" ? j->err : j->out;
        s.add(m.value(u"offset"_s).toInteger(),
              QByteArray::fromBase64(m.value(u"data"_s).toString().toLatin1()));
    }
    if (m.value(u"ended"_s).toBool()) {
        j->endKnown = true;
        j->out.end = m.value(u"stdoutEnd"_s).toInteger();
        j->err.end = m.value(u"stderrEnd"_s).toInteger();
        j->exitCode = int(m.value(u"exitCode"_s).toInteger());
        j->signal = int(m.value(u"signal"_s).toInteger());
        // Away, the home kept its record (admin/where); it ended, so the record goes.
        if (node != m_local.id())
            if (auto gone = m_backend.reportExited(j->pid); !gone)
                qCDebug(lcAgent).noquote()
                    << "job" << j->id << "admin/where:" << gone.error().toString();
    }
    if (j->detached) {
        j->out.discard();
        j->err.discard();
    }
    answerReaders(j);
    if (j->out.data.size() > BufferLimit || j->err.data.size() > BufferLimit)
        j->held.append(std::move(taken));
    else
        taken(true);
}

void JobRegistry::signal(const PeerIdentity &caller, const JobSignalParams &p, Completion done) {
    Job *j = find(caller, p.job, done);
    if (!j)
        return;
    sendSignal(j->id, p.signal, 0, std::move(done));
}

// A job in the middle of a move takes the signal where it runs once the move is over.
void JobRegistry::sendSignal(const QString &id, int signal, int attempt, Completion done) {
    Job *j = m_jobs.value(id);
    if (!j || j->endKnown)
        return done(std::unexpected(noSuchJob(id)));
    auto again = [this, id, signal, attempt, done]() {
        if (attempt + 1 >= SignalAttempts)
            return done(std::unexpected(RpcError(
                ErrorCode::InternalError, u"job %1 could not be reached for a signal"_s.arg(id))));
        QTimer::singleShot(SignalRetryMs, this, [this, id, signal, attempt, done] {
            sendSignal(id, signal, attempt + 1, done);
        });
    };
    if (j->node == m_local.id()) {
        if (m_host.signal(id, signal))
            return done(QJsonObject());
        return again();
    }
    m_peers.forward(j->node, jobMethods::kill, QJsonObject{{u"job"_s, id}, {u"signal"_s, signal}},
                    [done, again](Result<QJsonValue> r) {
                        if (r)
                            return done(QJsonObject());
                        again();
                    });
}

void JobRegistry::handlePeer(NodeId from, const QString &method, const QJsonObject &p,
                             Completion done) {
    if (method == jobMethods::output)
        return deliver(from, p, [done](bool) { done(QJsonObject()); });
    if (method == jobMethods::kill) {
        const QString id = p.value(u"job"_s).toString();
        if (m_host.signal(id, int(p.value(u"signal"_s).toInteger())))
            return done(QJsonObject());
        return done(std::unexpected(noSuchJob(id)));
    }
    done(std::unexpected(
        RpcError(ErrorCode::MethodNotFound, u"method not found: %1"_s.arg(method))));
}

void JobRegistry::forget(const QString &id) {
    Job *j = m_jobs.take(id);
    if (!j)
        return;
    for (Job::Reader *r : std::as_const(j->readers)) {
        r->timer->deleteLater();
        r->done(std::unexpected(noSuchJob(id)));
        delete r;
    }
    for (const auto &taken : std::as_const(j->held))
        taken(true);
    delete j;
}

} // namespace omview::agent
