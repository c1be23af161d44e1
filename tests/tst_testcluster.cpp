// The PostgreSQL runs' own ground (registered only as tst_testcluster_pg): each ServerProcess
// serves a fresh database of the test cluster, its password never on the server's command line;
// sibling processes serve one database, each on its own port; the database is dropped with the
// last of them, whichever goes last.
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {

// One number from the cluster (-1 on failure, with a warning): `database` as the test sees it.
qint64 countIn(const QString &database, const QString &statement)
{
    const Result<PostgresTestDatabase::Cluster> cluster = PostgresTestDatabase::cluster();
    if (!cluster) {
        qWarning("%s", qPrintable(cluster.error()));
        return -1;
    }
    qint64 count = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("tst_testcluster"));
        db.setHostName(cluster->host);
        db.setPort(cluster->port);
        db.setUserName(cluster->user);
        db.setPassword(cluster->password);
        db.setDatabaseName(database);
        QSqlQuery query(db);
        if (!db.open())
            qWarning("%s", qPrintable(db.lastError().text()));
        else if (!query.exec(statement) || !query.next())
            qWarning("%s", qPrintable(query.lastError().text()));
        else
            count = query.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tst_testcluster"));
    return count;
}

qint64 databasesNamed(const QString &name)
{
    return countIn(
        QStringLiteral("postgres"),
        QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(name));
}

QJsonObject account(const QString &name)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("type"), QStringLiteral("Customer")}};
}

// Creates an account through `server`; its id, or empty on failure.
QString createAccount(const ServerProcess &server, const QString &name)
{
    TestHttp http(server.baseUrl(), ServerProcess::writeKey);
    const TestHttp::Reply created = http.post(QStringLiteral("/accounts"), account(name));
    if (created.status != 201)
        qWarning("POST /accounts: %d %s", created.status, created.body.constData());
    return created.json().value(QStringLiteral("id")).toString();
}

int statusOf(const ServerProcess &server, const QString &path)
{
    TestHttp http(server.baseUrl(), ServerProcess::writeKey);
    return http.get(path).status;
}

} // namespace

class TestTestCluster final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerProcess::usesPostgres(),
                 "run as tst_testcluster_pg (KASHEW_TEST_BACKEND=postgresql)");
    }

    void serverWritesToItsOwnPostgresDatabase()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QVERIFY(server.postgresDatabase());
        const QString name = server.postgresDatabase()->name();
        const QString password = server.postgresDatabase()->password();
        QCOMPARE(server.databaseArgument(), server.postgresDatabase()->url());
        QVERIFY2(server.databaseArgument().startsWith(QLatin1String("postgresql://")),
                 qPrintable(server.databaseArgument()));
        QVERIFY(!server.databaseArgument().contains(password));
        QCOMPARE(databasesNamed(name), 1);

        QVERIFY(!createAccount(server, QStringLiteral("Written to PostgreSQL")).isEmpty());
        QCOMPARE(countIn(name, QStringLiteral("SELECT count(*) FROM accounts WHERE name = "
                                              "'Written to PostgreSQL'")),
                 1);
        QVERIFY2(!QFile::exists(server.databasePath()), "an SQLite file was written too");

        // The password is in the server's environment, not on its command line.
        QFile commandLine(QStringLiteral("/proc/%1/cmdline").arg(server.processId()));
        QVERIFY(commandLine.open(QIODevice::ReadOnly));
        const QByteArray arguments = commandLine.readAll();
        QVERIFY(arguments.contains(server.databaseArgument().toUtf8()));
        QVERIFY(!arguments.contains(password.toUtf8()));
        QFile environment(QStringLiteral("/proc/%1/environ").arg(server.processId()));
        QVERIFY(environment.open(QIODevice::ReadOnly));
        QVERIFY(environment.readAll().split('\0').contains("PGPASSWORD=" + password.toUtf8()));
    }

    void eachServerProcessHasAFreshDatabase()
    {
        ServerProcess one;
        ServerProcess other;
        QVERIFY(one.start());
        QVERIFY(other.start());
        QVERIFY(one.postgresDatabase()->name() != other.postgresDatabase()->name());
        const QString id = createAccount(one, QStringLiteral("Only in one"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(statusOf(one, QStringLiteral("/accounts/") + id), 200);
        QCOMPARE(statusOf(other, QStringLiteral("/accounts/") + id), 404);
    }

    void siblingsServeOneDatabase()
    {
        ServerProcess first;
        ServerProcess second{ServerProcess::SameDatabaseAs{first}};
        ServerProcess third{ServerProcess::SameDatabaseAs{first}};
        QVERIFY(first.start());
        QVERIFY(second.start());
        QVERIFY(third.start());
        QVERIFY(first.port() != second.port());
        QVERIFY(second.port() != third.port());
        QCOMPARE(second.databaseArgument(), first.databaseArgument());

        const QString viaFirst = createAccount(first, QStringLiteral("Written through the first"));
        const QString viaThird = createAccount(third, QStringLiteral("Written through the third"));
        QVERIFY(!viaFirst.isEmpty());
        QVERIFY(!viaThird.isEmpty());
        for (const ServerProcess *server : {&first, &second, &third}) {
            QCOMPARE(statusOf(*server, QStringLiteral("/accounts/") + viaFirst), 200);
            QCOMPARE(statusOf(*server, QStringLiteral("/accounts/") + viaThird), 200);
        }
    }

    void databaseGoesWithItsLastProcess()
    {
        auto first = std::make_unique<ServerProcess>();
        const QString name = first->postgresDatabase()->name();
        auto second = std::make_unique<ServerProcess>(ServerProcess::SameDatabaseAs{*first});
        QVERIFY(first->start());
        QVERIFY(second->start());
        const QString id = createAccount(*first, QStringLiteral("Outlives its writer"));
        QVERIFY(!id.isEmpty());

        // The first goes first: the second still serves the database.
        first.reset();
        QCOMPARE(databasesNamed(name), 1);
        QCOMPARE(statusOf(*second, QStringLiteral("/accounts/") + id), 200);

        second.reset();
        QCOMPARE(databasesNamed(name), 0);
    }
};

QTEST_GUILESS_MAIN(TestTestCluster)
#include "tst_testcluster.moc"
