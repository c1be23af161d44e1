// ServerStore over a temporary SQLite file: what an API user sees of kashew-server's storage
// (records as written, list order, paging and filters, counts, histories, demo data).
#include "DemoData.h"
#include "DemoLoader.h"
#include "ServerStore.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList names(const QList<Opportunity> &opportunities)
{
    QStringList result;
    for (const Opportunity &opportunity : opportunities)
        result.append(opportunity.name);
    return result;
}

} // namespace

class TestServerStore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerStore> m_store;
    QString m_acme;
    QString m_globex;

    QString path() const { return m_dir->filePath(QStringLiteral("server.db")); }

    void open()
    {
        m_store = std::make_unique<ServerStore>(QStringLiteral("tst_serverstore"));
        const Status opened = m_store->open(path());
        QVERIFY2(opened, qPrintable(opened.error()));
    }

    QString addAccount(const QString &name, const QString &status = QStringLiteral("Active"))
    {
        Account account;
        account.id = newId();
        account.name = name;
        account.status = status;
        account.createdAt = m_store->nextTimestamp();
        if (const Status inserted = m_store->insertAccount(account); !inserted)
            qFatal("insertAccount: %s", qPrintable(inserted.error()));
        return account.id;
    }

    // As POST does: a fresh id, the store's next timestamp, a creation entry in the history.
    Opportunity create(const QString &name, Stage stage = Stage::Prospecting,
                       const QString &accountId = QString(),
                       const QString &ownerId = QStringLiteral("owner-a"))
    {
        Opportunity o;
        o.id = newId();
        o.name = name;
        o.stage = stage;
        o.accountId = accountId;
        o.ownerId = ownerId;
        o.value = 1000;
        o.createdAt = o.updatedAt = m_store->nextTimestamp();
        Status written = m_store->insertOpportunity(o);
        if (written)
            written = m_store->insertUpdate(
                o.id,
                {newId(), o.createdAt, ownerId, {{QStringLiteral("name"), QJsonValue(), name}}});
        if (!written)
            qFatal("create: %s", qPrintable(written.error()));
        return o;
    }

    ServerStore::Page<Opportunity> list(const OpportunityFilter &filter = {}, int page = 1,
                                        int pageSize = 500)
    {
        const auto result = m_store->listOpportunities(filter, page, pageSize);
        if (!result)
            qFatal("list: %s", qPrintable(result.error()));
        return *result;
    }

    // The record, or nullopt for "no such id"; a failure ends the test.
    std::optional<ServerStore::StoredOpportunity> find(const QString &id)
    {
        const auto result = m_store->findOpportunity(id);
        if (!result)
            qFatal("find: %s", qPrintable(result.error()));
        return *result;
    }

    std::optional<ServerStore::RememberedResponse> remembered(const QString &principal,
                                                              const QString &key)
    {
        const auto result = m_store->rememberedResponse(principal, key);
        if (!result)
            qFatal("remembered: %s", qPrintable(result.error()));
        return *result;
    }

    qint64 count()
    {
        const auto result = m_store->opportunityCount();
        if (!result)
            qFatal("count: %s", qPrintable(result.error()));
        return *result;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        open();
        m_acme = addAccount(QStringLiteral("Acme Corp"));
        m_globex = addAccount(QStringLiteral("Globex"), QStringLiteral("Inactive"));
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void createdRecordReadsBackAsWritten()
    {
        Opportunity o;
        o.id = newId();
        o.name = QStringLiteral("Łódź — Enterprise Deal");
        o.accountId = m_acme;
        o.leadId = newId();
        o.value = 50000.5;
        o.currency = QStringLiteral("EUR");
        o.stage = Stage::Proposal;
        o.probability = 60;
        o.expectedCloseDate = QDate(2026, 7, 15);
        o.description = QStringLiteral("Enterprise license for 50 seats");
        o.ownerId = QStringLiteral("auth0|5f1c9a7e2b");
        o.createdAt = o.updatedAt = m_store->nextTimestamp();
        QVERIFY(m_store->insertOpportunity(o));

        const auto stored = find(o.id);
        QVERIFY(stored);
        Opportunity expected = o;
        expected.accountName = QStringLiteral("Acme Corp"); // joined from the account
        QCOMPARE(stored->opportunity, expected);
        QCOMPARE(stored->version, 1);
        QCOMPARE(count(), 1);
    }

    void absentFieldsStayNull()
    {
        const Opportunity o =
            create(QStringLiteral("Bare"), Stage::Prospecting, QString(), QString());
        const auto stored = find(o.id);
        QVERIFY(stored);
        QVERIFY(stored->opportunity.accountId.isNull());
        QVERIFY(stored->opportunity.accountName.isNull());
        QVERIFY(stored->opportunity.description.isNull());
        QVERIFY(stored->opportunity.ownerId.isNull());
        QVERIFY(!stored->opportunity.expectedCloseDate.isValid());
    }

    void unknownIdIsNotFoundNotAnError()
    {
        const auto opportunity = m_store->findOpportunity(newId());
        QVERIFY(opportunity);
        QVERIFY(!opportunity->has_value());
        const auto account = m_store->findAccount(newId());
        QVERIFY(account);
        QVERIFY(!account->has_value());
    }

    void aFailedReadIsAnErrorNotNotFound()
    {
        const Opportunity o = create(QStringLiteral("Unreadable"), Stage::Proposal, m_acme);
        {
            // The tables gone from under the store: every read fails.
            QSqlQuery query(QSqlDatabase::database(m_store->connectionName()));
            for (const char *table : {"opportunities", "accounts", "idempotent_responses"})
                QVERIFY(query.exec(
                    QStringLiteral("ALTER TABLE %1 RENAME TO %1_gone").arg(QLatin1String(table))));
        }
        const auto opportunity = m_store->findOpportunity(o.id);
        QVERIFY(!opportunity);
        QVERIFY2(opportunity.error().startsWith(QStringLiteral("reading an opportunity: ")),
                 qPrintable(opportunity.error()));
        const auto account = m_store->findAccount(m_acme);
        QVERIFY(!account);
        QVERIFY2(account.error().startsWith(QStringLiteral("reading an account: ")),
                 qPrintable(account.error()));
        const auto response =
            m_store->rememberedResponse(QStringLiteral("user_a"), QStringLiteral("k1"));
        QVERIFY(!response);
        QVERIFY(!response.error().isEmpty());
        QVERIFY(!m_store->listOpportunities({}, 1, 10));
        QVERIFY(!m_store->opportunityCount());
    }

    void updateChangesTheRecordAndItsVersion()
    {
        Opportunity o = create(QStringLiteral("Pilot"), Stage::Qualification, m_acme);
        o.stage = Stage::Negotiation;
        o.probability = 80;
        o.accountId = m_globex;
        o.updatedAt = m_store->nextTimestamp();
        QVERIFY(m_store->updateOpportunity(o, 2));
        const auto stored = find(o.id);
        QVERIFY(stored);
        QCOMPARE(stored->version, 2);
        QCOMPARE(stored->opportunity.stage, Stage::Negotiation);
        QCOMPARE(stored->opportunity.probability, 80);
        QCOMPARE(stored->opportunity.accountName, QStringLiteral("Globex"));
        QVERIFY(stored->opportunity.updatedAt > stored->opportunity.createdAt);
    }

    void historyIsNewestFirstWithCreationLast()
    {
        Opportunity o = create(QStringLiteral("Renewal"), Stage::Proposal);
        const OpportunityUpdate change{
            newId(),
            m_store->nextTimestamp(),
            QStringLiteral("owner-b"),
            {{QStringLiteral("stage"), QStringLiteral("proposal"), QStringLiteral("negotiation")},
             {QStringLiteral("probability"), 60, 80}}};
        o.stage = Stage::Negotiation;
        o.updatedAt = change.createdAt;
        QVERIFY(m_store->updateOpportunity(o, 2));
        QVERIFY(m_store->insertUpdate(o.id, change));

        const auto updates = m_store->updates(o.id);
        QVERIFY(updates);
        QCOMPARE(updates->size(), 2);
        const OpportunityUpdate &latest = updates->constFirst();
        QCOMPARE(latest.id, change.id);
        QCOMPARE(latest.createdAt, change.createdAt);
        QCOMPARE(latest.ownerId, QStringLiteral("owner-b"));
        QCOMPARE(latest.changes.size(), 2);
        for (const FieldChange &fieldChange : latest.changes) {
            if (fieldChange.field == QLatin1String("stage")) {
                QCOMPARE(fieldChange.from, QJsonValue(QStringLiteral("proposal")));
                QCOMPARE(fieldChange.to, QJsonValue(QStringLiteral("negotiation")));
            } else {
                QCOMPARE(fieldChange.field, QStringLiteral("probability"));
                QCOMPARE(fieldChange.from, QJsonValue(60));
                QCOMPARE(fieldChange.to, QJsonValue(80));
            }
        }
        QCOMPARE(updates->constLast().changes.size(), 1);
        QCOMPARE(updates->constLast().changes.constFirst().to,
                 QJsonValue(QStringLiteral("Renewal")));
    }

    void deleteRemovesTheRecordAndItsHistory()
    {
        const Opportunity kept = create(QStringLiteral("Kept"));
        const Opportunity gone = create(QStringLiteral("Gone"));
        QVERIFY(m_store->deleteOpportunity(gone.id));
        QVERIFY(!find(gone.id));
        QCOMPARE(m_store->updates(gone.id).value().size(), 0);
        QCOMPARE(m_store->updates(kept.id).value().size(), 1);
        QCOMPARE(count(), 1);
        QCOMPARE(names(list().items), QStringList{QStringLiteral("Kept")});
        QCOMPARE(list().totalCount, 1);
    }

    void listIsNewestFirstAndPagesAreStable()
    {
        QStringList created;
        for (int i = 0; i < 25; ++i)
            created.prepend(create(QStringLiteral("Deal %1").arg(i, 2, 10, QLatin1Char('0'))).name);
        QStringList paged;
        for (int page = 1; page <= 3; ++page) {
            const auto result = list({}, page, 10);
            QCOMPARE(result.totalCount, 25);
            QCOMPARE(result.items.size(), page < 3 ? 10 : 5);
            paged += names(result.items);
        }
        QCOMPARE(paged, created);
        QCOMPARE(names(list({}, 1, 10).items), created.mid(0, 10));
        const auto beyond = list({}, 4, 10);
        QVERIFY(beyond.items.isEmpty());
        QCOMPARE(beyond.totalCount, 25);
    }

    void orderFollowsCreationAcrossARestart()
    {
        // A record stamped later than the clock (another server, a clock set back) must not
        // leave newer records listed after it.
        Opportunity future;
        future.id = newId();
        future.name = QStringLiteral("From the future");
        future.createdAt = future.updatedAt = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(m_store->insertOpportunity(future));
        m_store.reset();
        open();
        const QDateTime next = m_store->nextTimestamp();
        QVERIFY(next > future.createdAt);
        QVERIFY(m_store->nextTimestamp() > next);
        create(QStringLiteral("Made after the restart"));
        const QList<Opportunity> items = list().items;
        QCOMPARE(names(items), (QStringList{QStringLiteral("Made after the restart"),
                                            QStringLiteral("From the future")}));
        QVERIFY(items.at(0).createdAt > items.at(1).createdAt);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("stage"); // -1: any
        QTest::addColumn<bool>("byAcme");
        QTest::addColumn<QString>("ownerId");
        QTest::addColumn<bool>("archived");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        QTest::newRow("no filter")
            << QString() << -1 << false << QString() << false
            << QStringList{QStringLiteral("Zürich renewal"), QStringLiteral("Acme pilot"),
                           QStringLiteral("ACME expansion")};
        QTest::newRow("stage") << QString() << int(Stage::Negotiation) << false << QString()
                               << false
                               << QStringList{QStringLiteral("Zürich renewal"),
                                              QStringLiteral("Acme pilot")};
        QTest::newRow("account") << QString() << -1 << true << QString() << false
                                 << QStringList{QStringLiteral("Acme pilot"),
                                                QStringLiteral("ACME expansion")};
        QTest::newRow("owner") << QString() << -1 << false << QStringLiteral("owner-b") << false
                               << QStringList{QStringLiteral("Zürich renewal")};
        QTest::newRow("archived") << QString() << -1 << false << QString() << true
                                  << QStringList{QStringLiteral("Old acme deal")};
        QTest::newRow("search any case")
            << QStringLiteral("acme") << -1 << false << QString() << false
            << QStringList{QStringLiteral("Acme pilot"), QStringLiteral("ACME expansion")};
        QTest::newRow("search short") << QStringLiteral("zü") << -1 << false << QString() << false
                                      << QStringList{QStringLiteral("Zürich renewal")};
        QTest::newRow("search unicode")
            << QStringLiteral("ZÜRICH").toCaseFolded() << -1 << false << QString() << false
            << QStringList{QStringLiteral("Zürich renewal")};
        QTest::newRow("search inside a word")
            << QStringLiteral("pansi") << -1 << false << QString() << false
            << QStringList{QStringLiteral("ACME expansion")};
        QTest::newRow("search no match")
            << QStringLiteral("initech") << -1 << false << QString() << false << none;
        QTest::newRow("combined") << QStringLiteral("acme") << int(Stage::Prospecting) << true
                                  << QStringLiteral("owner-a") << false
                                  << QStringList{QStringLiteral("ACME expansion")};
    }
    void filters()
    {
        QFETCH(QString, search);
        QFETCH(int, stage);
        QFETCH(bool, byAcme);
        QFETCH(QString, ownerId);
        QFETCH(bool, archived);
        QFETCH(QStringList, expected);
        create(QStringLiteral("ACME expansion"), Stage::Prospecting, m_acme);
        create(QStringLiteral("Acme pilot"), Stage::Negotiation, m_acme);
        create(QStringLiteral("Zürich renewal"), Stage::Negotiation, m_globex,
               QStringLiteral("owner-b"));
        Opportunity old = create(QStringLiteral("Old acme deal"), Stage::ClosedLost, m_acme);
        old.isArchived = true;
        QVERIFY(m_store->updateOpportunity(old, 2));

        OpportunityFilter filter;
        filter.search = search;
        if (stage >= 0)
            filter.stages = {static_cast<Stage>(stage)};
        filter.accountId = byAcme ? m_acme : QString();
        filter.ownerId = ownerId;
        filter.archived = archived;
        const auto result = list(filter);
        QCOMPARE(names(result.items), expected);
        QCOMPARE(result.totalCount, qint64(expected.size()));
    }

    void totalsFollowWrites()
    {
        OpportunityFilter negotiation;
        negotiation.stages = {Stage::Negotiation};
        Opportunity first = create(QStringLiteral("One"), Stage::Negotiation);
        create(QStringLiteral("Two"), Stage::Negotiation);
        QCOMPARE(list(negotiation, 1, 1).totalCount, 2);
        // The count asked again after each write is the new one, not a remembered one.
        create(QStringLiteral("Three"), Stage::Negotiation);
        QCOMPARE(list(negotiation, 1, 1).totalCount, 3);
        first.stage = Stage::ClosedWon;
        QVERIFY(m_store->updateOpportunity(first, 2));
        QCOMPARE(list(negotiation, 1, 1).totalCount, 2);
        QVERIFY(m_store->deleteOpportunity(first.id));
        QCOMPARE(list({}, 1, 1).totalCount, 2);
    }

    void accountsListAndFilter()
    {
        addAccount(QStringLiteral("Acme Labs"), QStringLiteral("Inactive"));
        const auto all = m_store->listAccounts({}, 1, 100);
        QVERIFY(all);
        QCOMPARE(all->totalCount, 3);
        QCOMPARE(all->items.size(), 3);
        // Newest first.
        QCOMPARE(all->items.constFirst().name, QStringLiteral("Acme Labs"));
        AccountFilter filter;
        filter.search = QStringLiteral("acme");
        filter.status = QStringLiteral("Active");
        const auto active = m_store->listAccounts(filter, 1, 100);
        QVERIFY(active);
        QCOMPARE(active->totalCount, 1);
        QCOMPARE(active->items.size(), 1);
        QCOMPARE(active->items.constFirst().id, m_acme);
        const auto second = m_store->listAccounts({}, 2, 2);
        QVERIFY(second);
        QCOMPARE(second->items.size(), 1);
        QCOMPARE(second->items.constFirst().name, QStringLiteral("Acme Corp"));
        QCOMPARE(m_store->findAccount(m_globex)->value().status, QStringLiteral("Inactive"));
    }

    void idempotentResponsesArePerCaller()
    {
        const ServerStore::RememberedResponse first{201, QByteArrayLiteral("{\"id\":\"x\"}")};
        QVERIFY(m_store->rememberResponse(QStringLiteral("user_a"), QStringLiteral("k1"), first));
        const auto again = remembered(QStringLiteral("user_a"), QStringLiteral("k1"));
        QVERIFY(again);
        QCOMPARE(again->status, 201);
        QCOMPARE(again->body, first.body);
        QVERIFY(!remembered(QStringLiteral("user_b"), QStringLiteral("k1")));
        QVERIFY(!remembered(QStringLiteral("user_a"), QStringLiteral("k2")));
    }

    void recordsSurviveARestart()
    {
        const Opportunity o = create(QStringLiteral("Durable"), Stage::Proposal, m_acme);
        m_store.reset();
        open();
        QCOMPARE(count(), 1);
        QCOMPARE(find(o.id).value().opportunity.name, QStringLiteral("Durable"));
        QCOMPARE(m_store->updates(o.id).value().size(), 1);
    }

    void demoDataFillsAnEmptyDatabaseTheSameWayEachTime()
    {
        const QStringList owners{QStringLiteral("user_demo"), QStringLiteral("auth0|63d2e8b410")};
        const QDate today(2026, 5, 20);
        QList<QStringList> firstPages;
        for (int run = 0; run < 2; ++run) {
            cleanup();
            m_dir = std::make_unique<QTemporaryDir>();
            open();
            const DemoData demo = DemoData::generate(300, owners, today);
            QVERIFY(DemoLoader(*m_store).load(demo));
            QCOMPARE(count(), 300);
            const auto accounts = m_store->listAccounts({}, 1, 500);
            QVERIFY(accounts);
            QCOMPARE(accounts->totalCount, qint64(demo.accounts.size()));
            // Live and archived together are every record, each with its creation entry.
            OpportunityFilter archived;
            archived.archived = true;
            QCOMPARE(list().totalCount + list(archived).totalCount, 300);
            const QList<Opportunity> firstItem = list({}, 1, 1).items;
            QCOMPARE(firstItem.size(), 1);
            const Opportunity newest = firstItem.constFirst();
            QCOMPARE(m_store->updates(newest.id).value().size(), 1);
            // Searching, too, works on the loaded records (the name index is rebuilt).
            OpportunityFilter search;
            search.search = newest.name.toCaseFolded();
            QVERIFY(names(list(search).items).contains(newest.name));
            // And on their account names (the searchable texts are filled in after the load).
            if (!newest.accountName.isEmpty()) {
                OpportunityFilter byAccount;
                byAccount.setSearch(newest.accountName);
                QVERIFY(names(list(byAccount).items).contains(newest.name));
            }
            // New records after the demo are listed first.
            QVERIFY(m_store->nextTimestamp() > newest.createdAt);
            QStringList page = names(list({}, 1, 50).items);
            for (const Opportunity &o : list({}, 1, 50).items)
                page.append(o.id);
            firstPages.append(page);
        }
        QCOMPARE(firstPages.at(1), firstPages.at(0));
    }
};

QTEST_GUILESS_MAIN(TestServerStore)
#include "tst_serverstore.moc"
