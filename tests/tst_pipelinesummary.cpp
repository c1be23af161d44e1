// The filter bar's summary: count, open pipeline (prospecting to negotiation), weighted (open
// deals) and won, each in the base currency, lost deals in no figure; a currency without a rate
// kept apart and named; no base currency: one currency as it is, several asking for a base. The
// same figures from the list's proxy and the board's columns (each under
// QAbstractItemModelTester), the exact per-currency figures and the rates in the details, and in
// the window: one line at 1024 pixels, recounted when the rates change.
#include "BoardView.h"
#include "ElidedLabel.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "PipelineSummaryText.h"
#include "SampleRows.h"
#include "SeededWindow.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <memory>
#include <vector>

namespace {

const QString nbsp = QStringLiteral("\u00a0");

OpportunityRow deal(int n, Stage stage, double value, const char *currency, int probability,
                    const char *account = "acct-a")
{
    OpportunityRow row;
    Opportunity &o = row.opportunity;
    o.id = SampleRows::id(n);
    o.name = QStringLiteral("Deal %1").arg(n);
    o.stage = stage;
    o.accountId = QString::fromLatin1(account);
    o.ownerId = QStringLiteral("ana");
    o.value = value;
    o.currency = QString::fromLatin1(currency);
    o.probability = probability;
    o.expectedCloseDate = QDate(2026, 7, n);
    return row;
}

// "100,000~EUR": the ~ stands for the no-break space formatMoney puts between amount and code.
QString money(const char *text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('~'), nbsp);
}

} // namespace

class TestPipelineSummary final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_model = std::make_unique<OpportunityListModel>();
        m_proxy = std::make_unique<OpportunityFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_partition = std::make_unique<StagePartition>();
        for (Stage stage : Stages::all())
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m_partition->column(stage),
                QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_partition->setSourceModel(m_model.get());
        // Open: 100,000 EUR at 10%, 50,000 USD at 50%, 30,000.50 GBP at 40%; won: 80,000 EUR
        // and 10,000 USD; lost: 999,999 EUR, in no figure; archived: 7,000 EUR, not in view.
        OpportunityRow archived = deal(7, Stage::Proposal, 7000, "EUR", 50);
        archived.opportunity.isArchived = true;
        m_model->resetRows({deal(1, Stage::Prospecting, 100000, "EUR", 10),
                            deal(2, Stage::Negotiation, 50000, "USD", 50, "acct-b"),
                            deal(3, Stage::Proposal, 30000.5, "GBP", 40, "acct-b"),
                            deal(4, Stage::ClosedWon, 80000, "EUR", 100),
                            deal(5, Stage::ClosedWon, 10000, "USD", 100, "acct-b"),
                            deal(6, Stage::ClosedLost, 999999, "EUR", 0), archived});
    }

    void cleanup()
    {
        m_testers.clear();
        m_partition.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void openWonAndLostAreApart()
    {
        for (const PipelineSummary &summary : {m_proxy->summary(), m_partition->summary()}) {
            QCOMPARE(summary.count, 6);
            QCOMPARE(summary.open.count, 3);
            QCOMPARE(summary.open.value, (QMap<QString, double>{{QStringLiteral("EUR"), 100000},
                                                                {QStringLiteral("GBP"), 30000.5},
                                                                {QStringLiteral("USD"), 50000}}));
            QCOMPARE(summary.open.weighted,
                     (QMap<QString, double>{{QStringLiteral("EUR"), 10000},
                                            {QStringLiteral("GBP"), 12000.2},
                                            {QStringLiteral("USD"), 25000}}));
            QCOMPARE(summary.won.count, 2);
            QCOMPARE(summary.won.value, (QMap<QString, double>{{QStringLiteral("EUR"), 80000},
                                                               {QStringLiteral("USD"), 10000}}));
        }
    }

    void lineInTheBaseCurrency()
    {
        setRates(QStringLiteral("EUR"),
                 {{QStringLiteral("USD"), 0.9}, {QStringLiteral("GBP"), 1.2}});
        // Open: 100,000 + 50,000 × 0.9 + 30,000.50 × 1.2 = 181,000.60; weighted: 10,000 +
        // 25,000 × 0.9 + 12,000.20 × 1.2 = 46,900.24; won: 80,000 + 10,000 × 0.9 = 89,000.
        const QString expected =
            money("6 deals · open 181,001~EUR · weighted 46,900~EUR · won 89,000~EUR");
        QCOMPARE(PipelineSummaryText::line(m_proxy->summary()), expected);
        QCOMPARE(PipelineSummaryText::line(m_partition->summary()), expected);
        QCOMPARE(PipelineSummaryText::missingRates(m_proxy->summary()), QStringList());
    }

    void aCurrencyWithoutARateStaysApart()
    {
        setRates(QStringLiteral("EUR"), {{QStringLiteral("USD"), 0.9}});
        const QString expected = money("6 deals · open 145,000~EUR + 30,001~GBP · weighted 32,500~"
                                       "EUR + 12,000~GBP · won 89,000~EUR · no rate for GBP");
        QCOMPARE(PipelineSummaryText::line(m_proxy->summary()), expected);
        QCOMPARE(PipelineSummaryText::line(m_partition->summary()), expected);
        QCOMPARE(PipelineSummaryText::missingRates(m_proxy->summary()),
                 QStringList{QStringLiteral("GBP")});

        // Only deals in that currency: nothing converted, nothing shown as 0 EUR beside it.
        OpportunityFilter filter;
        filter.stages = {Stage::Proposal};
        m_proxy->setFilter(filter);
        QCOMPARE(PipelineSummaryText::line(m_proxy->summary()),
                 money("1 deal · open 30,001~GBP · weighted 12,000~GBP · won 0~EUR · no rate for "
                       "GBP"));
    }

    void noBaseCurrency()
    {
        QCOMPARE(PipelineSummaryText::line(m_proxy->summary()),
                 money("6 deals · open 100,000~EUR + 30,001~GBP + 50,000~USD · weighted 10,000~"
                       "EUR + 12,000~GBP + 25,000~USD · won 80,000~EUR + 10,000~USD · choose a "
                       "base currency in Settings"));
        // One currency in view: shown in it, nothing to choose.
        OpportunityFilter filter;
        filter.accountId = QStringLiteral("acct-a");
        m_proxy->setFilter(filter);
        m_partition->setFilter(filter);
        const QString expected =
            money("3 deals · open 100,000~EUR · weighted 10,000~EUR · won 80,000~EUR");
        QCOMPARE(PipelineSummaryText::line(m_proxy->summary()), expected);
        QCOMPARE(PipelineSummaryText::line(m_partition->summary()), expected);
        filter.stages = {Stage::Prospecting};
        m_proxy->setFilter(filter);
        QCOMPARE(PipelineSummaryText::line(m_proxy->summary()),
                 money("1 deal · open 100,000~EUR · weighted 10,000~EUR · won 0~EUR"));
        filter.setSearch(QStringLiteral("nothing like it"));
        m_proxy->setFilter(filter);
        QCOMPARE(PipelineSummaryText::line(m_proxy->summary()),
                 QStringLiteral("0 deals · open 0 · weighted 0 · won 0"));
    }

    void detailsHaveTheExactFiguresAndTheRates()
    {
        setRates(QStringLiteral("EUR"), {{QStringLiteral("USD"), 0.9}});
        const QString expected = money("6 deals: 3 open, 2 won, 1 closed lost\n"
                                       "Open (prospecting to negotiation), 3 deals:\n"
                                       "    100,000~EUR, weighted 10,000~EUR\n"
                                       "    30,000.50~GBP, weighted 12,000.20~GBP\n"
                                       "    50,000~USD, weighted 25,000~USD\n"
                                       "Won, 2 deals:\n"
                                       "    80,000~EUR\n"
                                       "    10,000~USD\n"
                                       "In EUR at these rates:\n"
                                       "    1 USD = 0.9 EUR, set 11/2/26\n"
                                       "No rate for GBP: not added into the EUR figures.");
        QCOMPARE(PipelineSummaryText::details(m_proxy->summary()), expected);
        QCOMPARE(PipelineSummaryText::details(m_partition->summary()), expected);
    }

    void ratesChangeTheSummary()
    {
        QSignalSpy totalsChanged(m_proxy.get(), &OpportunityFilterProxy::totalsChanged);
        setRates(QStringLiteral("EUR"), {{QStringLiteral("USD"), 0.9}});
        QCOMPARE(totalsChanged.size(), 1);
        QCOMPARE(m_proxy->summary().rates, m_model->rates());
        QCOMPARE(m_partition->summary().rates, m_model->rates());
    }

    // The window: the bar's line follows the view showing and the rates, stays one line at
    // 1024 pixels however many currencies, and its tooltip has the whole line and the details.
    void theFilterBarShowsOneLine()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        MainWindow &window = *seeded.window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1024, 700);
        // Live sample rows: open 50,000 + 12,000 EUR (weighted 30,000 + 9,600), 900 USD (90),
        // 1,500,000 JPY (450,000); won 250,000 USD; lost 30,000 USD.
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QVERIFY(rates.setRate(QStringLiteral("USD"), 0.5, QDate(2026, 5, 1)));
        seeded.model.setRates(rates);
        QCoreApplication::processEvents();
        QLabel *summary = window.filterBar()->summary();
        QCOMPARE(summary->text(), money("6 deals · open 62,450~EUR + 1,500,000~JPY · weighted "
                                        "39,645~EUR + 450,000~JPY · won 125,000~EUR · no rate for "
                                        "JPY"));
        QVERIFY(rates.setRate(QStringLiteral("JPY"), 0.01, QDate(2026, 5, 2)));
        seeded.model.setRates(rates);
        QCoreApplication::processEvents();
        const QString line = money("6 deals · open 77,450~EUR · weighted 44,145~EUR · won "
                                   "125,000~EUR");
        QCOMPARE(summary->text(), line);
        // Plain text as shown, the no-break spaces of the figures and of the indents as spaces.
        const auto plain = [](QString text) {
            return text.replace(nbsp, QStringLiteral(" "));
        };
        const QString tooltip =
            plain(QTextDocumentFragment::fromHtml(summary->toolTip()).toPlainText());
        QVERIFY2(
            tooltip.startsWith(plain(line) + QStringLiteral("\n6 deals: 4 open, 1 won, 1 closed "
                                                            "lost\n")),
            qPrintable(tooltip));
        QVERIFY2(tooltip.contains(QStringLiteral("\n    1,500,000 JPY, weighted 450,000 JPY\n")),
                 qPrintable(tooltip));
        QVERIFY2(tooltip.contains(QStringLiteral("\n    1 JPY = 0.01 EUR, set 5/2/26\n")),
                 qPrintable(tooltip));

        // The board counts the same.
        window.views()->setCurrentWidget(window.board());
        QCoreApplication::processEvents();
        QCOMPARE(summary->text(), line);
        window.views()->setCurrentWidget(window.table());

        // Ten currencies without a base: a long line, still one line at 1024 pixels.
        QList<OpportunityRow> more;
        int n = 20;
        for (const char *code : {"AUD", "CAD", "CHF", "CNY", "GBP", "NOK", "SEK"})
            more.append(deal(n++, Stage::Proposal, 1234567.5, code, 50));
        seeded.model.upsertRows(more);
        seeded.model.setRates({});
        QCoreApplication::processEvents();
        QCOMPARE(window.width(), 1024);
        QVERIFY(summary->text().endsWith(QStringLiteral("choose a base currency in Settings")));
        // One whole line, cut short with "…": nothing wraps onto a second line, or out of sight.
        QVERIFY2(summary->height() >= summary->fontMetrics().height() &&
                     summary->height() < 2 * summary->fontMetrics().lineSpacing(),
                 qPrintable(QString::number(summary->height())));
        auto *elided = qobject_cast<ElidedLabel *>(summary);
        const QString shown = elided ? elided->shownText() : summary->text();
        QVERIFY2(summary->fontMetrics().horizontalAdvance(shown) <= summary->contentsRect().width(),
                 qPrintable(shown));
        QVERIFY(shown.endsWith(QStringLiteral("…")));
        QVERIFY(plain(QTextDocumentFragment::fromHtml(summary->toolTip()).toPlainText())
                    .startsWith(plain(summary->text()) + QLatin1Char('\n')));
    }

private:
    void setRates(const QString &base, const QMap<QString, double> &toBase)
    {
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(base));
        for (auto it = toBase.cbegin(); it != toBase.cend(); ++it)
            QVERIFY(rates.setRate(it.key(), it.value(), QDate(2026, 11, 2)));
        m_model->setRates(rates);
    }

    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<OpportunityFilterProxy> m_proxy;
    std::unique_ptr<StagePartition> m_partition;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

QTEST_MAIN(TestPipelineSummary)
#include "tst_pipelinesummary.moc"
