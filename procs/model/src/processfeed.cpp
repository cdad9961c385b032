#include "logging.h"

#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processfeed.h>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/subscription.h>

namespace omview::procs {

ProcessFeed::ProcessFeed(ClusterProcessModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model) {}

ProcessFeed::~ProcessFeed() {
    // The tree first lets go of the models, which go with this object.
    if (m_model)
        for (const auto &[node, feed] : m_feeds)
            m_model->removeNode(node);
}

void ProcessFeed::setClient(AgentClient *client) {
    m_client = client;
    for (auto &[node, feed] : m_feeds)
        subscribe(node, feed);
}

void ProcessFeed::setNodes(const QList<NodeId> &nodes) {
    for (auto it = m_feeds.begin(); it != m_feeds.end();) {
        if (nodes.contains(it->first)) {
            ++it;
            continue;
        }
        if (m_model)
            m_model->removeNode(it->first);
        delete it->second.model;
        it = m_feeds.erase(it);
    }
    for (const NodeId node : nodes) {
        if (node == 0 || m_feeds.contains(node))
            continue;
        Feed &feed = m_feeds[node];
        feed.model = new ProcessListModel(this);
        feed.model->setNode(node);
        if (m_model)
            m_model->addNode(node, feed.model);
        subscribe(node, feed);
    }
}

void ProcessFeed::resubscribe() {
    for (auto &[node, feed] : m_feeds)
        if (!feed.subscription || feed.subscription->state() == Subscription::State::Ended)
            subscribe(node, feed);
}

void ProcessFeed::subscribe(NodeId node, Feed &feed) {
    feed.subscription.reset();
    feed.seen = false;
    if (!m_client)
        return;
    feed.subscription = m_client->subscribeProcesses(std::nullopt, node);
    ProcessSubscription *s = feed.subscription.get();
    connect(s, &ProcessSubscription::updated, this,
            [this, node](const QList<ProcessInfo> &processes, const ProcessListDelta &delta) {
                Feed &f = m_feeds.at(node);
                if (!f.seen) {
                    f.seen = true;
                    f.model->reset(processes);
                    return;
                }
                f.model->apply(processes, delta);
            });
    connect(s, &Subscription::ended, this, [this, node](const RpcError &error) {
        qCInfo(lcProcsModel).noquote()
            << "processes of node" << node << "no longer followed:" << error.message;
        emit failed(node, error.message);
    });
}

ProcessListModel *ProcessFeed::modelOf(NodeId node) const {
    const auto it = m_feeds.find(node);
    return it == m_feeds.end() ? nullptr : it->second.model;
}

QList<NodeId> ProcessFeed::nodes() const {
    QList<NodeId> out;
    for (const auto &[node, feed] : m_feeds)
        out.append(node);
    return out;
}

} // namespace omview::procs
