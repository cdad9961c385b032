#include <omview/hpc/hpctypes.h>

namespace omview::hpc {

QString reasonName(HpcReason reason) {
    switch (reason) {
    case HpcReason::User:
        return QStringLiteral("user");
    case HpcReason::Balance:
        return QStringLiteral("balance");
    case HpcReason::Memory:
        return QStringLiteral("memory");
    case HpcReason::Expel:
        return QStringLiteral("expel");
    case HpcReason::Bring:
        return QStringLiteral("bring");
    }
    return {};
}

QString targetText(const HpcTarget &target) {
    switch (target.kind) {
    case HpcTarget::Kind::Node:
        return QString::number(target.node);
    case HpcTarget::Kind::Home:
        return QStringLiteral("home");
    case HpcTarget::Kind::Balance:
        return QStringLiteral("balance");
    }
    return {};
}

QString decayClassName(HpcDecayClass decay) {
    switch (decay) {
    case HpcDecayClass::Slow:
        return QStringLiteral("slow");
    case HpcDecayClass::Fast:
        return QStringLiteral("fast");
    case HpcDecayClass::NoDecay:
        return QStringLiteral("nodecay");
    }
    return {};
}

QString jobKindName(HpcJobKind job) {
    switch (job) {
    case HpcJobKind::Any:
        return QStringLiteral("any");
    case HpcJobKind::Cpu:
        return QStringLiteral("cpu");
    case HpcJobKind::Io:
        return QStringLiteral("io");
    }
    return {};
}

QString decayOptionFile(HpcDecayOption option) {
    switch (option) {
    case HpcDecayOption::Clear:
        return QStringLiteral("decay/clear");
    case HpcDecayOption::CpuJob:
        return QStringLiteral("decay/cpujob");
    case HpcDecayOption::IoJob:
        return QStringLiteral("decay/iojob");
    case HpcDecayOption::Slow:
        return QStringLiteral("decay/slow");
    case HpcDecayOption::Fast:
        return QStringLiteral("decay/fast");
    case HpcDecayOption::NoDecay:
        return QStringLiteral("decay/nodecay");
    }
    return {};
}

} // namespace omview::hpc
