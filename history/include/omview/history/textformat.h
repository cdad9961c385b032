// How the history browser writes times, spans, CPU time and nodes (memory: omview::memoryText).
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
// A node as people know it: its hostname, or "node 3" before one is known.
QString nodeText(store::NodeId node, const QString &hostname);

} // namespace omview::history
