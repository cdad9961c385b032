// Where the migration monitor draws things: the nodes on a circle (a grid past 32 of them, when
// a circle's neighbours would crowd each other) and the guests of a node on rings around it.
// Pure geometry, so that the layout is tested without a window.
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QtGlobal>

namespace omview::procs {

struct NodeLayout {
    QList<QPointF> centres; // one per node, in the order asked for
    qreal nodeRadius = 0;   // the node discs' radius
    qreal dotRadius = 0;    // a guest dot's radius
    // How far from a centre guests may go without reaching a neighbour's guests or labels.
    qreal reach = 0;
    bool grid = false;
};

struct GuestLayout {
    QList<QPointF> positions; // the guests shown, first ring first
    qsizetype hidden = 0;     // the guests that did not fit within the reach
};

class MonitorLayout {
public:
    // Above this many nodes a circle leaves them too little room: a grid instead.
    static constexpr qsizetype MaxOnCircle = 32;

    // `count` nodes inside `area`, the first at the top of the circle (or the grid's top left),
    // the others clockwise (row by row). An empty or degenerate area gives every node its
    // centre with zero radii.
    static NodeLayout nodes(qsizetype count, const QRectF &area);
    // `count` guest dots around a node of `layout` at `centre`: rings just outside the disc,
    // each as full as its circumference allows, out to the layout's reach.
    static GuestLayout guests(qsizetype count, QPointF centre, const NodeLayout &layout);
};

} // namespace omview::procs
