#include <QRegularExpression>
#include <array>
#include <omview/collector/timespec.h>

using namespace Qt::StringLiterals;

namespace omview::collector {

namespace {

struct Unit {
    QLatin1StringView name;
    std::int64_t seconds;
};

// Longest names first, so "mo" and "min" win over "m".
constexpr std::array<Unit, 8> Units = {{
    {QLatin1StringView("min"), 60},
    {QLatin1StringView("mo"), 30 * 86400},
    {QLatin1StringView("s"), 1},
    {QLatin1StringView("m"), 60},
    {QLatin1StringView("h"), 3600},
    {QLatin1StringView("d"), 86400},
    {QLatin1StringView("w"), 7 * 86400},
    {QLatin1StringView("y"), 365 * 86400},
}};

constexpr std::int64_t MaxDuration = std::int64_t{100} * 365 * 86400;

} // namespace

std::expected<std::chrono::seconds, QString> parseDuration(QStringView text) {
    const QString t = text.trimmed().toString().toLower();
    static const QRegularExpression pattern(u"^(\\d{1,12})\\s*([a-z]*)$"_s);
    const auto match = pattern.match(t);
    const auto bad = [&] {
        return std::unexpected(
            u"expected a duration like 90s, 15m, 2h, 14d, 2w, 3mo or 2y, got \"%1\""_s.arg(text));
    };
    if (!match.hasMatch())
        return bad();
    const std::int64_t count = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    std::int64_t factor = 0;
    if (unit.isEmpty()) {
        factor = 1;
    } else {
        for (const Unit &u : Units) {
            if (unit == u.name) {
                factor = u.seconds;
                break;
            }
        }
    }
    if (factor == 0)
        return bad();
    if (count <= 0 || count > MaxDuration / factor)
        return std::unexpected(u"duration \"%1\" is not between 1 s and 100 years"_s.arg(text));
    return std::chrono::seconds(count * factor);
}

QString formatDuration(std::chrono::seconds duration) {
    const std::int64_t s = duration.count();
    // Days rather than weeks: retention is thought of in days ("14d").
    for (auto [name, size] : {std::pair{"y", 365 * 86400}, std::pair{"d", 86400},
                              std::pair{"h", 3600}, std::pair{"m", 60}}) {
        if (s >= size && s % size == 0)
            return QString::number(s / size) + QLatin1StringView(name);
    }
    return QString::number(s) + u"s"_s;
}

std::expected<std::int64_t, QString> parseTime(QStringView text, const QDateTime &now) {
    const QString t = text.trimmed().toString();
    if (t.isEmpty())
        return std::unexpected(u"expected a time, got nothing"_s);
    const std::int64_t nowSeconds = now.toSecsSinceEpoch();
    if (t.compare(u"now"_s, Qt::CaseInsensitive) == 0)
        return nowSeconds;

    QString relative;
    if (t.startsWith(u"now-"_s, Qt::CaseInsensitive))
        relative = t.mid(4);
    else if (t.startsWith(u'-'))
        relative = t.mid(1);
    if (!relative.isEmpty()) {
        auto d = parseDuration(relative);
        if (!d)
            return std::unexpected(u"\"%1\": %2"_s.arg(t, d.error()));
        return nowSeconds - d->count();
    }

    const QString epoch = t.startsWith(u'@') ? t.mid(1) : t;
    bool isNumber = false;
    const qlonglong seconds = epoch.toLongLong(&isNumber);
    if (isNumber) {
        if (seconds < 0 || seconds > (qlonglong{1} << 40))
            return std::unexpected(u"\"%1\" is not a time since the epoch"_s.arg(t));
        return seconds;
    }

    QString iso = t;
    if (iso.size() > 10 && iso.at(10) == u' ')
        iso[10] = u'T';
    QDateTime when;
    if (iso.size() == 10) {
        const QDate date = QDate::fromString(iso, Qt::ISODate);
        if (date.isValid())
            when = date.startOfDay();
    } else {
        when = QDateTime::fromString(iso, Qt::ISODateWithMs);
        if (!when.isValid())
            when = QDateTime::fromString(iso, Qt::ISODate);
    }
    if (!when.isValid()) {
        return std::unexpected(
            u"expected now, -2h, seconds since the epoch or a date like 2024-06-10T12:00, "
            u"got \"%1\""_s.arg(t));
    }
    return when.toSecsSinceEpoch();
}

} // namespace omview::collector
