// The filter bar's own refinements (issue 15): the "Stale" button sets filter.staleOnly; a
// close-date window (set by a forecast bar through setFilter) shows as a chip whose "×" clears
// it; setFilter shows both, clearFilters clears both, each user action applies once. The list's
// proxy follows, under QAbstractItemModelTester.
#include "CloseWindowChip.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

namespace {

CloseWindow july()
{
    CloseWindow window;
    window.kind = CloseWindow::Kind::Between;
    window.first = QDate(2026, 7, 1);
    window.last = QDate(2026, 7, 31);
    return window;
}

} // namespace

class TestFilterBarRefinements final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_model = std::make_unique<OpportunityListModel>();
        m_proxy = std::make_unique<OpportunityFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setToday(SampleRows::today());
        QList<OpportunityRow> rows = SampleRows::make();
        // Changed yesterday: the only live open deal that is not stale (the others last changed
        // in January).
        rows[0].opportunity.updatedAt = QDateTime(SampleRows::today().addDays(-1), QTime(12, 0));
        m_model->resetRows(rows);
        m_bar = std::make_unique<FilterBar>();
        m_bar->setListProxy(m_proxy.get());
    }

    void cleanup()
    {
        m_bar.reset();
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void theStaleButtonShowsOnlyStaleDeals()
    {
        QToolButton *stale = m_bar->staleButton();
        QVERIFY(stale->isCheckable());
        QVERIFY(!stale->isChecked());
        QVERIFY(stale->toolTip().contains(QStringLiteral("Settings")));
        QSignalSpy changed(m_bar.get(), &FilterBar::filterChanged);
        stale->click();
        QCOMPARE(changed.count(), 1);
        QVERIFY(m_bar->filter().staleOnly);
        QVERIFY(changed.first().first().value<OpportunityFilter>().staleOnly);
        QCOMPARE(m_proxy->filter(), m_bar->filter());
        QCOMPARE(shownIds(), (QList<int>{2, 3, 7}));
        stale->click();
        QCOMPARE(changed.count(), 2);
        QVERIFY(!m_bar->filter().staleOnly);
        QCOMPARE(shownIds(), (QList<int>{1, 2, 3, 4, 5, 7}));
    }

    void setFilterShowsTheWindowAsAChipAndItsCrossClearsIt()
    {
        CloseWindowChip *chip = m_bar->closingChip();
        QVERIFY(chip->isHidden());
        QSignalSpy changed(m_bar.get(), &FilterBar::filterChanged);
        OpportunityFilter filter;
        filter.closing = july();
        filter.staleOnly = true;
        m_bar->setFilter(filter, QString());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_bar->filter(), filter);
        QVERIFY(!chip->isHidden());
        QVERIFY(m_bar->staleButton()->isChecked());
        QCOMPARE(chip->label()->text(), QStringLiteral("Closing in July 2026"));
        QCOMPARE(chip->label()->textFormat(), Qt::PlainText);
        QCOMPARE(chip->clearButton()->text(), QStringLiteral("\u00d7"));
        QVERIFY(!chip->clearButton()->accessibleName().isEmpty());
        QCOMPARE(shownIds(), QList<int>{}); // 1 closes in July but is fresh
        m_bar->staleButton()->click();
        QCOMPARE(shownIds(), QList<int>{1});
        QCOMPARE(changed.count(), 2);
        // The cross: every close date again, once.
        chip->clearButton()->click();
        QCOMPARE(changed.count(), 3);
        QVERIFY(chip->isHidden());
        QVERIFY(m_bar->filter().closing.isAny());
        QVERIFY(m_proxy->filter().closing.isAny());
        QCOMPARE(shownIds(), (QList<int>{1, 2, 3, 4, 5, 7}));
    }

    void otherWindowsHaveTheirLabels()
    {
        OpportunityFilter filter;
        filter.closing.kind = CloseWindow::Kind::Overdue;
        m_bar->setFilter(filter, QString());
        QCOMPARE(m_bar->closingChip()->label()->text(), QStringLiteral("Overdue"));
        QCOMPARE(shownIds(), (QList<int>{2, 3, 4})); // 4 closed in April
        filter.closing.kind = CloseWindow::Kind::NoDate;
        m_bar->setFilter(filter, QString());
        QCOMPARE(m_bar->closingChip()->label()->text(), QStringLiteral("No close date"));
        QCOMPARE(shownIds(), QList<int>{5});
    }

    void clearFiltersClearsBoth()
    {
        OpportunityFilter filter;
        filter.closing = july();
        filter.staleOnly = true;
        filter.setSearch(QStringLiteral("acme"));
        m_bar->setFilter(filter, QStringLiteral("Acme"));
        QSignalSpy changed(m_bar.get(), &FilterBar::filterChanged);
        m_bar->clearFilters();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_bar->filter(), OpportunityFilter());
        QVERIFY(!m_bar->staleButton()->isChecked());
        QVERIFY(m_bar->closingChip()->isHidden());
        QCOMPARE(m_bar->searchField()->text(), QString());
        // Typing keeps the refinements: they are part of the bar's filter.
        m_bar->setFilter(filter, QStringLiteral("Acme"));
        QTest::keyClick(m_bar->searchField(), Qt::Key_Backspace);
        QVERIFY(m_bar->filter().staleOnly);
        QCOMPARE(m_bar->filter().closing, july());
    }

private:
    // The sample numbers of the rows the list's proxy shows, in ascending order.
    QList<int> shownIds() const
    {
        QList<int> shown;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            shown.append(m_proxy->index(row, 0).data(ItemRoles::Id).toString().right(1).toInt());
        std::sort(shown.begin(), shown.end());
        return shown;
    }

    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<OpportunityFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<FilterBar> m_bar;
};

QTEST_MAIN(TestFilterBarRefinements)
#include "tst_filterbarrefinements.moc"
