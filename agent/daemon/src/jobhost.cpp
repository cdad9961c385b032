#include "omview/agent/jobhost.h"

#include "omview/agent/agentlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QSocketNotifier>
#include <QTimer>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <omview/migration/movability.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace omview::agent {

namespace {

// Read at most this much per wakeup, and stop reading while this much waits to be sent:
// a job that writes faster than its home takes it blocks on its pipe, as on a slow terminal.
constexpr qsizetype ReadBytes = 64 * 1024;
constexpr qint64 QueueLimit = 256 * 1024;
constexpr int RetryMs = 1000;

qint64 inodeOf(int fd) {
    struct stat st{};
    return ::fstat(fd, &st) == 0 ? qint64(st.st_ino) : 0;
}

void closeFd(int &fd) {
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

} // namespace

struct JobHost::Stream {
    QLatin1StringView name;
    int fd = -1;
    int writeFd = -1; // an arrival's, until criu has restored onto it
    qint64 inode = 0;
    qint64 offset = 0; // bytes read from the stream so far, on every node
    bool eof = false;
    std::unique_ptr<QSocketNotifier> notifier;
};

struct JobHost::Job {
    QString id;
    NodeId home = 0;
    pid_t pid = 0;
    Stream out{"stdout"_L1, -1, -1, 0, 0, false, {}};
    Stream err{"stderr"_L1, -1, -1, 0, 0, false, {}};
    Stream status{"status"_L1, -1, -1, 0, 0, false, {}};
    QByteArray statusText;
    std::optional<int> exitCode;
    std::optional<int> signal;
    bool frozen = false;
    bool released = false; // moved away: only what is queued is still sent
    bool ended = false;
    struct Message {
        QJsonObject body;
        qint64 bytes = 0; // of output it carries
    };
    QList<Message> queue;
    qint64 queued = 0;
    bool sending = false;

    Stream *streams[3] = {&out, &err, &status};
    ~Job() {
        for (Stream *s : streams) {
            s->notifier.reset();
            closeFd(s->fd);
            closeFd(s->writeFd);
        }
    }
};

JobHost::JobHost(std::function<NodeId()> self, QString initProgram, Sink sink, QObject *parent)
    : QObject(parent)
    , m_self(std::move(self))
    , m_init(std::move(initProgram))
    , m_sink(std::move(sink)) {}

JobHost::~JobHost() {
    qDeleteAll(m_jobs);
    qDeleteAll(m_leaving);
    qDeleteAll(m_arriving);
}

QString JobHost::defaultInitProgram() {
    if (const QByteArray env = qgetenv("OMVIEW_JOBINIT"); !env.isEmpty())
        return QString::fromLocal8Bit(env);
    const QString beside = QCoreApplication::applicationDirPath() + u"/omjobinit"_s;
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStringLiteral(OMVIEW_LIBEXECDIR "/omjobinit");
}

std::expected<pid_t, QString> JobHost::spawn(NodeId home, const JobLaunch &l) {
    if (!QFileInfo(l.cwd).isDir())
        return std::unexpected(u"no directory %1 on node %2"_s.arg(l.cwd).arg(m_self()));
    int pipes[3][2] = {{-1, -1}, {-1, -1}, {-1, -1}};
    auto closeAll = [&] {
        for (auto &p : pipes) {
            closeFd(p[0]);
            closeFd(p[1]);
        }
    };
    for (auto &p : pipes)
        if (::pipe2(p, O_CLOEXEC) != 0) {
            const int e = errno;
            closeAll();
            return std::unexpected(
                u"cannot make a pipe: %1"_s.arg(QString::fromLocal8Bit(strerror(e))));
        }

    QList<QByteArray> args{QFile::encodeName(m_init), "--user",
                           QByteArray::number(l.uid) + ':' + QByteArray::number(l.gid)};
    if (l.stopped)
        args.append("--stopped");
    args.append(QFile::encodeName(l.program));
    for (const QString &a : l.argv)
        args.append(a.toLocal8Bit());
    QList<QByteArray> env;
    for (const QString &e : l.env)
        env.append(e.toLocal8Bit());
    QList<char *> argv, envp;
    for (QByteArray &a : args)
        argv.append(a.data());
    argv.append(nullptr);
    for (QByteArray &e : env)
        envp.append(e.data());
    envp.append(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipes[0][1], 1);
    posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 2);
    posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 3);
    // Nothing else of the agent's: whatever it inherited would travel with every dump.
    posix_spawn_file_actions_addclosefrom_np(&actions, 4);
    const QByteArray cwd = QFile::encodeName(l.cwd);
    posix_spawn_file_actions_addchdir_np(&actions, cwd.constData());
    pid_t outer = 0;
    const int rc = ::posix_spawn(&outer, argv.first(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    for (auto &p : pipes)
        closeFd(p[1]);
    if (rc != 0) {
        closeAll();
        return std::unexpected(
            u"cannot start %1: %2"_s.arg(m_init, QString::fromLocal8Bit(strerror(rc))));
    }
    // The first omjobinit only makes the namespace and its init, and says the init's PID.
    int status = 0;
    while (::waitpid(outer, &status, 0) < 0 && errno == EINTR) {
    }

    auto job = std::make_unique<Job>();
    job->id = l.id;
    job->home = home;
    job->out.fd = pipes[0][0];
    job->err.fd = pipes[1][0];
    job->status.fd = pipes[2][0];
    for (Stream *s : job->streams)
        s->inode = inodeOf(s->fd);
    // The line is written before the first process exits, so it is there now, unless the
    // namespace could not be made.
    char buf[256];
    const ssize_t n = ::read(job->status.fd, buf, sizeof(buf) - 1);
    if (n > 0)
        job->statusText = QByteArray(buf, n);
    for (const QByteArray &line : job->statusText.split('\n'))
        if (line.startsWith("pid "))
            job->pid = pid_t(line.mid(4).toInt());
    if (job->pid <= 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::unexpected(u"%1 failed (status %2)"_s.arg(m_init).arg(status));
    const qsizetype eol = job->statusText.indexOf("\n");
    job->statusText.remove(0, eol + 1);
    Job *j = job.release();
    m_jobs.insert(j->id, j);
    watch(j);
    qCInfo(lcAgent).noquote()
        << u"job %1 of node %2 started: %3 (PID %4)"_s.arg(j->id).arg(home).arg(l.program).arg(
               j->pid);
    return j->pid;
}

void JobHost::watch(Job *job) {
    for (Stream *s : job->streams) {
        if (s->fd < 0 || s->eof) {
            s->eof = true;
            continue;
        }
        ::fcntl(s->fd, F_SETFL, ::fcntl(s->fd, F_GETFL) | O_NONBLOCK);
        s->notifier = std::make_unique<QSocketNotifier>(s->fd, QSocketNotifier::Read);
        connect(s->notifier.get(), &QSocketNotifier::activated, this,
                [this, job, s] { s == &job->status ? readStatus(job) : readable(job, s); });
    }
    if (!job->statusText.isEmpty())
        QTimer::singleShot(0, this, [this, id = job->id] {
            if (Job *j = m_jobs.value(id))
                readStatus(j);
        });
}

bool JobHost::hosts(pid_t pid) const {
    return !jobOf(pid).isEmpty();
}

pid_t JobHost::rootOf(pid_t pid, const QString &procRoot) const {
    constexpr int MaxDepth = 64;
    for (int depth = 0; pid > 1 && depth < MaxDepth; ++depth) {
        if (hosts(pid))
            return pid;
        const auto stat = migration::readTaskStat(pid, procRoot);
        if (!stat)
            return 0;
        pid = stat->ppid;
    }
    return 0;
}

QString JobHost::jobOf(pid_t pid) const {
    for (const Job *j : m_jobs)
        if (j->pid == pid && !j->released)
            return j->id;
    return QString();
}

pid_t JobHost::pidOf(const QString &job) const {
    const Job *j = m_jobs.value(job);
    return j && !j->released ? j->pid : 0;
}

bool JobHost::signal(const QString &id, int signal) {
    Job *j = m_jobs.value(id);
    if (!j || j->released || j->frozen || j->ended)
        return false;
    return ::kill(j->pid, signal) == 0;
}

void JobHost::readable(Job *job, Stream *s) {
    QByteArray data(ReadBytes, Qt::Uninitialized);
    const ssize_t n = ::read(s->fd, data.data(), data.size());
    if (n < 0) {
        if (errno == EAGAIN || errno == EINTR)
            return;
    }
    if (n <= 0) {
        s->eof = true;
        s->notifier.reset();
        closeFd(s->fd);
        return maybeEnd(job);
    }
    data.truncate(n);
    job->queue.append({QJsonObject{{u"job"_s, job->id},
                                   {u"pid"_s, qint64(job->pid)},
                                   {u"stream"_s, QString(s->name)},
                                   {u"offset"_s, s->offset},
                                   {u"data"_s, QString::fromLatin1(data.toBase64())}},
                       n});
    s->offset += n;
    job->queued += n;
    if (job->queued > QueueLimit)
        for (Stream *each : job->streams)
            if (each->notifier && each != &job->status)
                each->notifier->setEnabled(false);
    pump(job);
}

void JobHost::readStatus(Job *job) {
    char buf[256];
    ssize_t n = 0;
    while ((n = ::read(job->status.fd, buf, sizeof(buf))) > 0)
        job->statusText.append(buf, n);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        job->status.eof = true;
        job->status.notifier.reset();
        closeFd(job->status.fd);
    }
    qsizetype eol = 0;
    while ((eol = job->statusText.indexOf('\n')) >= 0) {
        const QByteArray line = job->statusText.left(eol);
        job->statusText.remove(0, eol + 1);
        if (line.startsWith("exit "))
            job->exitCode = line.mid(5).toInt();
        else if (line.startsWith("signal "))
            job->signal = line.mid(7).toInt();
    }
    maybeEnd(job);
}

void JobHost::maybeEnd(Job *job) {
    if (job->ended || !job->out.eof || !job->err.eof || !job->status.eof)
        return;
    // An init that ended without a word was killed (kill -9 of its PID here).
    if (!job->exitCode && !job->signal)
        job->signal = SIGKILL;
    job->ended = true;
    QJsonObject end{{u"job"_s, job->id},
                    {u"pid"_s, qint64(job->pid)},
                    {u"ended"_s, true},
                    {u"stdoutEnd"_s, job->out.offset},
                    {u"stderrEnd"_s, job->err.offset}};
    if (job->signal)
        end.insert(u"signal"_s, *job->signal);
    else
        end.insert(u"exitCode"_s, *job->exitCode);
    qCInfo(lcAgent).noquote() << "job" << job->id << "ended:"
                              << (job->signal ? u"signal %1"_s.arg(*job->signal)
                                              : u"exit %1"_s.arg(*job->exitCode));
    job->queue.append({end, 0});
    pump(job);
    // The init is this agent's child (its subreaper, or criu's parent): reaped here.
    for (int delay : {0, 100, 1000, 5000})
        QTimer::singleShot(delay, this, [pid = job->pid] { ::waitpid(pid, nullptr, WNOHANG); });
}

void JobHost::pump(Job *job) {
    if (job->sending)
        return;
    if (job->queue.isEmpty()) {
        if (job->ended || job->released)
            drop(job);
        return;
    }
    job->sending = true;
    QJsonObject message = job->queue.first().body;
    message.insert(u"node"_s, qint64(m_self()));
    const QString id = job->id;
    m_sink(job->home, message, [this, job, id](bool taken) {
        // The job may have gone meanwhile (the host shut down): look it up again.
        if (!alive(job, id))
            return;
        job->sending = false;
        if (!taken) {
            QTimer::singleShot(RetryMs, this, [this, job, id] {
                if (alive(job, id))
                    pump(job);
            });
            return;
        }
        job->queued -= job->queue.takeFirst().bytes;
        if (job->queued <= QueueLimit && !job->frozen)
            for (Stream *each : job->streams)
                if (each->notifier)
                    each->notifier->setEnabled(true);
        pump(job);
    });
}

bool JobHost::alive(const Job *job, const QString &id) const {
    return m_jobs.value(id) == job || m_leaving.contains(job);
}

void JobHost::drop(Job *job) {
    if (m_jobs.value(job->id) == job)
        m_jobs.remove(job->id);
    m_leaving.removeOne(job);
    delete job;
}

QJsonObject JobHost::freeze(pid_t pid) {
    Job *j = m_jobs.value(jobOf(pid));
    if (!j)
        return QJsonObject();
    // Everything in the pipes now: the job is stopped, so nothing follows until it runs
    // again, here (thaw) or there.
    for (Stream *s : {&j->out, &j->err})
        while (s->fd >= 0 && !s->eof) {
            const qint64 before = s->offset;
            readable(j, s);
            if (s->offset == before)
                break;
        }
    if (j->status.fd >= 0)
        readStatus(j);
    j->frozen = true;
    for (Stream *s : j->streams)
        if (s->notifier)
            s->notifier->setEnabled(false);
    QJsonObject d{{u"job"_s, j->id},
                  {u"home"_s, qint64(j->home)},
                  {u"status"_s, QString::fromLatin1(j->statusText.toBase64())}};
    for (const Stream *s : j->streams)
        d.insert(s->name,
                 QJsonObject{{u"inode"_s, s->inode}, {u"offset"_s, s->offset}, {u"eof"_s, s->eof}});
    return d;
}

void JobHost::thaw(pid_t pid) {
    Job *j = m_jobs.value(jobOf(pid));
    if (!j)
        return;
    j->frozen = false;
    for (Stream *s : j->streams)
        if (s->notifier)
            s->notifier->setEnabled(j->queued <= QueueLimit || s == &j->status);
}

void JobHost::release(pid_t pid) {
    Job *j = m_jobs.value(jobOf(pid));
    if (!j)
        return;
    j->released = true;
    m_jobs.remove(j->id);
    m_leaving.append(j);
    for (Stream *s : j->streams) {
        s->notifier.reset();
        closeFd(s->fd);
    }
    pump(j); // what was read before the dump still goes home; then the record goes
}

std::expected<QList<migration::InheritedPipe>, QString>
JobHost::prepareArrival(const QJsonObject &d) {
    auto job = std::make_unique<Job>();
    job->id = d.value(u"job"_s).toString();
    job->home = NodeId(d.value(u"home"_s).toInteger());
    job->statusText = QByteArray::fromBase64(d.value(u"status"_s).toString().toLatin1());
    if (job->id.isEmpty() || job->home == 0)
        return std::unexpected(u"job: bad description"_s);
    QList<migration::InheritedPipe> inherit;
    for (Stream *s : job->streams) {
        const QJsonObject o = d.value(s->name).toObject();
        s->offset = o.value(u"offset"_s).toInteger();
        s->eof = o.value(u"eof"_s).toBool();
        if (s->eof)
            continue; // the job closed it before the move: nothing to restore onto
        int p[2];
        if (::pipe2(p, O_CLOEXEC) != 0)
            return std::unexpected(
                u"cannot make a pipe: %1"_s.arg(QString::fromLocal8Bit(strerror(errno))));
        s->fd = p[0];
        s->writeFd = p[1];
        s->inode = inodeOf(p[0]);
        inherit.append({o.value(u"inode"_s).toInteger(), p[1]});
    }
    delete m_arriving.take(job->id);
    Job *j = job.release();
    m_arriving.insert(j->id, j);
    return inherit;
}

void JobHost::arrived(const QString &id, pid_t pid) {
    Job *j = m_arriving.value(id);
    if (!j)
        return;
    j->pid = pid;
    for (Stream *s : j->streams)
        closeFd(s->writeFd); // criu gave them to the job
}

void JobHost::start(const QString &id) {
    Job *j = m_arriving.take(id);
    if (!j)
        return;
    m_jobs.insert(id, j);
    watch(j);
    // The home learns at once where its job runs now.
    j->queue.append({QJsonObject{{u"job"_s, j->id}, {u"pid"_s, qint64(j->pid)}}, 0});
    pump(j);
}

void JobHost::abandon(const QString &id) {
    delete m_arriving.take(id);
}

} // namespace omview::agent
