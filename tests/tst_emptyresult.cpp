// An empty list or board says why, in its middle, as plain text: filters that leave no deal offer
// to clear them (and clearing brings every deal back), an empty cache says there are no deals yet
// and how to add one, archived on with nothing archived says that. The notice comes and goes as
// rows do: filter changes, a sync.
#include "BoardView.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "MainWindow.h"
#include "OpportunityDialog.h"
#include "OpportunityFilterProxy.h"
#include "PipelineViews.h"
#include "SampleRows.h"
#include "SeededWindow.h"
#include "StageColumnProxy.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <memory>
#include <vector>

using SampleRows::id;

class TestEmptyResult final : public QObject
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
        m_window->resize(1360, 820);
        m_window->show();
        m_testers.emplace_back(std::make_unique<QAbstractItemModelTester>(
            m_window->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        for (Stage stage : Stages::all())
            m_testers.emplace_back(std::make_unique<QAbstractItemModelTester>(
                m_window->board()->columnProxy(stage),
                QAbstractItemModelTester::FailureReportingMode::QtTest));
        QCoreApplication::processEvents();
    }

    void cleanup()
    {
        m_testers.clear();
        m_seeded.reset();
    }

    void views_data()
    {
        QTest::addColumn<bool>("board");
        QTest::newRow("list") << false;
        QTest::newRow("board") << true;
    }

    void noDealsInViewWhileTheyShow_data() { views_data(); }

    // A full pipeline: no notice in either view.
    void noDealsInViewWhileTheyShow()
    {
        QFETCH(bool, board);
        if (board)
            showBoard();
        QCOMPARE(shownCount(), 6);
        QVERIFY(!noticeShown());
    }

    void searchMatchingNothingOffersToClearTheFilters_data() { views_data(); }

    void searchMatchingNothingOffersToClearTheFilters()
    {
        QFETCH(bool, board);
        if (board)
            showBoard();
        FilterBar *bar = m_window->filterBar();
        bar->archivedBox()->setChecked(false);
        QTest::keyClicks(bar->searchField(), QStringLiteral("zzz"));
        QCoreApplication::processEvents();
        QCOMPARE(shownCount(), 0);
        QVERIFY(noticeShown());
        QCOMPARE(noticeText(), QStringLiteral("No deals match these filters."));
        checkCentredInView();
        QAbstractButton *clear = noticeButton();
        QVERIFY(clear);
        QCOMPARE(clear->text().remove(QLatin1Char('&')), QStringLiteral("Clear filters"));

        QTest::mouseClick(clear, Qt::LeftButton);
        QCoreApplication::processEvents();
        QCOMPARE(shownCount(), 6); // every live deal
        QVERIFY(bar->searchField()->text().isEmpty());
        QVERIFY(!noticeShown());
    }

    void noticeFollowsRowsAsTheyCome_data() { views_data(); }

    // The notice of a search leaves when a sync brings a deal that matches, and follows resizes.
    void noticeFollowsRowsAsTheyCome()
    {
        QFETCH(bool, board);
        if (board)
            showBoard();
        QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("initech"));
        QCoreApplication::processEvents();
        QVERIFY(noticeShown());
        m_window->resize(1100, 700);
        QCoreApplication::processEvents();
        checkCentredInView();

        Opportunity o = m_seeded->store.opportunity(id(1))->opportunity;
        o.name = QStringLiteral("Initech — Enterprise License");
        o.updatedAt = o.updatedAt.addSecs(60);
        QVERIFY(m_seeded->store.beginPull());
        QVERIFY(m_seeded->store.stagePulled({o}));
        QVERIFY(m_seeded->store.commitPull(false));
        QCoreApplication::processEvents();
        QCOMPARE(shownCount(), 1);
        QVERIFY(!noticeShown());
    }

    void emptyCacheSaysThereAreNoDealsYet_data() { views_data(); }

    // A sync that leaves the cache empty (as before the first one): nothing to clear, a deal to
    // add.
    void emptyCacheSaysThereAreNoDealsYet()
    {
        QFETCH(bool, board);
        if (board)
            showBoard();
        QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("acme"));
        QVERIFY(m_seeded->store.beginPull());
        QVERIFY(m_seeded->store.commitPull(true));
        QCoreApplication::processEvents();
        QCOMPARE(m_seeded->model.rowCount(), 0);
        QVERIFY(noticeShown());
        QVERIFY2(noticeText().startsWith(QStringLiteral("No deals yet")), qPrintable(noticeText()));
        QVERIFY(!noticeText().contains(QStringLiteral("filter"), Qt::CaseInsensitive));
        // The way to add one: the notice's button opens the new deal dialog.
        QAbstractButton *button = noticeButton();
        QVERIFY(button);
        QVERIFY(!button->text().contains(QStringLiteral("Clear"), Qt::CaseInsensitive));
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            asked = true;
            dialog->nameField()->setText(QStringLiteral("Acme — Renewal"));
            dialog->buttons()->button(QDialogButtonBox::Save)->click();
        });
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(asked);
        QCoreApplication::processEvents();
        QCOMPARE(shownCount(), 1);
        QVERIFY(!noticeShown());
    }

    void nothingArchivedSaysSo_data() { views_data(); }

    void nothingArchivedSaysSo()
    {
        QFETCH(bool, board);
        if (board)
            showBoard();
        // The one archived deal comes back to life on the server.
        Opportunity o = m_seeded->store.opportunity(id(6))->opportunity;
        o.isArchived = false;
        o.updatedAt = o.updatedAt.addSecs(60);
        QVERIFY(m_seeded->store.beginPull());
        QVERIFY(m_seeded->store.stagePulled({o}));
        QVERIFY(m_seeded->store.commitPull(false));
        m_window->filterBar()->archivedBox()->setChecked(true);
        QCoreApplication::processEvents();
        QCOMPARE(shownCount(), 0);
        QVERIFY(noticeShown());
        QCOMPARE(noticeText(), QStringLiteral("No archived deals."));
        QAbstractButton *button = noticeButton();
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCoreApplication::processEvents();
        QVERIFY(!m_window->filterBar()->archivedBox()->isChecked());
        QCOMPARE(shownCount(), 7);
        QVERIFY(!noticeShown());
    }

    // Deal names and every other text of the notice are shown as typed, never as markup.
    void noticeIsPlainText()
    {
        QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("<b>zzz</b>"));
        QCoreApplication::processEvents();
        QVERIFY(noticeShown());
        const QList<QLabel *> labels = notice()->findChildren<QLabel *>();
        QVERIFY(!labels.isEmpty());
        for (const QLabel *label : labels)
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }

private:
    void showBoard()
    {
        m_views->setCurrentWidget(m_window->board());
        QCoreApplication::processEvents();
        QVERIFY(m_views->showsBoard());
    }

    // The view showing: the list's viewport or the board.
    QWidget *view() const
    {
        return m_views->showsBoard() ? static_cast<QWidget *>(m_window->board())
                                     : m_window->table()->viewport();
    }

    // The view's notice, wherever it sits in it.
    QWidget *notice() const
    {
        return view()->findChild<QWidget *>(QStringLiteral("emptyResultNotice"));
    }

    bool noticeShown() const
    {
        const QWidget *found = notice();
        return found && found->isVisible();
    }

    QString noticeText() const
    {
        const QWidget *found = notice();
        if (!found)
            return QString();
        QStringList texts;
        for (const QLabel *label : found->findChildren<QLabel *>()) {
            if (label->isVisible())
                texts.append(label->text());
        }
        return texts.join(QLatin1Char(' '));
    }

    QAbstractButton *noticeButton() const
    {
        const QWidget *found = notice();
        if (!found)
            return nullptr;
        for (QAbstractButton *button : found->findChildren<QAbstractButton *>()) {
            if (button->isVisible())
                return button;
        }
        return nullptr;
    }

    // Whole, inside the view, about its middle.
    void checkCentredInView()
    {
        const QWidget *found = notice();
        QVERIFY(found);
        const QRect area = view()->rect();
        const QRect box(found->mapTo(view(), QPoint(0, 0)), found->size());
        QVERIFY2(area.contains(box), qPrintable(QStringLiteral("%1,%2 %3x%4 in %5x%6")
                                                    .arg(box.x())
                                                    .arg(box.y())
                                                    .arg(box.width())
                                                    .arg(box.height())
                                                    .arg(area.width())
                                                    .arg(area.height())));
        QVERIFY(std::abs(box.center().x() - area.center().x()) <= 2);
        QVERIFY(std::abs(box.center().y() - area.center().y()) <= area.height() / 4);
    }

    int shownCount() const
    {
        if (!m_views->showsBoard())
            return m_window->table()->model()->rowCount();
        int count = 0;
        for (Stage stage : Stages::all())
            count += m_window->board()->columnProxy(stage)->rowCount();
        return count;
    }

    std::unique_ptr<SeededWindow> m_seeded;
    MainWindow *m_window = nullptr;
    PipelineViews *m_views = nullptr;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

QTEST_MAIN(TestEmptyResult)
#include "tst_emptyresult.moc"
