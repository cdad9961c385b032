// Why a migration did not happen: a reason callers branch on (the API's error data, the
// migrate tool's exit message), and the words for the operator.
#pragma once

#include <QLatin1StringView>
#include <QString>
#include <optional>

namespace omview::migration {

enum class Reason {
    NoSuchProcess,  // the PID is not (or no longer) there
    CantMove,       // refused before anything stopped: sockets, a terminal, devices, ...
    AlreadyThere,   // the target is where the process runs
    TargetRefused,  // the target blocks guests, is this node, or is not a member
    Unreachable,    // the target's (or the source's) agent could not be reached
    Busy,           // the process is being moved already
    DumpFailed,     // criu dump failed; the process was resumed where it was
    TransferFailed, // the images did not reach the target; resumed where it was
    NoSpace,        // the target had no room for the images; resumed where it was
    PidTaken,       // the target has another process with that PID; resumed where it was
    RestoreFailed,  // criu restore failed on the target; resumed where it was
    Internal,
};

struct MigrationError {
    Reason reason = Reason::Internal;
    QString message;

    // Wire names ("cantmove", "pid-taken", ...), stable for scripts and the console.
    static QLatin1StringView name(Reason reason);
    static std::optional<Reason> fromName(QStringView name);
    QString toString() const { return message; }
};

} // namespace omview::migration
