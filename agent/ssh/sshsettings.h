// Checks of SshTarget fields shared by SshTarget and SshProfile (private).
#pragma once

#include <QVariantMap>
#include <expected>
#include <omview/ssh/sshtarget.h>
#include <optional>

namespace omview {

// The fields of a map as settings without a host; validated except for the host.
std::expected<SshTarget, QString> sshSettingsFromMap(const QVariantMap &map);
// What is wrong with everything but the host.
std::optional<QString> sshSettingsProblem(const SshTarget &settings);

} // namespace omview
