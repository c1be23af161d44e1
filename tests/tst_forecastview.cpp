// The forecast charts: the bars hold the figures they are given, per category; a click on a bar
// names its series and bucket (none for "Others"); the bar above gives the options and says
// once per change; the CSV is exact; the PNG loads; server text shows literally; the notes say
// what was left out; an empty forecast shows a plain text, no axes.
#include "BarValues.h"
#include "EnglishPlurals.h"
#include "ForecastNote.h"
#include "ForecastOptionsBar.h"
#include "ForecastRevenueChart.h"
#include "ForecastSamples.h"
#include "ForecastView.h"
#include "ForecastWinLossChart.h"
#include "PersonAvatar.h"
#include "Stage.h"
#include "StageChipDelegate.h"

#include <QAbstractAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGraphicsTextItem>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace ForecastSamples;

namespace {

// The texts a chart draws inside `parent` (its legend, say), as the user reads them.
QStringList textsIn(QChartView *view, const QGraphicsItem *parent)
{
    QStringList texts;
    const QList<QGraphicsItem *> items = view->scene()->items();
    for (QGraphicsItem *item : items) {
        auto *text = qgraphicsitem_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible())
            continue;
        for (const QGraphicsItem *up = item; up; up = up->parentItem()) {
            if (up == parent || !parent) {
                texts.append(text->toPlainText());
                break;
            }
        }
    }
    return texts;
}

QString withoutIsolates(QString text)
{
    return text.remove(QChar(0x2068)).remove(QChar(0x2069));
}

void showAt(QWidget &widget, QSize size)
{
    widget.resize(size);
    widget.setVisible(true);
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
}

} // namespace

class TestForecastView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::installTranslator(&m_plurals);
    }

    void barSetsHoldTheFiguresPerCategory()
    {
        ForecastView view;
        const Forecast forecast = byStage();
        view.show(forecast, WinLoss(), PeopleBook());
        QStackedBarSeries *series = view.revenueChart()->barSeries();
        QVERIFY(series);
        QCOMPARE(view.revenueChart()->categories(),
                 QStringList({QStringLiteral("Overdue"), QStringLiteral("Jul 2026"),
                              QStringLiteral("Aug"), QStringLiteral("Sep"), QStringLiteral("Oct"),
                              QStringLiteral("Nov"), QStringLiteral("Dec"), QStringLiteral("Later"),
                              QStringLiteral("No date")}));
        const QList<QBarSet *> sets = series->barSets();
        QCOMPARE(sets.size(), 4);
        for (int s = 0; s < 4; ++s) {
            const Stage stage = *Stages::fromId(forecast.series.at(s));
            QCOMPARE(sets.at(s)->label(), Stages::label(stage));
            QCOMPARE(sets.at(s)->color(), StageChipDelegate::colorOf(int(stage)));
            QCOMPARE(valuesOf(sets.at(s)), forecast.amounts.at(s));
        }
        const QString total =
            QStringLiteral("Expected revenue: 104,400") + QChar(0x00a0) + QStringLiteral("EUR");
        QCOMPARE(forecast.total(), 104400.0);
        QCOMPARE(view.revenueChart()->title(), total);
        QCOMPARE(view.revenueChart()->toolTipText(2, 3),
                 QStringLiteral("Proposal · September 2026\n3,300") + QChar(0x00a0) +
                     QStringLiteral("EUR in 2 deals"));
        QVERIFY(view.revenueChart()->emptyText().isEmpty());
    }

    void moreThanEightOwnersShowTheLargestSevenAndOthers()
    {
        PeopleBook people;
        const Forecast forecast = byTenOwners(&people);
        ForecastView view;
        view.show(forecast, WinLoss(), people);
        ForecastRevenueChart *chart = view.revenueChart();
        const QList<QBarSet *> sets = chart->barSeries()->barSets();
        QStringList labels;
        for (const QBarSet *set : sets)
            labels.append(set->label());
        QCOMPARE(labels, QStringList({QStringLiteral("Owner 3"), QStringLiteral("Owner 9"),
                                      QStringLiteral("Owner 8"), QStringLiteral("Owner 4"),
                                      QStringLiteral("Owner 7"), QStringLiteral("Owner 6"),
                                      QStringLiteral("Owner 5"), QStringLiteral("Others")}));
        QCOMPARE(sets.at(1)->color(), PersonAvatar::colour(QStringLiteral("o9")));
        QCOMPARE(chart->forecastSeriesOf(1), 2);
        QCOMPARE(chart->forecastSeriesOf(7), -1);
        // Owners 0, 1 and 2: 1,000 + 2,000 + 3,000 in July, 3 × 10 without a date.
        QCOMPARE(valuesOf(sets.at(7)), QList<double>({0, 6000, 0, 0, 0, 0, 0, 0, 30}));
        QCOMPARE(valuesOf(sets.at(0)), forecast.amounts.at(0));
        QVERIFY2(chart->toolTipText(7, 1).contains(QStringLiteral("filters nothing")),
                 qPrintable(chart->toolTipText(7, 1)));
        QVERIFY(chart->toolTipText(7, 1).contains(QStringLiteral("in 3 deals")));
    }

    void clickingABarNamesItsSeriesAndBucket()
    {
        PeopleBook people;
        ForecastView view;
        view.show(byTenOwners(&people), WinLoss(), people);
        QSignalSpy clicked(&view, &ForecastView::barClicked);
        const QList<QBarSet *> sets = view.revenueChart()->barSeries()->barSets();
        emit sets.at(3)->clicked(8);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 6); // Owner 4 is the forecast's seventh series
        QCOMPARE(clicked.at(0).at(1).toInt(), 8);
        emit sets.at(7)->clicked(1); // "Others": no single owner to filter by
        QCOMPARE(clicked.size(), 1);

        // A real click in the middle of Owner 9's July bar.
        showAt(view, QSize(1024, 700));
        QChartView *chartView = view.forecastChart();
        QChart *chart = chartView->chart();
        const double below = 4000; // Owner 3 (4,000) stacks under Owner 9 (10,000)
        const QPointF inChart =
            chart->mapToPosition(QPointF(1, below + 5000), view.revenueChart()->barSeries());
        const QPoint at = chartView->mapFromScene(chart->mapToScene(inChart));
        QTest::mouseClick(chartView->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(clicked.size(), 2);
        QCOMPARE(clicked.at(1).at(0).toInt(), 2);
        QCOMPARE(clicked.at(1).at(1).toInt(), 1);
    }

    void optionsFollowTheBarOncePerChange()
    {
        ForecastView view;
        QSignalSpy changed(&view, &ForecastView::optionsChanged);
        ForecastOptions expected;
        QCOMPARE(view.options().months, 6);
        ForecastOptionsBar *bar = view.optionsBar();
        QCOMPARE(bar->monthsBox()->count(), 7); // 6 to 12
        bar->monthsBox()->setCurrentIndex(bar->monthsBox()->findData(9));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(view.options().months, 9);
        bar->groupingBox()->setCurrentIndex(1);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(view.options().grouping, ForecastGrouping::Owner);
        bar->weightedBox()->setChecked(true);
        QCOMPARE(changed.size(), 3);
        QVERIFY(view.options().weighted);

        view.setCurrencies({QStringLiteral("EUR"), QStringLiteral("GBP"), QStringLiteral("USD")},
                           QStringLiteral("EUR"));
        QCOMPARE(changed.size(), 3); // the choice is still the base currency
        QComboBox *currency = bar->currencyBox();
        QCOMPARE(currency->count(), 3);
        QCOMPARE(currency->itemText(0), QStringLiteral("EUR (base)"));
        QCOMPARE(currency->itemText(1), QStringLiteral("GBP"));
        QVERIFY(view.options().currency.isEmpty());
        currency->setCurrentIndex(1);
        QCOMPARE(changed.size(), 4);
        QCOMPARE(view.options().currency, QStringLiteral("GBP"));
        view.setCurrencies({QStringLiteral("GBP"), QStringLiteral("USD"), QStringLiteral("CHF")},
                           QStringLiteral("EUR"));
        QCOMPARE(changed.size(), 4); // GBP is still offered and still chosen
        QCOMPARE(view.options().currency, QStringLiteral("GBP"));
        view.setCurrencies({QStringLiteral("USD")}, QStringLiteral("EUR"));
        QCOMPARE(changed.size(), 5); // GBP went: back to the base currency
        QVERIFY(view.options().currency.isEmpty());
        QCOMPARE(view.options().months, 9);
        QCOMPARE(view.options().grouping, ForecastGrouping::Owner);
    }

    void csvHasTheExactFigures()
    {
        Forecast forecast;
        forecast.currency = QStringLiteral("EUR");
        forecast.weighted = true;
        forecast.grouping = ForecastGrouping::Owner;
        forecast.buckets = {{ForecastBucket::Kind::Overdue, QDate()},
                            {ForecastBucket::Kind::Month, july},
                            {ForecastBucket::Kind::Later, QDate(2026, 8, 1)},
                            {ForecastBucket::Kind::NoDate, QDate()}};
        forecast.series = {QStringLiteral("u1"), QStringLiteral("u2"), QString()};
        forecast.amounts = {{1.5, 1000, 0, 0}, {0, 0, 2500.125, 0}, {0, 0, 0, 42}};
        forecast.counts = {{1, 2, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        forecast.unconverted.insert(QStringLiteral("GBP"), {2, 300.5});
        PeopleBook people;
        people.insert(Person{QStringLiteral("u1"), QStringLiteral("Souza, \"Ana\""), QString()});
        people.insert(Person{QStringLiteral("u2"), QStringLiteral("=1+2"), QString()});
        ForecastView view;
        view.show(forecast, twoMonths(), people);
        const QString expected =
            QStringLiteral("series,name,bucket,currency,weighted_amount,count\r\n"
                           "u1,\"Souza, \"\"Ana\"\"\",overdue,EUR,1.50,1\r\n"
                           "u1,\"Souza, \"\"Ana\"\"\",2026-07,EUR,1000.00,2\r\n"
                           "u1,\"Souza, \"\"Ana\"\"\",later,EUR,0.00,0\r\n"
                           "u1,\"Souza, \"\"Ana\"\"\",no_date,EUR,0.00,0\r\n"
                           "u2,'=1+2,overdue,EUR,0.00,0\r\n"
                           "u2,'=1+2,2026-07,EUR,0.00,0\r\n"
                           "u2,'=1+2,later,EUR,2500.13,1\r\n"
                           "u2,'=1+2,no_date,EUR,0.00,0\r\n"
                           ",No owner,overdue,EUR,0.00,0\r\n"
                           ",No owner,2026-07,EUR,0.00,0\r\n"
                           ",No owner,later,EUR,0.00,0\r\n"
                           ",No owner,no_date,EUR,42.00,1\r\n"
                           "\r\n"
                           "month,currency,won_count,won_amount,lost_count,lost_amount,win_rate\r\n"
                           "2026-06,EUR,2,5000.50,1,700.00,0.6667\r\n"
                           "2026-07,EUR,0,0.00,0,0.00,\r\n"
                           "2026-08,EUR,1,250.00,1,125.00,0.5000\r\n"
                           "total,EUR,3,5250.50,2,825.00,0.6000\r\n"
                           "\r\n"
                           "left_out_currency,count,amount\r\n"
                           "GBP,2,300.50\r\n");
        QCOMPARE(view.csv(), expected);

        view.optionsBar()->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    }

    void savesBothChartsAsPng()
    {
        ForecastView view;
        showAt(view, QSize(1024, 700));
        view.show(byStage(), twoMonths(), PeopleBook());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("forecast.png"));
        QString error;
        QVERIFY2(view.savePng(path, &error), qPrintable(error));
        const QImage image(path);
        QVERIFY(!image.isNull());
        const qreal ratio = view.devicePixelRatioF();
        QCOMPARE(image.size(), view.chartsArea()->size() * ratio);
        QVERIFY(view.chartsArea()->height() >
                view.forecastChart()->height() + view.winLossChart()->height() - 1);

        QVERIFY(!view.savePng(dir.filePath(QStringLiteral("missing/forecast.png")), &error));
        QVERIFY(!error.isEmpty());

        // The button: a path chosen (the dialog's hook), the file written, nothing to tell.
        const QString chosen = dir.filePath(QStringLiteral("chosen.png"));
        QStringList failures;
        view.setSavePathChooser([&](const QString &suggested) {
            return suggested.endsWith(QStringLiteral(".png")) ? chosen : QString();
        });
        view.setSaveFailureNotice([&](const QString &message) { failures.append(message); });
        view.optionsBar()->saveButton()->click();
        QVERIFY(QImage(chosen).size() == image.size());
        QVERIFY(failures.isEmpty());
        view.setSavePathChooser(
            [&](const QString &) { return dir.filePath(QStringLiteral("no/such/dir.png")); });
        view.optionsBar()->saveButton()->click();
        QCOMPARE(failures.size(), 1);
    }

    void ownerNamesShowAsPlainText()
    {
        const QString name = QStringLiteral("<b>x</b>");
        PeopleBook people;
        people.insert(Person{QStringLiteral("u1"), name, QString()});
        Forecast forecast;
        forecast.currency = QStringLiteral("<i>C</i>");
        forecast.grouping = ForecastGrouping::Owner;
        forecast.buckets = sixMonths();
        forecast.series = {QStringLiteral("u1")};
        forecast.amounts = {QList<double>(9, 100.0)};
        forecast.counts = {QList<int>(9, 1)};
        ForecastView view;
        showAt(view, QSize(1024, 700));
        view.show(forecast, WinLoss(), people);
        QCoreApplication::processEvents();
        QChartView *chartView = view.forecastChart();
        QVERIFY2(textsIn(chartView, chartView->chart()->legend()).contains(name),
                 qPrintable(textsIn(chartView, nullptr).join(QLatin1Char('|'))));
        const QStringList all = textsIn(chartView, nullptr);
        QVERIFY2(std::any_of(all.cbegin(), all.cend(),
                             [](const QString &text) {
                                 return text.startsWith(QStringLiteral("Expected revenue: 900")) &&
                                        text.endsWith(QStringLiteral("<i>C</i>"));
                             }),
                 qPrintable(all.join(QLatin1Char('|'))));
        QTextDocument tip;
        tip.setHtml(ForecastChart::plainToolTip(view.revenueChart()->toolTipText(0, 1)));
        QVERIFY2(tip.toPlainText().contains(name), qPrintable(tip.toPlainText()));
    }

    void notesSayWhichCurrenciesWereLeftOut()
    {
        Forecast forecast = byStage();
        WinLoss winLoss = twoMonths();
        ForecastView view;
        view.show(forecast, winLoss, PeopleBook());
        QVERIFY(view.forecastNote()->isHidden());
        QVERIFY(view.winLossNote()->isHidden());

        forecast.unconverted.insert(QStringLiteral("GBP"), {2, 1500});
        forecast.unconverted.insert(QStringLiteral("JPY"), {1, 50000});
        winLoss.unconvertedCounts.insert(QStringLiteral("CHF"), 3);
        view.show(forecast, winLoss, PeopleBook());
        const QChar nbsp(0x00a0);
        QCOMPARE(withoutIsolates(view.forecastNote()->text()),
                 QStringLiteral("Left out, for want of a rate to EUR: 2 deals in GBP (1,500") +
                     nbsp + QStringLiteral("GBP) and 1 deal in JPY (50,000") + nbsp +
                     QStringLiteral("JPY). A rate in Settings ▸ Money brings them in."));
        QVERIFY(!view.forecastNote()->isHidden());
        QCOMPARE(view.forecastNote()->textFormat(), Qt::PlainText);
        QCOMPARE(withoutIsolates(view.winLossNote()->text()),
                 QStringLiteral("The amounts leave out 3 deals in CHF, for want of a rate to "
                                "EUR; the counts and the win rate include them. A rate in "
                                "Settings ▸ Money brings them in."));
        QVERIFY(!view.winLossNote()->isHidden());
    }

    void emptyFiguresShowAPlainText()
    {
        Forecast forecast;
        forecast.buckets = sixMonths();
        forecast.series = {QStringLiteral("prospecting")};
        forecast.amounts = {QList<double>(9, 0.0)};
        forecast.counts = {QList<int>(9, 0)};
        WinLoss winLoss;
        winLoss.months = {{QDate(2026, 7, 1), 0, 0, 0, 0}};
        ForecastView view;
        showAt(view, QSize(700, 600));
        view.show(byStage(), twoMonths(), PeopleBook());
        view.show(forecast, winLoss, PeopleBook());
        QCOMPARE(view.revenueChart()->emptyText(),
                 QStringLiteral("No open deals match the filter"));
        QCOMPARE(view.revenueChart()->barSeries()->count(), 0);
        QCOMPARE(view.wonLostChart()->emptyText(),
                 QStringLiteral("No deals won or lost in these months"));
        QCOMPARE(view.wonLostChart()->barSeries()->barSets().at(0)->count(), 0);
        QCOMPARE(view.wonLostChart()->rateSeries()->count(), 0);
        // No axis, no legend: no scale of nothing.
        for (QChartView *chart : {view.forecastChart(), view.winLossChart()}) {
            QVERIFY(!chart->chart()->axes().isEmpty());
            for (const QAbstractAxis *axis : chart->chart()->axes())
                QVERIFY(!axis->isVisible());
            QVERIFY(!chart->chart()->legend()->isVisible());
        }
        // Figures again: axes and legend back.
        view.show(byStage(), twoMonths(), PeopleBook());
        for (QChartView *chart : {view.forecastChart(), view.winLossChart()}) {
            for (const QAbstractAxis *axis : chart->chart()->axes())
                QVERIFY(axis->isVisible());
            QVERIFY(chart->chart()->legend()->isVisible());
        }
        QVERIFY(view.csv().startsWith(QStringLiteral("series,name,bucket,currency,amount,count")));
    }

    void wonAndLostByMonthWithTheWinRate()
    {
        ForecastView view;
        view.show(byStage(), twoMonths(), PeopleBook());
        ForecastWinLossChart *chart = view.wonLostChart();
        QCOMPARE(chart->categories(), QStringList({QStringLiteral("Jun 2026"),
                                                   QStringLiteral("Jul"), QStringLiteral("Aug")}));
        const QList<QBarSet *> sets = chart->barSeries()->barSets();
        QCOMPARE(sets.size(), 2);
        QCOMPARE(sets.at(0)->label(), QStringLiteral("Won"));
        QCOMPARE(valuesOf(sets.at(0)), QList<double>({5000.5, 0, 250}));
        QCOMPARE(valuesOf(sets.at(1)), QList<double>({700, 0, 125}));
        // No point for July: nothing closed then.
        const QList<QPointF> rates = chart->rateSeries()->points();
        QCOMPARE(rates.size(), 2);
        QCOMPARE(rates.at(0).x(), 0.0);
        QCOMPARE(qRound(rates.at(0).y() * 100), 6667);
        QCOMPARE(rates.at(1), QPointF(2, 50));
        QCOMPARE(chart->title(),
                 QStringLiteral("Won and lost: win rate 60 % (3 of 5 closed deals)"));
        QCOMPARE(chart->toolTipText(0, 0), QStringLiteral("Won · June 2026\n5,000.50") +
                                               QChar(0x00a0) + QStringLiteral("EUR in 2 deals"));
        QCOMPARE(chart->rateToolTipText(2),
                 QStringLiteral("Win rate · August 2026\n50 %: 1 won, 1 lost"));
    }

    // Beside the detail panel (~700 px) and on a large screen: no label or legend entry cut.
    void readableBesideTheDetailAndLarge_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("beside the detail") << QSize(700, 640);
        QTest::newRow("1600x900") << QSize(1600, 860);
    }

    void readableBesideTheDetailAndLarge()
    {
        QFETCH(QSize, size);
        PeopleBook people;
        Forecast forecast = byTenOwners(&people);
        // Twelve months.
        forecast.buckets = {{ForecastBucket::Kind::Overdue, QDate()}};
        for (int i = 0; i < 12; ++i)
            forecast.buckets.append({ForecastBucket::Kind::Month, july.addMonths(i)});
        forecast.buckets.append({ForecastBucket::Kind::Later, july.addMonths(12)});
        forecast.buckets.append({ForecastBucket::Kind::NoDate, QDate()});
        for (QList<double> &amounts : forecast.amounts)
            amounts.resize(15, 1234567.0);
        for (QList<int> &counts : forecast.counts)
            counts.resize(15, 1);
        WinLoss winLoss = twoMonths();
        for (int i = 3; i < 12; ++i)
            winLoss.months.append({QDate(2026, 6, 1).addMonths(i), i, 1000.0 * i, 1, 5000});
        ForecastView view;
        showAt(view, size);
        // The bar above fits too: the view never asks for more than it has.
        QVERIFY2(view.minimumSizeHint().width() <= size.width(),
                 qPrintable(QString::number(view.minimumSizeHint().width())));
        view.show(forecast, winLoss, people);
        QCoreApplication::processEvents();
        const QString shots = qEnvironmentVariable("KASHEW_FORECAST_SHOTS");
        if (!shots.isEmpty()) {
            view.savePng(QStringLiteral("%1/forecast-%2x%3.png")
                             .arg(shots)
                             .arg(size.width())
                             .arg(size.height()),
                         nullptr);
        }
        for (QChartView *chart : {view.forecastChart(), view.winLossChart()}) {
            const QStringList texts = textsIn(chart, nullptr);
            QVERIFY(texts.size() > 10);
            for (const QString &text : texts)
                QVERIFY2(!text.endsWith(QStringLiteral("...")),
                         qPrintable(texts.join(QLatin1Char('|'))));
        }
    }

    // Every keystroke shows new figures: the charts must not grow with each (Qt Charts leaves
    // graphics items behind for each series or axis removed, and the view slowed down).
    void newFiguresLeaveNothingBehind()
    {
        PeopleBook people;
        const Forecast owners = byTenOwners(&people);
        ForecastView view;
        showAt(view, QSize(700, 640));
        const auto items = [&] {
            QCoreApplication::processEvents();
            return view.forecastChart()->scene()->items().size() +
                   view.winLossChart()->scene()->items().size();
        };
        view.show(byStage(), twoMonths(), people);
        const qsizetype once = items();
        for (int i = 0; i < 10; ++i) {
            view.show(i % 2 ? byStage() : owners, i % 3 ? twoMonths() : WinLoss(), people);
            items();
        }
        view.show(byStage(), twoMonths(), people);
        QCOMPARE(items(), once);
    }

private:
    EnglishPlurals m_plurals;
};

QTEST_MAIN(TestForecastView)
#include "tst_forecastview.moc"
