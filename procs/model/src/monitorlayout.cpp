#include <QtMath>
#include <algorithm>
#include <cmath>
#include <omview/procs/monitorlayout.h>

namespace omview::procs {

namespace {

// Beyond this a node disc only takes room from the guests and the lines.
constexpr qreal MaxNodeRadius = 36;
// Of the room a node has (its reach), the disc takes this much; the guest rings the rest.
constexpr qreal DiscShare = 0.45;
// A circle of 2 to 4 nodes would give each half the area: a third of it leaves room between
// neighbours for the lines and the moves.
constexpr qreal MaxReachShare = 0.3;
// From one dot's centre to the next, in dot radii: a dot and a gap.
constexpr qreal DotPitch = 2.6;

void sizeDiscs(NodeLayout &layout) {
    layout.nodeRadius = std::min(layout.reach * DiscShare, MaxNodeRadius);
    layout.dotRadius = std::clamp(layout.nodeRadius * 0.22, 2.5, 7.0);
}

} // namespace

NodeLayout MonitorLayout::nodes(qsizetype count, const QRectF &area) {
    NodeLayout layout;
    if (count <= 0)
        return layout;
    const QPointF centre = area.center();
    if (area.width() <= 0 || area.height() <= 0) {
        layout.centres.fill(centre, count);
        return layout;
    }
    const qreal outer = std::min(area.width(), area.height()) / 2;
    if (count == 1) {
        layout.centres = {centre};
        layout.reach = outer;
        sizeDiscs(layout);
        return layout;
    }
    if (count <= MaxOnCircle) {
        // Each node gets a disc of room (its reach) touching its neighbours' on a circle of
        // radius outer - reach: reach = (outer - reach) * sin(pi / n).
        const qreal s = std::sin(M_PI / qreal(count));
        layout.reach = std::min(outer * s / (1 + s), outer * MaxReachShare);
        const qreal radius = outer - layout.reach;
        layout.centres.reserve(count);
        for (qsizetype i = 0; i < count; ++i) {
            const qreal angle = -M_PI / 2 + 2 * M_PI * qreal(i) / qreal(count);
            layout.centres.append(centre +
                                  QPointF(radius * std::cos(angle), radius * std::sin(angle)));
        }
        sizeDiscs(layout);
        return layout;
    }
    // As many columns as keep the cells closest to square in this area.
    layout.grid = true;
    const qreal aspect = area.width() / area.height();
    qsizetype columns = std::max<qsizetype>(1, qCeil(std::sqrt(qreal(count) * aspect)));
    const qsizetype rows = (count + columns - 1) / columns;
    columns = (count + rows - 1) / rows;
    const qreal cellWidth = area.width() / qreal(columns);
    const qreal cellHeight = area.height() / qreal(rows);
    layout.reach = std::min(cellWidth, cellHeight) / 2;
    layout.centres.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype row = i / columns;
        const qsizetype column = i % columns;
        layout.centres.append(area.topLeft() + QPointF((qreal(column) + 0.5) * cellWidth,
                                                       (qreal(row) + 0.5) * cellHeight));
    }
    sizeDiscs(layout);
    return layout;
}

GuestLayout MonitorLayout::guests(qsizetype count, QPointF centre, const NodeLayout &layout,
                                  qreal startAngle) {
    GuestLayout out;
    if (count <= 0)
        return out;
    const qreal dot = layout.dotRadius;
    if (dot <= 0) {
        out.hidden = count;
        return out;
    }
    const qreal pitch = dot * DotPitch;
    qsizetype left = count;
    for (qreal ring = layout.nodeRadius + 2 * dot; left > 0 && ring + dot <= layout.reach;
         ring += pitch) {
        const auto room = qsizetype(std::floor(2 * M_PI * ring / pitch));
        if (room <= 0)
            break;
        const qsizetype here = std::min(room, left);
        // A ring only partly used spreads its dots over all of it.
        for (qsizetype i = 0; i < here; ++i) {
            const qreal angle = startAngle + 2 * M_PI * qreal(i) / qreal(here);
            out.positions.append(centre + QPointF(ring * std::cos(angle), ring * std::sin(angle)));
        }
        left -= here;
    }
    out.hidden = left;
    return out;
}

GuestLayout MonitorLayout::guestsFacing(const QList<qreal> &angles, QPointF centre,
                                        const NodeLayout &layout) {
    GuestLayout out;
    const qreal dot = layout.dotRadius;
    if (dot <= 0) {
        out.hidden = angles.size();
        return out;
    }
    const qreal pitch = dot * DotPitch;
    qsizetype next = 0;
    for (qreal ring = layout.nodeRadius + 2 * dot;
         next < angles.size() && ring + dot <= layout.reach; ring += pitch) {
        const auto room = qsizetype(std::floor(2 * M_PI * ring / pitch));
        if (room <= 0)
            break;
        const qsizetype here = std::min(room, angles.size() - next);
        const qreal step = 2 * M_PI / qreal(room);
        QList<bool> taken(room, false);
        for (qsizetype i = next; i < next + here; ++i) {
            // The nearest place to the wanted angle, then outwards both ways to a free one.
            const qreal wanted = std::remainder(angles.at(i), 2 * M_PI);
            const auto nearest = qsizetype(std::llround(wanted / step));
            for (qsizetype k = 0; k < room; ++k) {
                const qsizetype offset = (k + 1) / 2 * (k % 2 ? 1 : -1);
                const qsizetype slot = ((nearest + offset) % room + room) % room;
                if (taken.at(slot))
                    continue;
                taken[slot] = true;
                const qreal angle = qreal(slot) * step;
                out.positions.append(centre +
                                     QPointF(ring * std::cos(angle), ring * std::sin(angle)));
                break;
            }
        }
        next += here;
    }
    out.hidden = angles.size() - next;
    return out;
}

} // namespace omview::procs
