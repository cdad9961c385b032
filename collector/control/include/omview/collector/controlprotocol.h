// The collector daemon's control protocol: JSON-RPC 2.0, one message per line
// (omprotocol's framing), over a Unix socket only its own user (and root) may
// use. `omcollectord ctl` and the console's Collector menu speak it.
//
//   status      {}                                        -> CollectorStatus
//   checkpoint  {label, time?}                            -> CheckpointResult
//   save        {from, to, file, format?: sqlite|csv}     -> SaveResult
//   stop        {}                                        -> {} (then the daemon exits)
//
// Times are seconds since the epoch; file is an absolute path the daemon
// writes (it must not exist). Parameters are strict like the agent's:
// unknown, missing or mistyped ones are -32602 naming the parameter.
#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <expected>
#include <omview/protocol/rpcerror.h>
#include <optional>

namespace omview::collector {

namespace control {
inline constexpr QLatin1StringView status{"status"};
inline constexpr QLatin1StringView checkpoint{"checkpoint"};
inline constexpr QLatin1StringView save{"save"};
inline constexpr QLatin1StringView stop{"stop"};
} // namespace control

// Errors of the control protocol besides JSON-RPC's own.
enum class ControlError : int {
    // The store refused or failed (data: {kind, file?}; kind as
    // omview::store::kindName(): "disk-full", "exists", ...).
    StoreFailed = -32020,
    // The caller's uid may not control this daemon.
    PermissionDenied = -32003,
};

struct CheckpointParams {
    QString label;
    std::optional<std::int64_t> time; // default: now
    bool operator==(const CheckpointParams &) const = default;
};

struct CheckpointResult {
    std::int64_t id = 0;
    std::int64_t time = 0;
    QString label;
    bool operator==(const CheckpointResult &) const = default;
};

enum class SaveFormat { Sqlite, Csv };

struct SaveParams {
    std::int64_t from = 0;
    std::int64_t to = 0;
    QString file;
    SaveFormat format = SaveFormat::Sqlite;
    bool operator==(const SaveParams &) const = default;
};

struct SaveResult {
    QStringList files;
    std::int64_t nodeRows = 0;
    std::int64_t processRows = 0;
    bool operator==(const SaveResult &) const = default;
};

// What `omcollectord ctl status` shows.
struct CollectorStatus {
    QString state; // the store writer's: writing, paused (an error stops writes), closed
    QString error; // why it is paused; empty otherwise
    QString database;
    std::int64_t databaseBytes = 0;        // the file and its WAL
    QString agent;                         // where the cluster comes from ("local socket /run/...")
    QString agentState;                    // connected, connecting, disconnected
    QString agentError;                    // why the last connection failed
    std::optional<std::int64_t> agentNode; // the entry agent's node ID
    int nodes = 0;                         // nodes in the last tick
    int processNodes = 0;                  // nodes whose processes are being recorded
    int processIntervalS = 0;              // 0: processes are not recorded
    std::int64_t ticksWritten = 0;         // since the daemon started
    std::int64_t ticksDropped = 0;
    std::optional<std::int64_t> lastTick;
    std::optional<std::int64_t> first; // the database's time range
    std::optional<std::int64_t> last;
    std::int64_t retentionRawS = 0;
    std::int64_t retentionMinuteS = 0;
    std::int64_t retentionHourS = 0;
    std::int64_t retentionProcessesS = 0;
    std::int64_t pid = 0;
    std::int64_t startedAt = 0;
    bool operator==(const CollectorStatus &) const = default;
};

QJsonObject toJson(const CheckpointParams &p);
QJsonObject toJson(const CheckpointResult &r);
QJsonObject toJson(const SaveParams &p);
QJsonObject toJson(const SaveResult &r);
QJsonObject toJson(const CollectorStatus &s);

// Parameters: strict (the daemon's side). Errors are -32602 naming the parameter.
std::expected<CheckpointParams, RpcError> checkpointParams(const QJsonValue &params);
std::expected<SaveParams, RpcError> saveParams(const QJsonValue &params);
// status and stop take no parameters.
std::expected<void, RpcError> noParams(const QJsonValue &params);

// Results: tolerant of members they do not know (the client's side).
std::expected<CheckpointResult, RpcError> checkpointResult(const QJsonValue &result);
std::expected<SaveResult, RpcError> saveResult(const QJsonValue &result);
std::expected<CollectorStatus, RpcError> collectorStatus(const QJsonValue &result);

QString formatName(SaveFormat format); // "sqlite", "csv"

} // namespace omview::collector
