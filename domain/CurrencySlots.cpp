#include "CurrencySlots.h"

#include <algorithm>
#include <numeric>

CurrencySlots::Slot CurrencySlots::slot(const QString &code)
{
    const auto it = m_slotByCode.constFind(code);
    if (it != m_slotByCode.cend())
        return {it.value(), false};
    const int index = static_cast<int>(m_codes.size());
    m_codes.append(code);
    m_slotByCode.insert(code, index);
    return {index, true};
}

QList<int> CurrencySlots::alphabetical() const
{
    QList<int> order(m_codes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](int a, int b) { return m_codes[a] < m_codes[b]; });
    return order;
}
