// Stale deals in the list (issue 15): the Stale column's words, colour and tooltips, the Name
// cell's tooltip, "stale only" and sorting by the Stale column over the list's proxy, and the
// proxy following a change of the rule or of today, all under QAbstractItemModelTester. Days
// are local calendar days: the test runs in Europe/Berlin, where one deal is a day younger than
// it would be in UTC.
#include "EnglishPlurals.h"
#include "ItemRoles.h"
#include "LocalZone.h"
#include "OpportunityCells.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <optional>

namespace {

QDate today()
{
    return QDate(2026, 6, 1);
}

QDateTime utc(int month, int day, int hour, int minute)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC);
}

// The sample rows (1 to 7) and two more, each with a last change chosen against the built-in
// rule (prospecting 7, qualification 14, proposal 14, negotiation 10 days) and today.
QList<OpportunityRow> rows()
{
    QList<OpportunityRow> rows = SampleRows::make();
    // 1, proposal: changed 23:59 on May 18th in Berlin, 14 days ago: stale, just.
    rows[0].opportunity.updatedAt = utc(5, 18, 21, 59);
    // 2, negotiation: 4 days.
    rows[1].opportunity.updatedAt = utc(5, 28, 12, 0);
    // 3, prospecting: 00:30 on May 26th in Berlin (May 25th in UTC): 6 days, fresh.
    rows[2].opportunity.updatedAt = utc(5, 25, 22, 30);
    // 4 won, 5 lost: closed, never stale however old. 6: archived, qualification, stale.
    // 7, qualification: 23 days.
    rows[6].opportunity.updatedAt = utc(5, 9, 10, 0);
    OpportunityRow yesterday = rows[2];
    yesterday.opportunity.id = SampleRows::id(8);
    yesterday.opportunity.name = QStringLiteral("Yesterday's deal");
    yesterday.opportunity.updatedAt = utc(5, 31, 8, 0);
    OpportunityRow untimed = rows[2];
    untimed.opportunity.id = SampleRows::id(9);
    untimed.opportunity.name = QStringLiteral("Deal without a time");
    untimed.opportunity.updatedAt = QDateTime();
    rows << yesterday << untimed;
    return rows;
}

} // namespace

class TestStaleList final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_zone.emplace("Europe/Berlin");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::installTranslator(&m_plurals);
    }

    void cleanupTestCase() { m_zone.reset(); }

    void init()
    {
        m_model = std::make_unique<OpportunityListModel>();
        m_modelTester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxy = std::make_unique<OpportunityFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setToday(today());
        m_model->resetRows(rows());
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_proxy.reset();
        m_modelTester.reset();
        m_model.reset();
    }

    void theStaleColumnSaysHowLongInAmber()
    {
        QCOMPARE(staleCell(1).data().toString(), QStringLiteral("14 days"));
        QCOMPARE(staleCell(7).data().toString(), QStringLiteral("23 days"));
        for (int n : {2, 3, 4, 5, 8, 9})
            QCOMPARE(staleCell(n).data().toString(), QString());
        // Amber (the offscreen palette is light: the darker amber).
        const QColor amber = staleCell(7).data(Qt::ForegroundRole).value<QColor>();
        QCOMPARE(amber, OpportunityCells::staleColour());
        QVERIFY(amber.isValid());
        QVERIFY(amber.red() > amber.blue() && amber.green() > amber.blue());
        QVERIFY(!staleCell(3).data(Qt::ForegroundRole).isValid());
        QCOMPARE(staleCell(1).data(ItemRoles::StaleRole).toBool(), true);
        QCOMPARE(staleCell(3).data(ItemRoles::StaleRole).toBool(), false);
        QCOMPARE(staleCell(3).data(ItemRoles::DaysWithoutChangeRole).toInt(), 6);
        QVERIFY(staleCell(9).data(ItemRoles::DaysWithoutChangeRole).isNull());
    }

    void tooltipsSayItInWords()
    {
        QCOMPARE(staleCell(7).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("No change for 23 days"));
        QCOMPARE(nameCell(7).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("No change for 23 days"));
        QVERIFY(nameCell(3).data(Qt::ToolTipRole).isNull());
        QVERIFY(staleCell(4).data(Qt::ToolTipRole).isNull()); // won long ago: never stale
        // One day, singular: prospecting deals go stale after a day here.
        StaleRule rule;
        rule.setDays(Stage::Prospecting, 1);
        m_model->setStaleRule(rule);
        QCOMPARE(staleCell(8).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("No change for 1 day"));
        QCOMPARE(staleCell(8).data().toString(), QStringLiteral("1 day"));
        // A sync message is what the name's tooltip says first.
        OpportunityRow pending = m_model->rowAt(m_model->rowOf(SampleRows::id(7)));
        pending.state = SyncState::Pending;
        m_model->upsertRows({pending});
        QCOMPARE(nameCell(7).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("<p>Waiting to be sent to the server</p>"));
        QCOMPARE(staleCell(7).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("No change for 23 days"));
    }

    void staleOnlyKeepsTheStaleLiveDeals()
    {
        OpportunityFilter filter;
        filter.staleOnly = true;
        m_proxy->setFilter(filter);
        QCOMPARE(shownIds(), (QList<int>{1, 7}));
        QCOMPARE(m_proxy->summary().count, 2);
        filter.archived = true;
        m_proxy->setFilter(filter);
        QCOMPARE(shownIds(), (QList<int>{6}));
        filter.archived = false;
        filter.stages = {Stage::Proposal};
        m_proxy->setFilter(filter);
        QCOMPARE(shownIds(), (QList<int>{1}));
    }

    void sortsByTheStaleColumn()
    {
        m_proxy->sort(OpportunityListModel::StaleColumn, Qt::AscendingOrder);
        // The fresh first (in the model's order), then the stale by their days.
        QCOMPARE(shownIds(false), (QList<int>{2, 3, 4, 5, 8, 9, 1, 7}));
        QVERIFY(sortKeysFollow(Qt::AscendingOrder));
        m_proxy->sort(OpportunityListModel::StaleColumn, Qt::DescendingOrder);
        QCOMPARE(shownIds(false).mid(0, 2), (QList<int>{7, 1}));
        QVERIFY(sortKeysFollow(Qt::DescendingOrder));
        // Under "stale only" too, and after the rule changes the order follows.
        OpportunityFilter filter;
        filter.staleOnly = true;
        m_proxy->setFilter(filter);
        QCOMPARE(shownIds(false), (QList<int>{7, 1}));
        StaleRule rule;
        rule.setDays(Stage::Prospecting, 5);
        m_model->setStaleRule(rule);
        QCOMPARE(shownIds(false), (QList<int>{7, 1, 3}));
    }

    void theSameDaysSortToTheMinute()
    {
        // 10: as many days as 7 (May 9th in Berlin) but changed earlier that day, after 7 in the
        // model: sorted stalest first, it comes first all the same.
        OpportunityRow earlier = m_model->rowAt(m_model->rowOf(SampleRows::id(7)));
        earlier.opportunity.id = SampleRows::id(10);
        earlier.opportunity.updatedAt = utc(5, 8, 22, 30);
        m_model->upsertRows({earlier});
        QCOMPARE(staleCell(10).data().toString(), QStringLiteral("23 days"));
        m_proxy->sort(OpportunityListModel::StaleColumn, Qt::DescendingOrder);
        QCOMPARE(shownIds(false).mid(0, 3), (QList<int>{0, 7, 1})); // 10 reads as 0
        m_proxy->sort(OpportunityListModel::StaleColumn, Qt::AscendingOrder);
        QCOMPARE(shownIds(false).mid(6), (QList<int>{1, 7, 0}));
    }

    void aRuleChangeKeepsAnotherSortAsItIs()
    {
        // Sorted by the last change, the newest first, as the list starts: a new rule changes the
        // Stale column's cells, not the order, and the list is not laid out again.
        m_proxy->sort(OpportunityListModel::Updated, Qt::DescendingOrder);
        const QList<int> order = shownIds(false);
        QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(m_proxy.get(), &QAbstractItemModel::dataChanged);
        StaleRule rule;
        rule.setDays(Stage::Prospecting, 1);
        m_model->setStaleRule(rule);
        QCOMPARE(layout.count(), 0);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(shownIds(false), order);
        QCOMPARE(
            m_proxy->index(order.indexOf(8), OpportunityListModel::StaleColumn).data().toString(),
            QStringLiteral("1 day"));
    }

    void aRuleChangeRefilters()
    {
        OpportunityFilter filter;
        filter.staleOnly = true;
        m_proxy->setFilter(filter);
        QSignalSpy totals(m_proxy.get(), &OpportunityFilterProxy::totalsChanged);
        StaleRule rule;
        rule.setDays(Stage::Proposal, 15);   // 1 is 14 days old: fresh now
        rule.setDays(Stage::Prospecting, 1); // 3 and 8: stale now
        m_model->setStaleRule(rule);
        QCOMPARE(shownIds(), (QList<int>{3, 7, 8}));
        QCOMPARE(m_proxy->summary().count, 3);
        QVERIFY(!totals.isEmpty());
        // Turned off for qualification: 7 goes.
        rule.setDays(Stage::Qualification, 0);
        m_model->setStaleRule(rule);
        QCOMPARE(shownIds(), (QList<int>{3, 8}));
        // Ten days on, 1 (24 days) and 2 (negotiation, 14 days) are stale too.
        m_model->setToday(today().addDays(10));
        QCOMPARE(shownIds(), (QList<int>{1, 2, 3, 8}));
    }

    void aHiddenListCatchesUpWhenShown()
    {
        OpportunityFilter filter;
        filter.staleOnly = true;
        m_proxy->setFilter(filter);
        m_proxy->setPaused(true);
        StaleRule rule;
        rule.setDays(Stage::Qualification, 30);
        m_model->setStaleRule(rule);
        m_proxy->setPaused(false);
        QCOMPARE(shownIds(), (QList<int>{1}));
    }

private:
    QModelIndex staleCell(int n) const
    {
        return m_model->index(m_model->rowOf(SampleRows::id(n)), OpportunityListModel::StaleColumn);
    }
    QModelIndex nameCell(int n) const
    {
        return m_model->index(m_model->rowOf(SampleRows::id(n)), OpportunityListModel::Name);
    }

    // The sample numbers of the rows the proxy shows: in ascending order, or in the proxy's
    // when `sorted` is false.
    QList<int> shownIds(bool sorted = true) const
    {
        QList<int> shown;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            shown.append(m_proxy->index(row, 0).data(ItemRoles::Id).toString().right(1).toInt());
        if (sorted)
            std::sort(shown.begin(), shown.end());
        return shown;
    }

    // Whether the proxy's rows follow the Stale column's SortRole in `order`.
    bool sortKeysFollow(Qt::SortOrder order) const
    {
        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const int before = m_proxy->index(row - 1, OpportunityListModel::StaleColumn)
                                   .data(ItemRoles::SortRole)
                                   .toInt();
            const int after = m_proxy->index(row, OpportunityListModel::StaleColumn)
                                  .data(ItemRoles::SortRole)
                                  .toInt();
            if (order == Qt::AscendingOrder ? before > after : before < after)
                return false;
        }
        return true;
    }

    std::optional<LocalZone> m_zone;
    EnglishPlurals m_plurals;
    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<OpportunityFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

QTEST_MAIN(TestStaleList)
#include "tst_stalelist.moc"
