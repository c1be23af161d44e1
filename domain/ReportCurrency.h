#pragma once

#include "CurrencyRates.h"

#include <QMap>
#include <QString>
#include <optional>

// The one currency a report's figures (forecast, won and lost) are in, and the conversion into
// it, shared so the charts and the command line agree.
namespace ReportCurrency {

// `wanted` if set, else the base currency, else the currency most deals counted are in (a tie
// goes to the first in alphabetical order); empty only when none was asked for, there is no
// base and nothing was counted.
QString choose(const QString &wanted, const CurrencyRates &rates,
               const QMap<QString, int> &countsByCurrency);

// `amount` of `from` in `into`: as is for the same currency, else through the base currency
// (toBase(amount, from) / rateToBase(into)); none when either rate is missing.
std::optional<double> convert(double amount, const QString &from, const QString &into,
                              const CurrencyRates &rates);

} // namespace ReportCurrency
