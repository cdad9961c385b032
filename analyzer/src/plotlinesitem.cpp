#include "plotlinesitem.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPaintEngine>
#include <QPainter>
#include <cmath>
#include <optional>

namespace omview::analyzer {

namespace {

// Above the grid and Qt Charts' own series, below the legend.
constexpr qreal LinesZ = 20;

// One-pixel cosmetic lines take the rasterizer's fast path: a month of 64
// charts draws in tens of milliseconds. Wider pens go through the stroker.
// Widths are in logical pixels: on a device with a pixel ratio (hi-dpi
// screens, the finer pictures for print) the line keeps its visible width.
QPen linePen(const QColor &color, qreal width, qreal pixelRatio) {
    QPen pen(color);
    pen.setWidthF(width * pixelRatio);
    pen.setCosmetic(true);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::BevelJoin);
    return pen;
}

} // namespace

PlotLinesItem::PlotLinesItem(AnalyzerChart *chart)
    : QGraphicsItem(chart)
    , m_chart(chart) {
    setZValue(LinesZ);
    setAcceptedMouseButtons(Qt::NoButton);
}

QRectF PlotLinesItem::boundingRect() const {
    return m_chart->plotArea().adjusted(-2, -2, 2, 2);
}

void PlotLinesItem::drawRuns(QPainter &painter, const QList<Polyline> &runs, const PlotMapping &map,
                             bool memory, int strokes) const {
    // The points of a run that land in one pixel column draw as one vertical
    // stroke from their lowest to their highest, joined to the neighbouring
    // columns from the first point and to the last: the pixels the polyline
    // through all of them would set, with a third of the segments (M4 gives
    // up to four points a column, a tier row its mean, min, max and mean).
    // Every run's segments go to the paint engine at once.
    const double sx = map.plot.width() / (map.x1 - map.x0);
    const double ox = map.plot.left() - map.x0 * sx;
    const double sy =
        memory ? -map.plot.height() / map.memoryTop : -map.plot.height() / (map.y1 - map.y0);
    const double oy = memory ? map.plot.bottom() : map.plot.bottom() - map.y0 * sy;
    const auto position = [&](const QPointF &value) {
        return QPointF(ox + value.x() * sx, oy + value.y() * sy);
    };
    qsizetype points = 0;
    for (const Polyline &run : runs)
        points += run.size();
    QList<QLineF> lines;
    lines.reserve(points);
    for (const Polyline &run : runs) {
        if (run.size() == 1) {
            // A lone sample between two gaps: a dot, or it would not show.
            const QPointF p = position(run[0]);
            painter.fillRect(QRectF(p - QPointF(1.5, 1.5), QSizeF(3, 3)), painter.pen().color());
            continue;
        }
        std::optional<QPointF> previousLast;
        for (qsizetype i = 0; i < run.size();) {
            const QPointF first = position(run[i]);
            const double column = std::floor(first.x());
            QPointF last = first;
            double low = first.y(), high = first.y();
            qsizetype j = i + 1;
            for (; j < run.size(); ++j) {
                const QPointF p = position(run[j]);
                if (std::floor(p.x()) != column)
                    break;
                last = p;
                low = std::min(low, p.y());
                high = std::max(high, p.y());
            }
            if (previousLast)
                lines.append(QLineF(*previousLast, first));
            if (j - i > 1)
                lines.append(QLineF(QPointF(first.x(), low), QPointF(first.x(), high)));
            previousLast = last;
            i = j;
        }
    }
    painter.drawLines(lines);
    // A wider line as one-pixel lines side by side, each moved a pixel across
    // its direction: down for flat ones, right for steep ones.
    for (int k = 1; k < strokes; ++k) {
        for (QLineF &line : lines) {
            const bool flat = std::abs(line.dx()) >= std::abs(line.dy());
            line.translate(flat ? QPointF(0, 1) : QPointF(1, 0));
        }
        painter.drawLines(lines);
    }
}

void PlotLinesItem::drawCheckpoints(QPainter &painter, const PlotMapping &map) const {
    const ChartData &data = m_chart->chartData();
    if (data.checkpoints.isEmpty())
        return;
    const ChartStyle &style = m_chart->style();
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    QFont font = m_chart->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    QPen marker = linePen(style.checkpoint, 1, ratio);
    marker.setStyle(Qt::DashLine);
    QColor box = style.plot;
    box.setAlpha(225);
    // Labels go in up to three rows under the top edge, each in the first row
    // where it does not cover the previous one.
    std::array<qreal, 3> rowEnd;
    rowEnd.fill(-1e9);
    for (const CheckpointMarker &c : data.checkpoints) {
        const double x = map.toPosition(QPointF(static_cast<double>(c.t) * 1000.0, 0)).x();
        if (x < map.plot.left() - 1 || x > map.plot.right() + 1)
            continue;
        painter.setPen(marker);
        painter.drawLine(QPointF(x, map.plot.top()), QPointF(x, map.plot.bottom()));
        const QString text = metrics.elidedText(c.label, Qt::ElideRight, 180);
        const qreal width = metrics.horizontalAdvance(text) + 6;
        const qreal height = metrics.height() + 2;
        qreal left = x + 2;
        if (left + width > map.plot.right())
            left = x - 2 - width; // near the right edge: on the other side
        int row = 0;
        while (row < 2 && left < rowEnd[row] + 4)
            ++row;
        rowEnd[row] = left + width;
        const QRectF label(left, map.plot.top() + 2 + row * (height + 2), width, height);
        painter.fillRect(label, box);
        painter.setPen(style.checkpoint);
        painter.drawText(label, Qt::AlignCenter, text);
    }
}

void PlotLinesItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const PlotMapping map = m_chart->mapping();
    if (map.plot.width() <= 0 || map.plot.height() <= 0)
        return;
    const ChartData &data = m_chart->chartData();
    const ChartStyle &style = m_chart->style();
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->save();
    painter->setClipRect(map.plot.adjusted(0, -1, 1, 1));
    painter->setRenderHint(QPainter::Antialiasing, false);

    QPen threshold = linePen(style.above, 1, ratio);
    threshold.setStyle(Qt::DashLine);
    const double y = map.toPosition(QPointF(map.x0, data.threshold)).y();
    if (y >= map.plot.top() && y <= map.plot.bottom()) {
        painter->setPen(threshold);
        painter->drawLine(QPointF(map.plot.left(), y), QPointF(map.plot.right(), y));
    }
    painter->setPen(linePen(style.memory, 1, ratio));
    drawRuns(*painter, data.memoryRuns, map, true);
    painter->setPen(linePen(style.load, 1, ratio));
    drawRuns(*painter, data.loadRuns, map, false);
    // Two pixels wide, to stand out. On a raster image without scaling, as
    // two one-pixel lines: the stroker a wider pen goes through costs as much
    // as every other line of the chart.
    const bool rasterPixels =
        painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster &&
        ratio == 1.0 && painter->deviceTransform().type() <= QTransform::TxTranslate;
    painter->setPen(linePen(style.above, rasterPixels ? 1 : 2, ratio));
    drawRuns(*painter, data.abovePieces, map, false, rasterPixels ? 2 : 1);
    drawCheckpoints(*painter, map);
    painter->restore();
}

} // namespace omview::analyzer
