// How the programs write a memory figure (the protocol's and the store's byte counts) for
// people: the IEC unit with one decimal, the next unit from 1000 on, in the locale's language.
#pragma once

#include <QLocale>
#include <QString>
#include <cstdint>

namespace omview {

// What a memory text shows: the unit (0 bytes, 1 KiB, 2 MiB, ... 6 EiB) and the value in
// it in tenths. Two byte counts read alike exactly when their figures are equal, so a view
// compares figures to know whether a cell changed without writing its text.
struct MemoryFigure {
    int unit = 0;
    std::int64_t tenths = 0;
    bool operator==(const MemoryFigure &) const = default;
};

// The largest unit in which the value, rounded to a tenth, stays below 1000 (QLocale's
// formattedDataSize() alone moves on at 1024: "1,012.0 KiB"). Counts from 8 EiB on are
// taken as 8 EiB, the most QLocale writes.
MemoryFigure memoryFigure(std::uint64_t bytes);

// "512 bytes", "999.9 KiB", "1.0 MiB" (from 1000 KiB on), "1.5 GiB"; with the locale's
// digits and unit names ("1,5 GiB", "512 Bytes" in German, "1,5 Gio" in French).
QString memoryText(std::uint64_t bytes, const QLocale &locale = QLocale());

} // namespace omview
