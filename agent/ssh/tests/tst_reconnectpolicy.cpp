// ReconnectPolicy: exponential growth, the cap, jitter bounds, giving up, reset.
#include <QTest>
#include <omview/ssh/reconnectpolicy.h>

using namespace omview;
using namespace std::chrono_literals;

class TestReconnectPolicy : public QObject {
    Q_OBJECT

private slots:
    void growsExponentiallyUpToTheCap() {
        ReconnectPolicy policy({.initialDelay = 100ms,
                                .maxDelay = 1000ms,
                                .multiplier = 2.0,
                                .jitter = 0.0,
                                .maxAttempts = 0});
        const std::chrono::milliseconds expected[] = {100ms, 200ms, 400ms, 800ms, 1000ms, 1000ms};
        for (const auto delay : expected)
            QCOMPARE(policy.nextDelay(), std::optional(delay));
        QCOMPARE(policy.attempts(), 6);
        // Far attempts neither overflow nor pass the cap.
        QCOMPARE(policy.baseDelay(5000), 1000ms);
    }

    void jitterStaysWithinItsBounds() {
        ReconnectPolicy policy({.initialDelay = 1000ms,
                                .maxDelay = 60000ms,
                                .multiplier = 1.0,
                                .jitter = 0.25,
                                .maxAttempts = 0},
                               42);
        std::chrono::milliseconds lowest = 1000ms, highest = 1000ms;
        for (int i = 0; i < 500; ++i) {
            const auto delay = *policy.nextDelay();
            QVERIFY2(delay >= 750ms && delay <= 1250ms, qPrintable(QString::number(delay.count())));
            lowest = std::min(lowest, delay);
            highest = std::max(highest, delay);
        }
        // Spread over the range, not stuck at one value.
        QVERIFY(lowest < 850ms);
        QVERIFY(highest > 1150ms);
    }

    void jitterNeverPassesTheCap() {
        ReconnectPolicy policy({.initialDelay = 1000ms,
                                .maxDelay = 1000ms,
                                .multiplier = 2.0,
                                .jitter = 1.0,
                                .maxAttempts = 0},
                               7);
        for (int i = 0; i < 200; ++i)
            QVERIFY(*policy.nextDelay() <= 1000ms);
    }

    void sameSeedSameDelays() {
        const ReconnectPolicy::Settings settings{.initialDelay = 500ms,
                                                 .maxDelay = 30000ms,
                                                 .multiplier = 2.0,
                                                 .jitter = 0.5,
                                                 .maxAttempts = 0};
        ReconnectPolicy a(settings, 1234), b(settings, 1234);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(a.nextDelay(), b.nextDelay());
    }

    void givesUpAfterMaxAttempts() {
        ReconnectPolicy policy({.initialDelay = 10ms,
                                .maxDelay = 100ms,
                                .multiplier = 2.0,
                                .jitter = 0.0,
                                .maxAttempts = 3});
        QVERIFY(policy.nextDelay());
        QVERIFY(policy.nextDelay());
        QVERIFY(policy.nextDelay());
        QCOMPARE(policy.nextDelay(), std::nullopt);
        policy.reset();
        QCOMPARE(policy.nextDelay(), std::optional(10ms));
    }

    void resetStartsOver() {
        ReconnectPolicy policy({.initialDelay = 100ms,
                                .maxDelay = 10000ms,
                                .multiplier = 3.0,
                                .jitter = 0.0,
                                .maxAttempts = 0});
        policy.nextDelay();
        policy.nextDelay();
        QCOMPARE(policy.nextDelay(), std::optional(900ms));
        policy.reset();
        QCOMPARE(policy.attempts(), 0);
        QCOMPARE(policy.nextDelay(), std::optional(100ms));
    }

    void nonsenseSettingsAreClamped() {
        ReconnectPolicy policy({.initialDelay = -5ms,
                                .maxDelay = -10ms,
                                .multiplier = 0.1,
                                .jitter = 7.0,
                                .maxAttempts = -2});
        QCOMPARE(policy.settings().initialDelay, 0ms);
        QCOMPARE(policy.settings().maxDelay, 0ms);
        QCOMPARE(policy.settings().multiplier, 1.0);
        QCOMPARE(policy.settings().jitter, 1.0);
        QCOMPARE(policy.settings().maxAttempts, 0);
        QCOMPARE(policy.nextDelay(), std::optional(0ms));

        ReconnectPolicy nan({.initialDelay = 100ms,
                             .maxDelay = 1000ms,
                             .multiplier = std::numeric_limits<double>::quiet_NaN(),
                             .jitter = std::numeric_limits<double>::quiet_NaN(),
                             .maxAttempts = 0});
        QCOMPARE(nan.settings().multiplier, 1.0);
        QCOMPARE(nan.settings().jitter, 0.0);
        QCOMPARE(nan.nextDelay(), std::optional(100ms));
    }
};

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "tst_reconnectpolicy.moc"
