#pragma once

#include "Stage.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <optional>

class QSettings;

// When a deal has gone stale: no change for N days while in an open stage, N per stage (7, 14,
// 14, 10 until the user sets theirs; 0 turns a stage's rule off). Closed stages never go stale.
// Days are whole calendar days in local time, so a deal changed late yesterday is one day old
// this morning. The one place the rule lives: the list, the board, the forecast and the
// command line ask here.
class StaleRule final
{
public:
    // The days an open stage allows until the user sets theirs.
    static int builtIn(Stage stage);

    // The days a deal may go without a change in `stage`; none for a closed stage or one whose
    // rule is off.
    std::optional<int> days(Stage stage) const;
    // Sets an open stage's days (0: never stale; clamped to 0..3650); closed stages keep none.
    void setDays(Stage stage, int days);

    // Whole local calendar days from `updatedAt` to `today`; none for an invalid time.
    static std::optional<int> daysWithoutChange(const QDateTime &updatedAt, const QDate &today);
    // Whether a deal in `stage`, last changed at `updatedAt`, is stale on `today`: at least
    // days(stage) days without a change.
    bool isStale(Stage stage, const QDateTime &updatedAt, const QDate &today) const;
    // The first instant (ms since the epoch) a deal in `stage` may have been changed at and not
    // be stale on `today`; none when the stage never goes stale. Lets the models test 100,000
    // rows with one comparison each.
    std::optional<qint64> freshSinceMs(Stage stage, const QDate &today) const;

    // The user's days from a profile's settings (keys stale/<stage id>); missing or unreadable
    // ones are built in.
    static StaleRule read(const QSettings &settings);
    void write(QSettings &settings) const;

    friend bool operator==(const StaleRule &a, const StaleRule &b)
    {
        const QList<Stage> stages = Stages::all();
        for (Stage stage : stages) {
            if (a.days(stage) != b.days(stage))
                return false;
        }
        return true;
    }
    friend bool operator!=(const StaleRule &a, const StaleRule &b) { return !(a == b); }

private:
    // Only the open stages the user set.
    QHash<Stage, int> m_open;
};
