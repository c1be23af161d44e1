#pragma once

#include <QDate>
#include <QString>
#include <limits>

// A span of expected close dates the list can be narrowed to: what a forecast bar stands for
// ("closing in July 2026", "overdue", "no close date"). kashew's own refinement of the API's
// filters: applied to the cache only, never sent to a server.
struct CloseWindow
{
    enum class Kind
    {
        // Every deal: no narrowing.
        Any,
        // A close date before today.
        Overdue,
        // No close date.
        NoDate,
        // A close date from `first` to `last`, both included; a null `last` has no end.
        Between,
    };
    Kind kind = Kind::Any;
    QDate first;
    QDate last;

    // A close date as a day number for contains(); noDay for none.
    static constexpr qint64 noDay = std::numeric_limits<qint64>::min();
    static qint64 dayOf(const QDate &date) { return date.isValid() ? date.toJulianDay() : noDay; }

    bool isAny() const { return kind == Kind::Any; }
    // Fast enough for 100,000 rows a keystroke: day numbers only.
    bool contains(qint64 closeDay, qint64 today) const
    {
        switch (kind) {
        case Kind::Any:
            return true;
        case Kind::Overdue:
            return closeDay != noDay && closeDay < today;
        case Kind::NoDate:
            return closeDay == noDay;
        case Kind::Between:
            return closeDay != noDay && closeDay >= first.toJulianDay() &&
                   (last.isNull() || closeDay <= last.toJulianDay());
        }
        return true;
    }
    bool contains(const QDate &close, const QDate &today) const
    {
        return contains(dayOf(close), dayOf(today));
    }
    // What the filter bar says of it, translated: "Closing in July 2026", "Closing after
    // December 2026", "Overdue", "No close date"; empty for Any.
    QString label() const;

    friend bool operator==(const CloseWindow &a, const CloseWindow &b)
    {
        return a.kind == b.kind && a.first == b.first && a.last == b.last;
    }
    friend bool operator!=(const CloseWindow &a, const CloseWindow &b) { return !(a == b); }
};
