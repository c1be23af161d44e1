// The board's closed columns (closed_won, closed_lost) list the most recent close first: by
// expected close date, latest first, those without a date last, then by the last change, latest
// first; open columns keep the soonest close first. Checked as the records are dealt, card by
// card as they change (selection kept), after a filter change and after a reset, and against the
// test's own answer (BoardOracle), every column under QAbstractItemModelTester.
#include "ItemRoles.h"
#include "SamplePartition.h"
#include "SampleRows.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using SampleRows::id;

class TestClosedColumns final : public QObject, private SamplePartition
{
    Q_OBJECT

private slots:
    void init() { setUpPartition(); }
    void cleanup() { tearDownPartition(); }

    void closedColumnsShowTheMostRecentCloseFirst()
    {
        const auto closed = [](int n, Stage stage, const QDate &close, int updatedDay) {
            OpportunityRow row = extra(n, stage, close);
            row.opportunity.updatedAt = QDateTime(QDate(2026, 3, updatedDay), QTime(9, 0), Qt::UTC);
            return row;
        };
        // Won: 4 closed on 1 April (sample). Lost: 5 has no date (sample).
        m_model->upsertRows({closed(10, Stage::ClosedWon, QDate(2026, 5, 1), 1),
                             closed(11, Stage::ClosedWon, QDate(2026, 3, 1), 1),
                             closed(12, Stage::ClosedWon, QDate(2026, 5, 1), 9),
                             closed(13, Stage::ClosedLost, QDate(2026, 2, 1), 1),
                             closed(14, Stage::ClosedLost, QDate(2026, 6, 1), 1),
                             extra(15, Stage::Proposal, QDate(2026, 1, 1)),
                             extra(16, Stage::Proposal, QDate(2026, 12, 1))});
        // The latest close first; on the same day the latest change first; no date last.
        QCOMPARE(ids(Stage::ClosedWon), (QStringList{id(12), id(10), id(4), id(11)}));
        QCOMPARE(ids(Stage::ClosedLost), (QStringList{id(14), id(13), id(5)}));
        // Open columns as they were: the soonest close first.
        QCOMPARE(ids(Stage::Proposal), (QStringList{id(15), id(1), id(16)}));
        checkAgainstScratch();

        // Card by card, keeping the selection: a later close date, a newer change, a move in.
        StageColumnProxy *won = m_partition->column(Stage::ClosedWon);
        const QPersistentModelIndex selected = won->index(3, 0);
        QCOMPARE(selected.data(ItemRoles::Id).toString(), id(11));
        QSignalSpy removed(won, &QAbstractItemModel::rowsRemoved);
        m_model->upsertRows({closed(11, Stage::ClosedWon, QDate(2026, 5, 1), 5)});
        QCOMPARE(ids(Stage::ClosedWon), (QStringList{id(12), id(11), id(10), id(4)}));
        QCOMPARE(selected.row(), 1);
        m_model->upsertRows({closed(10, Stage::ClosedWon, QDate(2026, 5, 1), 20)});
        QCOMPARE(ids(Stage::ClosedWon), (QStringList{id(10), id(12), id(11), id(4)}));
        QCOMPARE(removed.size(), 0);
        m_model->upsertRows({closed(16, Stage::ClosedWon, QDate(2026, 4, 15), 1)});
        QCOMPARE(ids(Stage::ClosedWon), (QStringList{id(10), id(12), id(11), id(16), id(4)}));
        QCOMPARE(ids(Stage::Proposal), (QStringList{id(15), id(1)}));
        checkAgainstScratch();

        // The same after a filter change and a reset: dealt from the kept orders.
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral("deal"));
        m_partition->setFilter(filter);
        QCOMPARE(ids(Stage::ClosedWon), (QStringList{id(10), id(12), id(11), id(16)}));
        checkAgainstScratch();
        m_partition->setSourceModel(nullptr);
        m_partition->setSourceModel(m_model.get());
        QCOMPARE(ids(Stage::ClosedWon), (QStringList{id(10), id(12), id(11), id(16)}));
    }
};

QTEST_MAIN(TestClosedColumns)
#include "tst_closedcolumns.moc"
