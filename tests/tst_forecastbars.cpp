// The forecast's revenue chart across keystrokes: the same series over the same months with new
// amounts refill the bars they have (no new sets, no new legend), with title, tooltips and clicks
// following the new figures; other series make the sets again. A new money scale repaints each
// chart once.
#include "BarValues.h"
#include "EnglishPlurals.h"
#include "ForecastRevenueChart.h"
#include "ForecastSamples.h"
#include "ForecastView.h"
#include "ForecastWinLossChart.h"
#include "Stage.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QPointer>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTest>

using namespace ForecastSamples;

class TestForecastBars final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::installTranslator(&m_plurals);
    }

    void newFiguresOfTheSameSeriesRefillTheBars()
    {
        // A keystroke in the search: the same stages over the same months, other amounts. The
        // bars (and the legend with them) stay and take the new heights; the title, tooltips
        // and a click follow the new figures. Other series make the sets again.
        ForecastView view;
        Forecast forecast = byStage();
        view.show(forecast, WinLoss(), PeopleBook());
        ForecastRevenueChart *chart = view.revenueChart();
        QList<QPointer<QBarSet>> before;
        for (QBarSet *set : chart->barSeries()->barSets())
            before.append(set);
        for (QList<double> &amounts : forecast.amounts) {
            for (double &amount : amounts)
                amount /= 2;
        }
        forecast.counts[2][3] = 1;
        view.show(forecast, WinLoss(), PeopleBook());
        const QList<QBarSet *> sets = chart->barSeries()->barSets();
        QCOMPARE(sets.size(), 4);
        for (int s = 0; s < 4; ++s) {
            QVERIFY2(before.at(s), "a bar set was made again");
            QVERIFY(sets.at(s) == before.at(s));
            const Stage stage = *Stages::fromId(forecast.series.at(s));
            QCOMPARE(sets.at(s)->label(), Stages::label(stage));
            QCOMPARE(valuesOf(sets.at(s)), forecast.amounts.at(s));
        }
        QCOMPARE(chart->title(), QStringLiteral("Expected revenue: 52,200") + QChar(0x00a0) +
                                     QStringLiteral("EUR"));
        QCOMPARE(chart->toolTipText(2, 3), QStringLiteral("Proposal · September 2026\n1,650") +
                                               QChar(0x00a0) + QStringLiteral("EUR in 1 deal"));
        QSignalSpy clicked(&view, &ForecastView::barClicked);
        emit sets.at(2)->clicked(3);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 2);

        forecast.series.removeLast();
        forecast.amounts.removeLast();
        forecast.counts.removeLast();
        view.show(forecast, WinLoss(), PeopleBook());
        QCOMPARE(chart->barSeries()->barSets().size(), 3);
        for (int s = 0; s < 3; ++s)
            QCOMPARE(valuesOf(chart->barSeries()->barSets().at(s)), forecast.amounts.at(s));
    }

    void wonAndLostOfTheSameMonthsRefillTheBars()
    {
        // A keystroke: the same months, other amounts. The bars take the new heights in place
        // (emptied and filled again, the chart made every bar again) and the months' axis is
        // left as it was (set again, the chart laid out its axes again).
        ForecastView view;
        WinLoss winLoss = twoMonths();
        view.show(byStage(), winLoss, PeopleBook());
        ForecastWinLossChart *chart = view.wonLostChart();
        QBarSet *won = chart->barSeries()->barSets().at(0);
        QBarSet *lost = chart->barSeries()->barSets().at(1);
        auto *months =
            qobject_cast<QBarCategoryAxis *>(chart->chart()->axes(Qt::Horizontal).first());
        QVERIFY(months);
        QSignalSpy emptied(won, &QBarSet::valuesRemoved);
        QSignalSpy monthsSet(months, &QBarCategoryAxis::categoriesChanged);
        winLoss.months[0].wonAmount = 4000;
        winLoss.months[0].lostCount = 3;
        winLoss.months[2].lostAmount = 900;
        view.show(byStage(), winLoss, PeopleBook());
        QCOMPARE(emptied.size(), 0);
        QCOMPARE(monthsSet.size(), 0);
        QCOMPARE(valuesOf(won), QList<double>({4000, 0, 250}));
        QCOMPARE(valuesOf(lost), QList<double>({700, 0, 900}));
        QCOMPARE(chart->rateSeries()->points(), QList<QPointF>({QPointF(0, 40), QPointF(2, 50)}));
        QCOMPARE(chart->title(),
                 QStringLiteral("Won and lost: win rate 43 % (3 of 7 closed deals)"));

        // Other months: the bars and the axis follow.
        winLoss.months.removeLast();
        view.show(byStage(), winLoss, PeopleBook());
        QCOMPARE(valuesOf(won), QList<double>({4000, 0}));
        QCOMPARE(valuesOf(lost), QList<double>({700, 0}));
        QCOMPARE(months->categories(), chart->categories());
        QCOMPARE(chart->categories().size(), 2);
    }

    void theSameMoneyScaleIsLeftAlone()
    {
        // Figures under the same round maximum keep the money axis as it is (every label
        // change makes the chart measure them all again); a larger one makes a new scale.
        ForecastView view;
        Forecast forecast = byStage();
        view.show(forecast, twoMonths(), PeopleBook());
        auto *money =
            qobject_cast<QCategoryAxis *>(view.revenueChart()->chart()->axes(Qt::Vertical).first());
        QVERIFY(money);
        const QStringList labels = money->categoriesLabels();
        const double top = money->max();
        QSignalSpy changed(money, &QCategoryAxis::categoriesChanged);
        QSignalSpy ranged(money, &QValueAxis::rangeChanged);
        forecast.amounts[0][0] -= 100;
        view.show(forecast, twoMonths(), PeopleBook());
        QCOMPARE(changed.size(), 0);
        QCOMPARE(ranged.size(), 0);
        QCOMPARE(money->categoriesLabels(), labels);

        for (QList<double> &amounts : forecast.amounts) {
            for (double &amount : amounts)
                amount *= 10;
        }
        view.show(forecast, twoMonths(), PeopleBook());
        QVERIFY(changed.size() > 0);
        QCOMPARE(money->max(), top * 10);
        QCOMPARE(money->categoriesLabels().size(), labels.size());
        QCOMPARE(money->categoriesLabels().constLast(),
                 QStringLiteral("150,000") + QChar(0x00a0) + QStringLiteral("EUR"));
    }

    void aNewScaleRepaintsEachChartOnce()
    {
        // A keystroke that changes the money scale (new axis labels, a new plot area): each
        // chart is laid out with its figures and painted once, not painted, laid out and
        // painted again.
        ForecastView view;
        view.resize(900, 700);
        Forecast forecast = byStage();
        WinLoss winLoss = twoMonths();
        view.show(forecast, winLoss, PeopleBook());
        static_cast<QWidget &>(view).show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        settle();
        PaintCounter revenuePaints(view.revenueChart()->viewport());
        PaintCounter wonLostPaints(view.wonLostChart()->viewport());
        for (QList<double> &amounts : forecast.amounts) {
            for (double &amount : amounts)
                amount *= 1000;
        }
        for (WinLoss::Month &month : winLoss.months) {
            month.wonAmount *= 1000;
            month.lostAmount *= 1000;
        }
        view.show(forecast, winLoss, PeopleBook());
        settle();
        QCOMPARE(revenuePaints.count(), 1);
        QCOMPARE(wonLostPaints.count(), 1);
    }

private:
    // Counts the paints of one widget.
    class PaintCounter final : public QObject
    {
    public:
        explicit PaintCounter(QWidget *widget) { widget->installEventFilter(this); }
        int count() const { return m_count; }
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                ++m_count;
            return false;
        }

    private:
        int m_count = 0;
    };

    // What follows a change in the event loop (posted layouts, the repaint), done.
    static void settle()
    {
        for (int pass = 0; pass < 5; ++pass)
            QCoreApplication::processEvents();
    }

    EnglishPlurals m_plurals;
};

QTEST_MAIN(TestForecastBars)
#include "tst_forecastbars.moc"
