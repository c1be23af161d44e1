// The forecast's rule, written once:
// - Only open deals (prospecting to negotiation) count, never an archived one.
// - Buckets in order: Overdue (close date before today), the months (month 0 is today's, from
//   today on), Later (after the last month; its `month` is the first day after them), No date.
//   The months are options.months clamped to 1..24.
// - Series: by stage, the four open stages always, in pipeline order; by owner, the owners
//   (an empty id for no owner) with a deal counted, by converted total descending, then by id.
// - Weighted: value × probability / 100.
// - Amounts are summed per currency in each cell and converted once, in result(), into the
//   target currency (ReportCurrency); what has no rate is left out of the figures and told in
//   Forecast::unconverted.
#include "ForecastBuilder.h"

#include "ReportCurrency.h"

#include <algorithm>
#include <numeric>

namespace {

constexpr int minMonths = 1;
constexpr int maxMonths = 24;
constexpr int overdueBucket = 0;

} // namespace

ForecastBuilder::ForecastBuilder(const ForecastOptions &options, const QDate &today)
    : m_options(options)
    , m_today(today)
    , m_todayDay(CloseWindow::dayOf(today))
{
    m_options.months = std::clamp(m_options.months, minMonths, maxMonths);
    m_bucketCount = m_options.months + 3;
    const QDate firstMonth(today.year(), today.month(), 1);
    for (int i = 0; i <= m_options.months; ++i)
        m_monthStarts.append(CloseWindow::dayOf(firstMonth.addMonths(i)));
    if (m_options.grouping == ForecastGrouping::Stage) {
        for (Stage stage : Stages::all()) {
            if (!Stages::isClosed(stage)) {
                m_series.append(Stages::id(stage));
                m_cells.append(QList<Cell>());
            }
        }
    }
}

int ForecastBuilder::bucketOf(qint64 closeDay) const
{
    const int months = m_options.months;
    if (closeDay == CloseWindow::noDay)
        return months + 2;
    if (closeDay < m_todayDay)
        return overdueBucket;
    if (closeDay >= m_monthStarts.constLast())
        return months + 1;
    // The last month start at or before the day: month i is bucket i + 1.
    const auto after = std::upper_bound(m_monthStarts.cbegin(), m_monthStarts.cend(), closeDay);
    return static_cast<int>(after - m_monthStarts.cbegin());
}

int ForecastBuilder::seriesSlot(Stage stage, const QString &ownerId)
{
    if (Stages::isClosed(stage))
        return -1;
    // The open stages are the first four of the pipeline order, the stage series' order.
    if (m_options.grouping == ForecastGrouping::Stage)
        return static_cast<int>(stage);
    const auto it = m_seriesByOwner.constFind(ownerId);
    if (it != m_seriesByOwner.cend())
        return it.value();
    const int slot = static_cast<int>(m_series.size());
    m_series.append(ownerId);
    m_seriesByOwner.insert(ownerId, slot);
    m_cells.append(QList<Cell>(m_currencies.size() * m_bucketCount));
    return slot;
}

int ForecastBuilder::currencySlot(const QString &currency)
{
    const CurrencySlots::Slot slot = m_currencies.slot(currency);
    if (slot.added) {
        for (QList<Cell> &row : m_cells)
            row.resize(row.size() + m_bucketCount);
    }
    return slot.index;
}

void ForecastBuilder::addAt(int series, int bucket, int currency, double amount)
{
    if (series < 0)
        return;
    Cell &cell = m_cells[series][currency * m_bucketCount + bucket];
    cell.amount += amount;
    ++cell.count;
}

void ForecastBuilder::add(const Opportunity &opportunity)
{
    if (opportunity.isArchived)
        return;
    const int series = seriesSlot(opportunity.stage, opportunity.ownerId);
    if (series < 0)
        return;
    const double amount = m_options.weighted ? opportunity.weightedValue() : opportunity.value;
    addAt(series, bucketOf(CloseWindow::dayOf(opportunity.expectedCloseDate)),
          currencySlot(opportunity.currency), amount);
}

Forecast ForecastBuilder::result(const CurrencyRates &rates) const
{
    Forecast forecast;
    forecast.weighted = m_options.weighted;
    forecast.grouping = m_options.grouping;

    forecast.buckets.append({ForecastBucket::Kind::Overdue, QDate()});
    for (int i = 0; i < m_options.months; ++i)
        forecast.buckets.append(
            {ForecastBucket::Kind::Month, QDate::fromJulianDay(m_monthStarts[i])});
    forecast.buckets.append(
        {ForecastBucket::Kind::Later, QDate::fromJulianDay(m_monthStarts.constLast())});
    forecast.buckets.append({ForecastBucket::Kind::NoDate, QDate()});

    QMap<QString, int> countsByCurrency;
    for (const QList<Cell> &row : m_cells) {
        for (qsizetype c = 0; c < m_currencies.size(); ++c) {
            for (int b = 0; b < m_bucketCount; ++b)
                countsByCurrency[m_currencies.code(c)] += row[c * m_bucketCount + b].count;
        }
    }
    forecast.currency = ReportCurrency::choose(m_options.currency, rates, countsByCurrency);

    const qsizetype seriesCount = m_series.size();
    QList<QList<double>> amounts(seriesCount, QList<double>(m_bucketCount, 0.0));
    QList<QList<int>> counts(seriesCount, QList<int>(m_bucketCount, 0));
    for (int c : m_currencies.alphabetical()) {
        const QString &code = m_currencies.code(c);
        for (qsizetype s = 0; s < seriesCount; ++s) {
            for (int b = 0; b < m_bucketCount; ++b) {
                const Cell &cell = m_cells[s][c * m_bucketCount + b];
                if (cell.count == 0)
                    continue;
                if (const auto converted =
                        ReportCurrency::convert(cell.amount, code, forecast.currency, rates)) {
                    amounts[s][b] += *converted;
                    counts[s][b] += cell.count;
                } else {
                    Forecast::Unconverted &left = forecast.unconverted[code];
                    left.count += cell.count;
                    left.amount += cell.amount;
                }
            }
        }
    }

    QList<int> seriesOrder(seriesCount);
    std::iota(seriesOrder.begin(), seriesOrder.end(), 0);
    if (m_options.grouping == ForecastGrouping::Owner) {
        // An owner whose deals all lack a rate has no figure to show.
        seriesOrder.removeIf([&counts](int s) {
            return std::all_of(counts[s].cbegin(), counts[s].cend(), [](int n) { return n == 0; });
        });
        QList<double> totals(seriesCount, 0.0);
        for (qsizetype s = 0; s < seriesCount; ++s)
            totals[s] = std::accumulate(amounts[s].cbegin(), amounts[s].cend(), 0.0);
        std::sort(seriesOrder.begin(), seriesOrder.end(), [&](int a, int b) {
            if (totals[a] != totals[b])
                return totals[a] > totals[b];
            return m_series[a] < m_series[b];
        });
    }
    for (int s : seriesOrder) {
        forecast.series.append(m_series[s]);
        forecast.amounts.append(amounts[s]);
        forecast.counts.append(counts[s]);
    }
    return forecast;
}
