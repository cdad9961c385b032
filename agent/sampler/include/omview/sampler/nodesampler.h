// Samples the node-wide figures of a /proc tree: load averages, memory, CPU
// count and utilisation, hostname.
#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <expected>
#include <memory>
#include <omview/protocol/types.h>
#include <optional>
#include <vector>

namespace omview {

namespace sampler {
class ProcRoot;
}

// Reads <procRoot>/{loadavg,meminfo,stat,sys/kernel/hostname} on each call.
// Utilisation is measured over the interval since the previous successful
// call (0 on the first). The openMosix fields of NodeStatus (id, address,
// status, load, exportLoad, speed) come from the hpc backend and are left to
// the caller.
class NodeSampler {
public:
    explicit NodeSampler(const QString &procRoot = QStringLiteral("/proc"));
    ~NodeSampler();
    NodeSampler(const NodeSampler &) = delete;
    NodeSampler &operator=(const NodeSampler &) = delete;

    // Fills hostname, loadAvg, cpus, memTotal/Used/Free/Available, util and
    // sampledAt. On error `status` and the sampler are unchanged and the
    // message names the file and the reason.
    std::expected<void, QString> sample(NodeStatus &status);

private:
    struct CpuTotals {
        std::uint64_t busy = 0;
        std::uint64_t total = 0;
    };

    QByteArray procRoot_;
    std::unique_ptr<sampler::ProcRoot> root_;
    std::vector<char> buffer_; // file contents, reused by every read
    std::optional<CpuTotals> previous_;
    QByteArray hostnameBytes_; // the bytes hostname_ was made from
    QString hostname_;
};

} // namespace omview
