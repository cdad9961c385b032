#include "omview/agent/agent.h"

#include "omview/agent/agentlog.h"
#include "omview/agent/agentserver.h"
#include "omview/agent/clusterlink.h"
#include "omview/agent/dispatcher.h"
#include "omview/agent/jobhost.h"
#include "omview/agent/jobregistry.h"
#include "omview/agent/localnode.h"
#include "omview/agent/migrator.h"
#include "omview/agent/subscriptionhub.h"

#include <sys/prctl.h>

#include <QFile>
#include <QNetworkInterface>
#include <omview/hpc/hpcbackend.h>
#include <omview/peers/nodemapfile.h>

using namespace Qt::StringLiterals;

#ifndef OMVIEW_VERSION
#error "OMVIEW_VERSION must be defined by the build"
#endif

namespace omview::agent {

Agent::Agent(const AgentConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config) {}

Agent::~Agent() {
    // Sessions first (they hold requests in flight), then the peers (their pending forwards
    // fail into guarded callbacks), then what everything else refers to.
    m_server.reset();
    m_cluster.reset();
    m_dispatcher.reset();
    m_jobs.reset();
    m_migrator.reset();
    m_jobHost.reset();
    m_local.reset();
    m_backend.reset();
}

std::expected<std::unique_ptr<Agent>, StartError> Agent::start(const AgentConfig &config,
                                                               QObject *parent) {
    std::unique_ptr<Agent> agent(new Agent(config, parent));

    auto backend = hpc::makeHpcBackend(config.hpc, config.hpcRoot, config.procRoot);
    if (!backend)
        return std::unexpected(
            StartError{u"cannot open /proc/hpc: %1"_s.arg(backend.error().toString()),
                       config.hpc == HpcMode::Proc});
    agent->m_backend = std::move(*backend);
    if (auto prepared = agent->prepareBackend(); !prepared)
        return std::unexpected(prepared.error());

    agent->m_local = std::make_unique<LocalNode>(*agent->m_backend, config.procRoot);
    agent->m_local->start(config.intervalMs);

    auto cluster = ClusterLink::create(config, *agent->m_local, *agent->m_backend);
    if (!cluster)
        return std::unexpected(cluster.error());
    agent->m_cluster = std::move(*cluster);

    // Processes restored here by criu become the agent's children when criu leaves them:
    // the agent reaps them, and they do not end up with init.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    agent->m_migrator = std::make_unique<Migrator>(*agent->m_local, *agent->m_backend,
                                                   *agent->m_cluster, config.imageDir,
                                                   config.procRoot);
    agent->m_dispatcher =
        std::make_unique<Dispatcher>(*agent->m_local, *agent->m_backend, *agent->m_cluster);
    agent->m_dispatcher->setMigrator(agent->m_migrator.get());
    // Jobs: those that run here (whatever their home), and those whose home this is.
    Agent *owner = agent.get();
    agent->m_jobHost = std::make_unique<JobHost>(
        [owner] { return owner->m_local->id(); }, JobHost::defaultInitProgram(),
        [owner](NodeId home, const QJsonObject &message, std::function<void(bool)> taken) {
            if (home == owner->m_local->id())
                return owner->m_jobs->deliver(home, message, std::move(taken));
            owner->m_cluster->forward(home, jobMethods::output, message,
                                      [taken](Result<QJsonValue> r) { taken(r.has_value()); });
        });
    agent->m_jobs = std::make_unique<JobRegistry>(*agent->m_local, *agent->m_backend,
                                                  *agent->m_cluster, *agent->m_jobHost,
                                                  *agent->m_migrator);
    agent->m_migrator->setJobs(agent->m_jobHost.get());
    agent->m_dispatcher->setJobs(agent->m_jobs.get());
    // Every connection's `migrations` subscriptions, and peers forwarding one, read this feed.
    auto *feed = new MigrationFeed(agent->m_dispatcher.get());
    agent->m_dispatcher->setMigrationFeed(feed);
    connect(agent->m_migrator.get(), &Migrator::migrationEvent, feed, &MigrationFeed::publish);
    agent->m_cluster->serve(*agent->m_dispatcher);
    ClusterLink *link = agent->m_cluster.get();
    // Queued: the request that changed membership (a forwarded setpe) gets its
    // reply out before reload() closes the peer channel it came on.
    connect(
        agent->m_dispatcher.get(), &Dispatcher::membershipChanged, link,
        [link] {
            if (auto reloaded = link->reload(); !reloaded)
                qCWarning(lcAgent).noquote() << reloaded.error();
        },
        Qt::QueuedConnection);
    Agent *self = agent.get();
    agent->m_server = std::make_unique<AgentServer>(
        *agent->m_dispatcher, PeerAccess(config.adminGroup), [self] { return self->hello(); });
    if (auto listening = agent->m_server->listen(config.socketPath); !listening)
        return std::unexpected(StartError{listening.error(), false});

    agent->m_migrator->recover();
    qCInfo(lcAgent).noquote() << "node" << agent->m_local->id() << "ready, /proc/hpc"
                              << agent->m_backend->kind() << "on" << config.socketPath;
    return agent;
}

std::expected<void, StartError> Agent::prepareBackend() {
    hpc::HpcBackend &backend = *m_backend;
    auto current = backend.map();
    if (!current)
        return std::unexpected(StartError{current.error().toString(), false});

    // Like openMosix's init script, the agent loads the node map when the node has none;
    // a map already in place (set by setpe or a previous run) is the operator's and stays.
    peers::NodeMap map;
    if (auto parsed = peers::NodeMap::parse(current->toUtf8()); parsed)
        map = *parsed;
    if (current->trimmed().isEmpty() && !m_config.discovery && QFile::exists(m_config.mapFile)) {
        auto read = peers::NodeMapFile::read(m_config.mapFile);
        if (!read)
            return std::unexpected(StartError{read.error().toString(), true});
        map = *read;
        if (auto set = backend.setMap(QString::fromUtf8(map.text())); !set)
            return std::unexpected(StartError{
                u"%1: /proc/hpc refused it: %2"_s.arg(m_config.mapFile, set.error().toString()),
                false});
        qCInfo(lcAgent).noquote()
            << u"loaded the node map from %1 (%2 nodes)"_s.arg(m_config.mapFile).arg(map.size());
    }

    const auto mospe = backend.nodeId();
    if (!mospe)
        return std::unexpected(StartError{mospe.error().toString(), false});
    NodeId id = m_config.nodeId;
    if (id == 0 && *mospe == 0 && !map.isEmpty()) {
        const auto found = map.localNode(QNetworkInterface::allAddresses());
        if (found)
            id = *found;
        else
            qCInfo(lcAgent).noquote() << "node map:" << found.error();
    }
    if (id != 0 && id != *mospe) {
        SettingsChange change;
        change.mospe = id;
        if (auto applied = backend.apply(change); !applied)
            return std::unexpected(StartError{
                u"node ID %1: %2"_s.arg(id).arg(applied.error().toString()), m_config.nodeId != 0});
        qCInfo(lcAgent).noquote() << "this is node" << id;
    } else if (*mospe == 0 && id == 0) {
        qCInfo(lcAgent).noquote() << "no node ID (not in the map, none configured): openMosix off";
    }
    return {};
}

HelloResult Agent::hello() const {
    HelloResult r;
    r.protocol = ProtocolVersion;
    r.agent = QStringLiteral("omagentd " OMVIEW_VERSION);
    r.node = m_local->id();
    r.capabilities.append(m_backend->kind() == u"proc" ? QString(capabilities::hpcModule)
                                                       : QString(capabilities::hpcEmulated));
    if (m_cluster->isClustered())
        r.capabilities.append(QString(capabilities::forward));
    r.capabilities.append(QString(capabilities::subscribe));
    return r;
}

} // namespace omview::agent
