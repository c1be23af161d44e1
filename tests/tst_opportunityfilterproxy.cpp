// The filter proxy: each filter and combinations keep exactly the rows the server would give;
// sorting; the summary (open and won apart, per currency). Under QAbstractItemModelTester.
#include "ItemRoles.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestOpportunityFilterProxy final : public QObject
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
        m_model->resetRows(SampleRows::make());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QList<int>>("stages");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<bool>("archived");
        QTest::addColumn<QList<int>>("expected"); // last digit of the ids
        const QList<int> any;
        QTest::newRow("everything live") << "" << any << ""
                                         << "" << false << QList<int>{1, 2, 3, 4, 5, 7};
        QTest::newRow("archived") << "" << any << ""
                                  << "" << true << QList<int>{6};
        QTest::newRow("search, any case, non-ASCII") << "müller" << any << ""
                                                     << "" << false << QList<int>{1, 2};
        QTest::newRow("search, substring") << "  PILOT " << any << ""
                                           << "" << false << QList<int>{3};
        QTest::newRow("one stage") << "" << QList<int>{int(Stage::Qualification)} << ""
                                   << "" << false << QList<int>{7};
        QTest::newRow("several stages")
            << "" << QList<int>{int(Stage::ClosedWon), int(Stage::ClosedLost)} << ""
            << "" << false << QList<int>{4, 5};
        QTest::newRow("account") << "" << any << "acct-b"
                                 << "" << false << QList<int>{3, 4, 7};
        QTest::newRow("owner") << "" << any << ""
                               << "ana" << false << QList<int>{1, 3};
        QTest::newRow("account and owner") << "" << any << "acct-b"
                                           << "cy" << false << QList<int>{7};
        QTest::newRow("all at once") << "acme" << QList<int>{int(Stage::ClosedWon)} << "acct-b"
                                     << "ben" << false << QList<int>{4};
        QTest::newRow("archived and owner") << "" << any << ""
                                            << "ana" << true << QList<int>{6};
        QTest::newRow("nothing") << "zzz" << any << ""
                                 << "" << false << QList<int>{};
    }
    void filters()
    {
        QFETCH(QString, search);
        QFETCH(QList<int>, stages);
        QFETCH(QString, account);
        QFETCH(QString, owner);
        QFETCH(bool, archived);
        QFETCH(QList<int>, expected);
        OpportunityFilter filter;
        for (int stage : stages)
            filter.stages.insert(static_cast<Stage>(stage));
        filter.setSearch(search);
        filter.accountId = account;
        filter.ownerId = owner;
        filter.archived = archived;
        m_proxy->setFilter(filter);
        QList<int> shown;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            shown.append(m_proxy->index(row, 0).data(ItemRoles::Id).toString().right(1).toInt());
        std::sort(shown.begin(), shown.end());
        QCOMPARE(shown, expected);
        QCOMPARE(m_proxy->summary().count, expected.size());
    }

    void sortsByEveryKindOfColumn()
    {
        // No base currency: amounts in different currencies are not compared, they sort by
        // currency (EUR, JPY, USD), the largest first in each (tst_convertedsort has the rest).
        m_proxy->sort(OpportunityListModel::Value, Qt::DescendingOrder);
        QCOMPARE(m_proxy->index(0, 0).data(ItemRoles::ValueRole).toDouble(), 50000.0);
        QCOMPARE(m_proxy->index(m_proxy->rowCount() - 1, 0).data(ItemRoles::ValueRole).toDouble(),
                 900.0);
        m_proxy->sort(OpportunityListModel::CloseDate, Qt::AscendingOrder);
        QCOMPARE(m_proxy->index(0, 0).data(ItemRoles::CloseDateRole).toDate(), QDate(2026, 4, 1));
        QVERIFY(!m_proxy->index(m_proxy->rowCount() - 1, 0)
                     .data(ItemRoles::CloseDateRole)
                     .toDate()
                     .isValid()); // no date last
        m_proxy->sort(OpportunityListModel::Name, Qt::AscendingOrder);
        QCOMPARE(m_proxy->index(0, 0).data().toString(), QStringLiteral("Acme — Expansion"));
        m_proxy->sort(OpportunityListModel::StageColumn, Qt::AscendingOrder);
        QCOMPARE(m_proxy->index(0, 0).data(ItemRoles::StageRole).toInt(), int(Stage::Prospecting));
    }

    void summaryKeepsOpenAndWonApartPerCurrency()
    {
        // The live rows: 1, 2 (EUR), 3 (USD), 7 (JPY) open; 4 won (USD); 5 lost (USD 30,000).
        const PipelineSummary summary = m_proxy->summary();
        QCOMPARE(summary.count, 6);
        QCOMPARE(summary.open.count, 4);
        QCOMPARE(summary.open.value, (QMap<QString, double>{{QStringLiteral("EUR"), 62000.0},
                                                            {QStringLiteral("JPY"), 1500000.0},
                                                            {QStringLiteral("USD"), 900.0}}));
        QCOMPARE(summary.open.weighted,
                 (QMap<QString, double>{{QStringLiteral("EUR"), 30000.0 + 9600.0},
                                        {QStringLiteral("JPY"), 450000.0},
                                        {QStringLiteral("USD"), 90.0}}));
        QCOMPARE(summary.won.count, 1);
        QCOMPARE(summary.won.value, (QMap<QString, double>{{QStringLiteral("USD"), 250000.0}}));
    }

    void followsSourceChanges()
    {
        QSignalSpy totals(m_proxy.get(), &OpportunityFilterProxy::totalsChanged);
        OpportunityFilter negotiation;
        negotiation.stages = {Stage::Negotiation};
        m_proxy->setFilter(negotiation);
        QCOMPARE(m_proxy->rowCount(), 1);
        OpportunityRow moved = SampleRows::make().at(0);
        moved.opportunity.stage = Stage::Negotiation;
        m_model->upsertRows({moved});
        QCOMPARE(m_proxy->rowCount(), 2);
        QVERIFY(!totals.isEmpty());
    }

    void pausedCatchesUpWhenResumed()
    {
        OpportunityFilter search;
        search.setSearch(QStringLiteral("pilot"));
        m_proxy->setPaused(true);
        m_proxy->setFilter(search);
        QCOMPARE(m_proxy->rowCount(), 6);      // hidden: not refiltered yet
        QCOMPARE(m_proxy->summary().count, 1); // the totals follow the filter at once
        m_proxy->setPaused(false);
        QCOMPARE(m_proxy->rowCount(), 1);
        QCOMPARE(m_proxy->index(0, 0).data().toString(), QStringLiteral("Acme — Pilot"));
    }

private:
    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<OpportunityFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestOpportunityFilterProxy)
#include "tst_opportunityfilterproxy.moc"
