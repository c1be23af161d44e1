#pragma once

#include <QString>
#include <QStringList>

class QSqlError;
struct sqlite3;

// Opens an SQLite file on a named QtSql connection the way both stores need it: busy timeout,
// WAL, foreign keys, synchronous=NORMAL (durable against a killed process), then the caller's
// own pragmas (cache sizes, checks).
namespace SqliteConnection {

// A new file is its owner's alone (0600, and so are its -wal and -shm files), in folders made
// 0700 where they are missing; an existing file keeps its permissions.
// Returns false with *error set (the driver's words) when the file cannot be opened or set up;
// *sqliteCode (when given) is then SQLite's result code, or 0 when it gave none.
bool open(const QString &connectionName, const QString &path, const QStringList &extraPragmas,
          QString *error, int *sqliteCode = nullptr);

// SQLite's result code behind a QtSql error (the primary code of an extended one), 0 if none.
int resultCode(const QSqlError &error);

// The SQLite handle under the open connection `connectionName` of this thread, for the C API
// where QtSql's QVariant per value is too slow or has no call (sqlite3_interrupt); null if none.
// The QSQLITE driver links the same libsqlite3 as we do.
sqlite3 *handle(const QString &connectionName);

// Closes and forgets the connection (every QSqlQuery on it must be gone).
void close(const QString &connectionName);

} // namespace SqliteConnection
