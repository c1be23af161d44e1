#pragma once

#include "PullProgress.h"
#include "RequestGate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// What the status bar and `kashew status` say of the request budget, the next sync and a pull
// that has not finished: the same sentences in both, plain text.
class BudgetText final
{
    Q_DECLARE_TR_FUNCTIONS(BudgetText)

public:
    // "84 of 100 requests left this hour · 47 of 50 writes today"; empty without a limit.
    static QString left(const RequestGate::Usage &usage);
    // "Free plan: 100 requests an hour, 50 writes a day; lowered to 60 an hour after the server
    // refused the 61st".
    static QString plan(const RequestGate::Usage &usage);
    // The lowering in force ("lowered to 60 an hour after ..."); empty when there is none.
    static QString lowering(RequestGate *gate);
    // "next sync 16:05"; empty for an invalid time.
    static QString nextSync(const QDateTime &at);
    // "12,000 of 100,000 deals fetched; continues at 16:05"; "...; continues with the next
    // sync" when the time is not known or past.
    static QString pull(const PullProgress &progress, const QDateTime &continuesAt);
    // "16:05" today, "Tue 08:01" on another day.
    static QString timeOf(const QDateTime &at);
};
