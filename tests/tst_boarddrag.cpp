// A real drag on a real X display: xdotool presses the mouse on a card, moves it over another
// stage's column and lets go, through the X server, Qt's xcb drag and drop and the view, down to
// the model and the store. Runs under xvfb-run with QT_QPA_PLATFORM=xcb (see CMakeLists.txt).
#include "BoardView.h"
#include "ItemRoles.h"
#include "MainWindow.h"
#include "SampleRows.h"
#include "SeededWindow.h"
#include "StageColumnProxy.h"

#include <QListView>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using SampleRows::id;

class TestBoardDrag final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty(),
                 "xdotool is missing (packaging/install-deps.sh)");
    }

    void dragACardToAnotherStage()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        MainWindow &window = *seeded.window;
        window.views()->setCurrentWidget(window.board());
        window.setGeometry(0, 0, 1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QListView *from = window.board()->columnView(Stage::Prospecting);
        QListView *to = window.board()->columnView(Stage::Negotiation);
        QCOMPARE(from->model()->index(0, 0).data(ItemRoles::Id).toString(), id(3));
        const QRect card = from->visualRect(from->model()->index(0, 0));
        const QPoint start = from->viewport()->mapToGlobal(card.center());
        // Below Negotiation's one card, in the column's empty space.
        const QPoint end = to->viewport()->mapToGlobal(
            QPoint(to->viewport()->width() / 2, to->viewport()->height() - 40));
        const auto at = [](const QPoint &p) {
            return QStringList{QStringLiteral("mousemove"), QString::number(p.x()),
                               QString::number(p.y()), QStringLiteral("sleep"),
                               QStringLiteral("0.15")};
        };
        const QPoint nudge = start + QPoint(QApplication::startDragDistance() * 2, 0);
        // Real input, from outside the process, while Qt runs the drag's own event loop.
        QProcess xdotool;
        xdotool.start(QStringLiteral("xdotool"),
                      at(start) + QStringList{QStringLiteral("mousedown"), QStringLiteral("1")} +
                          at(nudge) + at((nudge + end) / 2) + at(end) + at(end + QPoint(0, 5)) +
                          QStringList{QStringLiteral("mouseup"), QStringLiteral("1")});
        QTRY_COMPARE_WITH_TIMEOUT(seeded.store.opportunity(id(3))->opportunity.stage,
                                  Stage::Negotiation, 15000);
        xdotool.waitForFinished();
        QCOMPARE(xdotool.exitCode(), 0);
        // Shown at once where it went, queued for the server.
        QTRY_VERIFY(window.board()
                        ->columnProxy(Stage::Negotiation)
                        ->rowOfSource(seeded.model.rowOf(id(3))) >= 0);
        QCOMPARE(window.board()->columnProxy(Stage::Prospecting)->rowCount(), 0);
        QCOMPARE(seeded.store.outbox()->size(), 1);
        QCOMPARE(seeded.store.outbox()->first().opportunityId, id(3));
    }
};

QTEST_MAIN(TestBoardDrag)
#include "tst_boarddrag.moc"
