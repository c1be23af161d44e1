#pragma once

#include "CurrencyRates.h"
#include "CurrencySlots.h"
#include "Opportunity.h"
#include "WinLoss.h"

// Builds WinLoss from closed deals over the `months` months ending with today's (open deals
// and changes outside the months are left out). Same slot scheme as ForecastBuilder: the app
// looks a currency up once per code, the command line adds whole records.
class WinLossBuilder final
{
public:
    // `currency`: as ForecastOptions::currency (empty: the base, else the most common one).
    explicit WinLossBuilder(int months, const QString &currency, const QDate &today);

    // Index into WinLoss::months for a change at `updatedMs` (ms since the epoch, bucketed by
    // local date); -1 outside the months.
    int monthOf(qint64 updatedMs) const;
    int currencySlot(const QString &currency);
    void addAt(int month, bool won, int currency, double amount);

    // The slow path: the whole rule.
    void add(const Opportunity &opportunity);

    WinLoss result(const CurrencyRates &rates) const;

private:
    int m_monthCount = 0;
    QString m_currency;
    // Local start of each month shown (ms since the epoch), and of the month after.
    QList<qint64> m_monthStartsMs;
    QList<QDate> m_months;
    CurrencySlots m_currencies;
    struct Cell
    {
        int wonCount = 0;
        double wonAmount = 0;
        int lostCount = 0;
        double lostAmount = 0;
    };
    // [currency][month], flat.
    QList<Cell> m_cells;
};
