// The board's column headers in one line (issue 14): each column's total and weighted total in
// the base currency, the exact figures per currency and the rates used in the tooltip, a currency
// without a rate shown apart and named, every header equally tall, so that the cards start high:
// at 1360×820 eight cards or more show in a column.
#include "BoardView.h"
#include "MainWindow.h"
#include "NotificationBanner.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"
#include "SeededBoard.h"
#include "StageTotalsView.h"

#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

namespace {

// Base EUR; USD and JPY with rates, as a rep would enter them.
CurrencyRates allRates()
{
    CurrencyRates rates;
    rates.setBaseCurrency(QStringLiteral("EUR"));
    rates.setRate(QStringLiteral("USD"), 0.9, QDate(2026, 5, 4));
    rates.setRate(QStringLiteral("JPY"), 0.006, QDate(2026, 5, 5));
    return rates;
}

// How many cards of the view are whole on screen.
int wholeCards(const QListView *view)
{
    int whole = 0;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QRect card = view->visualRect(view->model()->index(row, 0));
        if (view->viewport()->rect().contains(card))
            ++whole;
    }
    return whole;
}

} // namespace

class TestBoardHeaders final : public QObject, private SeededBoard
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
        setUpBoard();
        m_window->resize(1360, 820); // the window's default size
    }

    void cleanup() { tearDownBoard(); }

    void eightCardsShowAt1360x820()
    {
        m_seeded->model.setRates(allRates());
        for (int n = 100; n < 112; ++n)
            addDeal(n, Stage::Qualification, QDate(2026, 8, 1));
        // Connected to a server, as a rep works, the window shows no banner: dismissed here.
        for (QPushButton *button :
             m_window->findChild<NotificationBanner *>()->findChildren<QPushButton *>()) {
            if (button->text() == QStringLiteral("Dismiss"))
                button->click();
        }
        QVERIFY(m_window->bannerText().isEmpty());
        m_window->resize(1360, 820);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents(); // the headers' new height, laid out
        QCOMPARE(m_window->size(), QSize(1360, 820));
        const int whole = wholeCards(m_board->columnView(Stage::Qualification));
        if (const QByteArray shots = qgetenv("KASHEW_SHOTS"); !shots.isEmpty())
            m_window->grab().save(QString::fromLocal8Bit(shots) +
                                  QStringLiteral("/board-1360x820.png"));
        QVERIFY2(whole >= 8, qPrintable(QString::number(whole)));
    }

    void oneLineInTheBaseCurrency()
    {
        m_seeded->model.setRates(allRates());
        QCoreApplication::processEvents();
        QCoreApplication::processEvents(); // the headers' new height, laid out
        for (Stage stage : Stages::all()) {
            const StageTotalsView *totals = m_board->columnTotals(stage);
            QCOMPARE(totals->lineCurrencies(), QStringList{QStringLiteral("EUR")});
            QCOMPARE(totals->height(), totals->fontMetrics().lineSpacing());
            QCOMPARE(totals->cells().size(), 1);
        }
        // 1,500,000 JPY at 0.006, 30 % of it weighted; 50,000 EUR at 60 %.
        QCOMPARE(lineOf(Stage::Qualification), QStringLiteral("9,000 EUR · 2,700 EUR"));
        // In full or shortened as the column's width beside its "+" allows (the tooltip,
        // checked below, has it exactly).
        const QString proposal = lineOf(Stage::Proposal);
        QVERIFY2(proposal == QStringLiteral("50,000 EUR · 30,000 EUR") ||
                     proposal == QStringLiteral("50K EUR · 30K EUR"),
                 qPrintable(proposal));
        // 250,000 USD at 0.9, in full or shortened as the column's width allows.
        const QString won = lineOf(Stage::ClosedWon);
        QVERIFY2(won == QStringLiteral("225,000 EUR · 225,000 EUR") ||
                     won == QStringLiteral("225K EUR · 225K EUR"),
                 qPrintable(won));
        QCOMPARE(m_board->columnTotals(Stage::ClosedWon)->toolTip(),
                 noBreak(QStringLiteral("Total 225,000 EUR\n"
                                        "Weighted 225,000 EUR\n"
                                        "    250,000 USD, weighted 250,000 USD")) +
                     QStringLiteral(" (1 USD = 0.9 EUR, set 5/4/26)"));
        QCOMPARE(m_board->columnTotals(Stage::Proposal)->toolTip(),
                 noBreak(QStringLiteral("Total 50,000 EUR\nWeighted 30,000 EUR")));
    }

    void aCurrencyWithoutARateStaysApartAndIsNamed()
    {
        CurrencyRates rates = allRates();
        rates.removeRate(QStringLiteral("USD"));
        m_seeded->model.setRates(rates);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        // Every column has the USD line, so that the cards start level.
        const int height = m_board->columnTotals(Stage::Proposal)->height();
        for (Stage stage : Stages::all()) {
            const StageTotalsView *totals = m_board->columnTotals(stage);
            QCOMPARE(totals->lineCurrencies(),
                     (QStringList{QStringLiteral("EUR"), QStringLiteral("USD")}));
            QCOMPARE(totals->height(), height);
        }
        QCOMPARE(height, 2 * m_board->columnTotals(Stage::Proposal)->fontMetrics().lineSpacing());
        // Shortened as the board's widest figures (250,000 USD) must be: one style on the board.
        QCOMPARE(textsOf(Stage::Proposal),
                 (QStringList{noBreak(QStringLiteral("50K EUR · 30K EUR")), QStringLiteral("–")}));
        QCOMPARE(textsOf(Stage::Prospecting),
                 (QStringList{QStringLiteral("–"), noBreak(QStringLiteral("+ 900 USD · 90 USD"))}));
        QCOMPARE(m_board->columnTotals(Stage::Prospecting)->toolTip(),
                 noBreak(QStringLiteral("Total 900 USD\n"
                                        "Weighted 90 USD\n"
                                        "    900 USD, weighted 90 USD\n")) +
                     QStringLiteral("No rate for USD: not added into the EUR figures. Settings ▸ "
                                    "Money takes it."));
    }

    void withoutABaseCurrencyEachCurrencyHasItsLine()
    {
        QCoreApplication::processEvents();
        const QStringList all{QStringLiteral("EUR"), QStringLiteral("JPY"), QStringLiteral("USD")};
        for (Stage stage : Stages::all())
            QCOMPARE(m_board->columnTotals(stage)->lineCurrencies(), all);
        // Shortened as the board's widest figures (1,500,000 JPY) must be.
        QCOMPARE(textsOf(Stage::Proposal),
                 (QStringList{noBreak(QStringLiteral("50K EUR · 30K EUR")), QStringLiteral("–"),
                              QStringLiteral("–")}));
        QCOMPARE(m_board->columnTotals(Stage::Proposal)->toolTip(),
                 noBreak(QStringLiteral("Total 50,000 EUR\nWeighted 30,000 EUR")));
        // A column of several currencies says why they are not added up.
        addDeal(100, Stage::Proposal, QDate(2026, 8, 1));
        Opportunity usd = m_seeded->store.opportunity(SampleRows::id(100))->opportunity;
        usd.currency = QStringLiteral("USD");
        QVERIFY(m_seeded->store.mergeServerRecord(usd, QByteArray()));
        QCoreApplication::processEvents();
        QCOMPARE(m_board->columnTotals(Stage::Proposal)->toolTip(),
                 noBreak(QStringLiteral("Total 50,000 EUR · 1,000 USD\n"
                                        "Weighted 30,000 EUR · 500 USD\n")) +
                     QStringLiteral("No base currency: choose one in Settings to add the "
                                    "currencies up."));
    }

    void figuresShortenAlikeAtEveryWidth()
    {
        StageTotalsView view;
        PipelineTotals totals;
        totals.add(1234567, 617283.5, QStringLiteral("EUR"));
        totals.add(20000, 10000, QStringLiteral("GBP"));
        CurrencyRates rates = allRates();
        view.setTotals(totals, rates, {QStringLiteral("EUR"), QStringLiteral("GBP")});
        const int line = view.fontMetrics().lineSpacing();
        QCOMPARE(view.minimumSizeHint().height(), 2 * line);
        for (int width : {400, view.minimumSizeHint().width()}) {
            view.resize(width, view.minimumSizeHint().height());
            const QList<StageTotalsView::Cell> cells = view.cells();
            QCOMPARE(cells.size(), 2);
            for (const StageTotalsView::Cell &cell : cells) {
                QVERIFY2(view.fontMetrics().horizontalAdvance(cell.text) <= cell.area.width(),
                         qPrintable(cell.text));
                QVERIFY(view.rect().contains(cell.area));
            }
            const QString expected = width == 400 ? QStringLiteral("1,234,567 EUR · 617,284 EUR")
                                                  : QStringLiteral("1.2M EUR · 617K EUR");
            QCOMPARE(cells.at(0).text, noBreak(expected));
            QCOMPARE(cells.at(1).text,
                     noBreak(width == 400 ? QStringLiteral("+ 20,000 GBP · 10,000 GBP")
                                          : QStringLiteral("+ 20K GBP · 10K GBP")));
        }
    }

    // A column whose own figures would fit in full still shortens them when another column's
    // cannot: the board shows one style, so amounts compare at a glance.
    void oneFigureStyleOnTheBoard()
    {
        const CurrencyRates rates = allRates();
        PipelineTotals big;
        big.add(1234567, 617283.5, QStringLiteral("EUR"));
        PipelineTotals small;
        small.add(20000, 10000, QStringLiteral("EUR"));
        StageTotalsView wide;
        StageTotalsView narrow;
        wide.setTotals(big, rates, {QStringLiteral("EUR")});
        narrow.setTotals(small, rates, {QStringLiteral("EUR")});
        // Room for the small column's figures in full, not for the big one's.
        const int width = (wide.fullWidthNeeded() + narrow.fullWidthNeeded()) / 2;
        QVERIFY(narrow.fullWidthNeeded() < width && width < wide.fullWidthNeeded());
        narrow.resize(width, narrow.minimumSizeHint().height());
        QCOMPARE(narrow.cells().at(0).text, noBreak(QStringLiteral("20,000 EUR · 10,000 EUR")));
        narrow.setBoardFullWidth(std::max(wide.fullWidthNeeded(), narrow.fullWidthNeeded()));
        QCOMPARE(narrow.cells().at(0).text, noBreak(QStringLiteral("20K EUR · 10K EUR")));

        // The board tells every column: Proposal's 50,000 EUR would fit in full in a column
        // just narrower than the widest column's figures, and is shortened all the same.
        m_seeded->model.setRates(allRates());
        QCoreApplication::processEvents();
        int needed = 0;
        for (Stage stage : Stages::all())
            needed = std::max(needed, m_board->columnTotals(stage)->fullWidthNeeded());
        StageTotalsView *proposal = m_board->columnTotals(Stage::Proposal);
        QVERIFY(proposal->fullWidthNeeded() < needed - 1);
        proposal->resize(needed - 1, proposal->height());
        QCOMPARE(proposal->cells().at(0).text, noBreak(QStringLiteral("50K EUR · 30K EUR")));
    }

private:
    // The amounts' spaces as formatMoney writes them: a no-break space before each code.
    static QString noBreak(QString text)
    {
        for (const char *code : {"EUR", "USD", "GBP", "JPY"})
            text.replace(QStringLiteral(" ") + QLatin1String(code),
                         QChar(0x00a0) + QLatin1String(code));
        return text;
    }

    QStringList textsOf(Stage stage) const
    {
        QStringList texts;
        for (const StageTotalsView::Cell &cell : m_board->columnTotals(stage)->cells())
            texts.append(cell.text);
        return texts;
    }

    // The one line of a column, its no-break spaces shown as spaces.
    QString lineOf(Stage stage) const
    {
        return textsOf(stage).join(QLatin1Char('|')).replace(QChar(0x00a0), QLatin1Char(' '));
    }
};

QTEST_MAIN(TestBoardHeaders)
#include "tst_boardheaders.moc"
