#include <algorithm>
#include <cmath>
#include <omview/ssh/reconnectpolicy.h>

namespace omview {

namespace {

ReconnectPolicy::Settings clamped(ReconnectPolicy::Settings s) {
    using std::chrono::milliseconds;
    s.initialDelay = std::max(s.initialDelay, milliseconds(0));
    s.maxDelay = std::max(s.maxDelay, s.initialDelay);
    if (!(s.multiplier >= 1.0)) // also NaN
        s.multiplier = 1.0;
    if (!(s.jitter >= 0.0))
        s.jitter = 0.0;
    s.jitter = std::min(s.jitter, 1.0);
    s.maxAttempts = std::max(s.maxAttempts, 0);
    return s;
}

} // namespace

ReconnectPolicy::ReconnectPolicy(Settings settings, std::optional<quint32> seed)
    : m_settings(clamped(settings))
    , m_random(seed ? *seed : QRandomGenerator::global()->generate()) {}

std::chrono::milliseconds ReconnectPolicy::baseDelay(int attempt) const {
    const double initial = double(m_settings.initialDelay.count());
    const double max = double(m_settings.maxDelay.count());
    // pow() overflows to inf for large attempts, which min() turns into max.
    const double delay =
        std::min(initial * std::pow(m_settings.multiplier, std::max(attempt, 0)), max);
    return std::chrono::milliseconds(qint64(delay));
}

std::optional<std::chrono::milliseconds> ReconnectPolicy::nextDelay() {
    if (m_settings.maxAttempts > 0 && m_attempts >= m_settings.maxAttempts)
        return std::nullopt;
    const double base = double(baseDelay(m_attempts).count());
    ++m_attempts;
    // Uniform in [base * (1 - jitter), base * (1 + jitter)], never past maxDelay.
    const double spread = (m_random.generateDouble() * 2.0 - 1.0) * m_settings.jitter;
    const double delay =
        std::clamp(base * (1.0 + spread), 0.0, double(m_settings.maxDelay.count()));
    return std::chrono::milliseconds(qint64(std::llround(delay)));
}

} // namespace omview
