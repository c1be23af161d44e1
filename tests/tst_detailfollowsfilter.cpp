// The detail panel shows exactly the record current in the view showing, or nothing: a deal the
// filter hides (search, stage, owner, account, archived), archives or a sync changes out of the
// filter is not left in the panel, in the list and on the board.
#include "BoardView.h"
#include "DetailPanel.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "MainWindow.h"
#include "OpportunityFilterProxy.h"
#include "PipelineViews.h"
#include "SampleRows.h"
#include "SeededWindow.h"
#include "StageColumnProxy.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <memory>
#include <vector>

using SampleRows::id;

namespace {

enum class Hide
{
    Search,
    Stage,
    Owner,
    Account,
    Archived,
};

} // namespace

class TestDetailFollowsFilter final : public QObject
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
        m_window = m_seeded->window.get();
        m_views = qobject_cast<PipelineViews *>(m_window->views());
        QVERIFY(m_views);
        m_window->show();
        m_testers.emplace_back(std::make_unique<QAbstractItemModelTester>(
            m_window->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        for (Stage stage : Stages::all())
            m_testers.emplace_back(std::make_unique<QAbstractItemModelTester>(
                m_window->board()->columnProxy(stage),
                QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

    void cleanup()
    {
        m_testers.clear();
        m_seeded.reset();
    }

    void hiddenDealLeavesTheDetail_data()
    {
        QTest::addColumn<bool>("board");
        QTest::addColumn<Hide>("hide");
        for (bool board : {false, true}) {
            const char *view = board ? "board" : "list";
            QTest::addRow("%s, search", view) << board << Hide::Search;
            QTest::addRow("%s, stage", view) << board << Hide::Stage;
            QTest::addRow("%s, owner", view) << board << Hide::Owner;
            QTest::addRow("%s, account", view) << board << Hide::Account;
            QTest::addRow("%s, archived", view) << board << Hide::Archived;
        }
    }

    // Deal 1 (Müller — Enterprise License: proposal, account A, ana, live) shown, then a filter
    // that hides it and keeps others.
    void hiddenDealLeavesTheDetail()
    {
        QFETCH(bool, board);
        QFETCH(Hide, hide);
        if (board)
            showBoard();
        selectShown(id(1));
        QCOMPARE(m_window->detail()->currentId(), id(1));

        FilterBar *bar = m_window->filterBar();
        switch (hide) {
        case Hide::Search:
            QTest::keyClicks(bar->searchField(), QStringLiteral("acme"));
            break;
        case Hide::Stage:
            for (QAction *action : bar->stageButton()->menu()->actions()) {
                if (action->data().toInt() == int(Stage::Negotiation))
                    action->setChecked(true);
            }
            break;
        case Hide::Owner:
            bar->ownerBox()->setCurrentIndex(bar->ownerBox()->findData(QStringLiteral("ben")));
            break;
        case Hide::Account:
            bar->accountBox()->setCurrentIndex(
                bar->accountBox()->findData(QStringLiteral("acct-b")));
            break;
        case Hide::Archived:
            bar->archivedBox()->setChecked(true);
            break;
        }
        QCoreApplication::processEvents();
        QVERIFY(!shownIds().contains(id(1)));
        QVERIFY(!shownIds().isEmpty()); // the filter keeps other deals
        checkDetailIsTheViewsCurrent(id(1));
        if (QTest::currentTestFailed())
            return;

        // Back: the deal shows again, the detail still names only what the view names.
        bar->clearFilters();
        QCoreApplication::processEvents();
        QVERIFY(shownIds().contains(id(1)));
        checkDetailIsTheViewsCurrent(QString());
    }

    void archivedDealLeavesTheDetail_data()
    {
        QTest::addColumn<bool>("board");
        QTest::newRow("list") << false;
        QTest::newRow("board") << true;
    }

    void archivedDealLeavesTheDetail()
    {
        QFETCH(bool, board);
        if (board)
            showBoard();
        selectShown(id(3));
        QCOMPARE(m_window->detail()->currentId(), id(3));
        m_window->archiveAction()->trigger();
        QCoreApplication::processEvents();
        QVERIFY(m_seeded->store.opportunity(id(3))->opportunity.isArchived);
        QVERIFY(!shownIds().contains(id(3)));
        checkDetailIsTheViewsCurrent(id(3));
    }

    void syncedChangeOutOfTheFilterLeavesTheDetail_data()
    {
        QTest::addColumn<bool>("board");
        QTest::newRow("list") << false;
        QTest::newRow("board") << true;
    }

    // A search for "müller" shows deals 1 and 2; a pull renames deal 1 out of it.
    void syncedChangeOutOfTheFilterLeavesTheDetail()
    {
        QFETCH(bool, board);
        if (board)
            showBoard();
        QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("muller"));
        QCoreApplication::processEvents();
        selectShown(id(1));
        QCOMPARE(m_window->detail()->currentId(), id(1));
        Opportunity o = m_seeded->store.opportunity(id(1))->opportunity;
        o.name = QStringLiteral("Initech — Enterprise License");
        o.updatedAt = o.updatedAt.addSecs(60);
        QVERIFY(m_seeded->store.beginPull());
        QVERIFY(m_seeded->store.stagePulled({o}));
        QVERIFY(m_seeded->store.commitPull(false));
        QCoreApplication::processEvents();
        QVERIFY(!shownIds().contains(id(1)));
        checkDetailIsTheViewsCurrent(id(1));
    }

private:
    void showBoard()
    {
        m_views->setCurrentWidget(m_window->board());
        QCoreApplication::processEvents();
        QVERIFY(m_views->showsBoard());
    }

    // Makes `opportunityId` current as a click on its row or card does.
    void selectShown(const QString &opportunityId)
    {
        if (m_views->showsBoard()) {
            for (Stage stage : Stages::all()) {
                QListView *view = m_window->board()->columnView(stage);
                const int row = m_window->board()->columnProxy(stage)->rowOfSource(
                    m_seeded->model.rowOf(opportunityId));
                if (row < 0)
                    continue;
                const QRect card = view->visualRect(view->model()->index(row, 0));
                QVERIFY(card.isValid());
                QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, card.center());
                QCoreApplication::processEvents();
                QCOMPARE(m_views->currentId(), opportunityId);
                return;
            }
            QFAIL("the card is not on the board");
        }
        QTableView *table = m_window->table();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, 0);
            if (index.data(ItemRoles::Id).toString() != opportunityId)
                continue;
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                              table->visualRect(index).center());
            QCOMPARE(m_views->currentId(), opportunityId);
            return;
        }
        QFAIL("the row is not in the list");
    }

    // The ids the view showing shows.
    QStringList shownIds() const
    {
        QStringList ids;
        if (m_views->showsBoard()) {
            for (Stage stage : Stages::all()) {
                const QAbstractItemModel *column = m_window->board()->columnProxy(stage);
                for (int row = 0; row < column->rowCount(); ++row)
                    ids.append(column->index(row, 0).data(ItemRoles::Id).toString());
            }
        } else {
            const QAbstractItemModel *list = m_window->table()->model();
            for (int row = 0; row < list->rowCount(); ++row)
                ids.append(list->index(row, 0).data(ItemRoles::Id).toString());
        }
        return ids;
    }

    // The selected (highlighted) ids of the view showing.
    QStringList highlightedIds() const
    {
        if (m_views->showsBoard())
            return m_window->board()->selectedIds();
        QStringList ids;
        for (const QModelIndex &index : m_window->table()->selectionModel()->selectedRows())
            ids.append(index.data(ItemRoles::Id).toString());
        return ids;
    }

    // The panel shows the view's current record, which is one the view shows and highlights, or
    // nothing when the view has none; never `hidden`.
    void checkDetailIsTheViewsCurrent(const QString &hidden)
    {
        const QString shown = m_window->detail()->currentId();
        if (!hidden.isEmpty())
            QVERIFY2(shown != hidden, qPrintable(shown));
        QCOMPARE(shown, m_views->currentId());
        if (!shown.isEmpty()) {
            QVERIFY(shownIds().contains(shown));
            QCOMPARE(highlightedIds(), QStringList{shown});
        }
    }

    std::unique_ptr<SeededWindow> m_seeded;
    MainWindow *m_window = nullptr;
    PipelineViews *m_views = nullptr;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

QTEST_MAIN(TestDetailFollowsFilter)
#include "tst_detailfollowsfilter.moc"
