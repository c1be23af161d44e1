#pragma once

#include "Result.h"

#include <QString>

// Where kashew-server keeps its data: an SQLite file (any path, the default) or a PostgreSQL
// database, written postgresql://USER@HOST:PORT/DB (postgres:// too; the port defaults to 5432).
// The password never travels in the location text: it comes from the configuration file's
// database_password or from PGPASSWORD, so that it stays off command lines and logs.
struct DatabaseLocation
{
    enum class Backend
    {
        Sqlite,
        Postgres
    };

    Backend backend = Backend::Sqlite;
    // SQLite: the file.
    QString path;
    // PostgreSQL.
    QString host;
    int port = 5432;
    QString user;
    QString database;
    QString password;

    bool isPostgres() const { return backend == Backend::Postgres; }

    // A file path, or a postgresql:// URL; a URL with a password in it is refused (naming where
    // the password goes instead), and so is one without a user, host or database.
    static Result<DatabaseLocation> parse(const QString &text);
    static DatabaseLocation sqlite(const QString &path);
    // For logs and the start-up line: the path, or the URL without any password.
    QString display() const;
};
