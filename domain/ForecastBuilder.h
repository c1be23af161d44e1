#pragma once

#include "CurrencyRates.h"
#include "CurrencySlots.h"
#include "Forecast.h"
#include "Opportunity.h"

#include <QHash>

// Builds a Forecast from deals, one at a time. The rule lives here once; the app's fast path
// (a pass over 100,000 packed rows on a keystroke) and the command line's slow path (whole
// records) both go through it.
//
// Fast path: look up a deal's slots once per distinct owner and currency (seriesSlot,
// currencySlot), its bucket per deal (bucketOf), then addAt(). Slow path: add(opportunity).
// Amounts are summed per currency and converted once, in result().
class ForecastBuilder final
{
public:
    // `today`: local date the buckets are measured from (overdue is before it; the first month
    // is its month).
    explicit ForecastBuilder(const ForecastOptions &options, const QDate &today);

    // Index into the buckets of Forecast::buckets for a close date (as CloseWindow::dayOf).
    int bucketOf(qint64 closeDay) const;
    // The series a deal in `stage` owned by `ownerId` counts in; -1 for a deal the forecast
    // leaves out (a closed stage). For the owner grouping, call once per distinct owner.
    int seriesSlot(Stage stage, const QString &ownerId);
    // A slot for a currency code; call once per distinct code.
    int currencySlot(const QString &currency);
    // Adds a deal's amount (already weighted if the options say so) at those slots; a series
    // of -1 (a deal left out) adds nothing.
    void addAt(int series, int bucket, int currency, double amount);

    // The slow path: applies the whole rule (archived and closed deals are left out).
    void add(const Opportunity &opportunity);

    // The figures, converted with `rates` into the options' currency (or the one chosen for
    // an empty one).
    Forecast result(const CurrencyRates &rates) const;

private:
    ForecastOptions m_options;
    QDate m_today;
    qint64 m_todayDay = 0;
    // First day of each month shown, and the day after the last one.
    QList<qint64> m_monthStarts;
    // Overdue, the months, Later, No date.
    int m_bucketCount = 0;
    QStringList m_series;
    QHash<QString, int> m_seriesByOwner;
    CurrencySlots m_currencies;
    struct Cell
    {
        double amount = 0;
        int count = 0;
    };
    // [series][currency * m_bucketCount + bucket]: a new owner appends a row, a new currency
    // appends a block to each row, so neither moves what was added before.
    QList<QList<Cell>> m_cells;
};
