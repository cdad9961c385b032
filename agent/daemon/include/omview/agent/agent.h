// omagentd assembled from its configuration: backend, sampling, peers, dispatcher, socket.
#pragma once

#include <QObject>
#include <QString>
#include <expected>
#include <memory>
#include <omview/agent/config.h>
#include <omview/agent/starterror.h>
#include <omview/protocol/methods.h>

namespace omview::hpc {
class HpcBackend;
}

namespace omview::agent {

class AgentServer;
class Dispatcher;
class LocalNode;
class ClusterLink;
class JobHost;
class JobRegistry;
class Migrator;

// The whole agent in one object, so tests run it in-process exactly as omagentd does.
class Agent : public QObject {
    Q_OBJECT
public:
    // Opens the backend, loads the node map into it when it has none, sets this node's ID,
    // takes the first sample, joins the peers and listens on the socket.
    static std::expected<std::unique_ptr<Agent>, StartError> start(const AgentConfig &config,
                                                                   QObject *parent = nullptr);
    ~Agent() override;

    const AgentConfig &config() const { return m_config; }
    hpc::HpcBackend &backend() { return *m_backend; }
    LocalNode &local() { return *m_local; }
    Dispatcher &dispatcher() { return *m_dispatcher; }
    AgentServer &server() { return *m_server; }
    ClusterLink &cluster() { return *m_cluster; }
    Migrator &migrator() { return *m_migrator; }

    HelloResult hello() const;

private:
    explicit Agent(const AgentConfig &config, QObject *parent);
    std::expected<void, StartError> prepareBackend();

    AgentConfig m_config;
    std::unique_ptr<hpc::HpcBackend> m_backend;
    std::unique_ptr<LocalNode> m_local;
    std::unique_ptr<ClusterLink> m_cluster;
    std::unique_ptr<Migrator> m_migrator;
    std::unique_ptr<JobHost> m_jobHost;
    std::unique_ptr<JobRegistry> m_jobs;
    std::unique_ptr<Dispatcher> m_dispatcher;
    std::unique_ptr<AgentServer> m_server;
};

} // namespace omview::agent
