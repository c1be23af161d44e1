// RateLimiter: the hosted plans' budgets per API key, on a clock the test sets (admit() takes
// the time, so no test waits).
#include "RateLimiter.h"

#include <QTest>

namespace {

constexpr qint64 secondMs = 1000;
constexpr qint64 hourMs = 60 * 60 * secondMs;
constexpr qint64 dayMs = 24 * hourMs;
// Any fixed instant: the limiter only compares times.
constexpr qint64 t0 = 1'700'000'000'000;

const QString alice = QStringLiteral("user_alice");
const QString bob = QStringLiteral("user_bob");

} // namespace

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void unlimitedByDefault()
    {
        RateLimiter limiter;
        for (int i = 0; i < 5000; ++i)
            QCOMPARE(limiter.admit(alice, i % 2 == 0, t0 + i), 0);
    }

    void hourlyBudgetAdmitsExactlyThatManyRequests()
    {
        RateLimiter limiter(100, 0);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(limiter.admit(alice, false, t0 + i * secondMs), 0);
        // The 101st within the hour is refused; the first frees up an hour after it was made.
        const qint64 now = t0 + 100 * secondMs;
        QCOMPARE(limiter.admit(alice, false, now), int((t0 + hourMs - now) / secondMs));
    }

    void refusedRequestsAreNotCounted()
    {
        RateLimiter limiter(2, 0);
        QCOMPARE(limiter.admit(alice, false, t0), 0);
        QCOMPARE(limiter.admit(alice, false, t0 + 10 * secondMs), 0);
        // Retrying while refused must not push the window further out.
        for (int i = 0; i < 50; ++i)
            QVERIFY(limiter.admit(alice, false, t0 + 20 * secondMs + i) > 0);
        QCOMPARE(limiter.admit(alice, false, t0 + hourMs), 0);
        QVERIFY(limiter.admit(alice, false, t0 + hourMs) > 0);
        QCOMPARE(limiter.admit(alice, false, t0 + hourMs + 10 * secondMs), 0);
    }

    void retryAfterCountsDownToTheOldestRequest_data()
    {
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<int>("retryAfter");
        QTest::newRow("just after") << qint64(1) << 3600;
        QTest::newRow("a minute on") << 60 * secondMs << 3540;
        // Part of a second left is a whole second: the client must not come back too early.
        QTest::newRow("part second") << hourMs - 1500 << 2;
        QTest::newRow("last millisecond") << hourMs - 1 << 1;
    }
    void retryAfterCountsDownToTheOldestRequest()
    {
        QFETCH(qint64, elapsedMs);
        QFETCH(int, retryAfter);
        RateLimiter limiter(1, 0);
        QCOMPARE(limiter.admit(alice, false, t0), 0);
        QCOMPARE(limiter.admit(alice, false, t0 + elapsedMs), retryAfter);
    }

    void budgetComesBackWhenTheWindowHasPassed()
    {
        RateLimiter limiter(3, 0);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(limiter.admit(alice, false, t0 + i * secondMs), 0);
        QVERIFY(limiter.admit(alice, false, t0 + hourMs - 1) > 0);
        // Sliding: exactly an hour after the first request, one request is free again...
        QCOMPARE(limiter.admit(alice, false, t0 + hourMs), 0);
        QCOMPARE(limiter.admit(alice, false, t0 + hourMs + 1), 1);
        // ...and after the whole window the full budget is back.
        const qint64 later = t0 + 3 * hourMs;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(limiter.admit(alice, false, later + i), 0);
        QVERIFY(limiter.admit(alice, false, later + 3) > 0);
    }

    void shortenedWindowForTests()
    {
        // --rate-window: the same budget over 2 seconds instead of an hour.
        RateLimiter limiter(2, 0, 2);
        QCOMPARE(limiter.admit(alice, false, t0), 0);
        QCOMPARE(limiter.admit(alice, false, t0 + 100), 0);
        QCOMPARE(limiter.admit(alice, false, t0 + 500), 2);
        QCOMPARE(limiter.admit(alice, false, t0 + 2 * secondMs), 0);
    }

    void dailyWriteBudget()
    {
        RateLimiter limiter(0, 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(limiter.admit(alice, true, t0 + i * secondMs), 0);
        const qint64 now = t0 + 50 * secondMs;
        QCOMPARE(limiter.admit(alice, true, now), int((t0 + dayMs - now) / secondMs));
        // Reads are not writes: they still pass.
        QCOMPARE(limiter.admit(alice, false, now), 0);
        QCOMPARE(limiter.admit(alice, true, t0 + dayMs), 0);
    }

    void writesAlsoSpendTheRequestBudget()
    {
        RateLimiter limiter(3, 50);
        QCOMPARE(limiter.admit(alice, true, t0), 0);
        QCOMPARE(limiter.admit(alice, true, t0 + 1), 0);
        QCOMPARE(limiter.admit(alice, false, t0 + 2), 0);
        QVERIFY(limiter.admit(alice, false, t0 + 3) > 0);
        QVERIFY(limiter.admit(alice, true, t0 + 4) > 0);
    }

    void writeRefusedByTheHourWaitsForTheLongerBudget()
    {
        // Both budgets spent: the answer is the later of the two, the day's.
        RateLimiter limiter(1, 1);
        QCOMPARE(limiter.admit(alice, true, t0), 0);
        QCOMPARE(limiter.admit(alice, true, t0 + secondMs), int(dayMs / secondMs) - 1);
        QCOMPARE(limiter.admit(alice, false, t0 + secondMs), int(hourMs / secondMs) - 1);
    }

    void keysAreIndependent()
    {
        RateLimiter limiter(2, 1);
        QCOMPARE(limiter.admit(alice, true, t0), 0);
        QCOMPARE(limiter.admit(alice, false, t0 + 1), 0);
        QVERIFY(limiter.admit(alice, false, t0 + 2) > 0);
        // Alice's spent budgets leave Bob's whole.
        QCOMPARE(limiter.admit(bob, true, t0 + 3), 0);
        QCOMPARE(limiter.admit(bob, false, t0 + 4), 0);
        QVERIFY(limiter.admit(bob, false, t0 + 5) > 0);
        QVERIFY(limiter.admit(alice, true, t0 + 6) > 0);
    }
};

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
