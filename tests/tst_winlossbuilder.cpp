// Won and lost by the local month of the last change, against hand-computed figures: months
// end with today's and start at local midnight (a change late on the 31st in UTC is the next
// month in Berlin and not in New York), the year turns, open deals and changes outside the
// months are left out, archived closed deals count, amounts are converted into one currency and
// a deal without a rate is still counted, and the win rate is none without a closed deal.
#include "LocalZone.h"
#include "WinLossBuilder.h"

#include <QTest>

namespace {

const QString usd = QStringLiteral("USD");
const QString eur = QStringLiteral("EUR");
const QString chf = QStringLiteral("CHF");

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toUTC();
}

Opportunity closed(Stage stage, double value, const QDateTime &updatedAt,
                   const QString &currency = usd)
{
    Opportunity opportunity;
    opportunity.stage = stage;
    opportunity.value = value;
    opportunity.currency = currency;
    opportunity.updatedAt = updatedAt;
    return opportunity;
}

} // namespace

class TestWinLossBuilder final : public QObject
{
    Q_OBJECT

private slots:
    void monthsEndWithTodaysOldestFirst()
    {
        const WinLossBuilder builder(3, QString(), QDate(2027, 1, 31));
        const WinLoss winLoss = builder.result({});
        QCOMPARE(winLoss.months.size(), 3);
        QCOMPARE(winLoss.months.at(0).month, QDate(2026, 11, 1));
        QCOMPARE(winLoss.months.at(1).month, QDate(2026, 12, 1));
        QCOMPARE(winLoss.months.at(2).month, QDate(2027, 1, 1));
        // Nothing closed: no rate to give and no currency to choose.
        QCOMPARE(winLoss.winRate(), std::nullopt);
        QCOMPARE(winLoss.months.at(1).winRate(), std::nullopt);
        QVERIFY(winLoss.currency.isEmpty());
        QCOMPARE(WinLossBuilder(0, QString(), QDate(2027, 1, 31)).result({}).months.size(), 1);
    }

    // A change's month is its local date's: the same instant is another month elsewhere.
    void monthsStartAtLocalMidnight_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDateTime>("updatedAt");
        QTest::addColumn<int>("month");
        const QDate august(2026, 8, 15);
        const QDateTime lateJuly31 = utc("2026-07-31T22:30:00Z");
        // Two months shown: July (0) and August (1).
        QTest::newRow("Berlin: 00:30 on 1 August")
            << QByteArray("Europe/Berlin") << august << lateJuly31 << 1;
        QTest::newRow("New York: 18:30 on 31 July")
            << QByteArray("America/New_York") << august << lateJuly31 << 0;
        QTest::newRow("UTC: 22:30 on 31 July") << QByteArray("UTC") << august << lateJuly31 << 0;
        QTest::newRow("Berlin: first instant of July")
            << QByteArray("Europe/Berlin") << august << utc("2026-06-30T22:00:00Z") << 0;
        QTest::newRow("Berlin: last instant of June")
            << QByteArray("Europe/Berlin") << august << utc("2026-06-30T21:59:59.999Z") << -1;
        QTest::newRow("Berlin: last instant of August")
            << QByteArray("Europe/Berlin") << august << utc("2026-08-31T21:59:59.999Z") << 1;
        QTest::newRow("Berlin: September is after today's month")
            << QByteArray("Europe/Berlin") << august << utc("2026-08-31T22:00:00Z") << -1;
        const QDate january(2027, 1, 10);
        const QDateTime newYearsEve = utc("2026-12-31T23:30:00Z");
        QTest::newRow("Berlin: New Year")
            << QByteArray("Europe/Berlin") << january << newYearsEve << 1;
        QTest::newRow("New York: New Year's Eve")
            << QByteArray("America/New_York") << january << newYearsEve << 0;
        QTest::newRow("Tokyo: 1 December, 00:00")
            << QByteArray("Asia/Tokyo") << january << utc("2026-11-30T15:00:00Z") << 0;
        QTest::newRow("Tokyo: 30 November, 23:59")
            << QByteArray("Asia/Tokyo") << january << utc("2026-11-30T14:59:00Z") << -1;
    }
    void monthsStartAtLocalMidnight()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDate, today);
        QFETCH(QDateTime, updatedAt);
        QFETCH(int, month);
        const LocalZone local(zone);
        WinLossBuilder builder(2, QString(), today);
        QCOMPARE(builder.monthOf(updatedAt.toMSecsSinceEpoch()), month);
        builder.add(closed(Stage::ClosedWon, 1200, updatedAt));
        const WinLoss winLoss = builder.result({});
        for (int m = 0; m < winLoss.months.size(); ++m) {
            QCOMPARE(winLoss.months.at(m).wonCount, m == month ? 1 : 0);
            QCOMPARE(winLoss.months.at(m).wonAmount, m == month ? 1200.0 : 0.0);
        }
    }

    void closedDealsByMonthWithTheWinRate()
    {
        const LocalZone local("Europe/Berlin");
        Opportunity archivedWin = closed(Stage::ClosedWon, 700, utc("2026-06-10T09:00:00Z"));
        archivedWin.isArchived = true;
        Opportunity open = closed(Stage::Negotiation, 99000, utc("2026-06-10T09:00:00Z"));
        WinLossBuilder builder(3, QString(), QDate(2026, 7, 1));
        const QList<Opportunity> deals = {
            // May: 2 won (1000 + 500), 1 lost (4000).
            closed(Stage::ClosedWon, 1000, utc("2026-05-01T00:00:00+02:00")),
            closed(Stage::ClosedWon, 500, utc("2026-05-31T23:59:00+02:00")),
            closed(Stage::ClosedLost, 4000, utc("2026-05-15T12:00:00Z")),
            // June: an archived win counts; an open deal does not.
            archivedWin,
            open,
            // July, today's month: one lost.
            closed(Stage::ClosedLost, 250, utc("2026-07-01T08:00:00Z")),
            // April is before the months; a deal with no time has no month.
            closed(Stage::ClosedWon, 8000, utc("2026-04-30T21:59:00Z")),
            closed(Stage::ClosedWon, 8000, QDateTime()),
        };
        for (const Opportunity &opportunity : deals)
            builder.add(opportunity);
        const WinLoss winLoss = builder.result({});
        QCOMPARE(winLoss.currency, usd);
        QCOMPARE(winLoss.months.size(), 3);
        const WinLoss::Month &may = winLoss.months.at(0);
        QCOMPARE(may.month, QDate(2026, 5, 1));
        QCOMPARE(may.wonCount, 2);
        QCOMPARE(may.wonAmount, 1500.0);
        QCOMPARE(may.lostCount, 1);
        QCOMPARE(may.lostAmount, 4000.0);
        QCOMPARE(may.winRate(), std::optional<double>(2.0 / 3.0));
        const WinLoss::Month &june = winLoss.months.at(1);
        QCOMPARE(june.wonCount, 1);
        QCOMPARE(june.wonAmount, 700.0);
        QCOMPARE(june.lostCount, 0);
        QCOMPARE(june.winRate(), std::optional<double>(1.0));
        const WinLoss::Month &july = winLoss.months.at(2);
        QCOMPARE(july.wonCount, 0);
        QCOMPARE(july.lostCount, 1);
        QCOMPARE(july.lostAmount, 250.0);
        QCOMPARE(july.winRate(), std::optional<double>(0.0));
        // 3 won of 5 closed.
        QCOMPARE(winLoss.winRate(), std::optional<double>(0.6));
        QVERIFY(winLoss.unconvertedCounts.isEmpty());
    }

    // Base EUR, 1 USD = 0.8 EUR, CHF without a rate: counted, not in the amounts.
    void convertedWithDealsWithoutARateStillCounted_data()
    {
        QTest::addColumn<QString>("asked");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<double>("won");
        QTest::addColumn<double>("lost");
        // 1000 USD + 300 EUR won, 500 USD lost.
        QTest::newRow("the base") << QString() << eur << 1100.0 << 400.0;
        // Through the base: 1000 + 300 / 0.8 = 1375.
        QTest::newRow("cross rate") << usd << usd << 1375.0 << 500.0;
    }
    void convertedWithDealsWithoutARateStillCounted()
    {
        QFETCH(QString, asked);
        QFETCH(QString, currency);
        QFETCH(double, won);
        QFETCH(double, lost);
        const LocalZone local("UTC");
        CurrencyRates rates;
        rates.setBaseCurrency(eur);
        rates.setRate(usd, 0.8, QDate(2026, 11, 1));
        WinLossBuilder builder(1, asked, QDate(2026, 11, 30));
        const QDateTime when = utc("2026-11-20T10:00:00Z");
        builder.add(closed(Stage::ClosedWon, 1000, when, usd));
        builder.add(closed(Stage::ClosedWon, 300, when, eur));
        builder.add(closed(Stage::ClosedLost, 500, when, usd));
        builder.add(closed(Stage::ClosedWon, 9000, when, chf));
        builder.add(closed(Stage::ClosedLost, 9000, when, chf));
        builder.add(closed(Stage::ClosedLost, 9000, when, chf));
        const WinLoss winLoss = builder.result(rates);
        QCOMPARE(winLoss.currency, currency);
        const WinLoss::Month &month = winLoss.months.at(0);
        QCOMPARE(month.wonCount, 3);
        QCOMPARE(month.lostCount, 3);
        QCOMPARE(month.wonAmount, won);
        QCOMPARE(month.lostAmount, lost);
        QCOMPARE(winLoss.unconvertedCounts, (QMap<QString, int>{{chf, 3}}));
        QCOMPARE(winLoss.winRate(), std::optional<double>(0.5));
    }

    // Without an asked currency or a base: the one most closed deals are in, alphabetically on a
    // tie; open deals do not vote.
    void mostCommonCurrencyWithoutABase()
    {
        const LocalZone local("UTC");
        const QDateTime when = utc("2026-11-20T10:00:00Z");
        WinLossBuilder tie(1, QString(), QDate(2026, 11, 30));
        tie.add(closed(Stage::ClosedWon, 10, when, usd));
        tie.add(closed(Stage::ClosedLost, 20, when, eur));
        tie.add(closed(Stage::Proposal, 20, when, usd));
        const WinLoss tied = tie.result({});
        QCOMPARE(tied.currency, eur);
        QCOMPARE(tied.months.at(0).lostAmount, 20.0);
        QCOMPARE(tied.months.at(0).wonAmount, 0.0);
        QCOMPARE(tied.months.at(0).wonCount, 1);
        QCOMPARE(tied.unconvertedCounts, (QMap<QString, int>{{usd, 1}}));
        tie.add(closed(Stage::ClosedWon, 5, when, usd));
        QCOMPARE(tie.result({}).currency, usd);
    }
};

QTEST_GUILESS_MAIN(TestWinLossBuilder)
#include "tst_winlossbuilder.moc"
