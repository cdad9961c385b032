// The jobs that run on this node, whichever node is their home: their stdout and stderr pipes
// and their status pipe (docs/migration.md, "Jobs"). Output is read here and sent to the home
// node in order, each piece tagged with its offset in the stream, so that the home puts the
// pieces of every node the job ran on together with no gap and no repeat. A job that moves
// takes its pipes along: the source stops reading before criu dumps (what is in the pipe then
// travels in the images), the target makes new pipes that criu restores the job onto, and
// reads them once the move is committed.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <expected>
#include <functional>
#include <memory>
#include <omview/migration/criu.h>
#include <omview/protocol/types.h>
#include <sys/types.h>

namespace omview::agent {

// What the job's program is and how it runs; the home node's proc.spawn fills it in.
struct JobLaunch {
    QString id;
    QString program;
    QStringList argv; // argv[0] first
    QString cwd;
    QStringList env;
    uid_t uid = 0;
    gid_t gid = 0;
    bool stopped = false; // stop before the program starts: it moves first
};

class JobHost : public QObject {
    Q_OBJECT
public:
    // Sends one message to the job's home node (jobhost.output); @acked(true) when taken.
    using Sink = std::function<void(NodeId home, const QJsonObject &message,
                                    std::function<void(bool)> acked)>;

    // @self says this node's ID (which may change with the node map).
    JobHost(std::function<NodeId()> self, QString initProgram, Sink sink,
            QObject *parent = nullptr);
    ~JobHost() override;

    // omjobinit: next to omagentd, else where it is installed; OMVIEW_JOBINIT overrides.
    static QString defaultInitProgram();

    // Starts a job of @home here. The PID is that of the job's init as this node sees it.
    std::expected<pid_t, QString> spawn(NodeId home, const JobLaunch &launch);

    bool hosts(pid_t pid) const;
    // The init of the job @pid belongs to (itself when it is one), 0 when it is in none:
    // a job moves whole, whichever of its processes the balancer picked.
    pid_t rootOf(pid_t pid, const QString &procRoot) const;
    QString jobOf(pid_t pid) const;
    pid_t pidOf(const QString &job) const;
    // Sends @signal to the job; false when it does not run here (or is moving).
    bool signal(const QString &job, int signal);

    // Source of a move: stop reading @pid's pipes, and say what the target needs.
    QJsonObject freeze(pid_t pid);
    // The move failed: read again, as if nothing happened.
    void thaw(pid_t pid);
    // The move is committed: the job runs elsewhere now.
    void release(pid_t pid);

    // Target of a move: new pipes for the job @description (from freeze()).
    std::expected<QList<migration::InheritedPipe>, QString>
    prepareArrival(const QJsonObject &description);
    // criu restored it as @pid; its pipes wait until commit.
    void arrived(const QString &job, pid_t pid);
    // Committed: the job runs here, its pipes are read.
    void start(const QString &job);
    // The move was called off: its pipes go.
    void abandon(const QString &job);

private:
    struct Job;
    struct Stream;
    void watch(Job *job);
    void readable(Job *job, Stream *stream);
    void readStatus(Job *job);
    void pump(Job *job);
    void maybeEnd(Job *job);
    void drop(Job *job);
    bool alive(const Job *job, const QString &id) const;

    std::function<NodeId()> m_self;
    QString m_init;
    Sink m_sink;
    QHash<QString, Job *> m_jobs;     // running or frozen here
    QHash<QString, Job *> m_arriving; // restored, not yet committed
    QList<Job *> m_leaving;           // moved away, still sending what was read here
};

} // namespace omview::agent
