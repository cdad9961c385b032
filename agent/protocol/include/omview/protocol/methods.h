// The API of omagentd (docs/protocol.md): method and notification names, the
// parameters and result of each method, and their codecs. The agent decodes
// parameters with these and the client encodes them, so both refuse the same
// values; parameters refuse unknown members, results ignore them.
#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QStringList>
#include <expected>
#include <omview/protocol/json.h>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview {

inline constexpr int ProtocolVersion = 1;

namespace methods {
inline constexpr QLatin1StringView hello{"hello"};
inline constexpr QLatin1StringView nodeStatus{"node.status"};
inline constexpr QLatin1StringView clusterNodes{"cluster.nodes"};
inline constexpr QLatin1StringView settingsGet{"settings.get"};
inline constexpr QLatin1StringView settingsSet{"settings.set"};
inline constexpr QLatin1StringView nodeExpel{"node.expel"};
inline constexpr QLatin1StringView nodeBring{"node.bring"};
inline constexpr QLatin1StringView mapGet{"map.get"};
inline constexpr QLatin1StringView mapSet{"map.set"};
inline constexpr QLatin1StringView procList{"proc.list"};
inline constexpr QLatin1StringView procSignal{"proc.signal"};
inline constexpr QLatin1StringView procRenice{"proc.renice"};
inline constexpr QLatin1StringView procLock{"proc.lock"};
inline constexpr QLatin1StringView procMigrate{"proc.migrate"};
inline constexpr QLatin1StringView subscribe{"subscribe"};
inline constexpr QLatin1StringView unsubscribe{"unsubscribe"};
} // namespace methods

// Notifications the agent sends.
namespace notifications {
inline constexpr QLatin1StringView update{"update"};
inline constexpr QLatin1StringView ended{"ended"};
} // namespace notifications

namespace capabilities {
inline constexpr QLatin1StringView hpcModule{"hpc.module"};
inline constexpr QLatin1StringView hpcEmulated{"hpc.emulated"};
inline constexpr QLatin1StringView forward{"forward"};
inline constexpr QLatin1StringView subscribe{"subscribe"};
} // namespace capabilities

inline constexpr std::uint32_t MinIntervalMs = 250;
inline constexpr std::uint32_t MaxIntervalMs = 60000;
inline constexpr std::uint32_t DefaultIntervalMs = 1000;
inline constexpr qsizetype MaxMapTextBytes = 64 * 1024; // admin/config's limit
inline constexpr std::int32_t MinNice = -20;
inline constexpr std::int32_t MaxNice = 19;

using SubscriptionId = std::uint32_t;

struct HelloParams {
    int protocol = ProtocolVersion;
    QString client;
    bool operator==(const HelloParams &) const = default;
};

struct HelloResult {
    int protocol = ProtocolVersion;
    QString agent;
    NodeId node = 0;
    QStringList capabilities;
    bool operator==(const HelloResult &) const = default;
};

// Params of the methods that only name their target: node.status,
// cluster.nodes, settings.get, node.expel, node.bring, map.get.
struct NodeParams {
    std::optional<NodeId> node;
    bool operator==(const NodeParams &) const = default;
};

// settings.set: the change's members sit flat next to `node`.
struct SettingsSetParams {
    std::optional<NodeId> node;
    SettingsChange change;
    bool operator==(const SettingsSetParams &) const = default;
};

// The result of map.get.
struct MapText {
    QString text;
    bool operator==(const MapText &) const = default;
};

struct MapSetParams {
    std::optional<NodeId> node;
    QString text;
    bool operator==(const MapSetParams &) const = default;
};

struct ProcListParams {
    std::optional<NodeId> node;
    std::optional<QString> user;
    bool operator==(const ProcListParams &) const = default;
};

enum class ProcessSignal { Term, Kill, Stop, Cont };

struct ProcSignalParams {
    std::optional<NodeId> node;
    std::int32_t pid = 0;
    ProcessSignal signal = ProcessSignal::Term;
    bool operator==(const ProcSignalParams &) const = default;
};

struct ProcReniceParams {
    std::optional<NodeId> node;
    std::int32_t pid = 0;
    std::int32_t nice = 0;
    bool operator==(const ProcReniceParams &) const = default;
};

struct ProcLockParams {
    std::optional<NodeId> node;
    std::int32_t pid = 0;
    bool locked = false;
    bool operator==(const ProcLockParams &) const = default;
};

// Where proc.migrate sends a process: a node, its home node, or the node the balancer picks.
// On the wire: a node ID (integer), "home" or "balance".
struct MigrateTarget {
    enum class Kind { Node, Home, Balance };
    Kind kind = Kind::Home;
    NodeId node = 0; // Kind::Node only
    bool operator==(const MigrateTarget &) const = default;
};

struct ProcMigrateParams {
    std::optional<NodeId> node; // the process's home node (or the node it runs on as a guest)
    std::int32_t pid = 0;
    MigrateTarget target;
    bool operator==(const ProcMigrateParams &) const = default;
};

// The result of proc.migrate: where the process runs now, and what the move cost.
struct MigrateResult {
    NodeId node = 0;
    std::int64_t bytes = 0;
    std::int64_t totalMs = 0;
    bool operator==(const MigrateResult &) const = default;
};

enum class Topic { Node, Cluster, Procs, Migrations };

struct SubscribeParams {
    Topic topic = Topic::Node;
    std::optional<NodeId> node;
    std::uint32_t intervalMs = DefaultIntervalMs;
    std::optional<QString> user; // only with Topic::Procs
    bool operator==(const SubscribeParams &) const = default;
};

struct SubscribeResult {
    SubscriptionId subscription = 0;
    bool operator==(const SubscribeResult &) const = default;
};

struct UnsubscribeParams {
    SubscriptionId subscription = 0;
    bool operator==(const UnsubscribeParams &) const = default;
};

// The `update` notification; delta's shape depends on the topic (delta.h).
struct UpdateParams {
    SubscriptionId subscription = 0;
    std::uint64_t seq = 0;
    QJsonObject delta;
    bool operator==(const UpdateParams &) const = default;
};

// The `ended` notification: the agent ended a subscription on its own.
struct EndedParams {
    SubscriptionId subscription = 0;
    RpcError error;
    bool operator==(const EndedParams &) const = default;
};

// The first error of a node map (docs/proc-hpc.md), found by kernel/core's own
// parser: the 1-based line and the reason, as hpc.ko would log them.
struct NodeMapError {
    std::uint32_t line = 0;
    QString reason;
};
std::optional<NodeMapError> checkNodeMap(const QString &text);

// Wire names: "TERM", "KILL", "STOP", "CONT"; "node", "cluster", "procs", "migrations".
QLatin1StringView signalName(ProcessSignal signal);
std::optional<ProcessSignal> signalFromName(QStringView name);
QLatin1StringView topicName(Topic topic);
std::optional<Topic> topicFromName(QStringView name);

QJsonObject toJson(const HelloParams &p);
QJsonObject toJson(const HelloResult &r);
QJsonObject toJson(const NodeParams &p);
QJsonObject toJson(const SettingsSetParams &p);
QJsonObject toJson(const MapText &r);
QJsonObject toJson(const MapSetParams &p);
QJsonObject toJson(const ProcListParams &p);
QJsonObject toJson(const ProcSignalParams &p);
QJsonObject toJson(const ProcReniceParams &p);
QJsonObject toJson(const ProcLockParams &p);
QJsonObject toJson(const ProcMigrateParams &p);
QJsonObject toJson(const MigrateResult &r);
QJsonObject toJson(const SubscribeParams &p);
QJsonObject toJson(const SubscribeResult &r);
QJsonObject toJson(const UnsubscribeParams &p);
QJsonObject toJson(const UpdateParams &p);
QJsonObject toJson(const EndedParams &p);

// Parameter decoders take the request's params as received: an absent params
// (Undefined) counts as {}, anything but an object is refused.
template<> std::expected<HelloParams, ProtocolError> fromJson<HelloParams>(const QJsonValue &value);
template<> std::expected<HelloResult, ProtocolError> fromJson<HelloResult>(const QJsonValue &value);
template<> std::expected<NodeParams, ProtocolError> fromJson<NodeParams>(const QJsonValue &value);
template<>
std::expected<SettingsSetParams, ProtocolError>
fromJson<SettingsSetParams>(const QJsonValue &value);
template<> std::expected<MapText, ProtocolError> fromJson<MapText>(const QJsonValue &value);
template<>
std::expected<MapSetParams, ProtocolError> fromJson<MapSetParams>(const QJsonValue &value);
template<>
std::expected<ProcListParams, ProtocolError> fromJson<ProcListParams>(const QJsonValue &value);
template<>
std::expected<ProcSignalParams, ProtocolError> fromJson<ProcSignalParams>(const QJsonValue &value);
template<>
std::expected<ProcReniceParams, ProtocolError> fromJson<ProcReniceParams>(const QJsonValue &value);
template<>
std::expected<ProcLockParams, ProtocolError> fromJson<ProcLockParams>(const QJsonValue &value);
template<>
std::expected<SubscribeParams, ProtocolError> fromJson<SubscribeParams>(const QJsonValue &value);
template<>
std::expected<SubscribeResult, ProtocolError> fromJson<SubscribeResult>(const QJsonValue &value);
template<>
std::expected<UnsubscribeParams, ProtocolError>
fromJson<UnsubscribeParams>(const QJsonValue &value);
template<>
std::expected<UpdateParams, ProtocolError> fromJson<UpdateParams>(const QJsonValue &value);
template<> std::expected<EndedParams, ProtocolError> fromJson<EndedParams>(const QJsonValue &value);

template<>
std::expected<ProcMigrateParams, ProtocolError>
fromJson<ProcMigrateParams>(const QJsonValue &value);
template<>
std::expected<MigrateResult, ProtocolError> fromJson<MigrateResult>(const QJsonValue &value);

// A request's params decoded for the agent, or the -32602 error to answer with.
template<class T> std::expected<T, RpcError> decodeParams(const QJsonValue &params) {
    return fromJson<T>(params).transform_error(&RpcError::invalidParams);
}

} // namespace omview
