// The widget of one AnalyzerChart: turns the mouse into requests -- a click
// asks for the history at that moment, dragging selects a range to zoom into,
// the wheel zooms around the pointer, a middle-button or Shift drag pans, a
// right click goes back to the whole range -- and says when its plot width
// changes, so its owner queries at the new resolution.
#pragma once

#include <QChartView>
#include <QDateTime>
#include <omview/analyzer/analyzerchart.h>
#include <omview/store/types.h>

class QRubberBand;

namespace omview::analyzer {

class ChartView : public QChartView {
    Q_OBJECT

public:
    explicit ChartView(NodeId node, QWidget *parent = nullptr);

    NodeId node() const { return m_node; }
    AnalyzerChart *analyzerChart() const { return m_chart; }
    // The plot area's width in pixels: the grid the data is reduced to.
    int plotWidth() const;
    // The window position of a time, for tests and tools; nullopt off the plot.
    std::optional<QPoint> positionOf(std::int64_t t, double load) const;

signals:
    void momentClicked(omview::analyzer::NodeId node, const QDateTime &at);
    void zoomRequested(const omview::store::TimeRange &range);
    void zoomResetRequested();
    void plotWidthChanged(int width);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Drag { None, Pending, Zoom, Pan };
    std::optional<std::int64_t> timeAt(const QPoint &pos) const;
    void showTip(const QPoint &pos);

    NodeId m_node;
    AnalyzerChart *m_chart;
    QRubberBand *m_band;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    store::TimeRange m_panStart{};
    int m_lastPlotWidth = 0;
};

} // namespace omview::analyzer
