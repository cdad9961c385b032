// How the history browser writes times, spans, CPU time, memory and nodes.
#pragma once

#include <QString>
#include <cstdint>
#include <omview/store/types.h>

namespace omview::history {

// "2024-06-10 12:00:05", local time.
QString timeText(std::int64_t t);
// "45 s", "3 min 20 s", "12 min", "3 h 20 min", "2 d 4 h".
QString spanText(std::int64_t seconds);
// CPU time: "0.25 s", "42 s", "3:05", "1:02:03".
QString cpuTimeText(std::int64_t ms);
// "512 bytes", "999.0 KiB", "1.0 MiB" (from 1000 KiB on), "1.5 GiB": one
// decimal, never four digits before the point -- as the console shows memory.
QString memoryText(std::uint64_t bytes);
// A node as people know it: its hostname, or "node 3" before one is known.
QString nodeText(store::NodeId node, const QString &hostname);

} // namespace omview::history
