#include <QFileInfo>
#include <omview/hpc/emulatedhpc.h>
#include <omview/hpc/hpcbackend.h>
#include <omview/hpc/prochpc.h>

namespace omview::hpc {

Q_LOGGING_CATEGORY(lcHpc, "omview.hpc")

HpcBackend::~HpcBackend() = default;

std::expected<HpcMode, QString> parseHpcMode(const QString &text) {
    if (text == u"auto")
        return HpcMode::Auto;
    if (text == u"proc")
        return HpcMode::Proc;
    if (text == u"emulated")
        return HpcMode::Emulated;
    return std::unexpected(
        QStringLiteral("\"%1\" is not a /proc/hpc backend: auto, proc or emulated").arg(text));
}

HpcResult<std::unique_ptr<HpcBackend>> makeHpcBackend(HpcMode mode, const QString &hpcRoot,
                                                      const QString &procRoot) {
    if (mode == HpcMode::Auto)
        mode = QFileInfo::exists(hpcRoot + QStringLiteral("/admin/version")) ? HpcMode::Proc
                                                                             : HpcMode::Emulated;
    if (mode == HpcMode::Emulated) {
        qCInfo(lcHpc) << "emulating /proc/hpc in-process, reading" << procRoot;
        return std::make_unique<EmulatedHpc>(procRoot);
    }
    auto proc = ProcHpc::open(hpcRoot);
    if (!proc)
        return std::unexpected(proc.error());
    qCInfo(lcHpc) << "using hpc.ko at" << hpcRoot;
    return std::unique_ptr<HpcBackend>(std::move(*proc));
}

} // namespace omview::hpc
