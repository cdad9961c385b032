// The colours of an analyzer chart, taken from a palette (light or dark
// desktop) or fixed for paper.
#pragma once

#include <QColor>
#include <QPalette>

namespace omview::analyzer {

struct ChartStyle {
    bool dark = false;
    QColor background; // around the plot
    QColor plot;       // behind the lines
    QColor text;
    QColor grid;
    QColor load;
    QColor above; // the load above the threshold, and the threshold line
    QColor memory;
    QColor checkpoint;

    static ChartStyle fromPalette(const QPalette &palette);
    static ChartStyle paper(); // light, on white
};

} // namespace omview::analyzer
