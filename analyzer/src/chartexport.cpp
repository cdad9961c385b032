#include "analyzerlog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <memory>
#include <omview/analyzer/chartexport.h>
#include <omview/analyzer/chartreport.h>

using namespace Qt::StringLiterals;

namespace omview::analyzer {

namespace {

// The exports are free functions, without a tr() of their own: each text names its
// context as lupdate records it.
QString failed(const QString &path, const QString &why) {
    qCWarning(lcAnalyzer) << "export to" << path << "failed:" << why;
    return QCoreApplication::translate("omview::analyzer::ChartExport", "%1: %2").arg(path, why);
}

QString csvField(const QString &text) {
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QByteArray csvLine(const QStringList &fields) {
    QStringList out;
    out.reserve(fields.size());
    for (const QString &f : fields)
        out.append(csvField(f));
    return (out.join(u',') + u'\n').toUtf8();
}

} // namespace

std::expected<void, QString> exportPng(const QString &path, const ChartReport &report, int width) {
    if (width < 200 || width > 20000)
        return std::unexpected(failed(
            path, QCoreApplication::translate("omview::analyzer::ChartExport",
                                              "an image width must be 200 to 20000 pixels")));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(failed(path, file.errorString()));
    const QImage image = report.image(width);
    if (image.isNull() || !image.save(&file, "PNG"))
        return std::unexpected(
            failed(path, QCoreApplication::translate("omview::analyzer::ChartExport",
                                                     "the image could not be encoded")));
    if (!file.commit())
        return std::unexpected(failed(path, file.errorString()));
    return {};
}

std::expected<void, QString> exportPdf(const QString &path, const ChartReport &report) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(failed(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        writer.setTitle(
            QCoreApplication::translate("omview::analyzer::ChartExport", "omview analyzer"));
        writer.setCreator(u"omview-analyzer"_s);
        if (auto done = report.print(writer); !done)
            return std::unexpected(failed(path, done.error()));
    }
    if (!file.commit())
        return std::unexpected(failed(path, file.errorString()));
    return {};
}

QStringList csvExportFiles(const QString &target) {
    QString stem = target;
    if (stem.endsWith(u".csv"_s, Qt::CaseInsensitive))
        stem.chop(4);
    return {target, stem + u"-statistics.csv"_s};
}

std::expected<QStringList, QString> exportCsv(const QString &target, const QList<ChartData> &charts,
                                              const QList<QStringList> &statistics) {
    const QStringList files = csvExportFiles(target);
    QSaveFile points(files[0]);
    QSaveFile table(files[1]);
    if (!points.open(QIODevice::WriteOnly))
        return std::unexpected(failed(files[0], points.errorString()));
    if (!table.open(QIODevice::WriteOnly))
        return std::unexpected(failed(files[1], table.errorString()));

    // Load in openMosix units (100 = every CPU busy), memory in bytes. A
    // point after a break in the line has gap_before 1.
    points.write(csvLine({u"node"_s, u"name"_s, u"metric"_s, u"time"_s, u"unix_time"_s, u"value"_s,
                          u"gap_before"_s}));
    for (const ChartData &chart : charts) {
        const QString node = QString::number(chart.node);
        const auto write = [&](const QString &metric, const QList<store::SeriesPoint> &line,
                               bool integer) {
            for (const store::SeriesPoint &p : line) {
                const QString time =
                    QDateTime::fromSecsSinceEpoch(p.t, QTimeZone::UTC).toString(Qt::ISODate);
                const QString value = integer ? QString::number(std::llround(p.value))
                                              : QString::number(p.value, 'g', 10);
                points.write(csvLine({node, chart.title, metric, time, QString::number(p.t), value,
                                      p.gapBefore ? u"1"_s : u"0"_s}));
            }
        };
        write(u"load"_s, chart.load, false);
        write(u"memUsed"_s, chart.memory, true);
    }
    for (const QStringList &row : statistics)
        table.write(csvLine(row));
    if (!points.commit())
        return std::unexpected(failed(files[0], points.errorString()));
    if (!table.commit()) {
        QFile::remove(files[0]);
        return std::unexpected(failed(files[1], table.errorString()));
    }
    return files;
}

} // namespace omview::analyzer
