#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

// Deals won and lost per month of their last change (updated_at, in local time), in one
// currency, with the win rate. Archived deals count: closing a deal and archiving it is common.
struct WinLoss
{
    struct Month
    {
        // The first of the month.
        QDate month;
        int wonCount = 0;
        double wonAmount = 0;
        int lostCount = 0;
        double lostAmount = 0;
        // won / (won + lost) by count; none without a closed deal.
        std::optional<double> winRate() const
        {
            const int closed = wonCount + lostCount;
            return closed == 0 ? std::nullopt : std::optional<double>(double(wonCount) / closed);
        }
    };
    QString currency;
    // Oldest first, ending with the current month.
    QList<Month> months;
    // Deals left out of the amounts because their currency has no rate (still counted).
    QMap<QString, int> unconvertedCounts;

    // Over every month shown.
    std::optional<double> winRate() const;
};
