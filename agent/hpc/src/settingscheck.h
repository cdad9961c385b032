// Validation of a SettingsChange against kernel/core's checks, shared by both backends.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <expected>
#include <functional>
#include <omview/hpc/hpcerror.h>
#include <omview/protocol/types.h>

namespace omview::hpc {

// The settings after @change, or the first field the module would refuse (EINVAL, its file,
// why). @mapped tells whether the map defines a node ID (for mospe).
std::expected<Settings, HpcError> mergeSettings(const Settings &current,
                                                const SettingsChange &change,
                                                const std::function<bool(NodeId)> &mapped);

// One admin/ file, the text to write to it and the text that restores its old value.
struct SettingsWrite {
    QString file; // "admin/speed"
    QByteArray text;
    QByteArray undo;
};

// The writes that turn @from into @to, changed fields only, ordered so that every intermediate
// state is valid (slowdecay >= fastdecay holds after each write). Undoing them in reverse order
// with the values of @from is valid too.
QList<SettingsWrite> settingsWrites(const Settings &from, const Settings &to);

} // namespace omview::hpc
