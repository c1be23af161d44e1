// ServerStore over a fresh database, a temporary SQLite file or (tst_serverstore_pg) a PostgreSQL
// database: what an API user sees of kashew-server's storage (records as written, counts,
// histories, failures as errors, remembered responses, demo data), the same on either backend.
// The listings are tst_serverlisting's.
#include "DemoData.h"
#include "DemoLoader.h"
#include "ServerStore.h"
#include "StoreDatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <memory>

class TestServerStore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreDatabase> m_database;
    QString m_acme;
    QString m_globex;

    ServerStore &store() const { return m_database->store(); }

    // The record, or nullopt for "no such id"; a failure ends the test.
    std::optional<ServerStore::StoredOpportunity> find(const QString &id)
    {
        const auto result = store().findOpportunity(id);
        if (!result)
            qFatal("find: %s", qPrintable(result.error()));
        return *result;
    }

    std::optional<ServerStore::RememberedResponse> remembered(const QString &principal,
                                                              const QString &key)
    {
        const auto result = store().rememberedResponse(principal, key);
        if (!result)
            qFatal("remembered: %s", qPrintable(result.error()));
        return *result;
    }

    qint64 count()
    {
        const auto result = store().opportunityCount();
        if (!result)
            qFatal("count: %s", qPrintable(result.error()));
        return *result;
    }

    void newDatabase()
    {
        auto created = StoreDatabase::createWithStore(QStringLiteral("tst_serverstore"));
        QVERIFY2(created, qPrintable(created.error()));
        m_database = std::move(created).value();
    }

private slots:
    void init()
    {
        newDatabase();
        m_acme = m_database->addAccount(QStringLiteral("Acme Corp"));
        m_globex = m_database->addAccount(QStringLiteral("Globex"), QStringLiteral("Inactive"));
    }
    void cleanup() { m_database.reset(); }

    void createdRecordReadsBackAsWritten()
    {
        Opportunity o;
        o.id = StoreDatabase::newId();
        o.name = QStringLiteral("Łódź — Enterprise Deal");
        o.accountId = m_acme;
        o.leadId = StoreDatabase::newId();
        o.value = 50000.5;
        o.currency = QStringLiteral("EUR");
        o.stage = Stage::Proposal;
        o.probability = 60;
        o.expectedCloseDate = QDate(2026, 7, 15);
        o.description = QStringLiteral("Enterprise license for 50 seats");
        o.ownerId = QStringLiteral("auth0|5f1c9a7e2b");
        o.createdAt = o.updatedAt = store().nextTimestamp();
        QVERIFY(store().insertOpportunity(o));

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
        const Opportunity o = m_database->addOpportunity(QStringLiteral("Bare"), Stage::Prospecting,
                                                         QString(), QString());
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
        const auto opportunity = store().findOpportunity(StoreDatabase::newId());
        QVERIFY(opportunity);
        QVERIFY(!opportunity->has_value());
        const auto account = store().findAccount(StoreDatabase::newId());
        QVERIFY(account);
        QVERIFY(!account->has_value());
    }

    void aFailedReadIsAnErrorNotNotFound()
    {
        const Opportunity o =
            m_database->addOpportunity(QStringLiteral("Unreadable"), Stage::Proposal, m_acme);
        {
            // The tables gone from under the store: every read fails.
            QSqlQuery query(QSqlDatabase::database(store().connectionName()));
            for (const char *table : {"opportunities", "accounts", "idempotent_responses"})
                QVERIFY(query.exec(
                    QStringLiteral("ALTER TABLE %1 RENAME TO %1_gone").arg(QLatin1String(table))));
        }
        const auto opportunity = store().findOpportunity(o.id);
        QVERIFY(!opportunity);
        QVERIFY2(opportunity.error().startsWith(QStringLiteral("reading an opportunity: ")),
                 qPrintable(opportunity.error()));
        const auto account = store().findAccount(m_acme);
        QVERIFY(!account);
        QVERIFY2(account.error().startsWith(QStringLiteral("reading an account: ")),
                 qPrintable(account.error()));
        const auto response =
            store().rememberedResponse(QStringLiteral("user_a"), QStringLiteral("k1"));
        QVERIFY(!response);
        QVERIFY(!response.error().isEmpty());
        QVERIFY(!store().listOpportunities({}, 1, 10));
        QVERIFY(!store().opportunityCount());
    }

    void updateChangesTheRecordAndItsVersion()
    {
        Opportunity o =
            m_database->addOpportunity(QStringLiteral("Pilot"), Stage::Qualification, m_acme);
        o.stage = Stage::Negotiation;
        o.probability = 80;
        o.accountId = m_globex;
        o.updatedAt = store().nextTimestamp();
        QVERIFY(store().updateOpportunity(o, 2));
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
        Opportunity o = m_database->addOpportunity(QStringLiteral("Renewal"), Stage::Proposal);
        const OpportunityUpdate change{
            StoreDatabase::newId(),
            store().nextTimestamp(),
            QStringLiteral("owner-b"),
            {{QStringLiteral("stage"), QStringLiteral("proposal"), QStringLiteral("negotiation")},
             {QStringLiteral("probability"), 60, 80}}};
        o.stage = Stage::Negotiation;
        o.updatedAt = change.createdAt;
        QVERIFY(store().updateOpportunity(o, 2));
        QVERIFY(store().insertUpdate(o.id, change));

        const auto updates = store().updates(o.id);
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
        const Opportunity kept = m_database->addOpportunity(QStringLiteral("Kept"));
        const Opportunity gone = m_database->addOpportunity(QStringLiteral("Gone"));
        QVERIFY(store().deleteOpportunity(gone.id));
        QVERIFY(!find(gone.id));
        QCOMPARE(store().updates(gone.id).value().size(), 0);
        QCOMPARE(store().updates(kept.id).value().size(), 1);
        QCOMPARE(count(), 1);
        QCOMPARE(StoreDatabase::names(m_database->list().items),
                 QStringList{QStringLiteral("Kept")});
        QCOMPARE(m_database->list().totalCount, 1);
    }

    void idempotentResponsesArePerCaller()
    {
        const ServerStore::RememberedResponse first{201, QByteArrayLiteral("{\"id\":\"x\"}")};
        QVERIFY(store().rememberResponse(QStringLiteral("user_a"), QStringLiteral("k1"), first));
        const auto again = remembered(QStringLiteral("user_a"), QStringLiteral("k1"));
        QVERIFY(again);
        QCOMPARE(again->status, 201);
        QCOMPARE(again->body, first.body);
        QVERIFY(!remembered(QStringLiteral("user_b"), QStringLiteral("k1")));
        QVERIFY(!remembered(QStringLiteral("user_a"), QStringLiteral("k2")));
    }

    void recordsSurviveARestart()
    {
        const Opportunity o =
            m_database->addOpportunity(QStringLiteral("Durable"), Stage::Proposal, m_acme);
        const Status restarted = m_database->restart();
        QVERIFY2(restarted, qPrintable(restarted.error()));
        QCOMPARE(count(), 1);
        QCOMPARE(find(o.id).value().opportunity.name, QStringLiteral("Durable"));
        QCOMPARE(store().updates(o.id).value().size(), 1);
    }

    void demoDataFillsAnEmptyDatabaseTheSameWayEachTime()
    {
        const QStringList owners{QStringLiteral("user_demo"), QStringLiteral("auth0|63d2e8b410")};
        const QDate today(2026, 5, 20);
        QList<QStringList> firstPages;
        for (int run = 0; run < 2; ++run) {
            cleanup();
            newDatabase();
            if (QTest::currentTestFailed())
                return;
            const DemoData demo = DemoData::generate(300, owners, today);
            QVERIFY(DemoLoader(store()).load(demo));
            QCOMPARE(count(), 300);
            const auto accounts = store().listAccounts({}, 1, 500);
            QVERIFY(accounts);
            QCOMPARE(accounts->totalCount, qint64(demo.accounts.size()));
            // Live and archived together are every record, each with its creation entry.
            OpportunityFilter archived;
            archived.archived = true;
            QCOMPARE(m_database->list().totalCount + m_database->list(archived).totalCount, 300);
            const QList<Opportunity> firstItem = m_database->list({}, 1, 1).items;
            QCOMPARE(firstItem.size(), 1);
            const Opportunity newest = firstItem.constFirst();
            QCOMPARE(store().updates(newest.id).value().size(), 1);
            // Searching, too, works on the loaded records (the name index is rebuilt).
            OpportunityFilter search;
            search.search = newest.name.toCaseFolded();
            QVERIFY(StoreDatabase::names(m_database->list(search).items).contains(newest.name));
            // And on their account names (the searchable texts are filled in after the load).
            if (!newest.accountName.isEmpty()) {
                OpportunityFilter byAccount;
                byAccount.setSearch(newest.accountName);
                QVERIFY(
                    StoreDatabase::names(m_database->list(byAccount).items).contains(newest.name));
            }
            // New records after the demo are listed first.
            QVERIFY(store().nextTimestamp() > newest.createdAt);
            QStringList page = StoreDatabase::names(m_database->list({}, 1, 50).items);
            for (const Opportunity &o : m_database->list({}, 1, 50).items)
                page.append(o.id);
            firstPages.append(page);
        }
        QCOMPARE(firstPages.at(1), firstPages.at(0));
    }
};

QTEST_GUILESS_MAIN(TestServerStore)
#include "tst_serverstore.moc"
