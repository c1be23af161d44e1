// The app's fast path for the forecast (ForecastCollector: one pass over the model's packed facts
// through the builders' slot API) gives exactly the figures of the slow path (ForecastBuilder::add
// and WinLossBuilder::add over whole records, filtered by the records themselves), over a few
// thousand random deals: owners (and none), currencies with and without a rate, archived and
// closed deals, close dates around today and none, under several filters and options.
#include "ForecastBuilder.h"
#include "ForecastCollector.h"
#include "LocalZone.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "WinLossBuilder.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <optional>

namespace {

const QDate today(2026, 7, 14);

QList<OpportunityRow> randomRows(int count)
{
    QRandomGenerator random(15);
    const QStringList words{QStringLiteral("Acme"), QStringLiteral("Globex"),
                            QStringLiteral("Müller"), QStringLiteral("Initech")};
    const QStringList owners{QStringLiteral("ana"), QStringLiteral("ben"), QStringLiteral("cy"),
                             QString(), QStringLiteral("dee")};
    // CHF has no rate: its deals are told apart, not converted.
    const QStringList currencies{QStringLiteral("EUR"), QStringLiteral("USD"),
                                 QStringLiteral("JPY"), QStringLiteral("CHF")};
    QList<OpportunityRow> rows;
    for (int i = 0; i < count; ++i) {
        OpportunityRow row;
        Opportunity &o = row.opportunity;
        o.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        o.name = words.at(random.bounded(words.size())) + QStringLiteral(" deal %1").arg(i);
        o.accountId = QStringLiteral("acct-%1").arg(random.bounded(6));
        o.accountName = QStringLiteral("Account ") + o.accountId.right(1);
        o.stage = static_cast<Stage>(random.bounded(6));
        o.ownerId = owners.at(random.bounded(owners.size()));
        o.currency = currencies.at(random.bounded(currencies.size()));
        o.value = random.bounded(100, 500000) + random.bounded(100) / 100.0;
        o.probability = random.bounded(101);
        if (random.bounded(10) != 0)
            o.expectedCloseDate = today.addDays(random.bounded(-120, 500));
        o.isArchived = random.bounded(10) == 0;
        // Over the last 14 months, at any time of day (local midnights matter to won/lost).
        o.createdAt = o.updatedAt =
            QDateTime(today, QTime(12, 0)).addSecs(-qint64(random.bounded(430 * 24 * 3600)));
        rows.append(row);
    }
    return rows;
}

// The slow path: the filter applied to the whole record, as the command line would.
bool keeps(const OpportunityFilter &filter, const StaleRule &rule, const Opportunity &o)
{
    return filter.accepts(o) && (!filter.staleOnly || rule.isStale(o.stage, o.updatedAt, today));
}

void compare(const Forecast &fast, const Forecast &slow)
{
    QCOMPARE(fast.currency, slow.currency);
    QCOMPARE(fast.weighted, slow.weighted);
    QCOMPARE(fast.grouping, slow.grouping);
    QCOMPARE(fast.buckets, slow.buckets);
    QCOMPARE(fast.series, slow.series);
    QCOMPARE(fast.counts, slow.counts);
    QCOMPARE(fast.amounts, slow.amounts);
    QCOMPARE(fast.unconverted.keys(), slow.unconverted.keys());
    for (auto it = slow.unconverted.cbegin(); it != slow.unconverted.cend(); ++it) {
        QCOMPARE(fast.unconverted.value(it.key()).count, it->count);
        QCOMPARE(fast.unconverted.value(it.key()).amount, it->amount);
    }
}

void compare(const PipelineSummary &fast, const PipelineSummary &slow)
{
    QCOMPARE(fast.count, slow.count);
    QCOMPARE(fast.open.count, slow.open.count);
    QCOMPARE(fast.open.value, slow.open.value);
    QCOMPARE(fast.open.weighted, slow.open.weighted);
    QCOMPARE(fast.won.count, slow.won.count);
    QCOMPARE(fast.won.value, slow.won.value);
}

void compare(const WinLoss &fast, const WinLoss &slow)
{
    QCOMPARE(fast.currency, slow.currency);
    QCOMPARE(fast.unconvertedCounts, slow.unconvertedCounts);
    QCOMPARE(fast.months.size(), slow.months.size());
    for (qsizetype i = 0; i < slow.months.size(); ++i) {
        const WinLoss::Month &a = fast.months.at(i);
        const WinLoss::Month &b = slow.months.at(i);
        QCOMPARE(a.month, b.month);
        QCOMPARE(a.wonCount, b.wonCount);
        QCOMPARE(a.lostCount, b.lostCount);
        QCOMPARE(a.wonAmount, b.wonAmount);
        QCOMPARE(a.lostAmount, b.lostAmount);
    }
}

} // namespace

class TestForecastCollector final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Local months and days away from UTC: Berlin's midnight is 22:00 or 23:00 UTC.
        m_zone.emplace("Europe/Berlin");
    }
    void cleanupTestCase() { m_zone.reset(); }

    void sameFiguresAsTheSlowPath_data()
    {
        QTest::addColumn<OpportunityFilter>("filter");
        QTest::addColumn<ForecastOptions>("options");

        QList<std::pair<QByteArray, OpportunityFilter>> filters;
        filters.append({"no filter", OpportunityFilter()});
        OpportunityFilter stages;
        stages.stages = {Stage::Proposal, Stage::Negotiation, Stage::ClosedWon};
        filters.append({"stages", stages});
        OpportunityFilter owner;
        owner.ownerId = QStringLiteral("ben");
        filters.append({"owner", owner});
        OpportunityFilter account;
        account.accountId = QStringLiteral("acct-3");
        filters.append({"account", account});
        OpportunityFilter search;
        search.setSearch(QStringLiteral("MULLER"));
        filters.append({"search", search});
        OpportunityFilter stale;
        stale.staleOnly = true;
        filters.append({"stale only", stale});
        // A bar's window narrows the list, not the forecast.
        OpportunityFilter closing = owner;
        closing.closing.kind = CloseWindow::Kind::Between;
        closing.closing.first = QDate(2026, 8, 1);
        closing.closing.last = QDate(2026, 8, 31);
        filters.append({"closing window", closing});
        OpportunityFilter archived;
        archived.archived = true;
        filters.append({"archived", archived});

        QList<std::pair<QByteArray, ForecastOptions>> choices;
        choices.append({"by stage", ForecastOptions()});
        ForecastOptions byOwner;
        byOwner.grouping = ForecastGrouping::Owner;
        byOwner.weighted = true;
        byOwner.months = 12;
        choices.append({"by owner weighted 12", byOwner});
        ForecastOptions inUsd;
        inUsd.currency = QStringLiteral("USD");
        inUsd.months = 9;
        choices.append({"in USD", inUsd});
        ForecastOptions inChf = byOwner;
        inChf.currency = QStringLiteral("CHF"); // nothing converts into it but itself
        choices.append({"by owner in CHF", inChf});

        for (const auto &[filterName, filter] : filters) {
            for (const auto &[optionsName, options] : choices)
                QTest::newRow(QByteArray(filterName + ", " + optionsName).constData())
                    << filter << options;
        }
    }

    void sameFiguresAsTheSlowPath()
    {
        QFETCH(OpportunityFilter, filter);
        QFETCH(ForecastOptions, options);

        OpportunityListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setToday(today);
        const QList<OpportunityRow> rows = randomRows(3000);
        model.resetRows(rows);
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QVERIFY(rates.setRate(QStringLiteral("USD"), 0.9, today));
        QVERIFY(rates.setRate(QStringLiteral("JPY"), 0.006, today));
        model.setRates(rates);

        const ForecastCollector::Figures fast = ForecastCollector(model).collect(filter, options);

        ForecastBuilder forecast(options, today);
        WinLossBuilder winLoss(options.months, options.currency, today);
        // Won/lost: closed deals, archived or not, under the filter without its stages.
        OpportunityFilter closedFilter = filter;
        closedFilter.stages.clear();
        closedFilter.staleOnly = false;
        int kept = 0;
        for (const OpportunityRow &row : rows) {
            const Opportunity &o = row.opportunity;
            if (keeps(filter, model.staleRule(), o)) {
                forecast.add(o);
                if (filter.closing.contains(o.expectedCloseDate, today))
                    ++kept;
            }
            closedFilter.archived = o.isArchived;
            if (Stages::isClosed(o.stage) && keeps(closedFilter, model.staleRule(), o))
                winLoss.add(o);
        }
        compare(fast.forecast, forecast.result(rates));
        compare(fast.winLoss, winLoss.result(rates));

        // The filter bar's summary counts what the list lists, window included.
        QCOMPARE(fast.summary.count, kept);
        OpportunityFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setFilter(filter);
        QCOMPARE(fast.summary.count, proxy.rowCount());
        QCOMPARE(fast.summary.open.value, proxy.summary().open.value);
        QCOMPARE(fast.summary.won.count, proxy.summary().won.count);

        // Not vacuous: deals counted and deals left out for want of a rate, but for archived
        // deals, which the forecast never counts.
        QCOMPARE(fast.forecast.dealCount() > 0, !filter.archived);
        QCOMPARE(fast.forecast.unconverted.isEmpty(), filter.archived);
        int closed = 0;
        for (const WinLoss::Month &month : fast.winLoss.months)
            closed += month.wonCount + month.lostCount;
        QVERIFY(closed > 0);
    }

    // One collector kept across keystrokes (as the forecast pane keeps it) remembers the rows
    // each search let through and the figures it made: after edits, removals, new rows, new
    // rates and other options its figures are still those of a collector made afresh, which
    // tests every row.
    void keptRowsFollowTheModel()
    {
        OpportunityListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setToday(today);
        QList<OpportunityRow> rows = randomRows(3000);
        model.resetRows(rows);
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QVERIFY(rates.setRate(QStringLiteral("USD"), 0.9, today));
        model.setRates(rates);

        ForecastCollector kept(model);
        OpportunityFilter filter;
        ForecastOptions options;
        using Pass = ForecastCollector::Pass;
        const auto same = [&](Pass expected) {
            const ForecastCollector::Figures figures = kept.collect(filter, options);
            const Pass pass = kept.lastPass();
            const ForecastCollector::Figures afresh =
                ForecastCollector(model).collect(filter, options);
            compare(figures.summary, afresh.summary);
            compare(figures.forecast, afresh.forecast);
            compare(figures.winLoss, afresh.winLoss);
            QCOMPARE(pass, expected);
        };
        const auto search = [&](const QString &text, Pass expected) {
            filter.setSearch(text);
            same(expected);
        };

        // "müller" typed: each letter tests only the rows the one before kept.
        search(QString(), Pass::All);
        for (const char *typed : {"m", "mu", "mul", "mull", "mulle", "muller"}) {
            search(QString::fromLatin1(typed), Pass::Narrowed);
            if (QTest::currentTestFailed())
                return;
        }
        // Erased: the figures made for it.
        search(QStringLiteral("mul"), Pass::Made);
        // Other options: the rows kept for the search, no test.
        options.grouping = ForecastGrouping::Owner;
        same(Pass::Kept);

        // A deal renamed into the search, one renamed out of it.
        const int into =
            int(std::find_if(rows.cbegin(), rows.cend(),
                             [](const OpportunityRow &row) {
                                 return !Stages::isClosed(row.opportunity.stage) &&
                                        !row.opportunity.isArchived &&
                                        !row.opportunity.name.startsWith(QStringLiteral("Müller"));
                             }) -
                rows.cbegin());
        const int outOf =
            int(std::find_if(rows.cbegin(), rows.cend(),
                             [](const OpportunityRow &row) {
                                 return !Stages::isClosed(row.opportunity.stage) &&
                                        !row.opportunity.isArchived &&
                                        row.opportunity.name.startsWith(QStringLiteral("Müller"));
                             }) -
                rows.cbegin());
        rows[into].opportunity.name = QStringLiteral("Müllerstraße");
        rows[outOf].opportunity.name = QStringLiteral("Schmidt");
        model.upsertRows({rows.at(into), rows.at(outOf)});
        search(QStringLiteral("mul"), Pass::All);
        search(QStringLiteral("mull"), Pass::Narrowed);

        // Deals removed, and new ones.
        model.removeIds({rows.at(into).opportunity.id, rows.at(7).opportunity.id});
        search(QStringLiteral("mull"), Pass::All);
        QList<OpportunityRow> added = randomRows(40);
        for (OpportunityRow &row : added)
            row.opportunity.id.replace(0, 8, QStringLiteral("11111111"));
        model.upsertRows(added);
        search(QStringLiteral("mulle"), Pass::All);
        search(QStringLiteral("muller"), Pass::Narrowed);

        // New rates: the same rows, other figures.
        QVERIFY(rates.setRate(QStringLiteral("JPY"), 0.006, today));
        model.setRates(rates);
        search(QStringLiteral("muller"), Pass::Kept);

        // Another owner: the rows of that owner's searches.
        filter.ownerId = QStringLiteral("ben");
        same(Pass::All);
        search(QStringLiteral("mul"), Pass::All);
    }

private:
    std::optional<LocalZone> m_zone;
};

QTEST_GUILESS_MAIN(TestForecastCollector)
#include "tst_forecastcollector.moc"
