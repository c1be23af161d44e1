#include "StaleRule.h"

#include <QSettings>
#include <algorithm>

namespace {

QString keyOf(Stage stage)
{
    return QStringLiteral("stale/") + Stages::id(stage);
}

constexpr int maxDays = 3650;

} // namespace

int StaleRule::builtIn(Stage stage)
{
    switch (stage) {
    case Stage::Prospecting:
        return 7;
    case Stage::Qualification:
    case Stage::Proposal:
        return 14;
    case Stage::Negotiation:
        return 10;
    case Stage::ClosedWon:
    case Stage::ClosedLost:
        break;
    }
    return 0;
}

std::optional<int> StaleRule::days(Stage stage) const
{
    if (Stages::isClosed(stage))
        return std::nullopt;
    const int days = m_open.value(stage, builtIn(stage));
    return days > 0 ? std::optional<int>(days) : std::nullopt;
}

void StaleRule::setDays(Stage stage, int days)
{
    if (!Stages::isClosed(stage))
        m_open.insert(stage, std::clamp(days, 0, maxDays));
}

std::optional<int> StaleRule::daysWithoutChange(const QDateTime &updatedAt, const QDate &today)
{
    if (!updatedAt.isValid() || !today.isValid())
        return std::nullopt;
    return static_cast<int>(updatedAt.toLocalTime().date().daysTo(today));
}

bool StaleRule::isStale(Stage stage, const QDateTime &updatedAt, const QDate &today) const
{
    const std::optional<int> allowed = days(stage);
    const std::optional<int> idle = daysWithoutChange(updatedAt, today);
    return allowed && idle && *idle >= *allowed;
}

std::optional<qint64> StaleRule::freshSinceMs(Stage stage, const QDate &today) const
{
    const std::optional<int> allowed = days(stage);
    if (!allowed || !today.isValid())
        return std::nullopt;
    // Stale from `allowed` whole days on: a change on the day after today - allowed keeps it
    // fresh, so that day's local start is the boundary. A day the zone skipped whole (Samoa,
    // 30 December 2011) has no start: the next day's is the boundary then.
    QDate boundary = today.addDays(1 - *allowed);
    QDateTime start = boundary.startOfDay();
    for (int skipped = 0; !start.isValid() && skipped < 2; ++skipped) {
        boundary = boundary.addDays(1);
        start = boundary.startOfDay();
    }
    return start.toMSecsSinceEpoch();
}

StaleRule StaleRule::read(const QSettings &settings)
{
    StaleRule rule;
    for (Stage stage : Stages::all()) {
        if (Stages::isClosed(stage))
            continue;
        bool ok = false;
        const int days = settings.value(keyOf(stage)).toInt(&ok);
        if (ok && days >= 0 && days <= maxDays)
            rule.setDays(stage, days);
    }
    return rule;
}

void StaleRule::write(QSettings &settings) const
{
    for (Stage stage : Stages::all()) {
        if (!Stages::isClosed(stage))
            settings.setValue(keyOf(stage), days(stage).value_or(0));
    }
}
