// What the console changes on nodes, through the session; results per node,
// errors as text naming the node.
#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <expected>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/types.h>
#include <optional>
#include <utility>

namespace omview {

class AgentClient;

class ClusterSession;

// Reads and writes node settings and runs the node actions (expel, bring,
// setpe on/off) on one or many nodes through the session's entry agent, in
// parallel. A value the module would refuse is refused before anything is sent,
// with that reason in every node's result; a node that is not in the cluster
// (or no connection) gets that as its result and the other nodes go ahead. The
// futures always finish (cancelled if this object is deleted first), with a
// result per node in the order asked. A speed change is shown at once
// (speedPending) and settled when the agent answered (speedSettled).
class ClusterCommands : public QObject {
    Q_OBJECT

public:
    struct NodeResult {
        NodeId node = 0;
        std::expected<void, QString> result; // error: "Node 4: speed: must be 1..1000000, got 0"
    };

    explicit ClusterCommands(ClusterSession *session, QObject *parent = nullptr);

    QFuture<Result<Settings>> settings(NodeId node);
    QFuture<QList<std::pair<NodeId, Result<Settings>>>> settingsOf(QList<NodeId> nodes);
    QFuture<QList<NodeResult>> apply(QList<NodeId> nodes, const SettingsChange &change);
    // Send guests home (sets block) / bring own processes home (sets lstay).
    QFuture<QList<NodeResult>> expel(QList<NodeId> nodes);
    QFuture<QList<NodeResult>> bring(QList<NodeId> nodes);
    // setpe on/off, as `setpe` does: off = mospe 0 then an empty map; on = the
    // cluster's map (read from a node taking part, or kept from the last off) then
    // mospe = the node's ID. A node that left the cluster is reachable only through
    // its own agent, so only the entry node can be started again here.
    QFuture<QList<NodeResult>> setParticipating(QList<NodeId> nodes, bool on);

    // "Node 4: expel failed: …" style text of a set of results (tr'd), "" when empty.
    static QString summarize(const QString &action, const QList<NodeResult> &results);

signals:
    // "Speed of node 3 set to 12000", "Node 4: expel failed: …" (tr'd), once per call.
    void done(const QString &summary);
    // apply() with a speed: the value to show at once for `node`.
    void speedPending(omview::NodeId node, std::uint32_t speed);
    // The agent answered: applied, or refused (show its real value again).
    void speedSettled(omview::NodeId node, bool applied);

private:
    // Runs one agent action per node; done() reports it under @action.
    using NodeAction = QFuture<Result<void>> (AgentClient::*)(std::optional<NodeId>);
    QFuture<QList<NodeResult>> onEachNode(QList<NodeId> nodes, const QString &action,
                                          NodeAction call);

    QPointer<ClusterSession> m_session;
    // The cluster's node map as last read, to start nodes again when no node still taking
    // part can give it (setpe -off on the entry node empties the one it would be read from).
    QString m_clusterMap;
};

} // namespace omview
