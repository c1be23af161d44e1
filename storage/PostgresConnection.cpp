#include "PostgresConnection.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace PostgresConnection {

bool open(const QString &connectionName, const Target &target, QString *error)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *error = QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed; on Debian it is "
                                "the package libqt6sql6-psql");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(target.host);
    db.setPort(target.port);
    db.setUserName(target.user);
    if (!target.password.isEmpty())
        db.setPassword(target.password);
    db.setDatabaseName(target.database);
    QString options = QStringLiteral("connect_timeout=10");
    if (!target.applicationName.isEmpty())
        options += QStringLiteral(";application_name=") + target.applicationName;
    db.setConnectOptions(options);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    // Reads and writes alike keep the server's text forms: no locale-dependent output.
    QSqlQuery setUp(db);
    for (const QString &statement :
         {QStringLiteral("SET client_encoding = 'UTF8'"), QStringLiteral("SET TIME ZONE 'UTC'")}) {
        if (!setUp.exec(statement)) {
            *error = setUp.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace PostgresConnection
