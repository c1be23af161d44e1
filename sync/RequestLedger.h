#pragma once

#include "Result.h"

#include <QDateTime>
#include <QString>
#include <functional>

// Every request sent with the profile's key, in the cache's request_log table: when, and whether
// it was a write. The app and `kashew` on one profile share the cache file, and so the count.
// Counts the requests of the last hour and the writes of the last day (sliding windows, as the
// hosted API counts), says when a window has room again and forgets what no window needs. It
// has a connection of its own to the cache file, opened after the LocalStore made the schema.
class RequestLedger final
{
public:
    // The time the ledger counts in: the system's, or for tests one set by hand or running
    // `speedUp` times faster (so that a day passes in seconds).
    struct Clock
    {
        // Empty: the system's clock.
        std::function<QDateTime()> now;
        // Simulated milliseconds per real one, for the waits this clock's times mean.
        int speedUp = 1;
    };
    enum class Window
    {
        // Every request, over the last hour.
        Hour,
        // Writes, over the last day.
        Day,
    };
    struct Counts
    {
        int requestsThisHour = 0;
        int writesToday = 0;
    };

    // On the system's clock.
    RequestLedger();
    explicit RequestLedger(Clock clock);
    ~RequestLedger();
    RequestLedger(const RequestLedger &) = delete;
    RequestLedger &operator=(const RequestLedger &) = delete;

    Status open(const QString &cachePath);

    QDateTime now() const;
    int speedUp() const { return m_clock.speedUp; }
    // The real milliseconds until `at` of this clock (0 when it is past).
    qint64 realMsUntil(const QDateTime &at) const;

    // In one transaction, which shuts out the other processes on the cache: counts, asks `fits`,
    // and records a request now when it says yes. Returns whether it did.
    Result<bool> recordIf(bool isWrite, const std::function<bool(const Counts &)> &fits);
    Status record(bool isWrite);
    Result<Counts> counts() const;
    // When `window` holds at most `limit - needed` requests (writes for Day), so that `needed`
    // more fit: now when they fit already; invalid when they never can (`needed` > `limit`).
    Result<QDateTime> roomAt(Window window, int limit, int needed) const;
    // Forgets the requests no window counts any more.
    Status prune();

private:
    Result<Counts> countsAt(const QDateTime &now) const;
    QString since(Window window, const QDateTime &now) const;

    Clock m_clock;
    QString m_connectionName;
    // Requests recorded since the last prune: old rows go now and then, not on every request.
    int m_sincePrune = 0;
};
