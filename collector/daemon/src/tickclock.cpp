#include <QDateTime>
#include <omview/collector/tickclock.h>

namespace omview::collector {

TickClock::TickClock(QObject *parent)
    : QObject(parent) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TickClock::fire);
}

void TickClock::start() {
    schedule();
}

void TickClock::stop() {
    m_timer.stop();
}

void TickClock::noteArrival(std::int64_t msSinceEpoch) {
    // Half a second after the updates: far from them whichever way they drift.
    m_phaseMs = static_cast<int>((msSinceEpoch % 1000 + 500) % 1000);
}

std::int64_t TickClock::nextFire(std::int64_t nowMs, int phaseMs) {
    std::int64_t next = nowMs / 1000 * 1000 + phaseMs;
    // At least 200 ms ahead: a phase that moved must not fire twice at once.
    while (next <= nowMs + 200)
        next += 1000;
    return next;
}

void TickClock::schedule() {
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    m_timer.start(static_cast<int>(nextFire(now, m_phaseMs) - now));
}

void TickClock::fire() {
    const std::int64_t t = QDateTime::currentMSecsSinceEpoch() / 1000;
    schedule();
    // A clock set back, or two firings in one second, give no tick.
    if (t <= m_lastT)
        return;
    m_lastT = t;
    emit tick(t);
}

} // namespace omview::collector
