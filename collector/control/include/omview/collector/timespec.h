// How people write times and durations for the collector: retention periods
// on its command line ("14d", "3mo"), ranges for `omcollectord ctl save`
// ("-2h", "now", "2024-06-10T12:00").
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>
#include <chrono>
#include <cstdint>
#include <expected>

namespace omview::collector {

// "90" or "90s", "15m"/"15min", "2h", "14d", "2w", "3mo" (30 days), "2y"
// (365 days). Positive, at most 100 years. The error says what was expected.
std::expected<std::chrono::seconds, QString> parseDuration(QStringView text);
// The largest unit that divides it (no weeks): "14d", "90m", "45s".
QString formatDuration(std::chrono::seconds duration);

// A point in time, in seconds since the epoch:
//   now | now-DURATION | -DURATION          relative to @p now
//   @SECONDS | SECONDS                      seconds since the epoch
//   2024-06-10T12:00[:00][Z|+02:00]         ISO 8601; local time without a zone
//   2024-06-10 12:00[:00]                   the same with a space
//   2024-06-10                              midnight, local time
std::expected<std::int64_t, QString> parseTime(QStringView text, const QDateTime &now);

} // namespace omview::collector
