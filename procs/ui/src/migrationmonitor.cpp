#include "logging.h"

#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVariantAnimation>
#include <algorithm>
#include <cmath>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/migrationlogmodel.h>
#include <omview/procs/migrationmonitor.h>
#include <omview/procs/processformat.h>
#include <omview/protocol/memorytext.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

constexpr int Margin = 8;
constexpr int FlightMs = 900;
constexpr int FlashMs = 1600;

// How far along its line a move under way is drawn: the steps take roughly these shares of a
// move (the transfer the most).
qreal shareDone(const QString &phase) {
    if (phase == "dumped"_L1)
        return 0.35;
    if (phase == "transferred"_L1)
        return 0.65;
    if (phase == "restored"_L1)
        return 0.85;
    return 0.15;
}

// The ends of a move's line on the rims of the two discs, not under them.
std::pair<QPointF, QPointF> rims(QPointF from, QPointF to, qreal radius) {
    const QLineF line(from, to);
    if (line.length() <= 2 * radius)
        return {from, to};
    const QPointF unit = (to - from) / line.length();
    return {from + unit * radius, to - unit * radius};
}

QColor failureColour() {
    return QColor(0xda, 0x44, 0x53);
}

// The curve a process flies along: bent to one side, so that moves there and back are told
// apart.
QPointF onCurve(QPointF from, QPointF to, qreal t) {
    const QPointF mid = (from + to) / 2;
    const QPointF d = to - from;
    const QPointF control = mid + QPointF(-d.y(), d.x()) * 0.2;
    const qreal u = 1 - t;
    return u * u * from + 2 * u * t * control + t * t * to;
}

} // namespace

MigrationMonitor::MigrationMonitor(ClusterProcessModel *processes, MigrationLogModel *log,
                                   QWidget *parent)
    : QWidget(parent)
    , m_guests(processes)
    , m_log(log) {
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setMouseTracking(true);
    setWhatsThis(tr("The processes that run away from their home node, each a dot on the node "
                    "it runs on with a line to its home. Moves are animated as they happen. "
                    "Drag a process onto another node to move it there; double-click it to "
                    "send it home."));
    connect(&m_guests, &ClusterGuests::changed, this, &MigrationMonitor::relayout);
    if (log)
        connect(log, &MigrationLogModel::eventsAdded, this, &MigrationMonitor::showEvents);
    relayout();
}

MigrationMonitor::~MigrationMonitor() {
    // The animations would report their end to a monitor already half gone.
    for (const Effect &e : std::as_const(m_effects)) {
        e.animation->disconnect(this);
        delete e.animation;
    }
}

QSize MigrationMonitor::sizeHint() const {
    return {640, 560};
}

QSize MigrationMonitor::minimumSizeHint() const {
    return {240, 200};
}

std::optional<QPointF> MigrationMonitor::nodeCentre(NodeId node) const {
    const auto it = m_centres.constFind(node);
    if (it == m_centres.cend())
        return std::nullopt;
    return *it;
}

std::optional<MigrationMonitor::Dot> MigrationMonitor::dotAt(QPointF position) const {
    // Dots are small: a few pixels around one still hit it.
    const qreal reach = std::max<qreal>(m_layout.dotRadius + 2, 5);
    for (const Dot &dot : m_dots)
        if (QLineF(dot.position, position).length() <= reach)
            return dot;
    return std::nullopt;
}

NodeId MigrationMonitor::nodeAt(QPointF position) const {
    // The node's whole room counts, its guests' rings included: a drop needs no aim.
    NodeId best = 0;
    qreal bestDistance = m_layout.reach;
    for (auto it = m_centres.cbegin(); it != m_centres.cend(); ++it) {
        const qreal d = QLineF(*it, position).length();
        if (d <= bestDistance) {
            bestDistance = d;
            best = it.key();
        }
    }
    return best;
}

QRectF MigrationMonitor::drawingArea() const {
    const int hint = fontMetrics().height() + Margin;
    return QRectF(rect()).adjusted(Margin, Margin, -Margin, -Margin - hint);
}

bool MigrationMonitor::darkPalette() const {
    return palette().color(QPalette::Base).lightness() < 128;
}

QColor MigrationMonitor::nodeColour(NodeId node) const {
    // Golden-angle hues: neighbouring IDs get clearly different colours.
    const int hue = int(std::fmod(double(node) * 137.508, 360.0));
    return darkPalette() ? QColor::fromHsl(hue, 170, 165) : QColor::fromHsl(hue, 190, 95);
}

void MigrationMonitor::relayout() {
    m_nodes = m_guests.nodes();
    m_layout = MonitorLayout::nodes(m_nodes.size(), drawingArea());
    m_centres.clear();
    for (qsizetype i = 0; i < m_nodes.size(); ++i)
        m_centres.insert(m_nodes.at(i), m_layout.centres.at(i));

    m_dots.clear();
    m_hidden.clear();
    m_hovered.reset();
    for (const NodeId node : std::as_const(m_nodes)) {
        const QPointF centre = m_centres.value(node);
        // Taken from each home in turn: when not all fit, every home still has its dots.
        QList<GuestProcess> guests = m_guests.guestsOn(node);
        {
            QHash<NodeId, int> seen;
            QList<std::pair<int, qsizetype>> order;
            for (qsizetype i = 0; i < guests.size(); ++i)
                order.append({seen[guests.at(i).home]++, i});
            std::ranges::stable_sort(order, {}, &std::pair<int, qsizetype>::first);
            QList<GuestProcess> turns;
            turns.reserve(guests.size());
            for (const auto &[rank, i] : std::as_const(order))
                turns.append(guests.at(i));
            guests = std::move(turns);
        }
        // Each turned towards its home, so that its line leaves the node on that side.
        QList<qreal> angles;
        angles.reserve(guests.size());
        for (const GuestProcess &g : guests) {
            const auto home = m_centres.constFind(g.home);
            angles.append(home == m_centres.cend()
                              ? -M_PI / 2
                              : std::atan2(home->y() - centre.y(), home->x() - centre.x()));
        }
        const GuestLayout placed = MonitorLayout::guestsFacing(angles, centre, m_layout);
        for (qsizetype i = 0; i < placed.positions.size(); ++i)
            m_dots.append({guests.at(i), placed.positions.at(i)});
        if (placed.hidden > 0)
            m_hidden.insert(node, placed.hidden);
    }
    update();
}

void MigrationMonitor::showEvents(const QList<MigrationEvent> &events) {
    for (const MigrationEvent &e : events) {
        if (e.phase == "done"_L1 || e.phase == "failed"_L1) {
            m_underWay.remove(e.id);
            startEffect(e);
        } else {
            m_underWay.insert(e.id, {e});
        }
    }
    update();
}

void MigrationMonitor::startEffect(const MigrationEvent &event) {
    if (!m_centres.contains(event.from) || !m_centres.contains(event.to)) {
        qCDebug(lcProcsUi) << "move" << event.id << "between nodes not shown";
        return;
    }
    const bool failed = event.phase == "failed"_L1;
    auto *animation = new QVariantAnimation(this);
    animation->setStartValue(0.0);
    animation->setEndValue(1.0);
    animation->setDuration(failed ? FlashMs : FlightMs);
    animation->setEasingCurve(failed ? QEasingCurve::InQuad : QEasingCurve::InOutCubic);
    m_effects.append({event, animation, 0});
    connect(animation, &QVariantAnimation::valueChanged, this,
            [this, animation](const QVariant &v) {
                for (Effect &e : m_effects)
                    if (e.animation == animation)
                        e.progress = v.toReal();
                update();
            });
    connect(animation, &QAbstractAnimation::finished, this, [this, animation] {
        m_effects.removeIf([animation](const Effect &e) { return e.animation == animation; });
        animation->deleteLater();
        update();
    });
    animation->start();
}

bool MigrationMonitor::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        QString text;
        if (const auto dot = dotAt(help->pos()))
            text = dotToolTip(*dot);
        else if (const NodeId node = nodeAt(help->pos()); node != 0)
            text = nodeToolTip(node);
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

QString MigrationMonitor::dotToolTip(const Dot &dot) const {
    const GuestProcess &g = dot.guest;
    QStringList lines;
    lines << u"<b>%1</b>"_s.arg(ProcessFormat::escapedRichText(
        tr("%1 (PID %2)").arg(g.command.isEmpty() ? tr("process") : g.command).arg(g.pid)));
    if (!g.commandLine.isEmpty() && g.commandLine != g.command)
        lines << ProcessFormat::escapedRichText(g.commandLine);
    lines << ProcessFormat::escapedRichText(
        tr("Runs on node %1; its home is node %2.").arg(g.on).arg(g.home));
    if (const MigrationEvent *last = m_log ? m_log->lastMoveOf(g.home, g.pid) : nullptr) {
        const QString how = last->phase == "failed"_L1 ? tr("failed (%1)").arg(last->failure)
                                                       : MigrationLogModel::phaseText(last->phase);
        lines << ProcessFormat::escapedRichText(
            tr("Last move: node %1 → node %2, %3: took %4, stopped %5, %6 sent.")
                .arg(last->from)
                .arg(last->to)
                .arg(how, MigrationLogModel::durationText(last->totalMs),
                     MigrationLogModel::durationText(last->freezeMs),
                     memoryText(std::uint64_t(std::max<std::int64_t>(0, last->bytes)))));
    }
    lines << u"<i>%1</i>"_s.arg(ProcessFormat::escapedRichText(
        tr("Drag it onto another node to move it there; double-click to send it home.")));
    return lines.join(u"<br>"_s);
}

QString MigrationMonitor::nodeToolTip(NodeId node) const {
    int guests = 0;
    int away = 0;
    for (const Dot &d : m_dots) {
        guests += d.guest.on == node;
        away += d.guest.home == node;
    }
    guests += int(m_hidden.value(node));
    int moving = 0;
    for (const UnderWay &u : m_underWay)
        moving += u.last.from == node || u.last.to == node;
    QStringList lines{u"<b>%1</b>"_s.arg(tr("Node %1").arg(node)),
                      tr("%n guest(s) run here", nullptr, guests),
                      tr("%n of its processes run elsewhere", nullptr, away)};
    if (moving > 0)
        lines << tr("%n move(s) under way", nullptr, moving);
    return lines.join(u"<br>"_s);
}

void MigrationMonitor::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor faint = palette().color(QPalette::PlaceholderText);
    if (m_nodes.isEmpty()) {
        p.setPen(faint);
        p.drawText(rect().adjusted(Margin, Margin, -Margin, -Margin),
                   Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No nodes yet: they appear as soon as their processes are known."));
        return;
    }
    paintGuests(p);
    paintNodes(p);
    paintMoves(p);
    paintDrag(p);

    p.setFont(font());
    p.setPen(faint);
    const QRect hint(Margin, height() - Margin - fontMetrics().height(), width() - 2 * Margin,
                     fontMetrics().height());
    p.drawText(hint, Qt::AlignLeft | Qt::AlignVCenter,
               fontMetrics().elidedText(tr("Drag a process onto a node to move it there; "
                                           "double-click it to send it home."),
                                        Qt::ElideRight, hint.width()));
}

void MigrationMonitor::paintNodes(QPainter &p) const {
    const qreal r = m_layout.nodeRadius;
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const NodeId dropTarget = m_drag && m_drag->started ? nodeAt(m_drag->at) : NodeId(0);
    QFont idFont = font();
    idFont.setBold(true);
    idFont.setPixelSize(int(std::clamp(r * 0.7, 9.0, 20.0)));
    QFont smallFont = font();
    smallFont.setPixelSize(int(std::clamp(r * 0.4, 8.0, 11.0)));
    for (const NodeId node : m_nodes) {
        const QPointF c = m_centres.value(node);
        QColor fill = nodeColour(node);
        fill.setAlpha(darkPalette() ? 70 : 45);
        p.setBrush(base);
        p.setPen(Qt::NoPen);
        p.drawEllipse(c, r, r);
        p.setBrush(fill);
        const bool target = node == dropTarget && node != m_drag->dot.guest.on;
        p.setPen(
            QPen(target ? palette().color(QPalette::Highlight) : nodeColour(node), target ? 4 : 2));
        p.drawEllipse(c, r, r);

        p.setPen(text);
        p.setFont(idFont);
        const QRectF box(c.x() - r, c.y() - r, 2 * r, 2 * r);
        const qsizetype hidden = m_hidden.value(node);
        if (hidden > 0 && r >= 16) {
            p.drawText(box.adjusted(0, 0, 0, -r * 0.5), Qt::AlignCenter, QString::number(node));
            p.setFont(smallFont);
            p.drawText(box.adjusted(0, r * 0.9, 0, 0), Qt::AlignCenter, tr("+%1").arg(hidden));
        } else {
            p.drawText(box, Qt::AlignCenter, QString::number(node));
        }
    }
}

void MigrationMonitor::paintGuests(QPainter &p) const {
    const qreal d = m_layout.dotRadius;
    // The lines home first, all under the dots and the nodes.
    for (qsizetype i = 0; i < m_dots.size(); ++i) {
        const Dot &dot = m_dots.at(i);
        const auto home = m_centres.constFind(dot.guest.home);
        if (home == m_centres.cend())
            continue;
        const bool hovered = m_hovered == i;
        QColor line = nodeColour(dot.guest.home);
        line.setAlpha(hovered ? 255 : 110);
        p.setPen(QPen(line, hovered ? 2.5 : 1.2));
        p.drawLine(dot.position, *home);
    }
    const QColor outline = palette().color(QPalette::Base);
    for (qsizetype i = 0; i < m_dots.size(); ++i) {
        const Dot &dot = m_dots.at(i);
        const bool hovered = m_hovered == i;
        const bool dragged = m_drag && m_drag->started && m_drag->dot.guest == dot.guest;
        QColor fill = nodeColour(dot.guest.home);
        if (dragged)
            fill.setAlpha(90);
        p.setBrush(fill);
        p.setPen(QPen(hovered ? palette().color(QPalette::Highlight) : outline, hovered ? 2 : 1));
        p.drawEllipse(dot.position, hovered ? d + 2 : d, hovered ? d + 2 : d);
    }
}

void MigrationMonitor::paintMoves(QPainter &p) const {
    const QColor highlight = palette().color(QPalette::Highlight);
    const qreal d = std::max<qreal>(m_layout.dotRadius, 3);
    for (const UnderWay &u : m_underWay) {
        const auto fromCentre = nodeCentre(u.last.from);
        const auto toCentre = nodeCentre(u.last.to);
        if (!fromCentre || !toCentre)
            continue;
        const auto [from, to] = rims(*fromCentre, *toCentre, m_layout.nodeRadius);
        QColor line = highlight;
        line.setAlpha(170);
        p.setPen(QPen(line, 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        QPainterPath path(from);
        for (int i = 1; i <= 24; ++i)
            path.lineTo(onCurve(from, to, qreal(i) / 24));
        p.drawPath(path);
        p.setPen(QPen(highlight, 2));
        p.setBrush(nodeColour(u.last.home));
        p.drawEllipse(onCurve(from, to, shareDone(u.last.phase)), d * 1.4, d * 1.4);
    }
    for (const Effect &e : m_effects) {
        // A node that left the tree while its move was still drawn.
        if (!m_centres.contains(e.event.from) || !m_centres.contains(e.event.to))
            continue;
        const auto [from, to] =
            rims(m_centres.value(e.event.from), m_centres.value(e.event.to), m_layout.nodeRadius);
        const qreal t = e.progress;
        if (e.event.phase == "failed"_L1) {
            QColor red = failureColour();
            red.setAlphaF(float(1 - t));
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(red, 4));
            const qreal ring = m_layout.nodeRadius + 4 + 6 * t;
            p.drawEllipse(m_centres.value(e.event.from), ring, ring);
            p.setPen(QPen(red, 2, Qt::DashLine));
            p.drawLine(from, to);
            // A cross where the process would have gone.
            const QPointF x = (from + to) / 2;
            const qreal s = std::max<qreal>(m_layout.dotRadius * 1.6, 5);
            p.setPen(QPen(red, 3));
            p.drawLine(x + QPointF(-s, -s), x + QPointF(s, s));
            p.drawLine(x + QPointF(-s, s), x + QPointF(s, -s));
            continue;
        }
        // The trail, then the process at the head of it.
        QColor trail = highlight;
        trail.setAlpha(150);
        p.setPen(QPen(trail, 3, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        QPainterPath path(onCurve(from, to, 0));
        for (int i = 1; i <= 24; ++i)
            path.lineTo(onCurve(from, to, t * qreal(i) / 24));
        p.drawPath(path);
        p.setPen(QPen(palette().color(QPalette::Base), 1.5));
        p.setBrush(nodeColour(e.event.home));
        p.drawEllipse(onCurve(from, to, t), d * 1.8, d * 1.8);
        if (t > 0.75) {
            // Arrival: a ring spreading from the target.
            QColor ring = highlight;
            ring.setAlphaF(float((1 - t) * 4));
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(ring, 3));
            const qreal rr = m_layout.nodeRadius + 2 + (t - 0.75) * 40;
            p.drawEllipse(m_centres.value(e.event.to), rr, rr);
        }
    }
}

void MigrationMonitor::paintDrag(QPainter &p) const {
    if (!m_drag || !m_drag->started)
        return;
    const QColor highlight = palette().color(QPalette::Highlight);
    p.setPen(QPen(highlight, 1.5, Qt::DashLine));
    p.drawLine(m_drag->dot.position, m_drag->at);
    p.setPen(QPen(highlight, 2));
    p.setBrush(nodeColour(m_drag->dot.guest.home));
    const qreal d = m_layout.dotRadius + 2;
    p.drawEllipse(m_drag->at, d, d);
}

void MigrationMonitor::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    relayout();
}

void MigrationMonitor::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        relayout();
}

void MigrationMonitor::mousePressEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    if (const auto dot = dotAt(event->position()))
        m_drag = Drag{.dot = *dot, .pressedAt = event->position(), .at = event->position()};
}

void MigrationMonitor::mouseMoveEvent(QMouseEvent *event) {
    const QPointF pos = event->position();
    if (m_drag) {
        m_drag->at = pos;
        if (!m_drag->started &&
            (pos - m_drag->pressedAt).manhattanLength() >= QApplication::startDragDistance()) {
            m_drag->started = true;
            setCursor(Qt::ClosedHandCursor);
        }
        update();
        return;
    }
    std::optional<qsizetype> hovered;
    for (qsizetype i = 0; i < m_dots.size() && !hovered; ++i)
        if (QLineF(m_dots.at(i).position, pos).length() <= m_layout.dotRadius + 2)
            hovered = i;
    if (hovered != m_hovered) {
        m_hovered = hovered;
        if (hovered)
            setCursor(Qt::OpenHandCursor);
        else
            unsetCursor();
        update();
    }
}

void MigrationMonitor::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton || !m_drag)
        return QWidget::mouseReleaseEvent(event);
    const Drag drag = *m_drag;
    m_drag.reset();
    unsetCursor();
    update();
    if (!drag.started)
        return;
    const NodeId target = nodeAt(event->position());
    const GuestProcess &g = drag.dot.guest;
    if (target == 0 || target == g.on)
        return;
    // Back to its home is the move home, which the home takes even when it blocks guests.
    const MigrateTarget to = target == g.home
                                 ? MigrateTarget{.kind = MigrateTarget::Kind::Home}
                                 : MigrateTarget{.kind = MigrateTarget::Kind::Node, .node = target};
    qCInfo(lcProcsUi) << "move of pid" << g.pid << "from node" << g.on << "to node" << target
                      << "asked for";
    emit migrateRequested(g.reporting, g.pid, to);
}

void MigrationMonitor::mouseDoubleClickEvent(QMouseEvent *event) {
    const auto dot = event->button() == Qt::LeftButton ? dotAt(event->position()) : std::nullopt;
    if (!dot)
        return QWidget::mouseDoubleClickEvent(event);
    m_drag.reset();
    qCInfo(lcProcsUi) << "pid" << dot->guest.pid << "on node" << dot->guest.on
                      << "asked home to node" << dot->guest.home;
    emit migrateRequested(dot->guest.reporting, dot->guest.pid,
                          MigrateTarget{.kind = MigrateTarget::Kind::Home});
}

void MigrationMonitor::leaveEvent(QEvent *event) {
    QWidget::leaveEvent(event);
    if (m_hovered) {
        m_hovered.reset();
        update();
    }
}

} // namespace omview::procs
