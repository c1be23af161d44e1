// Sorting the list by value or weighted value compares amounts converted to the base currency;
// amounts without a rate come after every converted one, by currency then amount, in either
// direction; a change of rates sorts again. The proxy's order matches the model's SortRole keys.
// Under QAbstractItemModelTester.
#include "ItemRoles.h"
#include "MoneySortKey.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <algorithm>
#include <memory>

namespace {

OpportunityRow deal(const char *name, double value, const char *currency, int probability)
{
    static int n = 0;
    OpportunityRow row;
    Opportunity &o = row.opportunity;
    o.id = SampleRows::id(100 + ++n);
    o.name = QString::fromLatin1(name);
    o.stage = Stage::Proposal;
    o.value = value;
    o.currency = QString::fromLatin1(currency);
    o.probability = probability;
    return row;
}

} // namespace

class TestConvertedSort final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<OpportunityListModel>();
        m_proxy = std::make_unique<OpportunityFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Base EUR; 1 USD = 0.9 EUR, 1 GBP = 1.2 EUR; no rate for JPY or CHF.
        m_model->resetRows({deal("eur100", 100, "EUR", 50), deal("usd100", 100, "USD", 100),
                            deal("jpy1000", 1000, "JPY", 10), deal("gbp100", 100, "GBP", 50),
                            deal("chf5", 5, "CHF", 100), deal("eur95", 95, "EUR", 100),
                            deal("jpy10", 10, "JPY", 100)});
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QVERIFY(rates.setRate(QStringLiteral("USD"), 0.9, QDate(2026, 11, 2)));
        QVERIFY(rates.setRate(QStringLiteral("GBP"), 1.2, QDate(2026, 11, 2)));
        m_model->setRates(rates);
    }

    void cleanup()
    {
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void valueComparesConvertedAmounts()
    {
        // In EUR: usd100 90, eur95 95, eur100 100, gbp100 120; then CHF, then JPY by amount.
        m_proxy->sort(OpportunityListModel::Value, Qt::AscendingOrder);
        QCOMPARE(names(), (QStringList{QStringLiteral("usd100"), QStringLiteral("eur95"),
                                       QStringLiteral("eur100"), QStringLiteral("gbp100"),
                                       QStringLiteral("chf5"), QStringLiteral("jpy10"),
                                       QStringLiteral("jpy1000")}));
        checkSortRoleAgrees(OpportunityListModel::Value);
        // The largest converted deal first; those without a rate still last.
        m_proxy->sort(OpportunityListModel::Value, Qt::DescendingOrder);
        QCOMPARE(names(), (QStringList{QStringLiteral("gbp100"), QStringLiteral("eur100"),
                                       QStringLiteral("eur95"), QStringLiteral("usd100"),
                                       QStringLiteral("chf5"), QStringLiteral("jpy1000"),
                                       QStringLiteral("jpy10")}));
    }

    void weightedComparesConvertedAmounts()
    {
        // Weighted, in EUR: eur100 50, gbp100 60, usd100 90, eur95 95; CHF 5; JPY 10 and 100.
        m_proxy->sort(OpportunityListModel::Weighted, Qt::AscendingOrder);
        QCOMPARE(names(), (QStringList{QStringLiteral("eur100"), QStringLiteral("gbp100"),
                                       QStringLiteral("usd100"), QStringLiteral("eur95"),
                                       QStringLiteral("chf5"), QStringLiteral("jpy10"),
                                       QStringLiteral("jpy1000")}));
        checkSortRoleAgrees(OpportunityListModel::Weighted);
    }

    void newRatesSortAgain()
    {
        m_proxy->sort(OpportunityListModel::Value, Qt::AscendingOrder);
        CurrencyRates rates = m_model->rates();
        QVERIFY(rates.setRate(QStringLiteral("USD"), 1.1, QDate(2026, 11, 3)));
        QVERIFY(rates.setRate(QStringLiteral("JPY"), 0.006, QDate(2026, 11, 3)));
        m_model->setRates(rates);
        // In EUR: jpy10 0.06, jpy1000 6, eur95, eur100, usd100 110, gbp100 120; then CHF.
        QCOMPARE(names(), (QStringList{QStringLiteral("jpy10"), QStringLiteral("jpy1000"),
                                       QStringLiteral("eur95"), QStringLiteral("eur100"),
                                       QStringLiteral("usd100"), QStringLiteral("gbp100"),
                                       QStringLiteral("chf5")}));
        checkSortRoleAgrees(OpportunityListModel::Value);
    }

    void aNewCurrencyFindsItsPlace()
    {
        m_proxy->sort(OpportunityListModel::Value, Qt::AscendingOrder);
        // A currency the sort has not met yet, arriving in a later change.
        m_model->upsertRows({deal("aud1", 1, "AUD", 100)});
        QCOMPARE(names().indexOf(QStringLiteral("aud1")), 4); // the first without a rate
        checkSortRoleAgrees(OpportunityListModel::Value);
    }

    void hiddenListSortsWhenShownAgain()
    {
        m_proxy->sort(OpportunityListModel::Value, Qt::AscendingOrder);
        m_proxy->setPaused(true);
        CurrencyRates rates = m_model->rates();
        QVERIFY(rates.setRate(QStringLiteral("CHF"), 100, QDate(2026, 11, 3)));
        m_model->setRates(rates);
        m_proxy->setPaused(false);
        // 500 EUR: the largest converted amount, before JPY, still without a rate.
        QCOMPARE(names().indexOf(QStringLiteral("chf5")), 4);
    }

private:
    QStringList names() const
    {
        QStringList names;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            names.append(m_proxy->index(row, OpportunityListModel::Name).data().toString());
        return names;
    }
    // The proxy's fast comparison orders the rows as the model's SortRole keys do.
    void checkSortRoleAgrees(int column) const
    {
        QList<MoneySortKey> keys;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QVariant key = m_proxy->index(row, column).data(ItemRoles::SortRole);
            QVERIFY(key.canConvert<MoneySortKey>());
            keys.append(key.value<MoneySortKey>());
        }
        QVERIFY(std::is_sorted(keys.cbegin(), keys.cend()));
    }

    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<OpportunityFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestConvertedSort)
#include "tst_convertedsort.moc"
