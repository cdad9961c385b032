// The text of /proc/hpc: what each write carries, and the parsing of what reads return.
// ProcHpc writes these bytes; EmulatedHpc runs the same bytes through kernel/core's parsers,
// so both refuse the same input.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <expected>
#include <omview/hpc/hpctypes.h>
#include <optional>

namespace omview::hpc {

QByteArray migrateText(Pid pid, const HpcTarget &target); // "PID TARGET\n"
QByteArray lockText(Pid pid, bool locked);                // "PID 0|1\n"
QByteArray whereText(Pid pid, NodeId node);               // "PID NODE\n"
QByteArray exitedText(Pid pid);                           // "PID exited\n"
QByteArray guestAddText(Pid pid, NodeId home, Pid homePid);
QByteArray guestDelText(Pid pid);
QByteArray peerRecordLine(const HpcPeerRecord &record); // "ID STATUS LOAD ... UTIL\n"

// Splits @records into writes of at most @maxBytes each, lines whole.
QList<QByteArray> loadsWrites(const QList<HpcPeerRecord> &records, qsizetype maxBytes);

// A decimal value as a one-value file holds it ("-110\n" included).
std::optional<std::int64_t> parseNumber(const QByteArray &text);

// One line of the requests file: "PID TARGET REASON".
std::optional<HpcRequest> parseRequestLine(const QByteArray &line);

// The procs table: a "#" header line, then "PID WHERE LOCK NMIGS USAGE DECAY JOB CANTMOVE".
std::expected<QList<HpcProcEntry>, QString> parseProcsTable(const QByteArray &text);

} // namespace omview::hpc
