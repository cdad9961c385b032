// HpcBackend: the agent's access to /proc/hpc, whether the module's files or their emulation.
#pragma once

#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <expected>
#include <memory>
#include <omview/hpc/hpcerror.h>
#include <omview/hpc/hpctypes.h>
#include <omview/protocol/types.h>

namespace omview::hpc {

Q_DECLARE_LOGGING_CATEGORY(lcHpc) // "omview.hpc"

template<typename T> using HpcResult = std::expected<T, HpcError>;

// The /proc/hpc tree as one interface (docs/proc-hpc.md). Both implementations refuse the same
// inputs with the same errno; every write either happens as a whole or not at all.
class HpcBackend : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~HpcBackend() override;

    virtual QString kind() const = 0; // "proc" or "emulated"

    // admin/mospe: this node's ID, 0 = openMosix off.
    virtual HpcResult<NodeId> nodeId() const = 0;
    // info/.
    virtual HpcResult<HpcNodeValues> info() const = 0;
    // nodes/<ID>/ for every ID of the map, ascending.
    virtual HpcResult<QList<HpcNodeEntry>> nodes() const = 0;

    // admin/ tunables, and a change validated as a whole before anything is written.
    virtual HpcResult<Settings> settings() const = 0;
    virtual HpcResult<Settings> apply(const SettingsChange &change) = 0;

    // admin/config: the map in canonical form; a new map, refused naming its first bad line.
    virtual HpcResult<QString> map() const = 0;
    virtual HpcResult<void> setMap(const QString &text) = 0;

    // procs and remote/.
    virtual HpcResult<QList<HpcProcEntry>> procs() const = 0;
    virtual HpcResult<QList<HpcGuest>> guests() const = 0;

    // admin/lock, migrate, where, guests, loads, expel, bring.
    virtual HpcResult<void> setLock(Pid pid, bool locked) = 0;
    virtual HpcResult<void> migrate(Pid pid, const HpcTarget &target) = 0;
    virtual HpcResult<void> reportWhere(Pid pid, NodeId node) = 0; // 0 = back home
    virtual HpcResult<void> reportExited(Pid pid) = 0;             // an away process ended
    virtual HpcResult<void> addGuest(Pid pid, NodeId home, Pid homePid) = 0;
    virtual HpcResult<void> delGuest(Pid pid) = 0;
    virtual HpcResult<void> feedLoads(const QList<HpcPeerRecord> &records) = 0;
    virtual HpcResult<void> expel() = 0;
    virtual HpcResult<void> bring() = 0;

    // decay/: the module applies these to the writing process only, so ProcHpc can do it for
    // the agent itself alone; the emulation applies them to any tracked process.
    virtual HpcResult<void> setDecayOption(Pid pid, HpcDecayOption option) = 0;

    // The requests queue: every request waiting since the last call, oldest first. Taking a
    // balancer request (balance, memory) starts its process's 10 s hold-down.
    virtual QList<HpcRequest> takeRequests() = 0;

signals:
    // Requests are waiting for takeRequests(); emitted from the event loop, never re-entrantly.
    void requestQueued();
};

enum class HpcMode { Auto, Proc, Emulated };

// "auto", "proc", "emulated" (the --hpc option).
std::expected<HpcMode, QString> parseHpcMode(const QString &text);

// The backend for @mode: Auto takes the module when <hpcRoot>/admin/version exists. The
// emulation reads the host through @procRoot.
HpcResult<std::unique_ptr<HpcBackend>>
makeHpcBackend(HpcMode mode, const QString &hpcRoot = QStringLiteral("/proc/hpc"),
               const QString &procRoot = QStringLiteral("/proc"));

} // namespace omview::hpc
