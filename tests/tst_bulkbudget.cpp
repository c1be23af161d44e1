// The request budget in bulk changes (issue 16): a change whose writes (with those already
// waiting in the outbox) take more than a day of the plan's budget says how many days before it
// starts, and goes ahead only if the rep agrees; with no limit it never asks. A real LocalStore
// in a temporary directory; no server.
#include "BulkActions.h"
#include "BulkWindow.h"
#include "PipelineViews.h"

#include <QAction>
#include <QLocale>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using Kind = BulkEditDialog::Kind;

class TestBulkBudget final : public QObject, private BulkWindow
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

    void aChangeBeyondADayOfTheBudgetAsksFirst()
    {
        QVERIFY(seedMore(200));
        const QStringList many = extraIds(200);
        // No plan chosen and the hosted API: the free plan, 50 writes a day.
        QVERIFY(RequestBudget::isHostedServer(m_seeded->profile->serverUrl()));
        QVERIFY(selectIds(many));
        QCOMPARE(views()->selectedIds().size(), 200);
        change(Kind::Probability,
               [](BulkEditDialog &dialog) { dialog.probabilityField()->setValue(55); });
        QCOMPARE(m_budgetAsked.size(), 1);
        QCOMPARE(m_budgetAsked.first(),
                 QStringLiteral("This change of 200 deals takes 4 days of your plan's 50 writes "
                                "a day to reach the server. kashew saves it here now and sends "
                                "it as the plan allows."));
        // Refused: nothing changed.
        QCOMPARE(m_seeded->window->undoStack()->count(), 0);
        QCOMPARE(outbox().size(), 0);
        QCOMPARE(m_seeded->store.opportunity(many.first())->opportunity.probability, 20);
        // So for an archive and a delete.
        m_seeded->window->archiveAction()->trigger();
        m_seeded->window->setDeleteConfirmation([](const QString &) { return true; });
        m_seeded->window->deleteAction()->trigger();
        QCOMPARE(m_budgetAsked.size(), 3);
        QCOMPARE(outbox().size(), 0);
        QVERIFY(!m_seeded->store.opportunity(many.first())->opportunity.isArchived);

        // Agreed: saved now, all 200 waiting to go.
        m_budgetAnswer = true;
        change(Kind::Probability,
               [](BulkEditDialog &dialog) { dialog.probabilityField()->setValue(55); });
        QCOMPARE(m_budgetAsked.size(), 4);
        QCOMPARE(outbox().size(), 200);
        QCOMPARE(m_seeded->store.opportunity(many.last())->opportunity.probability, 55);
    }

    void theWritesWaitingCountToo()
    {
        QVERIFY(seedMore(60));
        setBudget(RequestBudget::forPlan(RequestBudget::Plan::Free));
        m_budgetAnswer = true;
        // 30 fit in the day's 50.
        QVERIFY(selectIds(extraIds(60).mid(0, 30)));
        change(Kind::Probability,
               [](BulkEditDialog &dialog) { dialog.probabilityField()->setValue(35); });
        QCOMPARE(m_budgetAsked.size(), 0);
        QCOMPARE(outbox().size(), 30);
        // 25 more would, alone; after the 30 waiting they take a second day.
        QVERIFY(selectIds(extraIds(60).mid(30, 25)));
        change(Kind::Probability,
               [](BulkEditDialog &dialog) { dialog.probabilityField()->setValue(35); });
        QCOMPARE(m_budgetAsked.size(), 1);
        QVERIFY2(m_budgetAsked.first().startsWith(
                     QStringLiteral("This change of 25 deals takes 2 days")),
                 qPrintable(m_budgetAsked.first()));
        QCOMPARE(outbox().size(), 55);
    }

    void noLimitNeverAsks()
    {
        QVERIFY(seedMore(200));
        setBudget(RequestBudget::forPlan(RequestBudget::Plan::Unlimited));
        QVERIFY(selectIds(extraIds(200)));
        change(Kind::Probability,
               [](BulkEditDialog &dialog) { dialog.probabilityField()->setValue(55); });
        m_seeded->window->archiveAction()->trigger();
        QCOMPARE(m_budgetAsked.size(), 0);
        QCOMPARE(m_seeded->window->undoStack()->count(), 2);
        QCOMPARE(outbox().size(), 200);
        // The largest plan takes 200 in a day.
        setBudget(RequestBudget::forPlan(RequestBudget::Plan::Largest));
        m_seeded->window->undoStack()->undo();
        QCoreApplication::processEvents();
        QVERIFY(selectIds(extraIds(200)));
        change(Kind::Probability,
               [](BulkEditDialog &dialog) { dialog.probabilityField()->setValue(65); });
        QCOMPARE(m_budgetAsked.size(), 0);
        QCOMPARE(m_seeded->store.opportunity(extraIds(200).first())->opportunity.probability, 65);
    }
};

QTEST_MAIN(TestBulkBudget)
#include "tst_bulkbudget.moc"
