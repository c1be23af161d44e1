// The pipeline board: columns per stage over proxies of the one source model, headers with
// totals per currency, moves by drop (through the model and through the view), keyboard, undo
// and redo, collapsed columns, and a real read-only key (a kashew-server refusing the first
// write) refusing the drops after it.
#include "BoardView.h"
#include "DetailPanel.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "MainWindow.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"
#include "SeededBoard.h"
#include "ServerProcess.h"
#include "StageColumnProxy.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDragEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using SampleRows::id;

class TestBoardView final : public QObject, private SeededBoard
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        setUpBoard();
        if (QTest::currentTestFailed())
            return;
        recordCloseConfirmations(); // answered yes
    }

    void cleanup() { tearDownBoard(); }

    void oneColumnPerStageInPipelineOrder()
    {
        QCOMPARE(column(Stage::Prospecting), QStringList{id(3)});
        QCOMPARE(column(Stage::Qualification), QStringList{id(7)}); // 6 is archived
        QCOMPARE(column(Stage::Proposal), QStringList{id(1)});
        QCOMPARE(column(Stage::Negotiation), QStringList{id(2)});
        QCOMPARE(column(Stage::ClosedWon), QStringList{id(4)});
        QCOMPARE(column(Stage::ClosedLost), QStringList{id(5)});
        QVERIFY(m_board->headerText(Stage::Proposal).startsWith(QStringLiteral("Proposal  (1)")));
        QVERIFY(
            m_board->headerText(Stage::Proposal).contains(QStringLiteral("Total 50,000\u00a0EUR")));
        QVERIFY(m_board->headerText(Stage::Proposal)
                    .contains(QStringLiteral("Weighted 30,000\u00a0EUR")));
    }

    void filterBarAppliesToTheBoard()
    {
        QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("acme"));
        QCOMPARE(column(Stage::Prospecting), QStringList{id(3)});
        QCOMPARE(column(Stage::Proposal), QStringList());
        QCOMPARE(column(Stage::ClosedWon), QStringList{id(4)});
        // The bar counts what the board shows; the list behind it catches up when shown.
        QCoreApplication::processEvents();
        QVERIFY(m_window->filterBar()->summary()->text().startsWith(QStringLiteral("2 deals")));
        m_window->views()->setCurrentWidget(m_window->table());
        QCOMPARE(m_window->proxy()->rowCount(), 2);
        QVERIFY(m_window->filterBar()->summary()->text().startsWith(QStringLiteral("2 deals")));
        m_window->filterBar()->searchField()->clear();
        QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("pilot"));
        QCOMPARE(m_window->proxy()->rowCount(), 1);
        m_window->views()->setCurrentWidget(m_board);
        QCOMPARE(column(Stage::Prospecting), QStringList{id(3)});
        QCOMPARE(column(Stage::ClosedWon), QStringList());
    }

    void theDetailAndTheActionsFollowTheCurrentCard()
    {
        // On the board, the record shown and acted on is the card the user picked, never the
        // list's row hidden behind it.
        QListView *view = m_board->columnView(Stage::Negotiation);
        view->setCurrentIndex(view->model()->index(0, 0));
        QCOMPARE(m_window->detail()->currentId(), id(2));
        m_window->archiveAction()->trigger();
        QVERIFY(m_seeded->store.opportunity(id(2))->opportunity.isArchived);
        QCOMPARE(column(Stage::Negotiation), QStringList());
        m_window->views()->setCurrentWidget(m_window->table());
        QVERIFY(m_window->detail()->currentId() != id(2)); // the list's own current row again
    }

    void dropThroughTheModelMovesAndQueuesTheEdit()
    {
        QVERIFY(drop(id(3), Stage::Negotiation));
        QCOMPARE(m_seeded->store.opportunity(id(3))->opportunity.stage, Stage::Negotiation);
        QCOMPARE(m_seeded->store.outbox()->size(), 1);
        QCOMPARE(m_seeded->store.outbox()->first().fields,
                 OpportunityFields(OpportunityField::Stage));
        QCOMPARE(column(Stage::Prospecting), QStringList());
        QCOMPARE(column(Stage::Negotiation), (QStringList{id(2), id(3)})); // ordered by close date
        QCoreApplication::processEvents();
        QVERIFY(
            m_board->headerText(Stage::Negotiation).startsWith(QStringLiteral("Negotiation  (2)")));
        QVERIFY(m_board->headerText(Stage::Prospecting).contains(QStringLiteral("No deals")));
    }

    void closedStagesSetTheProbability()
    {
        QVERIFY(drop(id(1), Stage::ClosedWon));
        QVERIFY(m_asked.isEmpty()); // a drop onto the column is the confirmation
        QCOMPARE(m_seeded->store.opportunity(id(1))->opportunity.probability, 100);
        QVERIFY(drop(id(2), Stage::ClosedLost));
        QCOMPARE(m_seeded->store.opportunity(id(2))->opportunity.probability, 0);
        QCOMPARE(m_seeded->store.outbox()->first().fields,
                 OpportunityField::Stage | OpportunityField::Probability);
        // Currencies are totalled apart, never added up.
        QCoreApplication::processEvents();
        const QString won = m_board->headerText(Stage::ClosedWon);
        QVERIFY2(won.contains(QStringLiteral("50,000\u00a0EUR")) &&
                     won.contains(QStringLiteral("250,000\u00a0USD")),
                 qPrintable(won));
    }

    void dropThroughTheViewWithSynthesizedEvents()
    {
        QListView *from = m_board->columnView(Stage::Prospecting);
        QMimeData *mime = from->model()->mimeData({from->model()->index(0, 0)});
        QListView *target = m_board->columnView(Stage::Proposal);
        const QPoint point(10, 10);
        QDragEnterEvent enter(point, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(point, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent dropped(point, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target->viewport(), &dropped);
        delete mime;
        QCOMPARE(m_seeded->store.opportunity(id(3))->opportunity.stage, Stage::Proposal);
        QVERIFY(column(Stage::Proposal).contains(id(3)));
    }

    void keyboardMovesTheSelection()
    {
        QListView *view = m_board->columnView(Stage::Negotiation);
        view->setCurrentIndex(view->model()->index(0, 0));
        const QList<QAction *> actions = m_board->actions();
        QCOMPARE(actions.at(1)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Right));
        actions.at(1)->trigger();
        QCOMPARE(m_seeded->store.opportunity(id(2))->opportunity.stage, Stage::ClosedWon);
        QCOMPARE(m_asked.size(), 1); // into a closed stage: asked first
        m_board->columnView(Stage::ClosedWon)
            ->setCurrentIndex(m_board->columnView(Stage::ClosedWon)
                                  ->model()
                                  ->index(column(Stage::ClosedWon).indexOf(id(2)), 0));
        actions.at(0)->trigger();
        QCOMPARE(m_seeded->store.opportunity(id(2))->opportunity.stage, Stage::Negotiation);
    }

    void undoAndRedoGoThroughTheOutbox()
    {
        QVERIFY(drop(id(3), Stage::Qualification));
        QCOMPARE(m_seeded->store.pendingCount(), 1);
        m_window->undoStack()->undo();
        QCOMPARE(m_seeded->store.opportunity(id(3))->opportunity.stage, Stage::Prospecting);
        QCOMPARE(m_seeded->store.pendingCount(), 0); // undone before it was pushed: nothing to push
        QCOMPARE(column(Stage::Prospecting), QStringList{id(3)});
        m_window->undoStack()->redo();
        QCOMPARE(m_seeded->store.opportunity(id(3))->opportunity.stage, Stage::Qualification);
        QCOMPARE(m_seeded->store.pendingCount(), 1);
    }

    void closedColumnsCollapse()
    {
        m_board->setCollapsed(Stage::ClosedLost, true);
        QVERIFY(m_board->isCollapsed(Stage::ClosedLost));
        QVERIFY(m_board->columnView(Stage::ClosedLost)->isHidden());
        QVERIFY(
            m_board->headerText(Stage::ClosedLost).startsWith(QStringLiteral("Closed lost  (1)")));
        m_board->setCollapsed(Stage::ClosedLost, false);
        QVERIFY(!m_board->isCollapsed(Stage::ClosedLost));
    }

    void readOnlyKeyRefusesDrops()
    {
        // A server that lets this key read but not write, as the app finds out: by its first
        // write being refused (403).
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QJsonObject early = TestData::createOpportunity(
            http, {{QStringLiteral("name"), QStringLiteral("Look only")},
                   {QStringLiteral("stage"), QStringLiteral("prospecting")},
                   {QStringLiteral("expected_close_date"), QStringLiteral("2026-07-01")}});
        const QJsonObject late = TestData::createOpportunity(
            http, {{QStringLiteral("name"), QStringLiteral("Look too")},
                   {QStringLiteral("stage"), QStringLiteral("prospecting")},
                   {QStringLiteral("expected_close_date"), QStringLiteral("2026-08-01")}});
        const QString first = early.value(QStringLiteral("id")).toString();
        const QString second = late.value(QStringLiteral("id")).toString();
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        connectReadOnly(server.baseUrl());
        QVERIFY(syncOnce()); // reading is allowed: the board shows the server's deals
        QCOMPARE(column(Stage::Prospecting), (QStringList{first, second}));
        QVERIFY(!m_seeded->model.isReadOnly());

        // The first move is taken here and sent; the server refuses it. It is kept (marked
        // failed, not lost) and the app now knows the key only reads.
        QSignalSpy readOnly(m_seeded->engine.get(), &SyncEngine::readOnlyDetected);
        QSignalSpy finished(m_seeded->engine.get(), &SyncEngine::finished);
        QVERIFY(drop(first, Stage::Proposal)); // nothing said read-only yet
        QVERIFY(finished.wait(60000));
        QCOMPARE(readOnly.size(), 1);
        QVERIFY(m_seeded->model.isReadOnly());
        const auto kept = m_seeded->store.opportunity(first);
        QVERIFY(kept);
        QCOMPARE(kept->state, SyncState::Failed);
        QCOMPARE(kept->opportunity.stage, Stage::Proposal);
        QCOMPARE(m_seeded->store.pendingCount(), 1);
        QVERIFY2(m_window->bannerText().contains(QStringLiteral("only read")),
                 qPrintable(m_window->bannerText()));
        QCOMPARE(http.get(QStringLiteral("/opportunities/") + first)
                     .json()
                     .value(QStringLiteral("stage"))
                     .toString(),
                 QStringLiteral("prospecting"));

        // From then on a drop changes nothing, here or there, and says why.
        m_window->showBanner(QString(), false, false);
        finished.clear();
        const bool taken = drop(second, Stage::Negotiation); // refused offered or dropped
        const auto untouched = m_seeded->store.opportunity(second);
        QVERIFY(untouched);
        QCOMPARE(untouched->opportunity.stage, Stage::Prospecting);
        QCOMPARE(untouched->state, SyncState::Synced);
        QCOMPARE(m_seeded->store.pendingCount(), 1);
        QCOMPARE(column(Stage::Prospecting), QStringList{second});
        QCOMPARE(column(Stage::Negotiation), QStringList());
        if (taken) // taken by the column, then refused: the refusal says why
            QVERIFY2(m_window->bannerText().contains(QStringLiteral("only read")),
                     qPrintable(m_window->bannerText()));
        QVERIFY(!finished.wait(300)); // and nothing was sent
        QCOMPARE(http.get(QStringLiteral("/opportunities/") + second)
                     .json()
                     .value(QStringLiteral("stage"))
                     .toString(),
                 QStringLiteral("prospecting"));
    }

private:
    bool syncOnce()
    {
        QSignalSpy finished(m_seeded->engine.get(), &SyncEngine::finished);
        m_seeded->engine->syncNow();
        return finished.wait(60000) && finished.first().first().toBool();
    }
};

QTEST_MAIN(TestBoardView)
#include "tst_boardview.moc"
