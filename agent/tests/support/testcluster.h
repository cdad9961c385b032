// Test support for the integration tests: a cluster of real omagentd processes started with
// lab/cluster/omcluster, each node in its own network and PID namespace.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <chrono>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace omview::integration {

// The error an expected holds, "" when it holds a value: the message of a QVERIFY2.
QString why(const auto &expected) {
    return expected ? QString() : QString(expected.error());
}

// The output of one finished command.
struct CommandResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString describe() const;
};

// Runs @program to completion (killing it after @timeout) and collects its output.
std::expected<CommandResult, QString> runCommand(const QString &program, const QStringList &args,
                                                 std::chrono::milliseconds timeout,
                                                 const QByteArray &input = {});

// Calls @check every @pollMs until it returns no reason to wait longer, or @timeoutMs pass.
// Returns the milliseconds it took, or the last reason given.
std::expected<qint64, QString>
waitUntil(int timeoutMs, const std::function<std::optional<QString>()> &check, int pollMs = 200);

// An omcluster state directory: brought up by up(), taken down (and checked to have left no
// namespace behind) by down() or the destructor, whatever the test did in between.
class TestCluster {
public:
    explicit TestCluster(QString stateDir);
    ~TestCluster();
    TestCluster(const TestCluster &) = delete;
    TestCluster &operator=(const TestCluster &) = delete;

    // Removes what an earlier run killed by a timeout may have left in the state directory.
    static std::expected<void, QString> clearStale(const QString &stateDir);

    std::expected<void, QString> up(int nodes, const QStringList &options = {});
    // Stops everything; an error when something (a namespace, a process) stayed behind.
    std::expected<void, QString> down();
    std::expected<void, QString> stop(int node);

    QString socket(int node) const;
    // Every node's socket, node 1 first.
    QStringList sockets() const;
    QString stateDir() const { return m_state; }
    QString agentLog(int node) const;

    // Starts @command inside @node (its network, PID and mount namespaces) in the background;
    // it runs until stopBackground() or down().
    std::expected<void, QString> startInNode(int node, const QStringList &command);
    // Starts @command as a job of @node (omcluster run: its own session, nothing inherited
    // from the test); its PID inside the node.
    std::expected<int, QString> run(int node, const QStringList &command);
    // Ends the background commands: the processes inside the node, then the nsenter parents.
    void stopBackground();

private:
    QString m_state;
    QString m_tag;
    bool m_up = false;
    int m_nodes = 0;
    std::vector<std::unique_ptr<QProcess>> m_background;
};

} // namespace omview::integration
