#include <algorithm>
#include <omview/history/loadcurve.h>

namespace omview::history {

LoadCurve LoadCurve::fromSeries(const store::Series &series) {
    LoadCurve curve;
    for (const store::SeriesPoint &point : series.points) {
        if (curve.runs.isEmpty() || point.gapBefore)
            curve.runs.append(QList<QPointF>());
        curve.runs.last().append(QPointF(static_cast<double>(point.t) * 1000.0, point.value));
        curve.maxValue = std::max(curve.maxValue, point.value);
    }
    return curve;
}

} // namespace omview::history
