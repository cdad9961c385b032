// Moves processes between nodes with criu (docs/migration.md). The source dumps the process
// tree leaving it stopped, streams the images to the target over the peer channel, the
// target restores them stopped, and only when the target holds the process does the source
// drop its copy and tell the target to let it run: at no moment does it run on two nodes.
// Every failure before that point resumes it at the source and says why.
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>
#include <expected>
#include <functional>
#include <omview/agent/peerlink.h>
#include <omview/hpc/hpctypes.h>
#include <omview/migration/imagestore.h>
#include <omview/migration/migrationerror.h>
#include <omview/protocol/types.h>
#include <sys/types.h>

namespace omview::hpc {
class HpcBackend;
}

namespace omview::agent {

class JobHost;
class LocalNode;

// The wire names of the peer methods; only peers may call them.
namespace migrationMethods {
inline constexpr QLatin1StringView prefix{"migration."};
inline constexpr QLatin1StringView start{"migration.start"};     // move a process running there
inline constexpr QLatin1StringView prepare{"migration.prepare"}; // target: make room
inline constexpr QLatin1StringView put{"migration.put"};         // target: one image chunk
inline constexpr QLatin1StringView restore{"migration.restore"}; // target: restore, stopped
inline constexpr QLatin1StringView commit{"migration.commit"};   // target: let it run
inline constexpr QLatin1StringView abort{"migration.abort"};     // target: drop it
inline constexpr QLatin1StringView where{"migration.where"};     // home: it now runs there
inline constexpr QLatin1StringView status{"migration.status"};   // either: what became of it
} // namespace migrationMethods

// What a finished move reports.
struct MoveResult {
    NodeId node = 0; // where the process runs now
    qint64 bytes = 0;
    qint64 freezeMs = 0;
    qint64 totalMs = 0;
};
using MoveOutcome = std::expected<MoveResult, migration::MigrationError>;
using MoveDone = std::function<void(MoveOutcome)>;

// Whose process it is, when the caller knows better than this node's guest records.
struct MoveOrigin {
    NodeId home = 0;
    pid_t homePid = 0;
};

class Migrator : public QObject {
    Q_OBJECT
public:
    Migrator(LocalNode &local, hpc::HpcBackend &backend, PeerLink &peers, const QString &imageRoot,
             const QString &procRoot, QObject *parent = nullptr);
    ~Migrator() override;

    // Moves process @pid, which runs on this node (at home or as a guest), to @target
    // (0 = its home node).
    void move(pid_t pid, NodeId target, hpc::HpcReason reason, MoveDone done,
              MoveOrigin origin = {});
    // Moves @pid, tracked by this node as its home: here, or through the node it runs on.
    void moveOwn(pid_t pid, NodeId target, MoveDone done,
                 hpc::HpcReason reason = hpc::HpcReason::User);
    // A request from a peer agent (methods migration.*); @data: what a data request carried.
    void handlePeer(NodeId from, const QString &method, const QJsonObject &params,
                    const QByteArray &data, Completion done);
    // Carries out the requests the balancer (or admin/migrate, expel, bring) queued.
    void takeRequests();
    // After a restart: settles the moves a crash left half done (docs/migration.md).
    void recover();

    // The jobs of this node, whose pipes move with them.
    void setJobs(JobHost *jobs) { m_jobs = jobs; }

    bool busy(pid_t pid) const { return m_active.contains(pid); }
    // @done gets the outcome of the next queued request's move of @pid.
    void waitFor(pid_t pid, MoveDone done) { m_waiters[pid].append(std::move(done)); }

signals:
    // Each step of every move this node carries out as the source.
    void migrationEvent(const omview::MigrationEvent &event);

private:
    struct Move;
    void fail(Move *m, migration::MigrationError error, bool resume);
    void sendImages(Move *m);
    void pumpImages(Move *m);
    void restoreThere(Move *m);
    void commit(Move *m);
    void finish(Move *m, MoveOutcome outcome);
    void report(const Move *m, const QString &phase,
                const migration::MigrationError *error = nullptr);
    void resumeTree(const QList<pid_t> &tree) const;
    bool lockedHere(pid_t pid) const;
    ProcessInfo awayRow(pid_t pid) const;
    void killTree(const QList<pid_t> &tree);

    // Target side.
    void prepareWhenFree(NodeId from, const QJsonObject &p, Completion done, int attempt);
    Result<QJsonValue> prepare(NodeId from, const QJsonObject &p);
    Result<QJsonValue> put(const QJsonObject &p, const QByteArray &data);
    void restoreHere(const QJsonObject &p, Completion done);
    Result<QJsonValue> commitHere(const QJsonObject &p);
    Result<QJsonValue> abortHere(const QJsonObject &p);
    Result<QJsonValue> whereHere(NodeId from, const QJsonObject &p);
    Result<QJsonValue> statusHere(const QJsonObject &p);

    struct Incoming {
        NodeId from = 0;
        NodeId home = 0;
        pid_t homePid = 0;
        QList<pid_t> tree;
        QString job; // a job's ID: its PIDs are its own namespace's, its pipes are made here
    };
    bool readIncoming(const QString &id, Incoming &in) const;
    void askSource(const QString &id, const Incoming &in);
    void settleWaiting();
    QDateTime lastActivity(const QString &id) const;
    bool criuWorksOn(const QString &dir) const;
    void writeIncoming(const QString &id, const Incoming &in, const QByteArray &state) const;

    LocalNode &m_local;
    hpc::HpcBackend &m_backend;
    PeerLink &m_peers;
    JobHost *m_jobs = nullptr;
    migration::ImageStore m_store;
    QString m_procRoot;
    QHash<pid_t, Move *> m_active;
    QHash<pid_t, QList<MoveDone>> m_waiters; // proc.migrate balance: the queue's move of pid
    QTimer m_settle;
    // The PIDs killTree() killed and when (m_clock): a big process takes a while to die, and
    // a move straight back must wait for its PID rather than call it taken.
    QElapsedTimer m_clock;
    QHash<pid_t, qint64> m_killedAt;
};

RpcError toRpcError(const migration::MigrationError &e, pid_t pid);

} // namespace omview::agent
