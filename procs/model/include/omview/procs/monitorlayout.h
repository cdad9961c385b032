// Where the migration monitor draws things: the nodes on a circle (a grid past 32 of them, when
// a circle's neighbours would crowd each other) and the guests of a node on rings around it.
// Pure geometry, so that the layout is tested without a window.
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QtGlobal>
#include <QtMath>

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
    // each as full as its circumference allows, out to the layout's reach, clockwise from
    // `startAngle` (radians, screen coordinates: 0 to the right, π/2 down; default the top).
    static GuestLayout guests(qsizetype count, QPointF centre, const NodeLayout &layout,
                              qreal startAngle = -M_PI / 2);
    // The same rings, each guest on the free place of its ring nearest the direction it would
    // rather face (`angles`, one per guest, as startAngle): the monitor turns each towards its
    // home, so that the line home leaves the node on the right side. Positions are in the
    // order of `angles`; the first guests take the inner rings.
    static GuestLayout guestsFacing(const QList<qreal> &angles, QPointF centre,
                                    const NodeLayout &layout);
};

} // namespace omview::procs
