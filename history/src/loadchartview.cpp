#include <QApplication>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <omview/history/loadchartview.h>
#include <omview/history/textformat.h>

namespace omview::history {

namespace {
// Checkpoints in a colour that reads on light and dark backgrounds alike.
const QColor CheckpointColor(0xd9, 0x77, 0x06);
constexpr int CheckpointHitPx = 5;
} // namespace

LoadChartView::LoadChartView(QWidget *parent)
    : QChartView(parent)
    , m_timeAxis(new QDateTimeAxis)
    , m_loadAxis(new QValueAxis) {
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 6, 10, 2));
    chart->setBackgroundRoundness(0);
    chart->setAnimationOptions(QChart::NoAnimation);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    m_timeAxis->setLabelsFont(small);
    m_loadAxis->setLabelsFont(small);
    m_loadAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_loadAxis->setTitleText(tr("Load"));
    m_loadAxis->setTitleFont(small);
    m_loadAxis->setRange(0, 100);
    m_loadAxis->setTickCount(3);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_loadAxis, Qt::AlignLeft);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    setFrameShape(QFrame::StyledPanel);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    // Queued: the chart lays itself out before the view takes its new scene
    // rect, and until then scene and viewport coordinates disagree.
    connect(
        chart, &QChart::plotAreaChanged, this,
        [this] {
            emit plotRectChanged(plotRect());
            viewport()->update();
        },
        Qt::QueuedConnection);
    applyPalette();
    updateAxes();
}

QSize LoadChartView::sizeHint() const {
    return {640, 170};
}

QSize LoadChartView::minimumSizeHint() const {
    return {240, 110};
}

void LoadChartView::setRange(std::optional<store::TimeRange> range) {
    m_range = range;
    updateAxes();
    viewport()->update();
}

void LoadChartView::setCurve(const LoadCurve &curve) {
    chart()->removeAllSeries();
    const QColor color = palette().color(QPalette::Highlight);
    for (const QList<QPointF> &run : curve.runs) {
        auto *line = new QLineSeries;
        line->replace(run);
        QPen pen(color);
        pen.setWidthF(1.4);
        line->setPen(pen);
        // A lone point between two gaps has no line to draw.
        if (run.size() == 1) {
            line->setPointsVisible(true);
            line->setMarkerSize(3);
        }
        chart()->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_loadAxis);
    }
    m_maxValue = curve.maxValue;
    updateAxes();
    viewport()->update();
}

void LoadChartView::setCheckpoints(const QList<store::Checkpoint> &checkpoints) {
    m_checkpoints = checkpoints;
    viewport()->update();
}

void LoadChartView::setMoment(std::optional<std::int64_t> t) {
    if (t == m_moment)
        return;
    m_moment = t;
    viewport()->update();
}

void LoadChartView::setInterval(std::optional<store::TimeRange> interval) {
    if (interval == m_interval)
        return;
    m_interval = interval;
    viewport()->update();
}

void LoadChartView::setPlaceholder(const QString &text) {
    m_placeholder = text;
    viewport()->update();
}

void LoadChartView::updateAxes() {
    // Without data there is no time to label: the placeholder says so.
    m_timeAxis->setVisible(m_range.has_value());
    m_loadAxis->setVisible(m_range.has_value());
    std::int64_t first = 0, last = 3600;
    if (m_range) {
        first = m_range->first;
        last = std::max(m_range->last, m_range->first + 1);
    }
    m_timeAxis->setRange(QDateTime::fromSecsSinceEpoch(first), QDateTime::fromSecsSinceEpoch(last));
    const std::int64_t span = last - first;
    m_timeAxis->setFormat(span <= 86400       ? QStringLiteral("HH:mm")
                          : span <= 7 * 86400 ? QStringLiteral("MM-dd HH:mm")
                                              : QStringLiteral("yyyy-MM-dd"));
    const int width = std::max(1, static_cast<int>(chart()->plotArea().width()));
    m_timeAxis->setTickCount(std::clamp(width / 110 + 1, 2, 10));
    m_loadAxis->setRange(0, std::max(100.0, m_maxValue * 1.1));
    m_loadAxis->applyNiceNumbers();
    m_loadAxis->setTickCount(3);
}

void LoadChartView::applyPalette() {
    const QPalette pal = palette();
    chart()->setBackgroundBrush(pal.color(QPalette::Base));
    chart()->setBackgroundPen(Qt::NoPen);
    chart()->setPlotAreaBackgroundVisible(false);
    setBackgroundBrush(pal.color(QPalette::Base));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.12);
    QColor axisLine = pal.color(QPalette::Text);
    axisLine.setAlphaF(0.35);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_loadAxis)}) {
        axis->setLabelsBrush(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(axisLine);
    }
    const QColor line = pal.color(QPalette::Highlight);
    for (QAbstractSeries *series : chart()->series()) {
        if (auto *xy = qobject_cast<QLineSeries *>(series)) {
            QPen pen = xy->pen();
            pen.setColor(line);
            xy->setPen(pen);
        }
    }
    viewport()->update();
}

void LoadChartView::changeEvent(QEvent *event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void LoadChartView::resizeEvent(QResizeEvent *event) {
    QChartView::resizeEvent(event);
    updateAxes();
}

QRectF LoadChartView::plotSceneRect() const {
    return chart()->mapToScene(chart()->plotArea()).boundingRect();
}

QRect LoadChartView::plotRect() const {
    // The view shows its scene rect (the chart) from its top left corner. Not
    // mapFromScene(): while the chart is being resized the view still centres
    // the old scene rect, and a plot area reported then would be off by that.
    return plotSceneRect().translated(-sceneRect().topLeft()).toAlignedRect();
}

double LoadChartView::sceneXOf(std::int64_t t) const {
    const QRectF plot = plotSceneRect();
    const double min = static_cast<double>(m_timeAxis->min().toSecsSinceEpoch());
    const double max = static_cast<double>(m_timeAxis->max().toSecsSinceEpoch());
    if (max <= min)
        return plot.left();
    return plot.left() + (static_cast<double>(t) - min) / (max - min) * plot.width();
}

int LoadChartView::xOf(std::int64_t t) const {
    return static_cast<int>(std::lround(sceneXOf(t) - sceneRect().left()));
}

std::int64_t LoadChartView::timeAt(int x) const {
    const QRect plot = plotRect();
    const std::int64_t min = m_timeAxis->min().toSecsSinceEpoch();
    const std::int64_t max = m_timeAxis->max().toSecsSinceEpoch();
    if (plot.width() <= 1)
        return min;
    const double fraction = std::clamp(
        static_cast<double>(x - plot.left()) / static_cast<double>(plot.width() - 1), 0.0, 1.0);
    std::int64_t t = min + std::llround(fraction * static_cast<double>(max - min));
    if (m_range)
        t = std::clamp(t, m_range->first, m_range->last);
    return t;
}

void LoadChartView::mousePressEvent(QMouseEvent *event) {
    const QRect zone = plotRect().adjusted(-4, -4, 4, 4);
    if (event->button() != Qt::LeftButton || !m_range ||
        !zone.contains(event->position().toPoint())) {
        QChartView::mousePressEvent(event);
        return;
    }
    m_pressX = event->position().toPoint().x();
    m_dragX.reset();
    event->accept();
}

void LoadChartView::mouseMoveEvent(QMouseEvent *event) {
    if (!m_pressX) {
        QChartView::mouseMoveEvent(event);
        return;
    }
    const int x = event->position().toPoint().x();
    if (m_dragX || std::abs(x - *m_pressX) >= QApplication::startDragDistance()) {
        m_dragX = x;
        viewport()->update();
    }
    event->accept();
}

void LoadChartView::mouseReleaseEvent(QMouseEvent *event) {
    if (!m_pressX || event->button() != Qt::LeftButton) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    const int press = *m_pressX;
    const int x = event->position().toPoint().x();
    const bool dragged =
        m_dragX.has_value() || std::abs(x - press) >= QApplication::startDragDistance();
    m_pressX.reset();
    m_dragX.reset();
    viewport()->update();
    event->accept();
    if (dragged)
        emit intervalDragged(timeAt(std::min(press, x)), timeAt(std::max(press, x)));
    else
        emit momentClicked(timeAt(press));
}

bool LoadChartView::viewportEvent(QEvent *event) {
    if (event->type() != QEvent::ToolTip || !m_range)
        return QChartView::viewportEvent(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const QPoint pos = help->pos();
    if (!plotRect().adjusted(-4, -4, 4, 4).contains(pos)) {
        QToolTip::hideText();
        return true;
    }
    QStringList marks;
    for (const store::Checkpoint &checkpoint : m_checkpoints) {
        if (std::abs(xOf(checkpoint.t) - pos.x()) <= CheckpointHitPx)
            marks.append(tr("Checkpoint “%1” at %2").arg(checkpoint.label, timeText(checkpoint.t)));
    }
    const QString text = marks.isEmpty()
                             ? tr("%1\nClick to show the processes then; drag to rank an interval.")
                                   .arg(timeText(timeAt(pos.x())))
                             : marks.join(u'\n');
    QToolTip::showText(help->globalPos(), text, this);
    return true;
}

void LoadChartView::drawForeground(QPainter *painter, const QRectF &rect) {
    QChartView::drawForeground(painter, rect);
    const QRectF plot = plotSceneRect();
    if (plot.width() <= 1 || plot.height() <= 1)
        return;
    const QPalette pal = palette();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);

    if (chart()->series().isEmpty() && !m_placeholder.isEmpty()) {
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    }
    if (!m_range) {
        painter->restore();
        return;
    }
    painter->setClipRect(plot.adjusted(-1, -1, 1, 1));

    auto band = [&](double x1, double x2) {
        QColor fill = pal.color(QPalette::Highlight);
        fill.setAlphaF(0.18);
        const QRectF area(QPointF(std::min(x1, x2), plot.top()),
                          QPointF(std::max(x1, x2), plot.bottom()));
        painter->fillRect(area, fill);
        QColor edge = pal.color(QPalette::Highlight);
        edge.setAlphaF(0.7);
        painter->setPen(QPen(edge, 1));
        painter->drawLine(QLineF(area.left(), plot.top(), area.left(), plot.bottom()));
        painter->drawLine(QLineF(area.right(), plot.top(), area.right(), plot.bottom()));
    };
    if (m_pressX && m_dragX) {
        band(*m_pressX + sceneRect().left(), *m_dragX + sceneRect().left());
    } else if (m_interval) {
        band(sceneXOf(m_interval->first), sceneXOf(m_interval->last));
    }

    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    painter->setFont(small);
    const QFontMetrics metrics(small);
    double labelsEnd = -1e9;
    for (const store::Checkpoint &checkpoint : m_checkpoints) {
        const double x = std::round(sceneXOf(checkpoint.t)) + 0.5;
        if (x < plot.left() - 1 || x > plot.right() + 1)
            continue;
        painter->setPen(QPen(CheckpointColor, 1, Qt::DashLine));
        painter->drawLine(QLineF(x, plot.top(), x, plot.bottom()));
        // Labels that would overlap the previous one are left to the tooltip.
        const QString label = metrics.elidedText(checkpoint.label, Qt::ElideRight, 140);
        const int width = metrics.horizontalAdvance(label) + 6;
        double left = x + 2;
        if (left + width > plot.right())
            left = x - 2 - width;
        if (left < labelsEnd + 4)
            continue;
        const QRectF box(left, plot.top() + 1, width, metrics.height() + 2);
        QColor back = pal.color(QPalette::Base);
        back.setAlphaF(0.85);
        painter->fillRect(box, back);
        painter->setPen(CheckpointColor);
        painter->drawText(box, Qt::AlignCenter, label);
        labelsEnd = box.right();
    }

    if (m_moment) {
        const double x = std::round(sceneXOf(*m_moment)) + 0.5;
        QColor color = pal.color(QPalette::Text);
        color.setAlphaF(0.8);
        painter->setPen(QPen(color, 2));
        painter->drawLine(QLineF(x, plot.top(), x, plot.bottom()));
    }
    painter->restore();
}

} // namespace omview::history
