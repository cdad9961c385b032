#include "omview/agent/dispatcher.h"

#include "omview/agent/agentlog.h"
#include "omview/agent/jobregistry.h"
#include "omview/agent/localnode.h"
#include "omview/agent/migrator.h"
#include "omview/agent/processcontrol.h"
#include "omview/agent/subscriptionhub.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <algorithm>
#include <cerrno>
#include <memory>
#include <omview/hpc/hpcbackend.h>
#include <omview/peers/nodemap.h>
#include <omview/protocol/json.h>
#include <omview/protocol/settingschange.h>

using namespace Qt::StringLiterals;

namespace omview::agent {

namespace {

RpcError hpcRefusal(const hpc::HpcError &e) {
    return RpcError(ErrorCode::HpcRefused, e.toString(),
                    QJsonObject{{u"errno"_s, e.errnum}, {u"file"_s, e.file}});
}

// The backend's ESRCH for a pid it does not track is the API's "no such process".
RpcError pidRefusal(const hpc::HpcError &e, std::int32_t pid) {
    if (e.errnum == ESRCH)
        return RpcError(ErrorCode::NoSuchProcess, u"no process %1 tracked by /proc/hpc"_s.arg(pid),
                        QJsonObject{{u"pid"_s, pid}});
    return hpcRefusal(e);
}

template<class T> Result<QJsonValue> encoded(const hpc::HpcResult<T> &r) {
    if (!r)
        return std::unexpected(hpcRefusal(r.error()));
    return toJson(*r);
}

QJsonObject nodeData(NodeId node) {
    return QJsonObject{{u"node"_s, static_cast<qint64>(node)}};
}

// A forwarded result that does not decode: the peer is broken, which forwarding reports.
RpcError badAnswer(NodeId node, const ProtocolError &e) {
    return RpcError(ErrorCode::ForwardingFailed,
                    u"node %1 answered a malformed result: %2"_s.arg(node).arg(e.toString()),
                    nodeData(node));
}

// Asks @node for @method and decodes its answer as a T.
template<class T>
void forwardTyped(PeerLink &peers, NodeId node, QLatin1StringView method, const QJsonObject &params,
                  Reply<T> done) {
    peers.forward(node, method, params, [node, done = std::move(done)](Result<QJsonValue> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        auto v = fromJson<T>(*r);
        if (!v)
            return done(std::unexpected(badAnswer(node, v.error())));
        done(std::move(*v));
    });
}

// The params of a change for the log, cut short: a map.set text can be 64 KiB.
QString compact(const QJsonValue &v) {
    constexpr qsizetype Shown = 200;
    if (!v.isObject())
        return QString();
    const QString text =
        QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return text.size() > Shown ? text.left(Shown) + u"…"_s : text;
}

} // namespace

Dispatcher::Dispatcher(LocalNode &local, hpc::HpcBackend &backend, PeerLink &peers, QObject *parent)
    : QObject(parent)
    , m_local(local)
    , m_backend(backend)
    , m_peers(peers) {}

template<class P, Result<QJsonValue> (Dispatcher::*Handler)(const P &)>
Dispatcher::Method Dispatcher::method(QLatin1StringView name, bool changes) {
    Runner run = [name](Dispatcher &d, const CallContext &context, const QJsonValue &params,
                        Completion &done) {
        // Decoded in full first: a request with any bad parameter is refused here, whichever
        // node it is for.
        const auto decoded = decodeParams<P>(params);
        if (!decoded)
            return done(std::unexpected(decoded.error()));
        if (!d.isLocal(decoded->node))
            return d.forward(context, *decoded->node, name, params, std::move(done));
        done((d.*Handler)(*decoded));
    };
    return Method{name, std::move(run), changes};
}

template<class P, void (Dispatcher::*Handler)(const P &, Completion)>
Dispatcher::Method Dispatcher::asyncMethod(QLatin1StringView name, bool changes) {
    Runner run = [name](Dispatcher &d, const CallContext &context, const QJsonValue &params,
                        Completion &done) {
        const auto decoded = decodeParams<P>(params);
        if (!decoded)
            return done(std::unexpected(decoded.error()));
        if (!d.isLocal(decoded->node))
            return d.forward(context, *decoded->node, name, params, std::move(done));
        (d.*Handler)(*decoded, std::move(done));
    };
    return Method{name, std::move(run), changes};
}

template<class P, void (Dispatcher::*Handler)(const CallContext &, const P &, Completion)>
Dispatcher::Method Dispatcher::callerMethod(QLatin1StringView name, bool changes) {
    Runner run = [name](Dispatcher &d, const CallContext &context, const QJsonValue &params,
                        Completion &done) {
        const auto decoded = decodeParams<P>(params);
        if (!decoded)
            return done(std::unexpected(decoded.error()));
        // A job belongs to the node its caller is on: who the caller is, only that node
        // knows, and that node keeps the job's output for it.
        if (!d.isLocal(decoded->node) || context.origin != CallContext::Origin::Client || !d.m_jobs)
            return done(std::unexpected(
                RpcError(ErrorCode::InvalidParams,
                         u"%1: only on the node the caller is connected to"_s.arg(name),
                         QJsonObject{{u"param"_s, u"node"_s}})));
        (d.*Handler)(context, *decoded, std::move(done));
    };
    return Method{name, std::move(run), changes};
}

template<class P, void (Dispatcher::*Handler)(const CallContext &, const P &, Completion)>
Dispatcher::Method Dispatcher::ownerMethod(QLatin1StringView name, bool changes) {
    Runner run = [name](Dispatcher &d, const CallContext &context, const QJsonValue &params,
                        Completion &done) {
        const auto decoded = decodeParams<P>(params);
        if (!decoded)
            return done(std::unexpected(decoded.error()));
        if (!d.isLocal(decoded->node)) {
            // Another node cannot tell whose request it passes on: an unprivileged caller
            // asks the node the process belongs to, which can.
            if (context.origin == CallContext::Origin::Client && context.caller.uid != 0)
                return done(std::unexpected(RpcError(
                    ErrorCode::PermissionDenied,
                    u"%1 for another node: only root; others ask that node's agent"_s.arg(name))));
            return d.forward(context, *decoded->node, name, params, std::move(done));
        }
        (d.*Handler)(context, *decoded, std::move(done));
    };
    return Method{name, std::move(run), changes};
}

const QList<Dispatcher::Method> &Dispatcher::table() {
    static const QList<Method> all = {
        method<NodeParams, &Dispatcher::nodeStatus>(omview::methods::nodeStatus, false),
        method<NodeParams, &Dispatcher::clusterNodes>(omview::methods::clusterNodes, false),
        method<NodeParams, &Dispatcher::settingsGet>(omview::methods::settingsGet, false),
        method<SettingsSetParams, &Dispatcher::settingsSet>(omview::methods::settingsSet, true),
        asyncMethod<NodeParams, &Dispatcher::nodeExpel>(omview::methods::nodeExpel, true),
        asyncMethod<NodeParams, &Dispatcher::nodeBring>(omview::methods::nodeBring, true),
        method<NodeParams, &Dispatcher::mapGet>(omview::methods::mapGet, false),
        method<MapSetParams, &Dispatcher::mapSet>(omview::methods::mapSet, true),
        method<ProcListParams, &Dispatcher::procList>(omview::methods::procList, false),
        method<ProcSignalParams, &Dispatcher::procSignal>(omview::methods::procSignal, true),
        method<ProcReniceParams, &Dispatcher::procRenice>(omview::methods::procRenice, true),
        method<ProcLockParams, &Dispatcher::procLock>(omview::methods::procLock, true),
        ownerMethod<ProcMigrateParams, &Dispatcher::procMigrate>(omview::methods::procMigrate,
                                                                 true),
        callerMethod<ProcSpawnParams, &Dispatcher::procSpawn>(omview::methods::procSpawn, true),
        callerMethod<JobReadParams, &Dispatcher::jobRead>(omview::methods::jobRead, false),
        callerMethod<JobSignalParams, &Dispatcher::jobSignal>(omview::methods::jobSignal, true),
    };
    return all;
}

QStringList Dispatcher::methodNames() {
    QStringList names;
    for (const Method &m : table())
        names.append(m.name);
    return names;
}

bool Dispatcher::isLocal(std::optional<NodeId> node) const {
    return !node || (m_local.id() != 0 && *node == m_local.id());
}

void Dispatcher::call(const CallContext &context, const QString &method, const QJsonValue &params,
                      Completion done) {
    // The moves' own steps come from peer agents only, never from a client.
    if (method.startsWith(migrationMethods::prefix) &&
        context.origin == CallContext::Origin::Peer && m_migrator) {
        m_migrator->handlePeer(context.peer, method, params.toObject(), context.data,
                               std::move(done));
        return;
    }
    if (method.startsWith(jobMethods::prefix) && context.origin == CallContext::Origin::Peer &&
        m_jobs) {
        m_jobs->handlePeer(context.peer, method, params.toObject(), std::move(done));
        return;
    }
    // A `migrations` subscription to this node made through a peer reads on from its cursor.
    if (method == MigrationFeed::sinceMethod && context.origin == CallContext::Origin::Peer &&
        m_migrationFeed) {
        done(m_migrationFeed->answer(params.toObject()));
        return;
    }
    const auto &all = table();
    const auto it = std::ranges::find_if(all, [&](const Method &m) { return m.name == method; });
    if (it == all.end()) {
        done(std::unexpected(
            RpcError(ErrorCode::MethodNotFound, u"method not found: %1"_s.arg(method))));
        return;
    }
    if (!it->changes) {
        it->run(*this, context, params, done);
        return;
    }
    // Changes are logged with who asked and what came of it.
    Completion logged = [who = context.who, method, text = compact(params),
                         done = std::move(done)](Result<QJsonValue> r) {
        if (r)
            qCInfo(lcAgent).noquote() << who << method << text << "done";
        else
            qCInfo(lcAgent).noquote()
                << who << method << text << "refused:" << r.error().toString();
        done(std::move(r));
    };
    it->run(*this, context, params, logged);
}

void Dispatcher::forward(const CallContext &context, NodeId node, const QString &method,
                         const QJsonValue &params, Completion done) {
    // A peer forwards only to the node it means; passing a request on again could loop.
    if (context.origin == CallContext::Origin::Peer) {
        done(std::unexpected(RpcError(
            ErrorCode::NoSuchNode, u"node %1 is not this node (%2)"_s.arg(node).arg(m_local.id()),
            nodeData(node))));
        return;
    }
    qCDebug(lcAgent).noquote() << "forwarding" << method << "to node" << node;
    // A move takes as long as its images take to cross; the other requests are quick.
    constexpr int MoveTimeoutMs = 600'000;
    m_peers.forward(node, method, params.toObject(), std::move(done),
                    method == omview::methods::procMigrate ||
                            method == omview::methods::nodeExpel ||
                            method == omview::methods::nodeBring
                        ? MoveTimeoutMs
                        : -1);
}

void Dispatcher::readStatus(std::optional<NodeId> node, Reply<NodeStatus> done) {
    if (!isLocal(node))
        return forwardTyped<NodeStatus>(m_peers, *node, omview::methods::nodeStatus,
                                        toJson(NodeParams{node}), std::move(done));
    if (!m_local.hasSample())
        m_local.sample();
    done(m_local.status());
}

void Dispatcher::readCluster(std::optional<NodeId> node, Reply<QList<NodeRecord>> done) {
    if (!isLocal(node))
        return forwardTyped<QList<NodeRecord>>(m_peers, *node, omview::methods::clusterNodes,
                                               toJson(NodeParams{node}), std::move(done));
    done(m_peers.clusterTable());
}

void Dispatcher::readProcesses(std::optional<NodeId> node, const std::optional<QString> &user,
                               Reply<QList<ProcessInfo>> done) {
    if (!isLocal(node))
        return forwardTyped<QList<ProcessInfo>>(m_peers, *node, omview::methods::procList,
                                                toJson(ProcListParams{node, user}),
                                                std::move(done));
    done(processesOf(user));
}

void Dispatcher::readMigrations(NodeId node, const std::optional<MigrationCursor> &after,
                                Reply<MigrationPage> done) {
    m_peers.forward(node, MigrationFeed::sinceMethod, MigrationFeed::toJson(after),
                    [node, done = std::move(done)](Result<QJsonValue> r) {
                        if (!r)
                            return done(std::unexpected(r.error()));
                        auto page = MigrationFeed::pageFromJson(*r);
                        if (!page)
                            return done(std::unexpected(badAnswer(node, page.error())));
                        done(std::move(*page));
                    });
}

QList<ProcessInfo> Dispatcher::processesOf(const std::optional<QString> &user) {
    if (!m_local.hasSample())
        m_local.sample();
    QList<ProcessInfo> out;
    for (const ProcessInfo &p : m_local.processes()) {
        if (!user || p.user == *user)
            out.append(p);
    }
    return out;
}

Result<QJsonValue> Dispatcher::nodeStatus(const NodeParams &) {
    if (!m_local.hasSample())
        m_local.sample();
    return toJson(m_local.status());
}

Result<QJsonValue> Dispatcher::clusterNodes(const NodeParams &) {
    return toJsonArray(m_peers.clusterTable());
}

Result<QJsonValue> Dispatcher::settingsGet(const NodeParams &) {
    return encoded(m_backend.settings());
}

Result<QJsonValue> Dispatcher::settingsSet(const SettingsSetParams &p) {
    // Checked together with the node's current values (slowDecay >= fastDecay) before the
    // backend writes anything.
    const auto current = m_backend.settings();
    if (!current)
        return std::unexpected(hpcRefusal(current.error()));
    if (const auto merged = applyChange(*current, p.change); !merged)
        return std::unexpected(RpcError::invalidParams(merged.error()));
    const auto applied = m_backend.apply(p.change);
    if (!applied)
        return std::unexpected(hpcRefusal(applied.error()));
    if (p.change.mospe) {
        m_local.refreshIdentity();
        emit membershipChanged();
    }
    m_local.refreshSettings();
    return toJson(*applied);
}

// expel and bring answer once every process they sent off has moved or failed to, as the
// originals returned when done; what could not move is named with its reason.
void Dispatcher::nodeExpel(const NodeParams &, Completion done) {
    QList<pid_t> guests;
    if (auto g = m_backend.guests())
        for (const hpc::HpcGuest &each : std::as_const(*g))
            guests.append(pid_t(each.pid));
    if (auto r = m_backend.expel(); !r)
        return done(std::unexpected(hpcRefusal(r.error())));
    carryOut(guests, std::move(done));
}

void Dispatcher::nodeBring(const NodeParams &, Completion done) {
    QList<pid_t> away;
    if (auto procs = m_backend.procs())
        for (const hpc::HpcProcEntry &e : std::as_const(*procs))
            if (e.where != 0 && e.where != m_local.id())
                away.append(pid_t(e.pid));
    if (auto r = m_backend.bring(); !r)
        return done(std::unexpected(hpcRefusal(r.error())));
    carryOut(away, std::move(done));
}

void Dispatcher::carryOut(const QList<pid_t> &pids, Completion done) {
    struct Batch {
        QList<pid_t> waiting;
        QJsonArray moved, failed;
        Completion done;
        bool answered = false;
        void answerIfDone() {
            if (answered || !waiting.isEmpty())
                return;
            answered = true;
            done(QJsonObject{{u"moved"_s, moved}, {u"failed"_s, failed}});
        }
    };
    auto batch = std::make_shared<Batch>();
    batch->waiting = pids;
    batch->done = std::move(done);
    if (!m_migrator || pids.isEmpty()) {
        batch->waiting.clear();
        return batch->answerIfDone();
    }
    for (const pid_t pid : pids)
        m_migrator->waitFor(pid, [batch, pid](MoveOutcome r) {
            if (!batch->waiting.removeOne(pid))
                return;
            if (r)
                batch->moved.append(
                    QJsonObject{{u"pid"_s, qint64(pid)}, {u"node"_s, qint64(r->node)}});
            else
                batch->failed.append(QJsonObject{
                    {u"pid"_s, qint64(pid)},
                    {u"reason"_s, QString(migration::MigrationError::name(r.error().reason))},
                    {u"message"_s, r.error().message}});
            batch->answerIfDone();
        });
    // A request the queue dropped is never carried out: it is named, not waited for forever.
    QTimer::singleShot(BatchTimeoutMs, this, [batch] {
        for (const pid_t pid : std::as_const(batch->waiting))
            batch->failed.append(QJsonObject{
                {u"pid"_s, qint64(pid)},
                {u"reason"_s, u"internal"_s},
                {u"message"_s,
                 u"process %1 was not moved within %2 s"_s.arg(pid).arg(BatchTimeoutMs / 1000)}});
        batch->waiting.clear();
        batch->answerIfDone();
    });
}

Result<QJsonValue> Dispatcher::mapGet(const NodeParams &) {
    const auto text = m_backend.map();
    if (!text)
        return std::unexpected(hpcRefusal(text.error()));
    return toJson(MapText{*text});
}

Result<QJsonValue> Dispatcher::mapSet(const MapSetParams &p) {
    // The same parser as hpc.ko's, so the error names the line before anything is written.
    if (const auto parsed = peers::NodeMap::parse(p.text.toUtf8()); !parsed)
        return std::unexpected(
            RpcError(ErrorCode::InvalidParams, u"text: %1"_s.arg(parsed.error().toString()),
                     QJsonObject{{u"param"_s, u"text"_s},
                                 {u"line"_s, static_cast<qint64>(parsed.error().line)}}));

    if (const auto r = m_backend.setMap(p.text); !r) {
        RpcError e = hpcRefusal(r.error());
        if (r.error().line) {
            QJsonObject data = e.data.toObject();
            data.insert(u"line"_s, static_cast<qint64>(r.error().line));
            e.data = data;
        }
        return std::unexpected(e);
    }
    m_local.refreshIdentity();
    emit membershipChanged();
    return QJsonObject();
}

Result<QJsonValue> Dispatcher::procList(const ProcListParams &p) {
    return toJsonArray(processesOf(p.user));
}

Result<QJsonValue> Dispatcher::procSignal(const ProcSignalParams &p) {
    if (const auto e = sendSignal(p.pid, p.signal))
        return std::unexpected(*e);
    return QJsonObject();
}

Result<QJsonValue> Dispatcher::procRenice(const ProcReniceParams &p) {
    if (const auto e = renice(p.pid, p.nice))
        return std::unexpected(*e);
    return QJsonObject();
}

Result<QJsonValue> Dispatcher::procLock(const ProcLockParams &p) {
    if (const auto r = m_backend.setLock(p.pid, p.locked); !r)
        return std::unexpected(pidRefusal(r.error(), p.pid));
    return QJsonObject();
}

void Dispatcher::procMigrate(const CallContext &c, const ProcMigrateParams &p, Completion done) {
    if (!m_migrator)
        return done(std::unexpected(
            RpcError(ErrorCode::InternalError, u"this agent does not move processes"_s)));
    const pid_t pid = pid_t(p.pid);
    // As openMosix's migrate: root moves any process, others only their own (real or
    // effective UID theirs).
    if (c.origin == CallContext::Origin::Client && c.caller.uid != 0) {
        const auto owners = ownersOf(pid);
        if (owners && !owners->contains(c.caller.uid))
            return done(std::unexpected(
                RpcError(ErrorCode::PermissionDenied,
                         u"process %1 belongs to another user: only root may move it"_s.arg(pid),
                         QJsonObject{{u"pid"_s, qint64(pid)}})));
    }
    auto reply = [done, pid](MoveOutcome r) {
        if (!r)
            return done(std::unexpected(toRpcError(r.error(), pid)));
        done(toJson(MigrateResult{r->node, r->bytes, r->totalMs}));
    };
    switch (p.target.kind) {
    case MigrateTarget::Kind::Balance: {
        // The balancer picks the node and queues the request; the queue's move answers.
        if (auto queued = m_backend.migrate(pid, hpc::HpcTarget::balance()); !queued) {
            if (queued.error().errnum == EAGAIN)
                return done(std::unexpected(
                    toRpcError({migration::Reason::AlreadyThere,
                                u"the balancer keeps process %1 where it is"_s.arg(pid)},
                               pid)));
            return done(std::unexpected(pidRefusal(queued.error(), pid)));
        }
        m_migrator->waitFor(pid, reply);
        return;
    }
    case MigrateTarget::Kind::Home:
        return m_migrator->moveOwn(pid, 0, reply);
    case MigrateTarget::Kind::Node:
        return m_migrator->moveOwn(pid, p.target.node, reply);
    }
}

std::optional<QList<uid_t>> Dispatcher::ownersOf(pid_t pid) const {
    // A job of this node: whose it is (its init runs as root).
    if (m_jobs)
        if (const auto owner = m_jobs->ownerOf(pid))
            return QList<uid_t>{*owner};
    // A process here: its real and effective UIDs.
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("Uid:")) {
                const QList<QByteArray> ids = line.mid(4).simplified().split(' ');
                return QList<uid_t>{uid_t(ids.value(0).toUInt()), uid_t(ids.value(1).toUInt())};
            }
    // Away: the user its home's record names.
    if (const ProcessInfo *row = m_local.process(pid))
        return QList<uid_t>{uid_t(row->uid)};
    return std::nullopt; // no such process: the move says so
}

void Dispatcher::procSpawn(const CallContext &c, const ProcSpawnParams &p, Completion done) {
    m_jobs->spawn(c.caller, p, std::move(done));
}

void Dispatcher::jobRead(const CallContext &c, const JobReadParams &p, Completion done) {
    m_jobs->read(c.caller, p, std::move(done));
}

void Dispatcher::jobSignal(const CallContext &c, const JobSignalParams &p, Completion done) {
    m_jobs->signal(c.caller, p, std::move(done));
}

} // namespace omview::agent
