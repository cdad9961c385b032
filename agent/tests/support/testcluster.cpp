#include "testcluster.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace omview::integration {

namespace {

constexpr auto OmclusterTimeout = 60s;

QString omcluster() {
    return QStringLiteral(OMCLUSTER_PATH);
}

// Names of the network namespaces omcluster made for the cluster tagged @tag.
std::expected<QStringList, QString> namespacesOf(const QString &tag) {
    const auto listed = runCommand(u"ip"_s, {u"netns"_s, u"list"_s}, 10s);
    if (!listed)
        return std::unexpected(listed.error());
    QStringList found;
    const QString prefix = u"omv%1-"_s.arg(tag);
    for (const QByteArray &line : listed->out.split('\n')) {
        const QString name = QString::fromUtf8(line).section(u' ', 0, 0);
        if (name.startsWith(prefix))
            found.append(name);
    }
    return found;
}

// The children of @pid (the process nsenter forked into the node's PID namespace).
QList<qint64> childrenOf(qint64 pid) {
    QFile f(u"/proc/%1/task/%1/children"_s.arg(pid));
    QList<qint64> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &word : f.readAll().simplified().split(' ')) {
        bool ok = false;
        const qint64 child = word.toLongLong(&ok);
        if (ok)
            out.append(child);
    }
    return out;
}

} // namespace

QString CommandResult::describe() const {
    return u"exit %1; stdout: %2; stderr: %3"_s.arg(exitCode).arg(QString::fromUtf8(out.trimmed()),
                                                                  QString::fromUtf8(err.trimmed()));
}

std::expected<CommandResult, QString> runCommand(const QString &program, const QStringList &args,
                                                 std::chrono::milliseconds timeout,
                                                 const QByteArray &input) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10'000))
        return std::unexpected(u"cannot start %1: %2"_s.arg(program, p.errorString()));
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(static_cast<int>(timeout.count()))) {
        p.kill();
        p.waitForFinished(5'000);
        return std::unexpected(u"%1 %2 did not finish within %3 ms"_s.arg(
            program, args.join(u' '), QString::number(timeout.count())));
    }
    CommandResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::expected<qint64, QString>
waitUntil(int timeoutMs, const std::function<std::optional<QString>()> &check, int pollMs) {
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const auto why = check();
        if (!why)
            return clock.elapsed();
        if (clock.elapsed() > timeoutMs)
            return std::unexpected(u"after %1 ms: %2"_s.arg(clock.elapsed()).arg(*why));
        QThread::msleep(static_cast<unsigned long>(pollMs));
    }
}

TestCluster::TestCluster(QString stateDir)
    : m_state(std::move(stateDir)) {}

TestCluster::~TestCluster() {
    if (m_up) {
        if (const auto d = down(); !d)
            qWarning("%s", qPrintable(d.error()));
    }
}

std::expected<void, QString> TestCluster::clearStale(const QString &stateDir) {
    if (!QFileInfo::exists(stateDir + u"/tag"_s))
        return {};
    qInfo("taking down a cluster left by an earlier run in %s", qPrintable(stateDir));
    const auto r = runCommand(omcluster(), {u"down"_s, stateDir}, OmclusterTimeout);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(u"omcluster down: "_s + r->describe());
    return {};
}

std::expected<void, QString> TestCluster::up(int nodes, const QStringList &options) {
    if (auto cleared = clearStale(m_state); !cleared)
        return cleared;
    // sun_path is 108 bytes; say so rather than let the agents fail obscurely.
    if (socket(nodes).toLocal8Bit().size() >= 108)
        return std::unexpected(
            u"state directory %1 is too deep for Unix socket paths"_s.arg(m_state));
    QStringList args{u"up"_s, m_state, QString::number(nodes), u"--agent"_s,
                     QStringLiteral(OMAGENTD_PATH)};
    args += options;
    const auto r = runCommand(omcluster(), args, OmclusterTimeout);
    m_up = QFileInfo::exists(m_state + u"/tag"_s);
    m_nodes = nodes;
    if (m_up) {
        QFile tag(m_state + u"/tag"_s);
        if (tag.open(QIODevice::ReadOnly))
            m_tag = QString::fromUtf8(tag.readAll().trimmed());
    }
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(u"omcluster up: "_s + r->describe());
    return {};
}

std::expected<void, QString> TestCluster::down() {
    stopBackground();
    if (!m_up)
        return {};
    m_up = false;
    const auto r = runCommand(omcluster(), {u"down"_s, m_state}, OmclusterTimeout);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(u"omcluster down: "_s + r->describe());
    if (QFileInfo::exists(m_state))
        return std::unexpected(u"omcluster down left %1 behind"_s.arg(m_state));
    const auto left = namespacesOf(m_tag);
    if (!left)
        return std::unexpected(left.error());
    if (!left->isEmpty())
        return std::unexpected(u"omcluster down left namespaces %1"_s.arg(left->join(u", "_s)));
    return {};
}

std::expected<void, QString> TestCluster::stop(int node) {
    const auto r =
        runCommand(omcluster(), {u"stop"_s, m_state, QString::number(node)}, OmclusterTimeout);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(u"omcluster stop: "_s + r->describe());
    return {};
}

QStringList TestCluster::sockets() const {
    QStringList all;
    for (int node = 1; node <= m_nodes; ++node)
        all.append(socket(node));
    return all;
}

QString TestCluster::socket(int node) const {
    return u"%1/n%2/omagentd.sock"_s.arg(m_state).arg(node);
}

QString TestCluster::agentLog(int node) const {
    QFile f(u"%1/n%2/agent.log"_s.arg(m_state).arg(node));
    if (!f.open(QIODevice::ReadOnly))
        return u"(no log: %1)"_s.arg(f.errorString());
    return QString::fromUtf8(f.readAll());
}

std::expected<void, QString> TestCluster::startInNode(int node, const QStringList &command) {
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->setStandardOutputFile(QProcess::nullDevice());
    p->start(omcluster(), QStringList{u"exec"_s, m_state, QString::number(node)} + command);
    if (!p->waitForStarted(10'000))
        return std::unexpected(u"cannot start omcluster exec: %1"_s.arg(p->errorString()));
    m_background.push_back(std::move(p));
    return {};
}

std::expected<int, QString> TestCluster::run(int node, const QStringList &command) {
    const auto r =
        runCommand(omcluster(), QStringList{u"run"_s, m_state, QString::number(node)} + command, 30s);
    if (!r)
        return std::unexpected(r.error());
    bool ok = false;
    const int pid = r->out.trimmed().toInt(&ok);
    if (r->exitCode != 0 || !ok)
        return std::unexpected(u"omcluster run: "_s + r->describe());
    return pid;
}

void TestCluster::stopBackground() {
    // omcluster execs nsenter, which forks the command into the node's PID namespace and
    // waits for it: end that child (the test's own process), and the parent follows.
    for (const auto &p : m_background) {
        if (p->state() == QProcess::NotRunning)
            continue;
        for (const qint64 child : childrenOf(p->processId()))
            ::kill(static_cast<pid_t>(child), SIGKILL);
        if (!p->waitForFinished(5'000)) {
            p->kill();
            p->waitForFinished(5'000);
        }
    }
    m_background.clear();
}

} // namespace omview::integration
