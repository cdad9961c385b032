#include "agentsession.h"

#include <omview/protocol/localsockettransport.h>

#include <QCoreApplication>

namespace omview::cli {

namespace {
constexpr auto DefaultSocket = "/run/omview/omagentd.sock";
}

QString agentSocketPath(const QString &option)
{
    if (!option.isEmpty())
        return option;
    const QString env = qEnvironmentVariable("OMVIEW_SOCKET");
    return env.isEmpty() ? QString::fromLatin1(DefaultSocket) : env;
}

std::expected<std::unique_ptr<AgentSession>, RpcError> AgentSession::open(const QString &socketPath,
                                                                         const QString &toolName)
{
    auto client = std::make_unique<AgentClient>(std::make_unique<LocalSocketTransport>(socketPath),
                                                toolName + QStringLiteral(" ")
                                                    + QCoreApplication::applicationVersion());
    QEventLoop loop;
    std::optional<RpcError> failure;
    QObject::connect(client.get(), &AgentClient::ready, &loop, &QEventLoop::quit);
    QObject::connect(client.get(), &AgentClient::connectionFailed, &loop,
                     [&](const RpcError &error) {
                         failure = error;
                         loop.quit();
                     });
    client->connectToAgent();
    if (client->state() != AgentClient::State::Ready && !failure)
        loop.exec();
    if (failure)
        return std::unexpected(RpcError(failure->code, QCoreApplication::translate("cli",
                                                           "cannot reach the agent at %1: %2")
                                                           .arg(socketPath, failure->message)));
    return std::unique_ptr<AgentSession>(new AgentSession(std::move(client)));
}

} // namespace omview::cli
