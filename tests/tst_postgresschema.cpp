// kashew-server's schema on PostgreSQL (tst_postgresschema_pg, in the test cluster): migrated
// once however many processes start at once, found as it is by the next one, a newer database
// refused, and a wrong password reported without the password.
#include "PostgresSchema.h"
#include "ServerProcess.h"
#include "ServerStore.h"
#include "StoreDatabase.h"

#include <QAtomicInt>
#include <QMutex>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <memory>
#include <vector>

namespace {

// The schema's tables, indexes, functions and triggers, by name, and its recorded version.
QStringList schemaObjects(const QString &connectionName)
{
    QSqlQuery query(QSqlDatabase::database(connectionName));
    QStringList objects;
    if (!query.exec(QStringLiteral(
            "SELECT concat(c.relkind, ' ', c.relname) FROM pg_class c JOIN pg_namespace n"
            " ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
            " UNION ALL SELECT 'f ' || proname FROM pg_proc p JOIN pg_namespace n"
            " ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prorettype ="
            " (SELECT oid FROM pg_type WHERE typname = 'trigger')"
            " UNION ALL SELECT 't ' || tgname FROM pg_trigger WHERE NOT tgisinternal"
            " UNION ALL SELECT 'v ' || version FROM schema_version ORDER BY 1")))
        return {query.lastError().text()};
    while (query.next())
        objects.append(query.value(0).toString());
    return objects;
}

int recordedVersion(const QString &connectionName)
{
    QSqlQuery query(QSqlDatabase::database(connectionName));
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace

class TestPostgresSchema final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreDatabase> m_database;

private slots:
    void init()
    {
        QVERIFY2(PostgresTestDatabase::requested(),
                 "run as tst_postgresschema_pg (KASHEW_TEST_BACKEND=postgresql)");
        auto created = StoreDatabase::create();
        QVERIFY2(created, qPrintable(created.error()));
        m_database = std::move(created).value();
    }
    void cleanup() { m_database.reset(); }

    // A second process opening a migrated database changes nothing and sees what the first wrote.
    void aSecondProcessFindsTheSchemaAsIs()
    {
        ServerStore first(QStringLiteral("tst_postgresschema_first"));
        const Status opened = first.open(m_database->location());
        QVERIFY2(opened, qPrintable(opened.error()));
        QCOMPARE(recordedVersion(first.connectionName()), PostgresSchema::version());
        const QStringList objects = schemaObjects(first.connectionName());
        QVERIFY2(objects.contains(QStringLiteral("i opportunities_search")),
                 qPrintable(objects.join(u',')));
        QVERIFY2(objects.contains(QStringLiteral("t opportunity_search_account")),
                 qPrintable(objects.join(u',')));
        Account account;
        account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        account.name = QStringLiteral("Acme");
        account.status = QStringLiteral("Active");
        account.createdAt = first.nextTimestamp();
        QVERIFY(first.insertAccount(account));

        ServerStore second(QStringLiteral("tst_postgresschema_second"));
        const Status reopened = second.open(m_database->location());
        QVERIFY2(reopened, qPrintable(reopened.error()));
        QCOMPARE(schemaObjects(second.connectionName()), objects);
        const auto found = second.findAccount(account.id);
        QVERIFY2(found, qPrintable(found.error()));
        QVERIFY(found->has_value());
        QCOMPARE(found->value().name, QStringLiteral("Acme"));
    }

    // Several servers started at once on a new database: each opens it, one of them migrates.
    void processesStartingAtOnceMigrateOnce()
    {
        constexpr int processes = 4;
        QSemaphore ready;
        QSemaphore go;
        QAtomicInt opened;
        QStringList errors;
        QMutex errorsLock;
        const DatabaseLocation location = m_database->location();
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < processes; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                ServerStore store(QStringLiteral("tst_postgresschema_%1").arg(i));
                ready.release();
                go.acquire();
                const Status status = store.open(location);
                if (status) {
                    opened.fetchAndAddRelaxed(1);
                } else {
                    const QMutexLocker locker(&errorsLock);
                    errors.append(status.error());
                }
            }));
            threads.back()->start();
        }
        ready.acquire(processes);
        go.release(processes);
        for (const auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(opened.loadRelaxed(), processes);

        ServerStore store(QStringLiteral("tst_postgresschema_after"));
        QVERIFY(store.open(location));
        QCOMPARE(recordedVersion(store.connectionName()), PostgresSchema::version());
        QSqlQuery clock(QSqlDatabase::database(store.connectionName()));
        QVERIFY(clock.exec(QStringLiteral("SELECT COUNT(*) FROM change_clock")) && clock.next());
        QCOMPARE(clock.value(0).toInt(), 1);
    }

    // A database a newer kashew-server migrated is refused, and left as it is.
    void aNewerDatabaseIsRefused()
    {
        {
            ServerStore store(QStringLiteral("tst_postgresschema_newer"));
            QVERIFY(store.open(m_database->location()));
            QSqlQuery query(QSqlDatabase::database(store.connectionName()));
            QVERIFY(query.exec(QStringLiteral("UPDATE schema_version SET version = %1")
                                   .arg(PostgresSchema::version() + 1)));
        }
        ServerStore store(QStringLiteral("tst_postgresschema_older_server"));
        const Status opened = store.open(m_database->location());
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(QStringLiteral("newer than this program knows")),
                 qPrintable(opened.error()));
        QCOMPARE(recordedVersion(store.connectionName()), PostgresSchema::version() + 1);
    }

    // kashew-server given a wrong PGPASSWORD stops with an error naming the database by its
    // URL, without the password.
    void aWrongPasswordIsReportedWithoutThePassword()
    {
        const DatabaseLocation location = m_database->location();
        const QByteArray wrong = QByteArrayLiteral("Wrong-Pa55word-for-the-test");
        const QByteArray kept = qgetenv("PGPASSWORD");
        qputenv("PGPASSWORD", wrong);
        const ServerProcess::Run run = ServerProcess::runToEnd(
            {QStringLiteral("--database"), location.display(), QStringLiteral("--api-key"),
             QString::fromLatin1(ServerProcess::writeKey), QStringLiteral("--listen"),
             QStringLiteral("127.0.0.1:0")});
        if (kept.isNull())
            qunsetenv("PGPASSWORD");
        else
            qputenv("PGPASSWORD", kept);
        QVERIFY2(run.exitCode != 0, qPrintable(run.output));
        QVERIFY2(run.output.contains(location.display()), qPrintable(run.output));
        QVERIFY2(run.output.contains(QStringLiteral("password authentication failed")),
                 qPrintable(run.output));
        QVERIFY2(!run.output.contains(QString::fromLatin1(wrong)), qPrintable(run.output));
    }
};

QTEST_GUILESS_MAIN(TestPostgresSchema)
#include "tst_postgresschema.moc"
