#include <omview/migration/migrationerror.h>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace omview::migration {

namespace {
constexpr std::array names{
    std::pair{Reason::NoSuchProcess, "no-such-process"_L1},
    std::pair{Reason::CantMove, "cantmove"_L1},
    std::pair{Reason::AlreadyThere, "already-there"_L1},
    std::pair{Reason::TargetRefused, "target-refused"_L1},
    std::pair{Reason::Unreachable, "unreachable"_L1},
    std::pair{Reason::Busy, "busy"_L1},
    std::pair{Reason::DumpFailed, "dump-failed"_L1},
    std::pair{Reason::TransferFailed, "transfer-failed"_L1},
    std::pair{Reason::NoSpace, "no-space"_L1},
    std::pair{Reason::PidTaken, "pid-taken"_L1},
    std::pair{Reason::RestoreFailed, "restore-failed"_L1},
    std::pair{Reason::Internal, "internal"_L1},
};
} // namespace

QLatin1StringView MigrationError::name(Reason reason) {
    for (const auto &[r, n] : names)
        if (r == reason)
            return n;
    return "internal"_L1;
}

std::optional<Reason> MigrationError::fromName(QStringView name) {
    for (const auto &[r, n] : names)
        if (name == n)
            return r;
    return std::nullopt;
}

} // namespace omview::migration
