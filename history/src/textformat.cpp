#include <QCoreApplication>
#include <QDateTime>
#include <algorithm>
#include <omview/history/textformat.h>
#include <omview/procs/processformat.h>

namespace omview::history {

QString timeText(std::int64_t t) {
    return QDateTime::fromSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString spanText(std::int64_t seconds) {
    // Free functions have no tr(): each text names its context, as lupdate records it.
    seconds = std::max<std::int64_t>(0, seconds);
    if (seconds < 120)
        return QCoreApplication::translate("omview::history::TextFormat", "%1 s").arg(seconds);
    if (seconds < 3600) {
        return seconds % 60
                   ? QCoreApplication::translate("omview::history::TextFormat", "%1 min %2 s")
                         .arg(seconds / 60)
                         .arg(seconds % 60)
                   : QCoreApplication::translate("omview::history::TextFormat", "%1 min")
                         .arg(seconds / 60);
    }
    if (seconds < 86400) {
        const std::int64_t minutes = (seconds % 3600) / 60;
        return minutes ? QCoreApplication::translate("omview::history::TextFormat", "%1 h %2 min")
                             .arg(seconds / 3600)
                             .arg(minutes)
                       : QCoreApplication::translate("omview::history::TextFormat", "%1 h")
                             .arg(seconds / 3600);
    }
    const std::int64_t hours = (seconds % 86400) / 3600;
    return hours ? QCoreApplication::translate("omview::history::TextFormat", "%1 d %2 h")
                       .arg(seconds / 86400)
                       .arg(hours)
                 : QCoreApplication::translate("omview::history::TextFormat", "%1 d")
                       .arg(seconds / 86400);
}

// As the live processes panes write it.
QString cpuTimeText(std::int64_t ms) {
    return procs::ProcessFormat::cpuTimeText(ms);
}

QString nodeText(store::NodeId node, const QString &hostname) {
    return hostname.isEmpty()
               ? QCoreApplication::translate("omview::history::TextFormat", "node %1").arg(node)
               : hostname;
}

} // namespace omview::history
