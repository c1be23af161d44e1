// ServerStore's listings over a fresh database, a temporary SQLite file or (tst_serverlisting_pg)
// a PostgreSQL database: newest first, stable pages, order across a restart, filters, totals
// that follow writes (this process's and another's), accounts listed and filtered.
#include "ServerStore.h"
#include "StoreDatabase.h"

#include <QSqlDatabase>
#include <QTest>
#include <memory>

class TestServerListing final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreDatabase> m_database;
    QString m_acme;
    QString m_globex;

    ServerStore &store() const { return m_database->store(); }

private slots:
    void init()
    {
        auto created = StoreDatabase::createWithStore(QStringLiteral("tst_serverlisting"));
        QVERIFY2(created, qPrintable(created.error()));
        m_database = std::move(created).value();
        m_acme = m_database->addAccount(QStringLiteral("Acme Corp"));
        m_globex = m_database->addAccount(QStringLiteral("Globex"), QStringLiteral("Inactive"));
    }
    void cleanup() { m_database.reset(); }

    void listIsNewestFirstAndPagesAreStable()
    {
        QStringList created;
        for (int i = 0; i < 25; ++i)
            created.prepend(
                m_database
                    ->addOpportunity(QStringLiteral("Deal %1").arg(i, 2, 10, QLatin1Char('0')))
                    .name);
        QStringList paged;
        for (int page = 1; page <= 3; ++page) {
            const auto result = m_database->list({}, page, 10);
            QCOMPARE(result.totalCount, 25);
            QCOMPARE(result.items.size(), page < 3 ? 10 : 5);
            paged += StoreDatabase::names(result.items);
        }
        QCOMPARE(paged, created);
        QCOMPARE(StoreDatabase::names(m_database->list({}, 1, 10).items), created.mid(0, 10));
        const auto beyond = m_database->list({}, 4, 10);
        QVERIFY(beyond.items.isEmpty());
        QCOMPARE(beyond.totalCount, 25);
    }

    void orderFollowsCreationAcrossARestart()
    {
        // A record stamped later than the clock (another server, a clock set back) must not
        // leave newer records listed after it.
        Opportunity future;
        future.id = StoreDatabase::newId();
        future.name = QStringLiteral("From the future");
        future.createdAt = future.updatedAt = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(store().insertOpportunity(future));
        const Status restarted = m_database->restart();
        QVERIFY2(restarted, qPrintable(restarted.error()));
        const QDateTime next = store().nextTimestamp();
        QVERIFY(next > future.createdAt);
        QVERIFY(store().nextTimestamp() > next);
        m_database->addOpportunity(QStringLiteral("Made after the restart"));
        const QList<Opportunity> items = m_database->list().items;
        QCOMPARE(StoreDatabase::names(items), (QStringList{QStringLiteral("Made after the restart"),
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
        m_database->addOpportunity(QStringLiteral("ACME expansion"), Stage::Prospecting, m_acme);
        m_database->addOpportunity(QStringLiteral("Acme pilot"), Stage::Negotiation, m_acme);
        m_database->addOpportunity(QStringLiteral("Zürich renewal"), Stage::Negotiation, m_globex,
                                   QStringLiteral("owner-b"));
        Opportunity old =
            m_database->addOpportunity(QStringLiteral("Old acme deal"), Stage::ClosedLost, m_acme);
        old.isArchived = true;
        QVERIFY(store().updateOpportunity(old, 2));

        OpportunityFilter filter;
        filter.search = search;
        if (stage >= 0)
            filter.stages = {static_cast<Stage>(stage)};
        filter.accountId = byAcme ? m_acme : QString();
        filter.ownerId = ownerId;
        filter.archived = archived;
        const auto result = m_database->list(filter);
        QCOMPARE(StoreDatabase::names(result.items), expected);
        QCOMPARE(result.totalCount, qint64(expected.size()));
    }

    void totalsFollowWrites()
    {
        OpportunityFilter negotiation;
        negotiation.stages = {Stage::Negotiation};
        Opportunity first = m_database->addOpportunity(QStringLiteral("One"), Stage::Negotiation);
        m_database->addOpportunity(QStringLiteral("Two"), Stage::Negotiation);
        QCOMPARE(m_database->list(negotiation, 1, 1).totalCount, 2);
        // The count asked again after each write is the new one, not a remembered one.
        m_database->addOpportunity(QStringLiteral("Three"), Stage::Negotiation);
        QCOMPARE(m_database->list(negotiation, 1, 1).totalCount, 3);
        first.stage = Stage::ClosedWon;
        QVERIFY(store().updateOpportunity(first, 2));
        QCOMPARE(m_database->list(negotiation, 1, 1).totalCount, 2);
        QVERIFY(store().deleteOpportunity(first.id));
        QCOMPARE(m_database->list({}, 1, 1).totalCount, 2);
    }

    // Another process on the same database (a second kashew-server) writes: the totals this one
    // remembered are not served again, whichever process asks.
    void totalsFollowAnotherProcesssWrites()
    {
        OpportunityFilter negotiation;
        negotiation.stages = {Stage::Negotiation};
        m_database->addOpportunity(QStringLiteral("One"), Stage::Negotiation);
        QCOMPARE(m_database->list(negotiation, 1, 1).totalCount, 1);
        {
            ServerStore other(QStringLiteral("tst_serverlisting_other"));
            const Status opened = other.open(m_database->location());
            QVERIFY2(opened, qPrintable(opened.error()));
            // As OpportunityService writes: the record, then its change, in one transaction.
            Opportunity o;
            o.id = StoreDatabase::newId();
            o.name = QStringLiteral("Two");
            o.stage = Stage::Negotiation;
            o.createdAt = o.updatedAt = other.nextTimestamp();
            QVERIFY(QSqlDatabase::database(other.connectionName()).transaction());
            QVERIFY(other.insertOpportunity(o));
            QVERIFY(other.changes().record(ChangeLog::Kind::Opportunity, {o.id}));
            QVERIFY(QSqlDatabase::database(other.connectionName()).commit());
        }
        QCOMPARE(m_database->list(negotiation, 1, 1).totalCount, 2);
        QCOMPARE(StoreDatabase::names(m_database->list(negotiation).items),
                 (QStringList{QStringLiteral("Two"), QStringLiteral("One")}));
    }

    void accountsListAndFilter()
    {
        m_database->addAccount(QStringLiteral("Acme Labs"), QStringLiteral("Inactive"));
        const auto all = store().listAccounts({}, 1, 100);
        QVERIFY(all);
        QCOMPARE(all->totalCount, 3);
        QCOMPARE(all->items.size(), 3);
        // Newest first.
        QCOMPARE(all->items.constFirst().name, QStringLiteral("Acme Labs"));
        AccountFilter filter;
        filter.search = QStringLiteral("acme");
        filter.status = QStringLiteral("Active");
        const auto active = store().listAccounts(filter, 1, 100);
        QVERIFY(active);
        QCOMPARE(active->totalCount, 1);
        QCOMPARE(active->items.size(), 1);
        QCOMPARE(active->items.constFirst().id, m_acme);
        const auto second = store().listAccounts({}, 2, 2);
        QVERIFY(second);
        QCOMPARE(second->items.size(), 1);
        QCOMPARE(second->items.constFirst().name, QStringLiteral("Acme Corp"));
        QCOMPARE(store().findAccount(m_globex)->value().status, QStringLiteral("Inactive"));
    }
};

QTEST_GUILESS_MAIN(TestServerListing)
#include "tst_serverlisting.moc"
