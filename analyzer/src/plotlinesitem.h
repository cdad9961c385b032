// The lines of an AnalyzerChart, drawn in its plot area (private): used
// memory, the load, the load's pieces above the threshold, the threshold, and
// the checkpoint markers with their labels.
#pragma once

#include <QGraphicsItem>
#include <omview/analyzer/analyzerchart.h>

namespace omview::analyzer {

class PlotLinesItem : public QGraphicsItem {
public:
    explicit PlotLinesItem(AnalyzerChart *chart);

    // Call before the plot area or the axes change.
    void geometryChanging() { prepareGeometryChange(); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    // @p strokes: one-pixel lines drawn side by side for each segment.
    void drawRuns(QPainter &painter, const QList<Polyline> &runs, const PlotMapping &map,
                  bool memory, int strokes = 1) const;
    void drawCheckpoints(QPainter &painter, const PlotMapping &map) const;

    AnalyzerChart *m_chart;
};

} // namespace omview::analyzer
