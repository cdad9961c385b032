// The job API of omagentd (docs/protocol.md): proc.spawn starts a program as a job of its
// home node, job.read collects its output and exit status wherever it runs, job.signal
// reaches it there. mosrun and the console's run-program wizard are its clients.
#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <expected>
#include <omview/protocol/json.h>
#include <omview/protocol/protocolerror.h>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview {

namespace methods {
inline constexpr QLatin1StringView procSpawn{"proc.spawn"};
inline constexpr QLatin1StringView jobRead{"job.read"};
inline constexpr QLatin1StringView jobSignal{"job.signal"};
} // namespace methods

// Where a job starts. On the wire: "home", "balance", a node ID, or an array of node IDs
// and ranges' members (mosrun -j2-4,7 sends [2,3,4,7]) of which the agents pick the best.
struct JobPlacement {
    enum class Kind { Home, Node, Nodes, Balance };
    Kind kind = Kind::Home;
    QList<NodeId> nodes; // Node: one; Nodes: the candidates
    bool operator==(const JobPlacement &) const = default;
};

// mosrun's -l, -L and -k: the job may migrate on its own, may not, or is as the caller is.
inline constexpr QLatin1StringView jobLockNames[] = {
    QLatin1StringView("lock"), QLatin1StringView("unlock"), QLatin1StringView("keep")};
// mosrun's -c, -i, -n, -s, -f: how the balancer weighs the job (/proc/hpc/decay).
inline constexpr QLatin1StringView jobProfileNames[] = {
    QLatin1StringView("none"),    QLatin1StringView("cpujob"),    QLatin1StringView("iojob"),
    QLatin1StringView("nodecay"), QLatin1StringView("slowdecay"), QLatin1StringView("fastdecay")};

struct ProcSpawnParams {
    std::optional<NodeId> node; // the job's home node; absent = this agent's node
    QString program;            // a path, or a name looked up in PATH (of env)
    QList<QString> args;        // argv[1..]
    std::optional<QString> argv0;
    QString cwd;
    QList<QString> env;                                  // NAME=value, the job's whole environment
    JobPlacement where{JobPlacement::Kind::Balance, {}}; // absent: the least loaded node
    bool anywhere = false; // -F: another node when none of `where` can take it
    QString lock = QStringLiteral("lock");
    QString profile = QStringLiteral("none");
    std::optional<std::int32_t> caller; // the caller's PID, for lock "keep"
    bool operator==(const ProcSpawnParams &) const = default;
};

struct SpawnResult {
    QString job;          // the job's ID, for job.read and job.signal
    std::int32_t pid = 0; // its PID on the home node
    NodeId node = 0;      // where it runs now
    bool operator==(const SpawnResult &) const = default;
};

struct JobReadParams {
    std::optional<NodeId> node; // the job's home node
    QString job;
    std::int64_t stdoutOffset = 0; // bytes of stdout the caller has; older ones are dropped
    std::int64_t stderrOffset = 0;
    std::uint32_t waitMs = 0; // wait this long for something new (at most 30 000)
    bool operator==(const JobReadParams &) const = default;
};

// What job.read answers: the output after the offsets (base64), where the job runs, and
// once it ended and all its output was read, how it ended.
struct JobOutput {
    QString out;
    QString err;
    NodeId runsOn = 0;
    std::int32_t pid = 0; // its PID on the home node
    std::int32_t moves = 0;
    bool ended = false;
    std::int32_t exitCode = 0; // when ended by exit
    std::int32_t signal = 0;   // when ended by a signal
    bool operator==(const JobOutput &) const = default;
};

struct JobSignalParams {
    std::optional<NodeId> node;
    QString job;
    std::int32_t signal = 15;
    bool operator==(const JobSignalParams &) const = default;
};

QJsonObject toJson(const ProcSpawnParams &p);
QJsonObject toJson(const SpawnResult &r);
QJsonObject toJson(const JobReadParams &p);
QJsonObject toJson(const JobOutput &r);
QJsonObject toJson(const JobSignalParams &p);

template<>
std::expected<ProcSpawnParams, ProtocolError> fromJson<ProcSpawnParams>(const QJsonValue &value);
template<> std::expected<SpawnResult, ProtocolError> fromJson<SpawnResult>(const QJsonValue &value);
template<>
std::expected<JobReadParams, ProtocolError> fromJson<JobReadParams>(const QJsonValue &value);
template<> std::expected<JobOutput, ProtocolError> fromJson<JobOutput>(const QJsonValue &value);
template<>
std::expected<JobSignalParams, ProtocolError> fromJson<JobSignalParams>(const QJsonValue &value);

} // namespace omview
