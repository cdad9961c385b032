// This node as the agent last sampled it: /proc and /proc/hpc merged into the protocol's types.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <cstdint>
#include <memory>
#include <omview/agent/agentlog.h>
#include <omview/protocol/types.h>
#include <span>

namespace omview {
class NodeSampler;
class ProcessSampler;
namespace hpc {
class HpcBackend;
}
} // namespace omview

namespace omview::agent {

// Each interval samples the node (NodeSampler + the backend's info/ and status) and its
// processes (ProcessSampler + the backend's procs table and guests), and announces it.
// Readers between samples get the last one; a failed source keeps its previous values and
// is logged once per run of failures, not every interval.
class LocalNode : public QObject {
    Q_OBJECT
public:
    LocalNode(hpc::HpcBackend &backend, const QString &procRoot, QObject *parent = nullptr);
    ~LocalNode() override;

    void start(int intervalMs);
    // Samples at once (also before the first interval elapses).
    void sample();

    // The node ID: the backend's mospe (0 = openMosix off).
    NodeId id() const { return m_status.id; }
    const NodeStatus &status() const { return m_status; }
    // The processes of the last sample in ascending pid order; valid until the next sample.
    // A process of this node that runs elsewhere is listed too, with `where` its node, as
    // openMosix's home node showed it.
    std::span<const ProcessInfo> processes() const;
    // The process @pid of the last sample, null when it was not in it.
    const ProcessInfo *process(std::int32_t pid) const;
    // @p leaves this node for another: its row stays, from these values, while it is away.
    void rememberAway(const ProcessInfo &p);
    bool hasSample() const { return m_samples > 0; }

    // The node map or mospe changed: this node's ID, address, speed and status bits are read
    // again now, so requests that follow see them without waiting for the next sample.
    void refreshIdentity();
    // A setting changed: the speed and status bits are read again now, so that
    // `mosctl setspeed N; mosctl getspeed` shows N.
    void refreshSettings();

signals:
    void sampled();

private:
    void sampleNode();
    void sampleProcesses();
    QString addressOf(NodeId id);
    void forgetAddress();

    hpc::HpcBackend &m_backend;
    std::unique_ptr<NodeSampler> m_nodeSampler;
    std::unique_ptr<ProcessSampler> m_processSampler;
    QTimer m_timer;
    NodeStatus m_status;
    NodeId m_addressId = 0;
    QString m_address;
    std::uint64_t m_samples = 0;
    QHash<std::int32_t, ProcessInfo> m_away; // last rows of processes that left
    QList<ProcessInfo> m_rows;               // the table with the away rows, when there are any
    bool m_withAway = false;
    FailureNotice m_nodeFailure{QStringLiteral("sampling the node")};
    FailureNotice m_hpcFailure{QStringLiteral("reading /proc/hpc")};
    FailureNotice m_processFailure{QStringLiteral("sampling processes")};
};

} // namespace omview::agent
