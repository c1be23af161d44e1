#pragma once

#include "CurrencyRates.h"
#include "PipelineTotals.h"
#include "Stage.h"

// What the filter bar says of the deals in view: how many, the open pipeline (prospecting to
// negotiation) and what was won, each summed per currency. Lost deals are counted and add to no
// figure.
struct PipelineSummary
{
    int count = 0;
    PipelineTotals open;
    PipelineTotals won;
    // The rates the figures are to be shown with, taken with them, so that the line converts
    // with exactly the rates the sums were made under.
    CurrencyRates rates;

    // The totals of deals all in `stage` (a board column).
    void add(Stage stage, const PipelineTotals &totals)
    {
        count += totals.count;
        if (stage == Stage::ClosedWon)
            won.add(totals);
        else if (!Stages::isClosed(stage))
            open.add(totals);
    }
};
