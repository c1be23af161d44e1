// The board's columns: each stage's cards in close-date order (closed stages latest first, see
// tst_closedcolumns), one
// filter for all, cards that follow source changes (moves, new dates, new and deleted records),
// selections that survive a filter change, totals per column, drops that ask for a move. Every
// column under QAbstractItemModelTester, and a long random run checked against an answer worked out
// here from the records alone (an oracle of the test's own: no OpportunityFilter, no
// StagePartition).
#include "BoardOracle.h"
#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "SamplePartition.h"
#include "SampleRows.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <vector>

namespace {

using SampleRows::id;

using BoardOracle::Criteria;

} // namespace

class TestStagePartition final : public QObject, private SamplePartition
{
    Q_OBJECT

private slots:
    void init() { setUpPartition(); }
    void cleanup() { tearDownPartition(); }

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
        QCOMPARE(m_partition->summary().count, 2);
        QCOMPARE(m_partition->summary().open.value.value(QStringLiteral("EUR")), 62000.0);

        filter = {};
        filter.archived = true;
        m_partition->setFilter(filter);
        QCOMPARE(ids(Stage::Qualification), QStringList{id(6)});
        QCOMPARE(m_partition->summary().count, 1);

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
        QCOMPARE(m_partition->summary().count, 7);
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

    void aChangeToEveryRecordReachesEveryCard_data()
    {
        QTest::addColumn<int>("extras");
        QTest::newRow("many records: dealt again in one pass") << 390;
        QTest::newRow("a few records: card by card") << 30;
    }
    void aChangeToEveryRecordReachesEveryCard()
    {
        QFETCH(int, extras);
        m_model->setToday(QDate(2026, 1, 1)); // before every close date: no card overdue
        QList<OpportunityRow> many;
        for (int n = 10; n < 10 + extras; ++n)
            many.append(extra(n, static_cast<Stage>(n % 6), QDate(2026, 6, 1).addDays(n % 9 - 4)));
        m_model->upsertRows(many);
        QHash<Stage, QStringList> cardsBefore;
        for (Stage stage : Stages::all()) {
            cardsBefore.insert(stage, ids(stage));
            for (int row = 0; row < m_partition->column(stage)->rowCount(); ++row)
                QVERIFY(!m_partition->column(stage)
                             ->index(row, 0)
                             .data(ItemRoles::OverdueRole)
                             .toBool());
        }

        // A new day after every close date: each open deal becomes overdue, in one change of the
        // whole model.
        std::vector<std::unique_ptr<QSignalSpy>> spies;
        for (Stage stage : Stages::all())
            spies.push_back(std::make_unique<QSignalSpy>(m_partition->column(stage),
                                                         &QAbstractItemModel::dataChanged));
        m_model->setToday(QDate(2027, 1, 1));
        for (Stage stage : Stages::all()) {
            const StageColumnProxy *column = m_partition->column(stage);
            QCOMPARE(ids(stage), cardsBefore.value(stage)); // no date moved: no card moved
            const QList<bool> told = announced(*spies.at(static_cast<int>(stage)),
                                               column->rowCount(), ItemRoles::OverdueRole);
            for (int row = 0; row < column->rowCount(); ++row) {
                const QModelIndex card = column->index(row, 0);
                QVERIFY2(told.at(row), qPrintable(QStringLiteral("%1 card %2 (%3) not announced")
                                                      .arg(Stages::label(stage))
                                                      .arg(row)
                                                      .arg(card.data(ItemRoles::Id).toString())));
                // Open deals now show the mark; closed deals are never overdue.
                QCOMPARE(card.data(ItemRoles::OverdueRole).toBool(), !Stages::isClosed(stage));
            }
        }
        QVERIFY(m_partition->column(Stage::Proposal)->rowCount() > 0);

        // A new name on every record: every card, closed ones too, shows its new name.
        for (const auto &spy : spies)
            spy->clear();
        QList<OpportunityRow> renamed;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            OpportunityRow changed = m_model->rowAt(row);
            changed.opportunity.name = QStringLiteral("Renamed ") + changed.opportunity.id;
            renamed.append(changed);
        }
        m_model->upsertRows(renamed);
        for (Stage stage : Stages::all()) {
            const StageColumnProxy *column = m_partition->column(stage);
            QCOMPARE(ids(stage), cardsBefore.value(stage));
            const QList<bool> told =
                announced(*spies.at(static_cast<int>(stage)), column->rowCount(), Qt::DisplayRole);
            for (int row = 0; row < column->rowCount(); ++row) {
                const QModelIndex card = column->index(row, 0);
                QVERIFY(told.at(row));
                QCOMPARE(card.data().toString(),
                         QStringLiteral("Renamed ") + card.data(ItemRoles::Id).toString());
            }
        }
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
        QCOMPARE(m_partition->summary().count, 0);
    }

    void aResetDealsAgain()
    {
        QSignalSpy reset(m_partition->column(Stage::Proposal), &QAbstractItemModel::modelReset);
        QList<OpportunityRow> many;
        for (int n = 10; n < 2100; ++n)
            many.append(extra(n, static_cast<Stage>(n % 6), QDate(2026, 1, 1).addDays(n % 97)));
        m_model->resetRows(SampleRows::make() + many);
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
        // Moves, new dates, names, accounts, owners, archiving, creates, deletes and filter
        // changes in any order: the columns always equal what the test works out itself from its
        // own copy of the records.
        QList<Opportunity> records;
        for (const OpportunityRow &row : SampleRows::make())
            records.append(row.opportunity);
        Criteria criteria;
        const QStringList accounts{QString(), QStringLiteral("acct-a"), QStringLiteral("acct-b"),
                                   QStringLiteral("acct-c")};
        const QStringList owners{QString(), QStringLiteral("ana"), QStringLiteral("ben"),
                                 QStringLiteral("cy")};
        const QStringList names{QStringLiteral("Deal %1"), QStringLiteral("MÜLLER — %1"),
                                QStringLiteral("Øresund %1 pilot"), QStringLiteral("acme %1")};
        const QStringList searches{QString(),
                                   QStringLiteral("1"),
                                   QStringLiteral("7"),
                                   QStringLiteral("deal 1"),
                                   QStringLiteral("  DEAL "),
                                   QStringLiteral("müller"),
                                   QStringLiteral("ØRESUND"),
                                   QStringLiteral("pilot"),
                                   QStringLiteral("acme 2")};
        QRandomGenerator random(42);
        const auto pick = [&random](const QStringList &from) {
            return from.at(random.bounded(static_cast<int>(from.size())));
        };
        const auto someDate = [&random] {
            return random.bounded(8) ? QDate(2026, 1, 1).addDays(random.bounded(30)) : QDate();
        };
        // Few distinct times, so that closed cards often share a close date and a change time.
        const auto someChange = [&random] {
            return random.bounded(6)
                       ? QDateTime(QDate(2026, 1, 1), QTime(random.bounded(4), 0), Qt::UTC)
                       : QDateTime();
        };
        const auto toRow = [](const Opportunity &o) {
            OpportunityRow row;
            row.opportunity = o;
            return row;
        };
        int next = 100;
        for (int step = 0; step < 400; ++step) {
            const int kind = random.bounded(10);
            const int count = static_cast<int>(records.size());
            if (kind < 4 && count > 0) {
                Opportunity &o = records[random.bounded(count)];
                o.stage = static_cast<Stage>(random.bounded(6));
                if (random.bounded(2))
                    o.expectedCloseDate = someDate();
                if (random.bounded(6) == 0)
                    o.isArchived = !o.isArchived;
                if (random.bounded(4) == 0)
                    o.accountId = pick(accounts);
                if (random.bounded(4) == 0)
                    o.ownerId = pick(owners);
                if (random.bounded(4) == 0)
                    o.name = pick(names).arg(random.bounded(30));
                o.updatedAt = someChange();
                m_model->upsertRows({toRow(o)});
            } else if (kind < 7) {
                Opportunity o =
                    extra(next, static_cast<Stage>(random.bounded(6)), someDate()).opportunity;
                o.name = pick(names).arg(next++);
                o.accountId = pick(accounts);
                o.ownerId = pick(owners);
                o.currency = random.bounded(3) ? QStringLiteral("USD") : QStringLiteral("EUR");
                o.probability = random.bounded(101);
                o.updatedAt = someChange();
                records.append(o);
                m_model->upsertRows({toRow(o)});
            } else if (kind < 8 && count > 0) {
                const QString gone = records.takeAt(random.bounded(count)).id;
                m_model->removeIds({gone});
            } else {
                criteria = Criteria{};
                if (random.bounded(2))
                    criteria.search = pick(searches);
                criteria.archived = random.bounded(5) == 0;
                if (random.bounded(3) == 0)
                    criteria.stages = {static_cast<Stage>(random.bounded(6)),
                                       static_cast<Stage>(random.bounded(6))};
                if (random.bounded(4) == 0)
                    criteria.accountId = pick(accounts);
                if (random.bounded(4) == 0)
                    criteria.ownerId = pick(owners);
                m_partition->setFilter(criteria.toFilter());
            }
            QCOMPARE(m_model->rowCount(), records.size());
            BoardOracle::check(*m_partition, records, criteria);
            if (QTest::currentTestFailed()) {
                qWarning("failed at step %d", step);
                return;
            }
        }
    }

private:
    // Which cards of a column a spy's dataChanged signals covered (for `role`, or every role).
    static QList<bool> announced(const QSignalSpy &spy, int rows, int role)
    {
        QList<bool> told(rows, false);
        for (const QList<QVariant> &signal : spy) {
            const QModelIndex first = signal.at(0).toModelIndex();
            const QModelIndex last = signal.at(1).toModelIndex();
            const QList<int> roles = signal.at(2).value<QList<int>>();
            if (!roles.isEmpty() && !roles.contains(role))
                continue;
            for (int row = std::max(0, first.row()); row <= last.row() && row < rows; ++row)
                told[row] = true;
        }
        return told;
    }
};

QTEST_MAIN(TestStagePartition)
#include "tst_stagepartition.moc"
