#pragma once

#include "Result.h"

#include <QString>
#include <memory>

// A fresh, empty PostgreSQL database in the test cluster, dropped when the last owner lets go
// (connections still open to it are ended). The cluster is the one tests/postgres-cluster.sh
// started (the CTest fixture "postgres"): its settings are read from the file named by
// KASHEW_TEST_POSTGRES_ENV, else the build's tests/postgres/cluster.env. By hand:
//   tests/postgres-cluster.sh start build/tests/postgres
//   KASHEW_TEST_BACKEND=postgresql build/tests/tst_serveropportunities
//   tests/postgres-cluster.sh stop build/tests/postgres
class PostgresTestDatabase final
{
public:
    struct Cluster
    {
        QString host;
        int port = 0;
        QString user;
        QString password;
    };

    // KASHEW_TEST_BACKEND=postgresql: this run is a *_pg registration.
    static bool requested();
    // The cluster's settings, or why there are none (naming the command that starts a cluster).
    static Result<Cluster> cluster();
    // A new database (CREATE DATABASE through the cluster's `postgres` database).
    static Result<std::shared_ptr<PostgresTestDatabase>> create();

    ~PostgresTestDatabase();
    PostgresTestDatabase(const PostgresTestDatabase &) = delete;
    PostgresTestDatabase &operator=(const PostgresTestDatabase &) = delete;

    // postgresql://USER@HOST:PORT/NAME, as kashew-server's --database takes it: no password,
    // which goes in PGPASSWORD (or a configuration file's database_password).
    QString url() const;
    QString name() const { return m_name; }
    QString host() const { return m_cluster.host; }
    int port() const { return m_cluster.port; }
    QString user() const { return m_cluster.user; }
    QString password() const { return m_cluster.password; }

private:
    PostgresTestDatabase(Cluster cluster, QString name);

    Cluster m_cluster;
    QString m_name;
};
