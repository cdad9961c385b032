#include "settingscheck.h"

#include <algorithm>
#include <cerrno>
#include <iterator>

extern "C" {
#include <hpc/tune.h>
}

namespace omview::hpc {

namespace {

HpcError refuse(const QString &name, const QString &why) {
    return HpcError{EINVAL, QStringLiteral("admin/") + name, name + QStringLiteral(": ") + why};
}

QString outOfRange(std::uint64_t value, std::uint64_t min, std::uint64_t max) {
    return QStringLiteral("%1 out of range %2..%3").arg(value).arg(min).arg(max);
}

std::expected<void, HpcError> checkMospe(NodeId id, const std::function<bool(NodeId)> &mapped) {
    if (id == 0)
        return {};
    if (hpc_check_node_id(id) != 0)
        return std::unexpected(refuse(QStringLiteral("mospe"), outOfRange(id, 0, HPC_NODE_ID_MAX)));
    if (!mapped(id))
        return std::unexpected(
            refuse(QStringLiteral("mospe"), QStringLiteral("node %1 is not in the map").arg(id)));
    return {};
}

std::expected<void, HpcError> checkSpeed(const QString &name, std::uint32_t speed) {
    if (hpc_check_speed(speed) != 0)
        return std::unexpected(refuse(name, outOfRange(speed, 1, HPC_MAX_SPEED)));
    return {};
}

// The ranges of the four overheads, as docs/proc-hpc.md states them; hpc_check_overheads
// decides, these only word the refusal.
struct OverheadField {
    const char *name;
    std::uint32_t min, max;
};
constexpr OverheadField overheadFields[4] = {
    {"STAB", 1000, 10000}, {"MIGCOST", 0, 10000}, {"MEMLOW", 0, 1000}, {"MINUSE", 0, 1000}};

std::expected<void, HpcError> checkOverheads(const QList<std::uint32_t> &v) {
    const QString name = QStringLiteral("overheads");
    if (v.size() != 4)
        return std::unexpected(refuse(
            name, QStringLiteral("%1 values, need STAB MIGCOST MEMLOW MINUSE").arg(v.size())));
    const hpc_overheads o{v[0], v[1], v[2], v[3]};
    if (hpc_check_overheads(&o) == 0)
        return {};
    // Find the field at fault by checking each alone against otherwise default values.
    for (int i = 0; i < 4; ++i) {
        hpc_overheads one = HPC_OVERHEADS_DEFAULT;
        u32 *fields[4] = {&one.stab_pm, &one.mig_cost, &one.mem_low_pm, &one.min_use_pm};
        *fields[i] = v[i];
        if (hpc_check_overheads(&one) != 0) {
            const OverheadField &f = overheadFields[i];
            return std::unexpected(refuse(name, QLatin1StringView(f.name) + QLatin1Char(' ') +
                                                    outOfRange(v[i], f.min, f.max)));
        }
    }
    return std::unexpected(refuse(name, QStringLiteral("refused")));
}

std::expected<void, HpcError> checkDecay(const Settings &s, const SettingsChange &change) {
    const hpc_decay_params d{s.decayInterval, s.slowDecay, s.fastDecay};
    if (hpc_check_decay(&d) == 0)
        return {};
    if (d.interval < HPC_DECAY_INTERVAL_MIN || d.interval > HPC_DECAY_INTERVAL_MAX)
        return std::unexpected(
            refuse(QStringLiteral("decayinterval"),
                   outOfRange(d.interval, HPC_DECAY_INTERVAL_MIN, HPC_DECAY_INTERVAL_MAX)));
    const auto portion = [](const char *name, std::uint32_t v) -> std::expected<void, HpcError> {
        if (v < HPC_DECAY_PORTION_MIN || v > HPC_DECAY_PORTION_MAX)
            return std::unexpected(
                refuse(QLatin1StringView(name),
                       outOfRange(v, HPC_DECAY_PORTION_MIN, HPC_DECAY_PORTION_MAX)));
        return {};
    };
    if (auto ok = portion("slowdecay", d.slow); !ok)
        return ok;
    if (auto ok = portion("fastdecay", d.fast); !ok)
        return ok;
    // Blame the field the change touched; when both moved, the slow one.
    if (change.slowDecay || !change.fastDecay)
        return std::unexpected(
            refuse(QStringLiteral("slowdecay"),
                   QStringLiteral("%1 below fastdecay %2").arg(d.slow).arg(d.fast)));
    return std::unexpected(refuse(QStringLiteral("fastdecay"),
                                  QStringLiteral("%1 above slowdecay %2").arg(d.fast).arg(d.slow)));
}

QByteArray number(std::uint32_t v) {
    return QByteArray::number(v) + '\n';
}

} // namespace

std::expected<Settings, HpcError> mergeSettings(const Settings &current,
                                                const SettingsChange &change,
                                                const std::function<bool(NodeId)> &mapped) {
    Settings next = current;
    if (change.mospe) {
        if (auto ok = checkMospe(*change.mospe, mapped); !ok)
            return std::unexpected(ok.error());
        next.mospe = *change.mospe;
    }
    next.block = change.block.value_or(next.block);
    next.stay = change.stay.value_or(next.stay);
    next.lstay = change.lstay.value_or(next.lstay);
    next.quiet = change.quiet.value_or(next.quiet);
    if (change.speed) {
        if (auto ok = checkSpeed(QStringLiteral("speed"), *change.speed); !ok)
            return std::unexpected(ok.error());
        next.speed = *change.speed;
    }
    if (change.sspeed) {
        if (auto ok = checkSpeed(QStringLiteral("sspeed"), *change.sspeed); !ok)
            return std::unexpected(ok.error());
        next.sspeed = *change.sspeed;
    }
    next.decayInterval = change.decayInterval.value_or(next.decayInterval);
    next.slowDecay = change.slowDecay.value_or(next.slowDecay);
    next.fastDecay = change.fastDecay.value_or(next.fastDecay);
    if (auto ok = checkDecay(next, change); !ok)
        return std::unexpected(ok.error());
    if (change.overheads) {
        if (auto ok = checkOverheads(*change.overheads); !ok)
            return std::unexpected(ok.error());
        std::copy_n(change.overheads->cbegin(), 4, next.overheads);
    }
    return next;
}

QList<SettingsWrite> settingsWrites(const Settings &from, const Settings &to) {
    QList<SettingsWrite> out;
    const auto add = [&out](const char *name, const QByteArray &text, const QByteArray &undo) {
        out.append({QStringLiteral("admin/") + QLatin1StringView(name), text, undo});
    };
    const auto addNumber = [&](const char *name, std::uint32_t old, std::uint32_t now) {
        if (old != now)
            add(name, number(now), number(old));
    };
    const auto overheadsText = [](const std::uint32_t(&o)[4]) {
        return QByteArray::number(o[0]) + ' ' + QByteArray::number(o[1]) + ' ' +
               QByteArray::number(o[2]) + ' ' + QByteArray::number(o[3]) + '\n';
    };
    addNumber("mospe", from.mospe, to.mospe);
    addNumber("block", from.block, to.block);
    addNumber("stay", from.stay, to.stay);
    addNumber("lstay", from.lstay, to.lstay);
    addNumber("quiet", from.quiet, to.quiet);
    addNumber("speed", from.speed, to.speed);
    addNumber("sspeed", from.sspeed, to.sspeed);
    addNumber("decayinterval", from.decayInterval, to.decayInterval);
    // Raising slow first keeps slow >= fast when both go up; when slow comes down below the
    // old fast, fast must come down first.
    if (to.slowDecay >= from.fastDecay) {
        addNumber("slowdecay", from.slowDecay, to.slowDecay);
        addNumber("fastdecay", from.fastDecay, to.fastDecay);
    } else {
        addNumber("fastdecay", from.fastDecay, to.fastDecay);
        addNumber("slowdecay", from.slowDecay, to.slowDecay);
    }
    if (!std::equal(std::begin(from.overheads), std::end(from.overheads), std::begin(to.overheads)))
        add("overheads", overheadsText(to.overheads), overheadsText(from.overheads));
    return out;
}

} // namespace omview::hpc
