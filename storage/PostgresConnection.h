#pragma once

#include <QString>

// Opens a PostgreSQL database on a named QtSql connection through Qt's QPSQL driver (Debian's
// libqt6sql6-psql). An empty password leaves libpq to its own sources (PGPASSWORD, ~/.pgpass).
// The password is never part of an error message.
namespace PostgresConnection {

struct Target
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    // Shown in pg_stat_activity.
    QString applicationName;
};

// Returns false with *error set (the driver's words, or that the QPSQL driver is missing).
bool open(const QString &connectionName, const Target &target, QString *error);

} // namespace PostgresConnection
