#pragma once

#include <QString>
#include <QStringList>

// Opens an SQLite file on a named QtSql connection the way both stores need it: busy timeout,
// WAL, foreign keys, synchronous=NORMAL (durable against a killed process), then the caller's
// own pragmas (cache sizes, checks).
namespace SqliteConnection {

// Returns false with *error set (the driver's words) when the file cannot be opened or set up.
bool open(const QString &connectionName, const QString &path, const QStringList &extraPragmas,
          QString *error);

// Closes and forgets the connection (every QSqlQuery on it must be gone).
void close(const QString &connectionName);

} // namespace SqliteConnection
