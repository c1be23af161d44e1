#pragma once

#include "PipelineSummary.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The filter bar's words for a PipelineSummary, as plain text in the user's locale. The line:
// "128 deals · open 1,234,500 EUR · weighted 612,000 EUR · won 88,000 EUR", each figure in the
// base currency as far as the rates go; a currency without a rate stays beside the converted sum
// ("open 1,200,000 EUR + 30,000 GBP") and the line ends naming the missing rate. Without a base
// currency one currency in view is shown as it is; several each on their own, and the line asks
// for a base currency. The details: the exact figures per currency and the rates used.
class PipelineSummaryText final
{
    Q_DECLARE_TR_FUNCTIONS(PipelineSummaryText)

public:
    static QString line(const PipelineSummary &summary);
    static QString details(const PipelineSummary &summary);
    // The currencies of the figures, once each.
    static QStringList currencies(const PipelineSummary &summary);
    // Those the figures need a rate for and have none (none without a base currency).
    static QStringList missingRates(const PipelineSummary &summary);
};
