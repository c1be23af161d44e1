// Won and lost, written once:
// - Only closed deals (closed_won, closed_lost) count, archived ones too; open deals never.
// - A deal counts in the local month of its updated_at, over the `months` months (clamped to
//   1..24) ending with today's month, oldest first; a change outside them is left out.
// - Amounts are the deals' values, summed per currency and converted once, in result(), into
//   the chosen currency (ReportCurrency). A deal whose currency has no rate still counts in
//   the counts; WinLoss::unconvertedCounts says how many per currency.
#include "WinLossBuilder.h"

#include "ReportCurrency.h"

#include <algorithm>

namespace {

constexpr int minMonths = 1;
constexpr int maxMonths = 24;

// The first local instant of a day; of the next one for a day the zone skipped whole.
qint64 localStartMs(const QDate &day)
{
    const QDateTime start = day.startOfDay();
    return (start.isValid() ? start : day.addDays(1).startOfDay()).toMSecsSinceEpoch();
}

} // namespace

WinLossBuilder::WinLossBuilder(int months, const QString &currency, const QDate &today)
    : m_monthCount(std::clamp(months, minMonths, maxMonths))
    , m_currency(currency)
{
    const QDate thisMonth(today.year(), today.month(), 1);
    for (int i = m_monthCount - 1; i >= 0; --i)
        m_months.append(thisMonth.addMonths(-i));
    // Local midnights, taken once: monthOf() compares numbers only.
    for (const QDate &month : std::as_const(m_months))
        m_monthStartsMs.append(localStartMs(month));
    m_monthStartsMs.append(localStartMs(thisMonth.addMonths(1)));
}

int WinLossBuilder::monthOf(qint64 updatedMs) const
{
    if (updatedMs < m_monthStartsMs.constFirst() || updatedMs >= m_monthStartsMs.constLast())
        return -1;
    const auto after =
        std::upper_bound(m_monthStartsMs.cbegin(), m_monthStartsMs.cend(), updatedMs);
    return static_cast<int>(after - m_monthStartsMs.cbegin()) - 1;
}

int WinLossBuilder::currencySlot(const QString &currency)
{
    const CurrencySlots::Slot slot = m_currencies.slot(currency);
    if (slot.added)
        m_cells.resize(m_cells.size() + m_monthCount);
    return slot.index;
}

void WinLossBuilder::addAt(int month, bool won, int currency, double amount)
{
    if (month < 0)
        return;
    Cell &cell = m_cells[currency * m_monthCount + month];
    if (won) {
        ++cell.wonCount;
        cell.wonAmount += amount;
    } else {
        ++cell.lostCount;
        cell.lostAmount += amount;
    }
}

void WinLossBuilder::add(const Opportunity &opportunity)
{
    if (!Stages::isClosed(opportunity.stage) || !opportunity.updatedAt.isValid())
        return;
    const int month = monthOf(opportunity.updatedAt.toMSecsSinceEpoch());
    if (month < 0)
        return;
    addAt(month, opportunity.stage == Stage::ClosedWon, currencySlot(opportunity.currency),
          opportunity.value);
}

WinLoss WinLossBuilder::result(const CurrencyRates &rates) const
{
    WinLoss winLoss;
    QMap<QString, int> countsByCurrency;
    for (qsizetype c = 0; c < m_currencies.size(); ++c) {
        for (int m = 0; m < m_monthCount; ++m) {
            const Cell &cell = m_cells[c * m_monthCount + m];
            countsByCurrency[m_currencies.code(c)] += cell.wonCount + cell.lostCount;
        }
    }
    winLoss.currency = ReportCurrency::choose(m_currency, rates, countsByCurrency);

    for (const QDate &month : m_months)
        winLoss.months.append({month});
    for (int c : m_currencies.alphabetical()) {
        const QString &code = m_currencies.code(c);
        for (int m = 0; m < m_monthCount; ++m) {
            const Cell &cell = m_cells[c * m_monthCount + m];
            const int closed = cell.wonCount + cell.lostCount;
            if (closed == 0)
                continue;
            WinLoss::Month &month = winLoss.months[m];
            month.wonCount += cell.wonCount;
            month.lostCount += cell.lostCount;
            const auto won = ReportCurrency::convert(cell.wonAmount, code, winLoss.currency, rates);
            const auto lost =
                ReportCurrency::convert(cell.lostAmount, code, winLoss.currency, rates);
            if (won && lost) {
                month.wonAmount += *won;
                month.lostAmount += *lost;
            } else {
                winLoss.unconvertedCounts[code] += closed;
            }
        }
    }
    return winLoss;
}
