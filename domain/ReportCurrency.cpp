#include "ReportCurrency.h"

namespace ReportCurrency {

QString choose(const QString &wanted, const CurrencyRates &rates,
               const QMap<QString, int> &countsByCurrency)
{
    if (!wanted.isEmpty())
        return wanted;
    if (!rates.baseCurrency().isEmpty())
        return rates.baseCurrency();
    QString chosen;
    int most = 0;
    // QMap walks in alphabetical order, so a strict > keeps the first of a tie.
    for (auto it = countsByCurrency.cbegin(); it != countsByCurrency.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            chosen = it.key();
        }
    }
    return chosen;
}

std::optional<double> convert(double amount, const QString &from, const QString &into,
                              const CurrencyRates &rates)
{
    if (from == into)
        return amount;
    const std::optional<double> inBase = rates.toBase(amount, from);
    const std::optional<double> intoRate = rates.rateToBase(into);
    if (!inBase || !intoRate)
        return std::nullopt;
    return *inBase / *intoRate;
}

} // namespace ReportCurrency
