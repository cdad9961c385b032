// The load line above the browser's slider, ready to draw: the store's
// M4-reduced series cut into runs where it has gaps, x in ms since the epoch
// (as QDateTimeAxis counts).
#pragma once

#include <QList>
#include <QPointF>
#include <omview/store/types.h>

namespace omview::history {

struct LoadCurve {
    QList<QList<QPointF>> runs; // each drawn as one line; breaks between them
    double maxValue = 0;

    bool isEmpty() const { return runs.isEmpty(); }
    static LoadCurve fromSeries(const store::Series &series);
};

} // namespace omview::history
