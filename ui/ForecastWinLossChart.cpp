#include "ForecastWinLossChart.h"

#include "Money.h"
#include "Stage.h"
#include "StageChipDelegate.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <cmath>

namespace {

constexpr int wonSet = 0;
constexpr int lostSet = 1;

// Gives `set` these values. The same months take the new heights in place: emptied and filled
// again, the chart would make every bar again.
void refill(QBarSet *set, const QList<qreal> &values)
{
    if (set->count() != values.size()) {
        set->remove(0, set->count());
        set->append(values);
        return;
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (set->at(i) != values.at(i))
            set->replace(i, values.at(i));
    }
}

} // namespace

ForecastWinLossChart::ForecastWinLossChart(QWidget *parent)
    : ForecastChart(parent)
    , m_bars(new QBarSeries)
    , m_rates(new QLineSeries)
    , m_monthAxis(new QBarCategoryAxis)
    , m_moneyAxis(new QCategoryAxis)
{
    auto *wonBars = new QBarSet(plain(tr("Won")));
    auto *lostBars = new QBarSet(plain(tr("Lost")));
    wonBars->setColor(StageChipDelegate::colorOf(int(Stage::ClosedWon)));
    lostBars->setColor(StageChipDelegate::colorOf(int(Stage::ClosedLost)));
    m_bars->append(wonBars);
    m_bars->append(lostBars);
    for (int index : {wonSet, lostSet}) {
        connect(m_bars->barSets().at(index), &QBarSet::hovered, this,
                [this, index](bool entered, int month) {
                    if (entered)
                        QToolTip::showText(QCursor::pos(), plainToolTip(toolTipText(index, month)),
                                           this);
                    else
                        QToolTip::hideText();
                });
    }
    m_rates->setName(plain(tr("Win rate")));
    m_rates->setPointsVisible(true);
    m_rates->setColor(QColor(0x33, 0x41, 0x55));
    connect(m_rates, &QLineSeries::hovered, this, [this](const QPointF &point, bool entered) {
        if (entered) {
            QToolTip::showText(QCursor::pos(),
                               plainToolTip(rateToolTipText(int(std::lround(point.x())))), this);
        } else {
            QToolTip::hideText();
        }
    });

    auto *percentAxis = new QCategoryAxis;
    percentAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    percentAxis->setStartValue(0);
    for (int step = 25; step <= 100; step += 25)
        percentAxis->append(plain(percent(step / 100.0)), step);
    percentAxis->setRange(0, 100);
    percentAxis->setGridLineVisible(false);
    // No lines between the months: bars read without them, and antialiased they cost half
    // of the chart's repaint on every keystroke.
    m_monthAxis->setGridLineVisible(false);
    // The chart takes ownership in addSeries/addAxis; a parent of their own deleted them twice.
    chart()->addSeries(m_bars);
    chart()->addSeries(m_rates);
    chart()->addAxis(m_monthAxis, Qt::AlignBottom);
    chart()->addAxis(m_moneyAxis, Qt::AlignLeft);
    chart()->addAxis(percentAxis, Qt::AlignRight);
    m_bars->attachAxis(m_monthAxis);
    m_rates->attachAxis(m_monthAxis);
    m_bars->attachAxis(m_moneyAxis);
    m_rates->attachAxis(percentAxis);
    setWinLoss(WinLoss());
}

QString ForecastWinLossChart::percent(double rate)
{
    return tr("%1 %").arg(QLocale().toString(rate * 100, 'f', 0));
}

void ForecastWinLossChart::setWinLoss(const WinLoss &winLoss)
{
    m_winLoss = winLoss;
    const QLocale locale;
    m_categories.clear();
    int won = 0;
    int closed = 0;
    for (const WinLoss::Month &month : winLoss.months) {
        const bool withYear = m_categories.isEmpty() || month.month.month() == 1;
        m_categories.append(locale.toString(month.month, withYear ? QStringLiteral("MMM yyyy")
                                                                  : QStringLiteral("MMM")));
        won += month.wonCount;
        closed += month.wonCount + month.lostCount;
    }
    const std::optional<double> rate = winLoss.winRate();
    m_title = rate ? tr("Won and lost: win rate %1 (%2 of %n closed deal(s))", nullptr, closed)
                         .arg(percent(*rate), locale.toString(won))
                   : tr("Won and lost");
    setTitleText(m_title);
    setEmptyText(closed == 0 ? tr("No deals won or lost in these months") : QString());
    setFramed(closed != 0);

    QBarSet *wonBars = m_bars->barSets().at(wonSet);
    QBarSet *lostBars = m_bars->barSets().at(lostSet);
    QList<QPointF> rates;
    if (closed == 0) {
        wonBars->remove(0, wonBars->count());
        lostBars->remove(0, lostBars->count());
        m_rates->clear();
        layOutNow();
        return;
    }
    QStringList categories;
    for (const QString &category : std::as_const(m_categories))
        categories.append(plain(category));
    // Set again, the same months would make the chart lay out its axes again.
    if (m_monthAxis->categories() != categories)
        m_monthAxis->setCategories(categories);
    double highest = 0;
    QList<qreal> wonAmounts;
    QList<qreal> lostAmounts;
    for (qsizetype i = 0; i < winLoss.months.size(); ++i) {
        const WinLoss::Month &month = winLoss.months.at(i);
        wonAmounts.append(month.wonAmount);
        lostAmounts.append(month.lostAmount);
        highest = std::max({highest, month.wonAmount, month.lostAmount});
        if (const std::optional<double> monthRate = month.winRate())
            rates.append(QPointF(double(i), *monthRate * 100));
    }
    refill(wonBars, wonAmounts);
    refill(lostBars, lostAmounts);
    if (m_rates->points() != rates)
        m_rates->replace(rates);
    setMoneyScale(m_moneyAxis, highest, winLoss.currency);
    fitCategoryLabels();
    layOutNow();
}

QString ForecastWinLossChart::toolTipText(int set, int month) const
{
    if (month < 0 || month >= m_winLoss.months.size())
        return QString();
    const WinLoss::Month &figures = m_winLoss.months.at(month);
    const QString when = QLocale().toString(figures.month, QStringLiteral("MMMM yyyy"));
    const bool won = set == wonSet;
    const int count = won ? figures.wonCount : figures.lostCount;
    const QString amount =
        formatMoney(won ? figures.wonAmount : figures.lostAmount, m_winLoss.currency);
    return (won ? tr("Won · %1").arg(when) : tr("Lost · %1").arg(when)) + QLatin1Char('\n') +
           tr("%1 in %n deal(s)", nullptr, count).arg(amount);
}

QString ForecastWinLossChart::rateToolTipText(int month) const
{
    if (month < 0 || month >= m_winLoss.months.size())
        return QString();
    const WinLoss::Month &figures = m_winLoss.months.at(month);
    const std::optional<double> rate = figures.winRate();
    if (!rate)
        return QString();
    return tr("Win rate · %1").arg(QLocale().toString(figures.month, QStringLiteral("MMMM yyyy"))) +
           QLatin1Char('\n') +
           tr("%1: %2 won, %3 lost")
               .arg(percent(*rate), QLocale().toString(figures.wonCount),
                    QLocale().toString(figures.lostCount));
}
