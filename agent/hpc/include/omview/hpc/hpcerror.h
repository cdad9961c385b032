// HpcError: why /proc/hpc or its emulation refused or failed an access.
#pragma once

#include <QString>
#include <cstdint>

namespace omview::hpc {

// A refusal or I/O failure, with the errno the module returns (or would return), the file under
// the /proc/hpc root it concerns and a sentence for the operator.
struct HpcError {
    int errnum = 0;         // positive errno value: EINVAL, ESRCH, ENOENT, EBUSY, EPERM, ...
    QString file;           // relative to the root: "admin/speed", "nodes/3/load"
    QString message;        // "speed: 0 out of range 1..1000000"
    std::uint32_t line = 0; // admin/config only: the 1-based line of the first error

    // "admin/speed: speed: 0 out of range 1..1000000 (Invalid argument)"
    QString toString() const;
    bool operator==(const HpcError &) const = default;
};

// An error for @file from a system call's @errnum, worded "reading admin/speed: No such file...".
HpcError systemError(int errnum, const QString &file, const QString &action);

} // namespace omview::hpc
