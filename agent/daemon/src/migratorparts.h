// What the three parts of the Migrator share (migrator.cpp: the source's half;
// migratortarget.cpp: the target's; migratorrecovery.cpp: settling moves after a crash).
// Private to the daemon.
#pragma once

#include "omview/agent/migrator.h"

#include <QJsonArray>
#include <cerrno>
#include <csignal>
#include <omview/migration/migrationerror.h>
#include <omview/migration/movability.h>

namespace omview::agent::moves {

using migration::MigrationError;
using migration::Reason;
using namespace Qt::StringLiterals;

// How long a target may take to restore a process; a forwarded start waits as long.
constexpr int RestoreTimeoutMs = 300'000;
// How often a target asks about restored moves whose commit did not come, and after how long.
constexpr int SettleIntervalMs = 5'000;
constexpr qint64 SettleAfterMs = 10'000;
// How long a process killed by a move may take to die before its PID counts as taken.
constexpr qint64 DyingMs = 5'000;

inline QJsonArray pidArray(const QList<pid_t> &pids) {
    QJsonArray a;
    for (pid_t p : pids)
        a.append(qint64(p));
    return a;
}

inline QList<pid_t> pidList(const QJsonValue &v) {
    QList<pid_t> out;
    for (const QJsonValue &p : v.toArray())
        if (p.toInteger() > 0)
            out.append(pid_t(p.toInteger()));
    return out;
}

inline char stateOf(pid_t pid) {
    const auto stat = migration::readTaskStat(pid);
    return stat ? stat->state : '?';
}

inline bool running(pid_t pid) {
    return ::kill(pid, 0) == 0 || errno == EPERM;
}

// A refusal from a peer carries the reason in its data; anything else is the channel's.
inline MigrationError fromRpc(const RpcError &e, Reason otherwise) {
    const QJsonObject data = e.data.toObject();
    if (const auto r = MigrationError::fromName(data.value(u"reason"_s).toString()))
        return MigrationError{*r, e.message};
    if (e.code == int(ErrorCode::NoSuchNode) || e.code == int(ErrorCode::ForwardingFailed))
        return MigrationError{Reason::Unreachable, e.message};
    return MigrationError{otherwise, e.message};
}

inline RpcError refusal(Reason reason, const QString &message) {
    return toRpcError(MigrationError{reason, message}, 0);
}

} // namespace omview::agent::moves
