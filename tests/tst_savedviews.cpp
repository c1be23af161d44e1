// Saved views in the window: a view saved from the filter bar and the list's sort comes back from
// the menu, by its shortcut and after a restart, showing the same rows in the list and on the
// board; a taken name asks to replace; rename and delete through the manage dialog; "My open
// deals" shows me's open deals, or says where to set me. (The list in the settings:
// tst_savedviewsettings.)
#include "BoardView.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "SampleRows.h"
#include "SavedViews.h"
#include "SavedViewsMenu.h"
#include "SeededWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

namespace {

using Ids = QList<QString>;

// What the user sees of a view: the filter widgets and the list's sort.
struct Shown
{
    QString search;
    QSet<Stage> stages;
    QString accountId;
    QString ownerId;
    bool archived = false;
    int sortColumn = -1;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;

    friend bool operator==(const Shown &a, const Shown &b)
    {
        return a.search == b.search && a.stages == b.stages && a.accountId == b.accountId &&
               a.ownerId == b.ownerId && a.archived == b.archived && a.sortColumn == b.sortColumn &&
               a.sortOrder == b.sortOrder;
    }
};

char *toString(const Shown &shown)
{
    QStringList stages;
    for (Stage stage : Stages::all()) {
        if (shown.stages.contains(stage))
            stages.append(Stages::id(stage));
    }
    return qstrdup(
        QStringLiteral("search '%1' stages [%2] account '%3' owner '%4' archived %5 "
                       "sort %6 %7")
            .arg(shown.search, stages.join(QLatin1Char(',')), shown.accountId, shown.ownerId)
            .arg(shown.archived)
            .arg(shown.sortColumn)
            .arg(shown.sortOrder == Qt::AscendingOrder ? QStringLiteral("asc")
                                                       : QStringLiteral("desc"))
            .toUtf8()
            .constData());
}

Shown shownIn(MainWindow &window)
{
    Shown shown;
    FilterBar &bar = *window.filterBar();
    shown.search = bar.searchField()->text();
    for (QAction *action : bar.stageButton()->menu()->actions()) {
        if (action->isChecked())
            shown.stages.insert(static_cast<Stage>(action->data().toInt()));
    }
    shown.accountId = bar.accountBox()->currentData().toString();
    shown.ownerId = bar.ownerBox()->currentData().toString();
    shown.archived = bar.archivedBox()->isChecked();
    shown.sortColumn = window.table()->horizontalHeader()->sortIndicatorSection();
    shown.sortOrder = window.table()->horizontalHeader()->sortIndicatorOrder();
    return shown;
}

// The list's rows, top to bottom.
Ids listIds(MainWindow &window)
{
    window.views()->setCurrentWidget(window.table());
    Ids ids;
    const QAbstractItemModel *model = window.table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row, 0).data(ItemRoles::Id).toString());
    return ids;
}

// The board's cards, column by column, each top to bottom.
QList<Ids> boardIds(MainWindow &window)
{
    window.views()->setCurrentWidget(window.board());
    QList<Ids> columns;
    for (Stage stage : Stages::all()) {
        Ids ids;
        const QAbstractItemModel *model = window.board()->columnView(stage)->model();
        for (int row = 0; row < model->rowCount(); ++row)
            ids.append(model->index(row, 0).data(ItemRoles::Id).toString());
        columns.append(ids);
    }
    window.views()->setCurrentWidget(window.table());
    return columns;
}

Ids sorted(Ids ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

SavedViewsMenu *menuOf(MainWindow &window)
{
    return window.findChild<SavedViewsMenu *>();
}

QStringList names(const SavedViewsMenu &menu)
{
    QStringList texts;
    for (const QAction *action : menu.viewActions())
        texts.append(action->text());
    return texts;
}

// Answers the menu's and the dialog's questions as a test says, and keeps what was asked.
struct Answers
{
    QStringList names;
    bool confirm = true;
    QStringList asked;

    SavedViewsDialog::Questions questions()
    {
        SavedViewsDialog::Questions questions;
        questions.askName = [this](QWidget *, const QString &, const QString &) {
            return names.isEmpty() ? std::nullopt : std::optional<QString>(names.takeFirst());
        };
        questions.confirm = [this](QWidget *, const QString &question) {
            asked.append(question);
            return confirm;
        };
        return questions;
    }
};

// A fresh window over `seeded`'s profile and cache, as after a restart of the app.
void reopen(SeededWindow &seeded)
{
    seeded.window.reset();
    seeded.window = std::make_unique<MainWindow>(
        MainWindow::Services{seeded.store, seeded.model, *seeded.engine, seeded.client,
                             *seeded.profile, seeded.credentials});
    seeded.window->setLocalOnly(true);
}

void checkStage(FilterBar &bar, Stage stage)
{
    for (QAction *action : bar.stageButton()->menu()->actions()) {
        if (static_cast<Stage>(action->data().toInt()) == stage)
            action->setChecked(true);
    }
}

} // namespace

class TestSavedViews final : public QObject
{
    Q_OBJECT

private slots:
    void savedViewOpensFromTheMenuAndByItsShortcut()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        MainWindow &window = *seeded.window;
        QAbstractItemModelTester tester(window.table()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        SavedViewsMenu *menu = menuOf(window);
        QVERIFY(menu);
        Answers answers;
        menu->setQuestions(answers.questions());

        FilterBar &bar = *window.filterBar();
        QTest::keyClicks(bar.searchField(), QStringLiteral("MULLER"));
        checkStage(bar, Stage::Proposal);
        checkStage(bar, Stage::Negotiation);
        bar.accountBox()->setCurrentIndex(bar.accountBox()->findData(QStringLiteral("acct-a")));
        window.table()->sortByColumn(OpportunityListModel::Value, Qt::AscendingOrder);
        const Shown saved = shownIn(window);
        const Ids list = listIds(window);
        const QList<Ids> board = boardIds(window);
        QCOMPARE(list, (Ids{SampleRows::id(2), SampleRows::id(1)})); // by value, 12,000 first
        QCOMPARE(board, (QList<Ids>{{}, {}, {SampleRows::id(1)}, {SampleRows::id(2)}, {}, {}}));

        answers.names = {QStringLiteral("Müller — Angebote ✓")};
        menu->saveAction()->trigger();
        QCOMPARE(names(*menu), (QStringList{SavedViews::myOpenDeals().name,
                                            QStringLiteral("Müller — Angebote ✓")}));

        const auto reset = [&] {
            bar.clearFilters();
            window.table()->sortByColumn(OpportunityListModel::Updated, Qt::DescendingOrder);
            QVERIFY(!(shownIn(window) == saved));
            QCOMPARE(listIds(window).size(), 6);
        };
        reset();
        menu->viewActions().at(1)->trigger();
        QCOMPARE(shownIn(window), saved);
        QCOMPARE(listIds(window), list);
        QCOMPARE(boardIds(window), board);

        reset();
        QCOMPARE(menu->viewActions().at(1)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
        QTest::keyClick(window.table(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(shownIn(window), saved);
        QCOMPARE(listIds(window), list);
        QCOMPARE(boardIds(window), board);
    }

    void savingUnderATakenNameAsksToReplace()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        MainWindow &window = *seeded.window;
        SavedViewsMenu *menu = menuOf(window);
        QVERIFY(menu);
        Answers answers;
        menu->setQuestions(answers.questions());
        window.filterBar()->searchField()->setText(QStringLiteral("acme"));
        answers.names = {QStringLiteral("Deals")};
        menu->saveAction()->trigger();
        QVERIFY(answers.asked.isEmpty());
        QCOMPARE(names(*menu),
                 (QStringList{SavedViews::myOpenDeals().name, QStringLiteral("Deals")}));

        window.filterBar()->searchField()->setText(QStringLiteral("globex"));
        answers.names = {QStringLiteral("DEALS")};
        answers.confirm = false;
        menu->saveAction()->trigger();
        QCOMPARE(answers.asked.size(), 1);
        QVERIFY(answers.asked.first().contains(QStringLiteral("Deals")));
        QCOMPARE(menu->views().size(), 2);
        QCOMPARE(menu->views().at(1).searchText, QStringLiteral("acme"));

        answers.names = {QStringLiteral("DEALS")};
        answers.confirm = true;
        menu->saveAction()->trigger();
        QCOMPARE(menu->views().size(), 2);
        QCOMPARE(menu->views().at(1).name, QStringLiteral("DEALS"));
        QCOMPARE(menu->views().at(1).searchText, QStringLiteral("globex"));
    }

    void renameAndDeleteLastAcrossARestart()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        SavedViewsMenu *menu = menuOf(*seeded.window);
        QVERIFY(menu);
        Answers answers;
        menu->setQuestions(answers.questions());
        seeded.window->filterBar()->searchField()->setText(QStringLiteral("acme"));
        answers.names = {QStringLiteral("Alpha")};
        menu->saveAction()->trigger();

        QString refused;
        menu->setDialogRunner([&](SavedViewsDialog &dialog) {
            QCOMPARE(dialog.list()->count(), 2);
            dialog.list()->setCurrentRow(1);
            answers.names = {QStringLiteral("R&D")};
            dialog.renameButton()->click();
            QCOMPARE(dialog.list()->item(1)->text(), QStringLiteral("R&D"));
            // Another view's name, in another case: refused, and said why.
            answers.names = {QStringLiteral("my OPEN deals")};
            dialog.renameButton()->click();
            refused = dialog.problem();
            QCOMPARE(dialog.list()->item(1)->text(), QStringLiteral("R&D"));
            dialog.list()->setCurrentRow(0);
            answers.confirm = false;
            dialog.deleteButton()->click();
            QCOMPARE(dialog.list()->count(), 2);
            answers.confirm = true;
            dialog.deleteButton()->click();
            QCOMPARE(dialog.list()->count(), 1);
        });
        menu->manageAction()->trigger();
        QVERIFY2(refused.contains(SavedViews::myOpenDeals().name), qPrintable(refused));
        // The menu shows the ampersand rather than taking it for a mnemonic.
        QCOMPARE(names(*menu), QStringList{QStringLiteral("R&&D")});
        QCOMPARE(menu->views().at(0).name, QStringLiteral("R&D"));
        QCOMPARE(menu->viewActions().first()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));

        reopen(seeded);
        menu = menuOf(*seeded.window);
        QVERIFY(menu);
        QCOMPARE(menu->views().size(), 1);
        QCOMPARE(menu->views().at(0).name, QStringLiteral("R&D"));
        menu->viewActions().first()->trigger();
        QCOMPARE(seeded.window->filterBar()->searchField()->text(), QStringLiteral("acme"));
    }

    void aViewSurvivesARestart()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        {
            MainWindow &window = *seeded.window;
            SavedViewsMenu *menu = menuOf(window);
            QVERIFY(menu);
            Answers answers;
            menu->setQuestions(answers.questions());
            window.filterBar()->archivedBox()->setChecked(true);
            QTest::keyClicks(window.filterBar()->searchField(), QStringLiteral("GLOBEX"));
            window.table()->sortByColumn(OpportunityListModel::Name, Qt::DescendingOrder);
            answers.names = {QStringLiteral("Kraków archive")};
            menu->saveAction()->trigger();
        }
        reopen(seeded);
        MainWindow &window = *seeded.window;
        QCOMPARE(window.filterBar()->searchField()->text(), QString());
        SavedViewsMenu *menu = menuOf(window);
        QVERIFY(menu);
        QCOMPARE(names(*menu),
                 (QStringList{SavedViews::myOpenDeals().name, QStringLiteral("Kraków archive")}));
        menu->viewActions().at(1)->trigger();
        Shown expected;
        expected.search = QStringLiteral("GLOBEX");
        expected.archived = true;
        expected.sortColumn = OpportunityListModel::Name;
        expected.sortOrder = Qt::DescendingOrder;
        QCOMPARE(shownIn(window), expected);
        QCOMPARE(listIds(window), Ids{SampleRows::id(6)});
    }

    void myOpenDealsShowsOnlyMyOpenDeals()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        PeopleBook people;
        people.setMeId(QStringLiteral("ana"));
        seeded.model.setPeople(people);
        MainWindow &window = *seeded.window;
        window.show(); // the board's columns follow the model while it shows
        SavedViewsMenu *menu = menuOf(window);
        QVERIFY(menu);
        QCOMPARE(menu->viewActions().first()->text(), SavedViews::myOpenDeals().name);
        menu->viewActions().first()->trigger();
        // Ana's: 1 (proposal) and 3 (prospecting); not 6, archived.
        QCOMPARE(sorted(listIds(window)), (Ids{SampleRows::id(1), SampleRows::id(3)}));
        QCOMPARE(boardIds(window),
                 (QList<Ids>{{SampleRows::id(3)}, {}, {SampleRows::id(1)}, {}, {}, {}}));
        QCOMPARE(window.filterBar()->ownerBox()->currentData().toString(), QStringLiteral("ana"));
        QVERIFY2(!window.bannerText().contains(QStringLiteral("People")),
                 qPrintable(window.bannerText()));

        // Whoever me is when it is opened.
        people.setMeId(QStringLiteral("ben"));
        seeded.model.setPeople(people);
        window.filterBar()->clearFilters();
        menu->viewActions().first()->trigger();
        QCOMPARE(listIds(window), Ids{SampleRows::id(2)});
    }

    void myOpenDealsWithoutMeSaysWhereToSetIt()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        MainWindow &window = *seeded.window;
        SavedViewsMenu *menu = menuOf(window);
        QVERIFY(menu);
        menu->viewActions().first()->trigger();
        QVERIFY2(window.bannerText().contains(QStringLiteral("Settings → People")),
                 qPrintable(window.bannerText()));
        // The rest of the view: every owner's open deals.
        QCOMPARE(window.filterBar()->ownerBox()->currentData().toString(), QString());
        QCOMPARE(sorted(listIds(window)),
                 (Ids{SampleRows::id(1), SampleRows::id(2), SampleRows::id(3), SampleRows::id(7)}));
    }
};

QTEST_MAIN(TestSavedViews)

#include "tst_savedviews.moc"
