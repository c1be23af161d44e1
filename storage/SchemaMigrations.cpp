#include "SchemaMigrations.h"

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
        // The write lock first, then the version again: another process (the app and `kashew`
        // on one profile) may have taken this step meanwhile.
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            *error = QStringLiteral("migrating to schema %1: %2")
                         .arg(version + 1)
                         .arg(query.lastError().text());
            return false;
        }
        const auto rollBack = [&](const QString &why) {
            *error = QStringLiteral("migrating to schema %1: %2").arg(version + 1).arg(why);
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        };
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return rollBack(query.lastError().text());
        const bool taken = query.value(0).toInt() > version;
        query.finish();
        const QStringList statements =
            taken ? QStringList()
                  : steps.at(version) +
                        QStringList{QStringLiteral("PRAGMA user_version = %1").arg(version + 1)};
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return rollBack(query.lastError().text());
        }
        if (!query.exec(QStringLiteral("COMMIT")))
            return rollBack(query.lastError().text());
    }
    return true;
}

} // namespace SchemaMigrations
