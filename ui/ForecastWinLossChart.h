#pragma once

#include "ForecastChart.h"
#include "WinLoss.h"

#include <QStringList>

class QBarCategoryAxis;
class QBarSeries;
class QCategoryAxis;
class QLineSeries;

// Won against lost by month: a "Won" and a "Lost" bar per month in the currency, and the win
// rate as a line on a percent axis at the right. The title has the rate over all the months,
// the tooltips the counts.
class ForecastWinLossChart final : public ForecastChart
{
    Q_OBJECT

public:
    explicit ForecastWinLossChart(QWidget *parent = nullptr);

    void setWinLoss(const WinLoss &winLoss);

    // The bars (set 0 won, set 1 lost); empty while no deal was won or lost.
    QBarSeries *barSeries() const { return m_bars; }
    // The win rate in percent, x the month's index: months without a closed deal have no point.
    QLineSeries *rateSeries() const { return m_rates; }
    QStringList categories() const { return m_categories; }
    QString title() const { return m_title; }
    // What hovering shows, as plain text: a bar (set 0 won, 1 lost) or the rate's point.
    QString toolTipText(int set, int month) const;
    QString rateToolTipText(int month) const;

private:
    static QString percent(double rate);

    WinLoss m_winLoss;
    QBarSeries *m_bars = nullptr;
    QLineSeries *m_rates = nullptr;
    QBarCategoryAxis *m_monthAxis = nullptr;
    QCategoryAxis *m_moneyAxis = nullptr;
    QStringList m_categories;
    QString m_title;
};
