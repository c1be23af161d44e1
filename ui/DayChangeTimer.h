#pragma once

#include <QDateTime>
#include <QObject>
#include <functional>

class OpportunityListModel;
class QTimer;

// Moves the model's "today" on when the local date changes while the app runs, so that stale and
// overdue marks stay true overnight. It wakes at the next local midnight, and at least hourly in
// case the clock or the time zone changed or the machine slept. A date the model was given
// otherwise (a test's fixed today) is left alone until the clock's date changes.
class DayChangeTimer final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit DayChangeTimer(OpportunityListModel &model, QObject *parent = nullptr);

    // For tests: the clock read instead of the system's (local time); starts again from its date.
    void setClock(Clock clock);
    // Looks at the clock now: a new date goes to the model. Then waits for the next check.
    void check();
    // Milliseconds until the next check.
    int interval() const;

private:
    void schedule();

    OpportunityListModel &m_model;
    Clock m_clock = [] {
        return QDateTime::currentDateTime();
    };
    QDate m_day = QDate::currentDate();
    QTimer *m_timer = nullptr;
};
