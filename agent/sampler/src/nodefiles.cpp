#include "nodefiles.h"

#include "fieldcursor.h"

namespace omview::sampler {

namespace {

// Calls visit(line) for each line of text until it returns false.
template<typename Visit> void forEachLine(std::string_view text, Visit visit) {
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        if (!visit(line) || end == std::string_view::npos)
            return;
        text.remove_prefix(end + 1);
    }
}

bool startsWithCpuNumber(std::string_view line) {
    return line.size() > 3 && line.starts_with("cpu") && line[3] >= '0' && line[3] <= '9';
}

std::optional<CpuFigures> parseCpuLine(std::string_view line) {
    // user nice system idle iowait irq softirq steal; guest and guest_nice
    // are already counted in user and nice.
    FieldCursor fields(line.substr(3));
    std::uint64_t ticks[8] = {};
    for (auto &value : ticks) {
        if (!fields.next(value))
            return std::nullopt;
    }
    CpuFigures figures;
    for (const std::uint64_t value : ticks)
        figures.total += value;
    figures.busy = figures.total - ticks[3] - ticks[4];
    return figures;
}

} // namespace

std::optional<LoadAverages> parseLoadavg(std::string_view text) {
    FieldCursor fields(text);
    LoadAverages averages;
    for (double &value : averages.values) {
        if (!fields.next(value) || value < 0)
            return std::nullopt;
    }
    return averages;
}

std::optional<MemoryFigures> parseMeminfo(std::string_view text) {
    MemoryFigures figures;
    int found = 0;
    forEachLine(text, [&](std::string_view line) {
        std::uint64_t *target = nullptr;
        if (line.starts_with("MemTotal:"))
            target = &figures.total;
        else if (line.starts_with("MemFree:"))
            target = &figures.free;
        else if (line.starts_with("MemAvailable:"))
            target = &figures.available;
        if (!target)
            return true;
        FieldCursor fields(line.substr(line.find(':') + 1));
        std::uint64_t kilobytes = 0;
        if (!fields.next(kilobytes) || fields.token() != "kB")
            return false;
        *target = kilobytes * 1024;
        return ++found < 3;
    });
    if (found != 3)
        return std::nullopt;
    return figures;
}

std::optional<CpuFigures> parseProcStat(std::string_view text) {
    std::optional<CpuFigures> figures;
    std::uint32_t cpus = 0;
    bool bootTimeSeen = false;
    std::int64_t bootTime = 0;
    bool valid = true;
    forEachLine(text, [&](std::string_view line) {
        if (line.starts_with("cpu ")) {
            figures = parseCpuLine(line);
            valid = figures.has_value();
        } else if (startsWithCpuNumber(line)) {
            ++cpus;
        } else if (line.starts_with("btime ")) {
            FieldCursor fields(line.substr(6));
            bootTimeSeen = fields.next(bootTime);
            valid = bootTimeSeen;
        }
        return valid;
    });
    if (!valid || !figures || cpus == 0 || !bootTimeSeen)
        return std::nullopt;
    figures->cpus = cpus;
    figures->bootTime = bootTime;
    return figures;
}

std::optional<double> parseUptime(std::string_view text) {
    FieldCursor fields(text);
    double seconds = 0;
    if (!fields.next(seconds) || seconds < 0)
        return std::nullopt;
    return seconds;
}

} // namespace omview::sampler
