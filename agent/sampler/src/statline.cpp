#include "statline.h"

#include <charconv>

namespace omview::sampler {

namespace {

// Parses the number at the start of [at, end) into value; false when there
// is none or it is not followed by a blank or the end.
template<typename Number> bool number(const char *at, const char *end, Number &value) {
    const auto [stop, ec] = std::from_chars(at, end, value);
    return ec == std::errc() && (stop == end || *stop == ' ' || *stop == '\n');
}

} // namespace

std::optional<StatLine> parseStatLine(std::string_view text) {
    const std::size_t open = text.find('(');
    const std::size_t close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open ||
        open < 2 || text[open - 1] != ' ')
        return std::nullopt;

    StatLine line;
    if (!number(text.data(), text.data() + open - 1, line.pid))
        return std::nullopt;
    line.comm = text.substr(open + 1, close - open - 1);

    // This runs for every process every interval: one pass over the fields,
    // numbered as in proc(5) (3 is the state, right after comm), parsing only
    // those the table uses.
    const char *end = text.data() + text.size();
    const char *at = text.data() + close + 1;
    std::int64_t rss = -1;
    bool ok = true;
    int field = 2;
    while (ok && at < end && *at == ' ' && field < 48) {
        ++at;
        ++field;
        switch (field) {
        case 3:
            line.state = *at;
            ok = at + 1 < end && at[1] == ' ';
            break;
        case 4:
            ok = number(at, end, line.ppid);
            break;
        case 7:
            ok = number(at, end, line.ttyNr);
            break;
        case 9:
            ok = number(at, end, line.flags);
            break;
        case 14:
            ok = number(at, end, line.utime);
            break;
        case 15:
            ok = number(at, end, line.stime);
            break;
        case 19:
            ok = number(at, end, line.nice);
            break;
        case 22:
            ok = number(at, end, line.startTicks);
            break;
        case 24:
            ok = number(at, end, rss);
            break;
        case 48:
            // Kernels before 3.5 end before it; 0 is "not shown" anyway.
            if (!number(at, end, line.argStart))
                line.argStart = 0;
            break;
        default:
            break;
        }
        while (at < end && *at != ' ' && *at != '\n')
            ++at;
    }
    if (!ok || field < 24)
        return std::nullopt;
    line.rssPages = rss < 0 ? 0 : rss;
    return line;
}

} // namespace omview::sampler
