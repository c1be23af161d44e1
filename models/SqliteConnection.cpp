#include "SqliteConnection.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace SqliteConnection {

bool open(const QString &connectionName, const QString &path, const QStringList &extraPragmas,
          QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    const QStringList pragmas = QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                                            QStringLiteral("PRAGMA foreign_keys=ON"),
                                            QStringLiteral("PRAGMA synchronous=NORMAL")} +
                                extraPragmas;
    for (const QString &statement : pragmas) {
        if (!query.exec(statement)) {
            *error = query.lastError().text();
            return false;
        }
        query.finish();
    }
    return true;
}

void close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    QSqlDatabase::database(connectionName, false).close();
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace SqliteConnection
