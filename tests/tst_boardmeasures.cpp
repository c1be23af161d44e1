// The board's headers and cards remember what they measured and formatted (a keystroke asks for
// the same widths and dates again in every column): what they show still follows a new font
// and a new locale, exactly as worked out from nothing.
#include "CardTextCache.h"
#include "ColumnTitle.h"
#include "StageTotalsView.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QTest>

namespace {

PipelineTotals someTotals()
{
    PipelineTotals totals;
    totals.add(1234567, 617283, QStringLiteral("EUR"));
    totals.add(89000, 8900, QStringLiteral("USD"));
    return totals;
}

QFont larger(const QFont &font)
{
    QFont big = font;
    big.setPointSizeF(font.pointSizeF() * 2);
    return big;
}

} // namespace

class TestBoardMeasures final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void totalsMeasureAgainInANewFont()
    {
        StageTotalsView view;
        view.setTotals(someTotals(), CurrencyRates(),
                       {QStringLiteral("EUR"), QStringLiteral("USD")});
        const QSize small = view.minimumSizeHint();
        const int smallFull = view.fullWidthNeeded();
        view.setFont(larger(view.font()));
        // What a header made in that font from the start needs.
        StageTotalsView fresh;
        fresh.setFont(view.font());
        fresh.setTotals(someTotals(), CurrencyRates(),
                        {QStringLiteral("EUR"), QStringLiteral("USD")});
        QVERIFY(fresh.minimumSizeHint().width() > small.width());
        QCOMPARE(view.minimumSizeHint(), fresh.minimumSizeHint());
        QCOMPARE(view.sizeHint(), fresh.sizeHint());
        QVERIFY(fresh.fullWidthNeeded() > smallFull);
        QCOMPARE(view.fullWidthNeeded(), fresh.fullWidthNeeded());
    }

    void totalsMeasureNewFigures()
    {
        StageTotalsView view;
        view.setTotals(PipelineTotals(), CurrencyRates(), {});
        const int none = view.minimumSizeHint().width();
        QCOMPARE(view.fullWidthNeeded(), 0);
        view.setTotals(someTotals(), CurrencyRates(),
                       {QStringLiteral("EUR"), QStringLiteral("USD")});
        QVERIFY(view.fullWidthNeeded() > 0);
        QVERIFY(view.minimumSizeHint().height() > 0);
        StageTotalsView fresh;
        fresh.setTotals(someTotals(), CurrencyRates(),
                        {QStringLiteral("EUR"), QStringLiteral("USD")});
        QCOMPARE(view.minimumSizeHint(), fresh.minimumSizeHint());
        QVERIFY(view.minimumSizeHint().width() >= none);
    }

    void totalsKeepTheirRoomWhileShown()
    {
        // A search that narrows shrinks the figures: the header keeps the room it had, so the
        // board is not laid out again on every keystroke; shown again, it needs what its
        // figures need then.
        QWidget window;
        auto *view = new StageTotalsView(&window);
        PipelineTotals small;
        small.add(12, 6, QStringLiteral("EUR"));
        view->setTotals(small, CurrencyRates(), {QStringLiteral("EUR")});
        const QSize least = view->minimumSizeHint();
        window.show();
        view->setTotals(someTotals(), CurrencyRates(),
                        {QStringLiteral("EUR"), QStringLiteral("USD")});
        const QSize wide = view->minimumSizeHint();
        QVERIFY(wide.width() > least.width());
        PipelineTotals narrower;
        narrower.add(12, 6, QStringLiteral("EUR"));
        narrower.add(1, 1, QStringLiteral("USD"));
        view->setTotals(narrower, CurrencyRates(), {QStringLiteral("EUR"), QStringLiteral("USD")});
        QCOMPARE(view->minimumSizeHint(), wide);
        QCOMPARE(view->sizeHint(), wide);
        window.hide();
        window.show();
        view->setTotals(small, CurrencyRates(), {QStringLiteral("EUR")});
        QCOMPARE(view->minimumSizeHint(), least);
    }

    void cardDatesFollowTheLocale()
    {
        CardTextCache &cache = CardTextCache::shared();
        const QDate date(2026, 3, 1);
        QCOMPARE(cache.shortDate(date), QLocale().toString(date, QLocale::ShortFormat));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString german = QLocale().toString(date, QLocale::ShortFormat);
        QVERIFY(
            german !=
            QLocale(QLocale::English, QLocale::UnitedStates).toString(date, QLocale::ShortFormat));
        QCOMPARE(cache.shortDate(date), german);
        QCOMPARE(cache.shortDate(date.addDays(1)),
                 QLocale().toString(date.addDays(1), QLocale::ShortFormat));
    }

    void cardTextElidesExactlyAsMeasured()
    {
        // Text that plainly fits is not measured: at every width around its own it is cut
        // exactly where QFontMetrics cuts it.
        CardTextCache &cache = CardTextCache::shared();
        QFont bold = QApplication::font();
        bold.setBold(true);
        for (const QFont &font : {QApplication::font(), bold}) {
            const QFontMetrics metrics(font);
            for (const QString &text :
                 {QStringLiteral("Müller 12345 — Renewal"), QStringLiteral("1,234,567 EUR"),
                  QStringLiteral("AVAWAY To. Ty. Wa. Ye."), QStringLiteral("office “fiffl”"),
                  QStringLiteral("Søndergaard Kraków"), QStringLiteral("iiiiiiiiiiii")}) {
                const int own = metrics.horizontalAdvance(text);
                for (int width = own - 4; width <= own + 8; ++width) {
                    cache.clear();
                    QCOMPARE(cache.elided(font, text, width),
                             metrics.elidedText(text, Qt::ElideRight, width));
                }
            }
        }
    }

    void titleRoomFollowsTheFont()
    {
        QLabel title;
        ColumnTitle::show(title, Stage::Proposal, 12, 100000);
        const int small = title.width();
        QCOMPARE(title.minimumWidth(), title.maximumWidth());
        title.setFont(larger(title.font()));
        ColumnTitle::show(title, Stage::Proposal, 13, 100000);
        QLabel fresh;
        fresh.setFont(title.font());
        ColumnTitle::show(fresh, Stage::Proposal, 13, 100000);
        QVERIFY(fresh.minimumWidth() > small);
        QCOMPARE(title.minimumWidth(), fresh.minimumWidth());
        QCOMPARE(title.text(), fresh.text());
    }
};

QTEST_MAIN(TestBoardMeasures)
#include "tst_boardmeasures.moc"
