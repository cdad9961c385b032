// LoadInFlight: the load of the moves a node's balancer started, counted until it shows.
#include "loadinflight.h"

#include <QTest>

using omview::hpc::LoadInFlight;

class TestLoadInFlight : public QObject {
    Q_OBJECT

private slots:
    void countsUntilItShows();
};

void TestLoadInFlight::countsUntilItShows() {
    LoadInFlight f;
    QCOMPARE(f.adjusted(2, 30, 0), 30u);
    f.add(2, 50, 100, 1000);
    f.add(2, 50, 100, 1500);
    f.add(3, 70, 100, 1500);
    // The target as if the processes were there, this node as if they had left (not below 0).
    QCOMPARE(f.adjusted(2, 30, 2000), 130u);
    QCOMPARE(f.adjusted(3, 0, 2000), 70u);
    QCOMPARE(f.adjusted(4, 10, 2000), 10u);
    QCOMPARE(f.adjusted(0, 250, 2000), 0u);
    QCOMPARE(f.adjusted(0, 400, 2000), 100u);
    // Then the nodes' own figures tell.
    QCOMPARE(f.adjusted(2, 30, 1000 + LoadInFlight::HoldMs), 80u);
    QCOMPARE(f.adjusted(2, 30, 1500 + LoadInFlight::HoldMs), 30u);
    QCOMPARE(f.adjusted(0, 400, 1500 + LoadInFlight::HoldMs), 400u);
}

QTEST_GUILESS_MAIN(TestLoadInFlight)
#include "tst_loadinflight.moc"
