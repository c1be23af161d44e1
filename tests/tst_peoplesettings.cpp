// The people page of the settings: the book with where each name comes from; a name edited,
// added or removed and "this is me" reach the cache once the dialog is accepted (and not when
// it is cancelled), and the window shows the new names; a "me" the server gives is shown as
// the server's.
#include "FilterBar.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "OpportunityListModel.h"
#include "PeopleSettingsPage.h"
#include "SampleRows.h"
#include "SeededWindow.h"
#include "SettingsDialog.h"
#include "SettingsPageRun.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

namespace {

// The seeded deals are owned by ana, ben and cy. The server names ana and ben; the user named
// ben and dee themselves.
bool nameSomePeople(LocalStore &store)
{
    return store.storeServerPeople({{QStringLiteral("ana"), QStringLiteral("Ana Souza"),
                                     QStringLiteral("ana@example.com")},
                                    {QStringLiteral("ben"), QStringLiteral("Ben Server"),
                                     QStringLiteral("ben@example.com")}}) &&
           store.setLocalPerson({QStringLiteral("ben"), QStringLiteral("Bruno Lima"), QString()}) &&
           store.setLocalPerson({QStringLiteral("dee"), QStringLiteral("Dee Park"), QString()});
}

} // namespace

class TestPeopleSettings final : public QObject
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
        m_seeded = std::make_unique<SeededWindow>();
        QVERIFY(m_seeded->ok);
        QVERIFY(nameSomePeople(m_seeded->store));
    }

    void cleanup() { m_seeded.reset(); }

    void thePageListsThePeopleAndWhereTheirNamesComeFrom()
    {
        PeopleSettingsPage page(m_seeded->store);
        QAbstractItemModelTester tester(page.table()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(
            rowTexts(page, QStringLiteral("ana")),
            (QStringList{QStringLiteral("ana"), QStringLiteral("Ana Souza"),
                         QStringLiteral("ana@example.com"), QStringLiteral("from the server")}));
        QCOMPARE(rowTexts(page, QStringLiteral("ben")),
                 (QStringList{QStringLiteral("ben"), QStringLiteral("Bruno Lima"),
                              QStringLiteral("ben@example.com"),
                              QStringLiteral("yours, over the server's")}));
        QCOMPARE(rowTexts(page, QStringLiteral("dee")),
                 (QStringList{QStringLiteral("dee"), QStringLiteral("Dee Park"), QString(),
                              QStringLiteral("yours")}));
        // The name can be edited, the rest not.
        const int ana = page.rowOf(QStringLiteral("ana"));
        QVERIFY(page.table()->item(ana, PeopleSettingsPage::NameColumn)->flags() &
                Qt::ItemIsEditable);
        for (int column : {PeopleSettingsPage::IdColumn, PeopleSettingsPage::EmailColumn,
                           PeopleSettingsPage::SourceColumn})
            QVERIFY(!(page.table()->item(ana, column)->flags() & Qt::ItemIsEditable));
        QVERIFY(page.meLabel()->text().startsWith(QStringLiteral("Nobody is marked as you")));
    }

    // In the window: the settings' People tab; accepted, the cache has the new name and me, and
    // the list, the owner filter and "My deals" follow.
    void anEditedNameAndMeAreSavedAndShown()
    {
        runSettings([](SettingsDialog &dialog, PeopleSettingsPage &page) {
            QCOMPARE(dialog.pages()->tabText(dialog.pages()->indexOf(&page)),
                     QStringLiteral("&People"));
            dialog.pages()->setCurrentWidget(&page);
            page.table()
                ->item(page.rowOf(QStringLiteral("ana")), PeopleSettingsPage::NameColumn)
                ->setText(QStringLiteral("Ana Maria Souza"));
            page.table()->selectRow(page.rowOf(QStringLiteral("ana")));
            page.meButton()->click();
            dialog.accept();
        });
        if (QTest::currentTestFailed())
            return;
        const Result<PeopleBook> people = m_seeded->store.people();
        QVERIFY(people);
        QCOMPARE(people->displayName(QStringLiteral("ana")), QStringLiteral("Ana Maria Souza"));
        QCOMPARE(people->meId(), QStringLiteral("ana"));
        // Untouched names stay as they were.
        QCOMPARE(people->displayName(QStringLiteral("ben")), QStringLiteral("Bruno Lima"));

        OpportunityListModel &model = m_seeded->model;
        QCOMPARE(model.index(model.rowOf(SampleRows::id(1)), OpportunityListModel::Owner)
                     .data()
                     .toString(),
                 QStringLiteral("Ana Maria Souza"));
        FilterBar *bar = m_seeded->window->filterBar();
        QCOMPARE(bar->ownerBox()->itemText(1), QStringLiteral("Ana Maria Souza (me)"));
        QVERIFY(bar->myDealsAction()->isEnabled());
    }

    void cancelledNothingIsSaved()
    {
        const PeopleBook before = m_seeded->store.people().value();
        runSettings([](SettingsDialog &dialog, PeopleSettingsPage &page) {
            page.table()
                ->item(page.rowOf(QStringLiteral("ana")), PeopleSettingsPage::NameColumn)
                ->setText(QStringLiteral("Someone Else"));
            page.table()->selectRow(page.rowOf(QStringLiteral("dee")));
            page.meButton()->click();
            dialog.reject();
        });
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_seeded->store.people().value(), before);
    }

    void aPersonIsAddedByIdAndName()
    {
        PeopleSettingsPage page(m_seeded->store);
        QAbstractItemModelTester tester(page.table()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!page.addButton()->isEnabled());
        page.newIdField()->setText(QStringLiteral("auth0|5f1c9a7e2b"));
        QVERIFY(!page.addButton()->isEnabled()); // a name too
        page.newNameField()->setText(QStringLiteral("  Cy Chen "));
        QVERIFY(page.addButton()->isEnabled());
        page.addButton()->click();
        QCOMPARE(rowTexts(page, QStringLiteral("auth0|5f1c9a7e2b")),
                 (QStringList{QStringLiteral("auth0|5f1c9a7e2b"), QStringLiteral("Cy Chen"),
                              QString(), QStringLiteral("yours")}));
        QVERIFY(page.newIdField()->text().isEmpty());
        QVERIFY(page.save());
        QCOMPARE(m_seeded->store.people()->displayName(QStringLiteral("auth0|5f1c9a7e2b")),
                 QStringLiteral("Cy Chen"));
    }

    void aNameOfYourOwnIsRemoved()
    {
        PeopleSettingsPage page(m_seeded->store);
        QAbstractItemModelTester tester(page.table()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The server's names are not the user's to remove.
        page.table()->selectRow(page.rowOf(QStringLiteral("ana")));
        QVERIFY(!page.removeButton()->isEnabled());
        // Over the server's: the server's comes back.
        page.table()->selectRow(page.rowOf(QStringLiteral("ben")));
        QVERIFY(page.removeButton()->isEnabled());
        page.removeButton()->click();
        QCOMPARE(rowTexts(page, QStringLiteral("ben")).at(PeopleSettingsPage::SourceColumn),
                 QStringLiteral("from the server, once saved"));
        // Only the user's: the person goes.
        page.table()->selectRow(page.rowOf(QStringLiteral("dee")));
        page.removeButton()->click();
        QCOMPARE(page.rowOf(QStringLiteral("dee")), -1);
        QVERIFY(page.save());
        const PeopleBook people = m_seeded->store.people().value();
        QCOMPARE(people.displayName(QStringLiteral("ben")), QStringLiteral("Ben Server"));
        QVERIFY(!people.person(QStringLiteral("dee")));
        QCOMPARE(people.displayName(QStringLiteral("ana")), QStringLiteral("Ana Souza"));
    }

    void aMeTheServerGivesIsShownAsTheServers()
    {
        QVERIFY(m_seeded->store.setLocalMeId(QStringLiteral("dee")));
        QVERIFY(m_seeded->store.storeServerMeId(QStringLiteral("ana")));
        PeopleSettingsPage page(m_seeded->store);
        QVERIFY2(page.meLabel()->text().startsWith(
                     QStringLiteral("The server says you are Ana Souza (ana)")),
                 qPrintable(page.meLabel()->text()));
        page.table()->selectRow(page.rowOf(QStringLiteral("ben")));
        QVERIFY(!page.meButton()->isEnabled());
        QVERIFY(page.save());
        QCOMPARE(m_seeded->store.people()->meId(), QStringLiteral("ana"));
    }

private:
    static QStringList rowTexts(const PeopleSettingsPage &page, const QString &id)
    {
        const int row = page.rowOf(id);
        if (row < 0)
            return {};
        QStringList texts;
        for (int column = 0; column < PeopleSettingsPage::ColumnCount; ++column)
            texts.append(page.table()->item(row, column)->text());
        return texts;
    }

    // Opens the window's settings and lets `act` fill and close the dialog.
    void runSettings(const std::function<void(SettingsDialog &, PeopleSettingsPage &)> &act)
    {
        QVERIFY(runSettingsPage<PeopleSettingsPage>(*m_seeded->window, act));
    }

    std::unique_ptr<SeededWindow> m_seeded;
};

QTEST_MAIN(TestPeopleSettings)
#include "tst_peoplesettings.moc"
