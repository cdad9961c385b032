// Validation of settings changes with kernel/core's own checks (hpc/tune.h), so
// the console, the tools, the agent and hpc.ko accept and refuse the same values.
#pragma once

#include <expected>
#include <omview/protocol/protocolerror.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview {

// Checks every member that is set on its own: types' ranges, overheads of four
// valid values, and slowDecay >= fastDecay when both are set. Returns the first
// problem, naming the member ("overheads[1]").
std::optional<ProtocolError> validate(const SettingsChange &change);

// The settings `current` becomes with `change` applied, validated as a whole
// (a lone slowDecay is checked against the current fastDecay). `version` is kept.
std::expected<Settings, ProtocolError> applyChange(const Settings &current,
                                                   const SettingsChange &change);

// The change that turns `before` into `after` (only the members that differ).
SettingsChange changeBetween(const Settings &before, const Settings &after);

} // namespace omview
