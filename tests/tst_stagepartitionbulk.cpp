// The board's columns through the two bulk paths paging in and typing take: a chunk of thousands
// of new rows reaches each column as one change, in card order with its totals; a longer search
// sifts only the cards shown. Every column under QAbstractItemModelTester, checked against a
// deal worked out from scratch.
#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "SamplePartition.h"
#include "SampleRows.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using SampleRows::id;

class TestStagePartitionBulk final : public QObject, private SamplePartition
{
    Q_OBJECT

private slots:
    void init() { setUpPartition(); }
    void cleanup() { tearDownPartition(); }

    void aChunkOfNewRowsReachesEachColumnInOneChange_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("200 rows") << 200;
        QTest::newRow("3000 rows") << 3000;
    }

    void aChunkOfNewRowsReachesEachColumnInOneChange()
    {
        // Paging the cache in: thousands of rows appended at once. Each column takes its new
        // cards among its own in one change (never one insertion per card), in card order, with
        // its totals, and the card the user selected stays selected.
        QFETCH(int, count);
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral("deal")); // the sample's own rows are filtered out
        m_model->upsertRows({extra(10, Stage::Proposal, QDate(2026, 1, 20)),
                             extra(11, Stage::Proposal, QDate(2026, 1, 10))});
        m_partition->setFilter(filter);
        StageColumnProxy *proposal = m_partition->column(Stage::Proposal);
        QCOMPARE(ids(Stage::Proposal), (QStringList{id(11), id(10)}));
        const QPersistentModelIndex selected = proposal->index(1, 0);
        std::vector<std::unique_ptr<QSignalSpy>> changes;
        for (Stage stage : Stages::all()) {
            StageColumnProxy *column = m_partition->column(stage);
            changes.push_back(
                std::make_unique<QSignalSpy>(column, &QAbstractItemModel::rowsInserted));
            changes.push_back(
                std::make_unique<QSignalSpy>(column, &QAbstractItemModel::rowsRemoved));
            changes.push_back(std::make_unique<QSignalSpy>(column, &QAbstractItemModel::rowsMoved));
            changes.push_back(
                std::make_unique<QSignalSpy>(column, &QAbstractItemModel::layoutChanged));
            changes.push_back(
                std::make_unique<QSignalSpy>(column, &QAbstractItemModel::modelReset));
        }
        QList<OpportunityRow> chunk;
        QRandomGenerator random(7);
        for (int n = 100; n < 100 + count; ++n) {
            OpportunityRow row =
                extra(n, static_cast<Stage>(random.bounded(6)),
                      random.bounded(10) ? QDate(2026, 1, 1).addDays(random.bounded(40)) : QDate());
            row.opportunity.updatedAt =
                QDateTime(QDate(2026, 1, 1), QTime(random.bounded(5), 0), Qt::UTC);
            if (n % 5 == 0)
                row.opportunity.name = QStringLiteral("Other %1").arg(n); // filtered out
            chunk.append(row);
        }
        QSignalSpy appended(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->upsertRows(chunk);
        QCOMPARE(appended.size(), 1); // the model's one append
        for (Stage stage : Stages::all()) {
            int seen = 0;
            for (size_t i = 0; i < 5; ++i)
                seen += static_cast<int>(changes.at(5 * static_cast<size_t>(stage) + i)->size());
            QVERIFY2(
                seen <= 1,
                qPrintable(QStringLiteral("%1: %2 changes").arg(Stages::label(stage)).arg(seen)));
        }
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(ItemRoles::Id).toString(), id(10));
        QCOMPARE(proposal->index(selected.row(), 0).data(ItemRoles::Id).toString(), id(10));
        checkAgainstScratch(); // every column's cards, in order, and its totals
        int cards = 0;
        for (Stage stage : Stages::all())
            cards += m_partition->column(stage)->rowCount();
        QCOMPARE(cards, 2 + count - count / 5);
        QCOMPARE(m_partition->summary().count, cards);
    }

    void aLongerSearchSiftsTheCardsItShows()
    {
        // Typing on: each keystroke keeps a part of the cards shown, in their order, with their
        // totals; the card selected stays selected while it passes. Erased, every card is back.
        QList<OpportunityRow> rows;
        for (int n = 100; n < 500; ++n)
            rows.append(extra(n, static_cast<Stage>(n % 6), QDate(2026, 1, 1).addDays(n % 7)));
        m_model->upsertRows(rows);
        StageColumnProxy *column = m_partition->column(Stage::Proposal); // 104, 110, 116, …
        const QPersistentModelIndex selected =
            column->index(column->rowOfSource(m_model->rowOf(id(110))), 0);
        QCOMPARE(selected.data(ItemRoles::Id).toString(), id(110));
        OpportunityFilter filter;
        for (const QString &typed : {QStringLiteral("d"), QStringLiteral("deal 1"),
                                     QStringLiteral("deal 11"), QStringLiteral("deal 110")}) {
            filter.setSearch(typed);
            m_partition->setFilter(filter);
            checkAgainstScratch();
            QCOMPARE(selected.data(ItemRoles::Id).toString(), id(110));
        }
        QCOMPARE(ids(Stage::Proposal), QStringList{id(110)});
        QCOMPARE(m_partition->summary().count, 1);
        filter.setSearch(QStringLiteral("deal 1101"));
        m_partition->setFilter(filter);
        QCOMPARE(m_partition->summary().count, 0);
        QVERIFY(!selected.isValid());
        filter.setSearch(QString());
        m_partition->setFilter(filter);
        checkAgainstScratch();
        QCOMPARE(m_partition->summary().count, 6 + 400);
    }
};

QTEST_MAIN(TestStagePartitionBulk)
#include "tst_stagepartitionbulk.moc"
