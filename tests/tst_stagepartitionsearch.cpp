// The board's columns as a search is typed, erased and cleared: a longer search keeps the cards
// whose names hold it, read from the model's one pass over every name when many cards show; a
// search cleared shows the cards of the last full deal again, unless the records changed since,
// when they are dealt anew. Every column under QAbstractItemModelTester, checked against a deal
// worked out from scratch (BoardOracle).
#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "SamplePartition.h"
#include "SampleRows.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"

#include <QTest>

using SampleRows::id;

class TestStagePartitionSearch final : public QObject, private SamplePartition
{
    Q_OBJECT

private slots:
    void init() { setUpPartition(); }
    void cleanup() { tearDownPartition(); }

    void aLongerSearchKeepsTheCardsWhoseNamesHoldIt()
    {
        // Many cards, most shown: the narrowing reads the model's marks for the search. Names
        // edited between the keystrokes are searched as they are now.
        QList<OpportunityRow> rows;
        for (int n = 10; n < 60; ++n)
            rows.append(extra(n, Stage::Proposal, QDate(2026, 1, n % 28 + 1)));
        m_model->upsertRows(rows);
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral("d"));
        m_partition->setFilter(filter);
        checkAgainstScratch();
        for (int n : {12, 13, 40}) {
            OpportunityRow renamed = extra(n, Stage::Proposal, QDate(2026, 2, 1));
            renamed.opportunity.name = QStringLiteral("Dx Renamed %1").arg(n);
            m_model->upsertRows({renamed});
        }
        OpportunityRow gone = extra(41, Stage::Proposal, QDate(2026, 2, 1));
        gone.opportunity.name = QStringLiteral("Dealt elsewhere");
        m_model->upsertRows({gone});
        filter.setSearch(QStringLiteral("dx"));
        m_partition->setFilter(filter);
        QCOMPARE(ids(Stage::Proposal), (QStringList{id(12), id(13), id(40)}));
        checkAgainstScratch();
        filter.setSearch(QStringLiteral("dx renamed 4"));
        m_partition->setFilter(filter);
        QCOMPARE(ids(Stage::Proposal), QStringList{id(40)});
        checkAgainstScratch();
    }

    void aClearedSearchShowsTheCardsAsTheyAreNow()
    {
        m_model->upsertRows({extra(10, Stage::Proposal, QDate(2026, 1, 20)),
                             extra(11, Stage::Negotiation, QDate(2026, 1, 10))});
        const QStringList before = ids(Stage::Proposal);
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral("deal 1"));
        m_partition->setFilter(filter);
        QCOMPARE(ids(Stage::Proposal), QStringList{id(10)});
        // Cleared with nothing changed: the cards of before, in their order, with their totals.
        m_partition->setFilter({});
        QCOMPARE(ids(Stage::Proposal), before);
        checkAgainstScratch();

        // Changed while the search hid it: a new stage, a new close date, a new deal.
        m_partition->setFilter(filter);
        OpportunityRow moved = extra(11, Stage::Proposal, QDate(2026, 1, 1));
        moved.opportunity.name = QStringLiteral("Hidden now");
        m_model->upsertRows({moved, extra(12, Stage::Proposal, QDate(2026, 1, 2))});
        m_partition->setFilter({});
        QCOMPARE(ids(Stage::Proposal).mid(0, 2), (QStringList{id(11), id(12)}));
        QVERIFY(!ids(Stage::Negotiation).contains(id(11)));
        checkAgainstScratch();

        // A record removed while the search showed others.
        m_partition->setFilter(filter);
        m_model->removeIds({id(10)});
        m_partition->setFilter({});
        QVERIFY(!ids(Stage::Proposal).contains(id(10)));
        checkAgainstScratch();
    }
};

QTEST_MAIN(TestStagePartitionSearch)
#include "tst_stagepartitionsearch.moc"
