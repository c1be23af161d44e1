#pragma once

#include "Forecast.h"
#include "ForecastChart.h"
#include "PeopleBook.h"

#include <QList>
#include <QStringList>

class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;
class QStackedBarSeries;

// Expected revenue by close month, stacked by stage (the board's colours) or by owner (their
// avatar colours), with "Overdue" first and "Later" and "No date" last. More than eight owners
// show as the seven largest and "Others". Clicking a bar says which series and bucket it was.
class ForecastRevenueChart final : public ForecastChart
{
    Q_OBJECT

public:
    explicit ForecastRevenueChart(QWidget *parent = nullptr);

    // At most this many bar sets: more owners fold the smallest into "Others".
    static constexpr int mostSets = 8;

    void setForecast(const Forecast &forecast, const PeopleBook &people);

    // The stacked series: no bar sets while there is nothing to draw.
    QStackedBarSeries *barSeries() const { return m_series; }
    // The index into Forecast::series a bar set shows; -1 for "Others".
    int forecastSeriesOf(int set) const { return m_setSeries.value(set, -1); }
    // The category labels, one per bucket ("Overdue", "Jul 2026", "Aug", …, "Later", "No date").
    QStringList categories() const { return m_categories; }
    // What hovering the bar of `set` in `category` shows, as plain text.
    QString toolTipText(int set, int category) const;
    // The chart's title as plain text.
    QString title() const { return m_title; }

    // A bucket's name in full ("Overdue", "July 2026", "Later (from January 2027)", "No date").
    static QString bucketText(const ForecastBucket &bucket);

signals:
    void barClicked(int series, int bucket);

private:
    // The axis labels: the year only on the first month and on January, so that twelve
    // months fit beside the detail panel.
    static QStringList categoriesOf(const QList<ForecastBucket> &buckets);
    QString seriesName(int forecastSeries, const PeopleBook &people) const;
    struct Set
    {
        QString name; // plain
        QColor colour;
        QList<double> amounts;
        QList<int> counts;
        int forecastSeries = -1; // -1: Others
    };
    // Shows these sets: refilled in place when the names and colours are those shown
    // (`oldNames`, over `oldCategories`), else made again.
    void showSets(const QList<Set> &sets, const QStringList &oldNames,
                  const QStringList &oldCategories);
    // A new bar set, the `index`th of the series.
    void addSet(int index, const QString &name, const QColor &colour, const QList<double> &amounts);

    QStackedBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_categoryAxis = nullptr;
    QCategoryAxis *m_valueAxis = nullptr;
    Forecast m_forecast;
    QStringList m_categories;
    QString m_title;
    // Per bar set: its name (plain), the Forecast series (-1: Others), its counts.
    QStringList m_setNames;
    QList<int> m_setSeries;
    QList<QList<int>> m_setCounts;
    QList<QList<double>> m_setAmounts;
    int m_othersOwners = 0;
};
