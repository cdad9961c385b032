// ProcHpc: HpcBackend on the files of hpc.ko under /proc/hpc (or another root).
#pragma once

#include <QByteArray>
#include <QSocketNotifier>
#include <omview/hpc/hpcbackend.h>

namespace omview::hpc {

class RequestQueue;

// Reads and writes the module's files, one open/read-or-write/close per access, except the
// requests file: it stays open, non-blocking, watched by a socket notifier, and what it
// delivers is kept until takeRequests().
class ProcHpc final : public HpcBackend {
    Q_OBJECT
public:
    // Checks that @root holds the module's tree (admin/version) and opens its requests file.
    static HpcResult<std::unique_ptr<ProcHpc>>
    open(const QString &root = QStringLiteral("/proc/hpc"), QObject *parent = nullptr);
    ~ProcHpc() override;

    QString kind() const override { return QStringLiteral("proc"); }
    QString root() const { return m_root; }

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
    ProcHpc(const QString &root, int requestsFd, QObject *parent);

    HpcResult<QByteArray> read(const QString &file) const;
    HpcResult<void> write(const QString &file, const QByteArray &text) const;
    HpcResult<std::int64_t> readNumber(const QString &file) const;
    HpcResult<std::uint32_t> readU32(const QString &file) const;
    HpcResult<HpcNodeValues> readValues(const QString &dir, int *errnum) const;
    HpcResult<void> writeSettings(const Settings &old, const Settings &next);
    void readRequests();

    QString m_root;
    int m_requestsFd = -1;
    QSocketNotifier *m_requestsNotifier = nullptr;
    QByteArray m_partialLine;
    std::unique_ptr<RequestQueue> m_requests;
};

} // namespace omview::hpc
