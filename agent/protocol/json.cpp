#include "typefields.h"

#include <omview/protocol/json.h>
#include <omview/protocol/settingschange.h>

namespace omview {

using namespace detail;

namespace {

template<class C>
std::expected<C, ProtocolError> decodeObject(const QJsonValue &value,
                                             std::span<const Field<C>> fields, Unknown unknown) {
    if (!value.isObject())
        return std::unexpected(
            ProtocolError{{}, QStringLiteral("must be an object, got %1").arg(describe(value))});
    C out{};
    if (auto e = decodeFields<C>(value.toObject(), fields, out, unknown))
        return std::unexpected(*e);
    return out;
}

template<class T> std::expected<QList<T>, ProtocolError> decodeArray(const QJsonValue &value) {
    if (!value.isArray())
        return std::unexpected(
            ProtocolError{{}, QStringLiteral("must be an array, got %1").arg(describe(value))});
    const QJsonArray a = value.toArray();
    QList<T> out;
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        auto element = fromJson<T>(a.at(i));
        if (!element)
            return std::unexpected(element.error().within(QStringLiteral("[%1]").arg(i)));
        out.append(std::move(*element));
    }
    return out;
}

} // namespace

QJsonObject toJson(const NodeStatus &status) {
    return encodeFields<NodeStatus>(status, nodeStatusFields);
}

QJsonObject toJson(const NodeRecord &record) {
    QJsonObject o = toJson(record.node);
    encodeFields<NodeRecord>(record, nodeRecordOwnFields, o);
    return o;
}

QJsonObject toJson(const Settings &settings) {
    return encodeFields<Settings>(settings, settingsFields);
}

QJsonObject toJson(const SettingsChange &change) {
    return encodeFields<SettingsChange>(change, settingsChangeFields);
}

QJsonObject toJson(const ProcessInfo &process) {
    return encodeFields<ProcessInfo>(process, processInfoFields);
}

QJsonObject toJson(const MigrationEvent &event) {
    return encodeFields<MigrationEvent>(event, migrationEventFields);
}

template<> std::expected<NodeStatus, ProtocolError> fromJson<NodeStatus>(const QJsonValue &value) {
    return decodeObject<NodeStatus>(value, nodeStatusFields, Unknown::Ignore);
}

template<> std::expected<NodeRecord, ProtocolError> fromJson<NodeRecord>(const QJsonValue &value) {
    auto record = decodeObject<NodeRecord>(value, nodeRecordOwnFields, Unknown::Ignore);
    if (!record)
        return record;
    auto status = fromJson<NodeStatus>(value);
    if (!status)
        return std::unexpected(status.error());
    record->node = std::move(*status);
    return record;
}

template<> std::expected<Settings, ProtocolError> fromJson<Settings>(const QJsonValue &value) {
    return decodeObject<Settings>(value, settingsFields, Unknown::Ignore);
}

template<>
std::expected<SettingsChange, ProtocolError> fromJson<SettingsChange>(const QJsonValue &value) {
    auto change = decodeObject<SettingsChange>(value, settingsChangeFields, Unknown::Reject);
    if (!change)
        return change;
    if (auto e = validate(*change))
        return std::unexpected(*e);
    return change;
}

template<>
std::expected<ProcessInfo, ProtocolError> fromJson<ProcessInfo>(const QJsonValue &value) {
    return decodeObject<ProcessInfo>(value, processInfoFields, Unknown::Ignore);
}

template<>
std::expected<MigrationEvent, ProtocolError> fromJson<MigrationEvent>(const QJsonValue &value) {
    return decodeObject<MigrationEvent>(value, migrationEventFields, Unknown::Ignore);
}

template<>
std::expected<QList<NodeRecord>, ProtocolError>
fromJson<QList<NodeRecord>>(const QJsonValue &value) {
    return decodeArray<NodeRecord>(value);
}

template<>
std::expected<QList<ProcessInfo>, ProtocolError>
fromJson<QList<ProcessInfo>>(const QJsonValue &value) {
    return decodeArray<ProcessInfo>(value);
}

template<>
std::expected<QList<MigrationEvent>, ProtocolError>
fromJson<QList<MigrationEvent>>(const QJsonValue &value) {
    return decodeArray<MigrationEvent>(value);
}

} // namespace omview
