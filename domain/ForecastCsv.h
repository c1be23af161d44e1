#pragma once

#include "Forecast.h"
#include "PeopleBook.h"
#include "WinLoss.h"

#include <QCoreApplication>
#include <QString>

// The figures of a forecast and of won/lost as CSV (RFC 4180: comma separated, CRLF line ends,
// a field quoted when it holds a comma, a quote or a line break), for a spreadsheet or a script.
//
// Three tables, each with its header row, separated by an empty line:
// 1. The forecast, one row per series and bucket, in the Forecast's order (every owner, also
//    those the chart folds into "Others"):
//    series,name,bucket,currency,amount,count  ("weighted_amount" when weighted)
//    series: the stage id or the owner id (empty: no owner); name: the stage's or the owner's
//    shown name; bucket: "overdue", an ISO month "2026-07", "later" or "no_date".
// 2. Won and lost, one row per month (ISO), then a "total" row:
//    month,currency,won_count,won_amount,lost_count,lost_amount,win_rate
//    win_rate: won / (won + lost) by count, 0 to 1; empty without a closed deal.
// 3. Only when the forecast left deals out for want of a rate:
//    left_out_currency,count,amount  (the amount in that currency)
// Amounts have a dot and two decimals, whatever the locale. Text fields go through
// CsvWriter::guarded(), so that a spreadsheet shows a name and never runs it.
class ForecastCsv final
{
    Q_DECLARE_TR_FUNCTIONS(ForecastCsv)

public:
    static QString text(const Forecast &forecast, const WinLoss &winLoss, const PeopleBook &people);
    static QString forecastTable(const Forecast &forecast, const PeopleBook &people);
    static QString winLossTable(const WinLoss &winLoss);

    // The bucket's name in the table ("overdue", "2026-07", "later", "no_date").
    static QString bucketName(const ForecastBucket &bucket);
};
