#include "PostgresTestDatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// One statement on a short-lived connection to the cluster's `postgres` database.
Status runOnCluster(const PostgresTestDatabase::Cluster &cluster, const QString &statement)
{
    static QAtomicInt connections;
    const QString connection =
        QStringLiteral("kashew_test_cluster_%1").arg(connections.fetchAndAddRelaxed(1));
    Status result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(cluster.host);
        db.setPort(cluster.port);
        db.setUserName(cluster.user);
        db.setPassword(cluster.password);
        db.setDatabaseName(QStringLiteral("postgres"));
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!db.open()) {
            result = Failure{QStringLiteral("cannot reach the test cluster on %1:%2: %3")
                                 .arg(cluster.host)
                                 .arg(cluster.port)
                                 .arg(db.lastError().text())};
        } else {
            QSqlQuery query(db);
            if (!query.exec(statement))
                result = Failure{statement + QStringLiteral(": ") + query.lastError().text()};
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

QString quoted(const QString &name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

} // namespace

bool PostgresTestDatabase::requested()
{
    return qEnvironmentVariable("KASHEW_TEST_BACKEND") == QLatin1String("postgresql");
}

Result<PostgresTestDatabase::Cluster> PostgresTestDatabase::cluster()
{
    QString path = qEnvironmentVariable("KASHEW_TEST_POSTGRES_ENV");
    if (path.isEmpty())
        path = QStringLiteral(KASHEW_TEST_POSTGRES_ENV_DEFAULT);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Failure{QStringLiteral("no test cluster: %1 cannot be read (%2); start one with "
                                      "tests/postgres-cluster.sh start %3, or run the test "
                                      "through ctest, whose fixture starts it")
                           .arg(path, file.errorString(), QFileInfo(path).absolutePath())};
    Cluster cluster;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const QString key = line.section(u'=', 0, 0);
        const QString value = line.section(u'=', 1);
        if (key == QLatin1String("KASHEW_PG_HOST"))
            cluster.host = value;
        else if (key == QLatin1String("KASHEW_PG_PORT"))
            cluster.port = value.toInt();
        else if (key == QLatin1String("KASHEW_PG_USER"))
            cluster.user = value;
        else if (key == QLatin1String("KASHEW_PG_PASSWORD"))
            cluster.password = value;
    }
    if (cluster.host.isEmpty() || cluster.port <= 0 || cluster.user.isEmpty())
        return Failure{path + QStringLiteral(" names no KASHEW_PG_HOST, KASHEW_PG_PORT and "
                                             "KASHEW_PG_USER")};
    return cluster;
}

Result<std::shared_ptr<PostgresTestDatabase>> PostgresTestDatabase::create()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Failure{QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed; on "
                                      "Debian it is the package libqt6sql6-psql")};
    Result<Cluster> found = cluster();
    if (!found)
        return Failure{found.error()};
    // Unique across the test processes that share the cluster (ctest -j) and within one.
    static QAtomicInt databases;
    const QString name = QStringLiteral("kt_%1_%2_%3")
                             .arg(QCoreApplication::applicationPid())
                             .arg(databases.fetchAndAddRelaxed(1))
                             .arg(QRandomGenerator::global()->generate() % 1000000);
    const Status created = runOnCluster(*found, QStringLiteral("CREATE DATABASE ") + quoted(name));
    if (!created)
        return Failure{created.error()};
    return std::shared_ptr<PostgresTestDatabase>(new PostgresTestDatabase(*found, name));
}

PostgresTestDatabase::PostgresTestDatabase(Cluster cluster, QString name)
    : m_cluster(std::move(cluster))
    , m_name(std::move(name))
{}

PostgresTestDatabase::~PostgresTestDatabase()
{
    // FORCE: a server killed by a test may leave a session behind for a moment.
    const Status dropped = runOnCluster(
        m_cluster, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted(m_name)));
    if (!dropped)
        qWarning("test database %s not dropped: %s", qPrintable(m_name),
                 qPrintable(dropped.error()));
}

QString PostgresTestDatabase::url() const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(m_cluster.user, m_cluster.host)
        .arg(m_cluster.port)
        .arg(m_name);
}
