#include "ForecastCollector.h"

#include "ForecastBuilder.h"
#include "OpportunityListModel.h"
#include "SummaryAccumulator.h"
#include "WinLossBuilder.h"

#include <QHash>
#include <array>
#include <vector>

ForecastCollector::Figures ForecastCollector::collect(const OpportunityFilter &filter,
                                                      const ForecastOptions &options) const
{
    const OpportunityListModel &model = m_model;
    const QDate today = model.today();
    const qint64 todayDay = CloseWindow::dayOf(today);

    // What every figure asks of a row (account, owner, search), tested once per row with the
    // model's own accepts(); the rest of the filter is a few comparisons of packed facts.
    // Won/lost counts the archived deals too: the row's own archived flag passes.
    OpportunityFilter common = filter;
    common.stages.clear();
    common.staleOnly = false;
    common.closing = {};
    common.archived = false;
    OpportunityFilter commonArchived = common;
    commonArchived.archived = true;

    ForecastBuilder forecast(options, today);
    WinLossBuilder winLoss(options.months, options.currency, today);
    SummaryAccumulator summary;

    // Slots are asked for on the first row that counts in them, as the slow path would: a
    // currency or owner nothing counts in never becomes a series or a currency of the result.
    const QList<QString> &currencies = model.currencies();
    std::vector<int> forecastCurrency(currencies.size(), -1);
    std::vector<int> winLossCurrency(currencies.size(), -1);
    constexpr int unknown = -2;
    std::array<int, 6> stageSeries;
    stageSeries.fill(unknown);
    const bool byOwner = options.grouping == ForecastGrouping::Owner;
    QHash<QString, int> ownerSeries;

    const int rows = model.rowCount();
    model.matchSearch(filter.search); // one scan of every name, not a search per row
    for (int row = 0; row < rows; ++row) {
        const OpportunityListModel::Facts &facts = model.factsAt(row);
        const bool won = facts.stage == Stage::ClosedWon;
        const bool closed = won || facts.stage == Stage::ClosedLost;
        if (!model.accepts(facts.archived ? commonArchived : common, row))
            continue;
        if (closed) {
            const int month = winLoss.monthOf(model.updatedMsAt(row));
            if (month >= 0) {
                int &currency = winLossCurrency[facts.currency];
                if (currency < 0)
                    currency = winLoss.currencySlot(currencies.at(facts.currency));
                winLoss.addAt(month, won, currency, facts.value);
            }
        }
        // The rest of the filter bar's filter, as OpportunityListModel::accepts applies it.
        if (facts.archived != filter.archived ||
            (!filter.stages.isEmpty() && !filter.stages.contains(facts.stage)) ||
            (filter.staleOnly && !model.isStaleAt(row)))
            continue;
        if (filter.closing.contains(facts.closeDay, todayDay))
            summary.add(facts);
        if (closed || facts.archived)
            continue;
        int series = 0;
        if (byOwner) {
            const QString &owner = model.rowAt(row).opportunity.ownerId;
            const auto known = ownerSeries.constFind(owner);
            if (known != ownerSeries.cend()) {
                series = *known;
            } else {
                series = forecast.seriesSlot(facts.stage, owner);
                ownerSeries.insert(owner, series);
            }
        } else {
            int &slot = stageSeries[static_cast<int>(facts.stage)];
            if (slot == unknown)
                slot = forecast.seriesSlot(facts.stage, QString());
            series = slot;
        }
        if (series < 0)
            continue;
        int &currency = forecastCurrency[facts.currency];
        if (currency < 0)
            currency = forecast.currencySlot(currencies.at(facts.currency));
        forecast.addAt(series, forecast.bucketOf(facts.closeDay), currency,
                       options.weighted ? facts.weighted : facts.value);
    }
    return {forecast.result(model.rates()), winLoss.result(model.rates()), summary.summary(model)};
}
