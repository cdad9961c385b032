// The analyzer's charts and statistics laid out on paper or in one image: a
// heading (database, range), the charts one under the other, and the
// statistics table. Printing, print preview, PDF and PNG export all use it;
// the charts are always drawn in the light paper style.
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <expected>
#include <omview/analyzer/chartdata.h>
#include <omview/analyzer/chartstyle.h>

class QPagedPaintDevice;
class QPainter;

namespace omview::analyzer {

class ChartReport {
    Q_DECLARE_TR_FUNCTIONS(omview::analyzer::ChartReport)

public:
    ChartReport(QString title, QString subtitle, QList<ChartData> charts,
                QList<QStringList> statistics);

    // One image @p width pixels wide: every chart at its own height and the
    // table below.
    QImage image(int width) const;
    // Pages: the heading, three charts a page, the table at the end. Refused
    // when the device cannot be painted on (a printer that failed to start).
    std::expected<void, QString> print(QPagedPaintDevice &device) const;

    // Draws one chart into @p target of @p painter at the size it would have
    // on screen (@p logical), scaled to fit.
    static void renderChart(QPainter &painter, const QRectF &target, const ChartData &data,
                            const ChartStyle &style, const QSizeF &logical);

    static constexpr int ChartHeight = 240;

private:
    qreal paintHeading(QPainter &painter, const QRectF &area) const;
    qreal paintTable(QPainter &painter, const QRectF &area, int firstRow, int &nextRow) const;

    QString m_title;
    QString m_subtitle;
    QList<ChartData> m_charts;
    QList<QStringList> m_statistics; // header row first
};

} // namespace omview::analyzer
