// One short-lived connection from a command-line tool to the local agent:
// connect, say hello, make calls one after another, each waited for.
#pragma once

#include <omview/protocol/agentclient.h>

#include <QEventLoop>
#include <QFutureWatcher>
#include <expected>
#include <memory>

namespace omview::cli {

// Where the tools find the agent: --socket, else $OMVIEW_SOCKET, else the default.
QString agentSocketPath(const QString &option);

class AgentSession {
public:
    // Connects and says hello; the error explains what failed and where.
    static std::expected<std::unique_ptr<AgentSession>, RpcError> open(const QString &socketPath,
                                                                      const QString &toolName);

    AgentClient &client() { return *m_client; }
    NodeId nodeId() const { return m_client->agent() ? m_client->agent()->node : 0; }

    // Runs the event loop until the call finishes.
    template<class T>
    Result<T> wait(QFuture<Result<T>> future)
    {
        if (!future.isFinished()) {
            QFutureWatcher<Result<T>> watcher;
            QEventLoop loop;
            QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
            watcher.setFuture(future);
            if (!future.isFinished())
                loop.exec();
        }
        return future.result();
    }

private:
    explicit AgentSession(std::unique_ptr<AgentClient> client) : m_client(std::move(client)) {}
    std::unique_ptr<AgentClient> m_client;
};

} // namespace omview::cli
