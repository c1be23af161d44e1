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
        o.accountName = QStringLiteral("Kraków Logistics");
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
        QTest::newRow("search without accents")
            << with([](auto &f) { f.setSearch(QStringLiteral("muller")); }) << true;
        QTest::newRow("search in capitals without accents")
            << with([](auto &f) { f.setSearch(QStringLiteral("MULLER")); }) << true;
        QTest::newRow("search in the account's name")
            << with([](auto &f) { f.setSearch(QStringLiteral("krakow")); }) << true;
        QTest::newRow("search across name and account name")
            << with([](auto &f) { f.setSearch(QStringLiteral("renewal krakow")); }) << false;
        QTest::newRow("search across name and account name, no space")
            << with([](auto &f) { f.setSearch(QStringLiteral("walkra")); }) << false;
    }

    // The folding rule: case and accents aside, and the common letters without a decomposition
    // spelled plainly, so that a plain keyboard finds every European name.
    void foldsCaseAndAccents_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("typed");
        QTest::newRow("acute") << QStringLiteral("Kraków") << QStringLiteral("krakow");
        QTest::newRow("umlaut") << QStringLiteral("Müller") << QStringLiteral("muller");
        QTest::newRow("umlaut, capitals") << QStringLiteral("Müller") << QStringLiteral("MULLER");
        QTest::newRow("capitals with accents")
            << QStringLiteral("MÜLLER") << QStringLiteral("müller");
        QTest::newRow("stroke and acute") << QStringLiteral("Łódź") << QStringLiteral("lodz");
        QTest::newRow("sharp s") << QStringLiteral("Straße") << QStringLiteral("strasse");
        QTest::newRow("capital sharp s") << QStringLiteral("STRAẞE") << QStringLiteral("strasse");
        QTest::newRow("slashed o") << QStringLiteral("Øresund") << QStringLiteral("oresund");
        QTest::newRow("d with stroke") << QStringLiteral("Đorđević") << QStringLiteral("dordevic");
        QTest::newRow("ae and oe ligatures")
            << QStringLiteral("Æble Œuvre") << QStringLiteral("aeble oeuvre");
        QTest::newRow("decomposed accent")
            << QStringLiteral("Cafe\u0301") << QStringLiteral("CAFÉ");
        QTest::newRow("dotted capital i")
            << QStringLiteral("İstanbul") << QStringLiteral("istanbul");
        QTest::newRow("dotless i") << QStringLiteral("Iğdır") << QStringLiteral("igdir");
        QTest::newRow("ligature fi") << QStringLiteral("ﬁnance") << QStringLiteral("FINANCE");
    }

    void foldsCaseAndAccents()
    {
        QFETCH(QString, name);
        QFETCH(QString, typed);
        QCOMPARE(OpportunityFilter::fold(typed), OpportunityFilter::fold(name));
        // Folded text folds to itself: the server stores folded names and folds what it is sent.
        const QString folded = OpportunityFilter::fold(name);
        QCOMPARE(OpportunityFilter::fold(folded), folded);
        Opportunity o = deal();
        o.name = QStringLiteral("Deal ") + name + QStringLiteral(" 2026");
        o.accountName = QStringLiteral("Acme");
        OpportunityFilter filter;
        filter.setSearch(typed);
        QVERIFY(filter.accepts(o));
        // The same through the account's name.
        o.name = QStringLiteral("Renewal");
        o.accountName = name + QStringLiteral(" Sp. z o.o.");
        QVERIFY(filter.accepts(o));
    }

    // The API is asked for the typed text (case-folded): the hosted API's search keeps accents,
    // and "krakow" would miss its "Kraków".
    void queryKeepsTheTypedAccents()
    {
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral(" Kraków "));
        QCOMPARE(filter.search, QStringLiteral("krakow"));
        QCOMPARE(filter.toQuery().queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded),
                 QStringLiteral("kraków"));
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
        QList<OpportunityRow> rows = SampleRows::make();
        // Account names with accents, and one row without an account.
        rows[0].opportunity.accountName = QStringLiteral("Łódź Straße GmbH");
        rows[2].opportunity.accountName = QStringLiteral("Kraków Øresund");
        rows[3].opportunity.accountName.clear();
        rows[3].opportunity.accountId.clear();
        model.resetRows(rows);
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
                OpportunityFilter byAccount, byOwner, bySearch, byAccountName;
                byAccount.archived = byOwner.archived = bySearch.archived = archived;
                byAccountName.archived = archived;
                byAccount.accountId = o.accountId;
                byOwner.ownerId = o.ownerId;
                bySearch.setSearch(o.name.mid(1, 4).toUpper());
                byAccountName.setSearch(o.accountName.mid(1, 5));
                filters << byAccount << byOwner << bySearch << byAccountName;
            }
            // Accent-free searches, in names and account names, and none across the two.
            for (const QString &search :
                 {QStringLiteral("muller"), QStringLiteral("MULLER"), QStringLiteral("oresund"),
                  QStringLiteral("krakow"), QStringLiteral("lodz strasse"),
                  QStringLiteral("licenseaccount"), QStringLiteral("account")}) {
                OpportunityFilter filter;
                filter.archived = archived;
                filter.setSearch(search);
                filters.append(filter);
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
        // What the accent-free searches find, row by row (0-based, archived row 5 aside).
        const auto found = [&](const QString &search) {
            OpportunityFilter filter;
            filter.setSearch(search);
            QList<int> rows;
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.accepts(filter, row))
                    rows.append(row);
            }
            return rows;
        };
        QCOMPARE(found(QStringLiteral("MULLER")), QList<int>({0, 1}));
        QCOMPARE(found(QStringLiteral("krakow")), QList<int>({2}));
        QCOMPARE(found(QStringLiteral("oresund")), QList<int>({2, 6}));
        QCOMPARE(found(QStringLiteral("lodz strasse")), QList<int>({0}));
        QCOMPARE(found(QStringLiteral("licenseaccount")), QList<int>());
        // Reset with other accounts (as many of them): the same search is matched anew.
        QCOMPARE(found(QStringLiteral("krakow")), QList<int>({2}));
        rows[2].opportunity.accountName = QStringLiteral("Gdańsk");
        model.resetRows(rows);
        QCOMPARE(found(QStringLiteral("krakow")), QList<int>());
        QCOMPARE(found(QStringLiteral("GDANSK")), QList<int>({2}));
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

        // Text that looks percent-encoded is still text: a deal named "Promo 10%25" is looked for
        // as it is named, never as "Promo 10%".
        OpportunityFilter percent;
        percent.setSearch(QStringLiteral("Promo 10%25 %41"));
        percent.ownerId = QStringLiteral("auth0|%41");
        QCOMPARE(percent.toQuery().queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded),
                 QStringLiteral("promo 10%25 %41"));
        QCOMPARE(percent.toQuery().queryItemValue(QStringLiteral("ownerId"), QUrl::FullyDecoded),
                 QStringLiteral("auth0|%41"));
    }
};

QTEST_GUILESS_MAIN(TestOpportunityFilter)
#include "tst_opportunityfilter.moc"
