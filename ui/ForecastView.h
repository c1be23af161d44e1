#pragma once

#include "Forecast.h"
#include "PeopleBook.h"
#include "WinLoss.h"

#include <QWidget>
#include <functional>

class ForecastNote;
class ForecastOptionsBar;
class ForecastRevenueChart;
class ForecastWinLossChart;
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

    // For tests: the parts, typed.
    ForecastOptionsBar *optionsBar() const { return m_bar; }
    ForecastRevenueChart *revenueChart() const { return m_revenue; }
    ForecastWinLossChart *wonLostChart() const { return m_wonLost; }
    // The line under each chart saying which currencies were left out; hidden when none were.
    ForecastNote *forecastNote() const { return m_forecastNote; }
    ForecastNote *winLossNote() const { return m_winLossNote; }
    // What "Save as PNG…" saves: both charts with their notes.
    QWidget *chartsArea() const { return m_chartsArea; }
    // Test hooks for "Save as PNG…": where to save (given a suggestion; empty: cancelled), and
    // how a failure is told. By default a file dialog and a message box.
    void setSavePathChooser(std::function<QString(const QString &suggestedPath)> choose);
    void setSaveFailureNotice(std::function<void(const QString &message)> notice);

signals:
    // The bar's choices changed: the figures are to be made again.
    void optionsChanged();
    // A forecast bar was clicked: `series` and `bucket` index the Forecast last shown.
    void barClicked(int series, int bucket);

private:
    void saveAsPng();
    void copyFigures() const;
    void showNotes();

    ForecastOptionsBar *m_bar = nullptr;
    QWidget *m_chartsArea = nullptr;
    ForecastRevenueChart *m_revenue = nullptr;
    ForecastWinLossChart *m_wonLost = nullptr;
    ForecastNote *m_forecastNote = nullptr;
    ForecastNote *m_winLossNote = nullptr;
    QChartView *m_forecastChart = nullptr;
    QChartView *m_winLossChart = nullptr;
    Forecast m_forecast;
    WinLoss m_winLoss;
    PeopleBook m_people;
    std::function<QString(const QString &)> m_choosePath;
    std::function<void(const QString &)> m_saveFailed;
};
