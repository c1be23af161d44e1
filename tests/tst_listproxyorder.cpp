// The list proxy keeps its sort while the records change under it: after single changes, appends,
// removals, a change of many rows at once and a chunk of thousands of rows appended in one go,
// under every sort column in both orders, it shows exactly the rows the filter passes, in the
// column's order (worked out here from the records alone), ties in cache order. Under
// QAbstractItemModelTester.
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"

#include <QAbstractItemModelTester>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

namespace {

const QDate today(2026, 6, 1);

// Few distinct values per field: many ties, in every column.
Opportunity randomDeal(int n, QRandomGenerator &random)
{
    static const char *const words[] = {"alpha", "Alpha", "BETA", "gamma", "Delta", "müller",
                                        "Acme",  "acme",  "zeta", "Eta",   "Theta", "iota"};
    static const char *const currencies[] = {"EUR", "USD", "JPY", "CHF"};
    static const char *const owners[] = {"ana", "ben", "cy", ""};
    Opportunity o;
    o.id = QStringLiteral("deal-%1").arg(n);
    o.name = QString::fromUtf8(words[random.bounded(12)]);
    if (random.bounded(3) == 0)
        o.name += QStringLiteral(" Renewal");
    const int account = static_cast<int>(random.bounded(5));
    o.accountId = QStringLiteral("acct-%1").arg(account);
    o.accountName =
        account == 0 ? QString() : QStringLiteral("Account %1").arg(QChar(u'A' + account));
    o.stage = static_cast<Stage>(random.bounded(6));
    o.value = random.bounded(20) * 500.0;
    o.currency = QString::fromLatin1(currencies[random.bounded(4)]);
    o.probability = static_cast<int>(random.bounded(11)) * 10;
    o.expectedCloseDate = random.bounded(5) == 0 ? QDate() : today.addDays(random.bounded(60) - 30);
    o.ownerId = QString::fromLatin1(owners[random.bounded(4)]);
    o.isArchived = random.bounded(10) == 0;
    o.updatedAt = QDateTime(today.addDays(-static_cast<int>(random.bounded(40))),
                            QTime(static_cast<int>(random.bounded(3)), 0), Qt::UTC);
    return o;
}

QList<OpportunityRow> randomRows(int from, int count, QRandomGenerator &random)
{
    QList<OpportunityRow> rows;
    for (int n = from; n < from + count; ++n)
        rows.append({randomDeal(n, random), SyncState::Synced, QString()});
    return rows;
}

// What a row sorts by, from its record: a group (amounts without a rate after the converted ones,
// by code, in both orders), then a text or a number in the column's order.
struct Key
{
    int group = 0;
    QString text;
    double number = 0;
};

Key keyOf(const OpportunityListModel &model, int row, int column)
{
    const Opportunity &o = model.rowAt(row).opportunity;
    Key key;
    switch (column) {
    case OpportunityListModel::Name:
        key.text = OpportunityFilter::fold(o.name);
        break;
    case OpportunityListModel::Account:
        key.text = o.accountName.toCaseFolded();
        break;
    case OpportunityListModel::StageColumn:
        key.number = static_cast<int>(o.stage);
        break;
    case OpportunityListModel::Value:
    case OpportunityListModel::Weighted: {
        const double amount = column == OpportunityListModel::Value ? o.value : o.weightedValue();
        if (const auto rate = model.rates().rateToBase(o.currency)) {
            key.number = amount * *rate;
        } else {
            key.group = o.currency == QLatin1String("CHF") ? 1 : 2; // CHF before JPY
            key.number = amount;
        }
        break;
    }
    case OpportunityListModel::Probability:
        key.number = o.probability;
        break;
    case OpportunityListModel::CloseDate:
        key.number = o.expectedCloseDate.isValid() ? o.expectedCloseDate.toJulianDay() : 1e15;
        break;
    case OpportunityListModel::Owner:
        key.text = model.ownerName(o.ownerId).toCaseFolded();
        break;
    case OpportunityListModel::Updated:
        key.number = static_cast<double>(o.updatedAt.toMSecsSinceEpoch());
        break;
    case OpportunityListModel::StaleColumn:
        // The fresh first, then the stale with the latest change first.
        key.number =
            model.isStaleAt(row) ? 1e14 - static_cast<double>(o.updatedAt.toMSecsSinceEpoch()) : -1;
        break;
    }
    return key;
}

// The ids the filter passes, in the column's order: what the proxy must show.
QStringList expectedIds(const OpportunityListModel &model, const OpportunityFilter &filter,
                        int column, Qt::SortOrder order)
{
    QList<int> rows;
    QList<Key> keys;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.accepts(filter, row))
            rows.append(row);
        keys.append(keyOf(model, row, column));
    }
    const bool ascending = order == Qt::AscendingOrder;
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const Key &x = keys.at(a);
        const Key &y = keys.at(b);
        if (x.group != y.group)
            return x.group < y.group;
        if (x.text != y.text)
            return ascending ? x.text < y.text : y.text < x.text;
        return ascending ? x.number < y.number : y.number < x.number;
    });
    QStringList ids;
    for (int row : rows)
        ids.append(model.rowAt(row).opportunity.id);
    return ids;
}

QStringList shownIds(const OpportunityFilterProxy &proxy, const OpportunityListModel &model)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(model.rowAt(proxy.mapToSource(proxy.index(row, 0)).row()).opportunity.id);
    return ids;
}

} // namespace

class TestListProxyOrder final : public QObject
{
    Q_OBJECT

private slots:
    void keepsOrderThroughChanges_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        for (int column = 0; column < OpportunityListModel::ColumnCount; ++column) {
            const QByteArray name = QMetaEnum::fromType<OpportunityListModel::Column>().key(column);
            QTest::newRow(QByteArray(name + " ascending").constData())
                << column << Qt::AscendingOrder;
            QTest::newRow(QByteArray(name + " descending").constData())
                << column << Qt::DescendingOrder;
        }
    }
    void keepsOrderThroughChanges()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QRandomGenerator random(column * 2 + 1);
        OpportunityListModel model;
        model.setToday(today);
        StaleRule rule;
        rule.setDays(Stage::Prospecting, 10);
        rule.setDays(Stage::Proposal, 20);
        model.setStaleRule(rule);
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QVERIFY(rates.setRate(QStringLiteral("USD"), 0.9, today));
        model.setRates(rates);
        model.resetRows(randomRows(0, 300, random));
        OpportunityFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral("e")); // passes about half of the names
        proxy.setFilter(filter);
        proxy.sort(column, order);
        QCOMPARE(shownIds(proxy, model), expectedIds(model, filter, column, order));
        int next = 300;

        // One deal changed at a time, each checked.
        for (int step = 0; step < 40; ++step) {
            const int row = static_cast<int>(random.bounded(model.rowCount()));
            OpportunityRow changed = model.rowAt(row);
            const QString id = changed.opportunity.id;
            changed.opportunity = randomDeal(0, random);
            changed.opportunity.id = id;
            model.upsertRows({changed});
            QCOMPARE(shownIds(proxy, model), expectedIds(model, filter, column, order));
        }
        // Appended one by one, and removed.
        for (int step = 0; step < 10; ++step) {
            model.upsertRows(randomRows(next++, 1, random));
            QCOMPARE(shownIds(proxy, model), expectedIds(model, filter, column, order));
        }
        for (int step = 0; step < 15; ++step) {
            const int row = static_cast<int>(random.bounded(model.rowCount()));
            model.removeIds({model.rowAt(row).opportunity.id});
            QCOMPARE(shownIds(proxy, model), expectedIds(model, filter, column, order));
        }
        // Most deals changed at once (a bulk edit: one change over their span).
        QList<OpportunityRow> bulk;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (random.bounded(20) == 0)
                continue;
            OpportunityRow changed = model.rowAt(row);
            const QString id = changed.opportunity.id;
            changed.opportunity = randomDeal(0, random);
            changed.opportunity.id = id;
            bulk.append(changed);
        }
        QSignalSpy sourceChanged(&model, &QAbstractItemModel::dataChanged);
        model.upsertRows(bulk);
        QCOMPARE(sourceChanged.size(), 1);
        QCOMPARE(shownIds(proxy, model), expectedIds(model, filter, column, order));

        // A chunk of thousands appended at once lands among the others, announced in a few
        // signals rather than one per row.
        QSignalSpy sourceInserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy relaid(&proxy, &QAbstractItemModel::layoutChanged);
        model.upsertRows(randomRows(next, 3000, random));
        QCOMPARE(sourceInserted.size(), 1); // one append, as the start-up's chunks come
        QCOMPARE(shownIds(proxy, model), expectedIds(model, filter, column, order));
        QVERIFY(inserted.size() + relaid.size() <= 17);

        // The same rows whatever the filter then.
        filter.setSearch(QStringLiteral("a"));
        proxy.setFilter(filter);
        QCOMPARE(shownIds(proxy, model), expectedIds(model, filter, column, order));
    }

    // Typing narrows the rows shown (only they are searched again), erasing widens them again
    // (all are): each keystroke shows exactly the rows that pass, in order, with their summary.
    void typingAndErasing()
    {
        QRandomGenerator random(11);
        OpportunityListModel model;
        model.resetRows(randomRows(0, 400, random));
        OpportunityFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(OpportunityListModel::Name, Qt::DescendingOrder);
        const QString word = QStringLiteral("renewal");
        QStringList typed;
        for (qsizetype length = 1; length <= word.size(); ++length)
            typed.append(word.left(length));
        for (qsizetype length = word.size() - 1; length >= 0; --length)
            typed.append(word.left(length));
        typed.append({QStringLiteral("ta"), QStringLiteral("eta"), QStringLiteral("a")});
        for (const QString &text : std::as_const(typed)) {
            OpportunityFilter filter;
            filter.setSearch(text);
            proxy.setFilter(filter);
            QCOMPARE(shownIds(proxy, model),
                     expectedIds(model, filter, OpportunityListModel::Name, Qt::DescendingOrder));
            QCOMPARE(proxy.summary().count, proxy.rowCount());
        }
    }

    void unsortedKeepsCacheOrder()
    {
        QRandomGenerator random(7);
        OpportunityListModel model;
        model.resetRows(randomRows(0, 50, random));
        OpportunityFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsertRows(randomRows(50, 2500, random));
        model.removeIds({QStringLiteral("deal-3"), QStringLiteral("deal-60")});
        QStringList cached;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (!model.rowAt(row).opportunity.isArchived)
                cached.append(model.rowAt(row).opportunity.id);
        }
        QCOMPARE(shownIds(proxy, model), cached);
    }
};

QTEST_MAIN(TestListProxyOrder)
#include "tst_listproxyorder.moc"
