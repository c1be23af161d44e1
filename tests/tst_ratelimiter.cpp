// RateLimiter: the hosted plans' budgets per API key, counted in the server's database (SQLite,
// or PostgreSQL in tst_ratelimiter_pg), on a clock the test sets (admit() takes the time, so no
// test waits).
#include "RateLimiter.h"
#include "ServerStore.h"
#include "StoreDatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <memory>
#include <optional>
#include <utility>

namespace {

constexpr qint64 secondMs = 1000;
constexpr qint64 hourMs = 60 * 60 * secondMs;
constexpr qint64 dayMs = 24 * hourMs;
// Any fixed instant: the limiter only compares times.
constexpr qint64 t0 = 1'700'000'000'000;

const QString alice = QStringLiteral("user_alice");
const QString bob = QStringLiteral("user_bob");

// The wait, or -1 (and a test failure) when the limiter failed.
int admit(RateLimiter &limiter, const QString &principal, bool isWrite, qint64 nowMs)
{
    const Result<int> wait = limiter.admit(principal, isWrite, nowMs);
    if (!wait) {
        QTest::qFail(qPrintable(wait.error()), __FILE__, __LINE__);
        return -1;
    }
    return *wait;
}

} // namespace

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    // Each test gets a database of its own, as a server opens it.
    void init()
    {
        auto created = StoreDatabase::createWithStore(QStringLiteral("ratelimiter-first"));
        QVERIFY2(created, qPrintable(created.error()));
        m_database = std::move(created).value();
    }
    void cleanup()
    {
        m_second.reset();
        m_database.reset();
    }

    void unlimitedByDefault()
    {
        RateLimiter limiter;
        for (int i = 0; i < 5000; ++i)
            QCOMPARE(admit(limiter, alice, i % 2 == 0, t0 + i), 0);
    }

    void hourlyBudgetAdmitsExactlyThatManyRequests()
    {
        RateLimiter limiter = limited(100, 0);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(admit(limiter, alice, false, t0 + i * secondMs), 0);
        // The 101st within the hour is refused; the first frees up an hour after it was made.
        const qint64 now = t0 + 100 * secondMs;
        QCOMPARE(admit(limiter, alice, false, now), int((t0 + hourMs - now) / secondMs));
    }

    void refusedRequestsAreNotCounted()
    {
        RateLimiter limiter = limited(2, 0);
        QCOMPARE(admit(limiter, alice, false, t0), 0);
        QCOMPARE(admit(limiter, alice, false, t0 + 10 * secondMs), 0);
        // Retrying while refused must not push the window further out.
        for (int i = 0; i < 50; ++i)
            QVERIFY(admit(limiter, alice, false, t0 + 20 * secondMs + i) > 0);
        QCOMPARE(admit(limiter, alice, false, t0 + hourMs), 0);
        QVERIFY(admit(limiter, alice, false, t0 + hourMs) > 0);
        QCOMPARE(admit(limiter, alice, false, t0 + hourMs + 10 * secondMs), 0);
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
        RateLimiter limiter = limited(1, 0);
        QCOMPARE(admit(limiter, alice, false, t0), 0);
        QCOMPARE(admit(limiter, alice, false, t0 + elapsedMs), retryAfter);
    }

    void budgetComesBackWhenTheWindowHasPassed()
    {
        RateLimiter limiter = limited(3, 0);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(admit(limiter, alice, false, t0 + i * secondMs), 0);
        QVERIFY(admit(limiter, alice, false, t0 + hourMs - 1) > 0);
        // Sliding: exactly an hour after the first request, one request is free again...
        QCOMPARE(admit(limiter, alice, false, t0 + hourMs), 0);
        QCOMPARE(admit(limiter, alice, false, t0 + hourMs + 1), 1);
        // ...and after the whole window the full budget is back.
        const qint64 later = t0 + 3 * hourMs;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(admit(limiter, alice, false, later + i), 0);
        QVERIFY(admit(limiter, alice, false, later + 3) > 0);
    }

    void shortenedWindowForTests()
    {
        // --rate-window: the same budget over 2 seconds instead of an hour.
        RateLimiter limiter = limited(2, 0, 2);
        QCOMPARE(admit(limiter, alice, false, t0), 0);
        QCOMPARE(admit(limiter, alice, false, t0 + 100), 0);
        QCOMPARE(admit(limiter, alice, false, t0 + 500), 2);
        QCOMPARE(admit(limiter, alice, false, t0 + 2 * secondMs), 0);
    }

    void dailyWriteBudget()
    {
        RateLimiter limiter = limited(0, 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(admit(limiter, alice, true, t0 + i * secondMs), 0);
        const qint64 now = t0 + 50 * secondMs;
        QCOMPARE(admit(limiter, alice, true, now), int((t0 + dayMs - now) / secondMs));
        // Reads are not writes: they still pass.
        QCOMPARE(admit(limiter, alice, false, now), 0);
        QCOMPARE(admit(limiter, alice, true, t0 + dayMs), 0);
    }

    void writesAlsoSpendTheRequestBudget()
    {
        RateLimiter limiter = limited(3, 50);
        QCOMPARE(admit(limiter, alice, true, t0), 0);
        QCOMPARE(admit(limiter, alice, true, t0 + 1), 0);
        QCOMPARE(admit(limiter, alice, false, t0 + 2), 0);
        QVERIFY(admit(limiter, alice, false, t0 + 3) > 0);
        QVERIFY(admit(limiter, alice, true, t0 + 4) > 0);
    }

    void writeRefusedByTheHourWaitsForTheLongerBudget()
    {
        // Both budgets spent: the answer is the later of the two, the day's.
        RateLimiter limiter = limited(1, 1);
        QCOMPARE(admit(limiter, alice, true, t0), 0);
        QCOMPARE(admit(limiter, alice, true, t0 + secondMs), int(dayMs / secondMs) - 1);
        QCOMPARE(admit(limiter, alice, false, t0 + secondMs), int(hourMs / secondMs) - 1);
    }

    void keysAreIndependent()
    {
        RateLimiter limiter = limited(2, 1);
        QCOMPARE(admit(limiter, alice, true, t0), 0);
        QCOMPARE(admit(limiter, alice, false, t0 + 1), 0);
        QVERIFY(admit(limiter, alice, false, t0 + 2) > 0);
        // Alice's spent budgets leave Bob's whole.
        QCOMPARE(admit(limiter, bob, true, t0 + 3), 0);
        QCOMPARE(admit(limiter, bob, false, t0 + 4), 0);
        QVERIFY(admit(limiter, bob, false, t0 + 5) > 0);
        QVERIFY(admit(limiter, alice, true, t0 + 6) > 0);
    }

    void processesOnOneDatabaseShareTheBudget()
    {
        auto limiters = onTwoProcesses(3, 0);
        QVERIFY(limiters);
        auto &[first, other] = *limiters;
        QCOMPARE(admit(first, alice, false, t0), 0);
        QCOMPARE(admit(other, alice, false, t0 + secondMs), 0);
        QCOMPARE(admit(first, alice, false, t0 + 2 * secondMs), 0);
        // Spent, whichever process answers; both wait for the first request to leave the hour.
        const qint64 now = t0 + 10 * secondMs;
        QCOMPARE(admit(other, alice, false, now), int((t0 + hourMs - now) / secondMs));
        QCOMPARE(admit(first, alice, false, now), int((t0 + hourMs - now) / secondMs));
        QCOMPARE(admit(other, bob, false, now), 0);
    }

    void processesShareTheWriteBudget()
    {
        auto limiters = onTwoProcesses(0, 2);
        QVERIFY(limiters);
        auto &[first, other] = *limiters;
        QCOMPARE(admit(first, alice, true, t0), 0);
        QCOMPARE(admit(other, alice, true, t0 + 1), 0);
        QCOMPARE(admit(first, alice, true, t0 + 2), int(dayMs / secondMs));
        QCOMPARE(admit(other, alice, false, t0 + 3), 0);
    }

    void aRestartKeepsTheWindows()
    {
        {
            RateLimiter before = limited(2, 0);
            QCOMPARE(admit(before, alice, false, t0), 0);
            QCOMPARE(admit(before, alice, false, t0 + 1), 0);
        }
        RateLimiter after = limited(2, 0);
        QVERIFY(admit(after, alice, false, t0 + 2) > 0);
    }

    void unlimitedCostsNoDatabaseWork()
    {
        // Without its table every counted request would fail: these are not counted.
        dropEvents();
        RateLimiter unlimited = limited(0, 0);
        QCOMPARE(admit(unlimited, alice, false, t0), 0);
        QCOMPARE(admit(unlimited, alice, true, t0), 0);
        RateLimiter writesOnly = limited(0, 5);
        QCOMPARE(admit(writesOnly, alice, false, t0), 0);
    }

    void aDatabaseFailureIsNotAnAdmission()
    {
        dropEvents();
        RateLimiter requests = limited(5, 0);
        QVERIFY(!requests.admit(alice, false, t0).ok());
        RateLimiter writes = limited(0, 5);
        QVERIFY(!writes.admit(alice, true, t0).ok());
    }

    void oldRequestsAreForgotten()
    {
        {
            RateLimiter before = limited(10, 10);
            for (int i = 0; i < 5; ++i)
                QCOMPARE(admit(before, alice, i % 2 == 0, t0 + i), 0);
            QCOMPARE(admit(before, bob, true, t0), 0);
        }
        QCOMPARE(storedRequests(alice), 5);
        // A process's first request for a key drops that key's rows older than both windows.
        RateLimiter after = limited(10, 10);
        QCOMPARE(admit(after, alice, false, t0 + 2 * dayMs), 0);
        QCOMPARE(storedRequests(alice), 1);
        QCOMPARE(storedRequests(bob), 1);
    }

private:
    RateLimiter limited(int requestsPerHour, int writesPerDay, int requestWindowSeconds = 3600,
                        ServerStore *store = nullptr)
    {
        if (!store)
            store = &m_database->store();
        return RateLimiter(store->connectionName(), store->backend(), requestsPerHour, writesPerDay,
                           requestWindowSeconds);
    }

    // A limiter here and one on a second process (a connection of its own) on the same database:
    // two servers behind one load balancer. Nullopt when the second cannot open the database.
    std::optional<std::pair<RateLimiter, RateLimiter>> onTwoProcesses(int requestsPerHour,
                                                                      int writesPerDay)
    {
        m_second = std::make_unique<ServerStore>(QStringLiteral("ratelimiter-second"));
        if (const Status opened = m_second->open(m_database->location()); !opened) {
            qWarning("%s", qPrintable(opened.error()));
            return std::nullopt;
        }
        return std::make_pair(limited(requestsPerHour, writesPerDay),
                              limited(requestsPerHour, writesPerDay, 3600, m_second.get()));
    }

    void dropEvents()
    {
        QSqlQuery query(QSqlDatabase::database(m_database->store().connectionName()));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE rate_events")));
    }

    int storedRequests(const QString &principal)
    {
        QSqlQuery query(QSqlDatabase::database(m_database->store().connectionName()));
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM rate_events WHERE principal = :p"));
        query.bindValue(QStringLiteral(":p"), principal);
        if (!query.exec() || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    std::unique_ptr<StoreDatabase> m_database;
    std::unique_ptr<ServerStore> m_second;
};

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
