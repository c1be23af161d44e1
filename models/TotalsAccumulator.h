#pragma once

#include "Opportunity.h"
#include "PipelineTotals.h"

#include <QVarLengthArray>
#include <algorithm>

// Sums deals into PipelineTotals fast enough to run over 100,000 rows on a keystroke: the few
// currencies are summed in a flat list and go into the maps once, at the end.
class TotalsAccumulator final
{
public:
    void add(const Opportunity &o)
    {
        ++m_count;
        // The source model shares one string per currency code: the same address is the same
        // code, and the text is read only when the addresses differ.
        const auto sameCode = [&](const Sum &s) {
            return s.currency->constData() == o.currency.constData() || *s.currency == o.currency;
        };
        auto sum = std::find_if(m_sums.begin(), m_sums.end(), sameCode);
        if (sum == m_sums.end()) {
            m_sums.append({&o.currency, 0, 0});
            sum = m_sums.end() - 1;
        }
        sum->value += o.value;
        sum->weighted += o.weightedValue();
    }
    // The records added must outlive this call: their currencies are not copied until here.
    PipelineTotals totals() const
    {
        PipelineTotals totals;
        totals.count = m_count;
        for (const Sum &sum : m_sums) {
            totals.value.insert(*sum.currency, sum.value);
            totals.weighted.insert(*sum.currency, sum.weighted);
        }
        return totals;
    }

private:
    struct Sum
    {
        const QString *currency;
        double value;
        double weighted;
    };
    QVarLengthArray<Sum, 8> m_sums;
    int m_count = 0;
};
