#include <algorithm>
#include <array>
#include <functional>
#include <omview/protocol/settingschange.h>
#include <utility>

extern "C" {
#include <hpc/tune.h>
}

namespace omview {

namespace {

QString rangeMessage(std::uint64_t min, std::uint64_t max, std::uint64_t got) {
    return QStringLiteral("must be %1..%2, got %3").arg(min).arg(max).arg(got);
}

// The interval of u32 values `accepts` allows around `inside` (which it must
// accept). kernel/core keeps some bounds private to its check functions;
// finding them by bisection keeps error messages exact without copying them.
std::pair<std::uint32_t, std::uint32_t>
acceptedRange(const std::function<bool(std::uint32_t)> &accepts, std::uint32_t inside) {
    std::uint64_t lo = 0, hi = inside; // first accepted value is in [lo, hi]
    while (lo < hi) {
        const std::uint64_t mid = (lo + hi) / 2;
        if (accepts(static_cast<std::uint32_t>(mid)))
            hi = mid;
        else
            lo = mid + 1;
    }
    const std::uint64_t min = lo;
    lo = inside;
    hi = UINT32_MAX; // last accepted value is in [lo, hi]
    while (lo < hi) {
        const std::uint64_t mid = (lo + hi + 1) / 2;
        if (accepts(static_cast<std::uint32_t>(mid)))
            lo = mid;
        else
            hi = mid - 1;
    }
    return {static_cast<std::uint32_t>(min), static_cast<std::uint32_t>(lo)};
}

bool decayAccepted(std::uint32_t interval, std::uint32_t slow, std::uint32_t fast) {
    const hpc_decay_params d{interval, slow, fast};
    return hpc_check_decay(&d) == 0;
}

std::optional<ProtocolError> validateDecay(const SettingsChange &c) {
    // Each given member is checked with the others at values that cannot
    // fail, so the error names the member that is out of range.
    if (c.decayInterval &&
        !decayAccepted(*c.decayInterval, HPC_DECAY_SLOW_DEFAULT, HPC_DECAY_FAST_DEFAULT))
        return ProtocolError{
            QStringLiteral("decayInterval"),
            rangeMessage(HPC_DECAY_INTERVAL_MIN, HPC_DECAY_INTERVAL_MAX, *c.decayInterval)};
    if (c.slowDecay &&
        !decayAccepted(HPC_DECAY_INTERVAL_DEFAULT, *c.slowDecay, HPC_DECAY_PORTION_MIN))
        return ProtocolError{
            QStringLiteral("slowDecay"),
            rangeMessage(HPC_DECAY_PORTION_MIN, HPC_DECAY_PORTION_MAX, *c.slowDecay)};
    if (c.fastDecay &&
        !decayAccepted(HPC_DECAY_INTERVAL_DEFAULT, HPC_DECAY_PORTION_MAX, *c.fastDecay))
        return ProtocolError{
            QStringLiteral("fastDecay"),
            rangeMessage(HPC_DECAY_PORTION_MIN, HPC_DECAY_PORTION_MAX, *c.fastDecay)};
    if (c.slowDecay && c.fastDecay &&
        !decayAccepted(HPC_DECAY_INTERVAL_DEFAULT, *c.slowDecay, *c.fastDecay))
        return ProtocolError{QStringLiteral("slowDecay"),
                             QStringLiteral("must be at least fastDecay (%1), got %2")
                                 .arg(*c.fastDecay)
                                 .arg(*c.slowDecay)};
    return std::nullopt;
}

constexpr std::array<const char *, 4> overheadNames{"STAB", "MIGCOST", "MEMLOW", "MINUSE"};

hpc_overheads toOverheads(const std::array<std::uint32_t, 4> &v) {
    return {v[0], v[1], v[2], v[3]};
}

std::optional<ProtocolError> validateOverheads(const QList<std::uint32_t> &values) {
    if (values.size() != 4)
        return ProtocolError{QStringLiteral("overheads"),
                             QStringLiteral("must have 4 elements (STAB MIGCOST MEMLOW "
                                            "MINUSE), got %1")
                                 .arg(values.size())};
    const hpc_overheads defaults = HPC_OVERHEADS_DEFAULT;
    const std::array<std::uint32_t, 4> base{defaults.stab_pm, defaults.mig_cost,
                                            defaults.mem_low_pm, defaults.min_use_pm};
    for (std::size_t i = 0; i < 4; ++i) {
        auto acceptsAt = [&base, i](std::uint32_t v) {
            std::array<std::uint32_t, 4> probe = base;
            probe[i] = v;
            const hpc_overheads o = toOverheads(probe);
            return hpc_check_overheads(&o) == 0;
        };
        const auto value = values[static_cast<qsizetype>(i)];
        if (!acceptsAt(value)) {
            const auto [min, max] = acceptedRange(acceptsAt, base[i]);
            return ProtocolError{QStringLiteral("overheads[%1]").arg(i),
                                 QStringLiteral("%1 %2")
                                     .arg(QLatin1StringView(overheadNames[i]))
                                     .arg(rangeMessage(min, max, value))};
        }
    }
    const hpc_overheads all = toOverheads({values[0], values[1], values[2], values[3]});
    if (hpc_check_overheads(&all) != 0)
        return ProtocolError{QStringLiteral("overheads"),
                             QStringLiteral("this combination is refused by kernel/core")};
    return std::nullopt;
}

} // namespace

std::optional<ProtocolError> validate(const SettingsChange &c) {
    if (c.mospe && *c.mospe != 0 && hpc_check_node_id(*c.mospe) != 0)
        return ProtocolError{QStringLiteral("mospe"),
                             QStringLiteral("must be 0 (off) or %1..%2, got %3")
                                 .arg(HPC_NODE_ID_MIN)
                                 .arg(HPC_NODE_ID_MAX)
                                 .arg(*c.mospe)};
    if (c.speed && hpc_check_speed(*c.speed) != 0)
        return ProtocolError{QStringLiteral("speed"), rangeMessage(1, HPC_MAX_SPEED, *c.speed)};
    if (c.sspeed && hpc_check_speed(*c.sspeed) != 0)
        return ProtocolError{QStringLiteral("sspeed"), rangeMessage(1, HPC_MAX_SPEED, *c.sspeed)};
    if (auto e = validateDecay(c))
        return e;
    if (c.overheads) {
        if (auto e = validateOverheads(*c.overheads))
            return e;
    }
    return std::nullopt;
}

std::expected<Settings, ProtocolError> applyChange(const Settings &current,
                                                   const SettingsChange &c) {
    if (auto e = validate(c))
        return std::unexpected(*e);
    Settings s = current;
    s.mospe = c.mospe.value_or(s.mospe);
    s.block = c.block.value_or(s.block);
    s.stay = c.stay.value_or(s.stay);
    s.lstay = c.lstay.value_or(s.lstay);
    s.quiet = c.quiet.value_or(s.quiet);
    s.speed = c.speed.value_or(s.speed);
    s.sspeed = c.sspeed.value_or(s.sspeed);
    s.decayInterval = c.decayInterval.value_or(s.decayInterval);
    s.slowDecay = c.slowDecay.value_or(s.slowDecay);
    s.fastDecay = c.fastDecay.value_or(s.fastDecay);
    if (c.overheads)
        std::ranges::copy(*c.overheads, std::begin(s.overheads));
    const bool decayTouched = c.decayInterval || c.slowDecay || c.fastDecay;
    if (decayTouched && !decayAccepted(s.decayInterval, s.slowDecay, s.fastDecay)) {
        // Ranges passed validate(), so the order of the portions is wrong.
        if (c.slowDecay)
            return std::unexpected(
                ProtocolError{QStringLiteral("slowDecay"),
                              QStringLiteral("must be at least fastDecay (%1), got %2")
                                  .arg(s.fastDecay)
                                  .arg(s.slowDecay)});
        return std::unexpected(ProtocolError{
            QStringLiteral("fastDecay"), QStringLiteral("must be at most slowDecay (%1), got %2")
                                             .arg(s.slowDecay)
                                             .arg(s.fastDecay)});
    }
    return s;
}

SettingsChange changeBetween(const Settings &before, const Settings &after) {
    SettingsChange c;
    auto set = [](auto &target, const auto &from, const auto &to) {
        if (from != to)
            target = to;
    };
    set(c.mospe, before.mospe, after.mospe);
    set(c.block, before.block, after.block);
    set(c.stay, before.stay, after.stay);
    set(c.lstay, before.lstay, after.lstay);
    set(c.quiet, before.quiet, after.quiet);
    set(c.speed, before.speed, after.speed);
    set(c.sspeed, before.sspeed, after.sspeed);
    set(c.decayInterval, before.decayInterval, after.decayInterval);
    set(c.slowDecay, before.slowDecay, after.slowDecay);
    set(c.fastDecay, before.fastDecay, after.fastDecay);
    if (!std::ranges::equal(before.overheads, after.overheads))
        c.overheads = QList<std::uint32_t>(std::begin(after.overheads), std::end(after.overheads));
    return c;
}

} // namespace omview
