#include <QDateTime>
#include <QLocale>
#include <omview/analyzer/rangeselection.h>
#include <omview/collector/timespec.h>

namespace omview::analyzer {

namespace {

constexpr std::int64_t Minute = 60;
constexpr std::int64_t Hour = 3600;
constexpr std::int64_t Day = 86400;
constexpr std::int64_t Week = 7 * Day;
constexpr std::int64_t MaxSpan = 100 * 365 * Day;

} // namespace

store::TimeRange RangeSelection::resolve(const std::optional<store::TimeRange> &data,
                                         std::int64_t now) const {
    switch (kind) {
    case Kind::Fixed:
        return fixed;
    case Kind::All:
        if (data)
            return *data;
        return {now - Hour + 1, now};
    case Kind::Last:
        break;
    }
    const std::int64_t end = data ? data->last : now;
    return {end - span + 1, end};
}

std::expected<void, QString> RangeSelection::validate() const {
    if (kind == Kind::Last && (span < Minute || span > MaxSpan))
        return std::unexpected(tr("a range of %n seconds is not between a minute and 100 years",
                                  nullptr,
                                  static_cast<int>(std::min<std::int64_t>(span, INT32_MAX))));
    if (kind == Kind::Fixed) {
        if (fixed.last < fixed.first)
            return std::unexpected(tr("the range ends before it starts"));
        if (fixed.last - fixed.first + 1 < Minute)
            return std::unexpected(tr("the range is shorter than a minute"));
        if (fixed.last - fixed.first > MaxSpan || fixed.first < 0)
            return std::unexpected(tr("the range is not within 1970 and the next 100 years"));
    }
    return {};
}

QString RangeSelection::describe() const {
    switch (kind) {
    case Kind::All:
        return tr("everything");
    case Kind::Fixed: {
        const QLocale locale;
        const QDateTime a = QDateTime::fromSecsSinceEpoch(fixed.first);
        const QDateTime b = QDateTime::fromSecsSinceEpoch(fixed.last);
        const QString to = a.date() == b.date() ? locale.toString(b.time(), QLocale::ShortFormat)
                                                : locale.toString(b, QLocale::ShortFormat);
        return tr("%1 – %2").arg(locale.toString(a, QLocale::ShortFormat), to);
    }
    case Kind::Last:
        break;
    }
    if (span == Hour)
        return tr("last hour");
    if (span == Day)
        return tr("last day");
    if (span == Week)
        return tr("last week");
    if (span % Day == 0)
        return tr("last %n days", nullptr, static_cast<int>(span / Day));
    if (span % Hour == 0)
        return tr("last %n hours", nullptr, static_cast<int>(span / Hour));
    return tr("last %n minutes", nullptr, static_cast<int>(span / Minute));
}

std::expected<RangeSelection, QString> RangeSelection::parse(const QString &text,
                                                             std::int64_t now) {
    const QString t = text.trimmed();
    RangeSelection out;
    if (t == u"hour")
        out = last(Hour);
    else if (t == u"day")
        out = last(Day);
    else if (t == u"week")
        out = last(Week);
    else if (t == u"all")
        out = all();
    else if (const qsizetype dots = t.indexOf(u".."); dots >= 0) {
        const QDateTime reference = QDateTime::fromSecsSinceEpoch(now);
        auto from = collector::parseTime(QStringView(t).left(dots), reference);
        if (!from)
            return std::unexpected(tr("%1: %2").arg(t.left(dots), from.error()));
        auto to = collector::parseTime(QStringView(t).mid(dots + 2), reference);
        if (!to)
            return std::unexpected(tr("%1: %2").arg(t.mid(dots + 2), to.error()));
        out = between(*from, *to);
    } else {
        auto span = collector::parseDuration(t);
        if (!span) {
            return std::unexpected(
                tr("%1: not hour, day, week, all, a duration (6h) or FROM..TO (%2)")
                    .arg(t, span.error()));
        }
        out = last(span->count());
    }
    if (auto ok = out.validate(); !ok)
        return std::unexpected(ok.error());
    return out;
}

} // namespace omview::analyzer
