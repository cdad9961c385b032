// Deltas between two samples, as subscriptions send them (docs/protocol.md,
// `update`): keyed lists as {added, changed, removed}, a NodeStatus as the
// object of its changed fields. applyDelta(x, makeDelta(x, y)) == y, with lists
// in ascending key order.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <expected>
#include <omview/protocol/json.h>
#include <omview/protocol/protocolerror.h>
#include <omview/protocol/types.h>

namespace omview {

// What changed in a process list, keyed by pid. A `changed` entry is
// {pid, <fields whose values differ, with their new values>}.
struct ProcessListDelta {
    QList<ProcessInfo> added;
    QList<QJsonObject> changed;
    QList<std::int32_t> removed;

    bool isEmpty() const { return added.isEmpty() && changed.isEmpty() && removed.isEmpty(); }
    QList<std::int32_t> changedPids() const;
    bool operator==(const ProcessListDelta &) const = default;
};

// What changed in a cluster table, keyed by node ID; `changed` entries are
// {id, <changed fields of the flat NodeRecord encoding>}.
struct NodeRecordListDelta {
    QList<NodeRecord> added;
    QList<QJsonObject> changed;
    QList<NodeId> removed;

    bool isEmpty() const { return added.isEmpty() && changed.isEmpty() && removed.isEmpty(); }
    QList<NodeId> changedIds() const;
    bool operator==(const NodeRecordListDelta &) const = default;
};

// What the `migrations` topic sends: the steps of moves since the previous update, in the
// order the node took them. Events are not state: nothing is diffed, an empty list is the
// first update (the subscription is live) and nothing is sent otherwise.
struct MigrationsDelta {
    QList<MigrationEvent> events;

    bool isEmpty() const { return events.isEmpty(); }
    bool operator==(const MigrationsDelta &) const = default;
};

// The delta from `before` to `after`. Lists are read as maps by key: when a
// key occurs twice the later entry counts. The delta's lists are sorted by key.
ProcessListDelta makeDelta(const QList<ProcessInfo> &before, const QList<ProcessInfo> &after);
NodeRecordListDelta makeDelta(const QList<NodeRecord> &before, const QList<NodeRecord> &after);
// The fields of `after` that differ from `before`; empty when equal.
QJsonObject makeDelta(const NodeStatus &before, const NodeStatus &after);

// `state` with `delta` applied: removed, then changed, then added. A delta that
// does not fit (removing or changing a key that is absent, adding one that is
// present, a mistyped field) is an error naming the entry, and nothing is
// applied. Unknown fields in changed entries are ignored, as in every result.
std::expected<QList<ProcessInfo>, ProtocolError> applyDelta(const QList<ProcessInfo> &state,
                                                            const ProcessListDelta &delta);
std::expected<QList<NodeRecord>, ProtocolError> applyDelta(const QList<NodeRecord> &state,
                                                           const NodeRecordListDelta &delta);
std::expected<NodeStatus, ProtocolError> applyDelta(const NodeStatus &state,
                                                    const QJsonObject &delta);

// {added, changed, removed}; all three are always present.
QJsonObject toJson(const ProcessListDelta &delta);
QJsonObject toJson(const NodeRecordListDelta &delta);
// {events}; always present.
QJsonObject toJson(const MigrationsDelta &delta);

template<>
std::expected<ProcessListDelta, ProtocolError> fromJson<ProcessListDelta>(const QJsonValue &value);
template<>
std::expected<NodeRecordListDelta, ProtocolError>
fromJson<NodeRecordListDelta>(const QJsonValue &value);
template<>
std::expected<MigrationsDelta, ProtocolError> fromJson<MigrationsDelta>(const QJsonValue &value);

} // namespace omview

Q_DECLARE_METATYPE(omview::ProcessListDelta)
Q_DECLARE_METATYPE(omview::NodeRecordListDelta)
Q_DECLARE_METATYPE(omview::MigrationsDelta)
