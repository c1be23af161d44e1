#include "WinLoss.h"

std::optional<double> WinLoss::winRate() const
{
    int won = 0;
    int closed = 0;
    for (const Month &month : months) {
        won += month.wonCount;
        closed += month.wonCount + month.lostCount;
    }
    return closed == 0 ? std::nullopt : std::optional<double>(double(won) / closed);
}
