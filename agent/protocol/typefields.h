// The field tables of the value types in types.h (private to omprotocol):
// one place names every JSON member, shared by the codecs and the deltas.
#pragma once

#include "fields.h"

#include <array>
#include <omview/protocol/types.h>

namespace omview::detail {

using namespace Qt::Literals::StringLiterals;

inline constexpr auto nodeStatusFields = std::to_array<Field<NodeStatus>>({
    field<&NodeStatus::id>("id"_L1),
    field<&NodeStatus::address>("address"_L1),
    field<&NodeStatus::hostname>("hostname"_L1),
    field<&NodeStatus::status>("status"_L1),
    field<&NodeStatus::load>("load"_L1),
    field<&NodeStatus::exportLoad>("exportLoad"_L1),
    field<&NodeStatus::loadAvg>("loadAvg"_L1),
    field<&NodeStatus::speed>("speed"_L1),
    field<&NodeStatus::cpus>("cpus"_L1),
    field<&NodeStatus::memTotal>("memTotal"_L1),
    field<&NodeStatus::memUsed>("memUsed"_L1),
    field<&NodeStatus::memFree>("memFree"_L1),
    field<&NodeStatus::memAvailable>("memAvailable"_L1),
    field<&NodeStatus::util>("util"_L1),
    field<&NodeStatus::sampledAt>("sampledAt"_L1),
});

// A NodeRecord is its NodeStatus's fields, flat, plus these.
inline constexpr auto nodeRecordOwnFields = std::to_array<Field<NodeRecord>>({
    field<&NodeRecord::ageMs>("ageMs"_L1),
    field<&NodeRecord::alive>("alive"_L1),
});

inline constexpr auto settingsFields = std::to_array<Field<Settings>>({
    field<&Settings::mospe>("mospe"_L1),
    field<&Settings::block>("block"_L1),
    field<&Settings::stay>("stay"_L1),
    field<&Settings::lstay>("lstay"_L1),
    field<&Settings::quiet>("quiet"_L1),
    field<&Settings::speed>("speed"_L1),
    field<&Settings::sspeed>("sspeed"_L1),
    field<&Settings::decayInterval>("decayInterval"_L1),
    field<&Settings::slowDecay>("slowDecay"_L1),
    field<&Settings::fastDecay>("fastDecay"_L1),
    field<&Settings::overheads>("overheads"_L1),
    field<&Settings::version>("version"_L1),
});

// Ranges are checked as a whole by validate(SettingsChange), which needs
// several fields at once (slowDecay >= fastDecay).
inline constexpr auto settingsChangeFields = std::to_array<Field<SettingsChange>>({
    field<&SettingsChange::mospe>("mospe"_L1),
    field<&SettingsChange::block>("block"_L1),
    field<&SettingsChange::stay>("stay"_L1),
    field<&SettingsChange::lstay>("lstay"_L1),
    field<&SettingsChange::quiet>("quiet"_L1),
    field<&SettingsChange::speed>("speed"_L1),
    field<&SettingsChange::sspeed>("sspeed"_L1),
    field<&SettingsChange::decayInterval>("decayInterval"_L1),
    field<&SettingsChange::slowDecay>("slowDecay"_L1),
    field<&SettingsChange::fastDecay>("fastDecay"_L1),
    field<&SettingsChange::overheads>("overheads"_L1),
});

inline constexpr auto processInfoFields = std::to_array<Field<ProcessInfo>>({
    field<&ProcessInfo::pid>("pid"_L1),
    field<&ProcessInfo::ppid>("ppid"_L1),
    field<&ProcessInfo::uid>("uid"_L1),
    field<&ProcessInfo::user>("user"_L1),
    field<&ProcessInfo::command>("command"_L1),
    field<&ProcessInfo::cmdline>("cmdline"_L1),
    field<&ProcessInfo::tty>("tty"_L1),
    field<&ProcessInfo::state>("state"_L1),
    field<&ProcessInfo::cpuPercent>("cpuPercent"_L1),
    field<&ProcessInfo::cpuTimeMs>("cpuTimeMs"_L1),
    field<&ProcessInfo::rss>("rss"_L1),
    field<&ProcessInfo::nice>("nice"_L1),
    field<&ProcessInfo::startTime>("startTime"_L1),
    field<&ProcessInfo::where>("where"_L1),
    field<&ProcessInfo::home>("home"_L1),
    field<&ProcessInfo::locked>("locked"_L1),
    field<&ProcessInfo::nmigs>("nmigs"_L1),
    field<&ProcessInfo::cantmove>("cantmove"_L1),
    field<&ProcessInfo::guest>("guest"_L1),
});

inline constexpr auto migrationEventFields = std::to_array<Field<MigrationEvent>>({
    field<&MigrationEvent::id>("id"_L1),
    field<&MigrationEvent::pid>("pid"_L1),
    field<&MigrationEvent::home>("home"_L1),
    field<&MigrationEvent::from>("from"_L1),
    field<&MigrationEvent::to>("to"_L1),
    field<&MigrationEvent::phase>("phase"_L1),
    field<&MigrationEvent::reason>("reason"_L1),
    field<&MigrationEvent::failure>("failure"_L1),
    field<&MigrationEvent::message>("message"_L1),
    field<&MigrationEvent::command>("command"_L1),
    field<&MigrationEvent::bytes>("bytes"_L1),
    field<&MigrationEvent::freezeMs>("freezeMs"_L1),
    field<&MigrationEvent::totalMs>("totalMs"_L1),
    field<&MigrationEvent::at>("at"_L1),
});

} // namespace omview::detail
