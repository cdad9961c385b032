// Signals and nice values of local processes, with the API's errors.
#pragma once

#include <QString>
#include <cstdint>
#include <omview/protocol/methods.h>
#include <omview/protocol/rpcerror.h>
#include <optional>

namespace omview::agent {

// SIGTERM etc. for the API's signals.
int signalNumber(ProcessSignal signal);

// kill(2) / setpriority(2) on @pid: nullopt on success, else -32001 (no such process,
// data {pid}) or -32003 (not permitted) with the errno in the message.
std::optional<RpcError> sendSignal(std::int32_t pid, ProcessSignal signal);
std::optional<RpcError> renice(std::int32_t pid, int nice);

} // namespace omview::agent
