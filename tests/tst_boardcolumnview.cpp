// A board column lays its cards out by arithmetic: where a card is, which card is under a point,
// how far the column scrolls, where the arrow and page keys go, where a drop lands, and that a
// change of the column's rows costs the view the cards that show, not every card of the column.
#include "BoardColumnView.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QApplication>
#include <QDragEnterEvent>
#include <QIdentityProxyModel>
#include <QImage>
#include <QMimeData>
#include <QScrollBar>
#include <QSet>
#include <QStringListModel>
#include <QStyledItemDelegate>
#include <QTest>
#include <memory>

namespace {

// The column's model: a proxy that counts the indexes the view asks it for.
class CountingProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        ++asked;
        return QIdentityProxyModel::index(row, column, parent);
    }

    mutable int asked = 0;
};

// The column's delegate, noting the rows it paints.
class RecordingDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        painted.insert(index.row());
        QStyledItemDelegate::paint(painter, option, index);
    }

    mutable QSet<int> painted;
};

QStringList cards(int count, const QString &prefix = QStringLiteral("Deal"))
{
    QStringList names;
    for (int n = 0; n < count; ++n)
        names.append(QStringLiteral("%1 %2").arg(prefix).arg(n));
    return names;
}

} // namespace

class TestBoardColumnView final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_source = std::make_unique<QStringListModel>(cards(1000));
        m_proxy = std::make_unique<CountingProxy>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxy->setSourceModel(m_source.get());
        m_view = std::make_unique<BoardColumnView>();
        m_view->setModel(m_proxy.get());
        m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_view->setDragEnabled(true);
        m_view->setAcceptDrops(true);
        m_view->setDropIndicatorShown(true);
        m_view->setDragDropMode(QAbstractItemView::DragDrop);
        m_view->resize(220, 300);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_height = m_view->visualRect(card(0)).height();
        QVERIFY(m_height > 0);
    }

    void cleanup()
    {
        m_view.reset();
        m_tester.reset();
        m_proxy.reset();
        m_source.reset();
    }

    void aCardIsWhereItsRowSaysAndFoundThere()
    {
        const int width = m_view->viewport()->width();
        for (int row : {0, 1, 7, 12}) {
            const QRect rect = m_view->visualRect(card(row));
            QCOMPARE(rect, QRect(0, row * m_height, width, m_height));
            QCOMPARE(m_view->indexAt(rect.center()), card(row));
            QCOMPARE(m_view->indexAt(rect.topLeft()), card(row));
            QCOMPARE(m_view->indexAt(rect.bottomRight()), card(row));
        }
        QVERIFY(!m_view->indexAt(QPoint(width + 5, 2)).isValid()); // beside the cards
        // The bar scrolls over every card, a pixel at a time.
        QCOMPARE(m_view->verticalScrollBar()->maximum(),
                 1000 * m_height - m_view->viewport()->height());
        QCOMPARE(m_view->verticalScrollBar()->pageStep(), m_view->viewport()->height());
    }

    void aCardIsHitAfterScrolling()
    {
        m_view->verticalScrollBar()->setValue(500 * m_height + 3);
        QCOMPARE(m_view->indexAt(QPoint(10, 0)), card(500));
        QCOMPARE(m_view->indexAt(QPoint(10, m_height - 3)), card(501));
        QCOMPARE(m_view->visualRect(card(501)).top(), m_height - 3);
        // Scrolled to the end, the last card's bottom is the viewport's.
        m_view->scrollTo(card(999));
        QCOMPARE(m_view->visualRect(card(999)).bottom(), m_view->viewport()->height() - 1);
        QCOMPARE(m_view->indexAt(QPoint(10, m_view->viewport()->height() - 1)), card(999));
    }

    void fewCardsLeaveEmptySpaceBelowThem()
    {
        m_source->setStringList(cards(3));
        m_view->layOutIfChanged();
        QCOMPARE(m_view->verticalScrollBar()->maximum(), 0);
        QCOMPARE(m_view->indexAt(QPoint(10, 2 * m_height + 1)), card(2));
        QVERIFY(!m_view->indexAt(QPoint(10, 3 * m_height + 1)).isValid());
    }

    void keysMoveTheCurrentCard()
    {
        m_view->setFocus();
        m_view->setCurrentIndex(card(0));
        QTest::keyClick(m_view.get(), Qt::Key_Up);
        QCOMPARE(m_view->currentIndex(), card(0));
        QTest::keyClick(m_view.get(), Qt::Key_Down);
        QCOMPARE(m_view->currentIndex(), card(1));
        // A page: the cards that show but one.
        const int page = m_view->viewport()->height() / m_height - 1;
        QTest::keyClick(m_view.get(), Qt::Key_PageDown);
        QCOMPARE(m_view->currentIndex(), card(1 + page));
        QTest::keyClick(m_view.get(), Qt::Key_PageUp);
        QCOMPARE(m_view->currentIndex(), card(1));
        QTest::keyClick(m_view.get(), Qt::Key_End);
        QCOMPARE(m_view->currentIndex(), card(999));
        QVERIFY(m_view->viewport()->rect().contains(m_view->visualRect(card(999))));
        QTest::keyClick(m_view.get(), Qt::Key_Home);
        QCOMPARE(m_view->currentIndex(), card(0));
        QCOMPARE(m_view->verticalScrollBar()->value(), 0);
        // Shift+Down adds the next card to the selection.
        QTest::keyClick(m_view.get(), Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(m_view.get(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(m_view->selectionModel()->selectedIndexes().size(), 3);
    }

    void clicksSelectTheCardUnderThePointer()
    {
        m_view->verticalScrollBar()->setValue(40 * m_height);
        const QPoint third = m_view->visualRect(card(42)).center();
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, third);
        QCOMPARE(m_view->selectionModel()->selectedIndexes(), QModelIndexList{card(42)});
        const QPoint fifth = m_view->visualRect(card(44)).center();
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, fifth);
        QCOMPARE(m_view->selectionModel()->selectedIndexes().size(), 3);
    }

    void aDropLandsAtTheRowUnderThePoint()
    {
        QMimeData *mime = m_proxy->mimeData({card(500)});
        // Just inside card 3's top edge: the drop goes above it, and a line shows there.
        const QPoint point(20, m_view->visualRect(card(3)).top() + 1);
        const QImage before = m_view->viewport()->grab().toImage();
        QDragEnterEvent enter(point, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_view->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(point, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_view->viewport(), &move);
        QVERIFY(move.isAccepted());
        const QImage during = m_view->viewport()->grab().toImage();
        QVERIFY(before != during); // the drop indicator
        QDropEvent dropped(point, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_view->viewport(), &dropped);
        delete mime;
        QCOMPARE(m_proxy->rowCount(), 1001);
        QCOMPARE(card(3).data().toString(), QStringLiteral("Deal 500"));
        QCOMPARE(card(4).data().toString(), QStringLiteral("Deal 3"));
    }

    void assistiveToolsReadTheCards()
    {
        QAccessible::setActive(true);
        m_view->verticalScrollBar()->setValue(10 * m_height);
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(m_view.get());
        QVERIFY(list);
        QCOMPARE(list->role(), QAccessible::List);
        QAccessibleTableInterface *table = list->tableInterface();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1000);
        QAccessibleInterface *cell = table->cellAt(12, 0);
        QVERIFY(cell);
        QCOMPARE(cell->text(QAccessible::Name), QStringLiteral("Deal 12"));
        const QRect rect = m_view->visualRect(card(12));
        QCOMPARE(cell->rect(), QRect(m_view->viewport()->mapToGlobal(rect.topLeft()), rect.size()));
        // Moving the current card with a screen reader on tells it without trouble.
        m_view->setFocus();
        m_view->setCurrentIndex(card(12));
        QTest::keyClick(m_view.get(), Qt::Key_Down);
        QCOMPARE(m_view->currentIndex(), card(13));
        QAccessible::setActive(false);
    }

    void changedCardsAloneAreRepainted()
    {
        auto *delegate = new RecordingDelegate(m_view.get());
        m_view->setItemDelegate(delegate);
        m_view->layOutIfChanged();
        m_view->verticalScrollBar()->setValue(20 * m_height);
        QTRY_VERIFY(delegate->painted.contains(21));
        QTest::qWait(100); // whatever else there is to paint
        delegate->painted.clear();
        // Three cards change, all in sight: those three are painted again, no other.
        QVERIFY(m_view->viewport()->rect().contains(m_view->visualRect(card(24))));
        emit m_source->dataChanged(m_source->index(22), m_source->index(24));
        QTRY_VERIFY(!delegate->painted.isEmpty());
        QTest::qWait(20);
        QCOMPARE(delegate->painted, (QSet<int>{22, 23, 24}));
        // A card out of sight changes: nothing to paint.
        delegate->painted.clear();
        emit m_source->dataChanged(m_source->index(500), m_source->index(501));
        QTest::qWait(20);
        QCOMPARE(delegate->painted, QSet<int>());
    }

    void changedRowsCostTheCardsThatShow()
    {
        // 20,000 cards; a keystroke's worth of change: rows go and come.
        m_source->setStringList(cards(20000));
        m_view->layOutIfChanged();
        QCoreApplication::processEvents();
        m_source->removeRows(0, 10);
        m_source->insertRows(100, 10);
        m_proxy->asked = 0;
        m_view->layOutIfChanged();
        m_view->viewport()->repaint();
        const int shown = m_view->viewport()->height() / m_height + 2;
        QVERIFY2(m_proxy->asked <= 4 * shown, qPrintable(QString::number(m_proxy->asked)));
        QCOMPARE(m_view->verticalScrollBar()->maximum(),
                 20000 * m_height - m_view->viewport()->height());
    }

private:
    QModelIndex card(int row) const { return m_proxy->index(row, 0); }

    std::unique_ptr<QStringListModel> m_source;
    std::unique_ptr<CountingProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<BoardColumnView> m_view;
    int m_height = 0;
};

QTEST_MAIN(TestBoardColumnView)
#include "tst_boardcolumnview.moc"
