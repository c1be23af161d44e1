// The forecast's revenue chart across keystrokes: the same series over the same months with new
// amounts refill the bars they have (no new sets, no new legend), with title, tooltips and clicks
// following the new figures; other series make the sets again.
#include "BarValues.h"
#include "EnglishPlurals.h"
#include "ForecastRevenueChart.h"
#include "ForecastSamples.h"
#include "ForecastView.h"
#include "Stage.h"

#include <QBarSeries>
#include <QBarSet>
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

private:
    EnglishPlurals m_plurals;
};

QTEST_MAIN(TestForecastBars)
#include "tst_forecastbars.moc"
