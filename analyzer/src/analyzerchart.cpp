#include "plotlinesitem.h"

#include <QCategoryAxis>
#include <QDateTime>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>
#include <omview/analyzer/analyzerchart.h>

using namespace Qt::StringLiterals;

namespace omview::analyzer {

QPointF PlotMapping::toPosition(const QPointF &value) const {
    return {plot.left() + (value.x() - x0) / (x1 - x0) * plot.width(),
            plot.bottom() - (value.y() - y0) / (y1 - y0) * plot.height()};
}

QPointF PlotMapping::memoryToPosition(const QPointF &value) const {
    return {plot.left() + (value.x() - x0) / (x1 - x0) * plot.width(),
            plot.bottom() - value.y() / memoryTop * plot.height()};
}

double PlotMapping::timeMsAt(double x) const {
    return x0 + (x - plot.left()) / plot.width() * (x1 - x0);
}

double niceAxisTop(double value) {
    if (!(value > 0))
        return 1;
    // Four equal steps of 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten.
    const double step = value / 4;
    const double power = std::pow(10.0, std::floor(std::log10(step)));
    for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (m * power >= step * (1 - 1e-9))
            return 4 * m * power;
    }
    return 40 * power;
}

namespace {

TimeTicks computeTicks(const store::TimeRange &range, int widthPx) {
    static constexpr std::array<std::int64_t, 23> Steps = {
        1,    2,    5,     10,    15,    30,    60,     120,    300,     600,     900,    1800,
        3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 1209600, 2592000, 7776000};
    constexpr std::int64_t Day = 86400;
    TimeTicks out;
    const std::int64_t span = std::max<std::int64_t>(1, range.last - range.first + 1);
    const std::int64_t most = std::max(2, widthPx / 95);
    std::int64_t step = Steps.back();
    for (std::int64_t s : Steps) {
        if (span / s <= most) {
            step = s;
            break;
        }
    }
    const QLocale locale;
    if (step < Day) {
        const QDateTime first = QDateTime::fromSecsSinceEpoch(range.first);
        const std::int64_t midnight = QDateTime(first.date(), QTime(0, 0)).toSecsSinceEpoch();
        const std::int64_t k = (range.first - midnight + step - 1) / step;
        for (std::int64_t t = midnight + k * step; t <= range.last + 1; t += step) {
            const QDateTime at = QDateTime::fromSecsSinceEpoch(t);
            QString label;
            if (at.time() == QTime(0, 0) && step >= 60)
                label = locale.toString(at.date(), u"d MMM"_s);
            else if (step < 60)
                label = at.toString(u"HH:mm:ss"_s);
            else if (span > Day)
                label = locale.toString(at, u"ddd HH:mm"_s);
            else
                label = at.toString(u"HH:mm"_s);
            out.at.append(t);
            out.labels.append(label);
        }
    } else {
        const std::int64_t days = step / Day;
        QDate date = QDateTime::fromSecsSinceEpoch(range.first).date();
        if (days == 7)
            date = date.addDays(1 - date.dayOfWeek()); // weeks start on Monday
        for (int guard = 0; guard < 1000; ++guard, date = date.addDays(days)) {
            const std::int64_t t = QDateTime(date, QTime(0, 0)).toSecsSinceEpoch();
            if (t > range.last + 1)
                break;
            if (t < range.first)
                continue;
            out.at.append(t);
            out.labels.append(locale.toString(date, days >= 28 ? u"MMM yyyy"_s : u"d MMM"_s));
        }
    }
    // QCategoryAxis wants distinct labels; repeated ones differ invisibly.
    for (qsizetype i = 0; i < out.labels.size(); ++i) {
        while (out.labels.indexOf(out.labels[i]) < i)
            out.labels[i] += QChar(0x200B);
    }
    return out;
}

} // namespace

TimeTicks TimeTicks::forRange(const store::TimeRange &range, int widthPx) {
    // Every chart of a window asks for the same range in turn, and local
    // midnights cost a time zone lookup each (tens of microseconds): the
    // last answer is kept.
    struct Last {
        store::TimeRange range;
        int widthPx = -1;
        TimeTicks ticks;
    };
    thread_local Last last;
    if (last.widthPx != widthPx || last.range != range) {
        last.ticks = computeTicks(range, widthPx);
        last.range = range;
        last.widthPx = widthPx;
    }
    return last.ticks;
}

QString legendHtml(const ChartStyle &style, double threshold, int pixelSize) {
    const auto key = [&](const QColor &color, const QString &dash, const QString &text) {
        return u"<span style=\"color:%1\"><b>%2</b></span>&nbsp;%3"_s.arg(color.name(), dash,
                                                                          text.toHtmlEscaped());
    };
    const QString solid = u"━━"_s;
    const QString dashed = u"╍╍"_s;
    const QStringList keys = {
        key(style.load, solid, AnalyzerChart::tr("Load")),
        key(style.above, solid,
            AnalyzerChart::tr("Load above %1 % (dashed: the threshold)")
                .arg(QLocale().toString(threshold, 'f', 0))),
        key(style.memory, solid, AnalyzerChart::tr("Memory used")),
        key(style.checkpoint, dashed, AnalyzerChart::tr("Checkpoint")),
    };
    return u"<span style=\"color:%1; font-size:%2px\">%3</span>"_s.arg(style.text.name())
        .arg(pixelSize)
        .arg(keys.join(u"&nbsp;&nbsp;&nbsp;&nbsp;"_s));
}

AnalyzerChart::AnalyzerChart(QGraphicsItem *parent)
    : QChart(parent) {
    setAnimationOptions(QChart::NoAnimation);
    setBackgroundRoundness(0);
    setMargins(QMargins(4, 0, 4, 0));
    // One legend for all the charts is shown by their owner (legendHtml).
    legend()->hide();

    m_time = new QCategoryAxis(this);
    m_time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_load = new QValueAxis(this);
    m_load->setTickCount(5);
    m_load->setLabelFormat(QStringLiteral("%.0f %"));
    m_memory = new QValueAxis(this);
    m_memory->setTickCount(5);
    m_memory->setGridLineVisible(false);
    addAxis(m_time, Qt::AlignBottom);
    addAxis(m_load, Qt::AlignLeft);
    addAxis(m_memory, Qt::AlignRight);

    // Empty series tie the axes to the chart's domain (Qt Charts maps and
    // lays out axes through their series); the lines are PlotLinesItem's.
    const auto key = [this](const QString &name, QValueAxis *axis) {
        auto *series = new QLineSeries(this);
        series->setName(name);
        addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(axis);
        return series;
    };
    m_loadKey = key(tr("Load"), m_load);
    m_aboveKey = key(tr("Above threshold"), m_load);
    m_memoryKey = key(tr("Memory used"), m_memory);

    m_lines = new PlotLinesItem(this);
    connect(this, &QChart::plotAreaChanged, this, [this] {
        m_lines->geometryChanging();
        m_lines->update();
    });
    setStyle(ChartStyle::paper());
    updateAxes();
}

AnalyzerChart::~AnalyzerChart() = default;

void AnalyzerChart::setStyle(const ChartStyle &style) {
    m_style = style;
    setBackgroundBrush(style.background);
    setBackgroundPen(Qt::NoPen);
    setPlotAreaBackgroundBrush(style.plot);
    setPlotAreaBackgroundVisible(true);
    setTitleBrush(style.text);
    QPen grid(style.grid);
    grid.setWidthF(1); // a logical pixel, also in the finer pictures for print
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_load),
          static_cast<QAbstractAxis *>(m_memory)}) {
        axis->setLabelsBrush(style.text);
        axis->setGridLinePen(grid);
        axis->setLinePen(grid);
    }
    m_load->setLabelsBrush(style.load);
    m_memory->setLabelsBrush(style.memory);
    const auto keyPen = [](QLineSeries *series, const QColor &color, qreal width) {
        QPen pen(color);
        pen.setWidthF(width);
        series->setPen(pen);
    };
    keyPen(m_loadKey, style.load, 2);
    keyPen(m_aboveKey, style.above, 2);
    keyPen(m_memoryKey, style.memory, 2);
    m_lines->update();
}

void AnalyzerChart::setData(const ChartData &data) {
    m_lines->geometryChanging();
    m_data = data;
    if (title() != data.title)
        setTitle(data.title);
    updateAxes();
    m_lines->update();
}

void AnalyzerChart::updateAxes() {
    // Qt Charts lays out every label anew on any change to an axis: change
    // only what differs, so a chart that moves by a few seconds keeps them.
    const double x0 = static_cast<double>(m_data.range.first) * 1000.0;
    const double x1 = std::max(static_cast<double>(m_data.range.last + 1) * 1000.0, x0 + 1);
    const TimeTicks ticks = TimeTicks::forRange(
        m_data.range, m_data.widthPx > 0 ? m_data.widthPx : static_cast<int>(plotArea().width()));
    QStringList labels;
    QList<double> at;
    for (qsizetype i = 0; i < ticks.at.size(); ++i) {
        const double x = static_cast<double>(ticks.at[i]) * 1000.0;
        if (x > x0 && x <= x1) {
            labels.append(ticks.labels[i]);
            at.append(x);
        }
    }
    // Each change relays the axis out: keep the categories the new range
    // shares with the old one (a range moved by a few seconds keeps all but
    // the last, or gains one), remove the others from the end, append the new.
    const QStringList current = m_time->categoriesLabels();
    qsizetype kept = 0;
    while (kept < current.size() && kept < labels.size() && current[kept] == labels[kept] &&
           m_time->endValue(labels[kept]) == at[kept])
        ++kept;
    // The first category's start is the axis' start; with no categories the
    // axis keeps it for the first one appended. (startValue() without a label
    // is only that kept value, stale once there are categories.)
    const double start = kept > 0 ? m_time->startValue(current.first()) : m_time->startValue();
    if (kept > 0 && start != x0)
        m_time->setStartValue(x0);
    for (qsizetype i = current.size() - 1; i >= kept; --i)
        m_time->remove(current[i]);
    if (kept == 0 && m_time->startValue() != x0)
        m_time->setStartValue(x0);
    for (qsizetype i = kept; i < labels.size(); ++i)
        m_time->append(labels[i], at[i]);
    if (m_time->min() != x0 || m_time->max() != x1)
        m_time->setRange(x0, x1);

    m_loadTop = niceAxisTop(std::max({100.0, m_data.loadPeak * 1.05, m_data.threshold * 1.1}));
    if (m_load->max() != m_loadTop || m_load->min() != 0)
        m_load->setRange(0, m_loadTop);
    m_memoryTop = niceAxisTop(std::max(m_data.memoryTotal, 1.0 / 1024));
    if (m_memory->max() != m_memoryTop || m_memory->min() != 0)
        m_memory->setRange(0, m_memoryTop);
    const QString memoryFormat =
        m_memoryTop < 4 ? QStringLiteral("%.1f GiB") : QStringLiteral("%.0f GiB");
    if (m_memory->labelFormat() != memoryFormat)
        m_memory->setLabelFormat(memoryFormat);
}

PlotMapping AnalyzerChart::mapping() const {
    PlotMapping map;
    map.plot = plotArea();
    map.x0 = static_cast<double>(m_data.range.first) * 1000.0;
    map.x1 = std::max(static_cast<double>(m_data.range.last + 1) * 1000.0, map.x0 + 1);
    map.y0 = 0;
    map.y1 = m_loadTop;
    map.memoryTop = m_memoryTop;
    return map;
}

std::optional<std::int64_t> AnalyzerChart::timeAt(const QPointF &scenePos) const {
    const QPointF pos = mapFromScene(scenePos);
    const PlotMapping map = mapping();
    if (!map.plot.adjusted(-1, -1, 1, 1).contains(pos) || map.plot.width() <= 0)
        return std::nullopt;
    const double ms = map.timeMsAt(std::clamp(pos.x(), map.plot.left(), map.plot.right()));
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor(ms / 1000.0)),
                                    m_data.range.first, m_data.range.last);
}

} // namespace omview::analyzer
