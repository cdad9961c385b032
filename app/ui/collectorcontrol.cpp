#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <omview/collector/collectorpaths.h>
#include <omview/console/collectorcontrol.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace omview {

CollectorControl::CollectorControl(QString controlSocket, QObject *parent)
    : QObject(parent)
    , m_socket(controlSocket.isEmpty() ? collector::defaultControlSocket()
                                       : std::move(controlSocket))
    , m_program(findProgram())
    , m_logFile(QDir(QStandardPaths::writableLocation(QStandardPaths::StateLocation))
                    .filePath(u"omcollectord.log"_s)) {
    m_poll.setInterval(5s);
    connect(&m_poll, &QTimer::timeout, this, &CollectorControl::refresh);
    m_poll.start();
    m_wait.setInterval(250ms);
    connect(&m_wait, &QTimer::timeout, this, [this] {
        if (m_state == State::Starting)
            waitForStart();
        else if (m_state == State::Stopping)
            waitForStop();
        else
            m_wait.stop();
    });
}

CollectorControl::~CollectorControl() = default;

QString CollectorControl::findProgram() {
    const QString name = u"omcollectord"_s;
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(name);
    if (QFileInfo(beside).isExecutable())
        return beside;
    if (QString onPath = QStandardPaths::findExecutable(name); !onPath.isEmpty())
        return onPath;
    return QStandardPaths::findExecutable(
        name, {QStringLiteral(OMVIEW_INSTALL_SBINDIR), u"/usr/sbin"_s, u"/usr/local/sbin"_s});
}

void CollectorControl::setPollInterval(std::chrono::milliseconds interval) {
    if (interval <= 0ms) {
        m_poll.stop();
        return;
    }
    m_poll.setInterval(interval);
    m_poll.start();
}

collector::ControlClient &CollectorControl::client() {
    if (!m_client)
        m_client = std::make_unique<collector::ControlClient>(m_socket);
    return *m_client;
}

void CollectorControl::setState(State state) {
    if (state == m_state)
        return;
    m_state = state;
    if (state != State::Running)
        m_status.reset();
    emit stateChanged(state);
}

QString CollectorControl::historyDatabase() const {
    if (m_state == State::Running && m_status && !m_status->database.isEmpty())
        return m_status->database;
    return m_database;
}

void CollectorControl::refresh() {
    if (m_statusPending)
        return;
    m_statusPending = true;
    client().status().then(this, [this](Result<collector::CollectorStatus> r) {
        m_statusPending = false;
        onStatus(r);
    });
}

void CollectorControl::onStatus(const Result<collector::CollectorStatus> &result) {
    if (result) {
        m_status = *result;
        if (m_state == State::Stopping)
            return; // still up: waitForStop() keeps asking
        if (m_state == State::Starting) {
            m_wait.stop();
            emit message(tr("Collector started (pid %1), writing %2")
                             .arg(result->pid)
                             .arg(result->database));
        }
        setState(State::Running);
        m_status = *result;
        return;
    }
    if (m_state == State::Starting)
        return; // not up yet: waitForStart() keeps asking
    if (m_state == State::Stopping) {
        m_wait.stop();
        setState(State::Stopped);
        emit message(tr("Collector stopped"));
        return;
    }
    qCDebug(lcUi) << "collector status:" << result.error().toString();
    setState(State::Stopped);
}

QStringList CollectorControl::arguments(const ConnectionProfile &profile) const {
    QStringList args{u"--control-socket"_s, m_socket};
    if (!m_database.isEmpty())
        args << u"--database"_s << m_database;
    if (profile.kind == ConnectionProfile::Kind::Ssh) {
        const SshTarget &t = profile.ssh;
        args << u"--ssh"_s << t.destination();
        if (!t.identityFile.isEmpty())
            args << u"--ssh-identity"_s << t.identityFile;
        if (!t.knownHostsFile.isEmpty())
            args << u"--ssh-known-hosts"_s << t.knownHostsFile;
        if (!t.agentSocket.isEmpty())
            args << u"--agent-socket"_s << t.agentSocket;
    } else {
        args << u"--agent-socket"_s << profile.socketPath;
    }
    return args;
}

void CollectorControl::start(const ConnectionProfile &profile) {
    if (m_state == State::Running) {
        emit message(tr("The collector is already running"));
        return;
    }
    if (m_state == State::Starting || m_state == State::Stopping)
        return;
    if (m_program.isEmpty() || !QFileInfo(m_program).isExecutable()) {
        const QString why = tr("Cannot start the collector: omcollectord was not found next to "
                               "omview, on PATH or in %1")
                                .arg(QStringLiteral(OMVIEW_INSTALL_SBINDIR));
        emit message(why);
        emit failed(why);
        return;
    }
    QDir().mkpath(QFileInfo(m_logFile).absolutePath());
    QProcess process;
    process.setProgram(m_program);
    process.setArguments(arguments(profile));
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(m_logFile, QIODevice::Append);
    process.setStandardErrorFile(m_logFile, QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        const QString why =
            tr("Cannot start the collector %1: %2").arg(m_program, process.errorString());
        emit message(why);
        emit failed(why);
        return;
    }
    qCInfo(lcUi) << "started" << m_program << process.arguments() << "pid" << pid << "log"
                 << m_logFile;
    m_startedPid = pid;
    m_waitUntil = std::chrono::steady_clock::now() + m_startTimeout;
    setState(State::Starting);
    emit message(tr("Starting the collector…"));
    m_wait.start();
}

QString CollectorControl::logTail() const {
    QFile log(m_logFile);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    if (log.size() > 4096)
        log.seek(log.size() - 4096);
    const QStringList lines = QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.constLast().trimmed();
}

void CollectorControl::waitForStart() {
    const bool alive = QFileInfo::exists(u"/proc/%1"_s.arg(m_startedPid));
    if (!alive || std::chrono::steady_clock::now() > m_waitUntil) {
        m_wait.stop();
        setState(State::Stopped);
        const QString tail = logTail();
        const QString why = !alive ? tr("The collector exited at start: %1")
                                         .arg(tail.isEmpty() ? tr("see %1").arg(m_logFile) : tail)
                                   : tr("The collector did not answer on %1 in time (its log: %2)")
                                         .arg(m_socket, m_logFile);
        emit message(why);
        emit failed(why);
        return;
    }
    refresh();
}

void CollectorControl::stop() {
    if (m_state == State::Stopped) {
        emit message(tr("The collector is not running"));
        return;
    }
    if (m_state == State::Stopping || m_state == State::Starting)
        return;
    client().stop().then(this, [this](Result<void> r) {
        if (!r) {
            const QString why = tr("Could not stop the collector: %1").arg(r.error().message);
            emit message(why);
            emit failed(why);
            refresh();
            return;
        }
        m_waitUntil = std::chrono::steady_clock::now() + m_startTimeout;
        setState(State::Stopping);
        m_wait.start();
    });
}

void CollectorControl::waitForStop() {
    if (std::chrono::steady_clock::now() > m_waitUntil) {
        m_wait.stop();
        const QString why = tr("The collector said it stops but still answers on %1").arg(m_socket);
        setState(State::Running);
        emit message(why);
        emit failed(why);
        return;
    }
    refresh();
}

void CollectorControl::checkpoint(const QString &label) {
    client()
        .checkpoint({label.trimmed(), {}})
        .then(this, [this](Result<collector::CheckpointResult> r) {
            if (!r) {
                const QString why = tr("Checkpoint failed: %1").arg(r.error().message);
                emit message(why);
                emit failed(why);
                emit checkpointDone(false);
                return;
            }
            const QString when = QDateTime::fromSecsSinceEpoch(r->time).toString(u"HH:mm:ss"_s);
            emit message(tr("Checkpoint %1 “%2” set at %3").arg(r->id).arg(r->label, when));
            emit checkpointDone(true);
        });
}

void CollectorControl::saveHistory(std::int64_t from, std::int64_t to, const QString &file,
                                   collector::SaveFormat format) {
    client()
        .save({from, to, file, format})
        .then(this, [this, file](Result<collector::SaveResult> r) {
            if (!r) {
                const QString why =
                    tr("Saving the history to %1 failed: %2").arg(file, r.error().message);
                emit message(why);
                emit failed(why);
                emit saveDone(false);
                return;
            }
            emit message(tr("History saved to %1 (%2 node rows, %3 process rows)")
                             .arg(r->files.join(u", "_s))
                             .arg(r->nodeRows)
                             .arg(r->processRows));
            emit saveDone(true);
        });
}

} // namespace omview
