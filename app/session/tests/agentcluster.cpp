#include "agentcluster.h"

#include <QTest>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/localsockettransport.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QTcpServer>
#include <QThread>
#include <QUdpSocket>
#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace omview::test {

namespace {

// A port free for TCP on loopback and UDP on every address, for all agents' peer ports.
quint16 freePort() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::Any, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

bool writeFile(const QString &path, const QByteArray &text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
        return false;
    f.close();
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace

AgentCluster::AgentCluster(int nodes)
    : m_nodes(nodes) {
    m_agents.resize(std::size_t(nodes));
}

AgentCluster::~AgentCluster() {
    for (auto &p : m_agents) {
        if (!p || p->state() == QProcess::NotRunning)
            continue;
        p->terminate();
        if (!p->waitForFinished(10000)) {
            p->kill();
            p->waitForFinished(5000);
        }
    }
}

QString AgentCluster::socketPath(int node) const {
    return m_dir.filePath(u"n%1.sock"_s.arg(node));
}

QString AgentCluster::mapText() const {
    return u"1 127.0.0.1 %1\n"_s.arg(m_nodes);
}

std::expected<void, QString> AgentCluster::start() {
    if (!m_dir.isValid())
        return std::unexpected(u"no temporary directory: %1"_s.arg(m_dir.errorString()));
    m_port = freePort();
    if (m_port == 0)
        return std::unexpected(u"no free port on loopback"_s);
    if (!writeFile(m_dir.filePath(u"cluster.key"_s),
                   "omview console test cluster key, 32 bytes or more\n") ||
        !writeFile(m_dir.filePath(u"openmosix.map"_s), mapText().toUtf8()))
        return std::unexpected(u"cannot write the key or the map in %1"_s.arg(m_dir.path()));
    for (int node = 1; node <= m_nodes; ++node) {
        if (auto started = start(node); !started)
            return started;
    }
    return {};
}

std::expected<void, QString> AgentCluster::start(int node) {
    auto &p = m_agents.at(std::size_t(node - 1));
    if (p && p->state() != QProcess::NotRunning)
        return {};
    p = std::make_unique<QProcess>();
    // Killed with the test, however it ends: a crashed test leaves no agents behind.
    p->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->setStandardOutputFile(m_dir.filePath(u"n%1.out"_s.arg(node)), QIODevice::Append);
    const QString port = QString::number(m_port);
    p->start(QStringLiteral(OMAGENTD_PATH),
             {u"--config"_s,       u"/dev/null"_s,
              u"--hpc"_s,          u"emulated"_s,
              u"--socket"_s,       socketPath(node),
              u"--admin-group"_s,  u"nogroup"_s,
              u"--cluster-key"_s,  m_dir.filePath(u"cluster.key"_s),
              u"--map"_s,          m_dir.filePath(u"openmosix.map"_s),
              u"--node-id"_s,      QString::number(node),
              u"--bind"_s,         u"127.0.0.%1"_s.arg(node),
              u"--gossip-port"_s,  port,
              u"--channel-port"_s, port,
              u"--interval"_s,     u"500"_s});
    // A build running next to the tests may be relinking omagentd this very moment.
    for (int attempt = 1; !p->waitForStarted(10000); ++attempt) {
        if (attempt == 5)
            return std::unexpected(
                u"cannot start omagentd for node %1: %2"_s.arg(node).arg(p->errorString()));
        QThread::sleep(1);
        p->start();
    }
    // Ready once the socket answers (a killed agent's stale socket file does not).
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (p->state() == QProcess::NotRunning)
            return std::unexpected(
                u"omagentd for node %1 exited with %2"_s.arg(node).arg(p->exitCode()));
        QLocalSocket probe;
        probe.connectToServer(socketPath(node));
        if (probe.waitForConnected(500)) {
            probe.disconnectFromServer();
            return {};
        }
        QThread::msleep(100);
    }
    return std::unexpected(
        u"omagentd for node %1 did not open %2"_s.arg(node).arg(socketPath(node)));
}

void AgentCluster::kill(int node) {
    auto &p = m_agents.at(std::size_t(node - 1));
    if (!p || p->state() == QProcess::NotRunning)
        return;
    p->kill();
    p->waitForFinished(10000);
}

bool AgentCluster::isRunning(int node) const {
    const auto &p = m_agents.at(std::size_t(node - 1));
    return p && p->state() != QProcess::NotRunning;
}

std::expected<std::unique_ptr<AgentClient>, QString>
AgentCluster::connectClient(int node, const QString &name, int timeoutMs) const {
    auto client =
        std::make_unique<AgentClient>(std::make_unique<LocalSocketTransport>(socketPath(node)), name);
    bool ready = false;
    QObject::connect(client.get(), &AgentClient::ready, [&ready] { ready = true; });
    client->connectToAgent();
    if (!QTest::qWaitFor([&ready] { return ready; }, timeoutMs))
        return std::unexpected(u"no hello from node %1's agent in %2 ms"_s.arg(node).arg(timeoutMs));
    return client;
}

} // namespace omview::test
