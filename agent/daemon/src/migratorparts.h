// What the three parts of the Migrator share (migrator.cpp: the source's half;
// migratortarget.cpp: the target's; migratorrecovery.cpp: settling moves after a crash).
// Private to the daemon.
#pragma once

#include "omview/agent/migrator.h"

#include <QFile>
#include <QJsonArray>
#include <cerrno>
#include <csignal>
#include <omview/migration/migrationerror.h>

namespace omview::agent::moves {

using migration::MigrationError;
using migration::Reason;
using namespace Qt::StringLiterals;

// How long a target may take to restore a process; a forwarded start waits as long.
constexpr int RestoreTimeoutMs = 300'000;
// How often a target asks about restored moves whose commit did not come, and after how long.
constexpr int SettleIntervalMs = 5'000;
constexpr qint64 SettleAfterMs = 10'000;

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
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray text = f.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() ? text.at(close + 2) : '?';
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
