// When to try again after a connection failed: exponential backoff with jitter.
#pragma once

#include <QRandomGenerator>
#include <chrono>
#include <optional>

namespace omview {

// The shape of the backoff.
struct ReconnectSettings {
    std::chrono::milliseconds initialDelay{1000};
    std::chrono::milliseconds maxDelay{60000};
    double multiplier = 2.0;
    double jitter = 0.2; // fraction of the delay, 0..1
    int maxAttempts = 0; // 0: never give up

    bool operator==(const ReconnectSettings &) const = default;
};

// The delays between reconnection attempts. Attempt n (from 0) waits
// initialDelay * multiplier^n, at most maxDelay, spread by ±jitter so that a
// console with many nodes does not reconnect to all of them in one burst.
class ReconnectPolicy {
public:
    using Settings = ReconnectSettings;

    // A random seed unless one is given (tests give one for repeatable jitter).
    explicit ReconnectPolicy(Settings settings = {}, std::optional<quint32> seed = {});

    // The settings after clamping to sane ranges (multiplier >= 1, jitter in
    // 0..1, delays >= 0, maxDelay >= initialDelay).
    const Settings &settings() const { return m_settings; }

    // The delay before the next attempt, counting it; nullopt once
    // maxAttempts were made.
    std::optional<std::chrono::milliseconds> nextDelay();
    // The delay attempt n would wait before jitter.
    std::chrono::milliseconds baseDelay(int attempt) const;
    // Attempts counted since the last reset().
    int attempts() const { return m_attempts; }
    // After a success: the next failure starts from initialDelay again.
    void reset() { m_attempts = 0; }

private:
    Settings m_settings;
    QRandomGenerator m_random;
    int m_attempts = 0;
};

} // namespace omview
