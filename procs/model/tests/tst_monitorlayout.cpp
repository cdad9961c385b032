// MonitorLayout, pure geometry: the nodes on a circle up to 32, a grid past it, all inside the
// area and with room between them; guests on rings around their node, none overlapping, none
// beyond the reach (the rest counted as hidden).
#include <QLineF>
#include <QTest>
#include <omview/procs/monitorlayout.h>

using omview::procs::GuestLayout;
using omview::procs::MonitorLayout;
using omview::procs::NodeLayout;

namespace {

qreal closestPair(const QList<QPointF> &points) {
    qreal best = std::numeric_limits<qreal>::max();
    for (qsizetype i = 0; i < points.size(); ++i)
        for (qsizetype j = i + 1; j < points.size(); ++j)
            best = std::min(best, QLineF(points.at(i), points.at(j)).length());
    return best;
}

} // namespace

class TestMonitorLayout : public QObject {
    Q_OBJECT

private slots:
    void noNodes() {
        QVERIFY(MonitorLayout::nodes(0, QRectF(0, 0, 400, 400)).centres.isEmpty());
        const NodeLayout flat = MonitorLayout::nodes(3, QRectF(0, 0, 0, 100));
        QCOMPARE(flat.centres.size(), 3);
        QCOMPARE(flat.nodeRadius, 0.0);
        QCOMPARE(MonitorLayout::guests(4, {}, flat).hidden, 4);
    }

    void oneNodeInTheMiddle() {
        const NodeLayout l = MonitorLayout::nodes(1, QRectF(0, 0, 400, 300));
        QCOMPARE(l.centres, QList<QPointF>{QPointF(200, 150)});
        QVERIFY(l.nodeRadius > 0);
    }

    void circle_data() {
        QTest::addColumn<int>("count");
        for (const int n : {2, 3, 4, 8, 16, 32})
            QTest::addRow("%d", n) << n;
    }
    void circle() {
        QFETCH(int, count);
        const QRectF area(10, 20, 800, 600);
        const NodeLayout l = MonitorLayout::nodes(count, area);
        QVERIFY(!l.grid);
        QCOMPARE(l.centres.size(), count);
        // The first at the top, all at one distance from the middle.
        QCOMPARE(l.centres.first().x(), area.center().x());
        QVERIFY(l.centres.first().y() < area.center().y());
        const qreal radius = QLineF(area.center(), l.centres.first()).length();
        for (const QPointF &c : l.centres) {
            QVERIFY(qAbs(QLineF(area.center(), c).length() - radius) < 1e-6);
            // With its room inside the area.
            QVERIFY(area.adjusted(l.reach, l.reach, -l.reach, -l.reach)
                        .adjusted(-1e-6, -1e-6, 1e-6, 1e-6)
                        .contains(c));
        }
        // Clockwise: the second to the right of the first (of two, below it).
        if (count > 2)
            QVERIFY(l.centres.at(1).x() > l.centres.first().x());
        else
            QVERIFY(l.centres.at(1).y() > l.centres.first().y());
        // Rooms do not overlap.
        QVERIFY(closestPair(l.centres) >= 2 * l.reach - 1e-6);
        QVERIFY(l.nodeRadius > 0 && l.nodeRadius < l.reach);
        QVERIFY(l.dotRadius > 0);
    }

    void gridPast32() {
        const QRectF area(0, 0, 900, 600);
        const NodeLayout l = MonitorLayout::nodes(40, area);
        QVERIFY(l.grid);
        QCOMPARE(l.centres.size(), 40);
        // Row by row, left to right.
        QVERIFY(l.centres.at(1).x() > l.centres.at(0).x());
        QCOMPARE(l.centres.at(1).y(), l.centres.at(0).y());
        QVERIFY(l.centres.last().y() > l.centres.first().y());
        for (const QPointF &c : l.centres)
            QVERIFY(area.contains(c));
        QVERIFY(closestPair(l.centres) >= 2 * l.reach - 1e-6);
        // Bigger than a circle of 40 would allow.
        QVERIFY(l.nodeRadius >= 20);
        QCOMPARE(MonitorLayout::nodes(33, area).grid, true);
        QCOMPARE(MonitorLayout::nodes(32, area).grid, false);
    }

    void guestsAroundTheirNode_data() {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("guests");
        QTest::addRow("4 nodes, 3 guests") << 4 << 3;
        QTest::addRow("4 nodes, 60 guests") << 4 << 60;
        QTest::addRow("40 nodes, 12 guests") << 40 << 12;
        QTest::addRow("40 nodes, 500 guests") << 40 << 500;
    }
    void guestsAroundTheirNode() {
        QFETCH(int, nodes);
        QFETCH(int, guests);
        const NodeLayout l = MonitorLayout::nodes(nodes, QRectF(0, 0, 900, 600));
        const QPointF centre = l.centres.at(1);
        const GuestLayout g = MonitorLayout::guests(guests, centre, l);
        QCOMPARE(g.positions.size() + g.hidden, guests);
        QVERIFY(!g.positions.isEmpty());
        for (const QPointF &p : g.positions) {
            const qreal d = QLineF(centre, p).length();
            QVERIFY2(d >= l.nodeRadius + l.dotRadius, "a dot on the disc");
            QVERIFY2(d + l.dotRadius <= l.reach + 1e-6, "a dot beyond the node's room");
        }
        if (g.positions.size() > 1)
            QVERIFY(closestPair(g.positions) >= 2 * l.dotRadius);
        // A few guests fit in one ring, spread around it.
        if (guests <= 12) {
            QCOMPARE(g.hidden, 0);
            QCOMPARE(g.positions.first().x(), centre.x());
        }
        if (guests == 500)
            QVERIFY(g.hidden > 0);
        // Turned to start elsewhere: the first to the right of the node.
        const GuestLayout turned = MonitorLayout::guests(guests, centre, l, 0);
        QCOMPARE(turned.positions.size(), g.positions.size());
        QVERIFY(turned.positions.first().x() > centre.x() + l.nodeRadius);
        QCOMPARE(turned.positions.first().y(), centre.y());
    }

    void guestsFacingTheirHomes() {
        const NodeLayout l = MonitorLayout::nodes(4, QRectF(0, 0, 800, 600));
        const QPointF centre = l.centres.at(0);
        // One to the right, two wanting the same place below, one to the left.
        const QList<qreal> angles{0, M_PI / 2, M_PI / 2, M_PI};
        const GuestLayout g = MonitorLayout::guestsFacing(angles, centre, l);
        QCOMPARE(g.positions.size(), 4);
        QCOMPARE(g.hidden, 0);
        QVERIFY(g.positions.at(0).x() > centre.x() + l.nodeRadius);
        QVERIFY(g.positions.at(1).y() > centre.y() + l.nodeRadius * 0.8);
        QVERIFY(g.positions.at(2).y() > centre.y());
        QVERIFY(g.positions.at(3).x() < centre.x() - l.nodeRadius);
        QVERIFY(closestPair(g.positions) >= 2 * l.dotRadius);

        // Many: as many shown as with guests(), none on another.
        const QList<qreal> many(300, 1.0);
        const GuestLayout crowd = MonitorLayout::guestsFacing(many, centre, l);
        QCOMPARE(crowd.positions.size(), MonitorLayout::guests(300, centre, l).positions.size());
        QCOMPARE(crowd.positions.size() + crowd.hidden, 300);
        QVERIFY(closestPair(crowd.positions) >= 2 * l.dotRadius);
        for (const QPointF &p : crowd.positions)
            QVERIFY(QLineF(centre, p).length() + l.dotRadius <= l.reach + 1e-6);
    }
};

QTEST_APPLESS_MAIN(TestMonitorLayout)
#include "tst_monitorlayout.moc"
