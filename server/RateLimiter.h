#pragma once

#include <QHash>
#include <QString>
#include <deque>

// Emulates the hosted plans' budgets per API key over sliding windows: requests per hour and
// writes per day. Zero means unlimited.
class RateLimiter final
{
public:
    // `requestWindowSeconds` shortens the hour, for tests that must see a 429 pass.
    explicit RateLimiter(int requestsPerHour = 0, int writesPerDay = 0,
                         int requestWindowSeconds = 3600);

    // Counts the request and returns 0 when it is within budget; otherwise counts nothing and
    // returns the seconds until it would be (at least 1).
    int admit(const QString &principal, bool isWrite, qint64 nowMs);

private:
    using Window = std::deque<qint64>;
    static int waitSeconds(Window &window, int budget, qint64 windowMs, qint64 nowMs);

    int m_requestsPerHour = 0;
    int m_writesPerDay = 0;
    qint64 m_requestWindowMs = 0;
    QHash<QString, Window> m_requests;
    QHash<QString, Window> m_writes;
};
