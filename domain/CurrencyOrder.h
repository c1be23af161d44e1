#pragma once

#include "CurrencyRates.h"

#include <QList>
#include <QString>

// The order of MoneySortKey for amounts whose currency is an index into a list of codes (the
// model's): worked out once per list and set of rates, so that a comparison costs two lookups
// by index, not a conversion and a string comparison, however many rows are sorted.
// Sorted descending, the amounts go the other way but the groups do not: the converted ones
// first (the largest deals on top), those without a rate still after them, A to Z by currency.
class CurrencyOrder final
{
public:
    CurrencyOrder() = default;
    CurrencyOrder(const QList<QString> &currencies, const CurrencyRates &rates);

    // How many currencies it was made for.
    qsizetype size() const { return m_places.size(); }
    // As a sort in `order` asks: QSortFilterProxyModel sorts descending by swapping the
    // arguments, which this undoes for the groups.
    bool lessThan(double amountA, qsizetype currencyA, double amountB, qsizetype currencyB,
                  Qt::SortOrder order = Qt::AscendingOrder) const
    {
        const Place &a = m_places.at(currencyA);
        const Place &b = m_places.at(currencyB);
        if (a.rank != b.rank)
            return (a.rank < b.rank) == (order == Qt::AscendingOrder);
        return amountA * a.rate < amountB * b.rate;
    }

private:
    struct Place
    {
        // 0 for a currency the rates convert; else 1 + its code's place among the others.
        int rank = 0;
        // To the base currency; 1 for one without a rate (compared as it is).
        double rate = 1;
    };
    QList<Place> m_places;
};
