#include "DayChangeTimer.h"

#include "OpportunityListModel.h"

#include <QTimer>
#include <algorithm>

namespace {

constexpr qint64 hourMs = 60 * 60 * 1000;
// Past midnight by a little: a timer may fire a few milliseconds early.
constexpr qint64 marginMs = 1000;

} // namespace

DayChangeTimer::DayChangeTimer(OpportunityListModel &model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::VeryCoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &DayChangeTimer::check);
    schedule();
}

void DayChangeTimer::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_day = m_clock().date();
    schedule();
}

void DayChangeTimer::check()
{
    const QDate day = m_clock().date();
    if (day != m_day) {
        m_day = day;
        m_model.setToday(day);
    }
    schedule();
}

int DayChangeTimer::interval() const
{
    return m_timer->interval();
}

void DayChangeTimer::schedule()
{
    const QDateTime now = m_clock();
    const qint64 untilMidnight = now.msecsTo(now.date().addDays(1).startOfDay()) + marginMs;
    m_timer->start(static_cast<int>(std::clamp(untilMidnight, marginMs, hourMs)));
}
