#pragma once

#include "CurrencyRates.h"

#include <QMetaType>
#include <QString>

// Where an amount sorts among amounts in several currencies: those a rate converts, by their
// worth in the base currency; after them those without a rate, by currency code, then amount.
struct MoneySortKey
{
    bool converted = false;
    // Empty when converted.
    QString currency;
    // In the base currency when converted, else in `currency`.
    double amount = 0;

    static MoneySortKey of(double amount, const QString &currency, const CurrencyRates &rates)
    {
        if (const auto inBase = rates.toBase(amount, currency))
            return {true, QString(), *inBase};
        return {false, currency, amount};
    }

    friend bool operator<(const MoneySortKey &a, const MoneySortKey &b)
    {
        if (a.converted != b.converted)
            return a.converted;
        if (a.currency != b.currency)
            return a.currency < b.currency;
        return a.amount < b.amount;
    }
    friend bool operator==(const MoneySortKey &a, const MoneySortKey &b)
    {
        return a.converted == b.converted && a.currency == b.currency && a.amount == b.amount;
    }
};
Q_DECLARE_METATYPE(MoneySortKey)
