// The jobs whose home is this node (docs/protocol.md, proc.spawn and job.*): where each was
// started and runs now, its output as the nodes it ran on sent it, put back in order, and how
// it ended. Clients start a job here and read it; the nodes that host it write to it.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <omview/agent/peeraccess.h>
#include <omview/agent/peerlink.h>
#include <omview/protocol/jobs.h>
#include <sys/types.h>

namespace omview::hpc {
class HpcBackend;
}

namespace omview::agent {

class JobHost;
class LocalNode;
class Migrator;

namespace jobMethods {
inline constexpr QLatin1StringView prefix{"jobhost."};
inline constexpr QLatin1StringView output{"jobhost.output"}; // host → home: output, end
inline constexpr QLatin1StringView kill{"jobhost.kill"};     // home → host: a signal
} // namespace jobMethods

// The node a job starts on, from the candidates the caller allows and the cluster table:
// the least loaded of those up that take guests (this node always takes its own). Empty
// when none can; `anywhere` then widens the choice to every node.
std::optional<NodeId> choosePlacement(const JobPlacement &where, bool anywhere, NodeId self,
                                      const QList<NodeRecord> &cluster);

class JobRegistry : public QObject {
    Q_OBJECT
public:
    // Output kept for a reader per stream; beyond it the hosts wait (the job blocks).
    static constexpr qint64 BufferLimit = 1 << 20;
    // A job nobody read for this long runs on with its output thrown away.
    static constexpr int DetachAfterMs = 30'000;

    JobRegistry(LocalNode &local, hpc::HpcBackend &backend, PeerLink &peers, JobHost &host,
                Migrator &migrator, QObject *parent = nullptr);
    ~JobRegistry() override;

    void spawn(const PeerIdentity &caller, const ProcSpawnParams &p, Completion done);
    void read(const PeerIdentity &caller, const JobReadParams &p, Completion done);
    void signal(const PeerIdentity &caller, const JobSignalParams &p, Completion done);

    // A host's jobhost.output (this node's own host too).
    void deliver(NodeId from, const QJsonObject &message, std::function<void(bool)> taken);
    // A peer's request for the jobs it hosts (jobhost.kill).
    void handlePeer(NodeId from, const QString &method, const QJsonObject &params, Completion done);

    // The user a job whose init has PID @pid here belongs to (its init runs as root).
    std::optional<uid_t> ownerOf(pid_t pid) const;

private:
    struct Job;
    struct Stream;
    Job *find(const PeerIdentity &caller, const QString &id, Completion &done);
    // Waits (up to a few seconds) until the job's init leads its session, then moves it.
    void place(const QString &id, NodeId target, bool anywhere, Completion done,
               qint64 waitedMs = 0);
    void answerReaders(Job *job);
    QJsonObject output(Job *job, qint64 outOffset, qint64 errOffset);
    void sendSignal(const QString &id, int signal, int attempt, Completion done);
    void release(Job *job);
    void forget(const QString &id);

    LocalNode &m_local;
    hpc::HpcBackend &m_backend;
    PeerLink &m_peers;
    JobHost &m_host;
    Migrator &m_migrator;
    QHash<QString, Job *> m_jobs;
    quint64 m_next = 1;
};

} // namespace omview::agent
