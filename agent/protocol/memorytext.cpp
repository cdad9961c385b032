#include <algorithm>
#include <cmath>
#include <limits>
#include <omview/protocol/memorytext.h>

namespace omview {

namespace {

// QLocale takes a signed count.
constexpr std::uint64_t Largest = std::numeric_limits<qint64>::max();

} // namespace

MemoryFigure memoryFigure(std::uint64_t bytes) {
    int unit = 0;
    double value = static_cast<double>(std::min(bytes, Largest));
    // Compared unrounded: ten times a count of bytes can be beyond what llround() takes.
    while (value * 10.0 >= 9999.5 && unit < 6) {
        value /= 1024.0;
        ++unit;
    }
    return {unit, std::llround(value * 10.0)};
}

QString memoryText(std::uint64_t bytes, const QLocale &locale) {
    // QLocale has every language's unit names. Given the count rounded to the figure, which
    // is below 1024 of its unit, it picks that unit too and shows the same tenth.
    const MemoryFigure figure = memoryFigure(bytes);
    const double shown = static_cast<double>(figure.tenths) / 10.0 * std::exp2(10 * figure.unit);
    const qint64 count =
        shown < static_cast<double>(Largest) ? std::llround(shown) : static_cast<qint64>(Largest);
    return locale.formattedDataSize(count, 1, QLocale::DataSizeIecFormat);
}

} // namespace omview
