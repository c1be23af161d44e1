// The forecast in the main window: a third tab beside the list and the board whose figures follow
// the filter bar and the cache (once per event loop pass while it shows, not at all while hidden),
// the filter bar's summary while it shows, and a clicked bar that lists exactly its deals.
#include "FilterBar.h"
#include "ForecastOptionsBar.h"
#include "ForecastPane.h"
#include "ForecastView.h"
#include "ItemRoles.h"
#include "OpportunityFilterProxy.h"
#include "PipelineSummaryText.h"
#include "PipelineViews.h"
#include "SampleRows.h"
#include "SeededWindow.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTest>
#include <algorithm>

namespace {

const QDate today = SampleRows::today(); // 2026-06-01

// A further deal in proposal, in EUR.
OpportunityRow proposal(int number, const char *owner, double value, const QDate &close)
{
    OpportunityRow row;
    Opportunity &o = row.opportunity;
    o.id = SampleRows::id(number);
    o.name = QStringLiteral("Initech — Deal %1").arg(number);
    o.accountId = QStringLiteral("acct-c");
    o.accountName = QStringLiteral("Account C");
    o.ownerId = QString::fromLatin1(owner);
    o.stage = Stage::Proposal;
    o.value = value;
    o.currency = QStringLiteral("EUR");
    o.probability = 50;
    o.expectedCloseDate = close;
    o.createdAt = o.updatedAt = QDateTime(today.addDays(-2), QTime(10, 0), Qt::UTC);
    return row;
}

int bucketIndex(const Forecast &forecast, ForecastBucket::Kind kind, const QDate &month = {})
{
    return static_cast<int>(forecast.buckets.indexOf(ForecastBucket{kind, month}));
}

// The figure of `series` (a stage or owner id) in a bucket; -1 when there is no such series.
double amountAt(const Forecast &forecast, const QString &series, int bucket)
{
    const qsizetype s = forecast.series.indexOf(series);
    return s < 0 ? -1 : forecast.amounts.at(s).at(bucket);
}

// Every value the forecast chart draws, added up.
double chartTotal(const ForecastView &view)
{
    double total = 0;
    for (QAbstractSeries *series : view.forecastChart()->chart()->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (const QBarSet *set : bars->barSets()) {
                for (int i = 0; i < set->count(); ++i)
                    total += set->at(i);
            }
        }
    }
    return total;
}

QStringList listedIds(const QTableView &table)
{
    QStringList ids;
    const QAbstractItemModel *model = table.model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row, 0).data(ItemRoles::Id).toString());
    ids.sort();
    return ids;
}

// Whether the filter bar shows `text` somewhere (the close window's chip).
bool barShows(const FilterBar &bar, const QString &text)
{
    const QList<QLabel *> labels = bar.findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *label) {
        return label->isVisibleTo(const_cast<FilterBar *>(&bar)) && label->text().contains(text);
    });
}

} // namespace

class TestForecastWindow final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_seeded = std::make_unique<SeededWindow>();
        QVERIFY(m_seeded->ok);
        m_modelTester = std::make_unique<QAbstractItemModelTester>(
            &m_seeded->model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_seeded->window->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_seeded->model.setToday(today);
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QVERIFY(rates.setRate(QStringLiteral("USD"), 0.9, today));
        QVERIFY(rates.setRate(QStringLiteral("JPY"), 0.006, today));
        m_seeded->model.setRates(rates);
        m_views = qobject_cast<PipelineViews *>(m_seeded->window->views());
        QVERIFY(m_views);
        m_seeded->window->resize(1360, 800);
        m_seeded->window->show();
    }
    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_seeded.reset();
    }

    void aThirdTab()
    {
        QCOMPARE(m_views->count(), 3);
        QCOMPARE(m_views->tabText(2), QStringLiteral("F&orecast"));
        QCOMPARE(m_views->widget(2), m_views->forecastView());
        m_views->setCurrentIndex(2);
        QVERIFY(m_views->showsForecast());
        QVERIFY(m_views->forecastView()->isVisible());
    }

    void figuresFollowTheFilterBar()
    {
        ForecastPane &pane = *m_views->forecastPane();
        FilterBar &bar = *m_seeded->window->filterBar();
        m_views->setCurrentWidget(m_views->forecastView());
        // The open deals: 2 (negotiation, EUR 12,000) and 3 (prospecting, USD 900) overdue,
        // 1 (proposal, EUR 50,000) in July, 7 (qualification, JPY 1,500,000) in September;
        // 6 is archived, 4 and 5 closed.
        const Forecast &all = pane.forecast();
        QCOMPARE(all.currency, QStringLiteral("EUR"));
        QCOMPARE(all.dealCount(), 4);
        const int overdue = bucketIndex(all, ForecastBucket::Kind::Overdue);
        const int july = bucketIndex(all, ForecastBucket::Kind::Month, QDate(2026, 7, 1));
        const int september = bucketIndex(all, ForecastBucket::Kind::Month, QDate(2026, 9, 1));
        QCOMPARE(amountAt(all, QStringLiteral("negotiation"), overdue), 12000.0);
        QCOMPARE(amountAt(all, QStringLiteral("prospecting"), overdue), 810.0);
        QCOMPARE(amountAt(all, QStringLiteral("proposal"), july), 50000.0);
        QCOMPARE(amountAt(all, QStringLiteral("qualification"), september), 9000.0);
        QCOMPARE(chartTotal(*m_views->forecastView()), 71810.0);
        // Won and lost in January (the samples' last change): 4 won, 5 lost.
        QCOMPARE(pane.winLoss().months.constFirst().month, QDate(2026, 1, 1));
        QCOMPARE(pane.winLoss().months.constFirst().wonCount, 1);
        QCOMPARE(pane.winLoss().months.constFirst().lostCount, 1);
        // The filter bar counts the deals of the filter (all six live ones) while it shows.
        QCOMPARE(pane.summary().count, 6);
        QTRY_COMPARE(bar.summary()->text(), PipelineSummaryText::line(pane.summary()));

        // Ana's deals: 1 and 3.
        bar.ownerBox()->setCurrentIndex(bar.ownerBox()->findData(QStringLiteral("ana")));
        QTRY_COMPARE(pane.forecast().dealCount(), 2);
        QCOMPARE(amountAt(pane.forecast(), QStringLiteral("proposal"), july), 50000.0);
        QCOMPARE(amountAt(pane.forecast(), QStringLiteral("prospecting"), overdue), 810.0);
        QCOMPARE(amountAt(pane.forecast(), QStringLiteral("negotiation"), overdue), 0.0);
        QTRY_COMPARE(chartTotal(*m_views->forecastView()), 50810.0);

        // And "acme" among them: 3 alone.
        bar.searchField()->setText(QStringLiteral("acme"));
        QTRY_COMPARE(pane.forecast().dealCount(), 1);
        QCOMPARE(amountAt(pane.forecast(), QStringLiteral("prospecting"), overdue), 810.0);
        QTRY_COMPARE(chartTotal(*m_views->forecastView()), 810.0);
        QCOMPARE(pane.summary().count, 1);
        QTRY_COMPARE(bar.summary()->text(), PipelineSummaryText::line(pane.summary()));
    }

    void aClickedStageBarListsItsDeals()
    {
        m_seeded->model.upsertRows({proposal(8, "ana", 20000, QDate(2026, 7, 1)),
                                    proposal(9, "ben", 5000, QDate(2026, 7, 31)),
                                    proposal(10, "ana", 7000, QDate(2026, 8, 1))});
        ForecastView &view = *m_views->forecastView();
        m_views->setCurrentWidget(&view);
        const Forecast &forecast = m_views->forecastPane()->forecast();
        const int july = bucketIndex(forecast, ForecastBucket::Kind::Month, QDate(2026, 7, 1));
        const int series = static_cast<int>(forecast.series.indexOf(QStringLiteral("proposal")));
        QCOMPARE(forecast.counts.at(series).at(july), 3); // 1, 8 and 9; not 10 (August)

        // A real click in the middle of July's bar, the proposal deals alone in it.
        QChartView &chartView = *view.forecastChart();
        auto *bars = qobject_cast<QAbstractBarSeries *>(chartView.chart()->series().value(0));
        QVERIFY(bars);
        const QPointF middle = chartView.chart()->mapToPosition(
            QPointF(july, forecast.amounts.at(series).at(july) / 2), bars);
        QTest::mouseClick(chartView.viewport(), Qt::LeftButton, {},
                          chartView.mapFromScene(chartView.chart()->mapToScene(middle)));

        QTRY_VERIFY(!m_views->showsForecast());
        QCOMPARE(m_views->currentWidget(), m_seeded->window->table());
        const OpportunityFilter &filter = m_seeded->window->filterBar()->filter();
        QCOMPARE(filter.stages, QSet<Stage>{Stage::Proposal});
        QCOMPARE(filter.closing.kind, CloseWindow::Kind::Between);
        QCOMPARE(filter.closing.first, QDate(2026, 7, 1));
        QCOMPARE(filter.closing.last, QDate(2026, 7, 31));
        QTRY_COMPARE(listedIds(*m_seeded->window->table()),
                     (QStringList{SampleRows::id(1), SampleRows::id(8), SampleRows::id(9)}));
        QVERIFY(barShows(*m_seeded->window->filterBar(), filter.closing.label()));
    }

    void aClickedOwnerBarListsItsDeals()
    {
        m_seeded->model.upsertRows({proposal(8, "ana", 20000, QDate(2026, 7, 1)),
                                    proposal(9, "ben", 5000, QDate(2026, 7, 31)),
                                    proposal(10, "ana", 7000, QDate(2026, 8, 1))});
        ForecastView &view = *m_views->forecastView();
        m_views->setCurrentWidget(&view);
        QComboBox *grouping = view.findChild<ForecastOptionsBar *>()->groupingBox();
        grouping->setCurrentIndex(grouping->findData(int(ForecastGrouping::Owner)));
        QTRY_COMPARE(m_views->forecastPane()->forecast().grouping, ForecastGrouping::Owner);
        const Forecast &forecast = m_views->forecastPane()->forecast();
        const int july = bucketIndex(forecast, ForecastBucket::Kind::Month, QDate(2026, 7, 1));
        const int ana = static_cast<int>(forecast.series.indexOf(QStringLiteral("ana")));
        QCOMPARE(forecast.counts.at(ana).at(july), 2); // 1 and 8

        emit view.barClicked(ana, july);

        QCOMPARE(m_views->currentWidget(), m_seeded->window->table());
        const OpportunityFilter &filter = m_seeded->window->filterBar()->filter();
        QCOMPARE(filter.ownerId, QStringLiteral("ana"));
        QCOMPARE(filter.stages, (QSet<Stage>{Stage::Prospecting, Stage::Qualification,
                                             Stage::Proposal, Stage::Negotiation}));
        QTRY_COMPARE(listedIds(*m_seeded->window->table()),
                     (QStringList{SampleRows::id(1), SampleRows::id(8)}));
        QCOMPARE(m_seeded->window->proxy()->rowCount(), forecast.counts.at(ana).at(july));
    }

    void recomputesOncePerPassAndOnlyWhileShowing()
    {
        ForecastPane &pane = *m_views->forecastPane();
        m_views->setCurrentWidget(m_views->forecastView());
        QCOMPARE(pane.forecast().dealCount(), 4);
        const int shown = pane.recomputations();

        // Two new deals in one pass: figures made once, after it.
        m_seeded->model.upsertRows({proposal(8, "ana", 20000, QDate(2026, 7, 1))});
        m_seeded->model.upsertRows({proposal(9, "ben", 5000, QDate(2026, 7, 31))});
        QCOMPARE(pane.recomputations(), shown);
        QTRY_COMPARE(pane.forecast().dealCount(), 6);
        for (int pass = 0; pass < 5; ++pass)
            QCoreApplication::processEvents();
        QCOMPARE(pane.recomputations(), shown + 1);
        // A keystroke: once more (the filter bar's summary asks for the figures at once).
        m_seeded->window->filterBar()->searchField()->setText(QStringLiteral("deal"));
        QTRY_COMPARE(pane.forecast().dealCount(), 2);
        for (int pass = 0; pass < 5; ++pass)
            QCoreApplication::processEvents();
        QCOMPARE(pane.recomputations(), shown + 2);

        // Behind the list: nothing made for a new deal or a new filter...
        m_views->setCurrentWidget(m_seeded->window->table());
        const int hidden = pane.recomputations();
        m_seeded->model.upsertRows({proposal(10, "ana", 7000, QDate(2026, 8, 1))});
        m_seeded->window->filterBar()->searchField()->clear();
        for (int pass = 0; pass < 5; ++pass)
            QCoreApplication::processEvents();
        QCOMPARE(pane.recomputations(), hidden);
        QCOMPARE(pane.forecast().dealCount(), 2);
        // ... until it shows again: at once, with all of them.
        m_views->setCurrentWidget(m_views->forecastView());
        QCOMPARE(pane.recomputations(), hidden + 1);
        QCOMPARE(pane.forecast().dealCount(), 7);
        QCOMPARE(chartTotal(*m_views->forecastView()), 71810.0 + 20000 + 5000 + 7000);
    }

private:
    std::unique_ptr<SeededWindow> m_seeded;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
    PipelineViews *m_views = nullptr;
};

QTEST_MAIN(TestForecastWindow)
#include "tst_forecastwindow.moc"
