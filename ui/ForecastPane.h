#pragma once

#include "ForecastCollector.h"

#include <QObject>
#include <QStringList>

class FilterBar;
class ForecastView;
class OpportunityListModel;
class QTimer;

// Keeps the forecast view's figures those of the filter bar's deals while it shows: a change of
// the filter, the rows, the rates, the people, the stale rule or the view's options makes them
// again once per event loop pass, however many arrive in it; while hidden nothing is made, and
// the figures catch up when it shows again. A clicked bar becomes the filter bar's filter.
class ForecastPane final : public QObject
{
    Q_OBJECT

public:
    ForecastPane(OpportunityListModel &model, FilterBar &filterBar, ForecastView &view,
                 QObject *parent = nullptr);

    // Whether the view shows: only then do the figures follow every change.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    // The filter bar's summary while the forecast shows, made in the same pass as the figures
    // (made now when a change is pending).
    PipelineSummary summary();
    // The figures last shown.
    const Forecast &forecast() const { return m_figures.forecast; }
    const WinLoss &winLoss() const { return m_figures.winLoss; }
    // How many times the figures were made (for tests: once per burst of changes, none hidden).
    int recomputations() const { return m_recomputations; }

    // The filter bar's filter narrowed to the deals of a bar of the forecast last shown: its
    // close window, and its stage or its owner (in the open stages the filter keeps). False
    // when no filter can say which deals the bar holds (deals without an owner).
    bool filterToBar(int series, int bucket);

signals:
    // New figures (and a new summary) are showing.
    void figuresChanged();
    // A bar was clicked: the list is to show its deals (the filter bar's filter follows).
    void listRequested();

private:
    void invalidate();
    void recompute();

    OpportunityListModel &m_model;
    FilterBar &m_filterBar;
    ForecastView &m_view;
    QTimer *m_timer = nullptr;
    bool m_active = false;
    bool m_stale = true;
    int m_recomputations = 0;
    // Kept: it remembers which rows the searches typed let through.
    ForecastCollector m_collector{m_model};
    ForecastCollector::Figures m_figures;
    // The day the figures were made on: a bar's months are measured from it.
    QDate m_today;
    // What the view's currency choice was last given (giving it again could reset the choice).
    QStringList m_currencies;
    QString m_baseCurrency;
};
