// Value samples shared by the protocol tests: every field away from its default.
#pragma once

#include <limits>
#include <omview/protocol/types.h>

namespace omview::test {

inline NodeStatus sampleStatus(NodeId id = 3) {
    NodeStatus s;
    s.id = id;
    s.address = QStringLiteral("10.0.0.%1").arg(id);
    s.hostname = QStringLiteral("n%1").arg(id);
    s.status = 3;
    s.load = 120;
    s.exportLoad = 130;
    s.loadAvg[0] = 0.52;
    s.loadAvg[1] = 0.4;
    s.loadAvg[2] = 0.31;
    s.speed = 12000;
    s.cpus = 4;
    s.memTotal = (std::uint64_t{1} << 53) + 1; // beyond a double's exact integers
    s.memUsed = 2241806336;
    s.memFree = 2147483648;
    s.memAvailable = std::uint64_t{std::numeric_limits<std::int64_t>::max()};
    s.util = 31;
    s.sampledAt = 1718000000123;
    return s;
}

inline NodeRecord sampleRecord(NodeId id = 3) {
    return NodeRecord{sampleStatus(id), 412, true};
}

inline Settings sampleSettings() {
    Settings s;
    s.mospe = 3;
    s.block = true;
    s.stay = true;
    s.lstay = true;
    s.quiet = true;
    s.speed = 15000;
    s.sspeed = 9000;
    s.decayInterval = 2;
    s.slowDecay = 990;
    s.fastDecay = 900;
    s.overheads[0] = 1500;
    s.overheads[1] = 20;
    s.overheads[2] = 60;
    s.overheads[3] = 110;
    s.version = QStringLiteral("hpc 1.0.0");
    return s;
}

inline ProcessInfo sampleProcess(std::int32_t pid = 4242) {
    ProcessInfo p;
    p.pid = pid;
    p.ppid = 4100;
    p.uid = 1000;
    p.user = QStringLiteral("ada");
    p.command = QStringLiteral("povray");
    p.cmdline = QStringLiteral("povray -w1920 \"scene one.pov\"\nsecond line ünïcödé");
    p.tty = QStringLiteral("pts/3");
    p.state = 'R';
    p.cpuPercent = 99.5;
    p.cpuTimeMs = 86400000123;
    p.rss = 73400320;
    p.nice = -5;
    p.startTime = 1718000000000;
    p.where = 4;
    p.home = 3;
    p.locked = true;
    p.nmigs = 2;
    p.cantmove = QStringLiteral("clone_vm,mem_lock");
    p.guest = true;
    return p;
}

} // namespace omview::test
