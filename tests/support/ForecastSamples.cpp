#include "ForecastSamples.h"

namespace ForecastSamples {

// Overdue, July to December 2026, Later (from January 2027), No date.
QList<ForecastBucket> sixMonths()
{
    QList<ForecastBucket> buckets{{ForecastBucket::Kind::Overdue, QDate()}};
    for (int i = 0; i < 6; ++i)
        buckets.append({ForecastBucket::Kind::Month, july.addMonths(i)});
    buckets.append({ForecastBucket::Kind::Later, july.addMonths(6)});
    buckets.append({ForecastBucket::Kind::NoDate, QDate()});
    return buckets;
}

Forecast byStage()
{
    Forecast forecast;
    forecast.currency = QStringLiteral("EUR");
    forecast.buckets = sixMonths();
    forecast.series = {QStringLiteral("prospecting"), QStringLiteral("qualification"),
                       QStringLiteral("proposal"), QStringLiteral("negotiation")};
    for (int s = 0; s < 4; ++s) {
        QList<double> amounts;
        QList<int> counts;
        for (int b = 0; b < 9; ++b) {
            amounts.append((s + 1) * 1000.0 + b * 100.0);
            counts.append(s + b % 3);
        }
        forecast.amounts.append(amounts);
        forecast.counts.append(counts);
    }
    return forecast;
}

// Ten owners, owner i with i+1 thousand in July, listed in this order: o3 o0 o9 o1 o2 o8 o4 o7
// o6 o5. The smallest three (o0, o1, o2) fold into "Others".
Forecast byTenOwners(PeopleBook *people)
{
    Forecast forecast;
    forecast.currency = QStringLiteral("EUR");
    forecast.grouping = ForecastGrouping::Owner;
    forecast.buckets = sixMonths();
    for (int owner : {3, 0, 9, 1, 2, 8, 4, 7, 6, 5}) {
        const QString id = QStringLiteral("o%1").arg(owner);
        forecast.series.append(id);
        people->insert(Person{id, QStringLiteral("Owner %1").arg(owner), QString()});
        QList<double> amounts(9, 0.0);
        QList<int> counts(9, 0);
        amounts[1] = (owner + 1) * 1000.0;
        counts[1] = 1;
        amounts[8] = 10.0;
        counts[8] = 1;
        forecast.amounts.append(amounts);
        forecast.counts.append(counts);
    }
    return forecast;
}

WinLoss twoMonths()
{
    WinLoss winLoss;
    winLoss.currency = QStringLiteral("EUR");
    winLoss.months = {{
                          QDate(2026, 6, 1),
                          2,
                          5000.5,
                          1,
                          700,
                      },
                      {QDate(2026, 7, 1), 0, 0, 0, 0},
                      {QDate(2026, 8, 1), 1, 250, 1, 125}};
    return winLoss;
}

} // namespace ForecastSamples
