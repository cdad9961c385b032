#include "logging.h"

#include <QCoreApplication>
#include <QPromise>
#include <QStringList>
#include <functional>
#include <memory>
#include <omview/console/clustercommands.h>
#include <omview/console/clustersession.h>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/settingschange.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

using NodeResult = ClusterCommands::NodeResult;
// One request to one node; a node's steps run in order and stop at the first error.
using Step = std::function<QFuture<Result<void>>()>;

template<class T> QFuture<Result<void>> discardValue(QFuture<Result<T>> future) {
    return future.then([](Result<T> r) -> Result<void> {
        if (!r)
            return std::unexpected(r.error());
        return {};
    });
}

template<class T> QFuture<T> finishedFuture(T value) {
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

QString nodeList(const QList<NodeId> &nodes) {
    QStringList ids;
    for (const NodeId id : nodes)
        ids.append(QString::number(id));
    return ids.join(u", "_s);
}

QString nodeError(NodeId node, const QString &message) {
    return ClusterCommands::tr("Node %1: %2").arg(node).arg(message);
}

void runSteps(QObject *context, QList<Step> steps, std::function<void(Result<void>)> finish) {
    if (steps.isEmpty()) {
        finish({});
        return;
    }
    const Step first = steps.takeFirst();
    first().then(context, [context, steps = std::move(steps),
                           finish = std::move(finish)](Result<void> r) mutable {
        if (!r)
            finish(std::move(r));
        else
            runSteps(context, std::move(steps), std::move(finish));
    });
}

// The results of one call over many nodes, finished when the last node answered.
struct Batch {
    QPromise<QList<NodeResult>> promise;
    QList<NodeResult> results;
    qsizetype left = 0;
    std::function<void(const QList<NodeResult> &)> onDone;

    void set(qsizetype i, const std::optional<QString> &error) {
        if (error)
            results[i].result = std::unexpected(*error);
        if (--left == 0)
            complete();
    }
    void complete() {
        if (onDone)
            onDone(results);
        promise.addResult(results);
        promise.finish();
    }
};

// Nodes IDs of a canonical node map ("ID ADDRESS COUNT" per line) contain `node`.
bool mapContains(const QString &map, NodeId node) {
    for (const QString &line : map.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList words = line.section(u'#', 0, 0).simplified().split(u' ');
        if (words.size() < 3)
            continue;
        bool ok1 = false, ok2 = false;
        const qint64 first = words.at(0).toLongLong(&ok1);
        const qint64 count = words.at(2).toLongLong(&ok2);
        if (ok1 && ok2 && node >= first && node < first + count)
            return true;
    }
    return false;
}

QString describeChange(const SettingsChange &c) {
    QStringList parts;
    const auto flag = [&](const char *name, const std::optional<bool> &v) {
        if (v)
            parts.append(*v ? ClusterCommands::tr("%1 on").arg(QLatin1StringView(name))
                            : ClusterCommands::tr("%1 off").arg(QLatin1StringView(name)));
    };
    const auto number = [&](const char *name, const std::optional<std::uint32_t> &v) {
        if (v)
            parts.append(u"%1 %2"_s.arg(QLatin1StringView(name)).arg(*v));
    };
    flag("block", c.block);
    flag("stay", c.stay);
    flag("lstay", c.lstay);
    flag("quiet", c.quiet);
    number("speed", c.speed);
    number("sspeed", c.sspeed);
    number("decay interval", c.decayInterval);
    number("slow decay", c.slowDecay);
    number("fast decay", c.fastDecay);
    if (c.mospe)
        parts.append(ClusterCommands::tr("ID %1").arg(*c.mospe));
    if (c.overheads)
        parts.append(ClusterCommands::tr("overheads"));
    return parts.join(u", "_s);
}

} // namespace

ClusterCommands::ClusterCommands(ClusterSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session) {}

QString ClusterCommands::summarize(const QString &action, const QList<NodeResult> &results) {
    QList<NodeId> ok;
    QStringList failed;
    for (const NodeResult &r : results) {
        if (r.result)
            ok.append(r.node);
        else
            failed.append(r.result.error());
    }
    QStringList parts;
    if (!ok.isEmpty())
        parts.append(ClusterCommands::tr("%1: done on node(s) %2", nullptr, int(ok.size()))
                         .arg(action, nodeList(ok)));
    if (!failed.isEmpty())
        parts.append(ClusterCommands::tr("%1 failed: %2").arg(action, failed.join(u"; "_s)));
    return parts.join(u"; "_s);
}

// Why a request for `node` cannot be sent now; nullopt when it can. The entry node is
// always reachable, even when it has left the cluster (setpe -off) and its table is empty.
static std::optional<QString> problemWith(const ClusterSession *session, NodeId node) {
    if (!session || session->state() != ClusterSession::State::Connected)
        return nodeError(node, ClusterCommands::tr("not connected to the cluster"));
    if (!session->hasNode(node) && session->entryNode() != node)
        return nodeError(node, ClusterCommands::tr("not in the cluster"));
    return std::nullopt;
}

// The `node` parameter for `node`: none for the entry node, whose agent then answers
// itself even when its ID changed (0 after setpe -off, where a request naming its old ID
// would be forwarded to nowhere).
static std::optional<NodeId> addressed(const ClusterSession *session, NodeId node) {
    if (session && session->entryNode() == node)
        return std::nullopt;
    return node;
}

QFuture<Result<Settings>> ClusterCommands::settings(NodeId node) {
    if (const auto why = problemWith(m_session, node))
        return finishedFuture<Result<Settings>>(std::unexpected(
            RpcError(ErrorCode::NoSuchNode, *why, QJsonObject{{u"node"_s, int(node)}})));
    return m_session->client()
        ->settings(addressed(m_session, node))
        .then([node](Result<Settings> r) {
            if (!r)
                return Result<Settings>(std::unexpected(
                    RpcError(r.error().code, nodeError(node, r.error().message), r.error().data)));
            return r;
        });
}

QFuture<QList<std::pair<NodeId, Result<Settings>>>>
ClusterCommands::settingsOf(QList<NodeId> nodes) {
    using Pair = std::pair<NodeId, Result<Settings>>;
    struct Gather {
        QPromise<QList<Pair>> promise;
        QList<Pair> results;
        qsizetype left = 0;
    };
    auto g = std::make_shared<Gather>();
    g->promise.start();
    auto future = g->promise.future();
    g->left = nodes.size();
    for (const NodeId node : nodes)
        g->results.append({node, std::unexpected(RpcError())});
    if (nodes.isEmpty()) {
        g->promise.addResult(g->results);
        g->promise.finish();
        return future;
    }
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const NodeId node = nodes.at(i);
        settings(node).then(this, [g, i](Result<Settings> r) {
            g->results[i].second = std::move(r);
            if (--g->left == 0) {
                g->promise.addResult(g->results);
                g->promise.finish();
            }
        });
    }
    return future;
}

// Runs `stepsFor(node)` on every node in parallel (each node's steps in order). Nodes with a
// problem get it as their result and nothing is sent to them.
static QFuture<QList<NodeResult>>
runOnNodes(ClusterCommands *self, const ClusterSession *session, const QList<NodeId> &nodes,
           const std::function<std::optional<QString>(NodeId)> &precheck,
           const std::function<QList<Step>(NodeId)> &stepsFor,
           std::function<void(NodeId, bool)> onNodeDone,
           std::function<void(const QList<NodeResult> &)> onDone) {
    auto batch = std::make_shared<Batch>();
    batch->promise.start();
    auto future = batch->promise.future();
    batch->onDone = std::move(onDone);
    for (const NodeId node : nodes)
        batch->results.append(NodeResult{node, {}});
    batch->left = nodes.size();
    if (nodes.isEmpty()) {
        batch->complete();
        return future;
    }
    // A node that cannot be reached now gets the reason and is skipped; the others go
    // ahead, as the all-nodes dialog changes the nodes that are up.
    QList<qsizetype> ready;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        auto why = problemWith(session, nodes.at(i));
        if (!why && precheck)
            why = precheck(nodes.at(i));
        if (why)
            batch->results[i].result = std::unexpected(*why);
        else
            ready.append(i);
    }
    batch->left = ready.size();
    if (ready.isEmpty()) {
        batch->complete();
        return future;
    }
    for (const qsizetype i : ready) {
        const NodeId node = nodes.at(i);
        runSteps(self, stepsFor(node), [batch, i, node, onNodeDone](Result<void> r) {
            if (onNodeDone)
                onNodeDone(node, r.has_value());
            if (!r) {
                qCInfo(lcSession).noquote() << "node" << node << ":" << r.error().toString();
                batch->set(i, nodeError(node, r.error().message));
            } else {
                batch->set(i, std::nullopt);
            }
        });
    }
    return future;
}

QFuture<QList<NodeResult>> ClusterCommands::apply(QList<NodeId> nodes,
                                                  const SettingsChange &change) {
    // The module's own checks first: a refused value is refused for every node at once.
    if (const auto invalid = validate(change)) {
        QList<NodeResult> results;
        for (const NodeId node : nodes)
            results.append({node, std::unexpected(nodeError(node, invalid->toString()))});
        if (!results.isEmpty())
            emit done(summarize(ClusterCommands::tr("Changing settings"), results));
        return finishedFuture(results);
    }
    const bool speedOnly = change.speed && [&] {
        SettingsChange rest = change;
        rest.speed.reset();
        return rest == SettingsChange{};
    }();
    const QString what = describeChange(change);
    QPointer<ClusterCommands> self(this);
    auto future = runOnNodes(
        this, m_session, nodes, {},
        [this, change](NodeId node) -> QList<Step> {
            if (change.speed)
                emit speedPending(node, *change.speed);
            AgentClient *client = m_session->client();
            const auto to = addressed(m_session, node);
            return {[client, change, to] {
                return discardValue(client->setSettings(change, to));
            }};
        },
        [self, change](NodeId node, bool ok) {
            if (self && change.speed)
                emit self->speedSettled(node, ok);
        },
        [self, speedOnly, what, change](const QList<NodeResult> &results) {
            if (!self)
                return;
            QList<NodeId> ok;
            for (const NodeResult &r : results) {
                if (r.result)
                    ok.append(r.node);
            }
            QString text;
            if (ok.size() == results.size() && speedOnly)
                text = ClusterCommands::tr("Speed set to %1 on %n node(s): %2", nullptr,
                                           int(ok.size()))
                           .arg(*change.speed)
                           .arg(nodeList(ok));
            else if (ok.size() == results.size())
                text = ClusterCommands::tr("Settings of node(s) %1 changed: %2", nullptr,
                                           int(ok.size()))
                           .arg(nodeList(ok), what);
            else
                text = summarize(ClusterCommands::tr("Changing settings (%1)").arg(what), results);
            emit self->done(text);
        });
    return future;
}

QFuture<QList<NodeResult>> ClusterCommands::expel(QList<NodeId> nodes) {
    return onEachNode(std::move(nodes), tr("Expel guests"), &AgentClient::expel);
}

QFuture<QList<NodeResult>> ClusterCommands::bring(QList<NodeId> nodes) {
    return onEachNode(std::move(nodes), tr("Bring processes home"), &AgentClient::bring);
}

QFuture<QList<NodeResult>> ClusterCommands::onEachNode(QList<NodeId> nodes, const QString &action,
                                                       NodeAction call) {
    QPointer<ClusterCommands> self(this);
    return runOnNodes(
        this, m_session, nodes, {},
        [this, call](NodeId node) -> QList<Step> {
            AgentClient *client = m_session->client();
            const auto to = addressed(m_session, node);
            return {[client, call, to] {
                return (client->*call)(to);
            }};
        },
        {},
        [self, action](const QList<NodeResult> &results) {
            if (self)
                emit self->done(summarize(action, results));
        });
}

// Asks sources[i], sources[i+1], ... for their node map (0 = the entry agent) and passes on
// the first that is not empty, or nullopt.
static void findClusterMap(QObject *context, QPointer<ClusterSession> session,
                           QList<NodeId> sources, qsizetype i,
                           std::function<void(std::optional<QString>)> then) {
    if (!session || session->state() != ClusterSession::State::Connected || i >= sources.size()) {
        then(std::nullopt);
        return;
    }
    const NodeId source = sources.at(i);
    auto asked = source == 0 ? session->client()->nodeMap() : session->client()->nodeMap(source);
    asked.then(context, [context, session, sources, i, then](Result<QString> map) {
        if (map && !map->trimmed().isEmpty())
            then(*map);
        else
            findClusterMap(context, session, sources, i + 1, then);
    });
}

QFuture<QList<NodeResult>> ClusterCommands::setParticipating(QList<NodeId> nodes, bool on) {
    QPointer<ClusterCommands> self(this);
    const QString action =
        on ? ClusterCommands::tr("Start openMosix") : ClusterCommands::tr("Stop openMosix");
    const auto report = [self, action](const QList<NodeResult> &results) {
        if (self)
            emit self->done(summarize(action, results));
    };
    QPointer<ClusterSession> session = m_session;
    if (!on) {
        // As `setpe -off`: ID 0 first (the node leaves), then its map is emptied. The
        // cluster's map is kept first, for starting the nodes again when no node that
        // still takes part can give it (the entry node was among those stopped).
        auto promise = std::make_shared<QPromise<QList<NodeResult>>>();
        promise->start();
        auto future = promise->future();
        const auto stop = [this, self, session, nodes, promise,
                           report](std::optional<QString> map) {
            if (!self)
                return;
            if (map)
                m_clusterMap = *map;
            runOnNodes(
                this, session, nodes, {},
                [session](NodeId node) -> QList<Step> {
                    AgentClient *client = session->client();
                    const auto to = addressed(session, node);
                    SettingsChange off;
                    off.mospe = 0;
                    return {
                        [client, off, to] { return discardValue(client->setSettings(off, to)); },
                        [client, to] {
                            return client->setNodeMap(QString(), to);
                        }};
                },
                {}, report)
                .then(this, [promise](const QList<NodeResult> &results) {
                    promise->addResult(results);
                    promise->finish();
                });
        };
        findClusterMap(this, session, {0}, 0, stop);
        return future;
    }
    // As `setpe -w`: the map first, then the node's ID in it. The map is the cluster's own,
    // read from the entry node or else from a node that still takes part.
    QList<NodeId> sources;
    if (m_session) {
        sources.append(0); // the entry agent itself
        for (const NodeRecord &r : m_session->nodes()) {
            if (r.alive && !nodes.contains(r.node.id))
                sources.append(r.node.id);
        }
    }
    auto promise = std::make_shared<QPromise<QList<NodeResult>>>();
    promise->start();
    auto future = promise->future();
    findClusterMap(
        this, session, sources, 0,
        [this, self, session, nodes, promise, report](std::optional<QString> map) {
            if (!self)
                return;
            if (map)
                m_clusterMap = *map;
            else if (!m_clusterMap.isEmpty())
                map = m_clusterMap;
            if (!map) {
                const bool connected =
                    session && session->state() == ClusterSession::State::Connected;
                QList<NodeResult> results;
                for (const NodeId node : nodes)
                    results.append(
                        {node,
                         std::unexpected(nodeError(
                             node, connected
                                       ? ClusterCommands::tr(
                                             "no node of the cluster has a node map to copy")
                                       : ClusterCommands::tr("not connected to the cluster")))});
                report(results);
                promise->addResult(results);
                promise->finish();
                return;
            }
            const QString text = *map;
            runOnNodes(
                this, session, nodes,
                [text](NodeId node) -> std::optional<QString> {
                    if (!mapContains(text, node))
                        return nodeError(node,
                                         ClusterCommands::tr("not in the cluster's node map"));
                    return std::nullopt;
                },
                [session, text](NodeId node) -> QList<Step> {
                    AgentClient *client = session->client();
                    const auto to = addressed(session, node);
                    SettingsChange id;
                    id.mospe = node;
                    return {[client, text, to] { return client->setNodeMap(text, to); },
                            [client, id, to] {
                                return discardValue(client->setSettings(id, to));
                            }};
                },
                {}, report)
                .then(this, [promise](const QList<NodeResult> &results) {
                    promise->addResult(results);
                    promise->finish();
                });
        });
    return future;
}

} // namespace omview
