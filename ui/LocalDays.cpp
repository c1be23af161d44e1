#include "LocalDays.h"

#include <QDateTime>

namespace {

// Years of days: far more than the cards in view ever span.
constexpr qsizetype mostDays = 4096;

} // namespace

LocalDays &LocalDays::shared()
{
    static LocalDays days;
    return days;
}

QDate LocalDays::dateOf(qint64 msSinceEpoch)
{
    auto after = m_days.upperBound(msSinceEpoch);
    if (after != m_days.begin()) {
        const Day &day = *std::prev(after);
        if (msSinceEpoch < day.endMs)
            return day.date;
    }
    const QDate date = QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toLocalTime().date();
    // A day the zone skipped, or a start the conversion cannot find, is not remembered.
    const QDateTime start = date.startOfDay();
    const QDateTime end = date.addDays(1).startOfDay();
    if (start.isValid() && end.isValid() && start.toMSecsSinceEpoch() <= msSinceEpoch &&
        msSinceEpoch < end.toMSecsSinceEpoch()) {
        if (m_days.size() >= mostDays)
            m_days.clear();
        m_days.insert(start.toMSecsSinceEpoch(), Day{end.toMSecsSinceEpoch(), date});
    }
    return date;
}

std::optional<int> LocalDays::daysTo(qint64 msSinceEpoch, const QDate &today)
{
    if (!today.isValid())
        return std::nullopt;
    if (today != m_today) {
        m_days.clear();
        m_today = today;
    }
    return static_cast<int>(dateOf(msSinceEpoch).daysTo(today));
}
