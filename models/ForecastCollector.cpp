#include "ForecastCollector.h"

#include "ForecastBuilder.h"
#include "OpportunityListModel.h"
#include "SummaryAccumulator.h"
#include "WinLossBuilder.h"

#include <QHash>
#include <QObject>
#include <array>
#include <vector>

ForecastCollector::ForecastCollector(const OpportunityListModel &model)
    : m_model(model)
{
    // Which rows a search keeps changes with the rows alone; the figures also with the rates,
    // the stale rule and today (the people are not in them: the view names the owners).
    const auto forgetRows = [this] {
        m_kept.forget();
        m_made.clear();
    };
    const auto forgetFigures = [this] {
        m_made.clear();
    };
    m_modelChanges = {
        QObject::connect(&model, &QAbstractItemModel::modelReset, forgetRows),
        QObject::connect(&model, &QAbstractItemModel::rowsInserted, forgetRows),
        QObject::connect(&model, &QAbstractItemModel::rowsRemoved, forgetRows),
        QObject::connect(&model, &QAbstractItemModel::rowsMoved, forgetRows),
        QObject::connect(&model, &QAbstractItemModel::layoutChanged, forgetRows),
        QObject::connect(&model, &QAbstractItemModel::dataChanged, forgetRows),
        QObject::connect(&model, &OpportunityListModel::ratesChanged, forgetFigures),
        QObject::connect(&model, &OpportunityListModel::staleRuleChanged, forgetFigures),
    };
}

ForecastCollector::~ForecastCollector()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelChanges))
        QObject::disconnect(connection);
}

ForecastCollector::Figures ForecastCollector::collect(const OpportunityFilter &filter,
                                                      const ForecastOptions &options)
{
    const QDate today = m_model.today();
    for (qsizetype i = 0; i < m_made.size(); ++i) {
        const Made &made = m_made.at(i);
        if (made.filter == filter && made.today == today && made.options.months == options.months &&
            made.options.grouping == options.grouping &&
            made.options.weighted == options.weighted &&
            made.options.currency == options.currency) {
            m_lastPass = Pass::Made;
            m_made.move(i, 0);
            return m_made.constFirst().figures;
        }
    }
    Figures figures = pass(filter, options);
    m_made.prepend({filter, options, today, figures});
    if (m_made.size() > mostMade)
        m_made.removeLast();
    return figures;
}

ForecastCollector::Figures ForecastCollector::pass(const OpportunityFilter &filter,
                                                   const ForecastOptions &options)
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

    // A row the common part of the filter keeps, into the figures.
    const auto count = [&](int row) {
        const OpportunityListModel::Facts &facts = model.factsAt(row);
        const bool won = facts.stage == Stage::ClosedWon;
        const bool closed = won || facts.stage == Stage::ClosedLost;
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
            return;
        if (filter.closing.contains(facts.closeDay, todayDay))
            summary.add(facts);
        if (closed || facts.archived)
            return;
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
            return;
        int &currency = forecastCurrency[facts.currency];
        if (currency < 0)
            currency = forecast.currencySlot(currencies.at(facts.currency));
        forecast.addAt(series, forecast.bucketOf(facts.closeDay), currency,
                       options.weighted ? facts.weighted : facts.value);
    };

    const int rows = model.rowCount();
    if (filter.accountId != m_keptAccountId || filter.ownerId != m_keptOwnerId) {
        m_kept.forget();
        m_keptAccountId = filter.accountId;
        m_keptOwnerId = filter.ownerId;
    }
    ForecastRowSets::Found found = m_kept.find(filter.search);
    if (found.rows && found.rows->size() != ForecastRowSets::none(rows).size()) {
        m_kept.forget(); // rows changed unannounced: nothing kept holds
        found = {};
    }
    if (found.exact) {
        m_lastPass = Pass::Kept;
        ForecastRowSets::forEach(*found.rows, count);
    } else {
        m_lastPass = found.rows ? Pass::Narrowed : Pass::All;
        // One vectorised scan of every name costs about what searching a thirtieth of them one
        // by one does (measured at 100,000 rows): only a few rows left are searched one by one.
        if (!found.rows || ForecastRowSets::count(*found.rows) * 30 > rows)
            model.matchSearch(filter.search);
        ForecastRowSets::Bits kept = ForecastRowSets::none(rows);
        const auto test = [&](int row) {
            if (model.accepts(model.factsAt(row).archived ? commonArchived : common, row)) {
                ForecastRowSets::set(kept, row);
                count(row);
            }
        };
        if (found.rows) {
            ForecastRowSets::forEach(*found.rows, test);
        } else {
            for (int row = 0; row < rows; ++row)
                test(row);
        }
        m_kept.keep(filter.search, std::move(kept));
    }
    return {forecast.result(model.rates()), winLoss.result(model.rates()), summary.summary(model)};
}
