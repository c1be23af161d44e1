#pragma once

#include "DatabaseLocation.h"
#include "Result.h"

#include <QHash>
#include <QString>

// Emulates the hosted plans' budgets per API key over sliding windows: requests per hour and
// writes per day. Zero means unlimited. The windows live in the database (table rate_events, one
// row per counted request), so that every kashew-server process serving one database spends one
// budget per key, and a restart forgets nothing.
class RateLimiter final
{
public:
    // Unlimited, and so never touches a database.
    RateLimiter() = default;
    // `connectionName`: the server's open database (ServerStore::connectionName()).
    // `requestWindowSeconds` shortens the hour, for tests that must see a 429 pass.
    explicit RateLimiter(const QString &connectionName, DatabaseLocation::Backend backend,
                         int requestsPerHour = 0, int writesPerDay = 0,
                         int requestWindowSeconds = 3600);

    // Counts the request and returns 0 when it is within budget; otherwise counts nothing and
    // returns the seconds until it would be (at least 1). A request no budget limits costs no
    // database work. A database failure is a Failure: the caller refuses the request rather than
    // admit it uncounted.
    Result<int> admit(const QString &principal, bool isWrite, qint64 nowMs);

private:
    enum class Counted
    {
        Requests,
        Writes
    };
    Result<int> waitSeconds(const QString &principal, Counted counted, int budget, qint64 windowMs,
                            qint64 nowMs) const;
    Status lockKey(const QString &principal) const;
    Status insert(const QString &principal, bool isWrite, qint64 nowMs) const;
    Status pruneNowAndThen(const QString &principal, qint64 nowMs);

    QString m_connectionName;
    DatabaseLocation::Backend m_backend = DatabaseLocation::Backend::Sqlite;
    int m_requestsPerHour = 0;
    int m_writesPerDay = 0;
    qint64 m_requestWindowMs = 0;
    // Per key, requests admitted by this process since it last pruned that key's old rows.
    QHash<QString, int> m_sincePrune;
};
