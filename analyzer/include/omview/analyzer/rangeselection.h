// Which time range the analyzer shows: the last hour/day/week (or any span)
// of the data, all of it, or fixed times; resolved against what the store
// holds, so "last hour" of a file written last year shows that file's last
// hour, and follows the newest rows while a collector writes.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <expected>
#include <omview/store/types.h>
#include <optional>

namespace omview::analyzer {

struct RangeSelection {
    Q_DECLARE_TR_FUNCTIONS(omview::analyzer::RangeSelection)

public:
    enum class Kind { Last, All, Fixed };

    Kind kind = Kind::Last;
    std::int64_t span = 3600; // Last: seconds
    store::TimeRange fixed{}; // Fixed: closed, seconds

    static RangeSelection last(std::int64_t seconds) { return {Kind::Last, seconds, {}}; }
    static RangeSelection all() { return {Kind::All, 0, {}}; }
    static RangeSelection between(std::int64_t from, std::int64_t to) {
        return {Kind::Fixed, 0, {from, to}};
    }

    // Last and All move with the newest data; Fixed does not.
    bool follows() const { return kind != Kind::Fixed; }
    // The range for a store holding @p data (nullopt: an empty store, when
    // "last" counts back from @p now).
    store::TimeRange resolve(const std::optional<store::TimeRange> &data, std::int64_t now) const;
    // Refuses spans below a minute or over 100 years, and inverted ranges.
    std::expected<void, QString> validate() const;
    // "last hour", "last 6 hours", "everything", "2024-06-10 12:00 – 14:00"
    QString describe() const;

    // hour | day | week | all | DURATION ("6h", "14d") | FROM..TO (times as
    // `omcollectord ctl save` takes them, relative to @p now).
    static std::expected<RangeSelection, QString> parse(const QString &text, std::int64_t now);

    bool operator==(const RangeSelection &) const = default;
};

} // namespace omview::analyzer
