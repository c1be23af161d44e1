#include "RateLimiter.h"

#include "SqlTransaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace {

constexpr qint64 dayMs = 24 * 60 * 60 * 1000;
// A key's rows older than both windows are deleted on its first request in a process and then
// every this many admitted requests: the table stays small without a delete per request.
constexpr int pruneEvery = 100;

// "is_write IN (0, 1)" rather than no condition: the index (principal, is_write, at_ms) then
// serves the time range for both kinds.
QString kindCondition(bool writesOnly)
{
    return writesOnly ? QStringLiteral(" AND is_write = 1")
                      : QStringLiteral(" AND is_write IN (0, 1)");
}

Failure failed(const QString &what, const QSqlQuery &query)
{
    return Failure{QStringLiteral("rate limit: ") + what + QStringLiteral(": ") +
                   query.lastError().text()};
}

} // namespace

RateLimiter::RateLimiter(const QString &connectionName, DatabaseLocation::Backend backend,
                         int requestsPerHour, int writesPerDay, int requestWindowSeconds)
    : m_connectionName(connectionName)
    , m_backend(backend)
    , m_requestsPerHour(requestsPerHour)
    , m_writesPerDay(writesPerDay)
    , m_requestWindowMs(qint64(requestWindowSeconds) * 1000)
{}

Result<int> RateLimiter::waitSeconds(const QString &principal, Counted counted, int budget,
                                     qint64 windowMs, qint64 nowMs) const
{
    const bool writesOnly = counted == Counted::Writes;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery count(db);
    count.setForwardOnly(true);
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM rate_events WHERE principal = :principal") +
                  kindCondition(writesOnly) + QStringLiteral(" AND at_ms > :since"));
    count.bindValue(QStringLiteral(":principal"), principal);
    count.bindValue(QStringLiteral(":since"), nowMs - windowMs);
    if (!count.exec() || !count.next())
        return failed(QStringLiteral("counting requests"), count);
    const qint64 inWindow = count.value(0).toLongLong();
    if (inWindow < budget)
        return 0;
    // Free again once enough of the counted requests have left the window for one more to fit:
    // with `budget` counted (the usual case), when the oldest leaves.
    QSqlQuery oldest(db);
    oldest.setForwardOnly(true);
    oldest.prepare(QStringLiteral("SELECT at_ms FROM rate_events WHERE principal = :principal") +
                   kindCondition(writesOnly) +
                   QStringLiteral(" AND at_ms > :since ORDER BY at_ms LIMIT 1 OFFSET :skip"));
    oldest.bindValue(QStringLiteral(":principal"), principal);
    oldest.bindValue(QStringLiteral(":since"), nowMs - windowMs);
    oldest.bindValue(QStringLiteral(":skip"), inWindow - budget);
    if (!oldest.exec() || !oldest.next())
        return failed(QStringLiteral("reading the oldest request"), oldest);
    const qint64 freeAtMs = oldest.value(0).toLongLong() + windowMs;
    return static_cast<int>(std::max<qint64>(1, (freeAtMs - nowMs + 999) / 1000));
}

Status RateLimiter::lockKey(const QString &principal) const
{
    // PostgreSQL: another process could count the same last free slot between our count and our
    // insert. SQLite has one writer at a time: a process that counted before another's insert
    // cannot then insert (its snapshot is stale: busy), so it fails rather than over-admits.
    if (m_backend != DatabaseLocation::Backend::Postgres)
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(:text, 0))"));
    query.bindValue(QStringLiteral(":text"), QString(QStringLiteral("rate ") + principal));
    if (!query.exec())
        return failed(QStringLiteral("locking the key's budget"), query);
    return {};
}

Status RateLimiter::insert(const QString &principal, bool isWrite, qint64 nowMs) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("INSERT INTO rate_events (principal, is_write, at_ms)"
                                 " VALUES (:principal, :is_write, :at_ms)"));
    query.bindValue(QStringLiteral(":principal"), principal);
    query.bindValue(QStringLiteral(":is_write"), isWrite ? 1 : 0);
    query.bindValue(QStringLiteral(":at_ms"), nowMs);
    if (!query.exec())
        return failed(QStringLiteral("counting a request"), query);
    return {};
}

Status RateLimiter::pruneNowAndThen(const QString &principal, qint64 nowMs)
{
    int &since = m_sincePrune[principal];
    if (since++ % pruneEvery != 0)
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM rate_events WHERE principal = :principal") +
                  kindCondition(false) + QStringLiteral(" AND at_ms <= :before"));
    query.bindValue(QStringLiteral(":principal"), principal);
    query.bindValue(QStringLiteral(":before"), nowMs - std::max(dayMs, m_requestWindowMs));
    if (!query.exec())
        return failed(QStringLiteral("forgetting old requests"), query);
    return {};
}

Result<int> RateLimiter::admit(const QString &principal, bool isWrite, qint64 nowMs)
{
    const bool countsRequests = m_requestsPerHour > 0;
    const bool countsWrites = isWrite && m_writesPerDay > 0;
    if (!countsRequests && !countsWrites)
        return 0;
    // Count and insert in one transaction under the key's lock, so that processes sharing the
    // database never admit more than the budget between them.
    SqlTransaction transaction(m_connectionName);
    if (!transaction.isActive())
        return Failure{QStringLiteral("rate limit: no transaction could be started: ") +
                       QSqlDatabase::database(m_connectionName).lastError().text()};
    if (const Status locked = lockKey(principal); !locked)
        return Failure{locked.error()};
    int wait = 0;
    if (countsRequests) {
        const Result<int> requests =
            waitSeconds(principal, Counted::Requests, m_requestsPerHour, m_requestWindowMs, nowMs);
        if (!requests)
            return requests;
        wait = *requests;
    }
    if (countsWrites) {
        const Result<int> writes =
            waitSeconds(principal, Counted::Writes, m_writesPerDay, dayMs, nowMs);
        if (!writes)
            return writes;
        wait = std::max(wait, *writes);
    }
    // A refused request counts nothing: the transaction rolls back.
    if (wait > 0)
        return wait;
    if (const Status inserted = insert(principal, isWrite, nowMs); !inserted)
        return Failure{inserted.error()};
    if (const Status pruned = pruneNowAndThen(principal, nowMs); !pruned)
        return Failure{pruned.error()};
    if (!transaction.commit())
        return Failure{QStringLiteral("rate limit: ") + transaction.error()};
    return 0;
}
