#include <omview/store/types.h>

using namespace Qt::StringLiterals;

namespace omview::store {

QString metricName(Metric metric) {
    switch (metric) {
    case Metric::Load:
        return u"load"_s;
    case Metric::Util:
        return u"util"_s;
    case Metric::MemUsed:
        return u"memUsed"_s;
    case Metric::MemFree:
        return u"memFree"_s;
    case Metric::MemTotal:
        return u"memTotal"_s;
    case Metric::Speed:
        return u"speed"_s;
    case Metric::Cpus:
        return u"cpus"_s;
    }
    return u"load"_s;
}

std::optional<Metric> metricFromName(QStringView name) {
    for (Metric m : AllMetrics) {
        if (name == metricName(m))
            return m;
    }
    return std::nullopt;
}

QString outcomeName(MigrationRecord::Outcome outcome) {
    return outcome == MigrationRecord::Outcome::Failed ? u"failed"_s : u"done"_s;
}

std::optional<MigrationRecord::Outcome> outcomeFromName(QStringView name) {
    if (name == u"done")
        return MigrationRecord::Outcome::Done;
    if (name == u"failed")
        return MigrationRecord::Outcome::Failed;
    return std::nullopt;
}

bool clusterAverages(Metric metric) {
    return metric == Metric::Load || metric == Metric::Util;
}

std::int64_t tierStep(Tier tier) {
    switch (tier) {
    case Tier::Raw:
        return 1;
    case Tier::Minute:
        return 60;
    case Tier::Hour:
        return 3600;
    }
    return 1;
}

QString tierName(Tier tier) {
    switch (tier) {
    case Tier::Raw:
        return u"raw"_s;
    case Tier::Minute:
        return u"minute"_s;
    case Tier::Hour:
        return u"hour"_s;
    }
    return u"raw"_s;
}

std::uint64_t NodeSample::value(Metric metric) const {
    switch (metric) {
    case Metric::Load:
        return load;
    case Metric::Util:
        return util;
    case Metric::MemUsed:
        return memUsed;
    case Metric::MemFree:
        return memFree;
    case Metric::MemTotal:
        return memTotal;
    case Metric::Speed:
        return speed;
    case Metric::Cpus:
        return cpus;
    }
    return 0;
}

} // namespace omview::store
