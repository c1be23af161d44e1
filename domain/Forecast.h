#pragma once

#include "CloseWindow.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// One column of the forecast: deals by expected close date.
struct ForecastBucket
{
    enum class Kind
    {
        // A close date before today.
        Overdue,
        // A close date in `month` (the first of the month); the current month from today on.
        Month,
        // A close date after the last month shown: from `month` (the first day after them) on.
        Later,
        // No close date.
        NoDate,
    };
    Kind kind = Kind::Month;
    QDate month;

    // The close dates it stands for, as a filter (click-to-filter); `today` as the forecast
    // was built with (the current month starts there, what is before is overdue).
    CloseWindow window(const QDate &today) const;

    friend bool operator==(const ForecastBucket &a, const ForecastBucket &b)
    {
        return a.kind == b.kind && a.month == b.month;
    }
};

// How the forecast is grouped into stacked series.
enum class ForecastGrouping
{
    Stage,
    Owner,
};

struct ForecastOptions
{
    // How many months from the current one on (clamped to 1..24; the view offers 6 to 12).
    int months = 6;
    ForecastGrouping grouping = ForecastGrouping::Stage;
    // Value × probability instead of the value.
    bool weighted = false;
    // The currency the figures are in; empty: the base currency, or without one the currency
    // most of the counted deals are in.
    QString currency;
};

// Expected revenue of the open deals (prospecting to negotiation, never archived) by close
// month, stacked by stage or owner, in one currency. What cannot be converted for want of a
// rate is left out of the figures and told per currency.
struct Forecast
{
    // The figures' currency; empty when there were no deals to choose one from.
    QString currency;
    bool weighted = false;
    ForecastGrouping grouping = ForecastGrouping::Stage;
    // Overdue, the months in order, Later, No date: always all of them, empty or not.
    QList<ForecastBucket> buckets;
    // Stage ids (every open stage, in pipeline order) or owner ids (by total, largest first;
    // an empty id for deals without an owner).
    QStringList series;
    // amounts[series][bucket], in `currency`.
    QList<QList<double>> amounts;
    // counts[series][bucket]: the deals in each figure.
    QList<QList<int>> counts;

    // Deals left out because their currency has no rate to `currency`.
    struct Unconverted
    {
        int count = 0;
        double amount = 0;
    };
    QMap<QString, Unconverted> unconverted;

    double total() const;
    double bucketTotal(qsizetype bucket) const;
    int dealCount() const;
};
