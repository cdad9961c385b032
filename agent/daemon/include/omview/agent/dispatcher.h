// The API's request methods: parameters decoded with the protocol's codecs, then this node's
// handler or, for another node, forwarding through the peer channel.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <omview/agent/peeraccess.h>
#include <omview/agent/peerlink.h>
#include <omview/protocol/jobs.h>
#include <omview/protocol/methods.h>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview::hpc {
class HpcBackend;
}

namespace omview::agent {

class JobRegistry;
class LocalNode;
class MigrationFeed;
class Migrator;
struct MigrationCursor;
struct MigrationPage;

// Who sent a request: a local client (through the socket) or a peer agent forwarding one.
struct CallContext {
    enum class Origin { Client, Peer };
    Origin origin = Origin::Client;
    QString who;         // for the log: "uid 1000 pid 4242", "peer 10.0.0.3"
    NodeId peer = 0;     // Origin::Peer: the authenticated node
    PeerIdentity caller; // Origin::Client: who is connected (SO_PEERCRED)
    QByteArray data;     // Origin::Peer: the bytes a data request carried (migration.put)
};

template<class T> using Reply = std::function<void(Result<T>)>;

// Runs the request methods of docs/protocol.md (all but the session's hello, subscribe and
// unsubscribe). Every parameter is validated before anything is done or forwarded.
// Completions of local requests run before call() returns; forwarded ones later, from the
// event loop.
class Dispatcher : public QObject {
    Q_OBJECT
public:
    Dispatcher(LocalNode &local, hpc::HpcBackend &backend, PeerLink &peers,
               QObject *parent = nullptr);

    static QStringList methodNames();

    // The migrator that proc.migrate and the peers' migration.* requests reach.
    void setMigrator(Migrator *migrator) { m_migrator = migrator; }
    // This node's migration events, for the `migrations` subscriptions here and the peers'.
    void setMigrationFeed(MigrationFeed *feed) { m_migrationFeed = feed; }
    // The jobs of this node: proc.spawn, job.* and the peers' jobhost.* reach them.
    void setJobs(JobRegistry *jobs) { m_jobs = jobs; }
    MigrationFeed *migrationFeed() const { return m_migrationFeed; }

    void call(const CallContext &context, const QString &method, const QJsonValue &params,
              Completion done);

    // Typed reads, for subscriptions: this node from its last sample, another node through
    // the peer channel.
    void readStatus(std::optional<NodeId> node, Reply<NodeStatus> done);
    void readCluster(std::optional<NodeId> node, Reply<QList<NodeRecord>> done);
    void readProcesses(std::optional<NodeId> node, const std::optional<QString> &user,
                       Reply<QList<ProcessInfo>> done);
    // Another node's migration events after @after (none but its cursor without one).
    void readMigrations(NodeId node, const std::optional<MigrationCursor> &after,
                        Reply<MigrationPage> done);

    // Whether @node means this node (absent, or this node's ID).
    bool isLocal(std::optional<NodeId> node) const;

signals:
    // map.set replaced the node map, or settings.set this node's ID: the cluster
    // membership is to be reloaded.
    void membershipChanged();

private:
    using Runner =
        std::function<void(Dispatcher &, const CallContext &, const QJsonValue &, Completion &)>;
    struct Method {
        QLatin1StringView name;
        Runner run;
        bool changes; // logged at info level
    };
    static const QList<Method> &table();
    template<class P, Result<QJsonValue> (Dispatcher::*Handler)(const P &)>
    static Method method(QLatin1StringView name, bool changes);
    template<class P, void (Dispatcher::*Handler)(const P &, Completion)>
    static Method asyncMethod(QLatin1StringView name, bool changes);
    // A method that forwards like asyncMethod but, run here, needs to know who calls.
    template<class P, void (Dispatcher::*Handler)(const CallContext &, const P &, Completion)>
    static Method ownerMethod(QLatin1StringView name, bool changes);
    // A method for the caller's own node only, that needs to know who calls (jobs).
    template<class P, void (Dispatcher::*Handler)(const CallContext &, const P &, Completion)>
    static Method callerMethod(QLatin1StringView name, bool changes);

    void forward(const CallContext &context, NodeId node, const QString &method,
                 const QJsonValue &params, Completion done);

    Result<QJsonValue> nodeStatus(const NodeParams &p);
    Result<QJsonValue> clusterNodes(const NodeParams &p);
    Result<QJsonValue> settingsGet(const NodeParams &p);
    Result<QJsonValue> settingsSet(const SettingsSetParams &p);
    void nodeExpel(const NodeParams &p, Completion done);
    void nodeBring(const NodeParams &p, Completion done);
    // Answers {moved: [{pid, node}], failed: [{pid, reason, message}]} once the queued moves of
    // @pids are over, or after BatchTimeoutMs.
    void carryOut(const QList<pid_t> &pids, Completion done);
    static constexpr int BatchTimeoutMs = 300'000;
    Result<QJsonValue> mapGet(const NodeParams &p);
    Result<QJsonValue> mapSet(const MapSetParams &p);
    Result<QJsonValue> procList(const ProcListParams &p);
    Result<QJsonValue> procSignal(const ProcSignalParams &p);
    Result<QJsonValue> procRenice(const ProcReniceParams &p);
    Result<QJsonValue> procLock(const ProcLockParams &p);
    void procMigrate(const CallContext &c, const ProcMigrateParams &p, Completion done);
    // The real and effective UID of @pid here, or the owner its away record names.
    std::optional<QList<uid_t>> ownersOf(pid_t pid) const;
    void procSpawn(const CallContext &c, const ProcSpawnParams &p, Completion done);
    void jobRead(const CallContext &c, const JobReadParams &p, Completion done);
    void jobSignal(const CallContext &c, const JobSignalParams &p, Completion done);

    QList<ProcessInfo> processesOf(const std::optional<QString> &user);

    LocalNode &m_local;
    hpc::HpcBackend &m_backend;
    PeerLink &m_peers;
    Migrator *m_migrator = nullptr;
    MigrationFeed *m_migrationFeed = nullptr;
    JobRegistry *m_jobs = nullptr;
};

} // namespace omview::agent
