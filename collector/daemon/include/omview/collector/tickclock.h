// The collector's one-second beat, placed half a second away from when the
// agent's updates arrive, so that each tick sees exactly one new sample of
// every node even though both clocks jitter.
#pragma once

#include <QObject>
#include <QTimer>
#include <cstdint>

namespace omview::collector {

class TickClock : public QObject {
    Q_OBJECT

public:
    explicit TickClock(QObject *parent = nullptr);

    void start();
    void stop();
    // An update arrived at this wall-clock time (ms since the epoch).
    void noteArrival(std::int64_t msSinceEpoch);
    // Where in the second ticks fire, 0..999 ms.
    int phaseMs() const { return m_phaseMs; }

    // The next firing time (ms since the epoch) after @p nowMs for a phase.
    static std::int64_t nextFire(std::int64_t nowMs, int phaseMs);

signals:
    // Once a second: t is the second (since the epoch) the tick fired in,
    // strictly increasing.
    void tick(std::int64_t t);

private:
    void schedule();
    void fire();

    QTimer m_timer;
    int m_phaseMs = 500;
    std::int64_t m_lastT = 0;
};

} // namespace omview::collector
