#include "CurrencyOrder.h"

#include <algorithm>

CurrencyOrder::CurrencyOrder(const QList<QString> &currencies, const CurrencyRates &rates)
{
    m_places.resize(currencies.size());
    QList<QString> unconverted;
    QList<qsizetype> unconvertedAt;
    for (qsizetype i = 0; i < currencies.size(); ++i) {
        if (const auto rate = rates.rateToBase(currencies.at(i))) {
            m_places[i] = {0, *rate};
        } else {
            unconverted.append(currencies.at(i));
            unconvertedAt.append(i);
        }
    }
    // Ranked as MoneySortKey compares codes: by QString's operator<.
    QList<QString> ranked = unconverted;
    std::sort(ranked.begin(), ranked.end());
    for (qsizetype j = 0; j < unconverted.size(); ++j) {
        const auto at = std::lower_bound(ranked.cbegin(), ranked.cend(), unconverted.at(j));
        m_places[unconvertedAt.at(j)] = {1 + static_cast<int>(at - ranked.cbegin()), 1};
    }
}
