// The filter proxy: each filter and combinations keep exactly the rows the server would give;
// sorting; the summary (open and won apart, per currency). Under QAbstractItemModelTester.
#include "ItemRoles.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
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

    // A keystroke is one layout change: the current row and the selection stay on their records
    // while those still pass, and go with them when they do not.
    void selectionAndCurrentSurviveAKeystroke()
    {
        m_proxy->sort(OpportunityListModel::Name, Qt::AscendingOrder);
        QItemSelectionModel selection(m_proxy.get());
        const auto shown = [&](int n) {
            return m_proxy->mapFromSource(m_model->index(m_model->rowOf(SampleRows::id(n)), 0));
        };
        const auto rows = QItemSelectionModel::Select | QItemSelectionModel::Rows;
        selection.setCurrentIndex(shown(2), QItemSelectionModel::NoUpdate);
        for (int n : {1, 2, 3})
            selection.select(shown(n), rows);
        QSignalSpy relaid(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
        OpportunityFilter muller;
        muller.setSearch(QStringLiteral("müller"));
        m_proxy->setFilter(muller);
        QCOMPARE(m_proxy->rowCount(), 2);
        QCOMPARE(relaid.size(), 1);
        QVERIFY(inserted.isEmpty() && removed.isEmpty());
        QCOMPARE(selection.currentIndex().data(ItemRoles::Id).toString(), SampleRows::id(2));
        QCOMPARE(selection.currentIndex().row(), 1); // "Müller — Enterprise…" sorts first
        QCOMPARE(selectedIds(selection), (QStringList{SampleRows::id(1), SampleRows::id(2)}));
        // A search that drops them: the current row and the selection go.
        OpportunityFilter acme;
        acme.setSearch(QStringLiteral("acme"));
        m_proxy->setFilter(acme);
        QCOMPARE(m_proxy->rowCount(), 2);
        QVERIFY(!selection.currentIndex().isValid());
        QVERIFY(selectedIds(selection).isEmpty());
    }

    // Hidden, the list follows the records under its old filter; shown again, it catches up with
    // the new one in one layout change, in its sort.
    void pausedCatchesUpOnceAfterChanges()
    {
        m_proxy->sort(OpportunityListModel::Value, Qt::DescendingOrder);
        m_proxy->setPaused(true);
        OpportunityFilter pilot;
        pilot.setSearch(QStringLiteral("pilot"));
        m_proxy->setFilter(pilot);
        OpportunityRow added = SampleRows::make().at(0);
        added.opportunity.id = SampleRows::id(8);
        added.opportunity.name = QStringLiteral("Initech — Pilot");
        added.opportunity.value = 70000;
        m_model->upsertRows({added});
        OpportunityRow renamed = SampleRows::make().at(1);
        renamed.opportunity.name = QStringLiteral("MÜLLER — Pilot");
        m_model->upsertRows({renamed});
        m_model->removeIds({SampleRows::id(5)});
        QCOMPARE(m_proxy->summary().count, 3); // the totals follow the filter at once
        QCOMPARE(m_proxy->rowCount(), 6);      // the live deals: 8 came, 5 went
        QSignalSpy relaid(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        m_proxy->setPaused(false);
        QCOMPARE(relaid.size(), 1);
        // No rates: EUR amounts, largest first, before USD ones (currencies A to Z).
        QStringList names;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            names.append(m_proxy->index(row, OpportunityListModel::Name).data().toString());
        QCOMPARE(names,
                 (QStringList{QStringLiteral("Initech — Pilot"), QStringLiteral("MÜLLER — Pilot"),
                              QStringLiteral("Acme — Pilot")}));
        QCOMPARE(m_proxy->summary().count, 3);
        // Hidden and shown again with nothing new: nothing to catch up.
        m_proxy->setPaused(true);
        m_proxy->setPaused(false);
        QCOMPARE(relaid.size(), 1);
    }

private:
    static QStringList selectedIds(const QItemSelectionModel &selection)
    {
        QStringList ids;
        for (const QModelIndex &index : selection.selectedRows())
            ids.append(index.data(ItemRoles::Id).toString());
        ids.sort();
        return ids;
    }

    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<OpportunityFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestOpportunityFilterProxy)
#include "tst_opportunityfilterproxy.moc"
