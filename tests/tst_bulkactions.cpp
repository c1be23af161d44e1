// Bulk changes of a selection in the window (issue 16): the list selects many rows (Ctrl+A the
// rows the filter passes), the board many cards; a change of stage, owner, close date or
// probability, an archive and a delete act on every selected deal. Each change is one undo step
// and one write, one outbox entry per record (coalesced with what is pending), holding only the
// records whose value changes. A real LocalStore in a temporary directory; no server.
#include "BoardView.h"
#include "BulkActions.h"
#include "BulkWindow.h"
#include "FilterBar.h"
#include "PipelineViews.h"
#include "SampleRows.h"
#include "ServerText.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QListView>
#include <QLocale>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using Kind = BulkEditDialog::Kind;
using SampleRows::id;

class TestBulkActions final : public QObject, private BulkWindow
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() { setUpBulkWindow(); }
    void cleanup() { tearDownBulkWindow(); }

    void ctrlASelectsTheFilteredRows()
    {
        m_seeded->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_seeded->window.get()));
        FilterBar *bar = m_seeded->window->filterBar();
        bar->accountBox()->setCurrentIndex(
            bar->accountBox()->findText(QStringLiteral("Account B")));
        QCoreApplication::processEvents();
        QCOMPARE(table()->model()->rowCount(), 3); // 3, 4 and 7: the live deals of account B
        table()->setFocus();
        QTest::keySequence(table(), QKeySequence::SelectAll);
        QStringList selected = views()->selectedIds();
        selected.sort();
        QCOMPARE(selected, ids({3, 4, 7}));
        // Shift+click adds a range, Ctrl+click one row more or less.
        bar->accountBox()->setCurrentIndex(0);
        QCoreApplication::processEvents();
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rowCenter(0));
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, Qt::ShiftModifier, rowCenter(2));
        QCOMPARE(views()->selectedIds().size(), 3);
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, Qt::ControlModifier, rowCenter(1));
        QCOMPARE(views()->selectedIds().size(), 2);
    }

    void aChangeOfStageIsOneUndoStep()
    {
        QVERIFY(select({1, 2, 3, 4}));
        QSignalSpy changed(&m_seeded->store, &LocalStore::opportunitiesChanged);
        change(Kind::Stage, [](BulkEditDialog &dialog) {
            QVERIFY(dialog.stageField());
            dialog.stageField()->setCurrentIndex(
                dialog.stageField()->findData(static_cast<int>(Stage::ClosedWon)));
        });
        // Sample 4 is closed won already: it is not in the command.
        QUndoStack *undo = m_seeded->window->undoStack();
        QCOMPARE(undo->count(), 1);
        QCOMPARE(undo->text(0),
                 QStringLiteral("move of 3 deals to %1").arg(Stages::label(Stage::ClosedWon)));
        QCOMPARE(changed.count(), 1); // one write, one announcement
        QCOMPARE(changed.first().first().toStringList().size(), 3);
        for (int n : {1, 2, 3}) {
            QCOMPARE(record(n).stage, Stage::ClosedWon);
            QCOMPARE(record(n).probability, 100); // as a move into closed_won
        }
        const QList<OutboxEntry> entries = outbox();
        QCOMPARE(entries.size(), 3);
        for (const OutboxEntry &entry : entries) {
            QVERIFY(ids({1, 2, 3}).contains(entry.opportunityId));
            QCOMPARE(entry.fields,
                     OpportunityFields(OpportunityField::Stage) | OpportunityField::Probability);
        }
        // Undone before any push: every record as it was, nothing left to send.
        undo->undo();
        QCOMPARE(record(1).stage, Stage::Proposal);
        QCOMPARE(record(1).probability, 60);
        QCOMPARE(record(2).stage, Stage::Negotiation);
        QCOMPARE(record(2).probability, 80);
        QCOMPARE(record(3).stage, Stage::Prospecting);
        QCOMPARE(record(3).probability, 10);
        QCOMPARE(outbox().size(), 0);
        undo->redo();
        QCOMPARE(record(2).stage, Stage::ClosedWon);
        QCOMPARE(outbox().size(), 3);
    }

    void theBoardsSelectedCards()
    {
        m_seeded->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_seeded->window.get()));
        BoardView *board = m_seeded->window->board();
        views()->setCurrentWidget(board);
        QCoreApplication::processEvents();
        const auto click = [board](Stage stage, Qt::KeyboardModifiers modifiers) {
            QListView *view = board->columnView(stage);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers,
                              view->visualRect(view->model()->index(0, 0)).center());
        };
        click(Stage::Proposal, {});
        click(Stage::Qualification, Qt::ControlModifier);
        QStringList selected = views()->selectedIds();
        selected.sort();
        QCOMPARE(selected, ids({1, 7}));
        change(Kind::Probability,
               [](BulkEditDialog &dialog) { dialog.probabilityField()->setValue(45); });
        QCOMPARE(record(1).probability, 45);
        QCOMPARE(record(7).probability, 45);
        QCOMPARE(record(2).probability, 80);
        QCOMPARE(m_seeded->window->undoStack()->count(), 1);
        QCOMPARE(m_seeded->window->undoStack()->text(0),
                 QStringLiteral("change of probability of 2 deals"));
        // The forecast selects no deals: nothing to change.
        views()->setCurrentIndex(2);
        QVERIFY(views()->selectedIds().isEmpty());
    }

    void aChangeOfOwnerCoalescesWithAPendingEdit()
    {
        // Sample 1 has a name edit waiting to be sent.
        Opportunity renamed = record(1);
        renamed.name = QStringLiteral("Müller — Enterprise License II");
        QVERIFY(m_seeded->store.editOpportunity(id(1), renamed, OpportunityField::Name));
        const auto pending = m_seeded->store.entryFor(id(1));
        QVERIFY(pending);
        QVERIFY(select({1, 2, 3, 7}));
        change(Kind::Owner, [](BulkEditDialog &dialog) {
            QVERIFY(dialog.ownerField());
            dialog.ownerField()->setCurrentText(QStringLiteral("cy"));
        });
        QCOMPARE(m_seeded->window->undoStack()->count(), 1);
        // Sample 7 belongs to cy already.
        QCOMPARE(m_seeded->window->undoStack()->text(0),
                 QStringLiteral("change of owner of 3 deals"));
        for (int n : {1, 2, 3, 7})
            QCOMPARE(record(n).ownerId, QStringLiteral("cy"));
        QCOMPARE(outbox().size(), 3);
        // The pending entry grew: no second entry for sample 1.
        const auto grown = m_seeded->store.entryFor(id(1));
        QVERIFY(grown);
        QCOMPARE(grown->sequence, pending->sequence);
        QCOMPARE(grown->fields,
                 OpportunityFields(OpportunityField::Name) | OpportunityField::OwnerId);
        QVERIFY(!m_seeded->store.entryFor(id(7)));
        // Undone: the owners are back, the name edit still waits.
        m_seeded->window->undoStack()->undo();
        QCOMPARE(record(1).ownerId, QStringLiteral("ana"));
        QCOMPARE(record(2).ownerId, QStringLiteral("ben"));
        QCOMPARE(record(3).ownerId, QStringLiteral("ana"));
        QCOMPARE(record(1).name, renamed.name);
        QCOMPARE(outbox().size(), 1);
        QCOMPARE(m_seeded->store.entryFor(id(1))->fields,
                 OpportunityFields(OpportunityField::Name));
    }

    void aChangeOfCloseDateAndOfProbability()
    {
        QVERIFY(select({1, 2, 5}));
        change(Kind::CloseDate, [](BulkEditDialog &dialog) {
            QVERIFY(dialog.dateField());
            dialog.dateField()->setDate(QDate(2026, 12, 31));
        });
        for (int n : {1, 2, 5})
            QCOMPARE(record(n).expectedCloseDate, QDate(2026, 12, 31));
        QCOMPARE(m_seeded->window->undoStack()->text(0),
                 QStringLiteral("change of close date of 3 deals"));
        // No date at all, for one deal: the same as an edit of it.
        QVERIFY(select({2}));
        change(Kind::CloseDate,
               [](BulkEditDialog &dialog) { dialog.noDateField()->setChecked(true); });
        QVERIFY(!record(2).expectedCloseDate.isValid());
        QCOMPARE(m_seeded->window->undoStack()->text(1),
                 QStringLiteral("change of close date of '%1'")
                     .arg(ServerText::isolated(QStringLiteral("MÜLLER — Renewal"))));

        QVERIFY(select({1, 2, 3}));
        change(Kind::Probability, [](BulkEditDialog &dialog) {
            QVERIFY(dialog.probabilityField());
            QCOMPARE(dialog.probabilityField()->maximum(), 100);
            QCOMPARE(dialog.probabilityField()->minimum(), 0);
            dialog.probabilityField()->setValue(40);
        });
        for (int n : {1, 2, 3})
            QCOMPARE(record(n).probability, 40);
        QCOMPARE(m_seeded->window->undoStack()->count(), 3);
        QCOMPARE(outbox().size(), 4); // samples 1, 2, 3 and 5, one entry each
        m_seeded->window->undoStack()->undo();
        QCOMPARE(record(1).probability, 60);
        QCOMPARE(record(2).probability, 80);
        QCOMPARE(record(3).probability, 10);
        // A cancelled dialog changes nothing.
        QTimer::singleShot(0, qApp, [] {
            if (QWidget *dialog = QApplication::activeModalWidget())
                qobject_cast<QDialog *>(dialog)->reject();
        });
        m_bulk->action(Kind::Probability)->trigger();
        QCOMPARE(m_seeded->window->undoStack()->count(), 3);
        QCOMPARE(record(1).probability, 60);
    }

    void archiveActsOnTheSelection()
    {
        QVERIFY(select({1, 2, 3}));
        m_seeded->window->archiveAction()->trigger();
        QUndoStack *undo = m_seeded->window->undoStack();
        QCOMPARE(undo->count(), 1);
        QCOMPARE(undo->text(0), QStringLiteral("archive of 3 deals"));
        for (int n : {1, 2, 3})
            QVERIFY(record(n).isArchived);
        QCOMPARE(outbox().size(), 3);
        QVERIFY(!shownIds().contains(id(1))); // gone from the live list
        undo->undo();
        for (int n : {1, 2, 3})
            QVERIFY(!record(n).isArchived);
        QCOMPARE(outbox().size(), 0);
        // With the archived deals shown, an archived one current: the action unarchives those
        // selected, and only those.
        m_seeded->window->filterBar()->archivedBox()->setChecked(true);
        QCoreApplication::processEvents();
        undo->redo();
        QCoreApplication::processEvents();
        QVERIFY(select({6, 1, 2}));
        QCOMPARE(m_seeded->window->archiveAction()->text(), QStringLiteral("Un&archive"));
        m_seeded->window->archiveAction()->trigger();
        QCOMPARE(undo->count(), 2);
        QCOMPARE(undo->text(1), QStringLiteral("unarchive of 3 deals"));
        for (int n : {1, 2, 6})
            QVERIFY(!record(n).isArchived);
        // One deal: as before, its own step.
        m_seeded->window->filterBar()->archivedBox()->setChecked(false);
        QCoreApplication::processEvents();
        QVERIFY(select({7}));
        m_seeded->window->archiveAction()->trigger();
        QCOMPARE(undo->count(), 3);
        QCOMPARE(undo->text(2), QStringLiteral("Archive"));
        QVERIFY(record(7).isArchived);
    }

    void deleteAsksOnceNamingTheCount()
    {
        QVERIFY(select({1, 2, 3}));
        QStringList asked;
        m_seeded->window->setDeleteConfirmation([&](const QString &what) {
            asked.append(what);
            return false;
        });
        m_seeded->window->deleteAction()->trigger();
        QCOMPARE(asked, QStringList{QStringLiteral("3 deals")});
        for (int n : {1, 2, 3})
            QVERIFY(m_seeded->store.opportunity(id(n)));
        QCOMPARE(outbox().size(), 0);
        QSignalSpy removed(&m_seeded->store, &LocalStore::opportunitiesRemoved);
        m_seeded->window->setDeleteConfirmation([&](const QString &what) {
            asked.append(what);
            return true;
        });
        m_seeded->window->deleteAction()->trigger();
        QCOMPARE(asked.size(), 2);
        QCOMPARE(removed.count(), 1); // one write
        for (int n : {1, 2, 3}) {
            QVERIFY(!m_seeded->store.opportunity(id(n)));
            QVERIFY(!shownIds().contains(id(n)));
        }
        const QList<OutboxEntry> entries = outbox();
        QCOMPARE(entries.size(), 3);
        for (const OutboxEntry &entry : entries)
            QCOMPARE(entry.operation, OutboxEntry::Operation::Delete);
    }

private:
    QPoint rowCenter(int row) const
    {
        return table()->visualRect(table()->model()->index(row, 0)).center();
    }
};

QTEST_MAIN(TestBulkActions)
#include "tst_bulkactions.moc"
