#pragma once

#include "OpportunityListModel.h"
#include "PipelineSummary.h"
#include "TotalsAccumulator.h"

// Sums rows into a PipelineSummary in the same one pass as TotalsAccumulator (it runs over
// 100,000 rows on a keystroke): each row's packed facts go to the open or the won sums by stage.
class SummaryAccumulator final
{
public:
    void add(const OpportunityListModel::Facts &facts)
    {
        ++m_count;
        // Compared here rather than through Stages::isClosed: no call per row.
        if (facts.stage == Stage::ClosedWon)
            m_won.add(facts);
        else if (facts.stage != Stage::ClosedLost)
            m_open.add(facts);
    }
    // `model`: the one whose rows were added (their currency indexes point into its list).
    PipelineSummary summary(const OpportunityListModel &model) const
    {
        PipelineSummary summary;
        summary.count = m_count;
        summary.open = m_open.totals(model.currencies());
        summary.won = m_won.totals(model.currencies());
        summary.rates = model.rates();
        return summary;
    }

private:
    TotalsAccumulator m_open;
    TotalsAccumulator m_won;
    int m_count = 0;
};
