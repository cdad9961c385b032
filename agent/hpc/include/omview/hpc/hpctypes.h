// Values the /proc/hpc backends read and write, in the module's own units (pages of 4096 bytes,
// load units, per mille); docs/proc-hpc.md defines each.
#pragma once

#include <QList>
#include <QString>
#include <cstdint>
#include <omview/protocol/types.h>

namespace omview::hpc {

using Pid = std::int32_t;

// The files of info/ (this node) and nodes/<ID>/ (exportLoad: info/ only, 0 elsewhere).
struct HpcNodeValues {
    std::uint32_t cpus = 0;
    std::uint32_t load = 0;
    std::uint32_t exportLoad = 0;
    std::uint64_t mem = 0;  // available, pages
    std::uint64_t rmem = 0; // raw free, pages
    std::uint64_t tmem = 0; // total, pages
    std::uint32_t speed = 0;
    std::uint32_t status = 0; // NodeStatusBit mask
    std::uint32_t util = 0;   // percent
    bool operator==(const HpcNodeValues &) const = default;
};

// One row of the node table: a node of the map and what this node knows of it. When errnum is
// set the values read -errnum, except status: "configured", plus a stale record's bits
// without "up".
struct HpcNodeEntry {
    NodeId id = 0;
    QString address; // primary address in the map
    int errnum = 0;  // ENETUNREACH (never heard), ETIMEDOUT (stale), or as the agent reported
    HpcNodeValues values;
    bool reachable() const { return errnum == 0; }
    bool operator==(const HpcNodeEntry &) const = default;
};

// A process's decay class and declared job kind (decay/slow, fast, nodecay; cpujob, iojob).
enum class HpcDecayClass { Slow, Fast, NoDecay };
enum class HpcJobKind { Any, Cpu, Io };

// The decay/ files: each acts on one process and is inherited by the children it forks later.
enum class HpcDecayOption { Clear, CpuJob, IoJob, Slow, Fast, NoDecay };

// One row of the procs table.
struct HpcProcEntry {
    Pid pid = 0;
    NodeId where = 0; // 0 = here
    bool locked = false;
    std::uint32_t nmigs = 0;
    std::uint32_t usage = 0; // decayed CPU usage, per mille of one CPU
    HpcDecayClass decay = HpcDecayClass::Slow;
    HpcJobKind job = HpcJobKind::Any;
    QString cantmove; // "" when it can move, else reasons: "clone_vm,mem_lock"
    bool operator==(const HpcProcEntry &) const = default;
};

// A guest process registered through admin/guests (remote/<PID>/).
struct HpcGuest {
    Pid pid = 0;
    NodeId home = 0;
    QString homeAddress;
    Pid homePid = 0;
    bool operator==(const HpcGuest &) const = default;
};

// Where a migration request sends a process.
struct HpcTarget {
    enum class Kind { Node, Home, Balance };
    Kind kind = Kind::Home;
    NodeId node = 0; // Kind::Node only

    static HpcTarget toNode(NodeId id) { return {Kind::Node, id}; }
    static HpcTarget home() { return {Kind::Home, 0}; }
    static HpcTarget balance() { return {Kind::Balance, 0}; } // migrate() only: resolved first
    bool operator==(const HpcTarget &) const = default;
};

enum class HpcReason { User, Balance, Memory, Expel, Bring };

// One line of the requests queue: the agent is asked to move @pid to @target.
struct HpcRequest {
    Pid pid = 0;
    HpcTarget target; // Node or Home
    HpcReason reason = HpcReason::User;
    bool operator==(const HpcRequest &) const = default;
};

// A peer's load record as written to admin/loads; status < 0 is -errno (unreachable) and the
// other fields are then ignored.
struct HpcPeerRecord {
    NodeId id = 0;
    std::int32_t status = 0;
    std::uint32_t load = 0;
    std::uint32_t speed = 10000;
    std::uint32_t cpus = 1;
    std::uint64_t mem = 0;
    std::uint64_t rmem = 0;
    std::uint64_t tmem = 0;
    std::uint32_t util = 0;

    static HpcPeerRecord unreachable(NodeId id, int errnum) {
        return {.id = id, .status = -errnum};
    }
    bool operator==(const HpcPeerRecord &) const = default;
};

QString reasonName(HpcReason reason);           // "user", "balance", ...
QString targetText(const HpcTarget &target);    // "3", "home", "balance"
QString decayClassName(HpcDecayClass decay);    // "slow", "fast", "nodecay"
QString jobKindName(HpcJobKind job);            // "any", "cpu", "io"
QString decayOptionFile(HpcDecayOption option); // "decay/clear", "decay/cpujob", ...

} // namespace omview::hpc
