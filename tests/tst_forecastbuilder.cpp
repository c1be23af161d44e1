// The forecast's figures against hand-computed ones: the buckets (overdue, each month from
// today on, later, no date) at their boundaries and across a year, only open unarchived deals,
// weighted and unweighted, stacked by stage or by owner (largest converted total first), in
// the asked, base or most common currency, with what has no rate left out and told. The fast
// path (slots) and the slow one (whole records) agree, and each bar's filter window holds
// exactly its deals.
#include "ForecastBuilder.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

const QString usd = QStringLiteral("USD");
const QString eur = QStringLiteral("EUR");
const QString gbp = QStringLiteral("GBP");
const QString chf = QStringLiteral("CHF");

// The last day of November 2026: tomorrow is another month, and the year turns two months on.
const QDate today(2026, 11, 30);

Opportunity deal(Stage stage, double value, const QDate &close, int probability = 0,
                 const QString &currency = usd, const QString &owner = {})
{
    Opportunity opportunity;
    opportunity.id = QStringLiteral("d-%1").arg(value);
    opportunity.stage = stage;
    opportunity.value = value;
    opportunity.probability = probability;
    opportunity.expectedCloseDate = close;
    opportunity.currency = currency;
    opportunity.ownerId = owner;
    return opportunity;
}

Forecast build(const QList<Opportunity> &deals, const ForecastOptions &options,
               const CurrencyRates &rates = {})
{
    ForecastBuilder builder(options, today);
    for (const Opportunity &opportunity : deals)
        builder.add(opportunity);
    return builder.result(rates);
}

ForecastOptions months(int count, bool weighted = false)
{
    ForecastOptions options;
    options.months = count;
    options.weighted = weighted;
    return options;
}

// The rates the currency tests use: base EUR, 1 USD = 0.9 EUR, 1 GBP = 1.2 EUR, no CHF.
CurrencyRates eurRates()
{
    CurrencyRates rates;
    rates.setBaseCurrency(eur);
    rates.setRate(usd, 0.9, today);
    rates.setRate(gbp, 1.2, today);
    return rates;
}

QList<double> row(std::initializer_list<double> values)
{
    return QList<double>(values);
}

} // namespace

class TestForecastBuilder final : public QObject
{
    Q_OBJECT

private slots:
    void bucketsAreOverdueTheMonthsLaterAndNoDate()
    {
        const Forecast forecast = build({}, months(3));
        using Kind = ForecastBucket::Kind;
        const QList<ForecastBucket> expected = {
            {Kind::Overdue, QDate()},          {Kind::Month, QDate(2026, 11, 1)},
            {Kind::Month, QDate(2026, 12, 1)}, {Kind::Month, QDate(2027, 1, 1)},
            {Kind::Later, QDate(2027, 2, 1)},  {Kind::NoDate, QDate()},
        };
        QCOMPARE(forecast.buckets, expected);
        // Every open stage, in pipeline order, even without a deal.
        QCOMPARE(forecast.series,
                 QStringList({QStringLiteral("prospecting"), QStringLiteral("qualification"),
                              QStringLiteral("proposal"), QStringLiteral("negotiation")}));
        QCOMPARE(forecast.amounts, QList<QList<double>>(4, QList<double>(6, 0.0)));
        QCOMPARE(forecast.counts, QList<QList<int>>(4, QList<int>(6, 0)));
        // Nothing counted, no currency asked for and no base: none to name.
        QVERIFY(forecast.currency.isEmpty());
        QVERIFY(forecast.unconverted.isEmpty());
    }

    void monthsAreClampedToOneToTwentyFour_data()
    {
        QTest::addColumn<int>("asked");
        QTest::addColumn<int>("shown");
        QTest::addColumn<QDate>("later");
        QTest::newRow("0") << 0 << 1 << QDate(2026, 12, 1);
        QTest::newRow("-3") << -3 << 1 << QDate(2026, 12, 1);
        QTest::newRow("12") << 12 << 12 << QDate(2027, 11, 1);
        QTest::newRow("24") << 24 << 24 << QDate(2028, 11, 1);
        QTest::newRow("25") << 25 << 24 << QDate(2028, 11, 1);
    }
    void monthsAreClampedToOneToTwentyFour()
    {
        QFETCH(int, asked);
        QFETCH(int, shown);
        QFETCH(QDate, later);
        const Forecast forecast = build({}, months(asked));
        QCOMPARE(forecast.buckets.size(), shown + 3);
        QCOMPARE(forecast.buckets.at(shown + 1).kind, ForecastBucket::Kind::Later);
        QCOMPARE(forecast.buckets.at(shown + 1).month, later);
    }

    void closeDatesFallIntoTheirBucket_data()
    {
        QTest::addColumn<QDate>("close");
        QTest::addColumn<int>("bucket");
        // Buckets with 3 months from 2026-11-30: 0 overdue, 1 Nov, 2 Dec, 3 Jan, 4 later, 5 none.
        QTest::newRow("long ago") << QDate(2020, 1, 1) << 0;
        QTest::newRow("first of this month") << QDate(2026, 11, 1) << 0;
        QTest::newRow("yesterday") << QDate(2026, 11, 29) << 0;
        QTest::newRow("today") << today << 1;
        QTest::newRow("first of next month") << QDate(2026, 12, 1) << 2;
        QTest::newRow("New Year's Eve") << QDate(2026, 12, 31) << 2;
        QTest::newRow("New Year's Day") << QDate(2027, 1, 1) << 3;
        QTest::newRow("last of the last month") << QDate(2027, 1, 31) << 3;
        QTest::newRow("first day after") << QDate(2027, 2, 1) << 4;
        QTest::newRow("far on") << QDate(2040, 6, 1) << 4;
        QTest::newRow("no date") << QDate() << 5;
    }
    void closeDatesFallIntoTheirBucket()
    {
        QFETCH(QDate, close);
        QFETCH(int, bucket);
        const ForecastBuilder builder(months(3), today);
        QCOMPARE(builder.bucketOf(CloseWindow::dayOf(close)), bucket);
        // The same deal through the slow path counts in that bucket and nowhere else.
        const Forecast forecast = build({deal(Stage::Proposal, 700, close)}, months(3));
        QList<int> expected(6, 0);
        expected[bucket] = 1;
        QCOMPARE(forecast.counts.at(2), expected);
        QCOMPARE(forecast.bucketTotal(bucket), 700.0);
        QCOMPARE(forecast.total(), 700.0);
    }

    // A bar's filter window (click-to-filter) holds exactly the close dates of its bucket.
    void eachBucketsWindowHoldsExactlyItsDates()
    {
        for (const QDate &day : {today, QDate(2026, 12, 1), QDate(2027, 2, 14)}) {
            const ForecastBuilder builder(months(4), day);
            const Forecast forecast = ForecastBuilder(months(4), day).result({});
            for (int offset = -70; offset <= 200; ++offset) {
                const QDate close = day.addDays(offset);
                const int bucket = builder.bucketOf(CloseWindow::dayOf(close));
                for (int b = 0; b < forecast.buckets.size(); ++b)
                    QVERIFY2(forecast.buckets[b].window(day).contains(close, day) == (b == bucket),
                             qPrintable(close.toString(Qt::ISODate)));
            }
            QVERIFY(forecast.buckets.constLast().window(day).contains(QDate(), day));
        }
    }

    void onlyOpenUnarchivedDealsCount_data()
    {
        QTest::addColumn<bool>("weighted");
        QTest::addColumn<QList<QList<double>>>("amounts");
        QTest::addColumn<double>("total");
        // Columns: overdue, Nov, Dec, Jan, later, no date; rows: the four open stages.
        QTest::newRow("unweighted")
            << false
            << QList<QList<double>>{row({0, 1000, 0, 0, 0, 0}), row({0, 0, 2000, 0, 0, 0}),
                                    row({4000, 0, 0, 300, 0, 0}), row({0, 0, 0, 0, 500, 8000})}
            << 15800.0;
        // value × probability / 100: 100, 500, 2000, 150, 400, 6000.
        QTest::newRow("weighted") << true
                                  << QList<QList<double>>{row({0, 100, 0, 0, 0, 0}),
                                                          row({0, 0, 500, 0, 0, 0}),
                                                          row({2000, 0, 0, 150, 0, 0}),
                                                          row({0, 0, 0, 0, 400, 6000})}
                                  << 9150.0;
    }
    void onlyOpenUnarchivedDealsCount()
    {
        QFETCH(bool, weighted);
        QFETCH(QList<QList<double>>, amounts);
        QFETCH(double, total);
        Opportunity archived = deal(Stage::Prospecting, 100000, today, 10);
        archived.isArchived = true;
        const QList<Opportunity> deals = {
            deal(Stage::Prospecting, 1000, today, 10),
            deal(Stage::Qualification, 2000, QDate(2026, 12, 31), 25),
            deal(Stage::Proposal, 4000, QDate(2026, 11, 29), 50),
            deal(Stage::Proposal, 300, QDate(2027, 1, 1), 50),
            deal(Stage::Negotiation, 500, QDate(2027, 2, 1), 80),
            deal(Stage::Negotiation, 8000, QDate(), 75),
            archived,
            deal(Stage::ClosedWon, 70000, QDate(2026, 12, 1), 100),
            deal(Stage::ClosedLost, 30000, today, 0),
        };
        const Forecast forecast = build(deals, months(3, weighted));
        QCOMPARE(forecast.weighted, weighted);
        QCOMPARE(forecast.amounts, amounts);
        QCOMPARE(
            forecast.counts,
            QList<QList<int>>(
                {{0, 1, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 0}, {1, 0, 0, 1, 0, 0}, {0, 0, 0, 0, 1, 1}}));
        QCOMPARE(forecast.total(), total);
        QCOMPARE(forecast.dealCount(), 6);
        QCOMPARE(forecast.currency, usd);
    }

    // Base EUR, 1 USD = 0.9 EUR, 1 GBP = 1.2 EUR, CHF without a rate.
    void convertedIntoOneCurrency_data()
    {
        QTest::addColumn<QString>("asked");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<double>("amount");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("unconverted");
        // 1000 USD + 500 EUR + 200 GBP = 900 + 500 + 240 EUR.
        QTest::newRow("the base") << QString() << eur << 1640.0 << 3 << QStringList{chf};
        // Through the base: 1000 USD + (500 + 240) / 0.9.
        QTest::newRow("cross rate") << usd << usd << 1000 + 740 / 0.9 << 3 << QStringList{chf};
        QTest::newRow("GBP") << gbp << gbp << (900 + 500) / 1.2 + 200 << 3 << QStringList{chf};
        // No rate to JPY: nothing converts, each currency is told.
        QTest::newRow("no rate to it") << QStringLiteral("JPY") << QStringLiteral("JPY") << 0.0 << 0
                                       << QStringList{chf, eur, gbp, usd};
    }
    void convertedIntoOneCurrency()
    {
        QFETCH(QString, asked);
        QFETCH(QString, currency);
        QFETCH(double, amount);
        QFETCH(int, count);
        QFETCH(QStringList, unconverted);
        ForecastOptions options = months(3);
        options.currency = asked;
        const Forecast forecast = build({deal(Stage::Prospecting, 1000, today, 0, usd),
                                         deal(Stage::Prospecting, 500, today, 0, eur),
                                         deal(Stage::Prospecting, 200, today, 0, gbp),
                                         deal(Stage::Prospecting, 300, today, 0, chf),
                                         deal(Stage::Prospecting, 100, QDate(), 0, chf)},
                                        options, eurRates());
        QCOMPARE(forecast.currency, currency);
        QCOMPARE(forecast.amounts.at(0).at(1), amount);
        QCOMPARE(forecast.total(), amount);
        QCOMPARE(forecast.dealCount(), count);
        QCOMPARE(forecast.unconverted.keys(), unconverted);
        // CHF is always left out: two deals, 400 in its own currency, in no figure.
        QCOMPARE(forecast.unconverted.value(chf).count, 2);
        QCOMPARE(forecast.unconverted.value(chf).amount, 400.0);
        QCOMPARE(forecast.counts.at(0).at(5), 0);
    }

    // Without a currency asked for or a base, the one most counted deals are in; a tie goes
    // alphabetically; without a base there are no rates, so the others are told.
    void mostCommonCurrencyWithoutABase()
    {
        const QList<Opportunity> deals = {
            deal(Stage::Prospecting, 10, today, 0, usd),
            deal(Stage::Proposal, 20, today, 0, usd),
            deal(Stage::Negotiation, 40, today, 0, gbp),
            deal(Stage::Negotiation, 80, QDate(), 0, gbp),
            deal(Stage::Negotiation, 160, QDate(), 0, eur),
        };
        const Forecast tie = build(deals, months(3));
        QCOMPARE(tie.currency, gbp);
        QCOMPARE(tie.total(), 120.0);
        QCOMPARE(tie.unconverted.keys(), QStringList({eur, usd}));
        QCOMPARE(tie.unconverted.value(usd).amount, 30.0);

        // Closed and archived deals are not counted towards the choice.
        QList<Opportunity> more = deals;
        more.append(deal(Stage::ClosedWon, 1, today, 0, eur));
        Opportunity archived = deal(Stage::Prospecting, 1, today, 0, eur);
        archived.isArchived = true;
        more.append(archived);
        more.append(deal(Stage::Qualification, 5, today, 0, usd));
        const Forecast most = build(more, months(3));
        QCOMPARE(most.currency, usd);
        QCOMPARE(most.total(), 35.0);
        QCOMPARE(most.dealCount(), 3);
    }

    // Owners by converted total, largest first, then by id (alice and bob tie); no owner is an
    // empty id; an owner with nothing converted has no series.
    void ownersByConvertedTotal()
    {
        CurrencyRates rates;
        rates.setBaseCurrency(usd);
        rates.setRate(eur, 1.25, today);
        ForecastOptions options = months(2);
        options.grouping = ForecastGrouping::Owner;
        const QString alice = QStringLiteral("alice");
        const QString bob = QStringLiteral("bob");
        const QString carol = QStringLiteral("carol");
        Opportunity archived = deal(Stage::Proposal, 90000, today, 0, usd, QStringLiteral("frank"));
        archived.isArchived = true;
        const Forecast forecast = build(
            {
                deal(Stage::Proposal, 500, today, 0, usd, alice),
                deal(Stage::Prospecting, 300, QDate(2026, 12, 5), 0, usd, bob),
                deal(Stage::Negotiation, 200, QDate(), 0, usd, bob),
                deal(Stage::Qualification, 2000, QDate(2026, 1, 1), 0, usd, QString()),
                // 460 EUR is 575 USD: more than alice's 500, though fewer units.
                deal(Stage::Prospecting, 460, today, 0, eur, carol),
                deal(Stage::Prospecting, 10000, today, 0, chf, QStringLiteral("dave")),
                deal(Stage::ClosedWon, 50000, today, 0, usd, QStringLiteral("erin")),
                archived,
            },
            options, rates);
        QCOMPARE(forecast.grouping, ForecastGrouping::Owner);
        QCOMPARE(forecast.series, QStringList({QString(), carol, alice, bob}));
        // Buckets: overdue, Nov, Dec, later, no date.
        QCOMPARE(forecast.amounts,
                 QList<QList<double>>({row({2000, 0, 0, 0, 0}), row({0, 575, 0, 0, 0}),
                                       row({0, 500, 0, 0, 0}), row({0, 0, 300, 0, 200})}));
        QCOMPARE(forecast.counts.at(3), QList<int>({0, 0, 1, 0, 1}));
        QCOMPARE(forecast.unconverted.value(chf).count, 1);
        QCOMPARE(forecast.unconverted.value(chf).amount, 10000.0);
        QCOMPARE(forecast.total(), 3575.0);
    }

    // The app's slots, taken in any order, give the very figures of the whole records.
    void slotsAgreeWithWholeRecords()
    {
        QRandomGenerator random(15);
        const QStringList currencies = {usd, eur, gbp, chf};
        const QStringList owners = {QString(), QStringLiteral("a"), QStringLiteral("b")};
        const QList<Stage> stages = Stages::all();
        QList<Opportunity> deals;
        for (int i = 0; i < 2000; ++i) {
            Opportunity opportunity =
                deal(stages[random.bounded(int(stages.size()))], random.bounded(100000) / 100.0,
                     random.bounded(5) == 0 ? QDate() : today.addDays(random.bounded(-90, 400)),
                     random.bounded(101), currencies[random.bounded(int(currencies.size()))],
                     owners[random.bounded(int(owners.size()))]);
            opportunity.isArchived = random.bounded(10) == 0;
            deals.append(opportunity);
        }
        for (ForecastGrouping grouping : {ForecastGrouping::Stage, ForecastGrouping::Owner}) {
            ForecastOptions options = months(6, true);
            options.grouping = grouping;
            ForecastBuilder fastPath(options, today);
            // Currencies taken in the reverse order of the records' first use.
            QList<int> currencySlots(currencies.size());
            for (qsizetype c = currencies.size() - 1; c >= 0; --c)
                currencySlots[c] = fastPath.currencySlot(currencies[c]);
            for (const Opportunity &opportunity : std::as_const(deals)) {
                if (opportunity.isArchived)
                    continue;
                fastPath.addAt(fastPath.seriesSlot(opportunity.stage, opportunity.ownerId),
                               fastPath.bucketOf(CloseWindow::dayOf(opportunity.expectedCloseDate)),
                               currencySlots[currencies.indexOf(opportunity.currency)],
                               opportunity.weightedValue());
            }
            const Forecast fast = fastPath.result(eurRates());
            const Forecast slow = build(deals, options, eurRates());
            QCOMPARE(fast.series, slow.series);
            QCOMPARE(fast.counts, slow.counts);
            QCOMPARE(fast.currency, eur);
            QVERIFY(fast.amounts == slow.amounts);
            QCOMPARE(fast.unconverted.keys(), QStringList{chf});
            QVERIFY(fast.dealCount() > 500);
        }
    }
};

QTEST_GUILESS_MAIN(TestForecastBuilder)
#include "tst_forecastbuilder.moc"
