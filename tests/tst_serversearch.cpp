// kashew-server's search over a fresh database, a temporary SQLite file or (tst_serversearch_pg) a
// PostgreSQL database: case and accents aside, the account's name too (kept current when a deal
// moves or an account is renamed), and a database an older server left found by accent-free
// searches after its migration.
#include "PostgresSchema.h"
#include "ServerSchema.h"
#include "ServerStore.h"
#include "StoreDatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <memory>

class TestServerSearch final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreDatabase> m_database;
    QString m_acme;
    QString m_globex;

    ServerStore &store() const { return m_database->store(); }

    // The database as an older kashew-server left it, names folded by case alone (fold rule 1):
    // on SQLite, schema 1; on PostgreSQL, the schema with fold rule 1 recorded.
    void makeOlderDatabase()
    {
        const QString connection = QStringLiteral("tst_serversearch_old");
        {
            const DatabaseLocation location = m_database->location();
            QSqlDatabase db;
            if (m_database->isPostgres()) {
                db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
                db.setHostName(location.host);
                db.setPort(location.port);
                db.setUserName(location.user);
                db.setPassword(location.password);
                db.setDatabaseName(location.database);
                QVERIFY2(db.open(), qPrintable(db.lastError().text()));
                QVERIFY(PostgresSchema::migrate(connection));
            } else {
                db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(location.path);
                QVERIFY(db.open());
                QVERIFY(ServerSchema::migrate(connection, 1));
            }
            QSqlQuery query(db);
            if (m_database->isPostgres())
                QVERIFY(query.exec(QStringLiteral("UPDATE search_fold SET rule = 1")));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO accounts (id, name, name_folded, status, created_at) VALUES"
                " ('acct-old', 'Kraków Straße', 'kraków strasse', 'Active',"
                " '2025-01-01T00:00:00.000Z')")));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO opportunities (id, name, name_folded, account_id, value, currency,"
                " stage, probability, created_at, updated_at) VALUES"
                " ('opp-1', 'Łódź Müller', 'łódź müller', 'acct-old', 10, 'EUR', 'proposal', 50,"
                " '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'),"
                " ('opp-2', 'Other', 'other', NULL, 10, 'EUR', 'proposal', 50,"
                " '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

private slots:
    void init()
    {
        auto created = StoreDatabase::createWithStore(QStringLiteral("tst_serversearch"));
        QVERIFY2(created, qPrintable(created.error()));
        m_database = std::move(created).value();
        m_acme = m_database->addAccount(QStringLiteral("Acme Corp"));
        m_globex = m_database->addAccount(QStringLiteral("Globex"));
    }
    void cleanup() { m_database.reset(); }

    // Searches ignore case and accents and look in the account's name too, never across the two.
    void searchFindsAccentFreeTextAndAccountNames_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("accent-free name")
            << QStringLiteral("lodz") << QStringList{QStringLiteral("Łódź expansion")};
        QTest::newRow("capitals, no accents")
            << QStringLiteral("ZURICH") << QStringList{QStringLiteral("Zürich renewal")};
        QTest::newRow("accented, as before")
            << QStringLiteral("Zürich") << QStringList{QStringLiteral("Zürich renewal")};
        QTest::newRow("account name")
            << QStringLiteral("krakow")
            << QStringList{QStringLiteral("Pilot"), QStringLiteral("Łódź expansion")};
        QTest::newRow("account name, short (a scan)")
            << QStringLiteral("kr")
            << QStringList{QStringLiteral("Pilot"), QStringLiteral("Łódź expansion")};
        QTest::newRow("account name with sharp s")
            << QStringLiteral("STRASSE")
            << QStringList{QStringLiteral("Pilot"), QStringLiteral("Łódź expansion")};
        QTest::newRow("across name and account name")
            << QStringLiteral("pilotkrak") << QStringList();
        QTest::newRow("across name and account name, short")
            << QStringLiteral("tk") << QStringList();
    }
    void searchFindsAccentFreeTextAndAccountNames()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, expected);
        const QString krakow = m_database->addAccount(QStringLiteral("Kraków Straße"));
        m_database->addOpportunity(QStringLiteral("Łódź expansion"), Stage::Prospecting, krakow);
        m_database->addOpportunity(QStringLiteral("Pilot"), Stage::Prospecting, krakow);
        m_database->addOpportunity(QStringLiteral("Zürich renewal"), Stage::Prospecting, m_globex);
        OpportunityFilter filter;
        filter.setSearch(typed);
        const auto result = m_database->list(filter);
        QCOMPARE(StoreDatabase::names(result.items), expected);
        QCOMPARE(result.totalCount, qint64(expected.size()));
    }

    // %, _ and \ in a search are the characters typed, never patterns (PostgreSQL's LIKE).
    void searchTakesWildcardsLiterally_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("percent") << QStringLiteral("100%")
                                 << QStringList{QStringLiteral("Discount 100% off")};
        QTest::newRow("underscore")
            << QStringLiteral("a_b") << QStringList{QStringLiteral("Code a_b")};
        QTest::newRow("backslash")
            << QStringLiteral("c\\d") << QStringList{QStringLiteral("Path c\\d")};
        QTest::newRow("only wildcards") << QStringLiteral("%%%") << QStringList();
    }
    void searchTakesWildcardsLiterally()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, expected);
        for (const QString &name :
             {QStringLiteral("Discount 100% off"), QStringLiteral("Discount 1000 off"),
              QStringLiteral("Code a_b"), QStringLiteral("Code axb"), QStringLiteral("Path c\\d"),
              QStringLiteral("Path cd")})
            m_database->addOpportunity(name);
        OpportunityFilter filter;
        filter.setSearch(typed);
        const auto result = m_database->list(filter);
        QCOMPARE(StoreDatabase::names(result.items), expected);
        QCOMPARE(result.totalCount, qint64(expected.size()));
    }

    void renamingAnAccountOrMovingADealChangesWhatFindsIt()
    {
        const Opportunity pilot =
            m_database->addOpportunity(QStringLiteral("Pilot"), Stage::Prospecting, m_acme);
        m_database->addOpportunity(QStringLiteral("Rollout"), Stage::Prospecting, m_globex);
        OpportunityFilter acme, cafe, globex;
        acme.setSearch(QStringLiteral("acme"));
        cafe.setSearch(QStringLiteral("lazienki cafe"));
        globex.setSearch(QStringLiteral("globex"));
        QCOMPARE(StoreDatabase::names(m_database->list(acme).items),
                 QStringList{QStringLiteral("Pilot")});
        QCOMPARE(m_database->list(cafe).totalCount, 0);

        const auto renamed = store().renameAccount(m_acme, QStringLiteral("Łazienki Café"));
        QVERIFY2(renamed, qPrintable(renamed.error()));
        QCOMPARE(renamed->value().name, QStringLiteral("Łazienki Café"));
        QCOMPARE(m_database->list(acme).totalCount, 0); // the remembered count is gone too
        QCOMPARE(StoreDatabase::names(m_database->list(cafe).items),
                 QStringList{QStringLiteral("Pilot")});
        QCOMPARE(m_database->list(cafe).items.constFirst().accountName,
                 QStringLiteral("Łazienki Café"));

        Opportunity moved = pilot;
        moved.accountId = m_globex;
        QVERIFY(store().updateOpportunity(moved, 2));
        QCOMPARE(m_database->list(cafe).totalCount, 0);
        QCOMPARE(StoreDatabase::names(m_database->list(globex).items),
                 (QStringList{QStringLiteral("Rollout"), QStringLiteral("Pilot")}));
        QCOMPARE(
            store().renameAccount(StoreDatabase::newId(), QStringLiteral("Nobody"))->has_value(),
            false);
    }

    // A database an older kashew-server left (names folded by case alone) migrates: its rows are
    // found by accent-free searches, by name and by account name.
    void anOlderDatabaseFindsItsRowsWithoutAccents()
    {
        cleanup();
        auto created = StoreDatabase::create();
        QVERIFY2(created, qPrintable(created.error()));
        m_database = std::move(created).value();
        makeOlderDatabase();
        if (QTest::currentTestFailed())
            return;
        const Status opened = m_database->openStore(QStringLiteral("tst_serversearch"));
        QVERIFY2(opened, qPrintable(opened.error()));
        {
            QSqlQuery version(QSqlDatabase::database(store().connectionName()));
            if (m_database->isPostgres()) {
                QVERIFY(version.exec(QStringLiteral("SELECT version FROM schema_version")));
                QVERIFY(version.next());
                QCOMPARE(version.value(0).toInt(), PostgresSchema::version());
            } else {
                QVERIFY(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
                QCOMPARE(version.value(0).toInt(), ServerStore::schemaVersion());
            }
        }
        for (const QString &typed :
             {QStringLiteral("lodz muller"), QStringLiteral("MULLER"), QStringLiteral("krakow"),
              QStringLiteral("strasse"), QStringLiteral("łódź"), QStringLiteral("mü")}) {
            OpportunityFilter filter;
            filter.setSearch(typed);
            QCOMPARE(StoreDatabase::names(m_database->list(filter).items),
                     QStringList{QStringLiteral("Łódź Müller")});
        }
        AccountFilter accounts;
        accounts.search = OpportunityFilter::fold(QStringLiteral("krakow"));
        QCOMPARE(store().listAccounts(accounts, 1, 10)->totalCount, 1);
        // Writes after the migration keep the index right.
        const Opportunity later = m_database->addOpportunity(QStringLiteral("Łódź later"));
        OpportunityFilter lodz;
        lodz.setSearch(QStringLiteral("lodz"));
        QCOMPARE(StoreDatabase::names(m_database->list(lodz).items),
                 (QStringList{QStringLiteral("Łódź later"), QStringLiteral("Łódź Müller")}));
        QVERIFY(store().deleteOpportunity(later.id));
        QCOMPARE(StoreDatabase::names(m_database->list(lodz).items),
                 QStringList{QStringLiteral("Łódź Müller")});
    }
};

QTEST_GUILESS_MAIN(TestServerSearch)
#include "tst_serversearch.moc"
