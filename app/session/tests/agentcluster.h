// Test support: a small cluster of real omagentd processes (emulated /proc/hpc) on
// loopback, nodes 1..N on 127.0.0.1..N, one cluster key, each on its own socket.
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <expected>
#include <memory>
#include <vector>

namespace omview {
class AgentClient;
}

namespace omview::test {

// The agents run as child processes so a test can kill one and start it again,
// as a node that crashes and comes back.
class AgentCluster {
public:
    explicit AgentCluster(int nodes);
    ~AgentCluster();
    AgentCluster(const AgentCluster &) = delete;
    AgentCluster &operator=(const AgentCluster &) = delete;

    // Starts every agent and waits for their sockets.
    std::expected<void, QString> start();
    // Starts node `node` (1-based) again after kill(); waits for its socket.
    std::expected<void, QString> start(int node);
    // SIGKILL: the socket file stays behind, as after a crash.
    void kill(int node);
    bool isRunning(int node) const;

    int size() const { return m_nodes; }
    QString socketPath(int node) const;
    QString dir() const { return m_dir.path(); }
    // The node map every agent was given: "1 127.0.0.1 N".
    QString mapText() const;
    // A client of node @node's agent (1-based), connected and greeted, named @name in the
    // agent's log; why not after @timeoutMs.
    std::expected<std::unique_ptr<AgentClient>, QString>
    connectClient(int node, const QString &name, int timeoutMs = 20000) const;

private:
    int m_nodes;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::vector<std::unique_ptr<QProcess>> m_agents;
};

} // namespace omview::test
