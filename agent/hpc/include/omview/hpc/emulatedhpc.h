// EmulatedHpc: HpcBackend without the module, the /proc/hpc tree kept in the agent's memory.
#pragma once

#include <QTimer>
#include <cstdint>
#include <functional>
#include <memory>
#include <omview/hpc/hpcbackend.h>
#include <optional>

struct hpc_decay_params;
struct hpc_node_view;
struct hpc_proc_view;

namespace omview::hpc {

class NodeLoad;
class NodeMap;
class PeerTable;
class ProcFs;
class ProcessTable;
class LoadInFlight;
class RequestQueue;
struct TrackedProcess;

// Monotonic milliseconds; tests substitute a clock they advance by hand.
using HpcClock = std::function<std::int64_t()>;
HpcClock steadyClock();

// The module's behaviour rebuilt in userspace on kernel/core: tunables, map, node table, load,
// per-process usage from <procRoot>/<pid>/stat, cantmove from <procRoot>/<pid>/status, the
// balancer and the request queue. The node is the PID namespace <procRoot> shows: load counts
// its runnable tasks only (procs_running of <procRoot>/stat where that is the initial
// namespace, else a walk of every thread's stat), sampled at 10 Hz while a count costs up to
// 1 ms of CPU and on fewer ticks beyond, down to 1 Hz (a walk costs about 13 µs a thread on
// the development VM, 13-15 ms for 1000 threads: such a namespace is sampled once a second),
// folded each second. CPU count, utilisation and memory are the host's, as a namespace has
// none of its own. What it cannot see: a process's own writes to decay/ (processes opt in
// through setDecayOption, which the agent offers); a fork as it happens (a child inherits lock,
// decay class and job kind when first seen, at most a second later); memory shared by a vfork
// child or locked by mlockall(MCL_FUTURE) before any page is (clone_vm counts threads,
// mem_lock reads VmLck).
class EmulatedHpc final : public HpcBackend {
    Q_OBJECT
public:
    explicit EmulatedHpc(const QString &procRoot = QStringLiteral("/proc"),
                         HpcClock clock = steadyClock(), QObject *parent = nullptr);
    ~EmulatedHpc() override;

    QString kind() const override { return QStringLiteral("emulated"); }

    HpcResult<NodeId> nodeId() const override;
    HpcResult<HpcNodeValues> info() const override;
    HpcResult<QList<HpcNodeEntry>> nodes() const override;
    HpcResult<Settings> settings() const override;
    HpcResult<Settings> apply(const SettingsChange &change) override;
    HpcResult<QString> map() const override;
    HpcResult<void> setMap(const QString &text) override;
    HpcResult<QList<HpcProcEntry>> procs() const override;
    HpcResult<QList<HpcGuest>> guests() const override;
    HpcResult<void> setLock(Pid pid, bool locked) override;
    HpcResult<void> migrate(Pid pid, const HpcTarget &target) override;
    HpcResult<void> reportWhere(Pid pid, NodeId node) override;
    HpcResult<void> reportExited(Pid pid) override;
    HpcResult<void> addGuest(Pid pid, NodeId home, Pid homePid) override;
    HpcResult<void> delGuest(Pid pid) override;
    HpcResult<void> feedLoads(const QList<HpcPeerRecord> &records) override;
    HpcResult<void> expel() override;
    HpcResult<void> bring() override;
    HpcResult<void> setDecayOption(Pid pid, HpcDecayOption option) override;
    QList<HpcRequest> takeRequests() override;

private:
    void sampleTick();
    void foldSecond();
    hpc_decay_params decayParams() const;
    std::uint32_t selfStatus() const;
    HpcResult<TrackedProcess *> tracked(Pid pid, const QString &file);
    HpcResult<void> checkMapped(NodeId id, const QString &file) const;
    // The text of an admin/where or admin/guests write, through kernel/core's parser.
    HpcResult<void> applyWhere(const QByteArray &text);
    HpcResult<void> applyGuests(const QByteArray &text);
    bool queue(const HpcRequest &request);
    HpcResult<void> queueAll(const QList<HpcRequest> &requests, const QString &file);

    void balance();
    std::optional<hpc_node_view> selfView() const;
    QList<hpc_node_view> peerViews() const;
    // The two views with the load of the moves under way (LoadInFlight).
    std::optional<hpc_node_view> balancingSelf() const;
    QList<hpc_node_view> balancingPeers() const;
    hpc_proc_view procView(const TrackedProcess &p) const;
    HpcResult<HpcTarget> resolveBalance(const TrackedProcess &p) const;
    static HpcTarget targetOf(const TrackedProcess &p, NodeId node);

    HpcClock m_clock;
    std::unique_ptr<ProcFs> m_fs;
    std::unique_ptr<NodeLoad> m_load;
    std::unique_ptr<NodeMap> m_map;
    std::unique_ptr<PeerTable> m_peers;
    std::unique_ptr<ProcessTable> m_procs;
    std::unique_ptr<RequestQueue> m_requests;
    std::unique_ptr<LoadInFlight> m_inFlight;
    Settings m_settings;
    QTimer m_sampleTimer;
    int m_ticksThisSecond = 0;
    bool m_signalPending = false;
};

} // namespace omview::hpc
