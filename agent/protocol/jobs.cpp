#include "checks.h"
#include "fields.h"

#include <QJsonArray>
#include <algorithm>
#include <omview/protocol/jobs.h>

using namespace Qt::Literals::StringLiterals;

namespace omview {

namespace detail {

template<> struct ValueCodec<JobPlacement> {
    static QJsonValue encode(const JobPlacement &p) {
        switch (p.kind) {
        case JobPlacement::Kind::Home:
            return u"home"_s;
        case JobPlacement::Kind::Balance:
            return u"balance"_s;
        case JobPlacement::Kind::Node:
            return qint64(p.nodes.value(0));
        case JobPlacement::Kind::Nodes:
            break;
        }
        QJsonArray a;
        for (NodeId n : p.nodes)
            a.append(qint64(n));
        return a;
    }
    static ValueError decode(const QJsonValue &j, JobPlacement &out) {
        auto nodeOf = [](const QJsonValue &v) -> std::optional<NodeId> {
            NodeId id = 0;
            if (ValueCodec<NodeId>::decode(v, id) || checkNode(id))
                return std::nullopt;
            return id;
        };
        if (j.isString() && j.toString() == u"home") {
            out = JobPlacement{JobPlacement::Kind::Home, {}};
        } else if (j.isString() && j.toString() == u"balance") {
            out = JobPlacement{JobPlacement::Kind::Balance, {}};
        } else if (auto n = nodeOf(j)) {
            out = JobPlacement{JobPlacement::Kind::Node, {*n}};
        } else if (j.isArray() && !j.toArray().isEmpty() && j.toArray().size() <= HPC_NODE_ID_MAX) {
            out = JobPlacement{JobPlacement::Kind::Nodes, {}};
            for (const QJsonValue &v : j.toArray()) {
                const auto id = nodeOf(v);
                if (!id)
                    return u"node list: %1 is not a node ID"_s.arg(describe(v));
                if (!out.nodes.contains(*id))
                    out.nodes.append(*id);
            }
        } else {
            return u"must be \"home\", \"balance\", a node ID or a list of node IDs"_s;
        }
        return std::nullopt;
    }
};

} // namespace detail

using namespace detail;

namespace {

template<std::size_t N>
ValueError oneOf(const QString &value, const QLatin1StringView (&names)[N]) {
    for (const QLatin1StringView &n : names)
        if (value == n)
            return std::nullopt;
    QStringList all;
    for (const QLatin1StringView &n : names)
        all.append(n);
    return u"must be one of %1, got \"%2\""_s.arg(all.join(u", "_s), value.left(20));
}

ValueError checkProgram(const QString &p) {
    if (p.isEmpty())
        return u"must name a program"_s;
    if (p.contains(QChar(0)))
        return u"must not contain NUL"_s;
    return std::nullopt;
}
ValueError checkCwd(const QString &d) {
    if (!d.startsWith(u'/'))
        return u"must be an absolute path"_s;
    return std::nullopt;
}
ValueError checkEnv(const QList<QString> &env) {
    for (const QString &e : env)
        if (e.indexOf(u'=') < 1 || e.contains(QChar(0)))
            return u"each entry must be NAME=value, got \"%1\""_s.arg(e.left(40));
    return std::nullopt;
}
ValueError checkLock(const QString &l) {
    return oneOf(l, jobLockNames);
}
ValueError checkProfile(const QString &p) {
    return oneOf(p, jobProfileNames);
}
ValueError checkJob(const QString &id) {
    if (id.isEmpty() || id.size() > 64 ||
        !std::ranges::all_of(id, [](QChar c) { return c.isLetterOrNumber() || c == u'-'; }))
        return u"must be a job ID"_s;
    return std::nullopt;
}
ValueError checkOffset(const std::int64_t &o) {
    if (o < 0)
        return u"must be 0 or more, got %1"_s.arg(o);
    return std::nullopt;
}
ValueError checkWait(const std::uint32_t &ms) {
    if (ms > 30000)
        return u"must be 0..30000 ms, got %1"_s.arg(ms);
    return std::nullopt;
}
ValueError checkSignal(const std::int32_t &s) {
    if (s < 1 || s > 64)
        return u"must be a signal number 1..64, got %1"_s.arg(s);
    return std::nullopt;
}

constexpr auto procSpawnParamsFields = std::to_array<Field<ProcSpawnParams>>({
    field<&ProcSpawnParams::node, checkNode>("node"_L1),
    field<&ProcSpawnParams::program, checkProgram>("program"_L1),
    field<&ProcSpawnParams::args>("args"_L1, Presence::Optional),
    field<&ProcSpawnParams::argv0>("argv0"_L1),
    field<&ProcSpawnParams::cwd, checkCwd>("cwd"_L1),
    field<&ProcSpawnParams::env, checkEnv>("env"_L1, Presence::Optional),
    field<&ProcSpawnParams::where>("where"_L1, Presence::Optional),
    field<&ProcSpawnParams::anywhere>("anywhere"_L1, Presence::Optional),
    field<&ProcSpawnParams::lock, checkLock>("lock"_L1, Presence::Optional),
    field<&ProcSpawnParams::profile, checkProfile>("profile"_L1, Presence::Optional),
    field<&ProcSpawnParams::caller, checkPid>("caller"_L1),
});

constexpr auto spawnResultFields = std::to_array<Field<SpawnResult>>({
    field<&SpawnResult::job>("job"_L1),
    field<&SpawnResult::pid>("pid"_L1),
    field<&SpawnResult::node>("node"_L1),
});

constexpr auto jobReadParamsFields = std::to_array<Field<JobReadParams>>({
    field<&JobReadParams::node, checkNode>("node"_L1),
    field<&JobReadParams::job, checkJob>("job"_L1),
    field<&JobReadParams::stdoutOffset, checkOffset>("stdout"_L1, Presence::Optional),
    field<&JobReadParams::stderrOffset, checkOffset>("stderr"_L1, Presence::Optional),
    field<&JobReadParams::waitMs, checkWait>("waitMs"_L1, Presence::Optional),
});

constexpr auto jobOutputFields = std::to_array<Field<JobOutput>>({
    field<&JobOutput::out>("stdout"_L1),
    field<&JobOutput::err>("stderr"_L1),
    field<&JobOutput::runsOn>("node"_L1),
    field<&JobOutput::pid>("pid"_L1),
    field<&JobOutput::moves>("moves"_L1),
    field<&JobOutput::ended>("ended"_L1),
    field<&JobOutput::exitCode>("exitCode"_L1),
    field<&JobOutput::signal>("signal"_L1),
});

constexpr auto jobSignalParamsFields = std::to_array<Field<JobSignalParams>>({
    field<&JobSignalParams::node, checkNode>("node"_L1),
    field<&JobSignalParams::job, checkJob>("job"_L1),
    field<&JobSignalParams::signal, checkSignal>("signal"_L1),
});

} // namespace

QJsonObject toJson(const ProcSpawnParams &p) {
    return encodeFields<ProcSpawnParams>(p, procSpawnParamsFields);
}
QJsonObject toJson(const SpawnResult &r) {
    return encodeFields<SpawnResult>(r, spawnResultFields);
}
QJsonObject toJson(const JobReadParams &p) {
    return encodeFields<JobReadParams>(p, jobReadParamsFields);
}
QJsonObject toJson(const JobOutput &r) {
    return encodeFields<JobOutput>(r, jobOutputFields);
}
QJsonObject toJson(const JobSignalParams &p) {
    return encodeFields<JobSignalParams>(p, jobSignalParamsFields);
}

template<>
std::expected<ProcSpawnParams, ProtocolError> fromJson<ProcSpawnParams>(const QJsonValue &value) {
    return decodeParamsObject<ProcSpawnParams>(value, procSpawnParamsFields);
}
template<>
std::expected<SpawnResult, ProtocolError> fromJson<SpawnResult>(const QJsonValue &value) {
    return decodeResultObject<SpawnResult>(value, spawnResultFields);
}
template<>
std::expected<JobReadParams, ProtocolError> fromJson<JobReadParams>(const QJsonValue &value) {
    return decodeParamsObject<JobReadParams>(value, jobReadParamsFields);
}
template<> std::expected<JobOutput, ProtocolError> fromJson<JobOutput>(const QJsonValue &value) {
    return decodeResultObject<JobOutput>(value, jobOutputFields);
}
template<>
std::expected<JobSignalParams, ProtocolError> fromJson<JobSignalParams>(const QJsonValue &value) {
    return decodeParamsObject<JobSignalParams>(value, jobSignalParamsFields);
}

} // namespace omview
