#pragma once

#include "Forecast.h"
#include "ForecastRowSets.h"
#include "OpportunityFilter.h"
#include "PipelineSummary.h"
#include "WinLoss.h"

#include <QList>
#include <QMetaObject>

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
//
// Kept from one keystroke to the next, it remembers which rows each search of a chain let through
// (ForecastRowSets): a longer search tests only those, an erased one tests none. It also keeps
// the figures of the last few filters, so that erasing a search back shows figures already
// made. A change of the model's rows forgets both; new rates, a new stale rule or today the
// figures.
class ForecastCollector final
{
public:
    struct Figures
    {
        Forecast forecast;
        WinLoss winLoss;
        PipelineSummary summary;
    };

    explicit ForecastCollector(const OpportunityListModel &model);
    ~ForecastCollector();
    ForecastCollector(const ForecastCollector &) = delete;
    ForecastCollector &operator=(const ForecastCollector &) = delete;

    // The figures as of the model's today and rates.
    Figures collect(const OpportunityFilter &filter, const ForecastOptions &options);

    // How the last collect() found its figures (for tests): every row tested, the rows of a
    // shorter search tested, a search's rows taken as they were kept, or figures already made.
    enum class Pass
    {
        All,
        Narrowed,
        Kept,
        Made,
    };
    Pass lastPass() const { return m_lastPass; }

private:
    Figures pass(const OpportunityFilter &filter, const ForecastOptions &options);

    const OpportunityListModel &m_model;
    // The rows of the searches typed under this account and owner filter.
    ForecastRowSets m_kept;
    QString m_keptAccountId;
    QString m_keptOwnerId;
    Pass m_lastPass = Pass::All;
    // The figures last made, most recent first, and what they were made of.
    struct Made
    {
        OpportunityFilter filter;
        ForecastOptions options;
        QDate today;
        Figures figures;
    };
    static constexpr qsizetype mostMade = 16;
    QList<Made> m_made;
    QList<QMetaObject::Connection> m_modelChanges;
};
