// The one OpportunityFilter: its rule on a record, the item model's packed fast path agreeing with
// it on every filter, and the query the API client sends for it.
#include "OpportunityFilter.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"

#include <QAbstractItemModelTester>
#include <QTest>

Q_DECLARE_METATYPE(OpportunityFilter)

class TestOpportunityFilter final : public QObject
{
    Q_OBJECT

private:
    static Opportunity deal()
    {
        Opportunity o;
        o.id = QStringLiteral("00000000-0000-4000-8000-0000000000aa");
        o.name = QStringLiteral("Müller GmbH — Renewal");
        o.stage = Stage::Proposal;
        o.accountId = QStringLiteral("acct-1");
        o.ownerId = QStringLiteral("auth0|rep");
        return o;
    }

private slots:
    void acceptsByEveryFilter_data()
    {
        QTest::addColumn<OpportunityFilter>("filter");
        QTest::addColumn<bool>("accepted");
        const auto with = [](auto change) {
            OpportunityFilter filter;
            change(filter);
            return filter;
        };
        QTest::newRow("no filter") << OpportunityFilter{} << true;
        QTest::newRow("archived only") << with([](auto &f) { f.archived = true; }) << false;
        QTest::newRow("its stage") << with([](auto &f) { f.stages = {Stage::Proposal}; }) << true;
        QTest::newRow("other stage")
            << with([](auto &f) { f.stages = {Stage::Negotiation}; }) << false;
        QTest::newRow("one of several stages") << with([](auto &f) {
            f.stages = {Stage::Negotiation, Stage::Proposal};
        }) << true;
        QTest::newRow("its account")
            << with([](auto &f) { f.accountId = QStringLiteral("acct-1"); }) << true;
        QTest::newRow("other account")
            << with([](auto &f) { f.accountId = QStringLiteral("acct-2"); }) << false;
        QTest::newRow("its owner")
            << with([](auto &f) { f.ownerId = QStringLiteral("auth0|rep"); }) << true;
        QTest::newRow("other owner")
            << with([](auto &f) { f.ownerId = QStringLiteral("auth0|else"); }) << false;
        QTest::newRow("search in other case, spaces around")
            << with([](auto &f) { f.setSearch(QStringLiteral("  MÜLLER gmbh ")); }) << true;
        QTest::newRow("search not in the name")
            << with([](auto &f) { f.setSearch(QStringLiteral("acme")); }) << false;
    }

    void acceptsByEveryFilter()
    {
        QFETCH(OpportunityFilter, filter);
        QFETCH(bool, accepted);
        QCOMPARE(filter.accepts(deal()), accepted);
    }

    // The list and board read the packed facts; the CLI and the server's parity read records. A
    // filter must keep the same rows either way.
    void modelFastPathAgreesWithTheRecordRule()
    {
        OpportunityListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.resetRows(SampleRows::make());
        QList<OpportunityFilter> filters;
        for (const bool archived : {false, true}) {
            for (const Stage stage : Stages::all()) {
                OpportunityFilter filter;
                filter.archived = archived;
                filter.stages = {stage};
                filters.append(filter);
            }
            for (int row = 0; row < model.rowCount(); ++row) {
                const Opportunity &o = model.rowAt(row).opportunity;
                OpportunityFilter byAccount, byOwner, bySearch;
                byAccount.archived = byOwner.archived = bySearch.archived = archived;
                byAccount.accountId = o.accountId;
                byOwner.ownerId = o.ownerId;
                bySearch.setSearch(o.name.mid(1, 4).toUpper());
                filters << byAccount << byOwner << bySearch;
            }
        }
        int kept = 0;
        for (const OpportunityFilter &filter : filters) {
            for (int row = 0; row < model.rowCount(); ++row) {
                const bool byRecord = filter.accepts(model.rowAt(row).opportunity);
                QCOMPARE(model.accepts(filter, row), byRecord);
                kept += byRecord;
            }
        }
        QVERIFY(kept > 0); // the filters are not all empty-handed
    }

    void queryNamesWhatTheApiCanFilter()
    {
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral(" Acme & Co+ "));
        filter.stages = {Stage::ClosedWon};
        filter.accountId = QStringLiteral("acct-1");
        filter.ownerId = QStringLiteral("auth0|rep");
        filter.archived = true;
        const QUrlQuery query = filter.toQuery();
        QCOMPARE(query.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded),
                 QStringLiteral("acme & co+"));
        QCOMPARE(query.queryItemValue(QStringLiteral("status")), QStringLiteral("closed_won"));
        QCOMPARE(query.queryItemValue(QStringLiteral("accountId")), QStringLiteral("acct-1"));
        QCOMPARE(query.queryItemValue(QStringLiteral("ownerId"), QUrl::FullyDecoded),
                 QStringLiteral("auth0|rep"));
        QCOMPARE(query.queryItemValue(QStringLiteral("isArchived")), QStringLiteral("true"));

        // The API names one stage: with several, every stage is asked for (and the caller
        // filters what comes back), never just one of them.
        filter.stages = {Stage::ClosedWon, Stage::ClosedLost};
        QVERIFY(!filter.toQuery().hasQueryItem(QStringLiteral("status")));
        QVERIFY(!OpportunityFilter{}.toQuery().hasQueryItem(QStringLiteral("isArchived")));
        QVERIFY(OpportunityFilter{}.toQuery().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOpportunityFilter)
#include "tst_opportunityfilter.moc"
