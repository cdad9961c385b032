#include "checks.h"
#include "fields.h"

#include <array>
#include <memory>
#include <omview/protocol/methods.h>

extern "C" {
#include <hpc/map.h>
#include <hpc/tune.h>
}

namespace omview {

namespace {

constexpr std::array<std::pair<ProcessSignal, QLatin1StringView>, 4> signalNames{{
    {ProcessSignal::Term, QLatin1StringView("TERM")},
    {ProcessSignal::Kill, QLatin1StringView("KILL")},
    {ProcessSignal::Stop, QLatin1StringView("STOP")},
    {ProcessSignal::Cont, QLatin1StringView("CONT")},
}};

constexpr std::array<std::pair<Topic, QLatin1StringView>, 4> topicNames{{
    {Topic::Node, QLatin1StringView("node")},
    {Topic::Cluster, QLatin1StringView("cluster")},
    {Topic::Procs, QLatin1StringView("procs")},
    {Topic::Migrations, QLatin1StringView("migrations")},
}};

template<class E, std::size_t N>
std::optional<E> fromName(const std::array<std::pair<E, QLatin1StringView>, N> &names,
                          QStringView name) {
    for (const auto &[value, text] : names) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

template<class E, std::size_t N>
QLatin1StringView toName(const std::array<std::pair<E, QLatin1StringView>, N> &names, E value) {
    for (const auto &[v, text] : names) {
        if (v == value)
            return text;
    }
    return {};
}

template<class E, std::size_t N>
QString nameList(const std::array<std::pair<E, QLatin1StringView>, N> &names) {
    QStringList list;
    for (const auto &entry : names)
        list.append(QStringLiteral("\"%1\"").arg(entry.second));
    return list.join(QStringLiteral(", "));
}

} // namespace

std::optional<NodeMapError> checkNodeMap(const QString &text) {
    const QByteArray bytes = text.toUtf8();
    if (bytes.size() > MaxMapTextBytes)
        return NodeMapError{0, QStringLiteral("the map may be at most %1 bytes, got %2")
                                   .arg(MaxMapTextBytes)
                                   .arg(bytes.size())};
    // The module parses into a scratch map the same way before swapping it in.
    const auto map = std::make_unique<hpc_map>();
    const hpc_map_result r =
        hpc_map_parse(map.get(), bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (r.error == HPC_MAP_OK)
        return std::nullopt;
    return NodeMapError{r.line, QString::fromLatin1(hpc_map_strerror(r.error))};
}

QLatin1StringView signalName(ProcessSignal signal) {
    return toName(signalNames, signal);
}

std::optional<ProcessSignal> signalFromName(QStringView name) {
    return fromName(signalNames, name);
}

QLatin1StringView topicName(Topic topic) {
    return toName(topicNames, topic);
}

std::optional<Topic> topicFromName(QStringView name) {
    return fromName(topicNames, name);
}

namespace detail {

template<class E, const auto &Names> struct EnumCodec {
    static QJsonValue encode(E v) { return toName(Names, v); }
    static ValueError decode(const QJsonValue &j, E &out) {
        const auto value = fromName(Names, j.toString());
        if (!j.isString() || !value)
            return QStringLiteral("must be one of %1, got %2")
                .arg(nameList(Names), j.isString()
                                          ? QStringLiteral("\"%1\"").arg(j.toString().left(20))
                                          : describe(j));
        out = *value;
        return std::nullopt;
    }
};

template<> struct ValueCodec<ProcessSignal> : EnumCodec<ProcessSignal, signalNames> {};
template<> struct ValueCodec<Topic> : EnumCodec<Topic, topicNames> {};

template<> struct ValueCodec<MigrateTarget> {
    static QJsonValue encode(const MigrateTarget &t) {
        switch (t.kind) {
        case MigrateTarget::Kind::Node:
            return static_cast<qint64>(t.node);
        case MigrateTarget::Kind::Home:
            return QStringLiteral("home");
        case MigrateTarget::Kind::Balance:
            break;
        }
        return QStringLiteral("balance");
    }
    static ValueError decode(const QJsonValue &j, MigrateTarget &out) {
        if (j.isString() && j.toString() == u"home")
            out = MigrateTarget{MigrateTarget::Kind::Home, 0};
        else if (j.isString() && j.toString() == u"balance")
            out = MigrateTarget{MigrateTarget::Kind::Balance, 0};
        else if (j.isDouble() && j.toDouble() >= 1 && j.toDouble() <= 65535 &&
                 j.toDouble() == double(j.toInteger()))
            out = MigrateTarget{MigrateTarget::Kind::Node, NodeId(j.toInteger())};
        else
            return QStringLiteral("must be a node ID 1..65535, \"home\" or \"balance\"");
        return std::nullopt;
    }
};

template<> struct ValueCodec<RpcError> {
    static QJsonValue encode(const RpcError &e) { return toJson(e); }
    static ValueError decode(const QJsonValue &j, RpcError &out) {
        auto e = rpcErrorFromJson(j);
        if (!e)
            return e.error().toString();
        out = *e;
        return std::nullopt;
    }
};

} // namespace detail

using namespace detail;
using namespace Qt::Literals::StringLiterals;

namespace {

ValueError checkNice(const std::int32_t &nice) {
    if (nice < MinNice || nice > MaxNice)
        return QStringLiteral("must be %1..%2, got %3").arg(MinNice).arg(MaxNice).arg(nice);
    return std::nullopt;
}

ValueError checkInterval(const std::uint32_t &ms) {
    if (ms < MinIntervalMs || ms > MaxIntervalMs)
        return QStringLiteral("must be %1..%2 ms, got %3")
            .arg(MinIntervalMs)
            .arg(MaxIntervalMs)
            .arg(ms);
    return std::nullopt;
}

ValueError checkSubscription(const SubscriptionId &id) {
    if (id < 1)
        return QStringLiteral("must be a subscription ID (1 or more), got %1").arg(id);
    return std::nullopt;
}

ValueError checkProtocol(const int &version) {
    if (version < 1)
        return QStringLiteral("must be a protocol version (1 or more), got %1").arg(version);
    return std::nullopt;
}

constexpr auto helloParamsFields = std::to_array<Field<HelloParams>>({
    field<&HelloParams::protocol, checkProtocol>("protocol"_L1),
    field<&HelloParams::client>("client"_L1),
});

constexpr auto helloResultFields = std::to_array<Field<HelloResult>>({
    field<&HelloResult::protocol>("protocol"_L1),
    field<&HelloResult::agent>("agent"_L1),
    field<&HelloResult::node>("node"_L1),
    field<&HelloResult::capabilities>("capabilities"_L1),
});

constexpr auto nodeParamsFields = std::to_array<Field<NodeParams>>({
    field<&NodeParams::node, checkNode>("node"_L1),
});

constexpr auto mapTextFields = std::to_array<Field<MapText>>({
    field<&MapText::text>("text"_L1),
});

constexpr auto mapSetParamsFields = std::to_array<Field<MapSetParams>>({
    field<&MapSetParams::node, checkNode>("node"_L1),
    field<&MapSetParams::text>("text"_L1),
});

constexpr auto procListParamsFields = std::to_array<Field<ProcListParams>>({
    field<&ProcListParams::node, checkNode>("node"_L1),
    field<&ProcListParams::user>("user"_L1),
});

constexpr auto procSignalParamsFields = std::to_array<Field<ProcSignalParams>>({
    field<&ProcSignalParams::node, checkNode>("node"_L1),
    field<&ProcSignalParams::pid, checkPid>("pid"_L1),
    field<&ProcSignalParams::signal>("signal"_L1),
});

constexpr auto procReniceParamsFields = std::to_array<Field<ProcReniceParams>>({
    field<&ProcReniceParams::node, checkNode>("node"_L1),
    field<&ProcReniceParams::pid, checkPid>("pid"_L1),
    field<&ProcReniceParams::nice, checkNice>("nice"_L1),
});

constexpr auto procMigrateParamsFields = std::to_array<Field<ProcMigrateParams>>({
    field<&ProcMigrateParams::node, checkNode>("node"_L1),
    field<&ProcMigrateParams::pid, checkPid>("pid"_L1),
    field<&ProcMigrateParams::target>("target"_L1),
});

constexpr auto migrateResultFields = std::to_array<Field<MigrateResult>>({
    field<&MigrateResult::node>("node"_L1),
    field<&MigrateResult::bytes>("bytes"_L1),
    field<&MigrateResult::totalMs>("totalMs"_L1),
});

constexpr auto procLockParamsFields = std::to_array<Field<ProcLockParams>>({
    field<&ProcLockParams::node, checkNode>("node"_L1),
    field<&ProcLockParams::pid, checkPid>("pid"_L1),
    field<&ProcLockParams::locked>("locked"_L1),
});

constexpr auto subscribeParamsFields = std::to_array<Field<SubscribeParams>>({
    field<&SubscribeParams::topic>("topic"_L1),
    field<&SubscribeParams::node, checkNode>("node"_L1),
    field<&SubscribeParams::intervalMs, checkInterval>("intervalMs"_L1, Presence::Optional),
    field<&SubscribeParams::user>("user"_L1),
});

constexpr auto subscribeResultFields = std::to_array<Field<SubscribeResult>>({
    field<&SubscribeResult::subscription, checkSubscription>("subscription"_L1),
});

constexpr auto unsubscribeParamsFields = std::to_array<Field<UnsubscribeParams>>({
    field<&UnsubscribeParams::subscription, checkSubscription>("subscription"_L1),
});

constexpr auto updateParamsFields = std::to_array<Field<UpdateParams>>({
    field<&UpdateParams::subscription, checkSubscription>("subscription"_L1),
    field<&UpdateParams::seq>("seq"_L1),
    field<&UpdateParams::delta>("delta"_L1),
});

constexpr auto endedParamsFields = std::to_array<Field<EndedParams>>({
    field<&EndedParams::subscription, checkSubscription>("subscription"_L1),
    field<&EndedParams::error>("error"_L1),
});

} // namespace

QJsonObject toJson(const HelloParams &p) {
    return encodeFields<HelloParams>(p, helloParamsFields);
}

QJsonObject toJson(const HelloResult &r) {
    return encodeFields<HelloResult>(r, helloResultFields);
}

QJsonObject toJson(const NodeParams &p) {
    return encodeFields<NodeParams>(p, nodeParamsFields);
}

QJsonObject toJson(const SettingsSetParams &p) {
    QJsonObject o = toJson(p.change);
    if (p.node)
        o.insert("node"_L1, static_cast<qint64>(*p.node));
    return o;
}

QJsonObject toJson(const MapText &r) {
    return encodeFields<MapText>(r, mapTextFields);
}

QJsonObject toJson(const MapSetParams &p) {
    return encodeFields<MapSetParams>(p, mapSetParamsFields);
}

QJsonObject toJson(const ProcListParams &p) {
    return encodeFields<ProcListParams>(p, procListParamsFields);
}

QJsonObject toJson(const ProcSignalParams &p) {
    return encodeFields<ProcSignalParams>(p, procSignalParamsFields);
}

QJsonObject toJson(const ProcReniceParams &p) {
    return encodeFields<ProcReniceParams>(p, procReniceParamsFields);
}

QJsonObject toJson(const ProcMigrateParams &p) {
    return encodeFields<ProcMigrateParams>(p, procMigrateParamsFields);
}

QJsonObject toJson(const MigrateResult &r) {
    return encodeFields<MigrateResult>(r, migrateResultFields);
}

QJsonObject toJson(const ProcLockParams &p) {
    return encodeFields<ProcLockParams>(p, procLockParamsFields);
}

QJsonObject toJson(const SubscribeParams &p) {
    return encodeFields<SubscribeParams>(p, subscribeParamsFields);
}

QJsonObject toJson(const SubscribeResult &r) {
    return encodeFields<SubscribeResult>(r, subscribeResultFields);
}

QJsonObject toJson(const UnsubscribeParams &p) {
    return encodeFields<UnsubscribeParams>(p, unsubscribeParamsFields);
}

QJsonObject toJson(const UpdateParams &p) {
    return encodeFields<UpdateParams>(p, updateParamsFields);
}

QJsonObject toJson(const EndedParams &p) {
    return encodeFields<EndedParams>(p, endedParamsFields);
}

template<>
std::expected<HelloParams, ProtocolError> fromJson<HelloParams>(const QJsonValue &value) {
    return decodeParamsObject<HelloParams>(value, helloParamsFields);
}

template<>
std::expected<HelloResult, ProtocolError> fromJson<HelloResult>(const QJsonValue &value) {
    return decodeResultObject<HelloResult>(value, helloResultFields);
}

template<> std::expected<NodeParams, ProtocolError> fromJson<NodeParams>(const QJsonValue &value) {
    return decodeParamsObject<NodeParams>(value, nodeParamsFields);
}

template<>
std::expected<SettingsSetParams, ProtocolError>
fromJson<SettingsSetParams>(const QJsonValue &value) {
    if (!value.isUndefined() && !value.isObject())
        return std::unexpected(ProtocolError{
            {}, QStringLiteral("params must be an object, got %1").arg(describe(value))});
    QJsonObject o = objectOrEmpty(value);
    SettingsSetParams p;
    if (const auto node = o.take("node"_L1); !node.isUndefined()) {
        NodeId id = 0;
        ValueError e = ValueCodec<NodeId>::decode(node, id);
        if (!e)
            e = checkNode(id);
        if (e)
            return std::unexpected(ProtocolError{u"node"_s, *e});
        p.node = id;
    }
    auto change = fromJson<SettingsChange>(o);
    if (!change)
        return std::unexpected(change.error());
    p.change = std::move(*change);
    return p;
}

template<> std::expected<MapText, ProtocolError> fromJson<MapText>(const QJsonValue &value) {
    return decodeResultObject<MapText>(value, mapTextFields);
}

template<>
std::expected<MapSetParams, ProtocolError> fromJson<MapSetParams>(const QJsonValue &value) {
    auto p = decodeParamsObject<MapSetParams>(value, mapSetParamsFields);
    if (!p)
        return p;
    if (const auto error = checkNodeMap(p->text)) {
        if (error->line == 0)
            return std::unexpected(ProtocolError{u"text"_s, error->reason});
        return std::unexpected(
            ProtocolError{u"text"_s, u"line %1: %2"_s.arg(error->line).arg(error->reason),
                          QJsonObject{{u"line"_s, static_cast<qint64>(error->line)}}});
    }
    return p;
}

template<>
std::expected<ProcListParams, ProtocolError> fromJson<ProcListParams>(const QJsonValue &value) {
    return decodeParamsObject<ProcListParams>(value, procListParamsFields);
}

template<>
std::expected<ProcSignalParams, ProtocolError> fromJson<ProcSignalParams>(const QJsonValue &value) {
    return decodeParamsObject<ProcSignalParams>(value, procSignalParamsFields);
}

template<>
std::expected<ProcReniceParams, ProtocolError> fromJson<ProcReniceParams>(const QJsonValue &value) {
    return decodeParamsObject<ProcReniceParams>(value, procReniceParamsFields);
}

template<>
std::expected<ProcMigrateParams, ProtocolError>
fromJson<ProcMigrateParams>(const QJsonValue &value) {
    return decodeParamsObject<ProcMigrateParams>(value, procMigrateParamsFields);
}

template<>
std::expected<MigrateResult, ProtocolError> fromJson<MigrateResult>(const QJsonValue &value) {
    return decodeResultObject<MigrateResult>(value, migrateResultFields);
}

template<>
std::expected<ProcLockParams, ProtocolError> fromJson<ProcLockParams>(const QJsonValue &value) {
    return decodeParamsObject<ProcLockParams>(value, procLockParamsFields);
}

template<>
std::expected<SubscribeParams, ProtocolError> fromJson<SubscribeParams>(const QJsonValue &value) {
    auto p = decodeParamsObject<SubscribeParams>(value, subscribeParamsFields);
    if (p && p->user && p->topic != Topic::Procs)
        return std::unexpected(ProtocolError{u"user"_s, u"only allowed with topic \"procs\""_s});
    return p;
}

template<>
std::expected<SubscribeResult, ProtocolError> fromJson<SubscribeResult>(const QJsonValue &value) {
    return decodeResultObject<SubscribeResult>(value, subscribeResultFields);
}

template<>
std::expected<UnsubscribeParams, ProtocolError>
fromJson<UnsubscribeParams>(const QJsonValue &value) {
    return decodeParamsObject<UnsubscribeParams>(value, unsubscribeParamsFields);
}

template<>
std::expected<UpdateParams, ProtocolError> fromJson<UpdateParams>(const QJsonValue &value) {
    return decodeResultObject<UpdateParams>(value, updateParamsFields);
}

template<>
std::expected<EndedParams, ProtocolError> fromJson<EndedParams>(const QJsonValue &value) {
    return decodeResultObject<EndedParams>(value, endedParamsFields);
}

} // namespace omview
