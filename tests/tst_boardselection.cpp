// The board's one selection and its moves, as a user makes them: a click makes a card the one
// current card of the whole board (the detail follows it), Ctrl and Shift select several on
// purpose and visibly, Ctrl+Left/Right and the context menu ask before closing deals (a drop does
// not), and the undo step names the deal.
#include "BoardView.h"
#include "DetailPanel.h"
#include "ItemRoles.h"
#include "MainWindow.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"
#include "SeededBoard.h"
#include "StageColumnProxy.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QImage>
#include <QItemSelectionModel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using SampleRows::id;

class TestBoardSelection final : public QObject, private SeededBoard
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
        recordCloseConfirmations();
    }

    void cleanup() { tearDownBoard(); }

    void aClickMakesTheOneCurrentCardOfTheBoard()
    {
        click(Stage::Proposal, 0);
        QCOMPARE(m_board->selectedIds(), QStringList{id(1)});
        QCOMPARE(m_window->detail()->currentId(), id(1));
        // Each card the board announces as current, as it announces it.
        QStringList announced;
        connect(m_board, &BoardView::currentChanged, this,
                [&] { announced.append(m_board->currentId()); });
        // A card in another column: the first is no longer selected anywhere.
        click(Stage::Qualification, 0);
        QCOMPARE(m_board->selectedIds(), QStringList{id(7)});
        QCOMPARE(m_board->currentId(), id(7));
        QCOMPARE(m_window->detail()->currentId(), id(7));
        QCOMPARE(announced, QStringList{id(7)}); // no other card (nor none) in between
        // Back to the first: its column's current card is the same, the board's is not.
        click(Stage::Proposal, 0);
        QCOMPARE(m_board->selectedIds(), QStringList{id(1)});
        QCOMPARE(m_window->detail()->currentId(), id(1));
        QCOMPARE(announced, (QStringList{id(7), id(1)}));
        QCoreApplication::processEvents();
        QCOMPARE(announced.size(), 2);
        // Ctrl+Right moves the card the user picked, nothing else.
        ctrlKey(Qt::Key_Right, Stage::Proposal);
        QCOMPARE(stageOf(id(1)), Stage::Negotiation);
        QCOMPARE(stageOf(id(7)), Stage::Qualification);
        QCOMPARE(stageOf(id(3)), Stage::Prospecting);
    }

    void ctrlAndShiftClicksSelectSeveralOnPurpose()
    {
        addDeal(20, Stage::Proposal, QDate(2026, 8, 1));
        addDeal(21, Stage::Proposal, QDate(2026, 9, 1));
        QCOMPARE(column(Stage::Proposal), (QStringList{id(1), id(20), id(21)}));
        click(Stage::Prospecting, 0);
        click(Stage::Proposal, 0, Qt::ControlModifier); // added, across columns
        QCOMPARE(sorted(m_board->selectedIds()), sorted({id(3), id(1)}));
        click(Stage::Proposal, 2, Qt::ShiftModifier); // a range within the column
        QCOMPARE(sorted(m_board->selectedIds()), sorted({id(3), id(1), id(20), id(21)}));
        // Visibly: a selected card looks selected in a column without the focus too.
        QListView *prospecting = m_board->columnView(Stage::Prospecting);
        QVERIFY(!prospecting->hasFocus());
        const QRect card = prospecting->visualRect(prospecting->model()->index(0, 0));
        const QImage selected = prospecting->viewport()->grab(card).toImage();
        prospecting->selectionModel()->select(prospecting->model()->index(0, 0),
                                              QItemSelectionModel::Deselect);
        QVERIFY(selected != prospecting->viewport()->grab(card).toImage());
        prospecting->selectionModel()->select(prospecting->model()->index(0, 0),
                                              QItemSelectionModel::Select);
        // A plain click on one of them: that card alone, on the whole board.
        click(Stage::Proposal, 1);
        QCOMPARE(m_board->selectedIds(), QStringList{id(20)});
        QCOMPARE(m_window->detail()->currentId(), id(20));

        click(Stage::Prospecting, 0, Qt::ControlModifier);
        click(Stage::Proposal, 2, Qt::ControlModifier);
        QCOMPARE(sorted(m_board->selectedIds()), sorted({id(20), id(3), id(21)}));
        // Every selected card moves, each one stage on (none into a closed stage: no question),
        // and stays selected where it went.
        ctrlKey(Qt::Key_Right, Stage::Proposal);
        QCOMPARE(stageOf(id(3)), Stage::Qualification);
        QCOMPARE(stageOf(id(20)), Stage::Negotiation);
        QCOMPARE(stageOf(id(21)), Stage::Negotiation);
        QCOMPARE(stageOf(id(1)), Stage::Proposal);
        QCOMPARE(sorted(m_board->selectedIds()), sorted({id(20), id(3), id(21)}));
        QCOMPARE(m_window->detail()->currentId(), id(21)); // the last clicked
        QVERIFY(m_asked.isEmpty());
    }

    void aKeyboardOrMenuMoveIntoAClosedStageAsksFirst()
    {
        // Refused: nothing moves.
        m_answer = false;
        click(Stage::Negotiation, 0);
        ctrlKey(Qt::Key_Right, Stage::Negotiation);
        QCOMPARE(m_asked.size(), 1);
        QCOMPARE(m_asked.first().first, QStringList{QStringLiteral("MÜLLER — Renewal")});
        QCOMPARE(m_asked.first().second, Stage::ClosedWon);
        QCOMPARE(stageOf(id(2)), Stage::Negotiation);
        QCOMPARE(m_seeded->store.pendingCount(), 0);
        QCOMPARE(m_window->undoStack()->count(), 0);
        // A move between open stages asks nothing.
        ctrlKey(Qt::Key_Left, Stage::Negotiation);
        QCOMPARE(stageOf(id(2)), Stage::Proposal);
        QCOMPARE(m_asked.size(), 1);

        // The context menu: Move to ▸ Closed lost, refused, then confirmed.
        QCOMPARE(moveByMenu(Stage::Prospecting, 0, Stage::ClosedLost), QString());
        QCOMPARE(m_asked.size(), 2);
        QCOMPARE(m_asked.last().first, QStringList{QStringLiteral("Acme — Pilot")});
        QCOMPARE(m_asked.last().second, Stage::ClosedLost);
        QCOMPARE(stageOf(id(3)), Stage::Prospecting);
        m_answer = true;
        QCOMPARE(moveByMenu(Stage::Prospecting, 0, Stage::ClosedLost), QString());
        QCOMPARE(m_asked.size(), 3);
        QCOMPARE(stageOf(id(3)), Stage::ClosedLost);
        QCOMPARE(m_seeded->store.opportunity(id(3))->opportunity.probability, 0);
        // The menu to an open stage asks nothing.
        QCOMPARE(moveByMenu(Stage::Proposal, 0, Stage::Qualification), QString());
        QCOMPARE(m_asked.size(), 3);
        QCOMPARE(stageOf(id(2)), Stage::Qualification);
    }

    void undoNamesTheDeal()
    {
        QVERIFY(drop(id(3), Stage::ClosedWon));
        QCOMPARE(undoActionText(),
                 QStringLiteral("Undo move of '\u2068Acme — Pilot\u2069' to Closed won"));
        m_window->undoStack()->undo();
        QCOMPARE(stageOf(id(3)), Stage::Prospecting);
        QVERIFY(m_seeded->model.requestMove({id(1), id(2), id(7)}, Stage::ClosedWon));
        QCOMPARE(undoActionText(), QStringLiteral("Undo move of 3 deals to Closed won"));
    }

private:
    // Opens the card's context menu and picks Move to ▸ `target`; returns what went wrong.
    QString moveByMenu(Stage stage, int row, Stage target)
    {
        QListView *view = m_board->columnView(stage);
        const QRect card = view->visualRect(view->model()->index(row, 0));
        QString problem = QStringLiteral("no menu");
        QTimer::singleShot(0, this, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            problem = QStringLiteral("no Move to %1").arg(Stages::label(target));
            for (QAction *action : menu->actions()) {
                if (!action->menu())
                    continue;
                for (QAction *choice : action->menu()->actions()) {
                    if (choice->text() == Stages::label(target) && choice->isEnabled()) {
                        problem.clear();
                        menu->close();
                        choice->trigger();
                        return;
                    }
                }
            }
            menu->close();
        });
        emit view->customContextMenuRequested(card.center());
        return problem;
    }
    void click(Stage stage, int row, Qt::KeyboardModifiers modifiers = {})
    {
        QListView *view = m_board->columnView(stage);
        const QRect card = view->visualRect(view->model()->index(row, 0));
        QVERIFY(card.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, card.center());
    }
    // The shortcut as the user presses it, in the column with the focus.
    void ctrlKey(Qt::Key key, Stage focus)
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        m_board->columnView(focus)->setFocus();
        QTest::keyClick(m_board->columnView(focus), key, Qt::ControlModifier);
    }
    Stage stageOf(const QString &opportunityId)
    {
        return m_seeded->store.opportunity(opportunityId)->opportunity.stage;
    }
    static QStringList sorted(QStringList ids)
    {
        ids.sort();
        return ids;
    }
};

QTEST_MAIN(TestBoardSelection)
#include "tst_boardselection.moc"
