#include "logging.h"

#include <QFuture>
#include <omview/procs/jobrunner.h>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/jobs.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

JobRunner::JobRunner(AgentClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

// The jobs run on: a job nobody reads runs to its end with its output dropped (proc.spawn).
JobRunner::~JobRunner() = default;

bool JobRunner::isFinished() const {
    for (const Instance &in : m_instances)
        if (in.state != State::Ended && in.state != State::Failed)
            return false;
    return true;
}

void JobRunner::start(const RunRequest &request) {
    if (m_started)
        return;
    m_started = true;
    const qsizetype count = request.instanceCount();
    for (qsizetype i = 0; i < count; ++i) {
        Instance in;
        in.target = request.instanceNode(i);
        m_instances.append(in);
    }
    // All at once: each waits for its own move, and the moves run side by side.
    for (int i = 0; i < int(count); ++i)
        spawn(i, request.toSpawnParams(i));
}

void JobRunner::spawn(int i, const QJsonObject &params) {
    if (!m_client)
        return fail(i, tr("Not connected to an agent."));
    m_instances[i].state = State::Starting;
    // A job placed elsewhere starts only once it moved there: allow for a big move.
    m_client->call(QString(methods::procSpawn), params, AgentClient::MigrateTimeout)
        .then(this, [this, i](Result<QJsonValue> r) {
            // The agent's message names the node when the job was meant for one.
            if (!r)
                return fail(i, tr("Could not start: %1").arg(r.error().message));
            const auto job = fromJson<SpawnResult>(*r);
            if (!job)
                return fail(
                    i, tr("The agent's answer makes no sense: %1").arg(job.error().toString()));
            Instance &in = m_instances[i];
            in.state = State::Running;
            in.job = job->job;
            in.pid = job->pid;
            in.node = job->node;
            qCInfo(lcProcsModel).noquote()
                << "job" << in.job << "started on node" << in.node << "pid" << in.pid;
            emit started(i, *job);
            read(i);
        });
}

void JobRunner::read(int i) {
    if (!m_client)
        return fail(i, tr("The connection to the agent is closed; the job runs on."));
    const Instance &current = m_instances.at(i);
    JobReadParams p;
    p.job = current.job;
    p.stdoutOffset = current.outRead;
    p.stderrOffset = current.errRead;
    p.waitMs = std::uint32_t(ReadWait.count());
    // The agent holds the call for up to waitMs: the timeout is on top of that.
    m_client->call(QString(methods::jobRead), toJson(p), ReadWait + std::chrono::seconds(20))
        .then(this, [this, i](Result<QJsonValue> r) {
            Instance &in = m_instances[i];
            if (!r)
                return fail(
                    i,
                    tr("Lost job %1 (PID %2): %3").arg(in.job).arg(in.pid).arg(r.error().message));
            const auto o = fromJson<JobOutput>(*r);
            if (!o)
                return fail(i,
                            tr("The agent's answer makes no sense: %1").arg(o.error().toString()));
            const QByteArray out = QByteArray::fromBase64(o->out.toLatin1());
            const QByteArray err = QByteArray::fromBase64(o->err.toLatin1());
            in.outRead += out.size();
            in.errRead += err.size();
            if (o->runsOn != 0 && o->runsOn != in.node) {
                in.node = o->runsOn;
                emit moved(i, in.node);
            }
            if (!out.isEmpty() || !err.isEmpty())
                emit output(i, out, err);
            if (!o->ended)
                return read(i);
            in.state = State::Ended;
            in.exitCode = o->exitCode;
            in.signal = o->signal;
            qCInfo(lcProcsModel).noquote()
                << "job" << in.job << "ended: exit" << in.exitCode << "signal" << in.signal;
            emit ended(i, in.exitCode, in.signal);
            settle();
        });
}

void JobRunner::signalAll(int signal) {
    if (!m_client)
        return;
    for (const Instance &in : std::as_const(m_instances)) {
        if (in.state != State::Running)
            continue;
        JobSignalParams p;
        p.job = in.job;
        p.signal = signal;
        m_client->call(QString(methods::jobSignal), toJson(p))
            .then(this, [job = in.job](Result<QJsonValue> r) {
                if (!r)
                    qCInfo(lcProcsModel).noquote()
                        << "signal to job" << job << "refused:" << r.error().message;
            });
    }
}

void JobRunner::fail(int i, const QString &message) {
    Instance &in = m_instances[i];
    in.state = State::Failed;
    in.error = message;
    qCInfo(lcProcsModel).noquote() << "job instance" << i << "failed:" << message;
    emit failed(i, message);
    settle();
}

void JobRunner::settle() {
    if (isFinished())
        emit finished();
}

} // namespace omview::procs
