#pragma once

#include <QDate>
#include <QMap>
#include <optional>

// The local calendar day of an instant, remembered per day: every card of a stale deal says its
// days without a change, and a conversion to local time per card paint is the slowest part of
// it. An instant inside a day seen before is answered from that day's bounds. For the GUI thread.
class LocalDays final
{
public:
    // The one the cards use.
    static LocalDays &shared();

    // As QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().date().
    QDate dateOf(qint64 msSinceEpoch);
    // Whole local days from the day of `msSinceEpoch` to `today` (StaleRule::daysWithoutChange);
    // none for an invalid today.
    std::optional<int> daysTo(qint64 msSinceEpoch, const QDate &today);
    // Forgets every day (the time zone may have changed).
    void clear() { m_days.clear(); }

private:
    struct Day
    {
        qint64 endMs = 0; // exclusive
        QDate date;
    };
    // By the day's first local instant.
    QMap<qint64, Day> m_days;
    // Days are forgotten each new day (a changed time zone shows by tomorrow at the latest).
    QDate m_today;
};
