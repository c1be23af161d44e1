#pragma once

#include "Forecast.h"
#include "OpportunityFilter.h"
#include "PipelineSummary.h"
#include "WinLoss.h"

class OpportunityListModel;

// The forecast, won/lost and the filter bar's summary of the model's rows under the filter bar's
// filter, in one pass over the packed facts: fast enough for a keystroke at 100,000 deals. The
// rules are ForecastBuilder's and WinLossBuilder's; this only feeds them through their slot API.
//
// Which rows count:
// - The forecast follows the filter (stages, owner, account, search, My deals, stale only) but
//   not its close window: a bar's own click narrows the list, it must not empty the other bars.
//   Archived deals never count (the builder's rule).
// - Won/lost counts the closed deals the same filter keeps without its stages (a filter on open
//   stages would leave nothing to count), its close window, or "stale only" (closed deals never
//   go stale); archived deals count too, as closing a deal and archiving it is common.
// - The summary is the filter bar's: every row the whole filter keeps, as the list counts them.
class ForecastCollector final
{
public:
    struct Figures
    {
        Forecast forecast;
        WinLoss winLoss;
        PipelineSummary summary;
    };

    explicit ForecastCollector(const OpportunityListModel &model)
        : m_model(model)
    {}

    // The figures as of the model's today and rates.
    Figures collect(const OpportunityFilter &filter, const ForecastOptions &options) const;

private:
    const OpportunityListModel &m_model;
};
