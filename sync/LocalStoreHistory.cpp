// LocalStore, the updates histories: kept per record for offline reading, each with the version
// of the record it was fetched for, so that a history older than its record is known as such.
#include "CacheRows.h"
#include "LocalStore.h"
#include "OpportunityJson.h"
#include "SqlNullText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

std::optional<StoredHistory> LocalStore::history(const QString &opportunityId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT data, record_version, fetched_at FROM opportunity_updates"
                                 " WHERE opportunity_id = ?"));
    query.addBindValue(opportunityId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    StoredHistory history;
    FieldErrors errors;
    history.updates = OpportunityJson::readUpdates(
        QJsonDocument::fromJson(query.value(0).toString().toUtf8()).array(), &errors);
    history.recordVersion = query.value(1).toString();
    history.fetchedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
    return history;
}

std::optional<QList<OpportunityUpdate>> LocalStore::updates(const QString &opportunityId)
{
    std::optional<StoredHistory> stored = history(opportunityId);
    if (!stored)
        return std::nullopt;
    return std::move(stored->updates);
}

bool LocalStore::storeUpdates(const QString &opportunityId, const QList<OpportunityUpdate> &updates,
                              const QString &recordVersion)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO opportunity_updates (opportunity_id, data, fetched_at,"
        " record_version) VALUES (?, ?, ?, ?)"));
    query.addBindValue(opportunityId);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(OpportunityJson::updatesToJson(updates)).toJson(QJsonDocument::Compact)));
    query.addBindValue(CacheRows::timestampText(QDateTime::currentDateTimeUtc()));
    query.addBindValue(SqlNullText::nullable(recordVersion));
    if (!query.exec())
        return fail(QStringLiteral("storing the history"), query.lastError().text());
    emit opportunitiesChanged({opportunityId});
    return true;
}
