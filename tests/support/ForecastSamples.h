#pragma once

#include "Forecast.h"
#include "PeopleBook.h"
#include "WinLoss.h"

// Hand-made forecast figures for the chart tests, as of July 2026.
namespace ForecastSamples {

inline const QDate july(2026, 7, 1);

// Overdue, July to December 2026, Later (from January 2027), No date.
QList<ForecastBucket> sixMonths();
// The four open stages, amount (stage + 1) × 1,000 + bucket × 100 in EUR.
Forecast byStage();
// Ten owners, owner i with i+1 thousand in July and 10 without a date, listed in this order:
// o3 o0 o9 o1 o2 o8 o4 o7 o6 o5; their names ("Owner 3") go into `people`.
Forecast byTenOwners(PeopleBook *people);
// June to August 2026: 2 won and 1 lost, nothing, 1 won and 1 lost.
WinLoss twoMonths();

} // namespace ForecastSamples
