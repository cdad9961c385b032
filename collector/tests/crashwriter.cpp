// A collector that writes as fast as it can, for collector.crash to kill -9:
// ticks of many nodes with process snapshots, short retentions so that
// rollups and pruning run all the time. Prints "ready" once it writes.
//
//   collector_crashwriter DATABASE NODES
#include "storetestsupport.h"

#include <cstdio>
#include <cstdlib>
#include <omview/store/storewriter.h>

using namespace omview::store;

int main(int argc, char *argv[]) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DATABASE NODES\n", argv[0]);
        return 2;
    }
    const int nodes = std::atoi(argv[2]);
    WriterOptions options;
    options.path = QString::fromLocal8Bit(argv[1]);
    options.durability = Durability::Full; // what the daemon uses
    options.retention.raw = std::chrono::seconds(600);
    options.retention.minute = std::chrono::seconds(4 * 3600);
    options.retention.hour = std::chrono::seconds(86400);
    options.retention.processes = std::chrono::seconds(600);
    options.batchRows = 300;
    auto writer = StoreWriter::open(options);
    if (!writer) {
        std::fprintf(stderr, "%s\n", qPrintable(writer.error().message));
        return 1;
    }
    // Twenty minutes before an hour boundary, so that the kills also hit the
    // hour's rollup.
    std::int64_t t = (*writer)->status().lastTick.value_or(1699999200 + 2400) + 1;
    bool announced = false;
    for (;; ++t) {
        Tick tick;
        tick.t = t;
        for (int n = 1; n <= nodes; ++n)
            tick.nodes.append(storetest::sampleAt(t, static_cast<NodeId>(n)));
        if (t % 5 == 0) {
            for (int n = 1; n <= 3; ++n) {
                NodeProcesses snapshot{static_cast<NodeId>(n), {}};
                for (int k = 0; k < 20; ++k) {
                    ProcessSample p;
                    p.pid =
                        1000 + k + static_cast<int>((t / 300) % 7) * 20; // processes come and go
                    p.command = QStringLiteral("job%1").arg(k);
                    p.cpuTimeMs = t;
                    p.startTimeMs = (t / 300) * 300000;
                    snapshot.processes.append(p);
                }
                tick.processes.append(snapshot);
            }
        }
        while (true) {
            auto done = (*writer)->submit(tick);
            if (done)
                break;
            if (done.error().kind != StoreError::Kind::Busy) {
                std::fprintf(stderr, "%s\n", qPrintable(done.error().message));
                return 1;
            }
            QThread::msleep(1);
        }
        if (!announced && t % 50 == 0) {
            storetest::await((*writer)->flush());
            std::printf("ready\n");
            std::fflush(stdout);
            announced = true;
        }
    }
}
