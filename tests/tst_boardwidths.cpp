// A board narrower than its columns (it scrolls sideways) keeps its columns in place while a
// search is typed and cleared: the counts in the titles change, the titles' widths do not (each
// keeps room for every cached deal), no column narrows, and every title still shows whole.
#include "BoardView.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "SeededBoard.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QStandardPaths>
#include <QTest>

namespace {

// Each column's place on the board, left to right.
QList<QRect> columnPlaces(const BoardView &board)
{
    QList<QRect> places;
    for (Stage stage : Stages::all())
        places.append(board.columnView(stage)->parentWidget()->geometry());
    return places;
}

} // namespace

class TestBoardWidths final : public QObject, private SeededBoard
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() { setUpBoard(); }
    void cleanup() { tearDownBoard(); }

    void columnsStayPutWhileTyping()
    {
        // Counts of three digits in some columns, one in others.
        for (int n = 100; n < 350; ++n)
            addDeal(n, n % 2 ? Stage::Qualification : Stage::ClosedLost, QDate(2026, 8, 1), false);
        m_window->resize(800, 700);
        QCoreApplication::processEvents();
        QLineEdit *search = m_window->filterBar()->searchField();
        const QList<QRect> before = columnPlaces(*m_board);
        QList<int> titleWidths;
        for (Stage stage : Stages::all())
            titleWidths.append(m_board->columnTitle(stage)->width());
        for (const QString &text : {QStringLiteral("deal 1"), QStringLiteral("deal 12"),
                                    QStringLiteral("deal 123"), QString()}) {
            search->setText(text);
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
            const QList<QRect> now = columnPlaces(*m_board);
            for (Stage stage : Stages::all()) {
                const auto at = static_cast<int>(stage);
                QVERIFY2(now.at(at).width() >= before.at(at).width(),
                         qPrintable(Stages::label(stage)));
                const QLabel *title = m_board->columnTitle(stage);
                QCOMPARE(title->width(), titleWidths.at(at));
                QVERIFY2(title->fontMetrics().horizontalAdvance(title->text()) <=
                             title->contentsRect().width(),
                         qPrintable(title->text()));
            }
        }
    }
};

QTEST_MAIN(TestBoardWidths)
#include "tst_boardwidths.moc"
