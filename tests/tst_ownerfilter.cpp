// The owner filter offers people by name with their avatar, me first; "My deals" (the filter
// bar's button and Ctrl+M) shows me's deals in the list and on the board, and is off while
// nobody knows who me is.
#include "BoardView.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "MainWindow.h"
#include "OpportunityFilterProxy.h"
#include "PersonAvatar.h"
#include "SampleRows.h"
#include "SeededBoard.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using SampleRows::id;

namespace {

// The seeded deals' owners are ana (1, 3, archived 6), ben (2, 4) and cy (5, 7); dee owns none.
PeopleBook people(const QString &me)
{
    PeopleBook book;
    book.insert(
        {QStringLiteral("ana"), QStringLiteral("Ana Souza"), QStringLiteral("ana@example.com")});
    book.insert({QStringLiteral("ben"), QStringLiteral("Bruno Lima"), QString()});
    book.insert({QStringLiteral("dee"), QStringLiteral("Dee Park"), QString()});
    book.setMeId(me);
    return book;
}

} // namespace

class TestOwnerFilter final : public QObject, private SeededBoard
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
        m_listTester = std::make_unique<QAbstractItemModelTester>(
            m_window->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_bar = m_window->filterBar();
    }

    void cleanup()
    {
        m_listTester.reset();
        tearDownBoard();
    }

    void theOwnerListNamesEveryoneWithAvatarsMeFirst()
    {
        m_seeded->model.setPeople(people(QStringLiteral("ben")));
        QComboBox *owners = m_bar->ownerBox();
        // Me first and marked; then by name: the book's people (dee owns no deal) and the
        // owners of the deals (cy has no name: shown by id).
        QCOMPARE(texts(owners),
                 (QStringList{QStringLiteral("All owners"), QStringLiteral("Bruno Lima (me)"),
                              QStringLiteral("Ana Souza"), QStringLiteral("cy"),
                              QStringLiteral("Dee Park")}));
        QCOMPARE(owners->itemData(1).toString(), QStringLiteral("ben"));
        QCOMPARE(owners->itemData(2).toString(), QStringLiteral("ana"));
        QCOMPARE(owners->itemData(2, Qt::ToolTipRole).toString(),
                 QStringLiteral("Ana Souza (ana)"));
        QCOMPARE(owners->itemData(3, Qt::ToolTipRole).toString(), QStringLiteral("cy"));
        QVERIFY(owners->itemIcon(0).isNull()); // "All owners" is nobody
        for (int index = 1; index < owners->count(); ++index) {
            const QString owner = owners->itemData(index).toString();
            const QImage avatar = owners->itemIcon(index).pixmap(QSize(16, 16)).toImage();
            QVERIFY2(!avatar.isNull(), qPrintable(owner));
            // Inside the circle, above the initials: the person's own colour.
            QCOMPARE(avatar.pixelColor(avatar.width() / 2, avatar.height() / 8),
                     PersonAvatar::colour(owner));
        }
        // A new name shows at once and the chosen owner stays chosen.
        owners->setCurrentIndex(owners->findData(QStringLiteral("ana")));
        QCOMPARE(listedIds(), (QStringList{id(1), id(3)}));
        PeopleBook renamed = people(QStringLiteral("ben"));
        renamed.insert({QStringLiteral("ana"), QStringLiteral("Ana Maria Souza"), QString()});
        m_seeded->model.setPeople(renamed);
        QCOMPARE(owners->currentText(), QStringLiteral("Ana Maria Souza"));
        QCOMPARE(m_bar->filter().ownerId, QStringLiteral("ana"));
        QCOMPARE(listedIds(), (QStringList{id(1), id(3)}));
    }

    void myDealsShowsMyDealsInTheListAndOnTheBoard()
    {
        m_seeded->model.setPeople(people(QStringLiteral("ana")));
        QToolButton *button = m_bar->myDealsButton();
        QVERIFY(button->isVisible());
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(m_bar->myDealsAction()->isChecked());
        QCOMPARE(m_bar->ownerBox()->currentText(), QStringLiteral("Ana Souza (me)"));
        checkOnlyAnasDeals();
        if (QTest::currentTestFailed())
            return;

        // Another owner chosen: no longer my deals.
        m_bar->ownerBox()->setCurrentIndex(m_bar->ownerBox()->findData(QStringLiteral("ben")));
        QVERIFY(!m_bar->myDealsAction()->isChecked());
        QVERIFY(!button->isChecked());
        QCOMPARE(listedIds(), (QStringList{id(2), id(4)}));

        // Ctrl+M, as the View menu offers it.
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window, Qt::Key_M, Qt::ControlModifier);
        QVERIFY(m_bar->myDealsAction()->isChecked());
        checkOnlyAnasDeals();
        if (QTest::currentTestFailed())
            return;

        // Off again: every owner's deals.
        QTest::keyClick(m_window, Qt::Key_M, Qt::ControlModifier);
        QVERIFY(!m_bar->myDealsAction()->isChecked());
        QCOMPARE(m_bar->ownerBox()->currentIndex(), 0);
        QCOMPARE(listedIds(),
                 (QStringList{id(1), id(2), id(3), id(4), id(5), id(7)})); // 6 is archived
        QCOMPARE(column(Stage::Negotiation), QStringList{id(2)});
    }

    void myDealsKeepsTheOtherFilters()
    {
        m_seeded->model.setPeople(people(QStringLiteral("ana")));
        QTest::keyClicks(m_bar->searchField(), QStringLiteral("acme"));
        m_bar->myDealsAction()->trigger();
        QCOMPARE(listedIds(), QStringList{id(3)});
        QCOMPARE(m_bar->searchField()->text(), QStringLiteral("acme"));
    }

    void myDealsIsOffWhileMeIsUnknown()
    {
        m_seeded->model.setPeople(people(QString()));
        QVERIFY(!m_bar->myDealsAction()->isEnabled());
        QVERIFY(!m_bar->myDealsButton()->isEnabled());
        // The way to turn it on.
        QVERIFY2(m_bar->myDealsButton()->toolTip().contains(QStringLiteral("Settings → People")),
                 qPrintable(m_bar->myDealsButton()->toolTip()));
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(m_bar->filter().ownerId, QString());
        QCOMPARE(listedIds().size(), 6);
        // Me becomes known (the server or the settings say it).
        m_seeded->model.setPeople(people(QStringLiteral("cy")));
        QVERIFY(m_bar->myDealsAction()->isEnabled());
        QVERIFY(!m_bar->myDealsButton()->toolTip().contains(QStringLiteral("Settings")));
        QTest::keyClick(m_window, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(listedIds(), (QStringList{id(5), id(7)}));
    }

    void ctrlMIsMyDealsAloneInTheViewMenu()
    {
        const QKeySequence ctrlM(Qt::CTRL | Qt::Key_M);
        QCOMPARE(m_bar->myDealsAction()->shortcut(), ctrlM);
        QList<QAction *> withCtrlM;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->shortcuts().contains(ctrlM))
                withCtrlM.append(action);
        }
        QCOMPARE(withCtrlM, QList<QAction *>{m_bar->myDealsAction()});
        QMenu *view = nullptr;
        for (QAction *menu : m_window->menuBar()->actions()) {
            if (menu->text() == QStringLiteral("&View"))
                view = menu->menu();
        }
        QVERIFY(view);
        QVERIFY(view->actions().contains(m_bar->myDealsAction()));
    }

private:
    static QStringList texts(const QComboBox *box)
    {
        QStringList texts;
        for (int index = 0; index < box->count(); ++index)
            texts.append(box->itemText(index));
        return texts;
    }

    // The list's rows, by id (the list follows the filter while it shows), back to the board.
    QStringList listedIds() const
    {
        m_window->views()->setCurrentWidget(m_window->table());
        QStringList ids;
        const QAbstractItemModel *list = m_window->proxy();
        for (int row = 0; row < list->rowCount(); ++row)
            ids.append(list->index(row, 0).data(ItemRoles::Id).toString());
        ids.sort();
        m_window->views()->setCurrentWidget(m_board);
        return ids;
    }

    void checkOnlyAnasDeals()
    {
        QCOMPARE(m_bar->filter().ownerId, QStringLiteral("ana"));
        QCOMPARE(listedIds(), (QStringList{id(1), id(3)}));
        QCOMPARE(column(Stage::Proposal), QStringList{id(1)});
        QCOMPARE(column(Stage::Prospecting), QStringList{id(3)});
        for (Stage stage :
             {Stage::Qualification, Stage::Negotiation, Stage::ClosedWon, Stage::ClosedLost})
            QCOMPARE(column(stage), QStringList());
    }

    std::unique_ptr<QAbstractItemModelTester> m_listTester;
    FilterBar *m_bar = nullptr;
};

QTEST_MAIN(TestOwnerFilter)
#include "tst_ownerfilter.moc"
