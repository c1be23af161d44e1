// Where kashew-server keeps its data, as --database names it: an SQLite path or a postgresql://
// URL; a password never in the URL and never in what the server prints.
#include "DatabaseLocation.h"

#include <QTest>

class TestDatabaseLocation final : public QObject
{
    Q_OBJECT

private slots:
    void aPathIsAnSqliteFile()
    {
        const auto location = DatabaseLocation::parse(QStringLiteral("/var/lib/kashew/server.db"));
        QVERIFY2(location, qPrintable(location.error()));
        QVERIFY(!location->isPostgres());
        QCOMPARE(location->path, QStringLiteral("/var/lib/kashew/server.db"));
        QCOMPARE(location->display(), QStringLiteral("/var/lib/kashew/server.db"));
    }

    void aUrlIsAPostgresDatabase_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("display");
        QTest::newRow("postgresql://")
            << QStringLiteral("postgresql://kashew@db.example.org:6432/sales")
            << QStringLiteral("kashew") << QStringLiteral("db.example.org") << 6432
            << QStringLiteral("sales")
            << QStringLiteral("postgresql://kashew@db.example.org:6432/sales");
        QTest::newRow("postgres://, default port")
            << QStringLiteral("postgres://kashew@127.0.0.1/sales") << QStringLiteral("kashew")
            << QStringLiteral("127.0.0.1") << 5432 << QStringLiteral("sales")
            << QStringLiteral("postgresql://kashew@127.0.0.1:5432/sales");
        QTest::newRow("IPv6 host")
            << QStringLiteral("postgresql://kashew@[::1]:5433/sales") << QStringLiteral("kashew")
            << QStringLiteral("::1") << 5433 << QStringLiteral("sales")
            << QStringLiteral("postgresql://kashew@[::1]:5433/sales");
    }
    void aUrlIsAPostgresDatabase()
    {
        QFETCH(QString, text);
        const auto location = DatabaseLocation::parse(text);
        QVERIFY2(location, qPrintable(location.error()));
        QVERIFY(location->isPostgres());
        QTEST(location->user, "user");
        QTEST(location->host, "host");
        QTEST(location->port, "port");
        QTEST(location->database, "database");
        QTEST(location->display(), "display");
        QVERIFY(location->password.isEmpty());
    }

    void anIncompleteUrlIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("named");
        QTest::newRow("no user") << QStringLiteral("postgresql://db.example.org/sales")
                                 << QStringLiteral("no user");
        QTest::newRow("no host") << QStringLiteral("postgresql://kashew@/sales")
                                 << QStringLiteral("no host");
        QTest::newRow("no database") << QStringLiteral("postgresql://kashew@db.example.org")
                                     << QStringLiteral("no database");
        QTest::newRow("empty database") << QStringLiteral("postgresql://kashew@db.example.org/")
                                        << QStringLiteral("no database");
    }
    void anIncompleteUrlIsRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, named);
        const auto location = DatabaseLocation::parse(text);
        QVERIFY(!location);
        QVERIFY2(location.error().contains(named), qPrintable(location.error()));
        QVERIFY2(location.error().contains(QStringLiteral("postgresql://USER@HOST:PORT/DB")),
                 qPrintable(location.error()));
    }

    // A password in the URL is refused, saying where it goes instead, and the refusal never
    // repeats it, however malformed the rest of the URL is (logs and terminals keep errors).
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("well formed")
            << QStringLiteral("postgresql://kashew:S3cret-pw@db.example.org/sales");
        QTest::newRow("postgres://")
            << QStringLiteral("postgres://kashew:S3cret-pw@db.example.org:5432/sales");
        QTest::newRow("port out of range")
            << QStringLiteral("postgresql://kashew:S3cret-pw@db.example.org:99999/sales");
        QTest::newRow("port not a number")
            << QStringLiteral("postgresql://kashew:S3cret-pw@db.example.org:x1/sales");
        QTest::newRow("bad host") << QStringLiteral("postgresql://kashew:S3cret-pw@db exa mple/s");
    }
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt()
    {
        QFETCH(QString, text);
        const auto location = DatabaseLocation::parse(text);
        QVERIFY(!location);
        QVERIFY2(!location.error().contains(QStringLiteral("S3cret-pw")),
                 qPrintable(location.error()));
        QVERIFY2(location.error().contains(QStringLiteral("database_password")),
                 qPrintable(location.error()));
        QVERIFY2(location.error().contains(QStringLiteral("PGPASSWORD")),
                 qPrintable(location.error()));
    }

    // A malformed URL without a password is refused too, and says what form it wants.
    void aMalformedUrlIsRefused()
    {
        const auto location =
            DatabaseLocation::parse(QStringLiteral("postgresql://kashew@db.example.org:99999/s"));
        QVERIFY(!location);
        QVERIFY2(location.error().contains(QStringLiteral("postgresql://USER@HOST:PORT/DB")),
                 qPrintable(location.error()));
    }

    // The password from the configuration file or PGPASSWORD is kept apart and never shown.
    void displayNeverShowsThePassword()
    {
        const auto parsed = DatabaseLocation::parse(QStringLiteral("postgresql://kashew@db/sales"));
        QVERIFY2(parsed, qPrintable(parsed.error()));
        DatabaseLocation location = *parsed;
        location.password = QStringLiteral("S3cret-pw");
        QCOMPARE(location.display(), QStringLiteral("postgresql://kashew@db:5432/sales"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseLocation)
#include "tst_databaselocation.moc"
