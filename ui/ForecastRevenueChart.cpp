#include "ForecastRevenueChart.h"

#include "Money.h"
#include "PersonAvatar.h"
#include "ServerText.h"
#include "Stage.h"
#include "StageChipDelegate.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QLocale>
#include <QStackedBarSeries>
#include <QToolTip>
#include <algorithm>
#include <numeric>

namespace {

const QColor othersColour(0xb0, 0xb0, 0xb0);
const QColor noOwnerColour(0x8a, 0x8a, 0x8a);

double sum(const QList<double> &values)
{
    return std::accumulate(values.cbegin(), values.cend(), 0.0);
}

} // namespace

ForecastRevenueChart::ForecastRevenueChart(QWidget *parent)
    : ForecastChart(parent)
    , m_series(new QStackedBarSeries)
    , m_categoryAxis(new QBarCategoryAxis)
    , m_valueAxis(new QCategoryAxis)
{
    // The chart takes ownership in addSeries/addAxis; a parent of their own deleted them twice.
    chart()->addSeries(m_series);
    chart()->addAxis(m_categoryAxis, Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, Qt::AlignLeft);
    m_series->attachAxis(m_categoryAxis);
    m_series->attachAxis(m_valueAxis);
    // No lines between the months: bars read without them, and antialiased they cost half
    // of the chart's repaint on every keystroke.
    m_categoryAxis->setGridLineVisible(false);
    setForecast(Forecast(), PeopleBook());
}

QString ForecastRevenueChart::bucketText(const ForecastBucket &bucket)
{
    const QLocale locale;
    switch (bucket.kind) {
    case ForecastBucket::Kind::Overdue:
        return tr("Overdue");
    case ForecastBucket::Kind::Month:
        return locale.toString(bucket.month, QStringLiteral("MMMM yyyy"));
    case ForecastBucket::Kind::Later:
        return tr("Later (from %1)")
            .arg(locale.toString(bucket.month, QStringLiteral("MMMM yyyy")));
    case ForecastBucket::Kind::NoDate:
        return tr("No close date");
    }
    return QString();
}

QStringList ForecastRevenueChart::categoriesOf(const QList<ForecastBucket> &buckets)
{
    const QLocale locale;
    QStringList categories;
    bool firstMonth = true;
    for (const ForecastBucket &bucket : buckets) {
        switch (bucket.kind) {
        case ForecastBucket::Kind::Overdue:
            categories.append(tr("Overdue"));
            break;
        case ForecastBucket::Kind::Month:
            categories.append(locale.toString(bucket.month, firstMonth || bucket.month.month() == 1
                                                                ? QStringLiteral("MMM yyyy")
                                                                : QStringLiteral("MMM")));
            firstMonth = false;
            break;
        case ForecastBucket::Kind::Later:
            categories.append(tr("Later"));
            break;
        case ForecastBucket::Kind::NoDate:
            categories.append(tr("No date"));
            break;
        }
    }
    return categories;
}

QString ForecastRevenueChart::seriesName(int forecastSeries, const PeopleBook &people) const
{
    const QString &id = m_forecast.series.at(forecastSeries);
    if (m_forecast.grouping == ForecastGrouping::Stage) {
        const std::optional<Stage> stage = Stages::fromId(id);
        return stage ? Stages::label(*stage) : id;
    }
    return id.isEmpty() ? tr("No owner") : people.displayName(id);
}

void ForecastRevenueChart::showSets(const QList<Set> &sets, const QStringList &oldNames,
                                    const QStringList &oldCategories)
{
    // The same bars as shown (a keystroke in the search, mostly): their heights change in
    // place. Made again, the sets and their legend cost more than the figures did.
    const QList<QBarSet *> shown = m_series->barSets();
    bool same = shown.size() == sets.size() && oldCategories == m_categories;
    for (qsizetype i = 0; same && i < sets.size(); ++i)
        same = oldNames.value(i) == sets.at(i).name && shown.at(i)->color() == sets.at(i).colour &&
               shown.at(i)->count() == m_categories.size();
    if (!same)
        m_series->clear();
    for (qsizetype i = 0; i < sets.size(); ++i) {
        const Set &set = sets.at(i);
        m_setNames.append(set.name);
        m_setSeries.append(set.forecastSeries);
        m_setCounts.append(set.counts);
        m_setAmounts.append(set.amounts);
        if (!same) {
            addSet(static_cast<int>(i), set.name, set.colour, set.amounts);
            continue;
        }
        for (qsizetype bucket = 0; bucket < m_categories.size(); ++bucket) {
            const double amount = set.amounts.value(bucket);
            if (shown.at(i)->at(bucket) != amount)
                shown.at(i)->replace(bucket, amount);
        }
    }
}

void ForecastRevenueChart::addSet(int index, const QString &name, const QColor &colour,
                                  const QList<double> &amounts)
{
    auto *set = new QBarSet(plain(name));
    set->setColor(colour);
    set->setBorderColor(colour.darker(120));
    for (qsizetype bucket = 0; bucket < m_categories.size(); ++bucket)
        set->append(amounts.value(bucket));
    connect(set, &QBarSet::clicked, this, [this, index](int bucket) {
        // "Others" stands for several owners, which the owner filter cannot pick at once.
        if (m_setSeries.value(index, -1) >= 0)
            emit barClicked(m_setSeries.at(index), bucket);
    });
    connect(set, &QBarSet::hovered, this, [this, index](bool entered, int bucket) {
        if (entered)
            QToolTip::showText(QCursor::pos(), plainToolTip(toolTipText(index, bucket)), this);
        else
            QToolTip::hideText();
    });
    m_series->append(set);
}

void ForecastRevenueChart::setForecast(const Forecast &forecast, const PeopleBook &people)
{
    const QStringList oldCategories = m_categories;
    const QStringList oldNames = m_setNames;
    m_forecast = forecast;
    m_categories = categoriesOf(forecast.buckets);
    m_setNames.clear();
    m_setSeries.clear();
    m_setCounts.clear();
    m_setAmounts.clear();
    m_othersOwners = 0;

    const QString total = formatMoney(forecast.total(), forecast.currency);
    if (forecast.currency.isEmpty())
        m_title = tr("Expected revenue");
    else if (forecast.weighted)
        m_title = tr("Weighted expected revenue: %1").arg(total);
    else
        m_title = tr("Expected revenue: %1").arg(total);
    setTitleText(m_title);

    const bool empty = forecast.dealCount() == 0;
    setEmptyText(empty ? tr("No open deals match the filter") : QString());
    setFramed(!empty);
    if (empty) {
        m_series->clear();
        layOutNow();
        return;
    }
    QStringList categories;
    for (const QString &category : std::as_const(m_categories))
        categories.append(plain(category));
    if (m_categories != oldCategories || m_categoryAxis->categories() != categories)
        m_categoryAxis->setCategories(categories);

    // The largest owners keep a set each, in the forecast's order; the rest share one.
    QList<int> kept(forecast.series.size());
    std::iota(kept.begin(), kept.end(), 0);
    if (forecast.grouping == ForecastGrouping::Owner && kept.size() > mostSets) {
        std::stable_sort(kept.begin(), kept.end(), [&](int a, int b) {
            return sum(forecast.amounts.value(a)) > sum(forecast.amounts.value(b));
        });
        kept.resize(mostSets - 1);
        std::sort(kept.begin(), kept.end());
    }
    QList<Set> sets;
    for (int s : kept) {
        QColor colour;
        if (forecast.grouping == ForecastGrouping::Stage)
            colour = StageChipDelegate::colorOf(
                int(Stages::fromId(forecast.series.at(s)).value_or(Stage::Prospecting)));
        else
            colour = forecast.series.at(s).isEmpty() ? noOwnerColour
                                                     : PersonAvatar::colour(forecast.series.at(s));
        sets.append({seriesName(s, people), colour, forecast.amounts.value(s),
                     forecast.counts.value(s), s});
    }
    if (kept.size() < forecast.series.size()) {
        QList<double> amounts(forecast.buckets.size(), 0.0);
        QList<int> counts(forecast.buckets.size(), 0);
        for (qsizetype s = 0; s < forecast.series.size(); ++s) {
            if (kept.contains(int(s)))
                continue;
            ++m_othersOwners;
            for (qsizetype b = 0; b < forecast.buckets.size(); ++b) {
                amounts[b] += forecast.amounts.value(s).value(b);
                counts[b] += forecast.counts.value(s).value(b);
            }
        }
        sets.append({tr("Others"), othersColour, amounts, counts, -1});
    }
    showSets(sets, oldNames, oldCategories);

    double highest = 0;
    for (qsizetype b = 0; b < forecast.buckets.size(); ++b)
        highest = std::max(highest, forecast.bucketTotal(b));
    setMoneyScale(m_valueAxis, highest, forecast.currency);
    fitCategoryLabels();
    layOutNow();
}

QString ForecastRevenueChart::toolTipText(int set, int category) const
{
    if (set < 0 || set >= m_setNames.size() || category < 0 ||
        category >= m_forecast.buckets.size())
        return QString();
    const int count = m_setCounts.at(set).value(category);
    // An owner's name is the server's: isolated in the sentence.
    const QString name = m_forecast.grouping == ForecastGrouping::Owner
                             ? ServerText::isolated(m_setNames.at(set))
                             : m_setNames.at(set);
    QString text = tr("%1 · %2").arg(name, bucketText(m_forecast.buckets.at(category))) +
                   QLatin1Char('\n') +
                   tr("%1 in %n deal(s)", nullptr, count)
                       .arg(formatMoney(m_setAmounts.at(set).value(category), m_forecast.currency));
    if (m_setSeries.at(set) < 0) {
        text += QLatin1Char('\n') +
                tr("The %n owner(s) with the smallest figures. The owner filter picks one "
                   "owner, so clicking here filters nothing.",
                   nullptr, m_othersOwners);
    }
    return text;
}
