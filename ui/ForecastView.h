#pragma once

#include "Forecast.h"
#include "PeopleBook.h"
#include "WinLoss.h"

#include <QWidget>

class QChartView;

// The forecast as pictures (Qt Charts): expected revenue by close month stacked by stage or
// owner, and won against lost by month with the win rate. Its bar above chooses the months, the
// grouping, weighted or not and the currency; it shows what it is given and says which bar was
// clicked. The figures can be saved as PNG and copied as CSV.
class ForecastView final : public QWidget
{
    Q_OBJECT

public:
    explicit ForecastView(QWidget *parent = nullptr);

    // What the bar above the charts chooses (months 6 to 12, stage or owner, weighted, currency).
    ForecastOptions options() const;
    // The currencies the currency choice offers besides the base one (the model's currencies).
    void setCurrencies(const QStringList &currencies, const QString &baseCurrency);
    // Shows these figures; owners by the book's names.
    void show(const Forecast &forecast, const WinLoss &winLoss, const PeopleBook &people);

    // The figures of both charts as CSV (RFC 4180, a header row, ISO months, dot decimals).
    QString csv() const;
    // Both charts as one PNG image; false (and why in `error`) when it could not be written.
    bool savePng(const QString &path, QString *error) const;

    QChartView *forecastChart() const { return m_forecastChart; }
    QChartView *winLossChart() const { return m_winLossChart; }

signals:
    // The bar's choices changed: the figures are to be made again.
    void optionsChanged();
    // A forecast bar was clicked: `series` and `bucket` index the Forecast last shown.
    void barClicked(int series, int bucket);

private:
    QChartView *m_forecastChart = nullptr;
    QChartView *m_winLossChart = nullptr;
};
