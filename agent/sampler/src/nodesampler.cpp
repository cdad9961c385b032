#include "nodefiles.h"
#include "procroot.h"

#include <QDateTime>
#include <cmath>
#include <omview/sampler/nodesampler.h>

namespace omview {

namespace {

QString fileError(const QByteArray &root, const char *file, int error) {
    return QStringLiteral("cannot read %1/%2: %3")
        .arg(QString::fromLocal8Bit(root), QLatin1StringView(file), qt_error_string(error));
}

QString malformed(const QByteArray &root, const char *file) {
    return QStringLiteral("malformed %1/%2")
        .arg(QString::fromLocal8Bit(root), QLatin1StringView(file));
}

} // namespace

NodeSampler::NodeSampler(const QString &procRoot)
    : procRoot_(procRoot.toLocal8Bit())
    , root_(std::make_unique<sampler::ProcRoot>()) {}

NodeSampler::~NodeSampler() = default;

std::expected<void, QString> NodeSampler::sample(NodeStatus &status) {
    if (const int error = root_->open(procRoot_))
        return std::unexpected(QStringLiteral("cannot open %1: %2")
                                   .arg(QString::fromLocal8Bit(procRoot_), qt_error_string(error)));

    // Each file is parsed before the next is read: they share the buffer.
    auto text = root_->read("loadavg", buffer_);
    if (!text)
        return std::unexpected(fileError(procRoot_, "loadavg", text.error()));
    const auto load = sampler::parseLoadavg(*text);
    if (!load)
        return std::unexpected(malformed(procRoot_, "loadavg"));

    text = root_->read("meminfo", buffer_);
    if (!text)
        return std::unexpected(fileError(procRoot_, "meminfo", text.error()));
    const auto memory = sampler::parseMeminfo(*text);
    if (!memory)
        return std::unexpected(malformed(procRoot_, "meminfo"));

    text = root_->read("stat", buffer_);
    if (!text)
        return std::unexpected(fileError(procRoot_, "stat", text.error()));
    const auto cpu = sampler::parseProcStat(*text);
    if (!cpu)
        return std::unexpected(malformed(procRoot_, "stat"));

    text = root_->read("sys/kernel/hostname", buffer_);
    if (!text)
        return std::unexpected(fileError(procRoot_, "sys/kernel/hostname", text.error()));
    std::string_view hostname = *text;
    while (!hostname.empty() && (hostname.back() == '\n' || hostname.back() == ' '))
        hostname.remove_suffix(1);
    if (hostname.empty())
        return std::unexpected(malformed(procRoot_, "sys/kernel/hostname"));
    // The hostname hardly ever changes: keep the string made last time.
    if (std::string_view(hostnameBytes_.constData(), hostnameBytes_.size()) != hostname) {
        hostnameBytes_ = QByteArray(hostname.data(), static_cast<qsizetype>(hostname.size()));
        hostname_ = QString::fromUtf8(hostnameBytes_);
    }

    std::uint32_t util = 0;
    if (previous_ && cpu->total > previous_->total && cpu->busy >= previous_->busy) {
        const double busy = static_cast<double>(cpu->busy - previous_->busy);
        const double total = static_cast<double>(cpu->total - previous_->total);
        util = static_cast<std::uint32_t>(std::lround(std::min(100.0, 100.0 * busy / total)));
    }
    previous_ = CpuTotals{cpu->busy, cpu->total};

    status.hostname = hostname_;
    for (int i = 0; i < 3; ++i)
        status.loadAvg[i] = load->values[i];
    status.cpus = cpu->cpus;
    status.memTotal = memory->total;
    status.memFree = memory->free;
    status.memAvailable = memory->available;
    status.memUsed = memory->total > memory->available ? memory->total - memory->available : 0;
    status.util = util;
    status.sampledAt = QDateTime::currentMSecsSinceEpoch();
    return {};
}

} // namespace omview
