// Undo of a bulk change writes back only the fields the change made (issue 19: the undo step
// keeps just those fields' values, not whole records): a field changed meanwhile, by the server
// or by another edit, keeps its new value. A real LocalStore in a temporary directory; the
// server's update arrives as the pull merges it, no server.
#include "BulkActions.h"
#include "BulkWindow.h"
#include "SampleRows.h"

#include <QComboBox>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using Kind = BulkEditDialog::Kind;
using SampleRows::id;

class TestBulkUndo final : public QObject, private BulkWindow
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUpBulkWindow(); }
    void cleanup() { tearDownBulkWindow(); }

    void undoLeavesWhatTheServerChangedMeanwhile()
    {
        const Opportunity first = record(1);
        QVERIFY(select({1, 2, 3}));
        change(Kind::Owner, [](BulkEditDialog &dialog) {
            QVERIFY(dialog.ownerField());
            dialog.ownerField()->setCurrentText(QStringLiteral("cy"));
        });
        QUndoStack *undo = m_seeded->window->undoStack();
        QCOMPARE(undo->count(), 1);
        // Meanwhile someone renames sample 2 on the server and changes its value; its owner
        // there is still ben. The pull merges it: the rep's owner stays, the rest is the server's.
        Opportunity server = record(2);
        server.ownerId = QStringLiteral("ben");
        server.name = QStringLiteral("Renamed on the server");
        server.value = 31000;
        server.description = QStringLiteral("Scope agreed by phone");
        server.updatedAt = server.updatedAt.addSecs(3600);
        QVERIFY(m_seeded->store.mergeServerRecord(server, QByteArrayLiteral("\"v2\"")));
        QCOMPARE(record(2).name, server.name);
        QCOMPARE(record(2).ownerId, QStringLiteral("cy"));

        undo->undo();
        // The owners are back; sample 2 keeps the server's name, value and description.
        QCOMPARE(record(1).ownerId, QStringLiteral("ana"));
        QCOMPARE(record(2).ownerId, QStringLiteral("ben"));
        QCOMPARE(record(3).ownerId, QStringLiteral("ana"));
        QCOMPARE(record(2).name, server.name);
        QCOMPARE(record(2).value, 31000.0);
        QCOMPARE(record(2).description, server.description);
        QCOMPARE(record(1).name, first.name);
        QCOMPARE(record(1).value, first.value);
        // Sample 2 is as the server has it: nothing to send.
        QVERIFY(!m_seeded->store.entryFor(id(2)));
        QCOMPARE(outbox().size(), 0);

        undo->redo();
        QCOMPARE(record(2).ownerId, QStringLiteral("cy"));
        QCOMPARE(record(2).name, server.name);
        QCOMPARE(record(2).value, 31000.0);
        QCOMPARE(outbox().size(), 3);
    }

    void undoOfAMoveLeavesAFieldEditedAfterIt()
    {
        QVERIFY(select({1, 2}));
        change(Kind::Stage, [](BulkEditDialog &dialog) {
            QVERIFY(dialog.stageField());
            dialog.stageField()->setCurrentIndex(
                dialog.stageField()->findData(static_cast<int>(Stage::ClosedLost)));
        });
        QCOMPARE(record(1).stage, Stage::ClosedLost);
        QCOMPARE(record(1).probability, 0);
        // Then the close date and name of sample 1 are edited, outside the undo step.
        Opportunity edited = record(1);
        edited.expectedCloseDate = QDate(2026, 9, 30);
        edited.name = QStringLiteral("Müller — Enterprise License II");
        QVERIFY(m_seeded->store.editOpportunity(
            id(1), edited,
            OpportunityFields(OpportunityField::ExpectedCloseDate) | OpportunityField::Name));

        m_seeded->window->undoStack()->undo();
        // Stage and probability are back; the later edit stays, and still waits to be sent.
        QCOMPARE(record(1).stage, Stage::Proposal);
        QCOMPARE(record(1).probability, 60);
        QCOMPARE(record(2).stage, Stage::Negotiation);
        QCOMPARE(record(2).probability, 80);
        QCOMPARE(record(1).expectedCloseDate, QDate(2026, 9, 30));
        QCOMPARE(record(1).name, edited.name);
        const auto pending = m_seeded->store.entryFor(id(1));
        QVERIFY(pending);
        QCOMPARE(pending->fields,
                 OpportunityFields(OpportunityField::ExpectedCloseDate) | OpportunityField::Name);
        QVERIFY(!m_seeded->store.entryFor(id(2)));
    }
};

QTEST_MAIN(TestBulkUndo)
#include "tst_bulkundo.moc"
