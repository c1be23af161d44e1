#include "ForecastPane.h"

#include "FilterBar.h"
#include "ForecastView.h"
#include "OpportunityListModel.h"

#include <QLineEdit>
#include <QTimer>

ForecastPane::ForecastPane(OpportunityListModel &model, FilterBar &filterBar, ForecastView &view,
                           QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_filterBar(filterBar)
    , m_view(view)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &ForecastPane::recompute);

    connect(&filterBar, &FilterBar::filterChanged, this, &ForecastPane::invalidate);
    connect(&view, &ForecastView::optionsChanged, this, &ForecastPane::invalidate);
    connect(&view, &ForecastView::barClicked, this, &ForecastPane::filterToBar);
    connect(&model, &QAbstractItemModel::rowsInserted, this, &ForecastPane::invalidate);
    connect(&model, &QAbstractItemModel::rowsRemoved, this, &ForecastPane::invalidate);
    connect(&model, &QAbstractItemModel::modelReset, this, &ForecastPane::invalidate);
    connect(&model, &QAbstractItemModel::layoutChanged, this, &ForecastPane::invalidate);
    connect(&model, &QAbstractItemModel::dataChanged, this, &ForecastPane::invalidate);
    connect(&model, &OpportunityListModel::ratesChanged, this, &ForecastPane::invalidate);
    connect(&model, &OpportunityListModel::peopleChanged, this, &ForecastPane::invalidate);
    connect(&model, &OpportunityListModel::staleRuleChanged, this, &ForecastPane::invalidate);
}

void ForecastPane::setActive(bool active)
{
    m_active = active;
    if (!active)
        m_timer->stop();
    else if (m_stale)
        recompute(); // at once: the view never shows figures of another filter for a frame
}

PipelineSummary ForecastPane::summary()
{
    if (m_stale)
        recompute();
    return m_figures.summary;
}

void ForecastPane::invalidate()
{
    m_stale = true;
    if (m_active)
        m_timer->start();
}

void ForecastPane::recompute()
{
    m_timer->stop(); // done now
    m_stale = false;
    ++m_recomputations;
    m_today = m_model.today();
    m_figures = m_collector.collect(m_filterBar.filter(), m_view.options());
    const QStringList currencies(m_model.currencies().cbegin(), m_model.currencies().cend());
    const QString base = m_model.rates().baseCurrency();
    if (currencies != m_currencies || base != m_baseCurrency) {
        m_currencies = currencies;
        m_baseCurrency = base;
        m_view.setCurrencies(currencies, base);
    }
    m_view.show(m_figures.forecast, m_figures.winLoss, m_model.people());
    emit figuresChanged();
}

bool ForecastPane::filterToBar(int series, int bucket)
{
    const Forecast &forecast = m_figures.forecast;
    if (series < 0 || series >= forecast.series.size() || bucket < 0 ||
        bucket >= forecast.buckets.size())
        return false;
    OpportunityFilter filter = m_filterBar.filter();
    filter.closing = forecast.buckets.at(bucket).window(m_today);
    const QString &id = forecast.series.at(series);
    if (forecast.grouping == ForecastGrouping::Stage) {
        const std::optional<Stage> stage = Stages::fromId(id);
        if (!stage)
            return false;
        filter.stages = {*stage};
    } else {
        // An empty owner filter means every owner: the deals without one have no filter.
        if (id.isEmpty())
            return false;
        filter.ownerId = id;
        // The open stages the filter kept: the bar's deals and no closed ones.
        QSet<Stage> open;
        for (Stage stage : Stages::all()) {
            if (!Stages::isClosed(stage) &&
                (filter.stages.isEmpty() || filter.stages.contains(stage)))
                open.insert(stage);
        }
        filter.stages = open;
    }
    // The list first: this runs inside the chart's click, whose bar the figures made again
    // for the new filter would delete under it. Hidden, the forecast makes none.
    emit listRequested();
    m_filterBar.setFilter(filter, m_filterBar.searchField()->text());
    return true;
}
