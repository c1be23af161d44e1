#pragma once

#include "RequestBudget.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

// What a 429 showed of the key's real budget when it is smaller than the plan chosen in Settings
// (the hosted API does not say its figures): the server refused a request after this many in the
// hour (or writes in the day), so kashew keeps to that figure instead of the plan's. Kept in the
// cache's settings, which the app and `kashew` share, until the user picks another plan.
struct BudgetLowering
{
    Q_DECLARE_TR_FUNCTIONS(BudgetLowering)

public:
    enum class Figure
    {
        RequestsPerHour,
        WritesPerDay,
    };

    // The plan as chosen when the server refused: another choice ends the lowering.
    RequestBudget chosen;
    // 0: that figure is the plan's.
    int requestsPerHour = 0;
    int writesPerDay = 0;

    // Whether `current` (the plan in Settings now) is still the plan this lowering was made under.
    bool appliesTo(const RequestBudget &current) const { return current == chosen; }
    // The budget to keep to: the chosen one with the lowered figures.
    RequestBudget applied() const;
    // After the server refused a request when `counted` of `figure` (the refused one included)
    // were in its window: the lowering of `current` (with `earlier`, the one in force), or none
    // when that shows no smaller limit. A budget without a limit is never lowered: a server
    // without plans that says 429 (a proxy's throttle, say) is only waited out.
    static std::optional<BudgetLowering> afterRefusal(const RequestBudget &current,
                                                      const std::optional<BudgetLowering> &earlier,
                                                      Figure figure, int counted);
    // "lowered to 60 an hour after the server refused the 61st".
    QString text() const;

    QByteArray toJson() const;
    // None for text that is empty or no lowering.
    static std::optional<BudgetLowering> fromJson(const QByteArray &json);

    friend bool operator==(const BudgetLowering &a, const BudgetLowering &b)
    {
        return a.chosen == b.chosen && a.requestsPerHour == b.requestsPerHour &&
               a.writesPerDay == b.writesPerDay;
    }
};
