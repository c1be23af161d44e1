// kashew-server's search over a temporary SQLite file: case and accents aside, the account's name
// too (kept current when a deal moves or an account is renamed), and a database an older server
// left found by accent-free searches after its migration.
#include "ServerSchema.h"
#include "ServerStore.h"

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

class TestServerSearch final : public QObject
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
        m_store = std::make_unique<ServerStore>(QStringLiteral("tst_serversearch"));
        const Status opened = m_store->open(path());
        QVERIFY2(opened, qPrintable(opened.error()));
    }

    QString addAccount(const QString &name)
    {
        Account account;
        account.id = newId();
        account.name = name;
        account.status = QStringLiteral("Active");
        account.createdAt = m_store->nextTimestamp();
        if (const Status inserted = m_store->insertAccount(account); !inserted)
            qFatal("insertAccount: %s", qPrintable(inserted.error()));
        return account.id;
    }

    Opportunity create(const QString &name, Stage stage = Stage::Prospecting,
                       const QString &accountId = QString())
    {
        Opportunity o;
        o.id = newId();
        o.name = name;
        o.stage = stage;
        o.accountId = accountId;
        o.value = 1000;
        o.createdAt = o.updatedAt = m_store->nextTimestamp();
        if (const Status written = m_store->insertOpportunity(o); !written)
            qFatal("create: %s", qPrintable(written.error()));
        return o;
    }

    ServerStore::Page<Opportunity> list(const OpportunityFilter &filter)
    {
        const auto result = m_store->listOpportunities(filter, 1, 500);
        if (!result)
            qFatal("list: %s", qPrintable(result.error()));
        return *result;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        open();
        m_acme = addAccount(QStringLiteral("Acme Corp"));
        m_globex = addAccount(QStringLiteral("Globex"));
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

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
        const QString krakow = addAccount(QStringLiteral("Kraków Straße"));
        create(QStringLiteral("Łódź expansion"), Stage::Prospecting, krakow);
        create(QStringLiteral("Pilot"), Stage::Prospecting, krakow);
        create(QStringLiteral("Zürich renewal"), Stage::Prospecting, m_globex);
        OpportunityFilter filter;
        filter.setSearch(typed);
        const auto result = list(filter);
        QCOMPARE(names(result.items), expected);
        QCOMPARE(result.totalCount, qint64(expected.size()));
    }

    void renamingAnAccountOrMovingADealChangesWhatFindsIt()
    {
        const Opportunity pilot = create(QStringLiteral("Pilot"), Stage::Prospecting, m_acme);
        create(QStringLiteral("Rollout"), Stage::Prospecting, m_globex);
        OpportunityFilter acme, cafe, globex;
        acme.setSearch(QStringLiteral("acme"));
        cafe.setSearch(QStringLiteral("lazienki cafe"));
        globex.setSearch(QStringLiteral("globex"));
        QCOMPARE(names(list(acme).items), QStringList{QStringLiteral("Pilot")});
        QCOMPARE(list(cafe).totalCount, 0);

        const auto renamed = m_store->renameAccount(m_acme, QStringLiteral("Łazienki Café"));
        QVERIFY2(renamed, qPrintable(renamed.error()));
        QCOMPARE(renamed->value().name, QStringLiteral("Łazienki Café"));
        QCOMPARE(list(acme).totalCount, 0); // the remembered count is gone too
        QCOMPARE(names(list(cafe).items), QStringList{QStringLiteral("Pilot")});
        QCOMPARE(list(cafe).items.constFirst().accountName, QStringLiteral("Łazienki Café"));

        Opportunity moved = pilot;
        moved.accountId = m_globex;
        QVERIFY(m_store->updateOpportunity(moved, 2));
        QCOMPARE(list(cafe).totalCount, 0);
        QCOMPARE(names(list(globex).items),
                 (QStringList{QStringLiteral("Rollout"), QStringLiteral("Pilot")}));
        QCOMPARE(m_store->renameAccount(newId(), QStringLiteral("Nobody"))->has_value(), false);
    }

    // A database an older kashew-server left (schema 1, names folded by case alone) migrates:
    // its rows are found by accent-free searches, by name and by account name.
    void anOlderDatabaseFindsItsRowsWithoutAccents()
    {
        cleanup();
        m_dir = std::make_unique<QTemporaryDir>();
        {
            const QString connection = QStringLiteral("tst_serverstore_old");
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QVERIFY(ServerSchema::migrate(connection, 1));
            QSqlQuery query(db);
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
        QSqlDatabase::removeDatabase(QStringLiteral("tst_serverstore_old"));
        open();
        {
            QSqlQuery version(QSqlDatabase::database(m_store->connectionName()));
            QVERIFY(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
            QCOMPARE(version.value(0).toInt(), ServerStore::schemaVersion());
        }
        for (const QString &typed :
             {QStringLiteral("lodz muller"), QStringLiteral("MULLER"), QStringLiteral("krakow"),
              QStringLiteral("strasse"), QStringLiteral("łódź"), QStringLiteral("mü")}) {
            OpportunityFilter filter;
            filter.setSearch(typed);
            QCOMPARE(names(list(filter).items), QStringList{QStringLiteral("Łódź Müller")});
        }
        AccountFilter accounts;
        accounts.search = OpportunityFilter::fold(QStringLiteral("krakow"));
        QCOMPARE(m_store->listAccounts(accounts, 1, 10)->totalCount, 1);
        // Writes after the migration keep the index right.
        const Opportunity later = create(QStringLiteral("Łódź later"));
        OpportunityFilter lodz;
        lodz.setSearch(QStringLiteral("lodz"));
        QCOMPARE(names(list(lodz).items),
                 (QStringList{QStringLiteral("Łódź later"), QStringLiteral("Łódź Müller")}));
        QVERIFY(m_store->deleteOpportunity(later.id));
        QCOMPARE(names(list(lodz).items), QStringList{QStringLiteral("Łódź Müller")});
    }
};

QTEST_GUILESS_MAIN(TestServerSearch)
#include "tst_serversearch.moc"
