// The board's columns: each stage's cards in close-date order, one filter for all, cards that
// follow source changes (moves, new dates, new and deleted records), selections that survive a
// filter change, totals per column, drops that ask for a move. Every column under
// QAbstractItemModelTester, and a long random run checked against a from-scratch answer.
#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

namespace {

using SampleRows::id;

OpportunityRow extra(int n, Stage stage, const QDate &close)
{
    OpportunityRow row;
    row.opportunity.id = id(n);
    row.opportunity.name = QStringLiteral("Deal %1").arg(n);
    row.opportunity.stage = stage;
    row.opportunity.value = 1000 * n;
    row.opportunity.currency = QStringLiteral("USD");
    row.opportunity.probability = 50;
    row.opportunity.expectedCloseDate = close;
    return row;
}

} // namespace

class TestStagePartition final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<OpportunityListModel>();
        m_model->resetRows(SampleRows::make());
        m_partition = std::make_unique<StagePartition>();
        for (Stage stage : Stages::all())
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m_partition->column(stage),
                QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_partition->setSourceModel(m_model.get());
    }

    void cleanup()
    {
        m_testers.clear();
        m_partition.reset();
        m_model.reset();
    }

    void dealsEachStageInCloseDateOrder()
    {
        QCOMPARE(ids(Stage::Prospecting), QStringList{id(3)});
        QCOMPARE(ids(Stage::Qualification), QStringList{id(7)}); // 6 is archived
        QCOMPARE(ids(Stage::Proposal), QStringList{id(1)});
        m_model->upsertRows({extra(10, Stage::Proposal, QDate()),
                             extra(11, Stage::Proposal, QDate(2026, 7, 1)),
                             extra(12, Stage::Proposal, QDate(2026, 8, 1)),
                             extra(13, Stage::Proposal, QDate(2026, 7, 1))});
        // Same date: the older record first; no date last.
        QCOMPARE(ids(Stage::Proposal), (QStringList{id(11), id(13), id(1), id(12), id(10)}));
        checkAgainstScratch();
    }

    void oneFilterForEveryColumn()
    {
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral("müller"));
        m_partition->setFilter(filter);
        QCOMPARE(ids(Stage::Proposal), QStringList{id(1)});
        QCOMPARE(ids(Stage::Negotiation), QStringList{id(2)});
        for (Stage stage : {Stage::Prospecting, Stage::Qualification, Stage::ClosedWon})
            QCOMPARE(m_partition->column(stage)->rowCount(), 0);
        QCOMPARE(m_partition->totals().count, 2);
        QCOMPARE(m_partition->totals().value.value(QStringLiteral("EUR")), 62000.0);

        filter = {};
        filter.archived = true;
        m_partition->setFilter(filter);
        QCOMPARE(ids(Stage::Qualification), QStringList{id(6)});
        QCOMPARE(m_partition->totals().count, 1);

        filter = {};
        filter.stages = {Stage::ClosedWon, Stage::ClosedLost};
        m_partition->setFilter(filter);
        QCOMPARE(ids(Stage::ClosedWon), QStringList{id(4)});
        QCOMPARE(ids(Stage::ClosedLost), QStringList{id(5)});
        QCOMPARE(m_partition->column(Stage::Proposal)->rowCount(), 0);
        checkAgainstScratch();
    }

    void totalsPerColumnPerCurrency()
    {
        m_model->upsertRows({extra(10, Stage::Qualification, QDate(2026, 7, 1))});
        const PipelineTotals totals = m_partition->column(Stage::Qualification)->totals();
        QCOMPARE(totals.count, 2);
        QCOMPARE(totals.value.value(QStringLiteral("JPY")), 1500000.0);
        QCOMPARE(totals.value.value(QStringLiteral("USD")), 10000.0);
        QCOMPARE(totals.weighted.value(QStringLiteral("JPY")), 450000.0);
        QCOMPARE(totals.weighted.value(QStringLiteral("USD")), 5000.0);
        QCOMPARE(m_partition->totals().count, 7);
    }

    void selectionSurvivesAFilterChange()
    {
        m_model->upsertRows({extra(10, Stage::Proposal, QDate(2026, 7, 1)),
                             extra(11, Stage::Proposal, QDate(2026, 8, 1))});
        StageColumnProxy *column = m_partition->column(Stage::Proposal);
        const QPersistentModelIndex selected = column->index(2, 0);
        QCOMPARE(selected.data(ItemRoles::Id).toString(), id(11));
        const QPersistentModelIndex filteredOut = column->index(0, 0);
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral("deal 11"));
        m_partition->setFilter(filter);
        QCOMPARE(column->rowCount(), 1);
        QCOMPARE(selected.row(), 0);
        QCOMPARE(selected.data(ItemRoles::Id).toString(), id(11));
        QVERIFY(!filteredOut.isValid());
    }

    void cardsFollowSourceChanges()
    {
        m_model->upsertRows({extra(10, Stage::Negotiation, QDate(2026, 4, 1)),
                             extra(11, Stage::Negotiation, QDate(2026, 6, 1))});
        QCOMPARE(ids(Stage::Negotiation), (QStringList{id(10), id(2), id(11)}));

        // A move: out of one column, into the other at its date.
        OpportunityRow moved = SampleRows::make().at(0); // Proposal, 15 July
        moved.opportunity.stage = Stage::Negotiation;
        QSignalSpy removed(m_partition->column(Stage::Proposal), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m_partition->column(Stage::Negotiation),
                            &QAbstractItemModel::rowsInserted);
        m_model->upsertRows({moved});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(ids(Stage::Proposal), QStringList{});
        QCOMPARE(ids(Stage::Negotiation), (QStringList{id(10), id(2), id(11), id(1)}));

        // A new close date reorders the card within its column.
        OpportunityRow earlier = extra(11, Stage::Negotiation, QDate(2026, 1, 1));
        m_model->upsertRows({earlier});
        QCOMPARE(ids(Stage::Negotiation), (QStringList{id(11), id(10), id(2), id(1)}));

        // Archived: it leaves the live board.
        earlier.opportunity.isArchived = true;
        m_model->upsertRows({earlier});
        QCOMPARE(ids(Stage::Negotiation), (QStringList{id(10), id(2), id(1)}));

        // A name change stays in place and is announced as a change.
        QSignalSpy changed(m_partition->column(Stage::Negotiation),
                           &QAbstractItemModel::dataChanged);
        OpportunityRow renamed = extra(10, Stage::Negotiation, QDate(2026, 4, 1));
        renamed.opportunity.name = QStringLiteral("Renamed");
        m_model->upsertRows({renamed});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_partition->column(Stage::Negotiation)->index(0, 0).data().toString(),
                 QStringLiteral("Renamed"));

        // Deleted records leave; the cards after them still map to the right records.
        m_model->removeIds({id(2), id(3)});
        QCOMPARE(ids(Stage::Negotiation), (QStringList{id(10), id(1)}));
        QCOMPARE(ids(Stage::Prospecting), QStringList{});
        QCOMPARE(ids(Stage::Qualification), QStringList{id(7)});
        m_model->renameId(id(10), id(20));
        QCOMPARE(ids(Stage::Negotiation), (QStringList{id(20), id(1)}));
        checkAgainstScratch();
    }

    void aNewCloseDateMovesTheCardKeepingItsSelection()
    {
        m_model->upsertRows({extra(10, Stage::Proposal, QDate(2026, 7, 1)),
                             extra(11, Stage::Proposal, QDate(2026, 8, 1))});
        StageColumnProxy *column = m_partition->column(Stage::Proposal);
        QCOMPARE(ids(Stage::Proposal), (QStringList{id(10), id(1), id(11)}));
        const QPersistentModelIndex selected = column->index(2, 0);
        QSignalSpy moved(column, &QAbstractItemModel::rowsMoved);
        QSignalSpy removed(column, &QAbstractItemModel::rowsRemoved);
        m_model->upsertRows({extra(11, Stage::Proposal, QDate(2026, 1, 1))});
        QCOMPARE(ids(Stage::Proposal), (QStringList{id(11), id(10), id(1)}));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(selected.row(), 0);
        QCOMPARE(selected.data(ItemRoles::Id).toString(), id(11));
        // And back down, past the others.
        m_model->upsertRows({extra(11, Stage::Proposal, QDate())});
        QCOMPARE(ids(Stage::Proposal), (QStringList{id(10), id(1), id(11)}));
        QCOMPARE(selected.row(), 2);
        checkAgainstScratch();
    }

    void aChangeToEveryRecordReachesEveryCard()
    {
        QList<OpportunityRow> many;
        for (int n = 10; n < 400; ++n)
            many.append(extra(n, static_cast<Stage>(n % 6), QDate(2026, 6, 1).addDays(n % 9 - 4)));
        m_model->upsertRows(many);
        std::vector<std::unique_ptr<QSignalSpy>> spies;
        for (Stage stage : Stages::all())
            spies.push_back(std::make_unique<QSignalSpy>(m_partition->column(stage),
                                                         &QAbstractItemModel::dataChanged));
        m_model->setToday(QDate(2026, 6, 2)); // overdue marks change on every open card
        for (const auto &spy : spies)
            QVERIFY(!spy->isEmpty());
        checkAgainstScratch();
    }

    void detachingInTheMiddleOfAResetKeepsTheColumnsWhole()
    {
        // The columns' resets stay paired (the model testers check) when the board hides just
        // as the model resets.
        QMetaObject::Connection detach =
            connect(m_model.get(), &QAbstractItemModel::modelAboutToBeReset, this,
                    [this] { m_partition->setSourceModel(nullptr); });
        m_model->resetRows(SampleRows::make());
        disconnect(detach);
        for (Stage stage : Stages::all())
            QCOMPARE(m_partition->column(stage)->rowCount(), 0);
        m_partition->setSourceModel(m_model.get());
        QCOMPARE(ids(Stage::Proposal), QStringList{id(1)});
    }

    void theModelGoingFirstEmptiesTheColumns()
    {
        m_testers.clear();
        m_model.reset();
        for (Stage stage : Stages::all())
            QCOMPARE(m_partition->column(stage)->rowCount(), 0);
        QCOMPARE(m_partition->totals().count, 0);
    }

    void aResetDealsAgain()
    {
        QSignalSpy reset(m_partition->column(Stage::Proposal), &QAbstractItemModel::modelReset);
        QList<OpportunityRow> many;
        for (int n = 10; n < 2100; ++n)
            many.append(extra(n, static_cast<Stage>(n % 6), QDate(2026, 1, 1).addDays(n % 97)));
        m_model->upsertRows(many); // beyond the model's threshold: a reset
        QCOMPARE(reset.size(), 1);
        checkAgainstScratch();
    }

    void dropsAskTheModelToMove()
    {
        QSignalSpy requested(m_model.get(), &OpportunityListModel::moveRequested);
        StageColumnProxy *won = m_partition->column(Stage::ClosedWon);
        QVERIFY(won->flags({}) & Qt::ItemIsDropEnabled);
        QVERIFY(!(won->flags(won->index(0, 0)) & Qt::ItemIsDropEnabled)); // not onto a card
        StageColumnProxy *proposal = m_partition->column(Stage::Proposal);
        std::unique_ptr<QMimeData> mime(proposal->mimeData({proposal->index(0, 0)}));
        QVERIFY(won->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, {}));
        QVERIFY(!won->canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, {}));
        won->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {});
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toStringList(), QStringList{id(1)});
        QCOMPARE(requested.at(0).at(1).value<Stage>(), Stage::ClosedWon);

        QMimeData foreign;
        foreign.setText(id(1));
        QVERIFY(!won->canDropMimeData(&foreign, Qt::MoveAction, -1, -1, {}));
    }

    void detachedColumnsAreEmpty()
    {
        m_partition->setSourceModel(nullptr);
        for (Stage stage : Stages::all())
            QCOMPARE(m_partition->column(stage)->rowCount(), 0);
        m_model->upsertRows({extra(10, Stage::Proposal, QDate(2026, 8, 1))}); // not followed
        m_partition->setSourceModel(m_model.get());
        QCOMPARE(ids(Stage::Proposal), (QStringList{id(1), id(10)}));
    }

    void randomChangesMatchAFreshDeal()
    {
        // Moves, new dates, archiving, creates, deletes and filter changes in any order: the
        // columns always equal what dealing from scratch gives.
        QRandomGenerator random(42);
        int next = 100;
        for (int step = 0; step < 400; ++step) {
            const int kind = random.bounded(10);
            const int rows = m_model->rowCount();
            if (kind < 4 && rows > 0) {
                OpportunityRow row = m_model->rowAt(random.bounded(rows));
                row.opportunity.stage = static_cast<Stage>(random.bounded(6));
                if (random.bounded(2))
                    row.opportunity.expectedCloseDate =
                        random.bounded(8) ? QDate(2026, 1, 1).addDays(random.bounded(30)) : QDate();
                if (random.bounded(6) == 0)
                    row.opportunity.isArchived = !row.opportunity.isArchived;
                m_model->upsertRows({row});
            } else if (kind < 7) {
                m_model->upsertRows({extra(next++, static_cast<Stage>(random.bounded(6)),
                                           QDate(2026, 1, 1).addDays(random.bounded(30)))});
            } else if (kind < 8 && rows > 0) {
                m_model->removeIds({m_model->rowAt(random.bounded(rows)).opportunity.id});
            } else {
                OpportunityFilter filter;
                filter.setSearch(random.bounded(2) ? QStringLiteral("%1").arg(random.bounded(10))
                                                   : QString());
                filter.archived = random.bounded(5) == 0;
                if (random.bounded(3) == 0)
                    filter.stages = {static_cast<Stage>(random.bounded(6)),
                                     static_cast<Stage>(random.bounded(6))};
                m_partition->setFilter(filter);
            }
            checkAgainstScratch();
            if (QTest::currentTestFailed())
                return;
        }
    }

private:
    QStringList ids(Stage stage) const
    {
        QStringList result;
        const StageColumnProxy *column = m_partition->column(stage);
        for (int row = 0; row < column->rowCount(); ++row)
            result.append(column->index(row, 0).data(ItemRoles::Id).toString());
        return result;
    }

    // The columns against the rule itself: passing records of the stage, by date, no date last,
    // then in cache order; each column's totals against a count of its own.
    void checkAgainstScratch()
    {
        for (Stage stage : Stages::all()) {
            QList<int> expected;
            for (int row = 0; row < m_model->rowCount(); ++row) {
                if (m_partition->filter().accepts(*m_model, row) &&
                    m_model->rowAt(row).opportunity.stage == stage)
                    expected.append(row);
            }
            std::stable_sort(expected.begin(), expected.end(), [this](int a, int b) {
                const QDate &x = m_model->rowAt(a).opportunity.expectedCloseDate;
                const QDate &y = m_model->rowAt(b).opportunity.expectedCloseDate;
                if (x.isValid() != y.isValid())
                    return x.isValid();
                return x < y;
            });
            QStringList expectedIds;
            double value = 0;
            for (int row : expected) {
                expectedIds.append(m_model->rowAt(row).opportunity.id);
                value += m_model->rowAt(row).opportunity.value;
            }
            QCOMPARE(ids(stage), expectedIds);
            const PipelineTotals totals = m_partition->column(stage)->totals();
            QCOMPARE(totals.count, expected.size());
            double summed = 0;
            for (double perCurrency : totals.value)
                summed += perCurrency;
            QCOMPARE(summed, value);
        }
    }

    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<StagePartition> m_partition;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

QTEST_MAIN(TestStagePartition)
#include "tst_stagepartition.moc"
