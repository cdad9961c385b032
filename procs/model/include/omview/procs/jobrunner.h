// Runs a RunRequest through the console's agent: proc.spawn for each instance, then job.read
// (long polls) until each one ended, passing on where it started, what it writes, where it
// moves and how it ends. The run-program wizard shows this; it holds no widgets itself.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <chrono>
#include <omview/procs/runrequest.h>
#include <omview/protocol/jobs.h>
#include <omview/protocol/types.h>

namespace omview {
class AgentClient;
} // namespace omview

namespace omview::procs {

class JobRunner : public QObject {
    Q_OBJECT

public:
    enum class State { Waiting, Starting, Running, Ended, Failed };
    Q_ENUM(State)

    struct Instance {
        NodeId target = 0; // the node asked for, 0 when the agents choose
        State state = State::Waiting;
        QString job;          // the job's ID, once started
        std::int32_t pid = 0; // its PID at home
        NodeId node = 0;      // where it runs (ran)
        int exitCode = 0;
        int signal = 0;     // non-zero when a signal ended it
        QString error;      // why it failed (State::Failed)
        qint64 outRead = 0; // bytes of stdout and stderr received
        qint64 errRead = 0;
    };

    // Each job.read waits this long at most for news before the agent answers.
    static constexpr std::chrono::milliseconds ReadWait{10'000};

    // @client (not owned) is the console's connection; the jobs' home is its node.
    explicit JobRunner(AgentClient *client, QObject *parent = nullptr);
    ~JobRunner() override;

    // Starts every instance of @request (once; a second call does nothing). Check
    // request.problem() first: the agent refuses what it names.
    void start(const RunRequest &request);
    // Sends @signal (job.signal) to every instance that runs.
    void signalAll(int signal);

    qsizetype instanceCount() const { return m_instances.size(); }
    const Instance &instance(qsizetype i) const { return m_instances.at(i); }
    // Every instance ended or failed (also true before start()).
    bool isFinished() const;

signals:
    void started(int instance, const omview::SpawnResult &job);
    // The balancer (or the user) moved it: it runs on @node now.
    void moved(int instance, omview::NodeId node);
    // What it wrote since the last time, in order within each stream.
    void output(int instance, const QByteArray &stdoutData, const QByteArray &stderrData);
    void ended(int instance, int exitCode, int signal);
    // It could not start, or the console lost track of it (it may run on).
    void failed(int instance, const QString &message);
    // The last instance ended or failed.
    void finished();

private:
    void spawn(int i, const QJsonObject &params);
    void read(int i);
    void fail(int i, const QString &message);
    void settle();

    QPointer<AgentClient> m_client;
    QList<Instance> m_instances;
    bool m_started = false;
};

} // namespace omview::procs
