#include "SchemaMigrations.h"

#include "SqlTransaction.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace SchemaMigrations {

bool apply(const QString &connectionName, const QList<QStringList> &steps, QString *error,
           bool *tooNew)
{
    QSqlQuery query(QSqlDatabase::database(connectionName));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = QStringLiteral("reading the schema version: ") + query.lastError().text();
        return false;
    }
    const int current = query.value(0).toInt();
    query.finish();
    if (tooNew)
        *tooNew = current > steps.size();
    if (current > steps.size()) {
        *error = QCoreApplication::translate("SchemaMigrations",
                                             "the database has schema version %1, newer than this "
                                             "program knows (%2)")
                     .arg(current)
                     .arg(steps.size());
        return false;
    }
    for (int version = current; version < steps.size(); ++version) {
        SqlTransaction transaction(connectionName);
        const QStringList statements =
            steps.at(version) +
            QStringList{QStringLiteral("PRAGMA user_version = %1").arg(version + 1)};
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("migrating to schema %1: %2")
                             .arg(version + 1)
                             .arg(query.lastError().text());
                return false;
            }
        }
        if (!transaction.commit()) {
            *error = QStringLiteral("migrating to schema %1: cannot commit").arg(version + 1);
            return false;
        }
    }
    return true;
}

} // namespace SchemaMigrations
