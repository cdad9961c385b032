// One analyzer chart (Qt Charts): a node's or the cluster's load (left axis,
// red above the threshold) and used memory (right axis, up to the node's
// total), time below with ticks on whole minutes, hours or days, and the
// checkpoints as labelled vertical markers. Its legend is legendHtml(), shown
// once above all the charts.
//
// The axes, grid, legend and layout are Qt Charts'; the lines are drawn by one
// item inside the plot area (PlotLinesItem) because a QLineSeries rebuilds a
// stroked hit-test outline of its whole line on every change -- about 2 us per
// point, a third of a second for the 64 nodes' charts of a month -- while the
// lines here are already reduced to a few points per pixel and need none.
#pragma once

#include <QChart>
#include <omview/analyzer/chartdata.h>
#include <omview/analyzer/chartstyle.h>
#include <optional>

class QCategoryAxis;
class QLineSeries;
class QValueAxis;

namespace omview::analyzer {

class PlotLinesItem;

// Where values are in the plot area and back: x in ms since the epoch.
struct PlotMapping {
    QRectF plot;
    double x0 = 0, x1 = 1; // ms
    double y0 = 0, y1 = 1;
    double memoryTop = 1; // the memory axis' top; its bottom is 0

    QPointF toPosition(const QPointF &value) const;
    QPointF memoryToPosition(const QPointF &value) const;
    double timeMsAt(double x) const;
};

// Axis ticks for a time range: whole minutes, hours or days in local time.
struct TimeTicks {
    QList<std::int64_t> at; // seconds
    QStringList labels;
    static TimeTicks forRange(const store::TimeRange &range, int widthPx);
};

// The top of an axis showing @p value with four equal steps of round size.
double niceAxisTop(double value);

// The key to every chart's lines and markers, as rich text (one legend for
// all the charts rather than one each).
QString legendHtml(const ChartStyle &style, double threshold, int pixelSize);

class AnalyzerChart : public QChart {
    Q_OBJECT

public:
    explicit AnalyzerChart(QGraphicsItem *parent = nullptr);
    ~AnalyzerChart() override;

    void setStyle(const ChartStyle &style);
    const ChartStyle &style() const { return m_style; }
    // Shows @p data: lines, axes ranges, title, markers.
    void setData(const ChartData &data);
    const ChartData &chartData() const { return m_data; }

    PlotMapping mapping() const;
    // The second under a scene position in the plot area; nullopt outside it.
    std::optional<std::int64_t> timeAt(const QPointF &scenePos) const;

private:
    void updateAxes();

    ChartData m_data;
    ChartStyle m_style;
    QCategoryAxis *m_time = nullptr;
    QValueAxis *m_load = nullptr;
    QValueAxis *m_memory = nullptr;
    QLineSeries *m_loadKey = nullptr; // legend entries and axis anchors; no points
    QLineSeries *m_aboveKey = nullptr;
    QLineSeries *m_memoryKey = nullptr;
    PlotLinesItem *m_lines = nullptr;
    double m_loadTop = 100;
    double m_memoryTop = 1;
};

} // namespace omview::analyzer
