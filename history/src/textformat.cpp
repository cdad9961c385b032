#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <omview/history/textformat.h>

namespace omview::history {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("omview::history::TextFormat", text);
}
} // namespace

QString timeText(std::int64_t t) {
    return QDateTime::fromSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString spanText(std::int64_t seconds) {
    seconds = std::max<std::int64_t>(0, seconds);
    if (seconds < 120)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600) {
        return seconds % 60 ? tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60)
                            : tr("%1 min").arg(seconds / 60);
    }
    if (seconds < 86400) {
        const std::int64_t minutes = (seconds % 3600) / 60;
        return minutes ? tr("%1 h %2 min").arg(seconds / 3600).arg(minutes)
                       : tr("%1 h").arg(seconds / 3600);
    }
    const std::int64_t hours = (seconds % 86400) / 3600;
    return hours ? tr("%1 d %2 h").arg(seconds / 86400).arg(hours)
                 : tr("%1 d").arg(seconds / 86400);
}

QString cpuTimeText(std::int64_t ms) {
    ms = std::max<std::int64_t>(0, ms);
    if (ms < 10000)
        return tr("%1 s").arg(QLocale().toString(static_cast<double>(ms) / 1000.0, 'f', 2));
    const std::int64_t seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const QChar zero(u'0');
    if (seconds < 3600)
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, zero);
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, zero)
        .arg(seconds % 60, 2, 10, zero);
}

QString memoryText(std::uint64_t bytes) {
    // As the console's node table writes memory: the IEC unit and one
    // decimal, the next unit from where four digits would show before the
    // point (QLocale::formattedDataSize() waits for 1024: "1,012.0 KiB").
    int unit = 0;
    double value = static_cast<double>(bytes);
    while (std::llround(value * 10.0) >= 10000 && unit < 6) {
        value /= 1024.0;
        ++unit;
    }
    if (unit == 0)
        return tr("%1 bytes").arg(QLocale().toString(static_cast<qulonglong>(bytes)));
    const QString shown =
        QLocale().toString(static_cast<double>(std::llround(value * 10.0)) / 10.0, 'f', 1);
    switch (unit) {
    case 1:
        return tr("%1 KiB").arg(shown);
    case 2:
        return tr("%1 MiB").arg(shown);
    case 3:
        return tr("%1 GiB").arg(shown);
    case 4:
        return tr("%1 TiB").arg(shown);
    case 5:
        return tr("%1 PiB").arg(shown);
    default:
        return tr("%1 EiB").arg(shown);
    }
}

QString nodeText(store::NodeId node, const QString &hostname) {
    return hostname.isEmpty() ? tr("node %1").arg(node) : hostname;
}

} // namespace omview::history
