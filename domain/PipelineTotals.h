#pragma once

#include <QMap>
#include <QString>

// Count, total and probability-weighted total of a set of deals; money is summed per currency,
// never added across currencies.
struct PipelineTotals
{
    int count = 0;
    QMap<QString, double> value;
    QMap<QString, double> weighted;

    void add(double amount, double weightedAmount, const QString &currency)
    {
        ++count;
        value[currency] += amount;
        weighted[currency] += weightedAmount;
    }
    void add(const PipelineTotals &other)
    {
        count += other.count;
        for (auto it = other.value.cbegin(); it != other.value.cend(); ++it)
            value[it.key()] += it.value();
        for (auto it = other.weighted.cbegin(); it != other.weighted.cend(); ++it)
            weighted[it.key()] += it.value();
    }
    // "USD 1,200 · EUR 300", in the user's locale.
    static QString format(const QMap<QString, double> &perCurrency);
};
