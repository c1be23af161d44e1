#include "HistoryTable.h"

#include "CacheDatabase.h"
#include "OpportunityJson.h"
#include "SqlNullText.h"
#include "Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

Result<std::optional<StoredHistory>> HistoryTable::find(const QString &opportunityId) const
{
    QSqlQuery query = m_db.query();
    query.prepare(QStringLiteral("SELECT data, record_version, fetched_at FROM opportunity_updates"
                                 " WHERE opportunity_id = ?"));
    query.addBindValue(opportunityId);
    if (!query.exec() || (!query.next() && query.lastError().isValid()))
        return CacheDatabase::failure(QStringLiteral("reading the history"),
                                      query.lastError().text());
    if (!query.isValid())
        return std::optional<StoredHistory>();
    StoredHistory history;
    FieldErrors errors;
    history.updates = OpportunityJson::readUpdates(
        QJsonDocument::fromJson(query.value(0).toString().toUtf8()).array(), &errors);
    history.recordVersion = query.value(1).toString();
    history.fetchedAt = Timestamp::fromText(query.value(2).toString());
    return std::optional<StoredHistory>(std::move(history));
}

Result<StoreChanges> HistoryTable::store(const QString &opportunityId,
                                         const QList<OpportunityUpdate> &updates,
                                         const QString &recordVersion)
{
    const Status stored = m_db.exec(
        QStringLiteral("storing the history"),
        QStringLiteral("INSERT OR REPLACE INTO opportunity_updates (opportunity_id, data,"
                       " fetched_at, record_version) VALUES (?, ?, ?, ?)"),
        {opportunityId,
         QString::fromUtf8(
             QJsonDocument(OpportunityJson::updatesToJson(updates)).toJson(QJsonDocument::Compact)),
         Timestamp::toText(QDateTime::currentDateTimeUtc()), SqlNullText::nullable(recordVersion)});
    if (!stored)
        return Failure{stored.error()};
    StoreChanges changes;
    changes.changed = QStringList{opportunityId};
    return changes;
}
