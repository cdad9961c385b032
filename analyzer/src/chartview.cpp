#include <QLocale>
#include <QMouseEvent>
#include <QRubberBand>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <omview/analyzer/chartview.h>
#include <omview/analyzer/seriesbuilder.h>
#include <omview/protocol/memorytext.h>

namespace omview::analyzer {

namespace {

// A press that moves less than this is a click.
constexpr int DragThreshold = 4;
constexpr std::int64_t MinZoomSeconds = 10;

// The value of a line nearest to second t, if one is within tolerance.
std::optional<double> valueNear(const QList<store::SeriesPoint> &points, std::int64_t t,
                                std::int64_t tolerance) {
    const auto it = std::ranges::lower_bound(points, t, {}, &store::SeriesPoint::t);
    std::optional<store::SeriesPoint> best;
    for (auto c : {it, it == points.begin() ? it : std::prev(it)}) {
        if (c != points.end() && std::abs(c->t - t) <= tolerance &&
            (!best || std::abs(c->t - t) < std::abs(best->t - t)))
            best = *c;
    }
    if (!best)
        return std::nullopt;
    return best->value;
}

} // namespace

ChartView::ChartView(NodeId node, QWidget *parent)
    : QChartView(new AnalyzerChart, parent)
    , m_node(node)
    , m_chart(static_cast<AnalyzerChart *>(chart()))
    , m_band(new QRubberBand(QRubberBand::Rectangle, this)) {
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setMinimumHeight(200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_chart->setStyle(ChartStyle::fromPalette(palette()));
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        const int width = static_cast<int>(plot.width());
        if (width != m_lastPlotWidth) {
            m_lastPlotWidth = width;
            emit plotWidthChanged(width);
        }
    });
}

int ChartView::plotWidth() const {
    return std::max(0, static_cast<int>(m_chart->plotArea().width()));
}

std::optional<std::int64_t> ChartView::timeAt(const QPoint &pos) const {
    return m_chart->timeAt(mapToScene(pos));
}

std::optional<QPoint> ChartView::positionOf(std::int64_t t, double load) const {
    const PlotMapping map = m_chart->mapping();
    const QPointF at = map.toPosition(QPointF(static_cast<double>(t) * 1000.0 + 500, load));
    if (!map.plot.contains(at))
        return std::nullopt;
    return mapFromScene(m_chart->mapToScene(at));
}

void ChartView::mousePressEvent(QMouseEvent *event) {
    const bool pan =
        event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier));
    if (pan) {
        m_drag = Drag::Pan;
        m_pressPos = event->pos();
        m_panStart = m_chart->chartData().range;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_drag = Drag::Pending;
        m_pressPos = event->pos();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        emit zoomResetRequested();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent *event) {
    const QRect plot = mapFromScene(m_chart->mapToScene(m_chart->plotArea())).boundingRect();
    switch (m_drag) {
    case Drag::None:
        showTip(event->pos());
        break;
    case Drag::Pending:
        if (std::abs(event->pos().x() - m_pressPos.x()) < DragThreshold)
            break;
        m_drag = Drag::Zoom;
        QToolTip::hideText();
        [[fallthrough]];
    case Drag::Zoom: {
        const int a = std::clamp(m_pressPos.x(), plot.left(), plot.right());
        const int b = std::clamp(event->pos().x(), plot.left(), plot.right());
        m_band->setGeometry(
            QRect(QPoint(std::min(a, b), plot.top()), QPoint(std::max(a, b), plot.bottom())));
        m_band->show();
        break;
    }
    case Drag::Pan: {
        if (plot.width() <= 0)
            break;
        const std::int64_t span = m_panStart.last - m_panStart.first + 1;
        const auto shift = static_cast<std::int64_t>(
            std::llround(static_cast<double>(event->pos().x() - m_pressPos.x()) / plot.width() *
                         static_cast<double>(span)));
        if (shift != 0)
            emit zoomRequested({m_panStart.first - shift, m_panStart.last - shift});
        break;
    }
    }
    event->accept();
}

void ChartView::mouseReleaseEvent(QMouseEvent *event) {
    const Drag drag = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    if (drag == Drag::Zoom && event->button() == Qt::LeftButton) {
        m_band->hide();
        const QRect plot = mapFromScene(m_chart->mapToScene(m_chart->plotArea())).boundingRect();
        const auto a =
            timeAt({std::clamp(m_pressPos.x(), plot.left(), plot.right()), plot.center().y()});
        const auto b =
            timeAt({std::clamp(event->pos().x(), plot.left(), plot.right()), plot.center().y()});
        if (a && b && std::abs(*b - *a) + 1 >= MinZoomSeconds)
            emit zoomRequested({std::min(*a, *b), std::max(*a, *b)});
    } else if (drag == Drag::Pending && event->button() == Qt::LeftButton) {
        if (const auto t = timeAt(event->pos())) {
            // A click near a drawn point means that point's second.
            const PlotMapping map = m_chart->mapping();
            const double secondsPerPixel =
                (map.x1 - map.x0) / 1000.0 / std::max(1.0, map.plot.width());
            const auto tolerance = static_cast<std::int64_t>(std::ceil(3 * secondsPerPixel));
            const std::int64_t at = m_chart->chartData().snap(*t, tolerance);
            emit momentClicked(m_node, QDateTime::fromSecsSinceEpoch(at));
        }
    }
    event->accept();
}

void ChartView::wheelEvent(QWheelEvent *event) {
    const auto t = timeAt(event->position().toPoint());
    const int steps = event->angleDelta().y() / 120;
    if (!t || steps == 0) {
        event->ignore();
        return;
    }
    const store::TimeRange range = m_chart->chartData().range;
    const double factor = std::pow(0.8, steps);
    const double span = static_cast<double>(range.last - range.first + 1);
    const double newSpan = std::max<double>(MinZoomSeconds, span * factor);
    const double at = static_cast<double>(*t - range.first) / span; // keeps *t under the pointer
    const auto first =
        static_cast<std::int64_t>(std::llround(static_cast<double>(*t) - at * newSpan));
    emit zoomRequested({first, first + static_cast<std::int64_t>(std::llround(newSpan)) - 1});
    event->accept();
}

void ChartView::resizeEvent(QResizeEvent *event) {
    QChartView::resizeEvent(event);
    m_band->hide();
}

void ChartView::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        m_chart->setStyle(ChartStyle::fromPalette(palette()));
    QChartView::changeEvent(event);
}

void ChartView::showTip(const QPoint &pos) {
    const auto t = timeAt(pos);
    if (!t) {
        QToolTip::hideText();
        return;
    }
    const ChartData &shown = m_chart->chartData();
    const PlotMapping map = m_chart->mapping();
    const double secondsPerPixel = (map.x1 - map.x0) / 1000.0 / std::max(1.0, map.plot.width());
    const auto tolerance = static_cast<std::int64_t>(std::ceil(2 * secondsPerPixel)) + 1;
    const QLocale locale;
    QString text = locale.toString(QDateTime::fromSecsSinceEpoch(*t), QLocale::LongFormat);
    if (const auto load = valueNear(shown.load, *t, tolerance))
        text += u'\n' + tr("Load %1 %").arg(locale.toString(*load, 'f', 0));
    if (const auto memory = valueNear(shown.memory, *t, tolerance)) {
        const auto bytes = [](double value) {
            return static_cast<std::uint64_t>(std::llround(std::max(0.0, value)));
        };
        text += u'\n' + tr("Memory used %1 of %2")
                            .arg(memoryText(bytes(*memory), locale),
                                 memoryText(bytes(shown.memoryTotal * GiB), locale));
    }
    text += u'\n' + tr("Click for the processes at this moment; drag to zoom");
    QToolTip::showText(mapToGlobal(pos), text, this);
}

} // namespace omview::analyzer
