// JSON codecs of the value types in types.h, as docs/protocol.md specifies them.
// Decoding is strict about types, presence and (for SettingsChange) ranges, and
// reports the offending field; results tolerate unknown members, a
// SettingsChange refuses them.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <expected>
#include <omview/protocol/protocolerror.h>
#include <omview/protocol/types.h>

namespace omview {

QJsonObject toJson(const NodeStatus &status);
QJsonObject toJson(const NodeRecord &record); // NodeStatus's fields, flat, plus ageMs and alive
QJsonObject toJson(const Settings &settings);
QJsonObject toJson(const SettingsChange &change); // only the members that are set
QJsonObject toJson(const ProcessInfo &process);
QJsonObject toJson(const MigrationEvent &event);

template<class T> QJsonArray toJsonArray(const QList<T> &values) {
    QJsonArray a;
    for (const T &v : values)
        a.append(toJson(v));
    return a;
}

// Decodes a T from JSON; the error names the first member that is wrong.
template<class T> std::expected<T, ProtocolError> fromJson(const QJsonValue &value);

template<> std::expected<NodeStatus, ProtocolError> fromJson<NodeStatus>(const QJsonValue &value);
template<> std::expected<NodeRecord, ProtocolError> fromJson<NodeRecord>(const QJsonValue &value);
template<> std::expected<Settings, ProtocolError> fromJson<Settings>(const QJsonValue &value);
// Also validates every member with kernel/core's checks (see validate()).
template<>
std::expected<SettingsChange, ProtocolError> fromJson<SettingsChange>(const QJsonValue &value);
template<> std::expected<ProcessInfo, ProtocolError> fromJson<ProcessInfo>(const QJsonValue &value);
template<>
std::expected<MigrationEvent, ProtocolError> fromJson<MigrationEvent>(const QJsonValue &value);
// Arrays; an element's error is prefixed with its index ("[3].pid").
template<>
std::expected<QList<NodeRecord>, ProtocolError>
fromJson<QList<NodeRecord>>(const QJsonValue &value);
template<>
std::expected<QList<ProcessInfo>, ProtocolError>
fromJson<QList<ProcessInfo>>(const QJsonValue &value);
template<>
std::expected<QList<MigrationEvent>, ProtocolError>
fromJson<QList<MigrationEvent>>(const QJsonValue &value);

} // namespace omview
